"""Events: recorded once per object and type, polled newest first, and never lost between render and event."""

import time

import pytest

from connector.accounts.store import Principal
from connector.jobs import reconciler as reconcile
from connector.renders.pipeline import create_render, run_render
from connector.renders.store import RenderRequest
from connector.runtime.errors import NotFound, ValidationFailed

CARD = {"width": 100, "height": 50, "layers": [{"type": "text", "name": "t", "text": "x"}]}


def test_recording_is_idempotent_and_polling_sorts_by_event_time(conn):
    store = conn.events
    first, created = store.record("acct_a", "render.completed", "rnd_1", "tpl_x", "2026-11-21T10:00:00.000Z",
                                  {"id": "rnd_1"})
    assert created and first.id == "evt_1c"
    again, created = store.record("acct_a", "render.completed", "rnd_1", "tpl_x", "2026-11-21T10:00:00.000Z",
                                  {"id": "rnd_1", "changed": True})
    assert not created and again == first
    store.record("acct_a", "render.completed", "rnd_2", "tpl_y", "2026-11-21T09:00:00.000Z", {"id": "rnd_2"})
    store.record("acct_a", "render.completed", "rnd_3", "tpl_x", "2026-11-21T11:00:00.000Z", {"id": "rnd_3"})
    store.record("acct_b", "render.completed", "rnd_4", None, "2026-11-21T12:00:00.000Z", {"id": "rnd_4"})
    assert [d["id"] for d in store.poll("acct_a", "render.completed")] == ["rnd_3", "rnd_1", "rnd_2"]
    assert [d["id"] for d in store.poll("acct_a", "render.completed", template_id="tpl_x")] == ["rnd_3", "rnd_1"]
    assert [d["id"] for d in store.poll("acct_a", "render.completed", since="rnd_1")] == ["rnd_3"]
    assert [d["id"] for d in store.poll("acct_a", "render.completed", since="2026-11-21T09:30:00Z")] == \
        ["rnd_3", "rnd_1"]
    assert [d["id"] for d in store.poll("acct_a", "render.completed", limit=1)] == ["rnd_3"]
    assert [d["id"] for d in store.poll("acct_a", "render.completed", limit=2, page=1)] == ["rnd_2"]
    assert store.poll("acct_a", "render.completed", limit=2, page=5) == [], "a page past the end is []"
    assert store.poll("acct_a", "render.failed") == []
    with pytest.raises(ValidationFailed):
        store.poll("acct_a", "render.completed", since="rnd_missing")
    with pytest.raises(NotFound):
        store.poll("acct_a", "render.exploded")
    with pytest.raises(NotFound):
        store.get("acct_b", first.id)


def test_a_finished_render_whose_event_was_lost_is_recorded_by_the_sweep(conn, monkeypatch):
    account, key, _ = conn.accounts.create_account("Crashy")
    principal = Principal(account, key)
    real = conn.on_render_finished
    monkeypatch.setattr(conn, "on_render_finished", lambda record: None)   # the process dies right there
    record = create_render(conn, principal, RenderRequest(template=CARD))
    # run the worker's part in-process (with a stand-in drawing), then "crash" before the event
    monkeypatch.setattr("connector.renders.pipeline.render", lambda *a, **k: type("R", (), {
        "pages": [b"png"], "data": b"png", "media_type": "image/png", "width": 100, "height": 50,
        "warnings": []})())
    run_render(conn, record.id)
    assert conn.events.poll(account.id, "render.completed") == []
    assert conn.redis.zscore(conn.outbox_key, record.id) is not None
    monkeypatch.setattr(conn, "on_render_finished", real)
    assert reconcile.sweep_outbox(conn, time.time() + 60) == 1
    polled = conn.events.poll(account.id, "render.completed")
    assert [d["id"] for d in polled] == [record.id] and polled[0]["status"] == "completed"
    assert conn.redis.zscore(conn.outbox_key, record.id) is None
    assert reconcile.sweep_outbox(conn, time.time() + 60) == 0


def test_a_null_field_is_the_same_render_as_no_field():
    """null keeps the template's value, so it must hit the same cache entry (and cost no second credit)."""
    from connector.renders.store import cache_key

    def key(fields):
        return cache_key("tpl_x@1", fields, "png", None, 1.0, None, False)

    assert key({"title": None}) == key({}) and key({"title": {"color": None}, "a": "x"}) == key({"title": {},
                                                                                                 "a": "x"})
    assert key({"title": ""}) != key({})
