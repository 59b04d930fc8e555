"""Authentication: header forms, 401 for missing, malformed, typo'd, unknown and revoked keys; /me and scopes."""

import pytest

from connector.accounts.keys import KeyMode, generate
from tests.conftest import assert_envelope


def test_me_is_the_flat_auth_test_object(client, alice):
    body = client.get("/api/v1/me", headers=alice.headers).get_json()
    assert body == {"account_id": alice.account.id, "account_name": "Alice", "email": "alice@example.test",
                    "key_id": alice.key.id, "key_label": "first key", "mode": "live",
                    "scopes": list(alice.key.scopes), "credits_remaining": 1000}


def test_bearer_works_too_and_unlabeled_keys_have_an_empty_label(client, app, alice):
    key, secret = app.extensions["platen"].accounts.create_key(alice.account.id, mode="test")
    body = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).get_json()
    assert body["key_label"] == "" and body["mode"] == "test" and body["key_id"] == key.id


@pytest.mark.parametrize("headers, reason", [
    ({}, "missing"),
    ({"X-API-Key": "hello"}, "malformed"),
    ({"Authorization": "Basic Zm9vOmJhcg=="}, "missing"),
    ({"X-API-Key": generate(KeyMode.LIVE)}, "unknown"),
])
def test_bad_keys_are_401_with_a_reason(client, headers, reason):
    body = assert_envelope(client.get("/api/v1/me", headers=headers), 401, "unauthorized")
    assert body["details"]["reason"] == reason


def test_a_typo_says_typo(client, alice):
    i = len(alice.secret) - 10
    typo = alice.secret[:i] + ("Q" if alice.secret[i] != "Q" else "R") + alice.secret[i + 1:]
    body = assert_envelope(client.get("/api/v1/me", headers={"X-API-Key": typo}), 401, "unauthorized")
    assert body["details"]["reason"] == "checksum_mismatch" and "typo" in body["message"]


def test_a_key_in_the_query_string_is_refused_with_advice(client, alice):
    body = assert_envelope(client.get(f"/api/v1/me?api_key={alice.secret}"), 401, "unauthorized")
    assert "query string" in body["message"]


def test_revocation_takes_effect_at_once(client, alice):
    created = client.post("/api/v1/keys", json={"label": "temp"}, headers=alice.headers).get_json()
    temp = {"X-API-Key": created["key"]}
    assert client.get("/api/v1/me", headers=temp).status_code == 200
    assert client.delete(f"/api/v1/keys/{created['id']}", headers=alice.headers).status_code == 204
    body = assert_envelope(client.get("/api/v1/me", headers=temp), 401, "unauthorized")
    assert body["details"]["reason"] == "revoked"


def test_missing_scope_is_403_naming_it(client, alice):
    narrow = client.post("/api/v1/keys", json={"scopes": ["renders:read"]}, headers=alice.headers).get_json()
    response = client.get("/api/v1/keys", headers={"X-API-Key": narrow["key"]})
    body = assert_envelope(response, 403, "forbidden")
    assert "keys:write" in body["message"] and body["details"]["missing_scope"] == "keys:write"
    # and a scope check comes before body validation
    bad_body = client.post("/api/v1/keys", json={"nope": 1}, headers={"X-API-Key": narrow["key"]})
    assert_envelope(bad_body, 403, "forbidden")
    assert client.get("/api/v1/me", headers={"X-API-Key": narrow["key"]}).status_code == 200


def test_usage_reports_the_monthly_allowance(client, alice):
    body = client.get("/api/v1/usage", headers=alice.headers).get_json()
    assert body["limit"] == 1000 and body["used"] == 0 and body["remaining"] == 1000
    assert body["period_start"].endswith("-01T00:00:00.000Z") and body["period_end"] > body["period_start"]


def test_keys_never_reach_the_request_log(client, alice, caplog):
    with caplog.at_level("INFO", logger="platen.http"):
        client.get(f"/api/v1/me?api_key={alice.secret}&limit=3")
    line = next(r.getMessage() for r in caplog.records if r.name == "platen.http")
    assert alice.secret not in line and "api_key=***" in line and "limit=3" in line
