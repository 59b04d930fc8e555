"""The worker's early stop handler, and the processes the worker forks (RQ's scheduler)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

# The worker notes a stop signal, then forks children that have not installed handlers of their own (as RQ's
# scheduler process is, for a moment after its start) and stops them with SIGTERM as RQ's stop_scheduler does:
# one at once, while it may still be starting, and one that told it is running (its handler and blocked signals
# sent back) and then sleeps. A Python handler inherited from the worker would let a child that takes the signal
# just before its sleep begins sleep on.
SCRIPT = textwrap.dedent("""
    import multiprocessing, os, signal, time
    from connector.jobs import worker

    def starting(reply):
        reply.send((signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, sorted(signal.pthread_sigmask(
            signal.SIG_BLOCK, []))))
        time.sleep(30)

    def stopped(child):
        os.kill(child.pid, signal.SIGTERM)
        child.join(20)
        if child.is_alive():
            child.kill()
            return "alive"
        return child.exitcode

    worker.listen_for_early_stop()
    context = multiprocessing.get_context("fork")
    at_once = context.Process(target=time.sleep, args=(30,))
    at_once.start()
    first = stopped(at_once)
    ours, theirs = context.Pipe()
    child = context.Process(target=starting, args=(theirs,))
    child.start()
    default, blocked = ours.recv() if ours.poll(20) else (None, None)
    second = stopped(child)
    signal.raise_signal(signal.SIGTERM)   # the worker itself still only notes it
    print(first, second, default, blocked, sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])),
          worker.PlatenWorker.early_stop)
""")


def test_a_forked_child_stops_on_sigterm_before_it_has_handlers_of_its_own():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["-15", "-15", "True", "[]", "[]", "True"]
