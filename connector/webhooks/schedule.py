"""When a webhook delivery is tried again: the documented schedule with jitter, and the receiver's Retry-After.

The first attempt at once, then retries about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later (±10 % jitter; a
longer ``Retry-After``, capped at 24 h, wins): 8 attempts over ~28 h, then the delivery is ``failed``.
``PLATEN_WEBHOOK_RETRY_SCHEDULE`` (``Settings.webhook_retry_schedule``) replaces the seconds (tests, staging).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from connector.runtime.clock import utcnow

SCHEDULE = (5, 300, 1800, 7200, 18000, 36000, 36000)   # seconds before retry 1..7
JITTER = 0.10
MAX_RETRY_AFTER = 86400


def parse_schedule(raw: str | None) -> tuple[float, ...]:
    """The comma-separated seconds of the setting, or SCHEDULE when it is empty."""
    raw = (raw or "").strip()
    return tuple(float(s) for s in raw.split(",") if s.strip()) if raw else SCHEDULE


def next_delay(attempts: int, retry_after: float | None = None, schedule: tuple[float, ...] = SCHEDULE,
               rand=random.uniform) -> float | None:
    """Seconds until the next try after ``attempts`` failed ones, or None when none is left."""
    if attempts > len(schedule):
        return None
    delay = schedule[attempts - 1] * rand(1 - JITTER, 1 + JITTER)
    return max(delay, min(retry_after, MAX_RETRY_AFTER)) if retry_after is not None else delay


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or utcnow())).total_seconds())
