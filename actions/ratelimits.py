"""Per-key rate limits: four budgets per key (reads, renders, editor previews, other writes), counted in Redis in one
round trip per request."""

from __future__ import annotations

import threading
import time

from flask import g, request
from flask_limiter import HeaderNames, Limiter
from limits.storage import RedisStorage

from connector.lazy import DeferredPool
from connector.runtime.outage import client_options
from connector.runtime.settings import Settings
from dashboard import ASSETS_URL as DASHBOARD_ASSETS

RENDER_POSTS = ("/api/v1/renders", "/api/v1/batches", "/api/v1/generations")
PREVIEW_POSTS = ("/api/v1/templates/preview", "/api/v1/templates/fields")   # the editor's, nothing stored
UNLIMITED_PATHS = ("/healthz", "/readyz", "/metrics")
LIMITER_RETRY_HEADER = "X-Platen-Limiter-Retry-After"
SEEN_FOR = 1.0   # seconds a counter read with its increment answers the headers' reads of it

# The counter, its expiry set when it is new, and what the X-RateLimit-* headers need: in one round trip.
_INCR_TTL = """
local current = redis.call('INCRBY', KEYS[1], ARGV[2])
if tonumber(current) == tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {current, redis.call('TTL', KEYS[1])}
"""


class CountingStorage(RedisStorage):
    """limits' Redis storage whose increment also answers the reads that follow it in the same request.

    Flask-Limiter counts a request (INCRBY + EXPIRE in a script), then reads the counter again (GET) and its expiry
    (TTL) for the ``X-RateLimit-*`` headers: three round trips for one number. Here the increment returns the
    counter and its TTL, and the two reads of that key in the same thread within ``SEEN_FOR`` seconds take them."""

    STORAGE_SCHEME = ["platen+redis"]

    def initialize_storage(self, uri: str) -> None:
        super().initialize_storage(uri)
        self._incr_ttl = self.get_connection().register_script(_INCR_TTL)
        self._seen = threading.local()

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        key = self.prefixed_key(key)
        current, ttl = self._incr_ttl([key], [expiry, amount])
        self._seen.last = (key, int(current), time.time() + max(int(ttl), 0), time.monotonic())
        return int(current)

    def _just_counted(self, key: str):
        last = getattr(self._seen, "last", None)
        if last is not None and last[0] == self.prefixed_key(key) and time.monotonic() - last[3] < SEEN_FOR:
            return last
        return None

    def get(self, key: str) -> int:
        seen = self._just_counted(key)
        return seen[1] if seen else super().get(key)

    def get_expiry(self, key: str) -> float:
        seen = self._just_counted(key)
        return seen[2] if seen else super().get_expiry(key)


def rate_class() -> str:
    """Reads, renders, editor previews, everything else: four budgets per key."""
    path = request.path.rstrip("/")
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return "renders" if path.startswith("/render/") else "reads"
    if request.method == "POST" and path in PREVIEW_POSTS:   # an editing session must never eat the render budget
        return "previews"
    return "renders" if request.method == "POST" and path in RENDER_POSTS else "writes"


def unlimited() -> bool:
    """Health checks, hosted files and the dashboard's own pages and scripts (its API calls count as any)."""
    return request.path in UNLIMITED_PATHS or request.path.startswith(("/files/", DASHBOARD_ASSETS)) \
        or request.blueprint == "dashboard"


def limiter(settings: Settings, conn) -> Limiter:
    """Per key (never per IP: Zapier and Make share outgoing IPs), one counter per class, shared via Redis."""
    by_class = {"reads": settings.rate_limit_reads, "renders": settings.rate_limit_renders,
                "writes": settings.rate_limit_writes, "previews": settings.rate_limit_previews}

    def identity() -> str:
        who = g.principal.key.id if g.get("principal") else f"ip:{request.remote_addr}"
        return f"{rate_class()}:{who}"

    return Limiter(
        key_func=identity,
        request_identifier=lambda: request.endpoint or "unmatched",  # 404s and 405s count and carry headers too
        application_limits=[lambda: by_class[rate_class()]],
        application_limits_exempt_when=unlimited,
        headers_enabled=True,
        header_name_mapping={HeaderNames.RETRY_AFTER: LIMITER_RETRY_HEADER},
        strategy="fixed-window",
        # The Connector's Redis, looked up at the first request (the embedded one may not be running yet).
        storage_uri="platen+redis://",
        storage_options={"connection_pool": DeferredPool(lambda: conn.redis_url, **client_options(settings))},
        key_prefix=f"{settings.redis_prefix}:limits",
        enabled=settings.rate_limit_enabled,
        # Redis down: the request goes on without its limit (and headers) and answers 503 at its first Redis call;
        # not swallowing would turn an outage between the count and the headers into a 500.
        swallow_errors=True,
    )
