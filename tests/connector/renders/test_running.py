"""The worker's side of renders, run in-process: finishing in one transaction, and the one retry policy (the record's
``attempts`` against MAX_ATTEMPTS, whether a job raised or its worker died)."""

import pytest

from connector.accounts.store import Principal
from connector.events.outbox import Outbox
from connector.jobs import reconciler
from connector.renders import running
from connector.renders.creating import create_render, render_and_wait
from connector.renders.record import RenderRequest
from connector.renders.running import MAX_ATTEMPTS, run_render

CARD = {"width": 100, "height": 50, "layers": [{"type": "text", "name": "t", "text": "x"}]}


@pytest.fixture
def principal(conn):
    account, key, _ = conn.accounts.create_account("Runner")
    return Principal(account, key)


def broken(*args, **kwargs):
    raise OSError("disk on fire")


def scheduled(conn, queue="renders"):
    return conn.queue(queue).scheduled_job_registry.get_job_ids()


def test_a_finished_render_is_stored_as_the_waiter_is_told_and_its_event_is_recorded_with_it(conn, principal,
                                                                                            monkeypatch):
    record = create_render(conn, principal, RenderRequest(template=CARD, fields={"t": "done"}))
    monkeypatch.setattr(Outbox, "fan_out", broken)   # even a fan-out that fails comes after all of that
    with pytest.raises(OSError):
        run_render(conn, record.id)
    stored = conn.render_store.load(record.id)
    told = conn.render_store.wait(record, timeout=1)
    assert stored.status == "completed" and told == stored, "built in memory exactly as stored"
    assert record.id not in conn.render_jobs
    assert [e["id"] for e in conn.events.poll(principal.account.id, "render.completed")] == [record.id]
    assert conn.render_store.cached(principal.account.id, record.cache_key)["file_key"] == stored.file_key


def test_an_unexpected_error_is_tried_again_later_then_fails_with_its_reason(conn, principal, monkeypatch):
    monkeypatch.setattr(running, "render", broken)
    record = create_render(conn, principal, RenderRequest(template=CARD))
    conn.queue("renders").empty()
    for attempt in range(1, MAX_ATTEMPTS):
        run_render(conn, record.id)   # no exception: the job ends, and a new one is scheduled
        again = conn.render_store.load(record.id)
        assert again.status == "queued" and again.attempts == attempt
        assert scheduled(conn) == [again.job_id], "one job, scheduled, with no RQ retries of its own"
        assert conn.queue("renders").fetch_job(again.job_id).retries_left is None
        conn.queue("renders").scheduled_job_registry.remove(again.job_id)
        assert conn.render_jobs.deadline(record.id) > conn.render_jobs.now() + conn.settings.render_job_timeout
    run_render(conn, record.id)
    failed = conn.render_store.load(record.id)
    assert failed.status == "failed" and failed.attempts == MAX_ATTEMPTS and "disk on fire" in failed.error["message"]
    assert scheduled(conn) == [] and record.id not in conn.render_jobs
    assert conn.credits.usage(principal.account).used == 0, "the credit came back"
    assert [e["id"] for e in conn.events.poll(principal.account.id, "render.failed")] == [record.id]


def test_a_dead_worker_and_an_error_count_against_the_same_attempts(conn, principal, monkeypatch):
    record = create_render(conn, principal, RenderRequest(template=CARD))
    conn.queue("renders").empty()
    conn.render_store.start(record.id, "2026-01-01T00:00:00.000Z")   # a worker took it, then died
    conn.render_jobs.watch(record.id, after=-3600)
    assert reconciler.reconcile_once(conn)["requeued"] == 1
    with monkeypatch.context() as m:
        m.setattr(running, "render", broken)
        run_render(conn, record.id)   # attempt 2 raises: scheduled again
    assert conn.render_store.load(record.id).attempts == 2
    conn.render_store.start(record.id, "2026-01-01T00:00:00.000Z")   # attempt 3: its worker dies too
    conn.queue("renders").fetch_job(conn.render_store.load(record.id).job_id).delete()   # (with its job)
    conn.render_jobs.watch(record.id, after=-3600)
    assert reconciler.reconcile_once(conn)["failed"] == 1
    assert "interrupted 3 times" in conn.render_store.load(record.id).error["message"]


def test_a_template_the_renderer_refuses_fails_at_once(conn, principal):
    bad = {"width": 100, "height": 50, "layers": [{"type": "image", "name": "i", "src": "data:image/png;base64,AA",
                                                   "width": 10, "height": 10, "on_error": "fail"}]}
    record = create_render(conn, principal, RenderRequest(template=bad))
    run_render(conn, record.id)
    failed = conn.render_store.load(record.id)
    assert failed.status == "failed" and failed.attempts == 1 and failed.error["error"] == "image_failed"


def test_a_sync_render_comes_back_finished_without_reading_it_again(conn, principal, monkeypatch):
    record = create_render(conn, principal, RenderRequest(template=CARD, fields={"t": "first"}))
    run_render(conn, record.id)
    monkeypatch.setattr(conn.render_store, "load", broken)   # the answer must come from the done signal
    assert conn.render_store.wait(record, timeout=1).status == "completed"
    again = render_and_wait(conn, principal, RenderRequest(template=CARD, fields={"t": "first"}), timeout=1)
    assert again.cached and again.status == "completed" and again.file_key == conn.render_store.cached(
        principal.account.id, record.cache_key)["file_key"]
