"""The reconciler's loop and lock: every watched kind handled in one pass, the lock held for as long as a pass runs
(and only ever released by its holder), and a loop that really runs in its thread."""

from __future__ import annotations

import queue
import threading
import time

import pytest

from connector.jobs import queues
from connector.jobs import reconciler as reconcile
from connector.jobs.reconciler import PassLock


def lost_delivery(conn) -> str:
    """A delivery past its deadline whose job is gone: what a worker killed mid-delivery leaves."""
    account = conn.accounts.create_account("Rec")[0]
    conn.hooks.create(account.id, "https://example.com/a", "render.completed")
    event = conn.events.record(account.id, "render.completed", "rnd_0000000001abcdefabcdef", None,
                               "2026-11-21T12:00:00.000Z", {"id": "rnd_0000000001abcdefabcdef"})[0]
    [did] = conn.deliveries.fan_out(event)
    conn.queue(queues.WEBHOOKS).empty()
    conn.deliveries.watched.watch(did, after=-3600)
    return did


def test_the_loop_runs_in_its_thread_and_requeues_what_a_killed_worker_left(conn):
    """The thread must survive its own start: once it died at once (a bad import inside it), and a batch whose
    worker was killed stayed at 299 of 300 rows for ever."""
    did = lost_delivery(conn)
    passes = queue.Queue()
    stop = reconcile.start(conn, interval=0.01, passed=passes.put)
    try:
        counts = passes.get(timeout=10)
    finally:
        stop.set()
    assert counts["deliveries"] == {"requeued": 1, "waiting": 0}
    assert set(counts) == {"renders", "deliveries", "batches", "generations", "outbox"}
    assert conn.queue(queues.WEBHOOKS).job_ids == [conn.redis.hget(conn.deliveries.key(did), "job_id")]


def test_one_kind_failing_does_not_hold_up_the_others(conn, monkeypatch):
    lost_delivery(conn)

    def broken(states, now=None):
        raise ValueError("a bug in one kind")

    monkeypatch.setattr(conn.batches.chunks, "reconcile_overdue", broken)
    counts = reconcile.pass_once(conn)
    assert "batches" not in counts and counts["deliveries"]["requeued"] == 1 and "outbox" in counts


def test_a_pass_stops_once_its_lock_is_lost(conn):
    lost_delivery(conn)
    assert reconcile.pass_once(conn, held=lambda: False) == {}


@pytest.fixture
def key(conn):
    return f"{conn.settings.redis_prefix}:test:lock"


def test_the_lock_is_one_holders_at_a_time_and_outlives_its_ttl_while_held(conn, key):
    # A long TTL extended often, so a keeper slowed down by a busy machine still has seconds to spare.
    first, second = PassLock(conn.redis, key, ttl=30, every=0.05), PassLock(conn.redis, key, ttl=30)
    assert first.acquire() and not second.acquire()
    conn.redis.pexpire(key, 3000)   # as if 27 s of a slow pass had gone by
    deadline = time.monotonic() + 10
    while conn.redis.pttl(key) <= 3000:   # without its keeper the lock would expire in 3 s
        assert time.monotonic() < deadline, "the lock was not extended"
        threading.Event().wait(0.02)
    assert first.held and not second.acquire(), "a slow pass keeps its lock"
    first.release()
    assert not first.held and second.acquire()
    second.release()
    assert conn.redis.get(key) is None


def test_a_holder_never_releases_someone_elses_lock(conn, key):
    first, second = PassLock(conn.redis, key, ttl=0.3), PassLock(conn.redis, key, ttl=0.3)
    assert first.acquire()
    conn.redis.delete(key)   # as if it had expired during an outage ...
    assert second.acquire()  # ... and another host took it
    first.release()
    assert conn.redis.get(key) == second.token, "the first holder's release left the second's lock alone"
    second.release()


def test_a_holder_notices_its_lock_was_taken(conn, key):
    first = PassLock(conn.redis, key, ttl=0.15)
    assert first.acquire()
    conn.redis.set(key, "someone else")
    deadline = time.monotonic() + 5
    while first.held:   # its keeper looks every third of the TTL
        assert time.monotonic() < deadline, "the holder never noticed"
        threading.Event().wait(0.02)
    first.release()
    assert conn.redis.get(key) == "someone else"


def test_the_lock_stops_being_extended_after_the_longest_pass(conn, key):
    hung = PassLock(conn.redis, key, ttl=0.15, max_hold=0.3)
    assert hung.acquire()
    deadline = time.monotonic() + 5
    while conn.redis.get(key) is not None:   # expires soon after max_hold: a hung pass frees it
        assert time.monotonic() < deadline, "a hung pass held the lock for ever"
        threading.Event().wait(0.05)
    hung.release()
