"""A render accepted while Redis fails mid-request: stored before it is charged or queued, so it is never lost,
and charged exactly once whoever ends up charging it."""

import dataclasses

import pytest
import redis

from connector.accounts.store import Principal
from connector.jobs import reconciler as reconcile
from connector.renders import creating
from connector.renders.creating import create_render, render_and_wait
from connector.renders.record import RenderRequest
from connector.renders.running import run_render
from connector.runtime.errors import InsufficientCredits

CARD = {"width": 100, "height": 50, "layers": [{"type": "text", "name": "t", "text": "x"}]}


def gone(*args, **kwargs):
    raise redis.ConnectionError("Connection closed by server.")


@pytest.fixture
def principal(conn):
    account, key, _ = conn.accounts.create_account("Blip")
    return Principal(account, key)


def test_a_render_stored_when_redis_fails_before_its_job_is_queued_is_queued_by_the_reconciler(conn, principal,
                                                                                                 monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(creating, "queue_jobs", gone)
        record = create_render(conn, principal, RenderRequest(template=CARD))   # accepted: no error
    assert conn.render_store.load(record.id).status == "queued" and len(conn.queue("renders")) == 0
    assert record.id in conn.render_jobs, "the reconciler knows it"
    assert reconcile.reconcile_once(conn)["requeued"] == 0, "not before its deadline"
    conn.render_jobs.watch(record.id, after=-3600)
    assert reconcile.reconcile_once(conn)["requeued"] == 1
    assert len(conn.queue("renders")) == 1
    assert conn.credits.usage(principal.account).used == 1


def test_a_render_stored_before_its_charge_is_charged_once_by_its_worker(conn, principal):
    record = create_render(conn, principal, RenderRequest(template=CARD))
    conn.credits.refund(record.id)   # as if Redis had failed before the charge (an older web process)
    assert conn.credits.usage(principal.account).used == 0
    run_render(conn, record.id)
    assert conn.render_store.load(record.id).status == "completed"
    assert conn.credits.usage(principal.account).used == 1
    run_render(conn, record.id)   # run again (a job put back after an outage): left alone, charged once
    assert conn.credits.usage(principal.account).used == 1
    assert conn.redis.llen(conn.render_store.done_key(record.id)) == 2, "a waiter is told again"


def test_a_render_charged_at_creation_is_not_charged_again_by_its_worker(conn, principal):
    record = create_render(conn, principal, RenderRequest(template=CARD, fields={"t": "paid"}))
    run_render(conn, record.id)
    assert conn.credits.usage(principal.account).used == 1


def test_a_render_refused_for_want_of_credit_leaves_nothing_behind(conn, principal):
    broke = Principal(dataclasses.replace(principal.account, monthly_credits=0), principal.key)
    with pytest.raises(InsufficientCredits):
        create_render(conn, broke, RenderRequest(template=CARD))
    assert conn.render_store.list(principal.account.id) == []
    assert conn.redis.zcard(conn.render_store.index_key(principal.account.id)) == 0, "no id left in its list"
    assert conn.render_jobs.count() == 0 and len(conn.queue("renders")) == 0


def test_waiting_on_a_render_when_redis_fails_answers_with_the_accepted_render(conn, principal, monkeypatch):
    monkeypatch.setattr(conn.render_store, "wait", gone)
    record = render_and_wait(conn, principal, RenderRequest(template=CARD), timeout=10)
    assert record.status == "queued" and conn.render_store.load(record.id) is not None
