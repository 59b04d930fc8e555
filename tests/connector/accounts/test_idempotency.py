"""Idempotency records: claim, replay, mismatch, in flight, release."""

import pytest

from connector.accounts.idempotency import StoredResponse, fingerprint
from connector.runtime.errors import Conflict, IdempotencyKeyReused, ValidationFailed


def test_fingerprint_ignores_json_key_order_but_not_values():
    a = fingerprint("POST", "/api/v1/keys", b"", b'{"label": "x", "mode": "live"}')
    b = fingerprint("POST", "/api/v1/keys", b"", b'{"mode":"live","label":"x"}')
    c = fingerprint("POST", "/api/v1/keys", b"", b'{"mode":"live","label":"y"}')
    d = fingerprint("POST", "/api/v1/other", b"", b'{"mode":"live","label":"x"}')
    assert a == b and a != c and a != d


def test_claim_replay_mismatch_and_conflict(conn):
    store = conn.idempotency
    assert store.begin("acct_1", "k1", "fp") is None
    with pytest.raises(Conflict):
        store.begin("acct_1", "k1", "fp")
    with pytest.raises(IdempotencyKeyReused):
        store.begin("acct_1", "k1", "other")
    store.finish("acct_1", "k1", "fp", StoredResponse(201, {"Content-Type": "application/json"}, b'{"id":1}'))
    replay = store.begin("acct_1", "k1", "fp")
    assert replay == StoredResponse(201, {"Content-Type": "application/json"}, b'{"id":1}')
    assert store.begin("acct_2", "k1", "fp") is None  # keys are per account
    ttl = conn.redis.ttl(store._record("acct_1", "k1"))
    assert 86000 < ttl <= 86400


def test_release_lets_the_client_retry(conn):
    store = conn.idempotency
    assert store.begin("acct_1", "k2", "fp") is None
    store.release("acct_1", "k2")
    assert store.begin("acct_1", "k2", "fp") is None


def test_key_length_is_bounded(conn):
    with pytest.raises(ValidationFailed):
        conn.idempotency.begin("acct_1", "x" * 300, "fp")
