"""Template versions: each kept for good under its own key, logged for lists, parsed once per process."""

import pytest

from connector.runtime.errors import NotFound

CARD = {"name": "Blog OG card", "width": 1200, "height": 630,
        "layers": [{"type": "text", "name": "title", "x": 80, "y": 180, "width": 1040, "height": 260}]}


@pytest.fixture
def store(conn):
    return conn.templates


def test_history_of_versions_saved_before_they_were_logged_is_read_in_one_round_trip(store, monkeypatch):
    record = store.create("acct_a", CARD)
    for width in (600, 700, 800):
        record = store.replace("acct_a", record.id, {**CARD, "name": f"W{width}", "width": width})
    versions = store.versions
    store.redis.delete(versions._log(record.id))   # as a template saved before versions were logged
    sizes = {n: len(store.redis.get(versions._key(record.id, n)).encode()) for n in range(1, 5)}
    monkeypatch.setattr(store.redis, "get", lambda *a: pytest.fail("one GET per version: use one MGET"))
    history = store.history("acct_a", record.id)
    assert [(v["version"], v["name"], v["size_bytes"]) for v in history] == [
        (4, "W800", sizes[4]), (3, "W700", sizes[3]), (2, "W600", sizes[2]), (1, "Blog OG card", sizes[1])]
    assert history[0]["created_at"] == record.updated_at and history[3]["created_at"] == record.created_at


def test_history_pages_newest_first_from_the_log(store):
    record = store.create("acct_a", CARD)
    for width in (600, 700):
        record = store.replace("acct_a", record.id, {**CARD, "width": width})
    assert [v["version"] for v in store.history("acct_a", record.id, limit=2)] == [3, 2]
    assert [v["version"] for v in store.history("acct_a", record.id, limit=2, page=1)] == [1]
    assert store.history("acct_a", record.id, limit=2, page=2) == []
    assert store.versions.saved_at(record.id, 3) == record.updated_at


def test_a_version_is_parsed_once_per_process_and_outlives_its_template(store, monkeypatch):
    record = store.create("acct_a", CARD)
    store.delete("acct_a", record.id)
    other = type(store)(store.redis, store.p)   # another process: nothing parsed yet
    assert other.version(record.id, 1) == record.template
    with pytest.raises(NotFound):
        store.version(record.id, 2)
    monkeypatch.setattr(other.redis, "get", lambda *a: pytest.fail("read again: parsed versions are kept"))
    assert other.version(record.id, 1) == record.template


def test_get_with_reads_other_keys_in_the_same_round_trip(store):
    record = store.create("acct_a", CARD)
    store.redis.set(f"{store.p}:test:one", "1")
    got, values = store.get_with("acct_a", record.id, [f"{store.p}:test:one", f"{store.p}:test:none"])
    assert got == record and values == ["1", None]
    assert store.get_with("acct_a", record.id)[1] == []
    with pytest.raises(NotFound):
        store.get_with("acct_b", record.id, [f"{store.p}:test:one"])
