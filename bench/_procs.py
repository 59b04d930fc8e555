"""The service under a benchmark: the card's images over a local HTTP server, and the Platen processes (web,
workers, Redis) started for the run and stopped at its end."""

from __future__ import annotations

import ctypes
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import redis
from _measure import free_port, say
from _reference import ASSETS

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL_DB = 14
STOP_SECONDS = 15
PR_SET_PDEATHSIG = 1

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
            from connector.runtime import embedded

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
        from connector.runtime.settings import Settings

        self.settings = Settings.from_env(self.env)
        try:
            self.conn = Connector(self.settings)
        except Exception:
            if self.keeper is not None:
                from connector.runtime import embedded

                embedded.stop(self.keeper)
            raise
        self.r = self.conn.redis
        self.queue_name = f"{self.prefix}-renders"
        self.pending_key = self.conn.render_jobs.key   # renders queued or being drawn
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
            proc = Proc(f"worker{index}", [sys.executable, "-m", "connector.jobs.worker"], self.env,
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
            from connector.runtime import embedded

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
                    any(self.prefix.encode() in v for v in self.conn.rq_redis.hgetall(key).values()):
                doomed.add(key)   # e.g. rq:scheduler:<uuid>, whose queue_names are ours (read as bytes: another
                # run's job hashes hold zlib-compressed data, which the str client cannot decode)
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
