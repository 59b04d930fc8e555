"""``make run``: an embedded Redis (unless REDIS_URL is set), the web app on PORT and one worker; Ctrl-C stops all."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace

from connector import Connector, embedded
from connector.logs import configure_logging
from connector.settings import Settings

STOP_SECONDS = 15
PR_SET_PDEATHSIG = 1


def _banner(conn: Connector, port: str) -> None:
    base = f"http://127.0.0.1:{port}"
    if conn.accounts.count_accounts() == 0:
        account, _key, secret = conn.accounts.create_account("Default account", "admin@localhost")
        print(f"\nFirst start: created account {account.id}. Its API key (shown only this once):\n\n    {secret}\n\n"
              f"Try it:  curl -H 'X-API-Key: {secret}' {base}/api/v1/me\n", flush=True)
    else:
        print(f"\nPlaten on {base} (API docs: {base}/api/v1/docs). Need a key? "
              ".venv/bin/flask --app app keys create --account ACCOUNT_ID  "
              "(accounts: .venv/bin/flask --app app accounts list)\n",
              flush=True)


def _die_with_parent() -> None:
    """Linux: a child gets SIGTERM if this supervisor dies (even by SIGKILL), so nothing is left running."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def main() -> int:
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    env = dict(os.environ)
    keeper = None
    if not settings.redis_url:
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
    _banner(conn, port)
    conn.close()

    # Own sessions: Ctrl-C reaches only this supervisor, which then stops each child once, in order.
    children = [
        subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"], env=env,
                         start_new_session=True, preexec_fn=_die_with_parent),
        subprocess.Popen([sys.executable, "-m", "connector.worker"], env=env, start_new_session=True,
                         preexec_fn=_die_with_parent),
    ]
    stopping = False

    def stop(signum, _frame):
        nonlocal stopping
        stopping = True

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
    code = 0
    while not stopping:
        if any(child.poll() is not None for child in children):
            print("a Platen process exited unexpectedly; stopping the others", file=sys.stderr, flush=True)
            code = 1
            break
        time.sleep(0.2)
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    if keeper is not None:
        embedded.stop(keeper)
    print("Platen stopped.", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
