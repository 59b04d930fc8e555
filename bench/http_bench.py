"""Platen end to end over HTTP (issue 4): sync latency against the renderer's own time, cached repeats, renders
per second with one and two workers, and the worker's memory over 2,000 renders — on the reference card.

It starts the service the way ``make run`` does (gunicorn web with gunicorn.conf.py, ``python -m
connector.worker``) in a temporary PLATEN_DATA_DIR, with rate limits off, on a free port, against an external
Redis when ``REDIS_URL`` is set or 127.0.0.1:6379 answers (db 14, a unique PLATEN_REDIS_PREFIX, its keys deleted
at the end), else the embedded one. The card's two images come from a local HTTP server. Every process it starts
is stopped at the end (process groups, SIGTERM then SIGKILL), also on errors and Ctrl-C.

1. Sync latency: ``POST /api/v1/renders`` with ``wait: true``, ``output: url``, PNG, a new title on every request
   (nothing cached), one client, one worker; against ``renderer.render`` in this process on the very same
   template and fields with a warm RenderCache (interleaved in blocks, so both see the same machine).
   Overhead = HTTP p50 - renderer p50 (target <= 15 ms). The render records' timestamps split it up:
   client -> created_at (web: parse, auth, checks), created_at -> started_at (charge, save, enqueue, RQ
   dequeue), started_at -> completed_at (the worker's render + file write; ``duration_ms``), completed_at ->
   answer (cache write, done signal, BLPOP wake-up, reload, JSON answer).
2. Cached repeats: the same requests again (``cached: true``), p50/p95 (target p50 <= 5 ms); ``GET /healthz``
   and ``GET /api/v1/me`` as the floor of any request and of an authenticated one.
3. Renders per second, one worker and two (target: two >= 1.8x one), ``--rounds`` rounds alternating which goes
   first: end to end, ``--clients`` threads posting sync renders for ``--seconds`` (per round); and worker
   capacity, a ``--backlog`` queued with ``wait: false`` while no worker runs, then drained by fresh workers,
   the rate read from the records' completed_at (no HTTP in that window). CPU seconds of every process (web,
   workers, Redis — shared with its other clients when external —, this client) and of everything else on the
   machine are reported per render: on a shared 2-core machine, read the rates next to the "others" column.
4. Worker memory: a fresh worker renders ``--memory-renders`` (2,000) distinct titles; RSS (psutil) at 5, 25, 50,
   75 and 100 % (100, 500, 1000, 1500, 2000). Target: within 10 % from the 25 % checkpoint (500) to the last.

    .venv/bin/python bench/http_bench.py                    # about 4 minutes
    .venv/bin/python bench/http_bench.py --quick            # about a minute
    .venv/bin/python bench/http_bench.py --wait-quiet 120   # first wait for other processes to calm down
    .venv/bin/python bench/http_bench.py --redis embedded --rounds 3 --json out/http_bench.json
"""

from __future__ import annotations

import argparse
import ctypes
import http.client
import itertools
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _reference import ASSETS, CARD, URL_PREFIX  # noqa: E402

TARGETS = {"overhead_ms": 15.0, "cached_p50_ms": 5.0, "scaling": 1.8, "memory_growth_pct": 10.0}
DEFAULT = {"sync": 150, "cached": 300, "floor": 100, "seconds": 10.0, "clients": 8, "backlog": 400, "rounds": 2,
           "memory": 2000}
QUICK = {"sync": 40, "cached": 100, "floor": 50, "seconds": 5.0, "clients": 8, "backlog": 200, "rounds": 1,
         "memory": 500}
BLOCK = 10                      # sync phase: this many HTTP renders, then the same fields in-process, alternating
MEMORY_MARKS = (0.05, 0.25, 0.5, 0.75, 1.0)
MEMORY_BASE_MARK = 0.25         # growth is measured from this checkpoint to the last
EXTERNAL_DB = 14
STOP_SECONDS = 15
PR_SET_PDEATHSIG = 1
HALT = threading.Event()      # set on Ctrl-C/SIGTERM: client threads stop posting
WEB_LINE = re.compile(r"platen\.http: (\w+) (\S+) (\d{3}) ([\d.]+)ms")


# --- small helpers ------------------------------------------------------------------------------------------------

def pct(values, q: float) -> float:
    """The q-quantile the way the renderer bench takes its p90: the ceil(q*n)-th smallest value."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def med(values) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> float:
    return seconds * 1000.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def iso_ts(text: str | None) -> float | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() if text else None


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def say(text: str) -> None:
    print(text, flush=True)


def wait_quiet(limit: float, threshold: float = 0.25, window: float = 3.0) -> float:
    """Wait (at most ``limit`` s) until the machine is quiet: less than ``threshold`` cores busy over ``window`` s.
    Returns the cores busy in the last window."""
    deadline = time.monotonic() + limit
    while True:
        t0, b0 = time.perf_counter(), CpuMeter._busy()
        time.sleep(window)
        busy = (CpuMeter._busy() - b0) / (time.perf_counter() - t0)
        if busy < threshold or time.monotonic() >= deadline:
            return busy
        say(f"  (waiting for a quiet machine: {busy:.2f} cores busy)")


_titles = itertools.count(1)
_BASE_TITLE = json.loads(CARD.read_text())["layers"][5]["text"] if CARD.exists() else "Title"


def new_title(tag: str) -> str:
    """A title never used before in this run, as long as the card's own (74 characters: the same shrink work)."""
    suffix = f"{tag}{next(_titles):06d}"
    return f"{_BASE_TITLE[:len(_BASE_TITLE) - len(suffix) - 1]} {suffix}"


# --- the card's images over HTTP ----------------------------------------------------------------------------------

class AssetServer:
    """/work/shared/bench/assets on 127.0.0.1, cacheable for a day (as a CDN would serve them); counts GETs."""

    def __init__(self):
        outer = self
        self.gets = 0

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *a, **k):
                super().__init__(*a, directory=str(ASSETS), **k)

            def do_GET(self):  # noqa: N802
                outer.gets += 1
                super().do_GET()

            def end_headers(self):
                self.send_header("Cache-Control", "public, max-age=86400")
                super().end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, name="assets", daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- the Platen processes -----------------------------------------------------------------------------------------

def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM if this benchmark dies, even by SIGKILL (as run.py does)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class Proc:
    """A child in its own process group, logging to a file; ``stop`` ends the whole group."""

    def __init__(self, name: str, args: list[str], env: dict, log: Path):
        self.name, self.log = name, log
        self._out = open(log, "ab")
        self.popen = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self._out, stderr=subprocess.STDOUT,
                                      start_new_session=True, preexec_fn=_die_with_parent)
        self.pid = self.popen.pid
        self.ps = psutil.Process(self.pid)

    def alive(self) -> bool:
        return self.popen.poll() is None

    def tree(self) -> list[psutil.Process]:
        try:
            return [self.ps, *self.ps.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def tail(self, chars: int = 3000) -> str:
        self._out.flush()
        return self.log.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        if self.alive():
            try:
                os.killpg(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.popen.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                say(f"  ({self.name} did not stop within {STOP_SECONDS} s: killed)")
        try:   # whatever is left of the group (RQ's scheduler child, gunicorn workers): gone for sure
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self.popen.returncode is None:
            self.popen.wait()
        if not self._out.closed:
            self._out.close()


class Stack:
    """Web process, workers, Redis; their environment; the stop of all of them."""

    def __init__(self, tmp: Path, redis_choice: str | None):
        self.tmp = tmp
        self.logs = tmp / "logs"
        self.logs.mkdir()
        self.keeper = None
        self.procs: list[Proc] = []
        self.web: Proc | None = None
        self.workers: list[Proc] = []
        self.worker_names: set[str] = set()
        self.prefix = "httpbench" + secrets.token_hex(5)
        data_dir = tmp / "data"
        if redis_choice:
            self.redis_url, self.redis_kind = redis_choice, "external"
        else:
            from connector import embedded

            self.keeper = embedded.start(str(data_dir))
            self.redis_url, self.redis_kind = embedded.url_of(self.keeper), "embedded"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        metrics_dir = tmp / "prometheus"
        metrics_dir.mkdir()
        self.env = {**os.environ, "REDIS_URL": self.redis_url, "PLATEN_DATA_DIR": str(data_dir),
                    "PLATEN_REDIS_PREFIX": self.prefix, "PLATEN_RATE_LIMIT_ENABLED": "0",
                    "PLATEN_ALLOW_PRIVATE_NETWORKS": "1", "PLATEN_PUBLIC_URL": self.base, "PORT": str(self.port),
                    "HOST": "127.0.0.1", "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
        self.env.pop("PLATEN_FILES_DIR", None)
        self.env.pop("PLATEN_STORAGE", None)
        from connector import Connector
        from connector.settings import Settings

        self.settings = Settings.from_env(self.env)
        try:
            self.conn = Connector(self.settings)
        except Exception:
            if self.keeper is not None:
                from connector import embedded

                embedded.stop(self.keeper)
            raise
        self.r = self.conn.redis
        self.queue_name = f"{self.prefix}-renders"
        self.pending_key = self.conn.pending_key
        self.started_keys = set(self.r.scan_iter("rq:*", count=1000)) if self.redis_kind == "external" else set()

    # processes
    def start_web(self) -> None:
        self.web = Proc("web", [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"], self.env,
                        self.logs / "web.log")
        self.procs.append(self.web)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if not self.web.alive():
                raise SystemExit(f"the web process exited:\n{self.web.tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
                    if b" 200 " in sock.recv(64):
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"the web process never answered /healthz:\n{self.web.tail()}")

    def registered_workers(self) -> set[str]:
        return set(self.r.smembers(f"rq:workers:{self.queue_name}"))

    def start_workers(self, count: int) -> list[Proc]:
        before = self.registered_workers()
        new = []
        for _ in range(count):
            index = len([p for p in self.procs if p.name.startswith("worker")]) + 1
            proc = Proc(f"worker{index}", [sys.executable, "-m", "connector.worker"], self.env,
                        self.logs / f"worker{index}.log")
            self.procs.append(proc)
            new.append(proc)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for proc in new:
                if not proc.alive():
                    raise SystemExit(f"{proc.name} exited:\n{proc.tail()}")
            fresh = self.registered_workers() - before
            if len(fresh) >= count:
                self.worker_names |= {name.split(":", 2)[-1] for name in fresh}
                self.workers += new
                return new
            time.sleep(0.05)
        raise SystemExit("workers never registered:\n" + "\n".join(p.tail() for p in new))

    def stop_workers(self, which: list[Proc] | None = None) -> None:
        for proc in list(which if which is not None else self.workers):
            proc.stop()
            self.workers.remove(proc)

    def redis_process(self) -> psutil.Process | None:
        """The redis-server this run uses, when it runs on this machine (for its CPU time)."""
        try:
            proc = psutil.Process(int(self.r.info("server")["process_id"]))
            return proc if "redis" in proc.name() else None   # a remote server's pid means nothing here
        except (redis.RedisError, psutil.Error, KeyError, TypeError, ValueError):
            return None

    def prune_files(self) -> None:
        """The hosted PNGs (about 1 MB each) are not needed after a phase: keep the temp dir small."""
        shutil.rmtree(self.tmp / "data" / "files", ignore_errors=True)

    def close(self) -> list[str]:
        problems = []
        # the web first (as run.py does): its in-flight sync requests still have workers to finish them
        for proc in sorted(self.procs, key=lambda p: p.name != "web"):
            try:
                proc.stop()
            except Exception as exc:  # noqa: BLE001 - stop the others whatever happens
                problems.append(f"stopping {proc.name}: {exc}")
        try:
            if self.redis_kind == "external":
                self.clean_redis()
        except redis.RedisError as exc:
            problems.append(f"cleaning Redis: {exc}")
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass
        if self.keeper is not None:
            from connector import embedded

            embedded.stop(self.keeper)
        return problems

    def clean_redis(self) -> None:
        """Every key this run wrote: Platen's (prefix), RQ's for our queues, jobs, workers and scheduler."""
        r = self.r
        render_ids = set()
        for key in r.scan_iter(f"{self.prefix}:renders:acct_*", count=1000):
            render_ids |= set(r.zrange(key, 0, -1))
        doomed = set(r.scan_iter(f"{self.prefix}:*", count=1000)) | set(r.scan_iter(f"*{self.prefix}-*", count=1000))
        rnd = re.compile(r"rnd_[0-9a-z]+")
        for key in r.scan_iter("rq:*", count=1000):
            if key in doomed:
                continue
            found = rnd.search(key)
            if (found and found.group(0) in render_ids) or any(name in key for name in self.worker_names):
                doomed.add(key)
            elif key not in self.started_keys and r.type(key) == "hash" and \
                    any(self.prefix in str(v) for v in r.hgetall(key).values()):
                doomed.add(key)   # e.g. rq:scheduler:<uuid>, whose queue_names are ours
        ours = (self.prefix, *self.worker_names)
        for registry in ("rq:workers", "rq:queues"):   # RQ's global sets: only our members go
            mine = [m for m in r.smembers(registry) if any(x in m for x in ours)]
            if mine:
                r.srem(registry, *mine)
        if "rq:clean_groups" not in self.started_keys:   # a short-lived lock our workers took
            doomed.add("rq:clean_groups")
        doomed = sorted(doomed)
        for i in range(0, len(doomed), 500):
            r.unlink(*doomed[i:i + 500])
        left = [k for k in r.scan_iter(f"*{self.prefix}*", count=1000)]
        if left:
            say(f"  (Redis keys left behind: {left[:5]}…)")


def choose_redis(arg: str | None) -> str | None:
    if arg == "embedded":
        return None
    if arg:
        return arg
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5, socket_timeout=1).ping()
        return f"redis://127.0.0.1:6379/{EXTERNAL_DB}"
    except redis.RedisError:
        return None


# --- the HTTP client ----------------------------------------------------------------------------------------------

class Client:
    """One keep-alive connection (http.client: a thin client, so the figures are the server's, not ours)."""

    def __init__(self, port: int, key: str | None):
        self.port = port
        self.headers = {"Content-Type": "application/json"}
        if key:
            self.headers["X-API-Key"] = key
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def call(self, method: str, path: str, body=None) -> tuple[int, dict | None]:
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):
            try:
                self.conn.request(method, path, body=data, headers=self.headers)
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn.close()   # gunicorn closed an idle keep-alive connection: nothing was sent, resend
                if attempt:
                    raise
                continue
            try:
                response = self.conn.getresponse()
                raw = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError):
                self.conn.close()
                if attempt or method != "GET":
                    raise
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
            return response.status, (json.loads(raw) if raw else None)
        raise AssertionError("unreachable")

    def close(self):
        self.conn.close()


def render_body(template_id: str, title: str, *, wait: bool = True) -> dict:
    return {"template_id": template_id, "fields": {"title": title}, "format": "png", "output": "url", "wait": wait}


# --- CPU accounting -----------------------------------------------------------------------------------------------

class CpuMeter:
    """CPU seconds of each group of processes between start() and stop(), and of everyone else on the machine."""

    def __init__(self, groups: dict):
        self.groups = groups   # name -> callable returning psutil.Process list

    @staticmethod
    def _busy() -> float:
        t = psutil.cpu_times()
        return sum(t) - t.idle - getattr(t, "iowait", 0.0)

    def _snap(self) -> dict:
        out = {}
        for name, procs in self.groups.items():
            total = 0.0
            for proc in procs():
                try:
                    c = proc.cpu_times()
                    total += c.user + c.system
                except psutil.Error:
                    pass
            out[name] = total
        return out

    def start(self):
        self.t0, self.b0, self.s0 = time.perf_counter(), self._busy(), self._snap()

    def stop(self) -> dict:
        wall, busy, s1 = time.perf_counter() - self.t0, self._busy() - self.b0, self._snap()
        used = {name: max(0.0, s1[name] - self.s0.get(name, 0.0)) for name in s1}
        used["others"] = max(0.0, busy - sum(used.values()))
        return {"wall": wall, "cpu": used, "cores_busy": busy / wall if wall else 0.0}


def cpu_summary(meter: dict, renders: int) -> str:
    if not renders:
        return ""
    parts = [f"{name} {ms(sec) / renders:.1f}" for name, sec in meter["cpu"].items()]
    return (f"CPU ms per render: {', '.join(parts)}; machine busy {meter['cores_busy']:.2f} of "
            f"{psutil.cpu_count()} cores")


def combine(runs: list[dict], time_key: str) -> dict:
    """Several runs of one configuration as one: renders over seconds, CPU summed, cores busy over wall time."""
    n, seconds = sum(r["n"] for r in runs), sum(r[time_key] for r in runs)
    cpu: dict = {}
    for r in runs:
        for name, sec in r["cpu"]["cpu"].items():
            cpu[name] = cpu.get(name, 0.0) + sec
    wall = sum(r["cpu"]["wall"] for r in runs)
    return {"rate": n / seconds if seconds else 0.0, "n": n, "runs": runs,
            "cpu": {"wall": wall, "cpu": cpu, "cores_busy": sum(r["cpu"]["cores_busy"] * r["cpu"]["wall"]
                                                                for r in runs) / wall if wall else 0.0},
            "cpu_renders": sum(r["cpu_renders"] for r in runs),
            "problems": sum(r.get("errors", 0) + r.get("failed", 0) for r in runs),
            "duration_ms_p50": med([r["duration_ms_p50"] for r in runs if "duration_ms_p50" in r])}


# --- the benchmark --------------------------------------------------------------------------------------------------

class Bench:
    def __init__(self, stack: Stack, counts: dict, assets: AssetServer):
        self.s, self.n, self.assets = stack, counts, assets
        self.results: dict = {}
        self.template = None
        self.template_id = None
        self.key = None

    # setup
    def setup(self) -> None:
        s = self.s
        _account, _key, self.key = s.conn.accounts.create_account("Bench", "bench@localhost", 1_000_000)
        template = json.loads(CARD.read_text())
        for layer in template["layers"]:
            if str(layer.get("src", "")).startswith(URL_PREFIX):
                layer["src"] = self.assets.base + layer["src"][len(URL_PREFIX):]
        self.template = template
        client = Client(s.port, self.key)
        status, body = client.call("POST", "/api/v1/templates", template)
        if status != 201:
            raise SystemExit(f"creating the template answered {status}: {body}")
        self.template_id = body["id"]
        client.close()

    def meter(self) -> CpuMeter:
        s = self.s
        redis_proc = s.redis_process()
        me = psutil.Process()
        return CpuMeter({
            "web": lambda: s.web.tree() if s.web else [],
            "workers": lambda: [p for w in s.workers for p in w.tree()],
            "redis": lambda: [redis_proc] if redis_proc else [],
            "client": lambda: [me],
        })

    def web_log_offset(self) -> int:
        return (self.s.logs / "web.log").stat().st_size

    def web_times(self, offset: int, method: str, path: str, status: int | None = None) -> list[float]:
        """Server-side milliseconds of matching requests logged since ``offset`` (the app's own log line)."""
        with open(self.s.logs / "web.log", "rb") as fh:
            fh.seek(offset)
            text = fh.read().decode(errors="replace")
        out = []
        for m in WEB_LINE.finditer(text):
            if m.group(1) == method and m.group(2) == path and (status is None or int(m.group(3)) == status):
                out.append(float(m.group(4)))
        return out

    def records(self, ids: list[str]) -> list[dict]:
        pipe = self.s.r.pipeline(transaction=False)
        for rid in ids:
            pipe.hmget(self.s.conn.render_store.key(rid), "status", "created_at", "started_at", "completed_at",
                       "duration_ms", "cached")
        out = []
        for rid, vals in zip(ids, pipe.execute(), strict=True):
            status, created, started, completed, duration, cached = vals
            out.append({"id": rid, "status": status, "created": iso_ts(created), "started": iso_ts(started),
                        "completed": iso_ts(completed), "duration_ms": int(duration) if duration else None,
                        "cached": cached == "1"})
        return out

    def post_sync(self, client: Client, title: str) -> tuple[float, float, float, dict]:
        body = render_body(self.template_id, title)
        w0, t0 = time.time(), time.perf_counter()
        status, answer = client.call("POST", "/api/v1/renders", body)
        t1 = time.perf_counter()
        w1 = w0 + (t1 - t0)
        if status != 201 or answer.get("status") != "completed":
            raise SystemExit(f"a sync render answered {status}: {answer}")
        return t1 - t0, w0, w1, answer

    # 1. sync latency vs the renderer
    def in_process_renderer(self):
        from renderer import RenderCache, render
        from renderer.fonts import FontRegistry, default_registry

        settings = self.s.settings
        held = {}
        for layer in self.template["layers"]:
            if layer.get("src"):
                held[layer["src"]] = (ASSETS / layer["src"].rsplit("/", 1)[1]).read_bytes()
        dirs = [d for d in settings.font_dirs.split(":") if d]
        fonts = FontRegistry(dirs) if dirs else default_registry()
        cache = RenderCache(settings.render_cache_bytes)
        template = self.template

        def once(title: str) -> float:
            t0 = time.perf_counter()
            render(template, {"title": title}, format="png", load_image=held.__getitem__, cache=cache,
                   png_compression=settings.png_compression, fonts=fonts)
            return time.perf_counter() - t0

        return once

    def phase_sync(self) -> None:
        n = self.n["sync"]
        say(f"1. sync latency: {n} distinct renders over HTTP (wait: true) against the same fields in-process…")
        client = Client(self.s.port, self.key)
        once = self.in_process_renderer()
        for _ in range(5):   # warm: the worker's fonts, image fetches and decodes; this process' the same
            self.post_sync(client, new_title("w"))
            once(new_title("w"))
        http_lat, local_lat, done = [], [], []
        offset = self.web_log_offset()
        meter = self.meter()
        meter.start()
        blocks = max(1, n // BLOCK)
        for b in range(blocks):
            titles = [new_title("s") for _ in range(BLOCK)]
            order = ("http", "local") if b % 2 == 0 else ("local", "http")
            for which in order:
                for title in titles:
                    if which == "http":
                        lat, w0, w1, answer = self.post_sync(client, title)
                        http_lat.append(lat)
                        done.append((answer["id"], w0, w1, answer.get("duration_ms"), title))
                    else:
                        local_lat.append(once(title))
        cpu = meter.stop()
        client.close()
        server_ms = self.web_times(offset, "POST", "/api/v1/renders", 201)
        recs = {r["id"]: r for r in self.records([d[0] for d in done])}
        seg = {"web_in": [], "queue": [], "worker": [], "return": []}
        for rid, w0, w1, _dur, _title in done:
            r = recs[rid]
            if None in (r["created"], r["started"], r["completed"]):
                continue
            seg["web_in"].append(ms(r["created"] - w0))
            seg["queue"].append(ms(r["started"] - r["created"]))
            seg["worker"].append(ms(r["completed"] - r["started"]))
            seg["return"].append(ms(w1 - r["completed"]))
        durations = [d[3] for d in done if d[3] is not None]
        res = {
            "n": len(http_lat), "http_p50": ms(med(http_lat)), "http_p95": ms(pct(http_lat, 0.95)),
            "renderer_p50": ms(med(local_lat)), "renderer_p95": ms(pct(local_lat, 0.95)),
            "duration_ms_p50": med(durations), "server_p50": med(server_ms),
            "segments_p50": {k: med(v) for k, v in seg.items()},
            "cached_flags": sum(recs[d[0]]["cached"] for d in done),
            "cpu": cpu, "titles": [d[4] for d in done],
        }
        res["overhead_p50"] = res["http_p50"] - res["renderer_p50"]
        self.results["sync"] = res
        sg = res["segments_p50"]
        say(f"   HTTP p50 {res['http_p50']:.1f} ms (p95 {res['http_p95']:.1f}), renderer p50 "
            f"{res['renderer_p50']:.1f} ms, overhead {res['overhead_p50']:.1f} ms; worker duration_ms p50 "
            f"{res['duration_ms_p50']:.0f}; web's own time p50 {res['server_p50']:.1f} ms")
        say(f"   split (p50 of each, ms): client->created {sg['web_in']:.1f}, created->started {sg['queue']:.1f}, "
            f"started->completed {sg['worker']:.1f}, completed->answer {sg['return']:.1f}; other processes used "
            f"{cpu['cpu']['others'] / cpu['wall']:.2f} cores meanwhile")

    # 2. cached repeats and the floor
    def phase_cached(self) -> None:
        titles = self.results["sync"]["titles"]
        n = self.n["cached"]
        say(f"2. cached repeats: {n} requests repeating phase 1's fields; floors: GET /healthz, GET /api/v1/me…")
        client = Client(self.s.port, self.key)
        lat, not_cached = [], 0
        offset = self.web_log_offset()
        for i in range(n):
            t0 = time.perf_counter()
            status, answer = client.call("POST", "/api/v1/renders", render_body(self.template_id,
                                                                                titles[i % len(titles)]))
            lat.append(time.perf_counter() - t0)
            if status != 201:
                raise SystemExit(f"a cached repeat answered {status}: {answer}")
            not_cached += not answer["cached"]
        server_ms = self.web_times(offset, "POST", "/api/v1/renders", 201)
        floors = {}
        for path, auth in (("/healthz", False), ("/api/v1/me", True)):
            c = Client(self.s.port, self.key if auth else None)
            c.call("GET", path)
            off = self.web_log_offset()
            fl = []
            for _ in range(self.n["floor"]):
                t0 = time.perf_counter()
                status, _ = c.call("GET", path)
                fl.append(time.perf_counter() - t0)
                assert status == 200, status
            c.close()
            srv = self.web_times(off, "GET", path)
            floors[path] = {"p50": ms(med(fl)), "p95": ms(pct(fl, 0.95)), "server_p50": med(srv)}
        client.close()
        res = {"n": n, "p50": ms(med(lat)), "p95": ms(pct(lat, 0.95)), "not_cached": not_cached,
               "server_p50": med(server_ms), "floors": floors}
        self.results["cached"] = res
        say(f"   cached p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms (web's own time p50 "
            f"{res['server_p50']:.1f} ms); {not_cached} answered cached: false")
        for path, f in floors.items():
            say(f"   floor GET {path}: p50 {f['p50']:.1f} ms, p95 {f['p95']:.1f} ms (web's own p50 "
                f"{f['server_p50']:.1f} ms)")

    # 3. renders per second
    def end_to_end(self, workers: int) -> dict:
        clients, seconds = self.n["clients"], self.n["seconds"]
        ramp = min(2.0, seconds * 0.15)
        finished: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        start = time.perf_counter() + 0.2
        t_from, t_to = start + ramp, start + ramp + seconds
        meter = self.meter()

        def client_loop():
            c = Client(self.s.port, self.key)
            while time.perf_counter() < start:
                time.sleep(0.005)
            try:
                while time.perf_counter() < t_to and not HALT.is_set():
                    status, answer = c.call("POST", "/api/v1/renders", render_body(self.template_id,
                                                                                   new_title("t")))
                    now = time.perf_counter()
                    with lock:
                        if status == 201 and answer.get("status") == "completed":
                            finished.append(now)
                        else:
                            errors.append(f"{status} {answer}")
            except Exception as exc:  # noqa: BLE001
                with lock:
                    errors.append(repr(exc))
            finally:
                c.close()

        threads = [threading.Thread(target=client_loop, daemon=True) for _ in range(clients)]
        for t in threads:
            t.start()
        while time.perf_counter() < t_from:
            time.sleep(0.01)
        meter.start()
        for t in threads:
            t.join()
        cpu = meter.stop()
        in_window = [t for t in finished if t_from <= t <= t_to]
        rate = len(in_window) / seconds
        if errors:
            say(f"   {len(errors)} errors, first: {errors[0][:300]}")
        # the meter ran from t_from to when the last client finished (≤ one render past t_to): per render
        # counts every render finished in that time
        finished_after = len([t for t in finished if t >= t_from])
        return {"workers": workers, "rate": rate, "n": len(in_window), "seconds": seconds, "errors": len(errors),
                "cpu": cpu, "cpu_renders": finished_after}

    def post_backlog(self, count: int, threads: int = 4) -> list[str]:
        """``count`` distinct renders with wait: false (202 at once); returns their ids."""
        ids: list[str] = []
        errors: list[str] = []
        lock = threading.Lock()
        share = [count // threads + (1 if i < count % threads else 0) for i in range(threads)]

        def loop(k):
            c = Client(self.s.port, self.key)
            try:
                for _ in range(k):
                    if HALT.is_set():
                        return
                    status, answer = c.call("POST", "/api/v1/renders",
                                            render_body(self.template_id, new_title("b"), wait=False))
                    with lock:
                        if status == 202:
                            ids.append(answer["id"])
                        else:
                            errors.append(f"{status} {answer}")
            finally:
                c.close()

        ts = [threading.Thread(target=loop, args=(k,), daemon=True) for k in share]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        if errors:
            raise SystemExit(f"{len(errors)} backlog posts failed, first: {errors[0][:300]}")
        return ids

    def wait_drained(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while self.s.r.zcard(self.s.pending_key) > 0:
            if time.monotonic() > deadline:
                raise SystemExit("the render backlog did not drain in time")
            for w in self.s.workers:
                if not w.alive():
                    raise SystemExit(f"{w.name} died:\n{w.tail()}")
            time.sleep(0.1)

    def drain(self, workers: int) -> dict:
        """Worker capacity: a backlog queued while no worker runs, drained by ``workers`` fresh workers."""
        assert not self.s.workers
        count = self.n["backlog"]
        ids = self.post_backlog(count)
        meter = self.meter()
        self.s.start_workers(workers)
        meter.start()
        self.wait_drained()
        cpu = meter.stop()
        recs = self.records(ids)
        failed = [r for r in recs if r["status"] != "completed"]
        done = sorted(r["completed"] for r in recs if r["completed"] is not None and r["status"] == "completed")
        skip = min(len(done) // 10, 10 * workers)   # the first renders of fresh workers are cold
        window = done[skip:]
        span = window[-1] - window[0] if len(window) > 1 else 0.0
        rate = (len(window) - 1) / span if span > 0 else 0.0
        durations = [r["duration_ms"] for r in recs if r["duration_ms"] is not None]
        self.s.stop_workers()
        self.s.prune_files()
        return {"workers": workers, "rate": rate, "n": len(window) - 1, "span": span, "failed": len(failed),
                "cpu": cpu, "cpu_renders": len(done), "duration_ms_p50": med(durations)}

    def phase_throughput(self) -> None:
        rounds = self.n["rounds"]
        say(f"3. renders per second, {rounds} round(s), alternating which goes first: {self.n['clients']} clients x "
            f"{self.n['seconds']:.0f} s of sync renders with one worker and with two; a backlog of "
            f"{self.n['backlog']} queued with no worker running, drained by one fresh worker and by two…")
        e2e, drains = {1: [], 2: []}, {1: [], 2: []}
        for rnd in range(rounds):
            order = (1, 2) if rnd % 2 == 0 else (2, 1)
            for workers in order:
                while len(self.s.workers) < workers:
                    self.s.start_workers(1)
                while len(self.s.workers) > workers:
                    self.s.stop_workers(self.s.workers[-1:])
                x = self.end_to_end(workers)
                e2e[workers].append(x)
                self.s.prune_files()
                say(f"   round {rnd + 1} end to end, {workers} worker(s): {x['rate']:.1f} renders/s; "
                    f"{cpu_summary(x['cpu'], x['cpu_renders'])}")
        self.s.stop_workers()
        for rnd in range(rounds):
            for workers in ((1, 2) if rnd % 2 == 0 else (2, 1)):
                d = self.drain(workers)
                drains[workers].append(d)
                say(f"   round {rnd + 1} worker capacity, {workers} worker(s): {d['rate']:.1f} renders/s over "
                    f"{d['n']} renders (duration_ms p50 {d['duration_ms_p50']:.0f}); "
                    f"{cpu_summary(d['cpu'], d['cpu_renders'])}")
        out = {"e2e": {w: combine(runs, "seconds") for w, runs in e2e.items()},
               "drain": {w: combine(runs, "span") for w, runs in drains.items()}}
        for kind in ("e2e", "drain"):
            one, two = out[kind][1], out[kind][2]
            out[kind]["ratio"] = two["rate"] / one["rate"] if one["rate"] else float("nan")
            out[kind]["round_ratios"] = [b["rate"] / a["rate"] if a["rate"] else float("nan")
                                         for a, b in zip(one["runs"], two["runs"], strict=True)]
            say(f"   {'end to end' if kind == 'e2e' else 'worker capacity'}, two workers against one: "
                f"{out[kind]['ratio']:.2f}x (per round: "
                + ", ".join(f"{r:.2f}" for r in out[kind]["round_ratios"]) + ")")
        self.results["throughput"] = out

    # 4. memory
    def phase_memory(self) -> None:
        total = self.n["memory"]
        marks = sorted({max(1, round(total * m)) for m in MEMORY_MARKS})
        say(f"4. worker memory: a fresh worker, {total} distinct renders, RSS at {', '.join(map(str, marks))}…")
        [worker] = self.s.start_workers(1)
        rss, done, failed = [], 0, 0
        t0 = time.perf_counter()
        for mark in marks:
            ids = self.post_backlog(mark - done)
            self.wait_drained()
            failed += sum(r["status"] != "completed" for r in self.records(ids))
            done = mark
            mem = worker.ps.memory_info()
            rss.append((mark, mem.rss / 2**20))
            say(f"   {mark:5d} renders: RSS {mem.rss / 2**20:6.1f} MB")
            self.s.prune_files()
        elapsed = time.perf_counter() - t0
        self.s.stop_workers()
        base = next(v for m, v in rss if m >= round(total * MEMORY_BASE_MARK))
        growth = (rss[-1][1] - base) / base * 100
        self.results["memory"] = {"rss": rss, "growth_pct": growth, "base_mark": round(total * MEMORY_BASE_MARK),
                                  "failed": failed, "seconds": elapsed}


# --- report -------------------------------------------------------------------------------------------------------

def per_render(x: dict, name: str) -> float:
    return ms(x["cpu"]["cpu"].get(name, 0.0)) / max(1, x["cpu_renders"])


def others_cores(x: dict) -> float:
    return x["cpu"]["cpu"].get("others", 0.0) / x["cpu"]["wall"] if x["cpu"]["wall"] else 0.0


def report(b: Bench, stack: Stack, started: float) -> list[tuple[str, bool]]:
    r = b.results
    sync, cached, thr, mem = r["sync"], r["cached"], r["throughput"], r["memory"]
    e1, e2, d1, d2 = thr["e2e"][1], thr["e2e"][2], thr["drain"][1], thr["drain"][2]
    e2e_x, drain_x = thr["e2e"]["ratio"], thr["drain"]["ratio"]
    verdicts = [
        ("sync overhead p50", sync["overhead_p50"] <= TARGETS["overhead_ms"]),
        ("cached p50", cached["p50"] <= TARGETS["cached_p50_ms"]),
        ("two workers vs one (end to end)", e2e_x >= TARGETS["scaling"]),
        ("two workers vs one (worker capacity)", drain_x >= TARGETS["scaling"]),
        ("worker RSS growth", abs(mem["growth_pct"]) <= TARGETS["memory_growth_pct"]),
    ]
    ok = dict(verdicts)

    def v(name):
        return "met" if ok[name] else "**MISSED**"

    def rounds(kind):
        return ", ".join(f"{x:.2f}" for x in thr[kind]["round_ratios"])

    sg = sync["segments_p50"]
    rss = ", ".join(f"{m}: {x:.0f} MB" for m, x in mem["rss"])
    f_h, f_me = cached["floors"]["/healthz"], cached["floors"]["/api/v1/me"]
    n_rounds = b.n["rounds"]
    rows = [
        ("Sync render over HTTP (wait, url, PNG, new title each)",
         f"p50 {sync['http_p50']:.1f} ms, p95 {sync['http_p95']:.1f} ms (n={sync['n']})", "", ""),
        ("Renderer in-process, same template + fields, warm cache",
         f"p50 {sync['renderer_p50']:.1f} ms, p95 {sync['renderer_p95']:.1f} ms", "", ""),
        ("**Overhead** = HTTP p50 − renderer p50", f"**{sync['overhead_p50']:.1f} ms**",
         f"≤ {TARGETS['overhead_ms']:.0f} ms", v("sync overhead p50")),
        ("Worker-side `duration_ms` (API), median", f"{sync['duration_ms_p50']:.0f} ms", "", ""),
        ("Split, p50 ms: client→created_at / created→started / started→completed / completed→answer",
         f"{sg['web_in']:.1f} / {sg['queue']:.1f} / {sg['worker']:.1f} / {sg['return']:.1f}", "", ""),
        ("Web process' own time for the sync POST (its log), p50", f"{sync['server_p50']:.1f} ms", "", ""),
        ("Cached repeat (`cached: true`)", f"**p50 {cached['p50']:.1f} ms**, p95 {cached['p95']:.1f} ms "
         f"(web's own p50 {cached['server_p50']:.1f} ms)", f"p50 ≤ {TARGETS['cached_p50_ms']:.0f} ms",
         v("cached p50")),
        ("Floor: GET /healthz / GET /api/v1/me, p50",
         f"{f_h['p50']:.1f} ms / {f_me['p50']:.1f} ms (web's own {f_h['server_p50']:.1f} / "
         f"{f_me['server_p50']:.1f} ms)", "", ""),
        (f"Renders/s end to end, {b.n['clients']} clients, sync, {n_rounds}×{b.n['seconds']:.0f} s: "
         "1 worker → 2 workers",
         f"{e1['rate']:.1f} → {e2['rate']:.1f} = **{e2e_x:.2f}×** (rounds: {rounds('e2e')})",
         f"≥ {TARGETS['scaling']}×", v("two workers vs one (end to end)")),
        (f"Renders/s worker capacity ({n_rounds}× a backlog of {b.n['backlog']} drained): 1 worker → 2 workers",
         f"{d1['rate']:.1f} → {d2['rate']:.1f} = **{drain_x:.2f}×** (rounds: {rounds('drain')})",
         f"≥ {TARGETS['scaling']}×", v("two workers vs one (worker capacity)")),
        (f"Worker RSS over {b.n['memory']} renders (a fresh worker)", rss, "", ""),
        (f"RSS growth, {mem['base_mark']} → {b.n['memory']} renders", f"**{mem['growth_pct']:+.1f} %**",
         f"within {TARGETS['memory_growth_pct']:.0f} %", v("worker RSS growth")),
    ]
    say("")
    say(f"## Platen over HTTP: {CARD.name} (1200×630 PNG), {stack.redis_kind} Redis, gunicorn "
        f"{stack.env.get('WEB_CONCURRENCY', '2')}×{stack.env.get('PLATEN_WEB_THREADS', '8')} threads, "
        f"PNG compression {stack.settings.png_compression}, {psutil.cpu_count()} CPUs")
    say("")
    say("| measure | result | target | |")
    say("|---|---|---|---|")
    for row in rows:
        say("| " + " | ".join(row) + " |")
    say("")
    say("Where the CPU goes, ms per completed render (others: every process on the machine that is not this "
        "benchmark's; cores: their average use while measuring):")
    say("")
    say("| phase | renders/s | web | workers | Redis | client | others | others, cores | all, cores |")
    say("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for label, x in (("end to end, 1 worker", e1), ("end to end, 2 workers", e2), ("drain, 1 worker", d1),
                     ("drain, 2 workers", d2)):
        say(f"| {label} | {x['rate']:.1f} | {per_render(x, 'web'):.1f} | {per_render(x, 'workers'):.1f} | "
            f"{per_render(x, 'redis'):.1f} | {per_render(x, 'client'):.1f} | {per_render(x, 'others'):.1f} | "
            f"{others_cores(x):.2f} | {x['cpu']['cores_busy']:.2f} |")
    say("")
    cores = psutil.cpu_count() or 1
    # the least disturbed figures: CPU per render only grows when other processes crowd the cores
    worker_ms = min(per_render(x, "workers") for x in (e1, e2, d1, d2))
    ours = worker_ms + sum(min(per_render(x, k) for x in (e1, e2)) for k in ("web", "redis", "client"))
    ideal1 = min(1000 / worker_ms, cores * 1000 / ours)
    ideal2 = min(2 * 1000 / worker_ms, cores * 1000 / ours)
    say(f"A worker spends {worker_ms:.1f} ms CPU a render (least of the four runs; duration_ms p50 "
        f"{d1['duration_ms_p50']:.0f}: the rest is "
        f"RQ and bookkeeping around the job); end to end a render costs {ours:.1f} ms CPU in all of Platen's "
        f"processes. With nothing else running, {cores} cores allow about {ideal1:.0f} renders/s with one worker "
        f"and {ideal2:.0f} with two: at best {ideal2 / ideal1:.2f}× end to end.")
    busy = [label for label, x in (("sync latency", sync), ("end to end", e1), ("end to end", e2), ("drain", d1),
                                   ("drain", d2)) if others_cores(x) > 0.2]
    if busy:
        say(f"Other processes used more than 0.2 of a core during: {', '.join(sorted(set(busy)))} — "
            "those rates (and their ratios) are lower than on a quiet machine; the CPU ms per render are steadier.")
    notes = []
    if sync["cached_flags"]:
        notes.append(f"{sync['cached_flags']} sync renders came back cached (they should not)")
    if cached["not_cached"]:
        notes.append(f"{cached['not_cached']} repeats were not cached")
    if mem["failed"] or d1["problems"] or d2["problems"] or e1["problems"] or e2["problems"]:
        notes.append(f"failed renders or errors: memory {mem['failed']}, drains {d1['problems']}/{d2['problems']}, "
                     f"end to end {e1['problems']}/{e2['problems']}")
    if notes:
        say("Problems: " + "; ".join(notes) + ".")
    say(f"Image fetches from the asset server: {b.assets.gets} (each fresh worker fetches the two images once). "
        f"Load average at end {loadavg()}; took {time.perf_counter() - started:.0f} s.")
    say("")
    met = sum(x for _, x in verdicts)
    say(f"Targets: {met}/{len(verdicts)} met — " + "; ".join(f"{n} {'met' if x else 'MISSED'}" for n, x in verdicts)
        + ".")
    return verdicts


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
            out["sync"] = {k: v for k, v in out["sync"].items() if k != "titles"}
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
