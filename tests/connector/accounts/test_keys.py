"""Key format: randomness, checksum, digest, scopes."""

import math

import pytest

from connector.accounts import keys
from connector.accounts.keys import KeyMode, KeyProblem


def test_keys_carry_their_mode_and_at_least_190_bits():
    live, test = keys.generate(KeyMode.LIVE), keys.generate(KeyMode.TEST)
    assert live.startswith("plt_live_") and test.startswith("plt_test_")
    assert keys.RANDOM_BYTES * 8 >= 190
    assert 62 ** keys.RANDOM_CHARS >= 2 ** (keys.RANDOM_BYTES * 8)
    assert len({keys.generate(KeyMode.LIVE) for _ in range(2000)}) == 2000
    assert keys.check_format(live) is None and keys.check_format(test) is None
    assert keys.mode_of(test) is KeyMode.TEST


def test_a_typo_is_told_apart_from_garbage():
    key = keys.generate(KeyMode.LIVE)
    i = len(key) - 12
    typo = key[:i] + ("A" if key[i] != "A" else "B") + key[i + 1:]
    assert keys.check_format(typo) is KeyProblem.CHECKSUM
    assert keys.check_format(key[:-1]) is KeyProblem.MALFORMED
    assert keys.check_format("sk_live_abc") is KeyProblem.MALFORMED
    assert keys.check_format(key.replace("plt_live_", "plt_prod_")) is KeyProblem.MALFORMED
    assert keys.check_format("") is KeyProblem.MISSING


def test_checksum_catches_nearly_every_single_character_typo():
    key = keys.generate(KeyMode.LIVE)
    body_start = len("plt_live_")
    caught = total = 0
    for i in range(body_start, len(key)):
        for c in "0aZ9":
            if c == key[i]:
                continue
            total += 1
            caught += keys.check_format(key[:i] + c + key[i + 1:]) is not None
    assert caught == total


def test_digest_is_stable_and_does_not_contain_the_key():
    key = keys.generate(KeyMode.LIVE)
    assert keys.digest(key) == keys.digest(key)
    assert key not in keys.digest(key) and len(keys.digest(key)) == 64
    assert keys.hint(key).endswith(key[-4:]) and len(keys.hint(key)) < 20


def test_scopes_are_validated_and_ordered():
    assert keys.normalize_scopes(["keys:write", "templates:read", "keys:write"]) == ["templates:read", "keys:write"]
    with pytest.raises(ValueError, match="unknown scope 'admin'"):
        keys.normalize_scopes(["admin"])
    assert math.isfinite(len(keys.ALL_SCOPES)) and "hooks:write" in keys.ALL_SCOPES
