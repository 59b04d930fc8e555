"""``make run``'s supervisor: embedded Redis with AOF, first account and key printed, clean stop, data kept; the CLI
joins its embedded Redis, and nothing else starts one of its own."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import requests

from connector.runtime import embedded
from tests.conftest import free_port

from .processes import ROOT, Proc, wait_for

KEY = re.compile(r"plt_live_[0-9A-Za-z]{39}")
FLASK = [sys.executable, "-m", "flask", "--app", "app"]


def start(data_dir: Path, port: int, log: Path, **env) -> Proc:
    return Proc([sys.executable, "run.py"], {"PORT": str(port), "PLATEN_DATA_DIR": str(data_dir),
                                              "REDIS_URL": "", **env}, log)


def wait_until(condition, proc: Proc, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline and proc.popen.poll() is None, proc.output()[-3000:]
        time.sleep(0.1)


def descendants(proc: Proc) -> list[psutil.Process]:
    return psutil.Process(proc.pid).children(recursive=True)


def redis_servers_of(data_dir: Path) -> list[psutil.Process]:
    found = []
    for p in psutil.process_iter(["cmdline"]):
        try:
            if "redis-server" in " ".join(p.info["cmdline"] or []) and p.cwd() == str(data_dir):
                found.append(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return found


def test_make_run_with_embedded_redis(tmp_path):
    data, port = tmp_path / "data", free_port()
    base = f"http://127.0.0.1:{port}"
    with start(data, port, tmp_path / "run1.log") as run:
        wait_for(f"{base}/readyz", run, timeout=60)
        key = KEY.search(run.output()).group(0)
        wait_until(lambda: "Platen is ready" in run.output(), run)
        me = requests.get(f"{base}/api/v1/me", headers={"X-API-Key": key}, timeout=5)
        assert me.status_code == 200 and me.json()["scopes"][-1] == "keys:write"
        listed = subprocess.run(FLASK + ["accounts", "list"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "PLATEN_DATA_DIR": str(data), "REDIS_URL": ""})
        assert "Default account\tadmin@localhost" in listed.stdout, "the CLI finds make run's embedded Redis"
        children = descendants(run)
        servers = redis_servers_of(data)
        assert len(servers) == 1, "the embedded redis-server should run with its data dir as working dir"
        assert run.stop(signal.SIGINT) == 0
        assert "Platen stopped." in run.output()
    alive = psutil.wait_procs(children + servers, timeout=10)[1]
    assert alive == [], f"left running after Ctrl-C: {[p.cmdline() for p in alive]}"
    assert (data / "appendonly.aof").exists() or (data / "appendonlydir").exists()

    assert f"{base}/#key={key}" in run.output()   # the dashboard link, signed in
    # ... and again below the web app's and the worker's start-up lines, once both are up
    ready = run.output().index(f"Platen is ready. Open the dashboard (signed in):  {base}/#key={key}")
    assert ready > run.output().index(" on queues ") and ready > run.output().index("Listening at")

    # Second start: the data survived, no new account, the same key still works; the dashboard link has a key of
    # its own (the first key's secret is not kept, only its digest).
    with start(data, port, tmp_path / "run2.log") as run:
        wait_for(f"{base}/readyz", run, timeout=60)
        wait_until(lambda: "Platen is ready" in run.output(), run)
        [link_key] = set(re.findall(rf"{re.escape(base)}/#key=({KEY.pattern})", run.output()))
        assert link_key != key and set(KEY.findall(run.output())) == {link_key}
        assert requests.get(f"{base}/api/v1/me", headers={"X-API-Key": key}, timeout=5).json() == me.json()
        linked = requests.get(f"{base}/api/v1/me", headers={"X-API-Key": link_key}, timeout=5).json()
        assert (linked["account_id"], linked["key_label"]) == (me.json()["account_id"], "dashboard (make run)")
        assert run.stop(signal.SIGINT) == 0


def test_make_run_with_redis_url_starts_no_embedded_redis(tmp_path, redis_url, make_settings):
    if redis_url.startswith("unix://"):
        pytest.skip("needs a Redis reachable by URL; CI runs this against 127.0.0.1:6379")
    data, port = tmp_path / "data", free_port()
    prefix = make_settings().redis_prefix
    with start(data, port, tmp_path / "run.log", REDIS_URL=redis_url, PLATEN_REDIS_PREFIX=prefix) as run:
        wait_for(f"http://127.0.0.1:{port}/readyz", run, timeout=60)
        key = KEY.search(run.output()).group(0)
        assert requests.get(f"http://127.0.0.1:{port}/api/v1/me", headers={"X-API-Key": key}, timeout=5).ok
        assert redis_servers_of(data) == []
        assert run.stop(signal.SIGINT) == 0
    assert not (data / "redis.db.settings").exists()


def test_the_cli_uses_make_runs_embedded_redis_and_refuses_where_make_run_never_ran(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "PLATEN_DATA_DIR": str(data), "REDIS_URL": ""}
    refused = subprocess.run(FLASK + ["accounts", "list"], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=60)
    # a second host without REDIS_URL: no empty private Redis, no empty list with exit code 0
    assert refused.returncode != 0 and "REDIS_URL is not set" in refused.stderr, refused.stderr
    assert str(data) in refused.stderr and "Traceback" not in refused.stderr and refused.stdout == ""
    assert not data.exists()

    embedded.stop(embedded.start(str(data)))   # what an earlier `make run` leaves: its data dir
    created = subprocess.run(FLASK + ["accounts", "create", "Solo", "--email", "solo@example.test"], cwd=ROOT,
                             env=env, capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    assert KEY.fullmatch(created.stdout.strip().splitlines()[-1])
    assert redis_servers_of(data) == []
    listed = subprocess.run(FLASK + ["accounts", "list"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert "Solo\tsolo@example.test" in listed.stdout
    assert redis_servers_of(data) == []


def test_a_web_process_or_worker_without_redis_url_refuses_to_start_and_so_does_anything_with_s3(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "PLATEN_DATA_DIR": str(data), "REDIS_URL": ""}

    def run(args, **extra):
        return subprocess.run(args, cwd=ROOT, env={**env, **extra}, capture_output=True, text=True, timeout=60)

    worker = run([sys.executable, "-m", "connector.jobs.worker"])
    assert worker.returncode == 2 and "REDIS_URL is not set: this worker would start" in worker.stderr, worker.stderr
    web = run([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{free_port()}",
               "wsgi:app"])
    assert web.returncode == 1 and "REDIS_URL is not set: this web process would" in web.stderr, web.stderr
    s3 = {"PLATEN_STORAGE": "s3", "PLATEN_S3_BUCKET": "renders"}
    supervisor = run([sys.executable, "run.py"], **s3)
    assert supervisor.returncode == 1 and "PLATEN_STORAGE=s3" in supervisor.stderr, supervisor.stderr
    command = run(FLASK + ["accounts", "list"], **s3)
    assert command.returncode != 0 and "PLATEN_STORAGE=s3" in command.stderr
    off = run(FLASK + ["accounts", "list"], PLATEN_EMBEDDED_REDIS="off")
    assert off.returncode != 0 and "PLATEN_EMBEDDED_REDIS=off" in off.stderr
    assert not data.exists() and redis_servers_of(data) == []


def test_a_killed_supervisor_takes_its_children_along_and_the_next_start_recovers(tmp_path):
    data, port = tmp_path / "data", free_port()
    base = f"http://127.0.0.1:{port}"
    with start(data, port, tmp_path / "run1.log") as run:
        wait_for(f"{base}/readyz", run, timeout=60)
        key = KEY.search(run.output()).group(0)
        children = descendants(run)
        run.stop(signal.SIGKILL)
    alive = psutil.wait_procs(children, timeout=15)[1]
    assert alive == [], f"orphaned: {[p.cmdline() for p in alive]}"
    # the embedded Redis outlives a SIGKILLed supervisor; the next start finds it and carries on with the data
    with start(data, port, tmp_path / "run2.log") as run:
        wait_for(f"{base}/readyz", run, timeout=60)
        assert requests.get(f"{base}/api/v1/me", headers={"X-API-Key": key}, timeout=5).status_code == 200
        assert run.stop(signal.SIGINT) == 0
    assert psutil.wait_procs(redis_servers_of(data), timeout=10)[1] == []


def _child(run: Proc, marker: str) -> psutil.Process | None:
    for p in psutil.Process(run.pid).children():
        try:
            if marker in " ".join(p.cmdline()):
                return p
        except psutil.NoSuchProcess:
            pass
    return None


def _replaced(run: Proc, marker: str, old: psutil.Process, timeout: float = 60) -> psutil.Process:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = _child(run, marker)
        if new is not None and new.pid != old.pid:
            return new
        time.sleep(0.1)
    raise AssertionError(f"no new {marker} process within {timeout} s:\n{run.output()[-3000:]}")


def test_make_run_starts_a_killed_worker_or_web_process_again(tmp_path):
    data, port = tmp_path / "data", free_port()
    base = f"http://127.0.0.1:{port}"
    with start(data, port, tmp_path / "run.log") as run:
        wait_for(f"{base}/readyz", run, timeout=60)
        key = KEY.search(run.output()).group(0)
        old = _child(run, "connector.jobs.worker")
        old.kill()   # as the OOM killer would
        new = _replaced(run, "connector.jobs.worker", old)
        assert "the worker process exited (code -9); starting it again" in run.output()
        deadline = time.monotonic() + 60   # the new worker registers itself and takes jobs
        while "on queues" not in run.output()[run.output().index("the worker process exited"):]:
            assert time.monotonic() < deadline and new.is_running(), run.output()[-3000:]
            time.sleep(0.1)

        web = _child(run, "gunicorn")
        web.kill()
        _replaced(run, "gunicorn", web)
        assert "the web process exited (code -9); starting it again" in run.output()
        wait_for(f"{base}/healthz", run, timeout=60)   # the new web process answers, with the same data
        assert requests.get(f"{base}/api/v1/me", headers={"X-API-Key": key}, timeout=5).status_code == 200
        assert run.stop(signal.SIGINT) == 0   # Ctrl-C still stops everything
        assert "Platen stopped." in run.output()


def test_make_run_starts_its_embedded_redis_again_if_it_dies(tmp_path):
    data, port = tmp_path / "data", free_port()
    base = f"http://127.0.0.1:{port}"
    with start(data, port, tmp_path / "run.log") as run:
        wait_for(f"{base}/readyz", run, timeout=60)
        key = KEY.search(run.output()).group(0)
        (server,) = redis_servers_of(data)
        server.kill()   # the out-of-memory killer's way: no shutdown, the AOF holds what was written
        server.wait(10)
        deadline = time.monotonic() + 90
        while True:   # the supervisor starts Redis again, then the web app and the worker on its new socket
            try:
                if requests.get(f"{base}/api/v1/me", headers={"X-API-Key": key}, timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, run.output()[-3000:]
            time.sleep(0.2)
        assert "the embedded Redis stopped; starting it again" in run.output()
        wait_for(f"{base}/readyz", run, timeout=60)   # the new worker is registered
        assert len(redis_servers_of(data)) == 1
        assert run.stop(signal.SIGINT) == 0
    assert psutil.wait_procs(redis_servers_of(data), timeout=10)[1] == []
