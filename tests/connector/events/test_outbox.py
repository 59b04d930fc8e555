"""The outbox: a render's event is recorded with its completion; its fan-out is done once per event, even when the
process stops between the two (the sweep finishes it)."""

import pytest

from connector.accounts.store import Principal
from connector.events.outbox import Outbox
from connector.renders.creating import create_render
from connector.renders.record import RenderRequest
from connector.renders.running import run_render
from connector.webhooks.hooks import subscribe

CARD = {"width": 100, "height": 50, "layers": [{"type": "text", "name": "t", "text": "x"}]}


@pytest.fixture
def principal(conn):
    account, key, _ = conn.accounts.create_account("Outboxed")
    return Principal(account, key)


def deliveries(conn, account_id):
    return sorted(key for key in conn.redis.scan_iter(f"{conn.settings.redis_prefix}:delivery:*")
                  if not key.endswith(":attempts"))


def test_a_render_without_listeners_is_finished_in_one_transaction_and_never_enters_the_outbox(conn, principal):
    record = create_render(conn, principal, RenderRequest(template=CARD))
    run_render(conn, record.id)
    polled = conn.events.poll(principal.account.id, "render.completed")
    assert [d["id"] for d in polled] == [record.id] and polled[0]["status"] == "completed"
    assert record.id not in conn.outbox and conn.redis.zcard(conn.outbox.key) == 0


def test_a_crash_between_completion_and_fan_out_is_finished_by_the_sweep_exactly_once(conn, principal,
                                                                                      monkeypatch):
    subscribe(conn, principal.account.id, "https://hooks.example.test/in", "render.completed")
    record = create_render(conn, principal, RenderRequest(template=CARD, webhook_url="https://cb.example.test/x"))
    with monkeypatch.context() as m:
        m.setattr(Outbox, "fan_out", lambda *a, **k: None)   # the worker dies right after its transaction
        run_render(conn, record.id)
    assert conn.render_store.load(record.id).status == "completed"
    assert [d["id"] for d in conn.events.poll(principal.account.id, "render.completed")] == [record.id], \
        "the event came with the completion"
    assert record.id in conn.outbox and deliveries(conn, principal.account.id) == []
    assert conn.outbox.sweep(grace=60) == 0, "not yet: its own process may still be at it"
    assert conn.outbox.sweep(grace=-1) == 1
    made = deliveries(conn, principal.account.id)
    assert len(made) == 2, "one to the hook, one to the render's webhook_url"
    assert record.id not in conn.outbox
    # swept again (another reconciler saw it too, or the worker comes back): nothing new
    conn.outbox.redis.zadd(conn.outbox.key, {record.id: 0})
    assert conn.outbox.sweep(grace=-1) == 1 and deliveries(conn, principal.account.id) == made
    events = [k for k in conn.redis.scan_iter(f"{conn.settings.redis_prefix}:event:*")]
    assert len(events) == 1


def test_a_preview_has_no_event_and_the_sweep_drops_what_is_not_finished(conn, principal):
    record = create_render(conn, principal, RenderRequest(template=CARD, preview=True))
    run_render(conn, record.id)
    assert conn.events.poll(principal.account.id, "render.completed") == []
    queued = create_render(conn, principal, RenderRequest(template=CARD, fields={"t": "later"}))
    conn.redis.zadd(conn.outbox.key, {queued.id: 0, "rnd_gone": 0})
    assert conn.outbox.sweep(grace=-1) == 0 and conn.redis.zcard(conn.outbox.key) == 0
