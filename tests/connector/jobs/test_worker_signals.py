"""The worker's early stop handler, and the processes the worker forks (RQ's scheduler)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

# The worker notes a stop signal, then forks a child that has not installed handlers of its own yet (as RQ's
# scheduler process is, for a moment after its start), and stops it with SIGTERM as RQ's stop_scheduler does.
SCRIPT = textwrap.dedent("""
    import multiprocessing, os, signal, time
    from connector.jobs import worker

    def starting(ready):
        ready.set()
        time.sleep(30)

    worker.listen_for_early_stop()
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    child = context.Process(target=starting, args=(ready,))
    child.start()
    ready.wait(10)
    os.kill(child.pid, signal.SIGTERM)
    child.join(10)
    alive = child.is_alive()
    if alive:
        child.kill()
    os.kill(os.getpid(), signal.SIGTERM)   # the worker itself still only notes it
    print(child.exitcode if not alive else "alive", worker.PlatenWorker.early_stop)
""")


def test_a_forked_child_stops_on_sigterm_before_it_has_handlers_of_its_own():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(-15), "True"]
