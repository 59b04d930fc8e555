"""The render store against real Redis: save, load, list, transitions, the output cache and the done signal."""

import threading

import pytest

from connector.accounts.store import Account, ApiKey, Principal
from connector.renders.record import RenderRecord, RenderRequest, RenderStatus, cache_key, new_record
from connector.runtime.errors import NotFound, ValidationFailed


def principal(account_id="acct_1", mode="live") -> Principal:
    account = Account(id=account_id, name="A", email="a@example.test", monthly_credits=None, signing_secret="s",
                      created_at="2026-01-01T00:00:00.000Z")
    key = ApiKey(id="key_1", account_id=account_id, label="", mode=mode, scopes=(), hint="",
                 created_at="2026-01-01T00:00:00.000Z")
    return Principal(account, key)


def record(account_id="acct_1", **req) -> RenderRecord:
    return new_record(principal(account_id), RenderRequest(template_id="tpl_a", **req), "tpl_a", 1, "k", 1)


def test_a_saved_render_loads_as_it_was_and_lists_newest_first(conn):
    store = conn.render_store
    first, second = record(fields={"t": "1"}, metadata={"row": 1}), record(fields={"t": "2"})
    first.created_at, second.created_at = "2026-01-01T10:00:00.000Z", "2026-01-01T10:00:01.000Z"
    store.save(first)
    store.save(second)
    assert store.load(first.id) == first
    assert [r.id for r in store.list("acct_1")] == [second.id, first.id]
    assert [r.id for r in store.list("acct_1", since=first.id)] == [second.id]
    assert store.list("acct_1", status="completed") == []
    assert store.load_many([second.id, "rnd_missing", first.id]) == [second, first]
    assert store.get("acct_1", first.id) == first
    with pytest.raises(NotFound):
        store.get("acct_other", first.id)
    with pytest.raises(ValidationFailed):
        store.list("acct_1", since="yesterday")


def test_a_preview_is_stored_but_not_listed_and_forget_undoes_save(conn):
    store = conn.render_store
    preview, kept = record(preview=True), record()
    store.save(preview)
    store.save(kept)
    assert store.load(preview.id) is not None and [r.id for r in store.list("acct_1")] == [kept.id]
    store.forget(kept)
    assert store.load(kept.id) is None and store.list("acct_1") == []


def test_a_transition_happens_only_from_the_given_states(conn):
    store = conn.render_store
    render = record()
    store.save(render)
    assert store.transition(render.id, ("rendering",), status="failed") is False
    assert store.transition(render.id, ("queued", "rendering"), status="failed", error={"error": "x"}) is True
    assert store.load(render.id).error == {"error": "x"}
    assert store.transition("rnd_missing", ("queued",), status="failed") is False


def test_start_takes_a_queued_render_counts_the_attempt_and_hands_back_the_record(conn):
    store = conn.render_store
    render = record()
    store.save(render)
    started, loaded = store.start(render.id, "2026-01-01T00:00:01.000Z")
    assert started and loaded.status == "rendering" and loaded.attempts == 1 and loaded.fields == render.fields
    started, loaded = store.start(render.id, "2026-01-01T00:00:02.000Z")   # its worker died: taken again
    assert started and loaded.attempts == 2
    store.update(render.id, status=RenderStatus.COMPLETED.value)
    started, loaded = store.start(render.id, "2026-01-01T00:00:03.000Z")
    assert not started and loaded.status == "completed" and loaded.attempts == 2
    assert store.start("rnd_missing", "2026-01-01T00:00:03.000Z") == (False, None)


def test_the_cache_remembers_outputs_per_account(conn):
    store = conn.render_store
    output = {"width": 1, "height": 2, "size_bytes": 3, "file_key": "f", "page_keys": [], "warnings": []}
    store.remember("acct_1", "key1", output)
    assert store.cached("acct_1", "key1") == output
    assert store.cached("acct_2", "key1") is None
    assert store.cached_many("acct_1", ["key1", "key2"]) == [output, None]
    assert conn.redis.ttl(store.cache_entry("acct_1", "key1")) > 0


def test_the_cache_key_is_everything_that_changes_the_output_and_nothing_else():
    base = cache_key("tpl_x@1|fonts:0|assets:0", {"t": "a"}, "png", None, 1.0, None, False)
    assert base == cache_key("tpl_x@1|fonts:0|assets:0", {"t": "a", "u": None}, "png", None, 1.0, None, False)
    for other in (cache_key("tpl_x@2|fonts:0|assets:0", {"t": "a"}, "png", None, 1.0, None, False),
                  cache_key("tpl_x@1|fonts:1|assets:0", {"t": "a"}, "png", None, 1.0, None, False),
                  cache_key("tpl_x@1|fonts:0|assets:0", {"t": "b"}, "png", None, 1.0, None, False),
                  cache_key("tpl_x@1|fonts:0|assets:0", {"t": "a"}, "jpg", None, 1.0, None, False),
                  cache_key("tpl_x@1|fonts:0|assets:0", {"t": "a"}, "png", None, 2.0, None, False),
                  cache_key("tpl_x@1|fonts:0|assets:0", {"t": "a"}, "png", None, 1.0, None, True)):
        assert other != base


def test_a_waiter_gets_the_finished_record_from_the_done_signal(conn):
    store = conn.render_store
    render = record(fields={"t": "mine"}, template=None)
    store.save(render)
    finished = RenderRecord.from_redis(render.to_redis())
    finished.status, finished.file_key, finished.width = "completed", "rnd_x.png", 100
    signaller = threading.Timer(0.05, store.signal_done, args=(finished,))
    signaller.start()
    got = store.wait(render, timeout=5)
    signaller.join()
    assert got.status == "completed" and got.file_key == "rnd_x.png" and got.width == 100
    assert got.fields == {"t": "mine"}, "what the signal leaves out comes from the waiter's own record"
    assert store.wait(render, timeout=0.05) is None, "nothing more signalled: the time runs out"


def test_a_signal_from_an_older_worker_reads_the_record(conn):
    store = conn.render_store
    render = record()
    store.save(render)
    store.update(render.id, status="completed")
    conn.redis.rpush(store.done_key(render.id), "1")
    assert store.wait(render, timeout=1).status == "completed"
