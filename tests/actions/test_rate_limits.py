"""Rate limits per key, in three classes, with headers on every answer and a 429 envelope with Retry-After."""

from tests.conftest import Caller, assert_envelope


def test_limits_are_per_key_and_per_class(make_app):
    app = make_app(rate_limit_reads="3 per minute", rate_limit_writes="2 per minute")
    conn, client = app.extensions["platen"], app.test_client()
    alice, bob = Caller(conn, "Alice"), Caller(conn, "Bob")
    remaining = [int(client.get("/api/v1/me", headers=alice.headers).headers["X-RateLimit-Remaining"])
                 for _ in range(3)]
    assert remaining == [2, 1, 0]
    limited = client.get("/api/v1/usage", headers=alice.headers)
    body = assert_envelope(limited, 429, "rate_limited")
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    assert limited.headers["X-RateLimit-Limit"] == "3" and limited.headers["X-RateLimit-Remaining"] == "0"
    assert "Retry-After" in body["message"]
    # another key of the same caller's IP is untouched; so is alice's write budget
    assert client.get("/api/v1/me", headers=bob.headers).status_code == 200
    write = client.post("/api/v1/keys", json={}, headers=alice.headers)
    assert write.status_code == 201 and write.headers["X-RateLimit-Limit"] == "2"


def test_render_posts_use_the_render_budget(make_app):
    app = make_app(rate_limit_renders="7 per minute", rate_limit_writes="5 per minute")
    conn, client = app.extensions["platen"], app.test_client()
    alice = Caller(conn, "Alice")
    # the renders endpoint arrives with a later issue; its budget is already the renders class
    response = client.post("/api/v1/renders", json={}, headers=alice.headers)
    assert response.headers["X-RateLimit-Limit"] == "7"
    assert client.post("/api/v1/keys", json={}, headers=alice.headers).headers["X-RateLimit-Limit"] == "5"


def test_probes_are_not_limited(make_app):
    client = make_app(rate_limit_reads="1 per minute").test_client()
    assert all(client.get("/healthz").status_code == 200 for _ in range(5))
