"""A live Platen (gunicorn + an RQ worker on the test Redis) for the platform apps and the Python client, which
their own tools (jest, tsc, n8n-node, the client's pytest tests) test against; and `npm ci` for their packages."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from connector import Connector
from connector.settings import Settings
from tests.conftest import free_port
from tests.integration.processes import settings_env, wait_for, web, worker

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Live:
    """The running Platen: its base URL, a Connector on its Redis, and a key of a first account."""

    base: str
    conn: Connector
    secret: str
    account_id: str
    data_dir: Path

    def api(self, method: str, path: str, key: str | None = None, **kwargs) -> requests.Response:
        headers = {"X-API-Key": key or self.secret, **kwargs.pop("headers", {})}
        return requests.request(method, f"{self.base}/api/v1{path}", headers=headers, timeout=30, **kwargs)

    def account(self, name: str) -> str:
        """A fresh account (so suites don't see each other's templates and hooks); its key."""
        _account, _key, secret = self.conn.accounts.create_account(name, f"{secrets.token_hex(4)}@example.test")
        return secret


@pytest.fixture(scope="package")
def live(redis_url, tmp_path_factory) -> Live:
    root = tmp_path_factory.mktemp("apps")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = Settings.from_env({}, redis_url=redis_url, redis_prefix=f"platen_test_{secrets.token_hex(4)}",
                                 data_dir=str(root / "data"), public_url=base,
                                 rate_limit_reads="10000 per minute", rate_limit_writes="10000 per minute",
                                 rate_limit_renders="10000 per minute", allow_private_networks=True)
    env = settings_env(settings)
    conn = Connector(settings)
    account, _key, secret = conn.accounts.create_account("Apps Co", "apps@example.test")
    with web(port, env, root / "web.log") as web_proc, worker(env, root / "worker.log") as worker_proc:
        wait_for(f"{base}/healthz", web_proc)
        wait_for(f"{base}/readyz", worker_proc)
        yield Live(base, conn, secret, account.id, root / "data")
        worker_proc.stop()
        web_proc.stop()
    conn.close()


def npm_ci(package: Path) -> None:
    """`npm ci` from the package's lockfile, once per lockfile (a stamp in node_modules says which was installed)."""
    npm = shutil.which("npm")
    assert npm, "npm is missing: Node 20 and npm are needed for the platform apps' tests"
    lock = (package / "package-lock.json").read_bytes()
    stamp = package / "node_modules" / ".platen-lock"
    if stamp.exists() and stamp.read_bytes() == lock:
        return
    run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], package, timeout=900)
    stamp.write_bytes(lock)


def run(args: list[str], cwd: Path, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Runs a platform's own tool; a non-zero exit fails the test with the tool's output."""
    done = subprocess.run(args, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, (f"{' '.join(map(str, args))} exited {done.returncode}:\n"
                                  f"{done.stdout[-6000:]}\n{done.stderr[-6000:]}")
    return done
