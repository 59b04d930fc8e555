"""The reconciler and the retention sweep, against real Redis (no worker: jobs are inspected, not run)."""

import time

from connector.accounts.store import Principal
from connector.jobs import reconciler as reconcile
from connector.jobs.watched import JobStates
from connector.renders.creating import create_render
from connector.renders.record import RenderRequest
from connector.renders.running import reconcile as reconcile_renders
from connector.renders.running import run_render
from connector.storage import new_key

CARD = {"width": 100, "height": 50, "layers": [{"type": "text", "name": "t", "text": "x"}]}


def overdue(conn, render_id):
    """Its deadline an hour ago on Redis's clock: as if its worker had been gone that long."""
    conn.render_jobs.watch(render_id, after=-3600)


def test_overdue_renders_are_requeued_then_failed_with_a_reason(conn):
    account, key, _ = conn.accounts.create_account("Rec")
    record = create_render(conn, Principal(account, key), RenderRequest(template=CARD))
    assert record.id in conn.render_jobs
    overdue(conn, record.id)
    # its job is still queued (no worker here): waiting behind others is not abandonment
    assert reconcile.reconcile_once(conn)["waiting"] == 1
    assert reconcile.reconcile_once(conn)["waiting"] == 0, "given a new deadline"
    for attempt in range(1, 4):
        conn.render_store.update(record.id, attempts=attempt)
        conn.queue("renders").empty()   # the job vanished (its worker died with it)
        overdue(conn, record.id)
        counts = reconcile.reconcile_once(conn)
        if attempt < 3:
            assert counts["requeued"] == 1 and len(conn.queue("renders")) == 1
    failed = conn.render_store.load(record.id)
    assert failed.status == "failed" and "interrupted 3 times" in failed.error["message"]
    assert record.id not in conn.render_jobs
    assert conn.credits.usage(account).used == 0, "the credit came back"


def test_a_render_job_just_taken_by_a_worker_is_left_to_it_and_drawn_once(conn):
    """A worker on several queues takes a job off its list, then marks it started: a pass looking in between
    (its deadline just passed) must not queue it again, or the render is drawn twice."""
    account, key, _ = conn.accounts.create_account("Limbo")
    record = create_render(conn, Principal(account, key), RenderRequest(template=CARD))
    queue = conn.queue("renders")
    job_id = conn.rq_redis.lpop(queue.key).decode()   # taken off the list, not yet started
    overdue(conn, record.id)
    assert reconcile.reconcile_once(conn) == {"requeued": 0, "failed": 0, "waiting": 1}
    assert len(queue) == 0 and conn.render_store.load(record.id).job_id == job_id
    queue.fetch_job(job_id).set_status("started")   # the worker goes on: marks it started and draws it
    run_render(conn, record.id)
    after = conn.render_store.load(record.id)
    assert after.status == "completed" and after.attempts == 1 and record.id not in conn.render_jobs


def test_a_render_job_taken_by_a_worker_that_died_before_starting_it_is_requeued_at_its_next_deadline(conn):
    account, key, _ = conn.accounts.create_account("Limbo")
    record = create_render(conn, Principal(account, key), RenderRequest(template=CARD))
    queue = conn.queue("renders")
    job_id = conn.rq_redis.lpop(queue.key).decode()   # taken off the list; the worker died before marking it started
    overdue(conn, record.id)
    states = JobStates(conn.rq_redis)
    assert states(job_id) == "taken" and states.waiting(job_id) and states(job_id) == "taken", "one answer a pass"
    assert reconcile_renders(conn, states)["waiting"] == 1, "taken a moment ago, as far as a pass can tell"
    assert JobStates(conn.rq_redis)(job_id) == "lost", "still so at the next pass"
    overdue(conn, record.id)
    assert reconcile.reconcile_once(conn)["requeued"] == 1
    assert len(queue) == 1 and queue.job_ids[0] == conn.render_store.load(record.id).job_id != job_id


def test_a_render_is_not_requeued_by_a_host_whose_clock_is_ahead(conn, monkeypatch):
    """Deadlines are read on Redis's clock: a reconciler on a host 100 s (or a day) ahead leaves alone a render
    that another host is drawing right now."""
    account, key, _ = conn.accounts.create_account("Skew")
    record = create_render(conn, Principal(account, key), RenderRequest(template=CARD))
    conn.render_store.update(record.id, status="rendering", attempts=1)   # a worker on another host has it
    conn.queue("renders").empty()   # and RQ no longer lists it as waiting
    ahead = time.time() + 86400
    monkeypatch.setattr(time, "time", lambda: ahead)
    assert reconcile.reconcile_once(conn) == {"requeued": 0, "failed": 0, "waiting": 0}
    assert conn.render_store.load(record.id).status == "rendering" and len(conn.queue("renders")) == 0
    monkeypatch.undo()
    overdue(conn, record.id)   # past its deadline on Redis's clock: now it is
    assert reconcile.reconcile_once(conn)["requeued"] == 1


def test_retention_sweep_deletes_only_old_files(conn):
    old = conn.files.put(new_key("rnd_old", "png"), b"old", "image/png")
    new = conn.files.put(new_key("rnd_new", "png"), b"new", "image/png")
    import os

    path = os.path.join(conn.files.root, old.key)
    os.utime(path, (time.time() - 40 * 86400,) * 2)
    assert reconcile.sweep_files(conn) == 1
    assert conn.files.get(new.key)[0] == b"new"


def test_a_render_failed_while_queued_is_not_drawn_and_one_being_drawn_is_not_failed(conn):
    from connector.renders.running import fail_if_queued, run_render

    account, key, _ = conn.accounts.create_account("Race")
    first = create_render(conn, Principal(account, key), RenderRequest(template=CARD, fields={"t": "one"}))
    assert fail_if_queued(conn, first, "cancelled", "Cancelled.") is True
    run_render(conn, first.id)   # its job runs after all: it must leave the render failed
    after = conn.render_store.load(first.id)
    assert after.status == "failed" and after.file_key is None and after.error["error"] == "cancelled"
    second = create_render(conn, Principal(account, key), RenderRequest(template=CARD, fields={"t": "two"}))
    conn.render_store.update(second.id, status="rendering")   # a worker has it
    assert fail_if_queued(conn, second, "cancelled", "Cancelled.") is False
    assert conn.render_store.load(second.id).status == "rendering"
    run_render(conn, second.id)   # a retry after its worker died: still drawn
    assert conn.render_store.load(second.id).status == "completed"
