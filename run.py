"""``make run``: embedded Redis (unless REDIS_URL), the web app and a worker, restarted if they exit; Ctrl-C stops."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace

import psutil

from connector import Connector
from connector.runtime import embedded
from connector.runtime.logs import configure_logging
from connector.runtime.outage import RedisGone, wait_for_redis
from connector.runtime.settings import Settings

STOP_SECONDS = 15
READY_WAIT = 60                           # seconds to wait for /readyz before showing the dashboard link anyway
RESTART_DELAYS = (0.5, 1, 2, 5, 10, 30)   # pause before starting an exited child again, by quick exits in a row
STABLE_SECONDS = 60                       # a child that ran this long before exiting counts as a fresh start
PR_SET_PDEATHSIG = 1


DASHBOARD_KEY_LABEL = "dashboard (make run)"


def _banner(conn: Connector, port: str) -> str:
    """Say where Platen is, with a link that opens the dashboard signed in. The first start creates the account
    and links its first key; a later start cannot (only keys' digests are kept), so it makes a fresh key for the
    link, labelled DASHBOARD_KEY_LABEL, and revokes the one the previous start made: one such key at a time."""
    base = f"http://127.0.0.1:{port}"
    if conn.accounts.count_accounts() == 0:
        account, _key, secret = conn.accounts.create_account("Default account", "admin@localhost")
        print(f"\nFirst start: created account {account.id}. Its API key (shown only this once):\n\n    {secret}\n\n"
              f"Try it:  curl -H 'X-API-Key: {secret}' {base}/api/v1/me\n"
              f"Dashboard (signed in):  {base}/#key={secret}\n", flush=True)
        return f"{base}/#key={secret}"
    account = conn.accounts.list_accounts()[0]   # the oldest: the one the first start made
    for old in conn.accounts.list_keys(account.id, limit=100):
        if old.label == DASHBOARD_KEY_LABEL:
            conn.accounts.revoke_key(account.id, old.id)
    _key, secret = conn.accounts.create_key(account.id, label=DASHBOARD_KEY_LABEL)
    print(f"\nPlaten on {base} (API docs: {base}/api/v1/docs)\n"
          f"Dashboard (signed in as {account.name}):  {base}/#key={secret}\n"
          f"(a key made for this link, replacing the previous start's; your own keys are unchanged. "
          f"More keys: the dashboard's API keys page, or .venv/bin/flask --app app keys create --account "
          f"{account.id})\n", flush=True)
    return f"{base}/#key={secret}"


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))   # never through an http_proxy


def _ready(base: str) -> bool:
    try:
        with _DIRECT.open(f"{base}/readyz", timeout=1) as answer:
            return answer.status == 200
    except (OSError, ValueError):
        return False


def _die_with_parent() -> None:
    """Linux: a child gets SIGTERM if this supervisor dies (even by SIGKILL), so nothing is left running."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class Child:
    """One process ``make run`` keeps running: started again, after a pause that grows with each quick exit,
    when it exits (a worker that gave up on an unreachable Redis, a crash, an OOM kill)."""

    def __init__(self, name: str, args: list[str], env: dict):
        self.name, self.args, self.env = name, args, env
        self.quick_exits = 0
        self.restart_at: float | None = None
        self.start()

    def start(self) -> None:
        self.popen = subprocess.Popen(self.args, env=self.env, start_new_session=True, preexec_fn=_die_with_parent)
        self.started = time.monotonic()

    def keep_alive(self) -> None:
        code = self.popen.poll()
        if code is None:
            return
        now = time.monotonic()
        if self.restart_at is None:
            # A process that ran a while before exiting starts again at once; one that keeps exiting, more slowly.
            self.quick_exits = 0 if now - self.started > STABLE_SECONDS else self.quick_exits + 1
            delay = RESTART_DELAYS[min(self.quick_exits, len(RESTART_DELAYS) - 1)]
            print(f"the {self.name} process exited (code {code}); starting it again in {delay} s",
                  file=sys.stderr, flush=True)
            self.restart_at = now + delay
        if now >= self.restart_at:
            self.restart_at = None
            self.start()
            print(f"the {self.name} process started again (pid {self.popen.pid})", file=sys.stderr, flush=True)


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _restart_embedded_redis(settings: Settings, env: dict, children: list[Child]):
    """The embedded redis-server died (killed, out of memory): start it again on its data, then the web app and
    the worker, which must be told its new socket (their environment is ``env``)."""
    print("the embedded Redis stopped; starting it again from its data, then the web app and the worker",
          file=sys.stderr, flush=True)
    keeper = embedded.start(settings.data_dir)
    env["REDIS_URL"] = embedded.url_of(keeper)
    for child in children:
        if child.popen.poll() is None:
            child.popen.send_signal(signal.SIGTERM)   # keep_alive starts it again, on the new socket
    return keeper


def main() -> int:
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    env = dict(os.environ)
    keeper = None
    if not settings.redis_url:
        reason = embedded.refusal(settings, embedded.MAKE_RUN)
        if reason:
            print(f"Platen cannot start: {reason}", file=sys.stderr, flush=True)
            return 1
        keeper = embedded.start(settings.data_dir)
        env["REDIS_URL"] = embedded.url_of(keeper)
        settings = replace(settings, redis_url=env["REDIS_URL"])
    port = env.setdefault("PORT", "8000")
    env.setdefault("HOST", "127.0.0.1")
    if not env.get("PLATEN_PUBLIC_URL"):   # hosted-file and signed URLs must point at this port
        env["PLATEN_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
        settings = replace(settings, public_url=env["PLATEN_PUBLIC_URL"])
    metrics_dir = os.path.join(os.path.abspath(settings.data_dir), "prometheus")
    shutil.rmtree(metrics_dir, ignore_errors=True)
    os.makedirs(metrics_dir)
    env.setdefault("PROMETHEUS_MULTIPROC_DIR", metrics_dir)

    conn = Connector(settings)
    try:   # an external Redis that is restarting: wait for it rather than stop with a traceback
        wait_for_redis(conn.redis, settings.redis_outage_wait, what="make run")
    except RedisGone as exc:
        print(f"Platen cannot start: {exc} ({settings.redis_url})", file=sys.stderr, flush=True)
        return 1
    link = _banner(conn, port)
    conn.close()
    # The web app's and the worker's start-up lines scroll the banner away: once both are up, the link again.
    ready_check, ready_by = 0.0, time.monotonic() + READY_WAIT

    # Own sessions: Ctrl-C reaches only this supervisor, which then stops each child once, in order.
    children = [Child("web", [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"], env),
                Child("worker", [sys.executable, "-m", "connector.jobs.worker"], env)]
    stopping = False

    def stop(signum, _frame):
        nonlocal stopping
        stopping = True

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
    while not stopping:
        if keeper is not None and not _running(keeper.pid):
            keeper = _restart_embedded_redis(settings, env, children)
        for child in children:
            child.keep_alive()
        if link and time.monotonic() >= ready_check:
            ready_check = time.monotonic() + 0.5
            if _ready(f"http://127.0.0.1:{port}") or time.monotonic() > ready_by:
                print(f"\nPlaten is ready. Open the dashboard (signed in):  {link}\n", flush=True)
                link = None
        time.sleep(0.2)
    for child in children:
        if child.popen.poll() is None:
            child.popen.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        try:
            child.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.popen.kill()
            child.popen.wait()
    if keeper is not None:
        embedded.stop(keeper)
    print("Platen stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
