"""Events: recorded once per object and type, polled newest first, and never lost between render and event."""

import pytest

from connector.runtime.errors import NotFound, ValidationFailed


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


def test_a_null_field_is_the_same_render_as_no_field():
    """null keeps the template's value, so it must hit the same cache entry (and cost no second credit)."""
    from connector.renders.record import cache_key

    def key(fields):
        return cache_key("tpl_x@1", fields, "png", None, 1.0, None, False)

    assert key({"title": None}) == key({}) and key({"title": {"color": None}, "a": "x"}) == key({"title": {},
                                                                                                 "a": "x"})
    assert key({"title": ""}) != key({})
