"""Templates over HTTP: CRUD with versions, the 422 that names the path, scopes, and fields for every platform."""

import pytest

from renderer import Template, apply_fields
from tests.conftest import assert_envelope

CARD = {"name": "Blog OG card", "width": 1200, "height": 630, "background": "#0f172a",
        "layers": [{"type": "text", "name": "title", "x": 80, "y": 180, "width": 1040, "height": 260,
                    "text": "Default title", "font_size": 64}]}

# One field of every native type: text, textarea, image, color, number, integer, boolean, select, qr.
EVERY_TYPE = {"name": "Every field", "width": 1200, "height": 630, "layers": [
    {"type": "image", "name": "photo", "src": "https://example.com/photo.jpg", "required": True},
    {"type": "rect", "name": "overlay", "fill": "#000000", "opacity": 0.45},
    {"type": "text", "name": "title", "height": 60, "font_size": 48, "max_lines": 1, "text": "Hi",
     "fields": ["color", "font_size", "font_weight", "hidden", "align"]},
    {"type": "text", "name": "body", "height": 400, "font_size": 24, "label": "Body text", "help": "Two lines."},
    {"type": "qr", "name": "link", "data": "https://example.com"},
]}
SAMPLE = {"text": "Hello", "textarea": "Line one\nLine two", "image": "https://example.com/a.png", "color": "#ff0055",
          "number": 30, "integer": 700, "boolean": True, "qr": "https://example.com/x"}
ZAPIER_KEYS = {"key", "label", "type", "required", "default", "helpText", "choices"}
ZAPIER_TYPES = {"string", "text", "integer", "number", "boolean", "datetime", "file", "password", "copy", "code"}
N8N_TYPES = {"string", "string-alphanumeric", "number", "boolean", "dateTime", "time", "array", "object", "options",
             "url", "jwt", "form-fields"}


def create(client, caller, body=None, **headers):
    return client.post("/api/v1/templates", json=body or CARD, headers={**caller.headers, **headers})


def test_create_answers_201_with_the_template_object(client, alice):
    response = create(client, alice)
    assert response.status_code == 201
    body = response.get_json()
    assert body["id"].startswith("tpl_") and body["version"] == 1
    assert (body["name"], body["width"], body["background"], body["public"]) == ("Blog OG card", 1200, "#0f172a",
                                                                                 False)
    assert body["layers"][0]["name"] == "title" and body["description"] == ""
    assert client.get(f"/api/v1/templates/{body['id']}", headers=alice.headers).get_json() == body


@pytest.mark.parametrize("template, path", [
    ({**CARD, "layers": [{"type": "text", "name": "title", "font_size": "huge"}]}, "layers[0].font_size"),
    ({**CARD, "layers": [{"type": "circle", "name": "x"}]}, "layers[0].type"),
    ({**CARD, "width": 5000}, "width"),
    ({**CARD, "colour": "red"}, "colour"),
])
def test_a_bad_template_is_a_422_naming_the_path(client, alice, template, path):
    body = assert_envelope(create(client, alice, template), 422, "validation_failed")
    assert body["message"].startswith(f"{path}: ")
    assert body["details"]["path"] == path


def test_a_missing_canvas_size_is_a_422_naming_it(client, alice):
    body = assert_envelope(create(client, alice, {"name": "x", "height": 10}), 422, "validation_failed")
    assert body["message"].startswith("width: is required")


def test_another_accounts_template_is_a_404_exactly_like_a_missing_one(client, alice, bob):
    bobs = create(client, bob).get_json()["id"]
    missing = "tpl_0000000000000000000000"
    for method, suffix in (("get", ""), ("put", ""), ("patch", ""), ("delete", ""), ("get", "/fields")):
        kwargs = {"json": CARD} if method in ("put", "patch") else {}
        theirs = assert_envelope(getattr(client, method)(f"/api/v1/templates/{bobs}{suffix}", headers=alice.headers,
                                                         **kwargs), 404, "not_found")
        absent = assert_envelope(getattr(client, method)(f"/api/v1/templates/{missing}{suffix}",
                                                         headers=alice.headers, **kwargs), 404, "not_found")
        assert theirs["message"].replace(bobs, "ID") == absent["message"].replace(missing, "ID")
        assert theirs["details"] == absent["details"]
    assert client.get("/api/v1/templates", headers=alice.headers).get_json() == []
    assert client.get(f"/api/v1/templates/{bobs}", headers=bob.headers).status_code == 200


def test_put_and_patch_make_new_versions(client, alice):
    created = create(client, alice).get_json()
    url = f"/api/v1/templates/{created['id']}"
    put = client.put(url, json={**CARD, "name": "Replaced"}, headers=alice.headers)
    assert put.status_code == 200 and put.get_json()["version"] == 2 and put.get_json()["name"] == "Replaced"
    patched = client.patch(url, json={"layers": [{"type": "qr", "name": "code"}], "background": None},
                           headers=alice.headers).get_json()
    assert patched["version"] == 3 and patched["layers"] == [{"type": "qr", "name": "code", "x": 0, "y": 0,
                                                              "width": 1200, "height": 630}]
    assert patched["background"] == "#ffffff" and patched["name"] == "Replaced"
    same = client.patch(url, data='{"name": "Replaced"}', content_type="application/merge-patch+json",
                        headers=alice.headers)
    assert same.status_code == 200 and same.get_json()["version"] == 3
    bad = client.patch(url, json={"width": 0}, headers=alice.headers)
    assert assert_envelope(bad, 422, "validation_failed")["details"]["path"] == "width"
    assert client.get(url, headers=alice.headers).get_json()["version"] == 3


def test_delete_answers_204_then_404(client, alice):
    created = create(client, alice).get_json()
    url = f"/api/v1/templates/{created['id']}"
    response = client.delete(url, headers=alice.headers)
    assert response.status_code == 204 and response.data == b""
    assert_envelope(client.get(url, headers=alice.headers), 404, "not_found")
    assert_envelope(client.delete(url, headers=alice.headers), 404, "not_found")


def test_list_filters_by_name_and_pages_newest_first(client, alice):
    for name in ("Blog card", "Badge", "BLOG banner"):
        create(client, alice, {**CARD, "name": name})
    listed = client.get("/api/v1/templates", headers=alice.headers).get_json()
    assert [t["name"] for t in listed] == ["BLOG banner", "Badge", "Blog card"]
    assert all(t["layers"] and t["version"] == 1 for t in listed)
    found = client.get("/api/v1/templates?q=blog", headers=alice.headers).get_json()
    assert [t["name"] for t in found] == ["BLOG banner", "Blog card"]
    assert [t["name"] for t in client.get("/api/v1/templates?q=blog&limit=1&page=1",
                                          headers=alice.headers).get_json()] == ["Blog card"]
    assert client.get("/api/v1/templates?page=9", headers=alice.headers).get_json() == []
    assert "limit" in assert_envelope(client.get("/api/v1/templates?limit=101", headers=alice.headers),
                                      422, "validation_failed")["message"]


@pytest.mark.parametrize("scopes, method, missing", [
    (["templates:read"], "post", "templates:write"),
    (["templates:read"], "put", "templates:write"),
    (["templates:read"], "patch", "templates:write"),
    (["templates:read"], "delete", "templates:write"),
    (["templates:write", "renders:write"], "get", "templates:read"),
    (["renders:write"], "fields", "templates:read"),
])
def test_scopes_are_enforced_naming_the_missing_one(client, app, alice, scopes, method, missing):
    tpl = create(client, alice).get_json()["id"]
    _, secret = app.extensions["platen"].accounts.create_key(alice.account.id, scopes=scopes)
    headers = {"X-API-Key": secret}
    call = {"post": lambda: client.post("/api/v1/templates", json=CARD, headers=headers),
            "put": lambda: client.put(f"/api/v1/templates/{tpl}", json=CARD, headers=headers),
            "patch": lambda: client.patch(f"/api/v1/templates/{tpl}", json={"name": "x"}, headers=headers),
            "delete": lambda: client.delete(f"/api/v1/templates/{tpl}", headers=headers),
            "get": lambda: client.get(f"/api/v1/templates/{tpl}", headers=headers),
            "fields": lambda: client.get(f"/api/v1/templates/{tpl}/fields", headers=headers)}[method]
    body = assert_envelope(call(), 403, "forbidden")
    assert missing in body["message"] and body["details"]["missing_scope"] == missing


def test_an_idempotency_key_replay_creates_one_template(client, alice):
    first = create(client, alice, **{"Idempotency-Key": "zap-run-42"})
    again = create(client, alice, **{"Idempotency-Key": "zap-run-42"})
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true" and again.get_json() == first.get_json()
    assert len(client.get("/api/v1/templates", headers=alice.headers).get_json()) == 1
    changed = create(client, alice, {**CARD, "name": "Other"}, **{"Idempotency-Key": "zap-run-42"})
    assert changed.status_code == 422


@pytest.fixture
def every_type(client, alice):
    created = create(client, alice, EVERY_TYPE).get_json()
    return created["id"], Template.from_dict(EVERY_TYPE)


def fields_of(client, alice, template_id, fmt):
    response = client.get(f"/api/v1/templates/{template_id}/fields?format={fmt}", headers=alice.headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def value_for(native: dict):
    return native["choices"][-1] if native["type"] == "select" else SAMPLE[native["type"]]


def test_native_fields_cover_every_type(client, alice, every_type):
    native = fields_of(client, alice, every_type[0], "native")
    assert fields_of(client, alice, every_type[0], "native") == client.get(
        f"/api/v1/templates/{every_type[0]}/fields", headers=alice.headers).get_json()
    assert {f["type"] for f in native} == {"text", "textarea", "image", "color", "number", "integer", "boolean",
                                           "select", "qr"}
    assert [f["name"] for f in native][:3] == ["photo", "overlay", "title"]
    body = next(f for f in native if f["name"] == "body")
    assert (body["label"], body["help"], body["type"]) == ("Body text", "Two lines.", "textarea")
    assert set(next(f for f in native if f["type"] == "select")) == {"name", "type", "label", "required", "default",
                                                                      "help", "layer", "property", "choices"}


def test_every_key_a_format_returns_is_accepted_by_renders_as_is(client, alice, every_type):
    template_id, template = every_type
    native = {f["name"]: f for f in fields_of(client, alice, template_id, "native")}
    keys = {
        "native": list(native),
        "zapier": [f["key"] for f in fields_of(client, alice, template_id, "zapier")],
        "make": [f["name"] for f in fields_of(client, alice, template_id, "make")],
        "n8n": [f["id"] for f in fields_of(client, alice, template_id, "n8n")["fields"]],
        "jsonschema": list(fields_of(client, alice, template_id, "jsonschema")["properties"]),
    }
    for fmt, names in keys.items():
        assert names == list(native), fmt
        applied = apply_fields(template, {name: value_for(native[name]) for name in names})
        assert applied.layer("title").color == "#ff0055" and applied.layer("title").align == "justify", fmt


def test_zapier_fields_follow_zapiers_field_schema(client, alice, every_type):
    fields = fields_of(client, alice, every_type[0], "zapier")

    def no_nulls(value):
        if isinstance(value, dict):
            return all(no_nulls(v) for v in value.values())
        if isinstance(value, list):
            return all(no_nulls(v) for v in value)
        return value is not None

    assert no_nulls(fields)
    for field in fields:
        assert set(field) <= ZAPIER_KEYS and {"key", "label", "type", "required", "helpText"} <= set(field)
        assert field["type"] in ZAPIER_TYPES and isinstance(field["required"], bool)
        assert 1 <= len(field["helpText"]) <= 1000 and field["label"]
        if "default" in field:
            assert isinstance(field["default"], str) and field["default"]
    by_key = {f["key"]: f for f in fields}
    assert by_key["photo"]["required"] is True and by_key["body"]["type"] == "text"
    assert by_key["title.font_weight"] == {**by_key["title.font_weight"], "type": "integer", "default": "400"}
    assert by_key["title.hidden"]["default"] == "false" and "default" not in by_key["body"]
    assert by_key["title.align"]["choices"][0] == {"label": "Start", "value": "start", "sample": "start"}


def test_make_parameters(client, alice, every_type):
    params = {p["name"]: p for p in fields_of(client, alice, every_type[0], "make")}
    assert {p["type"] for p in params.values()} == {"text", "url", "color", "number", "boolean", "select"}
    assert params["photo"]["type"] == "url" and params["overlay"]["type"] == "color"
    assert params["title.align"]["options"][2] == {"label": "Center", "value": "center"}
    assert params["title.font_size"]["validate"] == {"min": 1, "max": 1000}
    assert params["body"]["multiline"] is True and "default" not in params["body"]
    for param in params.values():
        assert {"name", "label", "type", "required", "help"} <= set(param)
        assert None not in param.values()


def test_n8n_resource_mapper_fields(client, alice, every_type):
    body = fields_of(client, alice, every_type[0], "n8n")
    assert list(body) == ["fields"]
    for field in body["fields"]:
        assert {"id", "displayName", "required", "defaultMatch", "display", "type", "canBeUsedToMatch"} <= set(field)
        assert field["defaultMatch"] is False and field["canBeUsedToMatch"] is False and field["display"] is True
        assert field["type"] in N8N_TYPES
        assert ("options" in field) == (field["type"] == "options")
    align = next(f for f in body["fields"] if f["id"] == "title.align")
    assert align["options"][0] == {"name": "Start", "value": "start"}


def test_jsonschema_is_a_valid_2020_12_schema_that_accepts_good_values(client, alice, every_type):
    jsonschema = pytest.importorskip("jsonschema")
    schema = fields_of(client, alice, every_type[0], "jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert (schema["$schema"], schema["type"], schema["additionalProperties"]) == (
        "https://json-schema.org/draft/2020-12/schema", "object", False)
    assert schema["title"] == "Every field" and schema["required"] == ["photo"]
    props = schema["properties"]
    assert props["title.color"]["pattern"] and props["photo"]["format"] == "uri"
    assert props["title.align"]["enum"][0] == "start"
    assert (props["title.font_weight"]["type"], props["title.font_weight"]["minimum"],
            props["title.font_weight"]["maximum"]) == ("integer", 100, 900)
    native = fields_of(client, alice, every_type[0], "native")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate({f["name"]: value_for(f) for f in native})
    assert not validator.is_valid({"photo": "https://example.com/a.png", "title.color": "red"})
    assert not validator.is_valid({"photo": "https://example.com/a.png", "nope": 1})
    assert not validator.is_valid({"photo": "https://example.com/a.png", "title.font_weight": 1000})


def test_an_unknown_format_is_a_422(client, alice, every_type):
    response = client.get(f"/api/v1/templates/{every_type[0]}/fields?format=airtable", headers=alice.headers)
    body = assert_envelope(response, 422, "validation_failed")
    assert body["message"].startswith("format: ")


def test_a_template_as_get_answers_it_can_be_put_back(client, alice):
    made = client.post("/api/v1/templates", json={"name": "Round trip", "width": 100, "height": 50,
                                                  "layers": [{"type": "text", "name": "t", "text": "x"}]},
                       headers=alice.headers).get_json()
    shown = client.get(f"/api/v1/templates/{made['id']}", headers=alice.headers).get_json()
    shown["name"] = "Round trip, renamed"
    answer = client.put(f"/api/v1/templates/{made['id']}", json=shown, headers=alice.headers)
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["name"] == "Round trip, renamed" and answer.get_json()["version"] == 2


def test_a_summary_list_leaves_the_layers_out(client, alice):
    client.post("/api/v1/templates/examples/certificate", headers=alice.headers)
    full = client.get("/api/v1/templates", headers=alice.headers)
    summary = client.get("/api/v1/templates?view=summary", headers=alice.headers)
    [item] = summary.get_json()
    assert set(item) == {"id", "name", "description", "width", "height", "public", "page_count", "version",
                         "created_at", "updated_at"}
    assert item["page_count"] == 1 and item["id"] == full.get_json()[0]["id"]
    assert len(summary.data) * 50 < len(full.data), "the certificate's inlined images stay out"


def test_dpi_and_decoration_are_kept_and_offered(client, alice):
    """A print template keeps its dpi; a text decoration is a select field on every platform."""
    card = {**CARD, "dpi": 300, "layers": [{**CARD["layers"][0], "decoration": "underline",
                                            "fields": ["decoration"]}]}
    body = create(client, alice, card).get_json()
    stored = client.get(f"/api/v1/templates/{body['id']}", headers=alice.headers).get_json()
    assert stored["dpi"] == 300 and stored["layers"][0]["decoration"] == "underline"
    zapier = {f["key"]: f for f in fields_of(client, alice, body["id"], "zapier")}
    assert [c["value"] for c in zapier["title.decoration"]["choices"]] == ["none", "underline", "line-through"]
    make = {p["name"]: p for p in fields_of(client, alice, body["id"], "make")}
    assert make["title.decoration"]["type"] == "select"
    refused = assert_envelope(create(client, alice, {**CARD, "dpi": 0}), 422, "validation_failed")
    assert refused["details"]["path"] == "dpi"
