"""The batch store: a batch is watched while rows are still to be made, its rows are counted once, the last one
completes it (into the outbox) and a chunk whose job was lost is queued again."""

from __future__ import annotations

import pytest
from rq.job import Job
from rq.serializers import JSONSerializer

from connector.accounts.store import Principal
from connector.batches.chunks import JOB_TIMEOUT
from connector.jobs import functions, queues
from connector.jobs.watched import GRACE, JobStates
from connector.renders.record import RenderRecord
from connector.runtime.errors import ValidationFailed

CARD = {"name": "Card", "width": 100, "height": 50, "layers": [{"type": "text", "name": "title", "text": "x"}]}


@pytest.fixture
def made(conn):
    account, key, _ = conn.accounts.create_account("Batcher")
    template = conn.templates.create(account.id, CARD)
    batch = conn.batches.create(Principal(account, key), template, [{"f": {"title": str(i)}} for i in range(3)])
    return conn, batch


def queued_jobs(conn, name):
    return [Job.fetch(i, connection=conn.rq_redis, serializer=JSONSerializer) for i in conn.queue(name).job_ids]


def row(batch, index, status="completed"):
    return RenderRecord(id=f"rnd_{batch.id[4:]}{index:05d}", account_id=batch.account_id, key_id="", mode="live",
                        status=status, template_id=batch.template_id, template_version=1, format="png",
                        batch_id=batch.id, completed_at="2026-12-06T00:00:00.000Z")


def test_a_new_batch_is_watched_and_its_first_chunk_queued_as_a_function(made):
    conn, batch = made
    assert batch.id in conn.batches.chunks.watched
    [job] = queued_jobs(conn, queues.BATCHES)
    assert job.id == batch.job_id and job.args == [batch.id] and job.func == functions.expand_batch
    assert job.id.startswith(f"batches-{batch.id}-")


def test_metadata_past_4_kb_is_refused_before_anything_is_stored(conn):
    account, key, _ = conn.accounts.create_account("Batcher")
    template = conn.templates.create(account.id, CARD)
    with pytest.raises(ValidationFailed, match="metadata is larger than 4 KB") as refused:
        conn.batches.create(Principal(account, key), template, [{"f": {}}], metadata={"note": "x" * 4100})
    assert refused.value.details == {"field": "metadata"}
    assert conn.batches.list(account.id) == [] and conn.queue(queues.BATCHES).count == 0
    kept = conn.batches.create(Principal(account, key), template, [{"f": {}}], metadata={"note": "x" * 4000})
    assert conn.batches.load(kept.id).metadata == {"note": "x" * 4000}


def test_rows_are_counted_once_and_the_last_completes_the_batch_into_the_outbox(made):
    conn, batch = made
    store = conn.batches
    assert store.row_finished(row(batch, 0)) is False
    assert store.row_finished(row(batch, 0)) is False, "the same row again (its event handled twice)"
    assert store.row_finished(row(batch, 1, "failed")) is False
    assert (store.load(batch.id).completed, store.load(batch.id).failed) == (1, 1)
    assert store.row_finished(row(batch, 2)) is True
    done = store.load(batch.id)
    assert (done.status, done.completed, done.failed) == ("completed", 2, 1) and done.completed_at
    assert conn.redis.zscore(store.outbox_key, batch.id) is not None, "batch.completed is owed"
    assert batch.id not in store.chunks.watched


def test_chunks_move_the_deadline_and_the_last_one_stops_the_watch(made):
    conn, batch = made
    store = conn.batches
    store.chunks.started(store.load(batch.id))
    assert store.load(batch.id).status == "running"
    store.chunks.done(batch.id, 2, 3)
    again = store.load(batch.id)
    assert again.expanded == 2 and again.job_id != batch.job_id and batch.id in store.chunks.watched
    assert [j.id for j in queued_jobs(conn, queues.BATCHES)] == [batch.job_id, again.job_id]
    store.chunks.done(batch.id, 3, 3)
    assert store.load(batch.id).expanded == 3 and batch.id not in store.chunks.watched


def test_the_reconciler_requeues_a_lost_chunk_waits_for_a_queued_one_and_forgets_a_finished_one(made):
    conn, batch = made
    store = conn.batches
    later = store.chunks.watched.now() + JOB_TIMEOUT + GRACE + 1   # on Redis's clock
    assert store.chunks.reconcile_overdue(JobStates(conn.rq_redis)) == {"requeued": 0, "waiting": 0}, "not yet due"
    assert store.chunks.reconcile_overdue(JobStates(conn.rq_redis), later) == {"requeued": 0, "waiting": 1}
    conn.rq_redis.lpop(conn.queue(queues.BATCHES).key)   # a worker took it and died before starting it
    assert store.chunks.reconcile_overdue(JobStates(conn.rq_redis), later + 1000) == {"requeued": 0, "waiting": 1}, \
        "taken a moment ago, as far as the first pass can tell"
    assert store.chunks.reconcile_overdue(JobStates(conn.rq_redis), later + 2000) == {"requeued": 1, "waiting": 0}
    assert queued_jobs(conn, queues.BATCHES)[0].id == store.load(batch.id).job_id != batch.job_id
    conn.redis.hset(store.key(batch.id), "expanded", 3)   # every row made meanwhile
    assert store.chunks.reconcile_overdue(JobStates(conn.rq_redis), later + 9999) == {"requeued": 0, "waiting": 0}
    assert batch.id not in store.chunks.watched


def test_cancelling_queues_the_cancel_job_on_the_renders_queue(made):
    conn, batch = made
    conn.batches.cancel(batch.account_id, batch.id)
    assert conn.batches.cancelled(batch.id)
    [job] = queued_jobs(conn, queues.RENDERS)
    assert job.func == functions.cancel_batch and job.args == [batch.id]
