"""At least once, proven: a worker killed mid-delivery and a Redis killed and restarted lose no event."""

from __future__ import annotations

import os
import signal

import pytest

from app import create_app
from tests.conftest import Caller
from tests.support.receiver import Receiver

from .processes import RedisServer, settings_env, worker
from .stacks import CARD

DELIVERY_COUNT = 200


def test_killing_the_worker_mid_delivery_loses_no_event(make_settings, tmp_path, monkeypatch):
    monkeypatch.setenv("PLATEN_WEBHOOK_RETRY_SCHEDULE", "1,1,1,1")
    settings = make_settings(allow_private_networks=True, files_dir=str(tmp_path / "files"))
    conn = create_app({"SETTINGS": settings, "TESTING": True}).extensions["platen"]
    alice = Caller(conn, "Alice")
    receiver = Receiver(delay=0.02)   # a little slow: killing the worker catches deliveries in flight
    conn.hooks.create(alice.account.id, receiver.url, "render.completed")
    expected = set()
    for i in range(DELIVERY_COUNT):   # 200 accepted events, as finished renders would record them
        event, _ = conn.events.record(alice.account.id, "render.completed", f"rnd_{i:04d}guarantee", None,
                                      "2026-11-21T10:00:00.000Z", {"id": f"rnd_{i:04d}guarantee"})
        conn.deliveries.fan_out(event)
        expected.add(event.id)
    env = {**settings_env(settings), "PLATEN_WEBHOOK_RETRY_SCHEDULE": "1,1,1,1"}
    first = worker(env, tmp_path / "worker1.log").__enter__()
    try:
        assert receiver.wait_for(40, 60), "the first worker delivered some"
        os.killpg(first.pid, signal.SIGKILL)   # mid-delivery: some in flight, most still queued
        first.popen.wait()
        delivered_before = len(set(receiver.ids))
        assert delivered_before < DELIVERY_COUNT
        with worker(env, tmp_path / "worker2.log") as second:
            assert receiver.wait_for(DELIVERY_COUNT, 120), (
                f"{DELIVERY_COUNT - len(set(receiver.ids))} events never arrived:\n{second.output()[-2000:]}")
            second.stop()
    finally:
        first.__exit__(None, None, None)
        receiver.close()
    assert set(receiver.ids) == expected, "every event arrived; duplicates (same webhook-id) are allowed"
    assert all(receiver.bodies[i]["type"] == "render.completed" for i in expected)


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of the test's own, AOF on and fsynced on every write, that the test may kill."""
    server = RedisServer(tmp_path / "redis", fsync="always")

    def restart_after_kill():
        server.stop(signal.SIGKILL)   # no shutdown save, only what the AOF already holds
        server.start()

    yield server.url, restart_after_kill
    server.close()


def test_a_redis_killed_and_restarted_with_aof_loses_no_accepted_render_or_event(own_redis, make_settings,
                                                                                 tmp_path, monkeypatch):
    url, restart_after_kill = own_redis
    monkeypatch.setenv("PLATEN_WEBHOOK_RETRY_SCHEDULE", "1,1,1,1")
    settings = make_settings(redis_url=url, allow_private_networks=True, files_dir=str(tmp_path / "files"))
    app = create_app({"SETTINGS": settings, "TESTING": True})
    conn, client = app.extensions["platen"], app.test_client()
    alice = Caller(conn, "Alice")
    receiver = Receiver(delay=0)
    conn.hooks.create(alice.account.id, receiver.url, "render.completed")
    tpl = client.post("/api/v1/templates", json=CARD, headers=alice.headers).get_json()["id"]
    accepted = []
    for i in range(20):   # accepted (202) while no worker runs: they sit in Redis only
        answer = client.post("/api/v1/renders", json={"template_id": tpl, "fields": {"title": f"#{i}"},
                                                      "wait": False}, headers=alice.headers)
        assert answer.status_code == 202
        accepted.append(answer.get_json()["id"])
    restart_after_kill()
    env = {**settings_env(settings), "PLATEN_WEBHOOK_RETRY_SCHEDULE": "1,1,1,1"}
    with worker(env, tmp_path / "worker.log") as w:
        assert receiver.wait_for(len(accepted), 90), w.output()[-3000:]
        w.stop()
    receiver.close()
    delivered = {body["data"]["id"] for body in receiver.bodies.values()}
    assert delivered == set(accepted)
    for render_id in accepted:
        assert client.get(f"/api/v1/renders/{render_id}", headers=alice.headers).get_json()["status"] == "completed"
    polled = client.get("/api/v1/triggers/render.completed?limit=100", headers=alice.headers).get_json()
    assert {r["id"] for r in polled} == set(accepted), "polling returns exactly what webhooks delivered"
