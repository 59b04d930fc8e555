"""No secret at rest beyond need: API keys only as digests, even in an Idempotency-Key's replay; hook and signing
secrets only in their own records. Every Redis value and the embedded Redis's AOF are searched for them."""

from __future__ import annotations

import base64
import os
import secrets
import time
from pathlib import Path

import pytest

AOF_DEADLINE = 10  # seconds for the AOF to show a marker written after everything else


def encodings(secret: str) -> list[bytes]:
    """The secret as it would sit in a value: plain, or inside base64 (standard or URL-safe) at any alignment."""
    raw = secret.encode()
    out = [raw]
    for shift in range(3):
        chunk = raw[shift:]
        chunk = chunk[:len(chunk) // 3 * 3]   # whole 3-byte groups encode the same wherever they sit
        out += [base64.b64encode(chunk), base64.urlsafe_b64encode(chunk)]
    return out


def redis_values(r):
    """(key name, bytes) for every value of every key in Redis, whatever its type."""
    for name in r.scan_iter(count=1000):
        kind = r.type(name)
        parts: list[bytes] = [name]
        if kind == b"string":
            parts.append(r.get(name) or b"")
        elif kind == b"hash":
            for field, value in r.hgetall(name).items():
                parts += [field, value]
        elif kind == b"list":
            parts += r.lrange(name, 0, -1)
        elif kind == b"set":
            parts += list(r.smembers(name))
        elif kind == b"zset":
            parts += [member for member, _ in r.zrange(name, 0, -1, withscores=True)]
        elif kind == b"stream":
            for _, entry in r.xrange(name):
                for field, value in entry.items():
                    parts += [field, value]
        elif kind != b"none":   # expired meanwhile
            pytest.fail(f"unexpected Redis type {kind!r} of {name!r}: teach this test to read it")
        yield name, b"\0".join(parts)


def keys_holding(r, secret: str) -> set[bytes]:
    wanted = encodings(secret)
    return {name for name, data in redis_values(r) if any(form in data for form in wanted)}


def aof_files(r) -> list[Path]:
    """The AOF file(s) of the Redis the tests use, once a marker written last has reached them."""
    if os.environ.get("PLATEN_TEST_REDIS_URL"):
        pytest.skip("the AOF of an external test Redis may not be on this machine")
    assert r.config_get("appendonly")["appendonly"] == "yes", "the embedded Redis keeps an AOF"
    folder = Path(r.config_get("dir")["dir"])
    marker = secrets.token_hex(16)
    r.set(f"aof-marker:{marker}", marker, ex=60)
    deadline = time.monotonic() + AOF_DEADLINE
    while True:
        files = [p for p in folder.rglob("*") if p.is_file() and ("appendonly" in p.name or p.suffix == ".aof")]
        if any(marker.encode() in p.read_bytes() for p in files):
            return files
        assert time.monotonic() < deadline, f"the marker never reached an AOF file in {folder}"
        time.sleep(0.05)


def aof_holds(files: list[Path], secret: str) -> bool:
    wanted = encodings(secret)
    return any(form in p.read_bytes() for p in files for form in wanted)


@pytest.fixture
def r(app):
    return app.extensions["platen"].rq_redis   # speaks bytes: values are searched as stored


def test_new_keys_are_nowhere_at_rest_not_even_in_a_replay(client, alice, r):
    created = {}
    for mode in ("live", "test"):
        headers = {**alice.headers, "Idempotency-Key": f"zap-{mode}"}
        first = client.post("/api/v1/keys", json={"label": f"Zapier {mode}", "mode": mode}, headers=headers)
        assert first.status_code == 201, first.get_json()
        again = client.post("/api/v1/keys", json={"mode": mode, "label": f"Zapier {mode}"}, headers=headers)
        assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
        replay, original = again.get_json(), first.get_json()
        assert replay["key"] is None and original["key"].startswith(f"plt_{mode}_")
        assert replay["id"] in replay["note"] and "revoke" in replay["note"]
        assert {k: v for k, v in replay.items() if k not in ("key", "note")} == \
               {k: v for k, v in original.items() if k != "key"}
        created[mode] = original["key"]
    listed = client.get("/api/v1/keys?limit=100", headers=alice.headers).get_json()
    assert len(listed) == 3, "the replays created nothing"
    assert client.get("/api/v1/me", headers={"X-API-Key": created["live"]}).status_code == 200
    files = aof_files(r)
    for secret in (alice.secret, *created.values()):
        assert keys_holding(r, secret) == set(), "an API key is stored readable in Redis"
        assert not aof_holds(files, secret), "an API key is written readable to the AOF"


def test_hook_secrets_live_only_in_the_hook_and_signing_secrets_only_in_the_account(client, alice, r, app):
    prefix = app.extensions["platen"].settings.redis_prefix
    headers = {**alice.headers, "Idempotency-Key": "subscribe-1"}
    body = {"target_url": "https://hooks.example.com/catch", "event": "render.completed"}
    first = client.post("/api/v1/hooks", json=body, headers=headers)
    assert first.status_code == 201, first.get_json()
    hook = first.get_json()
    again = client.post("/api/v1/hooks", json=body, headers=headers)
    assert again.status_code == 201 and again.get_json() == hook, "a replay shows the hook's secret, from the hook"
    assert keys_holding(r, hook["secret"]) == {f"{prefix}:hook:{hook['id']}".encode()}
    assert keys_holding(r, alice.account.signing_secret) == {f"{prefix}:account:{alice.account.id}".encode()}

    assert client.delete(f"/api/v1/hooks/{hook['id']}", headers=alice.headers).status_code == 204
    gone = client.post("/api/v1/hooks", json=body, headers=headers)
    assert gone.status_code == 201 and gone.get_json()["secret"] is None and gone.get_json()["id"] == hook["id"]
    assert keys_holding(r, hook["secret"]) == set(), "an unsubscribed hook's secret outlives it"
