"""Key management over HTTP: create (secret once), list, show, revoke, validate; other accounts are 404."""

from tests.conftest import assert_envelope


def test_create_shows_the_secret_once_and_lists_hints_only(client, alice):
    response = client.post("/api/v1/keys", json={"label": "Zapier", "scopes": ["renders:write", "renders:read"]},
                           headers=alice.headers)
    assert response.status_code == 201
    created = response.get_json()
    assert created["key"].startswith("plt_live_") and created["label"] == "Zapier"
    assert created["scopes"] == ["renders:read", "renders:write"]
    listed = client.get("/api/v1/keys", headers=alice.headers).get_json()
    assert [k["id"] for k in listed][0] == created["id"]
    assert all("key" not in k for k in listed) and created["key"] not in str(listed)
    shown = client.get(f"/api/v1/keys/{created['id']}", headers=alice.headers).get_json()
    assert shown["hint"] == created["hint"] and "key" not in shown


def test_new_keys_default_to_the_callers_mode_and_scopes(client, app, alice):
    _, test_secret = app.extensions["platen"].accounts.create_key(
        alice.account.id, mode="test", scopes=["keys:write", "renders:read"])
    created = client.post("/api/v1/keys", json={}, headers={"X-API-Key": test_secret}).get_json()
    assert created["mode"] == "test" and created["scopes"] == ["renders:read", "keys:write"]
    refused = client.post("/api/v1/keys", json={"mode": "live"}, headers={"X-API-Key": test_secret})
    assert_envelope(refused, 403, "forbidden")


def test_another_accounts_key_is_a_404_everywhere(client, alice, bob):
    bobs = client.post("/api/v1/keys", json={"label": "bob's"}, headers=bob.headers).get_json()
    assert_envelope(client.get(f"/api/v1/keys/{bobs['id']}", headers=alice.headers), 404, "not_found")
    assert_envelope(client.delete(f"/api/v1/keys/{bobs['id']}", headers=alice.headers), 404, "not_found")
    assert bobs["id"] not in str(client.get("/api/v1/keys", headers=alice.headers).get_json())
    assert client.get("/api/v1/me", headers={"X-API-Key": bobs["key"]}).status_code == 200


def test_deleting_twice_is_a_404(client, alice):
    created = client.post("/api/v1/keys", json={}, headers=alice.headers).get_json()
    deleted = client.delete(f"/api/v1/keys/{created['id']}", headers=alice.headers)
    assert deleted.status_code == 204 and deleted.data == b"" and "Content-Type" not in deleted.headers
    assert_envelope(client.delete(f"/api/v1/keys/{created['id']}", headers=alice.headers), 404, "not_found")


def test_validate_tells_what_a_key_is_without_its_secret(client, alice):
    created = client.post("/api/v1/keys", json={"label": "n8n"}, headers=alice.headers).get_json()
    body = client.post("/api/v1/keys/validate", json={"key": created["key"]}, headers=alice.headers).get_json()
    assert body["valid"] is True and body["key_id"] == created["id"] and body["label"] == "n8n"
    assert created["key"] not in str(body)
    client.delete(f"/api/v1/keys/{created['id']}", headers=alice.headers)
    body = client.post("/api/v1/keys/validate", json={"key": created["key"]}, headers=alice.headers).get_json()
    assert (body["valid"], body["reason"]) == (False, "revoked")
    body = client.post("/api/v1/keys/validate", json={"key": created["key"][:-1] + "#"}, headers=alice.headers)
    assert body.get_json()["reason"] == "malformed"
    me = client.post("/api/v1/keys/validate", json={}, headers=alice.headers).get_json()
    assert me["valid"] and me["key_id"] == alice.key.id


def test_paging(client, alice):
    for i in range(3):
        client.post("/api/v1/keys", json={"label": f"k{i}"}, headers=alice.headers)
    page0 = client.get("/api/v1/keys?limit=2&page=0", headers=alice.headers).get_json()
    page1 = client.get("/api/v1/keys?limit=2&page=1", headers=alice.headers).get_json()
    assert [k["label"] for k in page0] == ["k2", "k1"] and [k["label"] for k in page1] == ["k0", "first key"]
    assert client.get("/api/v1/keys?limit=2&page=5", headers=alice.headers).get_json() == []
    body = assert_envelope(client.get("/api/v1/keys?limit=500", headers=alice.headers), 422, "validation_failed")
    assert "limit" in body["message"]
