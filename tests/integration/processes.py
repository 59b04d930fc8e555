"""Start real Platen processes (web, worker, make run's supervisor) for integration tests, and stop them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

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
    return Proc([sys.executable, "-m", "connector.worker"], env, log)


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
