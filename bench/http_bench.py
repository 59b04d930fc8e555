"""Platen end to end over HTTP (issues 4 and 12): sync latency and CPU against the renderer's own on the same card,
cached repeats, renders per second with one and two workers, and the worker's memory over 2,000 renders.

It starts the service the way ``make run`` does (gunicorn web with gunicorn.conf.py, ``python -m
connector.jobs.worker``) in a temporary PLATEN_DATA_DIR, with rate limits off, on a free port, against an external
Redis when ``REDIS_URL`` is set or 127.0.0.1:6379 answers (db 14, a unique PLATEN_REDIS_PREFIX, its keys deleted
at the end), else the embedded one. The card's two images come from a local HTTP server. Every process it starts
is stopped at the end (process groups, SIGTERM then SIGKILL), also on errors and Ctrl-C.

1. Sync latency, on the reference card and on the same card without its images (text and shapes only):
   ``POST /api/v1/renders`` with ``wait: true``, ``output: url``, PNG, a new title on every request (nothing
   cached), one client, one worker; against ``renderer.render`` in this process on the very same template and
   fields with a warm RenderCache (interleaved in blocks, so both see the same machine). Overhead = HTTP p50 -
   renderer p50 (target <= 5 ms on each card). CPU: what web, worker and Redis spend while answering the HTTP
   blocks, per render, against the renderer's own CPU per render (target <= 1.15x). The render records'
   timestamps split the time up: client -> created_at (web: parse, auth, checks), created_at -> started_at
   (charge, save, enqueue, RQ dequeue), started_at -> completed_at (the worker's render + file write;
   ``duration_ms``), completed_at -> answer (cache write, done signal, BLPOP wake-up, JSON answer).
2. Cached repeats: the reference card's requests again (``cached: true``), p50/p95 (target p50 <= 2.5 ms);
   ``GET /healthz`` and ``GET /api/v1/me`` as the floor of any request and of an authenticated one.
3. Renders per second, one worker and two (target: two >= 1.85x one end to end), ``--rounds`` rounds alternating
   which goes first: end to end, ``--clients`` threads posting sync renders for ``--seconds`` (per round); and
   worker capacity, a ``--backlog`` queued with ``wait: false`` while no worker runs, then drained by fresh
   workers, the rate read from the records' completed_at (no HTTP in that window). CPU seconds of every process
   (web, workers, Redis — shared with its other clients when external —, this client) and of everything else on
   the machine are reported per render: on a shared 2-core machine, read the rates next to the "others" column.
4. Worker memory: a fresh worker renders ``--memory-renders`` (2,000) distinct titles; RSS (psutil) at 5, 25, 50,
   75 and 100 % (100, 500, 1000, 1500, 2000). Target: within 10 % from the 25 % checkpoint (500) to the last.

The report ends with the four figures of issue 12 side by side (overhead on both cards, cached p50, CPU ratio on
both cards, two workers against one).

    .venv/bin/python bench/http_bench.py                    # about 4 minutes
    .venv/bin/python bench/http_bench.py --quick            # about a minute
    .venv/bin/python bench/http_bench.py --wait-quiet 120   # first wait for other processes to calm down
    .venv/bin/python bench/http_bench.py --redis embedded --rounds 3 --json out/http_bench.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _http_phases import HALT, Bench  # noqa: E402
from _http_report import report  # noqa: E402
from _measure import loadavg, say, wait_quiet  # noqa: E402
from _procs import AssetServer, Stack, choose_redis  # noqa: E402
from _reference import ASSETS, CARD  # noqa: E402

DEFAULT = {"sync": 150, "cached": 300, "floor": 100, "seconds": 10.0, "clients": 8, "backlog": 400, "rounds": 2,
           "memory": 2000}
QUICK = {"sync": 40, "cached": 100, "floor": 50, "seconds": 5.0, "clients": 8, "backlog": 200, "rounds": 1,
         "memory": 500}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller counts (about a minute)")
    ap.add_argument("--seconds", type=float, help="seconds of each end-to-end throughput run (default 10; x rounds)")
    ap.add_argument("--rounds", type=int, help="rounds of the one-vs-two-worker comparisons (default 2)")
    ap.add_argument("--clients", type=int, help="concurrent clients of the throughput runs (default 8)")
    ap.add_argument("--sync", type=int, help="sync renders timed in phase 1 (default 150)")
    ap.add_argument("--cached", type=int, help="cached repeats timed in phase 2 (default 300)")
    ap.add_argument("--backlog", type=int, help="renders of each worker-capacity drain (default 400)")
    ap.add_argument("--memory-renders", type=int, dest="memory", help="renders of the memory phase (default 2000)")
    ap.add_argument("--redis", help="a Redis URL, or 'embedded' (default: REDIS_URL, else 127.0.0.1:6379/14 if it "
                                    "answers, else embedded)")
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                    help="first wait up to this long until other processes use less than a quarter of a core")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (logs) at the end")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--json", help="also write the measurements to this file")
    args = ap.parse_args()

    counts = dict(QUICK if args.quick else DEFAULT)
    for key in counts:
        if getattr(args, key, None) is not None:
            counts[key] = getattr(args, key)
    for path in (CARD, ASSETS):
        if not path.exists():
            raise SystemExit(f"missing {path} (set PLATEN_BENCH_DIR to the shared bench directory)")

    if args.wait_quiet > 0:
        busy = wait_quiet(args.wait_quiet)
        say(f"Machine busy before starting: {busy:.2f} cores.")
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="platen-http-bench-"))
    assets = AssetServer()
    stack = None
    verdicts = []
    failed = True

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    signal.signal(signal.SIGINT, signal.default_int_handler)   # also when started in the background (SIG_IGN)
    try:
        stack = Stack(tmp, choose_redis(args.redis))
        say(f"# Platen end to end over HTTP ({'quick' if args.quick else 'full'})\n")
        say(f"Python {sys.version.split()[0]}, {psutil.cpu_count()} CPUs, load average at start {loadavg()}; "
            f"{stack.redis_kind} Redis {stack.redis_url} (prefix {stack.prefix}); web on {stack.base}; "
            f"temp dir {tmp}\n")
        stack.start_web()
        stack.start_workers(1)
        bench = Bench(stack, counts, assets)
        bench.setup()
        bench.phase_sync()
        bench.phase_cached()
        bench.phase_throughput()
        bench.phase_memory()
        verdicts = report(bench, stack, started)
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            out = {k: v for k, v in bench.results.items()}
            for key in ("sync", "sync_text"):
                out[key] = {k: v for k, v in out[key].items() if k != "titles"}
            Path(args.json).write_text(json.dumps({"counts": counts, "results": out, "verdicts": verdicts},
                                                  indent=1, default=str))
        failed = False
    except KeyboardInterrupt:
        HALT.set()
        failed = False   # stopped on purpose: clean up as after a run
        say("\nInterrupted: stopping every process.")
        raise
    finally:
        problems = stack.close() if stack is not None else []
        assets.close()
        for p in problems:
            say(f"  cleanup: {p}")
        if args.keep or failed:
            say(f"Logs kept in {tmp / 'logs'}")
            shutil.rmtree(tmp / "data" / "files", ignore_errors=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if args.strict and not all(ok for _, ok in verdicts) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
