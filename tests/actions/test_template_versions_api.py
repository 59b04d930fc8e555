"""Template versions over HTTP: history, any version in full, restore, ?version=, If-Match, and a name required."""

import pytest

from tests.conftest import assert_envelope

CARD = {"name": "Card v1", "width": 400, "height": 200, "background": "#ff0000",
        "layers": [{"type": "text", "name": "title", "text": "One"}]}


@pytest.fixture
def tpl(client, alice):
    """A template saved three times: v1 red, v2 green (renamed), v3 blue."""
    made = client.post("/api/v1/templates", json=CARD, headers=alice.headers).get_json()
    path = f"/api/v1/templates/{made['id']}"
    for body in ({"name": "Card v2", "background": "#00ff00"}, {"background": "#0000ff"}):
        assert client.patch(path, json=body, headers=alice.headers).status_code == 200
    return made["id"]


def test_versions_are_listed_newest_first_and_paged(client, alice, tpl):
    listed = client.get(f"/api/v1/templates/{tpl}/versions", headers=alice.headers).get_json()
    assert [(v["version"], v["name"]) for v in listed] == [(3, "Card v2"), (2, "Card v2"), (1, "Card v1")]
    assert all(set(v) == {"version", "created_at", "name", "size_bytes"} for v in listed)
    assert all(v["size_bytes"] > 50 and v["created_at"].endswith("Z") for v in listed)
    assert listed[0]["created_at"] >= listed[1]["created_at"] >= listed[2]["created_at"]
    pages = [[v["version"] for v in client.get(f"/api/v1/templates/{tpl}/versions?limit=2&page={n}",
                                               headers=alice.headers).get_json()] for n in range(3)]
    assert pages == [[3, 2], [1], []]


def test_any_version_reads_whole_and_a_missing_one_is_a_404(client, alice, tpl):
    first = client.get(f"/api/v1/templates/{tpl}/versions/1", headers=alice.headers).get_json()
    assert (first["id"], first["version"], first["name"], first["background"]) == (tpl, 1, "Card v1", "#ff0000")
    assert first["layers"] == [{**first["layers"][0], "text": "One"}]
    assert client.get(f"/api/v1/templates/{tpl}?version=1", headers=alice.headers).get_json() == first
    latest = client.get(f"/api/v1/templates/{tpl}", headers=alice.headers).get_json()
    assert (latest["version"], latest["background"]) == (3, "#0000ff")
    assert client.get(f"/api/v1/templates/{tpl}?version=3", headers=alice.headers).get_json() == latest
    for n in (4, 0, 99999999999999999999):
        body = assert_envelope(client.get(f"/api/v1/templates/{tpl}/versions/{n}", headers=alice.headers), 404,
                               "not_found")
        assert n == 0 or f"no version {n}" in body["message"]
    assert_envelope(client.get(f"/api/v1/templates/{tpl}?version=4", headers=alice.headers), 404, "not_found")
    assert_envelope(client.get(f"/api/v1/templates/{tpl}?version=two", headers=alice.headers), 422,
                    "validation_failed")


def test_another_accounts_versions_are_a_404(client, alice, bob, tpl):
    for path in (f"/api/v1/templates/{tpl}/versions", f"/api/v1/templates/{tpl}/versions/1"):
        assert_envelope(client.get(path, headers=bob.headers), 404, "not_found")
    assert_envelope(client.post(f"/api/v1/templates/{tpl}/versions/1/restore", headers=bob.headers), 404,
                    "not_found")


def test_restore_saves_the_old_content_as_a_new_version(client, alice, tpl):
    answer = client.post(f"/api/v1/templates/{tpl}/versions/1/restore", headers=alice.headers)
    assert answer.status_code == 201, answer.get_json()
    restored = answer.get_json()
    assert (restored["version"], restored["name"], restored["background"]) == (4, "Card v1", "#ff0000")
    assert client.get(f"/api/v1/templates/{tpl}", headers=alice.headers).get_json() == restored
    assert [v["version"] for v in client.get(f"/api/v1/templates/{tpl}/versions",
                                             headers=alice.headers).get_json()] == [4, 3, 2, 1]
    again = client.post(f"/api/v1/templates/{tpl}/versions/4/restore", headers=alice.headers)
    assert again.status_code == 201 and again.get_json()["version"] == 4   # the same content: no new version
    assert_envelope(client.post(f"/api/v1/templates/{tpl}/versions/9/restore", headers=alice.headers), 404,
                    "not_found")


def test_if_match_refuses_an_edit_of_a_version_someone_replaced(client, alice, tpl):
    path = f"/api/v1/templates/{tpl}"
    stale = client.patch(path, json={"name": "Mine"}, headers={**alice.headers, "If-Match": "2"})
    body = assert_envelope(stale, 409, "conflict")
    assert "version 3" in body["message"] and "2" in body["message"]
    assert body["details"] == {"current_version": 3, "expected_version": 2}
    whole = {**CARD, "name": "Mine"}
    assert_envelope(client.put(path, json=whole, headers={**alice.headers, "If-Match": '"1"'}), 409, "conflict")
    assert client.get(path, headers=alice.headers).get_json()["version"] == 3   # nothing was saved
    for number, value in ((3, "3"), (4, '"4"'), (5, 'W/"5"')):   # plain, quoted and weak-ETag spellings
        answer = client.put(path, json={**whole, "description": f"v{number + 1}"},
                            headers={**alice.headers, "If-Match": value})
        assert answer.status_code == 200 and answer.get_json()["version"] == number + 1, answer.get_json()
    anyone = client.patch(path, json={"description": "any"}, headers={**alice.headers, "If-Match": "*"})
    assert anyone.get_json()["version"] == 7


@pytest.mark.parametrize("value", ["abc", "0", "-1", "3, 4", "v3", "1e3"])
def test_a_malformed_if_match_is_a_400(client, alice, tpl, value):
    answer = client.patch(f"/api/v1/templates/{tpl}", json={"name": "x"}, headers={**alice.headers,
                                                                                   "If-Match": value})
    body = assert_envelope(answer, 400, "validation_failed")
    assert body["message"].startswith("If-Match must be the template version")


def test_a_template_without_a_name_is_a_422(client, alice, tpl):
    nameless = {k: v for k, v in CARD.items() if k != "name"}
    for body in (nameless, {**CARD, "name": ""}, {**CARD, "name": "   "}):
        answer = assert_envelope(client.post("/api/v1/templates", json=body, headers=alice.headers), 422,
                                 "validation_failed")
        assert answer["message"].startswith("name: is required")
        assert_envelope(client.put(f"/api/v1/templates/{tpl}", json=body, headers=alice.headers), 422,
                        "validation_failed")
    removed = client.patch(f"/api/v1/templates/{tpl}", json={"name": None}, headers=alice.headers)
    assert assert_envelope(removed, 422, "validation_failed")["details"]["path"] == "name"


def test_versions_are_documented(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/templates/{template_id}/versions", "/api/v1/templates/{template_id}/versions/{version}",
            "/api/v1/templates/{template_id}/versions/{version}/restore"} <= set(spec["paths"])
    put = spec["paths"]["/api/v1/templates/{template_id}"]["put"]
    assert "If-Match" in [p["name"] for p in put["parameters"]] and "409" in put["responses"]
    restore = spec["paths"]["/api/v1/templates/{template_id}/versions/{version}/restore"]["post"]
    assert {p["name"] for p in restore["parameters"]} == {"If-Match", "Idempotency-Key"}
    render = spec["components"]["schemas"]["RenderCreate"]["properties"]
    assert render["template_version"]["type"] == "integer"
