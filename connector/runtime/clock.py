"""Time and ids: ISO 8601 UTC timestamps and prefixed random ids."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def utcnow() -> datetime:
    return datetime.now(UTC)


def isoformat(moment: datetime) -> str:
    """``2026-11-21T14:13:37.123Z``: milliseconds, always UTC, always ``Z``."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp; naive ones are taken as UTC. RFC 3339 lets the zone be `z` as well as `Z`."""
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def new_id(prefix: str) -> str:
    """``<prefix>_<9 time-ordered chars><12 random chars>``: sortable by creation, unguessable enough to be unique."""
    millis = int(time.time() * 1000)
    head = ""
    for _ in range(9):
        millis, digit = divmod(millis, 36)
        head = _ALPHABET[digit] + head
    tail = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"{prefix}_{head}{tail}"
