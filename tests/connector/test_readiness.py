"""Readiness: Redis, the storage (probed at most every few seconds) and a live worker of this very host."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest
from rq import worker_registration
from rq.utils import utcformat

from connector import Connector, readiness
from connector.jobs import queues


@pytest.fixture
def workers(conn):
    """Registers fake workers of the renders queue as RQ does (a hash with a heartbeat and a hostname, in the
    queue's worker set); removes them afterwards."""
    queue = conn.queue(queues.RENDERS)
    made = []

    def add(hostname: str, age: float = 0.0) -> str:
        key = f"rq:worker:test-{secrets.token_hex(4)}"
        beat = utcformat(datetime.now(UTC) - timedelta(seconds=age))
        conn.rq_redis.hset(key, mapping={"last_heartbeat": beat, "hostname": hostname})
        conn.rq_redis.sadd(worker_registration.WORKERS_BY_QUEUE_KEY % queue.name, key)
        made.append(key)
        return key

    yield add
    if made:
        conn.rq_redis.delete(*made)
        conn.rq_redis.srem(worker_registration.WORKERS_BY_QUEUE_KEY % queue.name, *made)


def check(make_settings, **values) -> dict:
    conn = Connector(make_settings(**values))
    try:
        return conn.readiness.check()
    finally:
        conn.close()


def test_a_host_is_ready_only_with_a_live_worker_of_its_own(make_settings, workers):
    assert check(make_settings, host_id="host-a")["reason"].startswith("No worker has been seen")
    workers("host-b")
    workers("host-a", age=120)   # host-a's worker died two minutes ago: its heartbeat is stale
    state = check(make_settings, host_id="host-a")
    assert not state["ready"] and (state["workers"], state["host_workers"]) == (1, 0)
    assert "No worker of this host (host-a)" in state["reason"] and "PLATEN_LOCAL_WORKER=0" in state["reason"]
    assert check(make_settings, host_id="host-b")["ready"]
    web_only = check(make_settings, host_id="host-a", local_worker=False)   # a host that runs no worker
    assert web_only["ready"] and web_only["host_workers"] == 0
    workers("host-a")
    state = check(make_settings, host_id="host-a")
    assert state["ready"] and (state["workers"], state["host_workers"], state["storage"]) == (2, 1, True)


def test_by_default_the_host_is_the_machines_hostname(make_settings, workers):
    import socket

    workers(socket.gethostname())
    assert check(make_settings)["ready"]


def test_an_unwritable_files_folder_is_not_ready_and_is_probed_at_most_every_few_seconds(make_settings, workers,
                                                                                        tmp_path, monkeypatch):
    workers("host-a")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the files folder should be")
    conn = Connector(make_settings(host_id="host-a", files_dir=str(blocked)))
    probes = []
    check_files = type(conn.files).check
    monkeypatch.setattr(type(conn.files), "check", lambda self: probes.append(1) or check_files(self))
    clock = [1000.0]
    monkeypatch.setattr(readiness.time, "monotonic", lambda: clock[0])
    try:
        state = conn.readiness.check()
        assert not state["ready"] and not state["storage"] and str(blocked) in state["reason"]
        blocked.unlink()
        for _ in range(20):   # a load balancer's probes within the next seconds: one answer, no new probe
            assert not conn.readiness.check()["ready"]
        assert len(probes) == 1
        clock[0] += readiness.STORAGE_CHECK_SECONDS + 0.1
        assert conn.readiness.check()["ready"] and len(probes) == 2
    finally:
        conn.close()


def test_a_missing_bucket_is_not_ready(make_settings, workers, monkeypatch):
    from moto import mock_aws

    workers("host-a")
    clock = [1000.0]
    monkeypatch.setattr(readiness.time, "monotonic", lambda: clock[0])
    with mock_aws():
        settings = make_settings(host_id="host-a", storage="s3", s3_bucket="no-such-bucket", s3_region="us-east-1",
                                 s3_access_key_id="testing", s3_secret_access_key="testing")
        conn = Connector(settings)
        try:
            state = conn.readiness.check()
            assert not state["ready"] and not state["storage"]
            assert "no-such-bucket" in state["reason"]
            conn.files.client.create_bucket(Bucket="no-such-bucket")
            clock[0] += readiness.STORAGE_CHECK_SECONDS + 0.1   # the next probe is due
            assert conn.readiness.check()["ready"]
        finally:
            conn.close()


def test_readyz_names_what_is_missing(make_app, workers):
    client = make_app(host_id="host-a").test_client()
    workers("host-b")
    answer = client.get("/readyz")
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "5"
    body = answer.get_json()
    assert body["details"] == {"redis": True, "storage": True, "workers": 1, "host": "host-a", "host_workers": 0}
    assert "No worker of this host (host-a)" in body["message"]
    workers("host-a")
    assert client.get("/readyz").get_json() == {"status": "ready", "redis": True, "workers": 2}


def test_readiness_never_builds_rq_worker_objects(make_settings, workers, monkeypatch):
    """Building ``Worker`` objects raises the client's socket timeout to a worker's (minutes): a hung Redis would
    then hold a web thread that long."""
    from rq import Worker

    workers("host-a")

    def refuse(*args, **kwargs):
        raise AssertionError("/readyz built an RQ Worker")

    monkeypatch.setattr(Worker, "__init__", refuse)
    assert check(make_settings, host_id="host-a")["ready"]
