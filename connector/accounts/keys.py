"""API key format: ``plt_<mode>_<random><checksum>``, its digest and the scopes a key can hold."""

from __future__ import annotations

import hashlib
import secrets
import zlib
from enum import StrEnum

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
RANDOM_BYTES = 24          # 192 bits of randomness
RANDOM_CHARS = 33          # 62**33 > 2**192, so every 24-byte value fits
CHECKSUM_CHARS = 6         # 62**6 > 2**32 (a CRC-32)


class KeyMode(StrEnum):
    LIVE = "live"
    TEST = "test"


class Scope(StrEnum):
    TEMPLATES_READ = "templates:read"
    TEMPLATES_WRITE = "templates:write"
    RENDERS_READ = "renders:read"
    RENDERS_WRITE = "renders:write"
    HOOKS_READ = "hooks:read"
    HOOKS_WRITE = "hooks:write"
    KEYS_WRITE = "keys:write"


ALL_SCOPES: tuple[str, ...] = tuple(s.value for s in Scope)


class KeyProblem(StrEnum):
    """Why a string is not a usable key, told apart so a typo reads differently from a revoked key."""

    MISSING = "missing"
    MALFORMED = "malformed"
    CHECKSUM = "checksum_mismatch"
    UNKNOWN = "unknown"
    REVOKED = "revoked"


def _base62(number: int, width: int) -> str:
    out = []
    for _ in range(width):
        number, digit = divmod(number, 62)
        out.append(_BASE62[digit])
    return "".join(reversed(out))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode("ascii")), CHECKSUM_CHARS)


def generate(mode: KeyMode) -> str:
    """A new secret key. It is shown once and never stored."""
    randomness = int.from_bytes(secrets.token_bytes(RANDOM_BYTES), "big")
    body = f"plt_{KeyMode(mode).value}_" + _base62(randomness, RANDOM_CHARS)
    return body + _checksum(body)


def check_format(key: str) -> KeyProblem | None:
    """``None`` when ``key`` is shaped like a Platen key with a matching checksum, else what is wrong."""
    if not key:
        return KeyProblem.MISSING
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "plt" or parts[1] not in ("live", "test"):
        return KeyProblem.MALFORMED
    tail = parts[2]
    if len(tail) != RANDOM_CHARS + CHECKSUM_CHARS or any(c not in _BASE62 for c in tail):
        return KeyProblem.MALFORMED
    body = key[:-CHECKSUM_CHARS]
    if not secrets.compare_digest(_checksum(body), key[-CHECKSUM_CHARS:]):
        return KeyProblem.CHECKSUM
    return None


def digest(key: str) -> str:
    """What is stored instead of the key. Keys carry 192 random bits, so a plain SHA-256 cannot be reversed."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def mode_of(key: str) -> KeyMode:
    return KeyMode(key.split("_", 2)[1])


def hint(key: str) -> str:
    """The harmless part shown in listings so a person can tell keys apart: prefix and last four characters."""
    return f"plt_{key.split('_', 2)[1]}_…{key[-4:]}"


def normalize_scopes(scopes) -> list[str]:
    """Validate and order a list of scope names; raises ``ValueError`` naming the first unknown one."""
    wanted = set()
    for scope in scopes:
        if scope not in ALL_SCOPES:
            raise ValueError(f"unknown scope {scope!r}; scopes are: {', '.join(ALL_SCOPES)}")
        wanted.add(scope)
    return [s for s in ALL_SCOPES if s in wanted]
