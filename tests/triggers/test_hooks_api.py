"""REST-hook subscriptions over HTTP, no worker needed: subscribe, list, show, unsubscribe; refused targets;
accounts apart; scopes. (Deliveries to real receivers: tests/integration/test_webhooks.py.)"""

from __future__ import annotations

import json

import pytest
from standardwebhooks import Webhook

from tests.conftest import Caller, assert_envelope


def test_subscribe_list_filter_show_and_unsubscribe(client, alice):
    made = [client.post("/api/v1/hooks", json={"target_url": f"https://example.com/hook/{i}",
                                               "event": "render.completed"}, headers=alice.headers)
            for i in range(3)]
    assert [m.status_code for m in made] == [201] * 3
    hooks = [m.get_json() for m in made]
    assert set(hooks[0]) >= {"id", "target_url", "event", "template_id", "secret", "status", "created_at"}
    listed = client.get("/api/v1/hooks", headers=alice.headers).get_json()
    assert [h["id"] for h in listed] == [h["id"] for h in reversed(hooks)]
    assert client.get("/api/v1/hooks?limit=2&page=1", headers=alice.headers).get_json()[0]["id"] == hooks[0]["id"]
    only = client.get("/api/v1/hooks", query_string={"target_url": "https://example.com/hook/1"},
                      headers=alice.headers).get_json()
    assert [h["id"] for h in only] == [hooks[1]["id"]]
    shown = client.get(f"/api/v1/hooks/{hooks[1]['id']}", headers=alice.headers).get_json()
    assert shown == hooks[1] and Webhook(shown["secret"])
    assert client.delete(f"/api/v1/hooks/{hooks[1]['id']}", headers=alice.headers).status_code == 204
    assert_envelope(client.delete(f"/api/v1/hooks/{hooks[1]['id']}", headers=alice.headers), 404, "not_found")
    assert_envelope(client.get(f"/api/v1/hooks/{hooks[1]['id']}", headers=alice.headers), 404, "not_found")
    assert client.get(f"/api/v1/hooks/{hooks[0]['id']}/deliveries", headers=alice.headers).get_json() == []


def test_subscribing_is_idempotent_with_a_key(client, alice):
    headers = {**alice.headers, "Idempotency-Key": "zap-1"}
    body = {"target_url": "https://example.com/zap", "event": "render.completed"}
    first, again = (client.post("/api/v1/hooks", json=body, headers=headers) for _ in range(2))
    assert first.status_code == again.status_code == 201 and first.get_json() == again.get_json()
    assert len(client.get("/api/v1/hooks", headers=alice.headers).get_json()) == 1


@pytest.mark.parametrize("target_url", ["http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.7/x",
                                        "http://[::1]/x", "http://169.254.169.254/latest", "ftp://example.com/x",
                                        "http://intranet/hook"])
def test_private_and_local_targets_are_refused_at_subscribe_time(client, alice, target_url):
    answer = client.post("/api/v1/hooks", json={"target_url": target_url, "event": "render.completed"},
                         headers=alice.headers)
    body = assert_envelope(answer, 422, "validation_failed")
    assert "target_url" in body["message"]


def test_bad_subscriptions_name_the_field(client, alice):
    for body, field in (({"target_url": "https://example.com/h", "event": "render.done"}, "event"),
                        ({"event": "render.completed"}, "target_url"),
                        ({"target_url": "https://example.com/h", "event": "render.completed",
                          "template_id": "tpl_nope"}, "template_id")):
        answer = client.post("/api/v1/hooks", json=body, headers=alice.headers)
        assert field in json.dumps(assert_envelope(answer, 422, "validation_failed")), body


def test_another_accounts_hook_is_a_404_everywhere(app, client, alice):
    bob = Caller(app.extensions["platen"], "Bob")
    hook = client.post("/api/v1/hooks", json={"target_url": "https://example.com/h", "event": "render.completed"},
                       headers=alice.headers).get_json()
    base = f"/api/v1/hooks/{hook['id']}"
    for method, path in (("get", base), ("delete", base), ("get", f"{base}/deliveries"), ("post", f"{base}/test"),
                         ("post", f"{base}/deliveries/dlv_0123456789abcdef01234567/retry")):
        assert_envelope(getattr(client, method)(path, headers=bob.headers), 404, "not_found")
    assert client.get("/api/v1/hooks", headers=bob.headers).get_json() == []
    assert client.get(base, headers=alice.headers).status_code == 200


def test_hook_scopes(app, client, alice):
    conn = app.extensions["platen"]
    _, reader = conn.accounts.create_key(alice.account.id, scopes=["hooks:read"])
    _, none = conn.accounts.create_key(alice.account.id, scopes=["renders:read"])
    body = {"target_url": "https://example.com/h", "event": "render.completed"}
    assert_envelope(client.post("/api/v1/hooks", json=body, headers={"X-API-Key": reader}), 403, "forbidden")
    assert client.get("/api/v1/hooks", headers={"X-API-Key": reader}).status_code == 200
    assert_envelope(client.get("/api/v1/hooks/signing-secret", headers={"X-API-Key": none}), 403, "forbidden")
