"""The template store: versions are kept for good, patches merge, lists page newest first, accounts stay apart."""

import threading

import pytest

from connector.runtime.errors import NotFound, ValidationFailed
from connector.templates.store import MAX_TEMPLATE_BYTES, merge_patch, validate_template

CARD = {
    "name": "Blog OG card", "width": 1200, "height": 630, "background": {"src": "https://example.com/bg.png"},
    "layers": [
        {"type": "rect", "name": "overlay", "fill": "#000000", "opacity": 0.45},
        {"type": "text", "name": "title", "x": 80, "y": 180, "width": 1040, "height": 260, "text": "Hello"},
    ],
}


@pytest.fixture
def store(conn):
    return conn.templates


def test_create_is_version_1_and_the_api_object_has_every_key(store):
    record = store.create("acct_a", CARD)
    assert record.id.startswith("tpl_") and record.version == 1 and record.account_id == "acct_a"
    assert (record.name, record.public) == ("Blog OG card", False)
    body = record.to_dict()
    assert list(body) == ["id", "name", "description", "width", "height", "background", "public", "layers",
                          "version", "created_at", "updated_at"]
    assert body["description"] == "" and body["layers"][1]["text"] == "Hello"
    assert body["created_at"].endswith("Z") and body["created_at"] == body["updated_at"]
    assert store.get("acct_a", record.id) == record


def test_every_version_stays_retrievable_even_after_delete(store):
    first = store.create("acct_a", CARD)
    second = store.replace("acct_a", first.id, {**CARD, "name": "Renamed", "width": 600})
    assert second.version == 2 and second.name == "Renamed" and second.created_at == first.created_at
    assert store.version(first.id, 1).width == 1200 and store.version(first.id, 2).width == 600
    store.delete("acct_a", first.id)
    for lookup in (lambda: store.get("acct_a", first.id), lambda: store.get_public(first.id)):
        with pytest.raises(NotFound):
            lookup()
    assert store.version(first.id, 1).name == "Blog OG card"
    assert store.version(first.id, 2).name == "Renamed"
    with pytest.raises(NotFound):
        store.version(first.id, 3)
    with pytest.raises(NotFound):
        store.version("tpl_never", 1)
    with pytest.raises(NotFound):
        store.delete("acct_a", first.id)


def test_version_reads_redis_not_only_this_process(store, settings):
    from connector import Connector

    record = store.create("acct_a", CARD)
    other = Connector(settings)   # another web or worker process
    try:
        assert other.templates.version(record.id, 1) == record.template
    finally:
        other.close()


def test_an_unchanged_template_keeps_its_version(store):
    record = store.create("acct_a", CARD)
    assert store.replace("acct_a", record.id, CARD).version == 1
    assert store.patch("acct_a", record.id, {"name": "Blog OG card"}).version == 1
    assert store.patch("acct_a", record.id, {}).version == 1


def test_patch_merges_objects_deletes_nulls_and_replaces_arrays(store):
    record = store.create("acct_a", {**CARD, "description": "for the blog"})
    patched = store.patch("acct_a", record.id, {"background": {"fit": "contain"}, "description": None,
                                                "layers": [{"type": "text", "name": "only"}], "public": True})
    body = patched.to_dict()
    assert patched.version == 2 and patched.public is True
    assert body["background"]["src"] == "https://example.com/bg.png" and body["background"]["fit"] == "contain"
    assert body["description"] == ""
    assert [layer["name"] for layer in body["layers"]] == ["only"]
    assert store.get_public(record.id).public is True


def test_a_patch_that_breaks_the_template_changes_nothing(store):
    record = store.create("acct_a", CARD)
    with pytest.raises(ValidationFailed) as caught:
        store.patch("acct_a", record.id, {"layers": [{"type": "text", "name": "t", "font_size": -3}]})
    assert caught.value.details == {"path": "layers[0].font_size"}
    assert caught.value.message.startswith("layers[0].font_size: ")
    with pytest.raises(ValidationFailed):
        store.patch("acct_a", record.id, ["not", "an", "object"])
    assert store.get("acct_a", record.id).version == 1


def test_merge_patch_follows_rfc_7396():
    # the examples of RFC 7396 appendix A
    assert merge_patch({"a": "b"}, {"a": "c"}) == {"a": "c"}
    assert merge_patch({"a": "b"}, {"b": "c"}) == {"a": "b", "b": "c"}
    assert merge_patch({"a": "b"}, {"a": None}) == {}
    assert merge_patch({"a": "b", "b": "c"}, {"a": None}) == {"b": "c"}
    assert merge_patch({"a": ["b"]}, {"a": "c"}) == {"a": "c"}
    assert merge_patch({"a": "c"}, {"a": ["b"]}) == {"a": ["b"]}
    assert merge_patch({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}) == {"a": {"b": "d"}}
    assert merge_patch({"a": [{"b": "c"}]}, {"a": [1]}) == {"a": [1]}
    assert merge_patch({"e": None}, {"a": 1}) == {"e": None, "a": 1}
    assert merge_patch([1, 2], {"a": "b", "c": None}) == {"a": "b"}
    assert merge_patch({}, {"a": {"bb": {"ccc": None}}}) == {"a": {"bb": {}}}


def test_another_accounts_template_is_missing_everywhere(store):
    record = store.create("acct_a", CARD)
    messages = set()
    for action in (lambda: store.get("acct_b", record.id), lambda: store.replace("acct_b", record.id, CARD),
                   lambda: store.patch("acct_b", record.id, {"name": "x"}),
                   lambda: store.delete("acct_b", record.id), lambda: store.get("acct_b", "tpl_missing")):
        with pytest.raises(NotFound) as caught:
            action()
        messages.add(caught.value.message.replace("tpl_missing", record.id))
    assert messages == {f"There is no template {record.id}."}
    assert store.list("acct_b") == []
    assert store.get("acct_a", record.id).version == 1


def test_list_is_newest_first_pages_and_filters_by_name(store):
    names = ["Blog card", "Event badge", "blog banner", "Certificate"]
    ids = [store.create("acct_a", {**CARD, "name": name}).id for name in names]
    store.create("acct_b", {**CARD, "name": "Blog of Bob"})
    assert [r.id for r in store.list("acct_a")] == ids[::-1]
    assert [r.name for r in store.list("acct_a", limit=2, page=0)] == ["Certificate", "blog banner"]
    assert [r.name for r in store.list("acct_a", limit=2, page=1)] == ["Event badge", "Blog card"]
    assert store.list("acct_a", limit=2, page=2) == []
    assert [r.name for r in store.list("acct_a", q="BLOG")] == ["blog banner", "Blog card"]
    assert [r.name for r in store.list("acct_a", q="blog", limit=1, page=1)] == ["Blog card"]
    assert store.list("acct_a", q="nothing like it") == []
    store.delete("acct_a", ids[0])
    assert [r.name for r in store.list("acct_a", q="blog")] == ["blog banner"]


def test_validate_template_names_the_path_and_refuses_huge_templates():
    with pytest.raises(ValidationFailed) as caught:
        validate_template({"width": 100, "height": 100, "layers": [{"type": "text", "name": "a"},
                                                                  {"type": "text", "name": "a"}]})
    assert caught.value.status == 422 and caught.value.details == {"path": "layers[1].name"}
    with pytest.raises(ValidationFailed) as caught:
        validate_template("not a template")
    assert caught.value.details == {"path": ""}
    huge = {"width": 100, "height": 100,
            "layers": [{"type": "text", "name": f"t{i}", "text": "x" * 10_000} for i in range(101)]}
    with pytest.raises(ValidationFailed) as caught:
        validate_template(huge)
    assert "too large" in caught.value.message and f"{MAX_TEMPLATE_BYTES:,}" in caught.value.message


def test_pages_round_trip(store):
    record = store.create("acct_a", {"name": "Carousel", "width": 1080, "height": 1080,
                                     "pages": [[{"type": "text", "name": "one"}], [{"type": "text", "name": "two"}]]})
    body = record.to_dict()
    assert "layers" not in body and [[layer["name"] for layer in page] for page in body["pages"]] == [["one"], ["two"]]
    assert store.version(record.id, 1).paged


def test_concurrent_edits_never_share_a_version(store):
    record = store.create("acct_a", CARD)
    errors = []

    def edit(i):
        try:
            store.patch("acct_a", record.id, {"name": f"edit {i}"})
        except Exception as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.get("acct_a", record.id).version == 9
    names = {store.version(record.id, v).name for v in range(2, 10)}
    assert names == {f"edit {i}" for i in range(8)}
