"""Redis unreachable: every endpoint answers 503 unavailable with Retry-After (never a 500); /healthz stays up."""

import re

import pytest

from app import create_app
from tests.conftest import assert_envelope, free_port

OPEN = {"/api/v1/openapi.json", "/api/v1/docs", "/healthz"}


@pytest.fixture
def down(make_settings):
    """The app with a Redis URL nobody listens on (a Redis that is restarting refuses the same way)."""
    settings = make_settings(redis_url=f"redis://127.0.0.1:{free_port()}/0", redis_timeout=1.0)
    return create_app({"SETTINGS": settings, "TESTING": True})


def calls(app):
    """One (method, path) for every route and method the API has, ids filled in with well-formed ones."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("dashboard.") \
                or not (rule.rule.startswith("/api/v1") or rule.rule in ("/readyz", "/metrics")
                                             or rule.rule.startswith("/files") or rule.rule.startswith("/render")):
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: f"{m.group(1).split('_')[0][:3]}_abc123", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, path


def test_every_endpoint_answers_503_with_retry_after(down, alice):
    client = down.test_client()
    seen = 0
    for method, path in calls(down):
        if path in OPEN:
            continue
        answer = client.open(path, method=method, headers=alice.headers, json={})
        if answer.status_code in (404, 405):   # a route the fake ids cannot reach (files, signed URLs)
            continue
        body = assert_envelope(answer, 503, "unavailable")
        assert answer.headers["Retry-After"] == "5", (method, path)
        assert path == "/readyz" or "retry" in body["message"].lower()
        seen += 1
    assert seen > 40, "most endpoints were reached"


def test_readyz_is_503_and_healthz_stays_a_liveness_check(down):
    client = down.test_client()
    ready = client.get("/readyz")
    assert_envelope(ready, 503, "unavailable")
    assert ready.headers["Retry-After"] == "5" and ready.get_json()["details"]["redis"] is False
    assert client.get("/healthz").status_code == 200


def test_every_redis_client_has_the_configured_timeouts(make_settings):
    from connector import Connector
    from connector.jobs import queues
    from connector.renders.store import WAIT_SLICE

    app = create_app({"SETTINGS": make_settings(redis_timeout=1.5), "TESTING": True})
    assert app.test_client().get("/api/v1/openapi.json").status_code == 200   # the rate limiter connects
    (limiter,) = app.extensions["limiter"]
    limits = limiter.storage.storage.connection_pool.connection_kwargs
    assert (limits["socket_timeout"], limits["socket_connect_timeout"]) == (1.5, 1.5)
    conn = Connector(make_settings(redis_timeout=1.5))
    try:
        # Counting workers for /readyz and /metrics must not stretch the timeout to an RQ worker's (minutes).
        queues.fresh_workers(conn.rq_redis, 60, conn.queue(queues.RENDERS))
        for client in (conn.redis, conn.rq_redis):
            kwargs = client.connection_pool.connection_kwargs
            assert (kwargs["socket_timeout"], kwargs["socket_connect_timeout"]) == (1.5, 1.5)
        waiter = conn.wait_redis.connection_pool.connection_kwargs
        assert waiter["socket_connect_timeout"] == 1.5 and waiter["socket_timeout"] == WAIT_SLICE + 1.5
    finally:
        conn.close()


def test_an_accepted_render_is_answered_even_when_its_idempotency_answer_cannot_be_kept(client, conn, alice,
                                                                                        template_id, monkeypatch):
    import redis

    def gone(*args, **kwargs):
        raise redis.ConnectionError("Connection closed by server.")

    monkeypatch.setattr(conn.idempotency, "finish", gone)
    answer = client.post("/api/v1/renders", json={"template_id": template_id, "wait": False},
                         headers={**alice.headers, "Idempotency-Key": "blip-1"})
    assert answer.status_code == 202, answer.get_json()
    assert conn.render_store.load(answer.get_json()["id"]) is not None, "the client learns the id of its render"


def test_the_dashboard_pages_load_without_redis(down):
    """Its pages are files: they load (and then show the API's 503 message) while Redis is away."""
    client = down.test_client()
    for path in ("/", "/renders", "/templates/tpl_abc123/edit", "/dashboard/app.js"):
        answer = client.get(path)
        assert answer.status_code == 200, path
