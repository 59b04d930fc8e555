"""The generation store: accepted generations are stored, watched and queued as a function; read back only by
their account; listed newest first; a job whose worker died is queued again by the reconciler."""

from __future__ import annotations

import pytest
from rq.job import Job
from rq.serializers import JSONSerializer

from connector.accounts.store import Principal
from connector.generations.creating import accept
from connector.generations.record import page_render_id
from connector.jobs import functions, queues
from connector.jobs.watched import GRACE, JobStates
from connector.runtime.errors import NotFound, ValidationFailed

TEXT = {"input_type": "text", "input_content": "Title\nA line.", "output_formats": ["og"]}


@pytest.fixture
def who(conn):
    account, key, _ = conn.accounts.create_account("Generator")
    return Principal(account, key)


def queued_jobs(conn):
    return [Job.fetch(i, connection=conn.rq_redis, serializer=JSONSerializer)
            for i in conn.queue(queues.RENDERS).job_ids]


def test_an_accepted_generation_is_stored_watched_and_queued_as_a_function(conn, who):
    record = accept(conn, who, dict(TEXT, output_formats=["og", "instagram_carousel"]))
    assert record.id in conn.generations.watched
    [job] = queued_jobs(conn)
    assert job.id == record.job_id and job.args == [record.id] and job.func == functions.generate_designs
    assert job.id.startswith(f"generations-{record.id}-")
    stored = conn.generations.get(who.account.id, record.id)
    assert (stored.status, stored.input_content, stored.carousel_slides) == ("queued", "Title\nA line.",
                                                                             {"instagram_carousel": 5})
    assert conn.generations.api_object(stored)["outputs"] == []


def test_another_accounts_generation_and_a_made_up_id_are_not_found(conn, who):
    record = accept(conn, who, TEXT)
    other, _, _ = conn.accounts.create_account("Other")
    for account_id, generation_id in ((other.id, record.id), (who.account.id, "gen_nope"),
                                      (who.account.id, "rnd_" + record.id[4:])):
        with pytest.raises(NotFound):
            conn.generations.get(account_id, generation_id)


def test_listed_newest_first_a_page_at_a_time(conn, who):
    made = [accept(conn, who, TEXT).id for _ in range(3)]
    assert [r.id for r in conn.generations.list(who.account.id, limit=2)] == made[::-1][:2]
    assert [r.id for r in conn.generations.list(who.account.id, limit=2, page=1)] == made[:1]


def test_a_refused_request_stores_and_queues_nothing(conn, who):
    with pytest.raises(ValidationFailed) as refused:
        accept(conn, who, dict(TEXT, output_formats=["og", "nope"]))
    assert list(refused.value.details["fields"]) == ["output_formats"]
    assert '"nope" is not a format' in refused.value.message and "instagram_carousel" in refused.value.message
    assert conn.generations.list(who.account.id) == [] and conn.queue(queues.RENDERS).count == 0


def test_page_render_ids_are_derived_and_distinct(conn, who):
    record = accept(conn, who, TEXT)
    ids = {page_render_id(record.id, output, page) for output in range(10) for page in range(1, 11)}
    assert len(ids) == 100 and all(i.startswith("rnd_") and record.id[4:] in i for i in ids)


def test_the_reconciler_requeues_a_lost_job_waits_for_a_queued_one_and_forgets_a_finished_one(conn, who):
    store = conn.generations
    record = accept(conn, who, TEXT)
    later = store.watched.now() + store.watched.timeout + GRACE + 1   # on Redis's clock
    assert store.reconcile_overdue(JobStates(conn.rq_redis)) == {"requeued": 0, "waiting": 0}, "not yet due"
    assert store.reconcile_overdue(JobStates(conn.rq_redis), later) == {"requeued": 0, "waiting": 1}
    conn.rq_redis.lpop(conn.queue(queues.RENDERS).key)   # a worker took it and died before starting it
    assert store.reconcile_overdue(JobStates(conn.rq_redis), later + 1000) == {"requeued": 0, "waiting": 1}, \
        "taken a moment ago, as far as the first pass can tell"
    assert store.reconcile_overdue(JobStates(conn.rq_redis), later + 2000) == {"requeued": 1, "waiting": 0}
    again = store.load(record.id)
    assert queued_jobs(conn)[0].id == again.job_id != record.job_id and again.status == "queued"
    conn.redis.hset(store.key(record.id), "status", "completed")   # finished meanwhile
    assert store.reconcile_overdue(JobStates(conn.rq_redis), later + 9999) == {"requeued": 0, "waiting": 0}
    assert record.id not in store.watched


def test_each_step_of_a_running_job_moves_its_deadline_on(conn, who):
    store = conn.generations
    record = accept(conn, who, TEXT)
    conn.redis.zadd(store.watched.key, {record.id: 1})   # as if due long ago
    store.alive(record.id)
    assert store.watched.deadline(record.id) > store.watched.now() + store.watched.timeout
    store.watched.unwatch(record.id)
    store.alive(record.id)   # finished meanwhile: not watched again
    assert record.id not in store.watched
