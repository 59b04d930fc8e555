"""A live Platen (gunicorn + an RQ worker on the test Redis) for the platform apps and the Python client, which
their own tools (jest, tsc, n8n-node, the client's pytest tests) test against; and `npm ci` for their packages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.integration.processes import LivePlaten, live_platen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="package")
def live(redis_url, tmp_path_factory) -> LivePlaten:
    with live_platen(redis_url, tmp_path_factory.mktemp("apps"), "Apps Co", "apps@example.test") as platen:
        yield platen


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
