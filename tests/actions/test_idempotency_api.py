"""Idempotency-Key over HTTP: replay creates nothing, a changed body is 422, a duplicate in flight is 409."""

from connector.accounts.idempotency import fingerprint
from tests.conftest import assert_envelope


def count_keys(client, caller):
    return len(client.get("/api/v1/keys?limit=100", headers=caller.headers).get_json())


def test_same_key_same_body_replays_the_first_answer(client, alice):
    headers = {**alice.headers, "Idempotency-Key": "create-zapier-key"}
    first = client.post("/api/v1/keys", json={"label": "Zapier"}, headers=headers)
    before = count_keys(client, alice)
    again = client.post("/api/v1/keys", json={"label": "Zapier"}, headers=headers)
    assert first.status_code == again.status_code == 201
    # the same key, but not its secret: that was shown once and is stored nowhere (tests/actions/test_secrets_at_rest)
    assert again.get_json() == {**first.get_json(), "key": None, "note": again.get_json()["note"]}
    assert again.headers["Idempotent-Replayed"] == "true"
    assert count_keys(client, alice) == before


def test_same_key_other_body_is_422(client, alice):
    headers = {**alice.headers, "Idempotency-Key": "k-1"}
    client.post("/api/v1/keys", json={"label": "one"}, headers=headers)
    body = assert_envelope(client.post("/api/v1/keys", json={"label": "two"}, headers=headers), 422,
                           "idempotency_key_reused")
    assert "Idempotency-Key" in body["message"]


def test_a_concurrent_duplicate_is_409(client, app, alice):
    body = b'{"label": "slow"}'
    print_ = fingerprint("POST", "/api/v1/keys", b"", body)
    # the first request has claimed the key and is still running (as another process would have)
    assert app.extensions["platen"].idempotency.begin(alice.account.id, "k-busy", print_) is None
    response = client.post("/api/v1/keys", data=body, content_type="application/json",
                           headers={**alice.headers, "Idempotency-Key": "k-busy"})
    assert_envelope(response, 409, "conflict")
    assert response.headers["Retry-After"] == "2"


def test_failed_requests_release_the_key(client, alice):
    headers = {**alice.headers, "Idempotency-Key": "k-fix"}
    assert client.post("/api/v1/keys", json={"mode": "bogus"}, headers=headers).status_code == 422
    assert client.post("/api/v1/keys", json={"mode": "bogus"}, headers=headers).status_code == 422
    assert client.post("/api/v1/keys", json={"label": "fixed"}, headers=headers).status_code == 201


def test_keys_are_scoped_to_the_account(client, alice, bob):
    a = client.post("/api/v1/keys", json={}, headers={**alice.headers, "Idempotency-Key": "same"})
    b = client.post("/api/v1/keys", json={}, headers={**bob.headers, "Idempotency-Key": "same"})
    assert a.status_code == b.status_code == 201 and a.get_json()["id"] != b.get_json()["id"]
