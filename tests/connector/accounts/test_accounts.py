"""Accounts and keys in real Redis: digests only, scopes, revocation at once, other accounts invisible."""

import pytest

from connector.accounts.keys import ALL_SCOPES, digest
from connector.runtime.errors import Forbidden, NotFound, Unauthorized, ValidationFailed


def test_first_key_has_every_scope_and_only_its_digest_is_stored(conn):
    account, key, secret = conn.accounts.create_account("Acme", "ops@acme.test")
    assert key.scopes == ALL_SCOPES and key.mode == "live"
    dump = ""
    for k in conn.redis.scan_iter(f"{conn.settings.redis_prefix}:*"):
        kind = conn.redis.type(k)
        value = conn.redis.hgetall(k) if kind == "hash" else conn.redis.get(k) if kind == "string" else ""
        dump += f"{k} {value}\n"
    assert secret not in dump
    assert digest(secret) in dump
    who = conn.accounts.authenticate(secret)
    assert who.account.id == account.id and who.key.id == key.id


def test_a_revoked_key_is_refused_at_once_and_says_so(conn):
    account, _, _ = conn.accounts.create_account("Acme")
    key, secret = conn.accounts.create_key(account.id, label="zapier")
    conn.accounts.authenticate(secret)
    conn.accounts.revoke_key(account.id, key.id)
    with pytest.raises(Unauthorized, match="revoked") as info:
        conn.accounts.authenticate(secret)
    assert info.value.details["reason"] == "revoked"
    with pytest.raises(NotFound):
        conn.accounts.revoke_key(account.id, key.id)


def test_unknown_and_typo_keys_get_different_reasons(conn):
    account, _, secret = conn.accounts.create_account("Acme")
    with pytest.raises(Unauthorized) as typo:
        conn.accounts.authenticate(secret[:-8] + ("x" if secret[-8] != "x" else "y") + secret[-7:])
    assert typo.value.details["reason"] == "checksum_mismatch"
    from connector.accounts.keys import KeyMode, generate

    with pytest.raises(Unauthorized) as unknown:
        conn.accounts.authenticate(generate(KeyMode.LIVE))
    assert unknown.value.details["reason"] == "unknown"


def test_keys_of_another_account_are_not_found(conn):
    a, _, _ = conn.accounts.create_account("A")
    b, _, _ = conn.accounts.create_account("B")
    key, _ = conn.accounts.create_key(a.id)
    with pytest.raises(NotFound):
        conn.accounts.get_key(b.id, key.id)
    with pytest.raises(NotFound):
        conn.accounts.revoke_key(b.id, key.id)
    assert conn.accounts.get_key(a.id, key.id).id == key.id


def test_a_key_inherits_and_cannot_exceed_its_creators_scopes(conn):
    account, _, _ = conn.accounts.create_account("Acme")
    narrow, _ = conn.accounts.create_key(account.id, scopes=["renders:read", "keys:write"])
    child, _ = conn.accounts.create_key(account.id, creator=narrow)
    assert child.scopes == ("renders:read", "keys:write")
    with pytest.raises(Forbidden, match="templates:write"):
        conn.accounts.create_key(account.id, scopes=["templates:write"], creator=narrow)
    test_key, _ = conn.accounts.create_key(account.id, mode="test")
    with pytest.raises(Forbidden, match="test-mode"):
        conn.accounts.create_key(account.id, mode="live", creator=test_key)
    with pytest.raises(ValidationFailed, match="unknown scope"):
        conn.accounts.create_key(account.id, scopes=["everything"])


def test_listing_is_newest_first_and_paged(conn):
    account, first, _ = conn.accounts.create_account("Acme")
    made = [conn.accounts.create_key(account.id, label=f"k{i}")[0] for i in range(4)]
    listed = conn.accounts.list_keys(account.id, limit=2, page=0)
    assert [k.id for k in listed] == [made[3].id, made[2].id]
    assert [k.id for k in conn.accounts.list_keys(account.id, limit=2, page=2)] == [first.id]
    assert conn.accounts.list_keys(account.id, limit=2, page=9) == []
