"""POST /templates/fields: the fields of a template body (the editor's unsaved working copy), nothing stored."""

import pytest

from tests.conftest import Caller, assert_envelope

URL = "/api/v1/templates/fields"
TEMPLATE = {"name": "Working copy", "width": 400, "height": 200, "layers": [
    {"type": "text", "name": "title", "x": 10, "y": 10, "width": 380, "height": 80, "text": "Hello",
     "required": True, "fields": ["color", "font_size"]},
    {"type": "image", "name": "logo", "x": 10, "y": 100, "width": 80, "height": 80, "src": ""},
    {"type": "rect", "name": "panel", "fill": "#112233", "editable": False},
    {"type": "qr", "name": "link", "data": "https://example.com"}]}


def fields(client, caller, template=TEMPLATE, fmt=None):
    return client.post(URL + (f"?format={fmt}" if fmt else ""), json={"template": template}, headers=caller.headers)


@pytest.mark.parametrize("fmt", ["native", "zapier", "make", "n8n", "jsonschema"])
def test_the_same_answer_as_the_saved_templates_fields(client, alice, fmt):
    saved = client.post("/api/v1/templates", json=TEMPLATE, headers=alice.headers).get_json()
    expected = client.get(f"/api/v1/templates/{saved['id']}/fields?format={fmt}", headers=alice.headers)
    answer = fields(client, alice, fmt=fmt)
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json() == expected.get_json()


def test_the_json_schema_of_an_unsaved_template_follows_its_layers(client, alice):
    schema = fields(client, alice, fmt="jsonschema").get_json()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert list(schema["properties"]) == ["title", "title.color", "title.font_size", "logo", "link"]
    assert schema["required"] == ["title"]
    assert schema["properties"]["logo"]["format"] == "uri"
    assert schema["properties"]["title"]["default"] == "Hello"
    renamed = {**TEMPLATE, "layers": [{**TEMPLATE["layers"][0], "name": "headline", "fields": []}]}
    assert list(fields(client, alice, renamed, "jsonschema").get_json()["properties"]) == ["headline"]
    assert fields(client, alice).get_json()[0]["name"] == "title"   # native by default


def test_nothing_is_stored(client, alice):
    assert fields(client, alice).status_code == 200
    assert client.get("/api/v1/templates", headers=alice.headers).get_json() == []


def test_a_template_that_does_not_validate_is_a_422_naming_the_property(client, alice):
    bad = {"width": 100, "height": 100, "layers": [{"type": "rect", "name": "a"},
                                                   {"type": "text", "name": "b", "font_size": "huge"}]}
    body = assert_envelope(fields(client, alice, bad, "jsonschema"), 422, "validation_failed")
    assert body["details"]["path"] == "layers[1].font_size" and body["message"].startswith("layers[1].font_size")
    body = assert_envelope(fields(client, alice, {"width": 100, "height": 100, "pages": [
        [{"type": "text", "name": "t"}], [{"type": "text", "name": "u", "colour": "#fff"}]]}), 422,
        "validation_failed")
    assert body["details"]["path"] == "pages[1][0].colour"
    body = assert_envelope(client.post(URL, json={}, headers=alice.headers), 422, "validation_failed")
    assert "template" in body["details"]["fields"]
    assert_envelope(fields(client, alice, fmt="airtable"), 422, "validation_failed")


def test_scopes_and_auth(app, client, alice):
    conn = app.extensions["platen"]
    _, renderer = conn.accounts.create_key(alice.account.id, scopes=["renders:write"])
    _, reader = conn.accounts.create_key(alice.account.id, scopes=["templates:read"])
    assert client.post(URL, json={"template": TEMPLATE}, headers={"X-API-Key": reader}).status_code == 200
    body = assert_envelope(client.post(URL, json={"template": TEMPLATE}, headers={"X-API-Key": renderer}), 403,
                           "forbidden")
    assert body["details"]["missing_scope"] == "templates:read"
    assert_envelope(client.post(URL, json={"template": TEMPLATE}), 401, "unauthorized")


def test_counted_with_the_editors_previews_not_the_writes(make_app):
    app = make_app(rate_limit_previews="7 per minute", rate_limit_writes="5 per minute")
    alice = Caller(app.extensions["platen"], "Alice")
    answer = fields(app.test_client(), alice)
    assert answer.status_code == 200 and answer.headers["X-RateLimit-Limit"] == "7"


def test_documented_in_openapi(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/templates/fields"]["post"]
    assert post["summary"] == "List the fields of a template body (saved or not)"
    assert {"200", "403", "422"} <= set(post["responses"])
    assert {p["name"] for p in post["parameters"]} >= {"format"}
