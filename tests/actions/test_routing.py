"""The URL map: no redirects, a JSON 404 naming an empty id, and an `Allow` that lists what a path really takes."""

from __future__ import annotations

import re

import pytest

from tests.conftest import assert_envelope

METHODS = {"get", "put", "post", "patch", "delete"}


@pytest.fixture
def spec(client):
    return client.get("/api/v1/openapi.json").get_json()


def _operations(spec) -> dict[str, set[str]]:
    """Every documented path, with its documented methods (upper case)."""
    return {path: {m.upper() for m in item if m in METHODS | {"head"}} for path, item in spec["paths"].items()}


def _example(path: str, spec) -> str:
    """The path with a plausible value in each parameter: a well-formed id, a number, the first enum value."""
    def fill(match):
        name = match.group(1)
        for param in spec["paths"][path].get("parameters", []):
            if param["name"] == name and "enum" in param.get("schema", {}):
                return param["schema"]["enum"][0]
        if name in ("n", "version"):
            return "1"
        if name == "ext":
            return "png"
        return f"{name.split('_')[0][:3]}_0abc"
    return re.sub(r"{(\w+)}", fill, path)


def test_options_allows_exactly_the_documented_methods_of_every_path(client, alice, spec):
    for path, documented in _operations(spec).items():
        answer = client.options(_example(path, spec), headers=alice.headers)
        allowed = {m.strip() for m in answer.headers.get("Allow", "").split(",")} - {"OPTIONS", "HEAD"}
        assert allowed == documented - {"HEAD"}, (path, answer.headers.get("Allow"))


@pytest.mark.parametrize("path, method, allowed", [
    ("/api/v1/hooks/signing-secret", "delete", ["GET"]),
    ("/api/v1/keys/validate", "get", ["POST"]),
    ("/api/v1/keys/validate", "delete", ["POST"]),
    ("/api/v1/templates/examples", "put", ["GET"]),
    ("/api/v1/templates/examples/", "delete", ["GET"]),
])
def test_a_fixed_path_beside_an_id_route_answers_for_itself(client, alice, path, method, allowed):
    """Werkzeug fell through to the `{id}` route: DELETE /hooks/signing-secret looked for a hook "signing-secret"."""
    body = assert_envelope(client.open(path, method=method.upper(), headers=alice.headers), 405, "method_not_allowed")
    assert body["details"]["allowed_methods"] == allowed


def test_every_undocumented_method_is_a_405_naming_the_documented_ones(client, alice, spec):
    for path, documented in _operations(spec).items():
        if not path.startswith("/api/v1/"):
            continue
        for method in sorted(METHODS - {m.lower() for m in documented}):
            answer = client.open(_example(path, spec), method=method.upper(), headers=alice.headers)
            body = assert_envelope(answer, 405, "method_not_allowed")
            assert set(body["details"]["allowed_methods"]) == documented - {"HEAD"}, (method, path)


@pytest.mark.parametrize("method, path, parameter", [
    ("GET", "/api/v1/templates//fields", "template_id"),
    ("POST", "/api/v1/templates//signed-url", "template_id"),
    ("GET", "/api/v1/templates//preview.png", "template_id"),
    ("PATCH", "/api/v1/templates/", "template_id"),
    ("DELETE", "/api/v1/templates/", "template_id"),
    ("GET", "/api/v1/renders//file", "render_id"),
    ("GET", "/api/v1/batches//results.csv", "batch_id"),
    ("POST", "/api/v1/batches//cancel", "batch_id"),
    ("DELETE", "/api/v1/hooks/", "hook_id"),
    ("DELETE", "/api/v1/hooks//", "hook_id"),
    ("POST", "/api/v1/hooks/hook_0abc/deliveries//retry", "delivery_id"),
    ("GET", "/api/v1/hooks//deliveries/dlv_0abc", "hook_id"),
    ("DELETE", "/api/v1/keys/", "key_id"),
    ("DELETE", "/api/v1/fonts/", "font_id"),
    ("GET", "/api/v1/triggers/", "event"),
])
def test_an_empty_id_in_a_path_is_a_json_404_that_says_so(client, alice, method, path, parameter):
    for headers in (alice.headers, {}):   # the 404 comes before the key check, like any unknown path's
        answer = client.open(path, method=method, headers=headers, json={} if method != "GET" else None)
        body = assert_envelope(answer, 404, "not_found")
        noun = parameter.replace("_", " ")
        assert body["message"].startswith(f"The {noun} in the path is empty: map a"), body["message"]
        assert body["details"] == {"parameter": parameter}


def test_no_redirects_anywhere_under_the_api(client, alice, spec):
    """Werkzeug merged `//` into `/` with a 308 (then `/templates/fields` was "no template fields")."""
    for path in _operations(spec):
        for variant in (path.replace("{", "").replace("}", ""), re.sub(r"{\w+}", "", path), path + "/",
                        path.replace("/", "//")):
            for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
                answer = client.open(variant, method=method, headers=alice.headers)
                assert not 300 <= answer.status_code < 400, (method, variant, answer.headers.get("Location"))
                assert answer.status_code < 400 or answer.is_json, (method, variant)


def test_a_double_slash_elsewhere_is_a_plain_404(client, alice):
    body = assert_envelope(client.get("/api/v1//templates", headers=alice.headers), 404, "not_found")
    assert body["message"].startswith("There is nothing at /api/v1//templates")
