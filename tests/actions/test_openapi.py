"""The OpenAPI document describes every endpoint, with schemas and the error envelope."""

import re
from pathlib import Path

import pytest


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_every_route_of_the_app_is_documented(app, spec):
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops
                  if method != "parameters"}
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        if rule.endpoint == "static" or rule.endpoint.startswith(("api-docs", "dashboard.")):   # pages, not API
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, f"{method} {path} is not in the OpenAPI document"


def test_api_operations_document_the_envelope_and_auth(spec):
    assert set(spec["components"]["schemas"]["Error"]["required"]) == {"error", "message", "status", "request_id"}
    assert {"ApiKey", "Bearer"} <= set(spec["components"]["securitySchemes"])
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if method == "parameters":
                continue
            assert op.get("summary"), f"{method} {path} has no summary"
            if path.startswith("/api/v1/"):
                assert {"401", "429"} <= set(op["responses"]), f"{method} {path}"
                assert any(code.startswith("2") for code in op["responses"])
            else:
                assert op.get("security") == []


def test_creating_posts_document_idempotency(spec):
    params = spec["paths"]["/api/v1/keys"]["post"].get("parameters", [])
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in params)


def test_docs_page_is_served_without_a_key(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and b"swagger" in response.data.lower()


def test_the_docs_page_loads_everything_from_platen_itself(client):
    """/api/v1/docs loaded Swagger UI from a CDN, so it was blank offline; every file it names is served here,
    without a key, with its content type."""
    import re

    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "//" not in re.sub(r"<!--.*?-->", "", html).replace("http://localhost", ""), "no other host"
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert {a.rsplit("/", 1)[1] for a in assets} >= {"swagger-ui.css", "swagger-ui-bundle.js"}
    for url in assets:
        assert url.startswith("/api/v1/docs/assets/"), url
        answer = client.get(url)
        assert answer.status_code == 200 and len(answer.data) > 1000, url
        assert answer.mimetype == ("text/css" if url.endswith(".css") else "text/javascript"), (url, answer.mimetype)
    assert client.get("/api/v1/docs/assets/../../../app.py").status_code == 404
    assert client.get("/api/v1/docs/assets/nope.js").status_code == 404


REQUIRES_WRAPPER = "requires.<locals>.decorator.<locals>.wrapper"   # the view as actions.common.requires left it


def test_a_scope_check_documents_its_own_403(app, spec):
    """``requires(scope)`` puts the 403 in the document itself: every view that checks a scope shows it, and no
    view lists it by hand."""
    checked = 0
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        view_class = getattr(view, "view_class", None)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            func = getattr(view_class, method.lower(), None) if view_class else view
            if getattr(getattr(func, "__code__", None), "co_qualname", "") != REQUIRES_WRAPPER:
                continue
            path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            assert "403" in spec["paths"][path][method.lower()]["responses"], f"{method} {path}"
            checked += 1
    assert checked > 40
    root = Path(__file__).resolve().parents[2]
    by_hand = [str(path.relative_to(root)) for package in ("actions", "triggers")
               for path in sorted((root / package).glob("*.py"))
               if re.search(r"documents\(blp[^)]*\b403\b", path.read_text())]
    assert by_hand == []
