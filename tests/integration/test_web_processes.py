"""Two real web processes share one Redis: rate limits count across both; a real worker makes /readyz ready."""

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from connector import Connector
from connector.jobs import queues
from tests.conftest import free_port

from .processes import settings_env, wait_for, web, web_processes, worker


def test_rate_limit_is_shared_by_two_web_processes(make_settings, tmp_path):
    settings = make_settings(rate_limit_reads="6 per minute")
    conn = Connector(settings)
    account, _, secret = conn.accounts.create_account("Shared")
    with web_processes(2, settings_env(settings), tmp_path) as bases:
        answers = [requests.get(f"{bases[i % 2]}/api/v1/me", headers={"X-API-Key": secret},
                                timeout=5) for i in range(7)]
        assert [a.status_code for a in answers] == [200] * 6 + [429]
        assert [int(a.headers["X-RateLimit-Remaining"]) for a in answers] == [5, 4, 3, 2, 1, 0, 0]
        limited = answers[-1]
        assert limited.headers["X-RateLimit-Limit"] == "6"
        assert 0 < int(limited.headers["Retry-After"]) <= 60
        assert limited.json()["error"] == "rate_limited" and limited.json()["request_id"].startswith("req_")
        # the other process refuses too, and another key is unaffected
        assert requests.get(f"{bases[1]}/api/v1/usage", headers={"X-API-Key": secret},
                            timeout=5).status_code == 429
        _, other = conn.accounts.create_key(account.id)
        assert requests.get(f"{bases[0]}/api/v1/me", headers={"X-API-Key": other}, timeout=5).status_code == 200


def test_readyz_follows_a_real_worker(make_settings, tmp_path):
    settings = make_settings()
    env = settings_env(settings)
    port = free_port()
    with web(port, env, tmp_path / "web.log") as w:
        wait_for(f"http://127.0.0.1:{port}/healthz", w)
        not_ready = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
        assert not_ready.status_code == 503 and not_ready.json()["error"] == "unavailable"
        with worker(env, tmp_path / "worker.log") as rq_worker:
            ready = wait_for(f"http://127.0.0.1:{port}/readyz", rq_worker, status=200, timeout=30).json()
            assert ready == {"status": "ready", "redis": True, "workers": 1}
            assert rq_worker.stop() == 0
        assert re.search(r"Scheduler for .+ started", rq_worker.output())
        # a worker that stopped cleanly has signed off
        assert requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code == 503
        w.stop()


def test_a_worker_stopped_while_starting_exits_cleanly(make_settings, tmp_path):
    """SIGTERM the moment the worker registers, before RQ has installed its own signal handlers (it starts the
    scheduler first): the worker still stops cleanly (exit 0) and signs off, as after a later SIGTERM."""
    settings = make_settings()
    conn = Connector(settings)
    renders = conn.queue("renders")
    for attempt in range(3):
        with worker(settings_env(settings), tmp_path / f"worker{attempt}.log") as rq_worker:
            deadline = time.monotonic() + 30
            while not queues.workers(conn.rq_redis, renders):
                assert rq_worker.popen.poll() is None, rq_worker.output()[-3000:]
                assert time.monotonic() < deadline, rq_worker.output()[-3000:]
                time.sleep(0.002)
            assert rq_worker.stop() == 0, rq_worker.output()[-3000:]
        assert queues.workers(conn.rq_redis, renders) == []


def test_concurrent_duplicates_create_one_key(make_settings, tmp_path):
    """Ten simultaneous POSTs with one Idempotency-Key, spread over two web processes: one key is created."""
    settings = make_settings()
    conn = Connector(settings)
    account, _, secret = conn.accounts.create_account("Racer")
    with web_processes(2, settings_env(settings), tmp_path) as bases:
        headers = {"X-API-Key": secret, "Idempotency-Key": "race-1"}
        barrier = threading.Barrier(10)

        def post(i):
            barrier.wait()
            return requests.post(f"{bases[i % 2]}/api/v1/keys", json={"label": "raced"},
                                 headers=headers, timeout=10)

        with ThreadPoolExecutor(10) as pool:
            answers = list(pool.map(post, range(10)))
        assert {a.status_code for a in answers} <= {201, 409}
        created = {a.json()["id"] for a in answers if a.status_code == 201}
        assert len(created) == 1
        assert all(a.json()["error"] == "conflict" for a in answers if a.status_code == 409)
        labels = [k.label for k in conn.accounts.list_keys(account.id, limit=100)]
        assert labels.count("raced") == 1
