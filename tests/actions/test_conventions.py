"""Conventions every endpoint inherits: envelope for every error, request ids, no redirects, body limits."""

import pytest

from tests.conftest import assert_envelope


def test_unknown_route_is_a_json_404_even_without_a_key(client):
    body = assert_envelope(client.get("/api/v1/does-not-exist"), 404, "not_found")
    assert "/api/v1/docs" in body["message"]
    assert_envelope(client.get("/nowhere"), 404, "not_found")


def test_wrong_method_is_a_json_405_naming_the_allowed_ones(client, alice):
    body = assert_envelope(client.put("/api/v1/me", headers=alice.headers), 405, "method_not_allowed")
    assert body["details"]["allowed_methods"] == ["GET"]


def test_unparseable_json_is_a_400(client, alice):
    response = client.post("/api/v1/keys", data='{"label": "x",', content_type="application/json",
                           headers=alice.headers)
    body = assert_envelope(response, 400, "validation_failed")
    assert "not valid JSON" in body["message"]


@pytest.mark.parametrize("payload, field", [
    ({"label": "x" * 101}, "label"),
    ({"scopes": ["keys:write", "root"]}, "scopes[1]"),
    ({"mode": "prod"}, "mode"),
    ({"colour": "red"}, "colour"),
])
def test_validation_errors_are_422_naming_the_field(client, alice, payload, field):
    body = assert_envelope(client.post("/api/v1/keys", json=payload, headers=alice.headers), 422, "validation_failed")
    assert body["message"].startswith(f"{field}: ")
    assert field in body["details"]["fields"]


def test_a_body_that_is_not_an_object_is_422(client, alice):
    assert_envelope(client.post("/api/v1/keys", json=["a"], headers=alice.headers), 422, "validation_failed")


def test_oversized_bodies_are_413(make_app):
    app = make_app(max_body_bytes=1024)
    conn = app.extensions["platen"]
    _, _, secret = conn.accounts.create_account("Big")
    response = app.test_client().post("/api/v1/keys", data='{"label": "' + "x" * 4000 + '"}',
                                      content_type="application/json", headers={"X-API-Key": secret})
    body = assert_envelope(response, 413, "payload_too_large")
    assert "limit" in body["message"]


def test_no_redirects_under_the_api(client, alice):
    for path in ("/api/v1/keys/", "/api/v1/me/", "/api/v1/usage/"):
        response = client.get(path, headers=alice.headers)
        assert response.status_code == 200, path


def test_every_response_has_a_request_id_and_rate_limit_headers(client, alice):
    responses = [client.get("/api/v1/me", headers=alice.headers), client.get("/api/v1/me"),
                 client.get("/api/v1/nope"), client.delete("/api/v1/me", headers=alice.headers),
                 client.post("/api/v1/keys", json={"x": 1}, headers=alice.headers)]
    ids = set()
    for response in responses:
        assert response.headers["X-Request-Id"].startswith("req_")
        ids.add(response.headers["X-Request-Id"])
        for header in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
            assert header in response.headers, (response.request.path, header)
        assert "Retry-After" not in response.headers
    assert len(ids) == len(responses)


def test_an_unexpected_error_is_a_json_500_not_html(app, alice, monkeypatch):
    conn = app.extensions["platen"]
    monkeypatch.setattr(conn.credits, "usage", lambda *a, **k: 1 / 0)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    body = assert_envelope(app.test_client().get("/api/v1/usage", headers=alice.headers), 500, "internal_error")
    assert "request_id" in body["message"]


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code in (200, 503)
    if ready.status_code == 503:
        assert_envelope(ready, 503, "unavailable")


def test_metrics_are_prometheus_text(client, alice):
    client.get("/api/v1/me", headers=alice.headers)
    text = client.get("/metrics").get_data(as_text=True)
    assert "platen_http_requests_total" in text and 'platen_queue_depth{queue="renders"}' in text


def test_metrics_token_when_configured(make_app):
    client = make_app(metrics_token="s3cret").test_client()
    assert_envelope(client.get("/metrics"), 401, "unauthorized")
    assert client.get("/metrics", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_json_sent_without_its_content_type_is_still_read_as_json(client, alice):
    made = client.post("/api/v1/keys", data='{"label": "no header", "mode": "test", "scopes": ["renders:read"]}',
                       headers=alice.headers, content_type="application/x-www-form-urlencoded")
    assert made.status_code == 201, made.get_json()
    assert (made.get_json()["label"], made.get_json()["mode"], made.get_json()["scopes"]) == \
        ("no header", "test", ["renders:read"])
    plain = client.post("/api/v1/keys", data='{"label": "plain"}', headers=alice.headers, content_type="text/plain")
    assert plain.get_json()["label"] == "plain"
    form = client.post("/api/v1/keys", data="label=form", headers=alice.headers,
                       content_type="application/x-www-form-urlencoded")
    body = assert_envelope(form, 415, "unsupported_media_type")
    assert "Content-Type: application/json" in body["message"]


@pytest.mark.parametrize("path, body, message", [
    ("/api/v1/keys", [], 'body: must be a JSON object, like {"name": "value"}.'),
    ("/api/v1/renders", {"template_id": "tpl_x", "fields": "oops"}, 'fields: must be an object, like {"name": '),
    ("/api/v1/hooks", {"event": "render.completed"}, "target_url: is required."),
    ("/api/v1/renders", {"template_id": "tpl_x", "format": "gif"}, "format: must be one of: png, jpeg"),
])
def test_validation_messages_are_plain_words(client, alice, path, body, message):
    assert assert_envelope(client.post(path, json=body, headers=alice.headers), 422,
                           "validation_failed")["message"].startswith(message)


def test_a_loose_body_on_an_unknown_route_is_still_a_404_and_deep_nesting_a_400(client, alice):
    typo = client.post("/api/v1/templtes", data="not json", headers=alice.headers, content_type="text/plain")
    assert_envelope(typo, 404, "not_found")
    deep = client.post("/api/v1/keys", data="[" * 100_000, headers=alice.headers, content_type="text/plain")
    assert deep.status_code in (400, 415) and deep.get_json()["error"] in ("validation_failed",
                                                                           "unsupported_media_type")


@pytest.mark.parametrize("path, body, field", [
    ("/api/v1/keys", {"label": "cut \ud83d"}, "label"),
    ("/api/v1/hooks", {"target_url": "https://example.com/\udc00", "event": "render.completed"}, "target_url"),
    ("/api/v1/renders", {"template_id": "tpl_0abc", "fields": {"title": "\ud800"}}, "fields.title"),
    ("/api/v1/batches", {"template_id": "tpl_0abc", "rows": [{"a": "ok"}, {"\ud800": "x"}]}, "rows[1].'\\ud800'"),
])
def test_half_an_emoji_is_a_422_naming_where_it_is(client, alice, path, body, field):
    """A lone UTF-16 surrogate is valid JSON but no text: it is refused up front, not a 500 deep inside."""
    answer = client.post(path, json=body, headers=alice.headers)
    found = assert_envelope(answer, 422, "validation_failed")
    assert found["details"]["field"] == field and "broken character" in found["message"]


def test_whole_emoji_and_utf8_encoded_surrogates(client, alice):
    fine = client.post("/api/v1/keys", json={"label": "launch 🚀 日本"}, headers=alice.headers)
    assert fine.status_code == 201 and fine.get_json()["label"] == "launch 🚀 日本"
    raw = b'{"label": "\xed\xa0\x80"}'   # a surrogate encoded as UTF-8 bytes, which Python's JSON reader lets through
    answer = client.post("/api/v1/keys", data=raw, headers={**alice.headers, "Content-Type": "application/json"})
    assert assert_envelope(answer, 422, "validation_failed")["details"]["field"] == "label"
