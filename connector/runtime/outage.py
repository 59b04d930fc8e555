"""Redis outages: which errors mean "Redis is down", the client timeouts, and waiting for Redis to come back."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import redis

log = logging.getLogger(__name__)

# Refused, reset or timed out (a hung or paused server), or still loading its AOF after a restart
# (BusyLoadingError is a ConnectionError): the request may well succeed a few seconds later.
REDIS_DOWN = (redis.ConnectionError, redis.TimeoutError)
RETRY_AFTER = "5"   # seconds a client is told to wait when Redis is down (a restart takes a few)
MAX_PAUSE = 5.0     # longest pause between two pings while waiting


class RedisGone(Exception):
    """Redis stayed unreachable longer than a process is willing to wait."""


def client_options(settings) -> dict:
    """Timeouts for every Redis client: a Redis that hangs (rather than refusing) fails a call after
    PLATEN_REDIS_TIMEOUT seconds instead of holding a web thread until gunicorn kills it."""
    return {"socket_timeout": settings.redis_timeout, "socket_connect_timeout": settings.redis_timeout}


def wait_for_redis(client, limit: float, *, reason: object = "", stopping: Callable[[], bool] = lambda: False,
                   what: str = "this process") -> float:
    """Ping ``client`` with a growing pause (up to MAX_PAUSE s) until Redis answers; the seconds waited.

    Raises ``RedisGone`` after ``limit`` seconds, and returns at once when ``stopping()`` (a stop was asked for)."""
    started = time.monotonic()
    pause = 0.25
    warned = False
    while True:
        try:
            client.ping()
        except REDIS_DOWN as exc:
            waited = time.monotonic() - started
            if not warned:
                log.warning("%s: Redis is unreachable (%s); waiting up to %d s for it to come back",
                            what, reason or exc, limit)
                warned = True
            if waited >= limit:
                raise RedisGone(f"Redis was unreachable for {waited:.0f} s: {exc}") from exc
            if stopping():
                return waited
            time.sleep(min(pause, max(0.05, limit - waited)))
            pause = min(pause * 2, MAX_PAUSE)
            continue
        waited = time.monotonic() - started
        if warned:
            log.warning("%s: Redis is back after %.1f s; carrying on", what, waited)
        return waited
