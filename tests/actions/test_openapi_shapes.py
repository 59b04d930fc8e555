"""The OpenAPI document says exactly what the server takes: a value it allows is accepted, one it refuses is refused
(schemathesis' ST202 "schema-valid request rejected" and ST108 over the whole document)."""

import re

import pytest

REF = "#/components/schemas/"
TEMPLATE_BODIES = [("post", "/api/v1/templates"), ("put", "/api/v1/templates/{template_id}"),
                   ("patch", "/api/v1/templates/{template_id}"), ("post", "/api/v1/templates/preview"),
                   ("post", "/api/v1/templates/examples/{name}")]


@pytest.fixture
def spec(client):
    return client.get("/api/v1/openapi.json").get_json()


def _component(spec, schema):
    return spec["components"]["schemas"][schema["$ref"][len(REF):]] if "$ref" in schema else schema


def _json_body(spec, method, path):
    return _component(spec, spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"])


def _param(spec, method, path, name):
    return next(p for p in spec["paths"][path][method]["parameters"] if p["name"] == name)


@pytest.mark.parametrize(("method", "path"), TEMPLATE_BODIES)
def test_template_bodies_say_they_take_no_other_property(spec, method, path):
    assert _json_body(spec, method, path)["additionalProperties"] is False


def test_every_json_request_body_says_what_it_does_with_other_properties(spec):
    """Said once, by a plugin, for every body: none is left to the default 'anything goes'."""
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            body = method != "parameters" and operation.get("requestBody", {}).get("content", {}).get(
                "application/json")
            if body:
                assert "additionalProperties" in _component(spec, body["schema"]), f"{method} {path}"


def test_renders_take_field_values_beside_their_own_properties(spec):
    extra = _json_body(spec, "post", "/api/v1/renders")["additionalProperties"]
    assert isinstance(extra, dict) and "field value" in extra["description"]
    assert _json_body(spec, "post", "/api/v1/renders")["properties"]["fields"]["additionalProperties"] == {}


def test_objects_in_answers_stay_open(spec):
    for name in ("Template", "Render", "Batch", "Key", "Error", "Warning", "Field"):
        assert spec["components"]["schemas"][name].get("additionalProperties") is not False, name


def test_the_server_refuses_what_a_closed_template_body_does_not_list(client, alice, template_id):
    card = {"name": "Card", "width": 100, "height": 100, "colour": "#fff"}
    for method, path, body in [("post", "/api/v1/templates", card),
                               ("put", f"/api/v1/templates/{template_id}", card),
                               ("patch", f"/api/v1/templates/{template_id}", {"colour": "#fff"}),
                               ("post", "/api/v1/templates/preview", {"template": card, "colour": 1}),
                               ("post", "/api/v1/templates/examples/certificate", {"colour": 1})]:
        answer = getattr(client, method)(path, json=body, headers=alice.headers)
        assert answer.status_code == 422 and "colour" in answer.get_json()["message"], (method, path)


@pytest.mark.parametrize("path", ["/api/v1/renders", "/api/v1/triggers/{event}"])
def test_since_is_documented_as_a_time_a_date_or_an_id(spec, path):
    schema = _param(spec, "get", path, "since")["schema"]
    formats = {branch.get("format") or branch.get("pattern") for branch in schema["anyOf"]}
    assert {"date-time", "date"} <= formats and any(f.startswith("^(") for f in formats if f)
    assert {"type": "string", "maxLength": 0} in [{k: v for k, v in b.items() if k != "description"}
                                                  for b in schema["anyOf"]]   # empty: no filter, as the server does


@pytest.mark.parametrize("since", ["2026-11-21T10:00:00Z", "2026-11-21T10:00:00z", "2026-11-21T10:00:00.123456+05:30",
                                   "0001-01-01T00:00:00-23:59", "2026-11-21", "", "rnd_0mhq3k2x1a2b3c4d5e6f7"])
def test_every_documented_kind_of_since_is_accepted(client, alice, since):
    """RFC 3339 (what `format: date-time` means) lets the zone be a lowercase `z`: that was a 422."""
    assert client.get("/api/v1/renders", query_string={"since": since}, headers=alice.headers).status_code == 200
    if not since.startswith("rnd_"):
        answer = client.get("/api/v1/triggers/render.completed", query_string={"since": since},
                            headers=alice.headers)
        assert answer.status_code == 200


@pytest.mark.parametrize(("value", "taken"), [("3", True), ('"3"', True), ('W/"3"', True), ("*", True),
                                              ("003", True), ("", False), ("0", False), ("three", False),
                                              ('W/"x"', False), ("1" * 19, False)])
def test_if_match_takes_exactly_what_its_pattern_says(spec, client, alice, template_id, value, taken):
    pattern = _param(spec, "put", "/api/v1/templates/{template_id}", "If-Match")["schema"]["pattern"]
    assert bool(re.search(pattern, value)) is taken
    answer = client.patch(f"/api/v1/templates/{template_id}", json={"name": "Renamed"},
                          headers={**alice.headers, "If-Match": value})
    assert (answer.status_code != 400) is taken, answer.get_json()


def test_idempotency_key_is_documented_with_the_lengths_the_server_takes(spec, client, alice):
    schema = _param(spec, "post", "/api/v1/keys", "Idempotency-Key")["schema"]
    assert (schema["minLength"], schema["maxLength"]) == (1, 255)
    for key, taken in [("k", True), ("k" * 255, True), ("k" * 256, False), ("", False)]:
        documented = schema["minLength"] <= len(key) <= schema["maxLength"] and bool(re.search(schema["pattern"], key))
        answer = client.post("/api/v1/keys", json={"label": "x"}, headers={**alice.headers, "Idempotency-Key": key})
        assert (documented, answer.status_code) == (taken, 201 if taken else 422), key


def test_uploads_document_their_refusals_and_media_types(spec):
    assets, fonts = spec["paths"]["/api/v1/assets"]["post"], spec["paths"]["/api/v1/fonts"]["post"]
    assert {"415", "422"} <= set(assets["responses"]) and "422" in fonts["responses"]
    for operation, kind in ((assets, "image/"), (fonts, "font/")):
        content = operation["requestBody"]["content"]
        form = content["multipart/form-data"]
        assert form["schema"]["properties"]["file"]["format"] == "binary" and form["schema"]["required"] == ["file"]
        assert kind in form["encoding"]["file"]["contentType"]
        for media, body in content.items():
            if media != "multipart/form-data":
                assert body["schema"]["format"] == "binary" and body["schema"]["contentMediaType"] == media


def test_the_fields_answer_is_any_of_its_named_shapes_not_exactly_one(spec):
    """An empty list is both a native and a Zapier/Make list: `oneOf` made a template without fields invalid. Each
    format is a named schema, so a generated client reads each as what it is."""
    schema = spec["paths"]["/api/v1/templates/{template_id}/fields"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    named = [(branch.get("items") or branch)["$ref"][len(REF):] for branch in schema["anyOf"]]
    assert "oneOf" not in schema and named == ["Field", "ZapierField", "MakeParameter", "N8nFields",
                                               "FieldsJsonSchema"]


@pytest.mark.parametrize("fmt", ["native", "zapier", "make", "n8n", "jsonschema"])
def test_each_fields_format_has_what_its_schema_requires(spec, client, alice, template_id, fmt):
    answer = client.get(f"/api/v1/templates/{template_id}/fields?format={fmt}", headers=alice.headers).get_json()
    schemas = spec["components"]["schemas"]
    if fmt in ("native", "zapier", "make"):
        order = ["Field", "ZapierField", "MakeParameter"]
        name = order[["native", "zapier", "make"].index(fmt)]
        assert answer and all(set(schemas[name]["required"]) <= set(item) for item in answer)
        earlier = order[:order.index(name)]   # tried in order, the first shape that fits is its own
        assert not any(set(schemas[other]["required"]) <= set(answer[0]) for other in earlier)
    else:
        name = "N8nFields" if fmt == "n8n" else "FieldsJsonSchema"
        assert set(schemas[name]["required"]) <= set(answer)


@pytest.mark.parametrize(("view", "schema"), [("full", "Template"), ("summary", "TemplateSummary")])
def test_both_views_of_the_template_list_have_every_required_property(spec, client, alice, template_id, view,
                                                                      schema):
    """`view=summary` leaves out the background and layers the full view has: it has a schema of its own (ST108)."""
    required = set(spec["components"]["schemas"][schema]["required"])
    listed = client.get(f"/api/v1/templates?view={view}", headers=alice.headers).get_json()
    assert listed and all(required <= set(item) for item in listed)
    assert view == "full" or "background" not in listed[0] and "layers" not in listed[0]
