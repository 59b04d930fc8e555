"""REST-hook subscriptions: who wants which event at which URL, with what secret, and whether it still works."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from connector.batches.record import BatchRecord
from connector.events.store import EVENT_TYPES
from connector.fetch.fetcher import FetchError
from connector.generations.record import GenerationRecord
from connector.runtime.clock import isoformat, new_id, parse_iso, utcnow
from connector.runtime.errors import Conflict, NotFound, ValidationFailed

# A hook whose deliveries have failed, with no success in between, for this long is disabled: long enough to
# outlive a weekend outage and a whole retry schedule (~28 h), short enough not to hammer a dead endpoint forever.
DISABLE_AFTER_DAYS = 5


class HookStatus(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"


def new_secret() -> str:
    """``whsec_`` + standard base64 of 24 random bytes: the form every Standard Webhooks library decodes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def account_secret(account) -> str:
    """The ``whsec_`` secret per-render callbacks are signed with, derived from the account's signing secret.

    Derived rather than the secret itself: receivers get to see it, and the account secret also signs render
    URLs, which a receiver must not be able to mint. The derivation is always standard base64 too, which every
    Standard Webhooks library decodes."""
    digest = hmac.new(account.signing_secret.encode(), b"platen.webhook-callbacks", hashlib.sha256).digest()
    return "whsec_" + base64.b64encode(digest).decode()


@dataclass(frozen=True)
class Hook:
    id: str
    account_id: str
    target_url: str
    event: str
    template_id: str | None
    secret: str
    status: str
    created_at: str
    disabled_reason: str | None = None
    failing_since: str | None = None
    mode: str = "live"            # the creating key's: a hook hears the renders of keys of its own mode

    @classmethod
    def from_redis(cls, raw: dict) -> Hook:
        return cls(id=raw["id"], account_id=raw["account_id"], target_url=raw["target_url"], event=raw["event"],
                   template_id=raw.get("template_id") or None, secret=raw["secret"], status=raw["status"],
                   created_at=raw["created_at"], disabled_reason=raw.get("disabled_reason") or None,
                   failing_since=raw.get("failing_since") or None, mode=raw.get("mode") or "live")

    def to_dict(self) -> dict:
        return {"id": self.id, "target_url": self.target_url, "event": self.event, "template_id": self.template_id,
                "secret": self.secret, "status": self.status, "created_at": self.created_at,
                "disabled_reason": self.disabled_reason, "mode": self.mode}


class HookStore:
    """``<prefix>:hook:<id>`` (a hash), per account a sorted set by creation and per account and event a set."""

    def __init__(self, redis, prefix: str):
        self.redis, self.p = redis, prefix
        self._update_script = redis.register_script(
            "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], unpack(ARGV)) end")
        self._fail_script = redis.register_script(
            "if redis.call('EXISTS', KEYS[1]) == 0 then return false end "
            "redis.call('HSETNX', KEYS[1], 'failing_since', ARGV[1]) "
            "return redis.call('HGET', KEYS[1], 'failing_since')")

    def _key(self, hook_id: str) -> str:
        return f"{self.p}:hook:{hook_id}"

    def _by_account(self, account_id: str) -> str:
        return f"{self.p}:hooks:{account_id}"

    def _by_event(self, account_id: str, event: str) -> str:
        return f"{self.p}:hooks:{account_id}:event:{event}"

    def event_index(self, account_id: str, event: str) -> str:
        """The set of the account's hook ids for ``event`` (the outbox asks whether any is there)."""
        return self._by_event(account_id, event)

    def create(self, account_id: str, target_url: str, event: str, template_id: str | None = None,
               mode: str = "live") -> Hook:
        if event not in EVENT_TYPES:
            raise ValidationFailed(f"event must be one of {', '.join(EVENT_TYPES)}; got {event!r}.",
                                   details={"field": "event"})
        now = utcnow()
        hook = Hook(id=new_id("hook"), account_id=account_id, target_url=target_url, event=event,
                    template_id=template_id, secret=new_secret(), status=HookStatus.ACTIVE.value,
                    created_at=isoformat(now), mode=mode)
        raw = {k: v for k, v in vars(hook).items() if v is not None}
        pipe = self.redis.pipeline()
        pipe.hset(self._key(hook.id), mapping=raw)
        pipe.zadd(self._by_account(account_id), {hook.id: now.timestamp()})
        pipe.sadd(self._by_event(account_id, event), hook.id)
        pipe.execute()
        return hook

    def load(self, hook_id: str) -> Hook | None:
        raw = self.redis.hgetall(self._key(hook_id)) if hook_id.startswith("hook_") else {}
        return Hook.from_redis(raw) if raw.get("id") else None

    def get(self, account_id: str, hook_id: str) -> Hook:
        hook = self.load(hook_id)
        if hook is None or hook.account_id != account_id:
            raise NotFound(f"There is no hook {hook_id}; it may have been deleted (unsubscribed).")
        return hook

    def active(self, account_id: str, hook_id: str) -> Hook:
        """The hook, if it still sends: a disabled one is a 409 (subscribing again is the way back)."""
        hook = self.get(account_id, hook_id)
        if hook.status != HookStatus.ACTIVE.value:
            raise Conflict(f"Hook {hook_id} is disabled ({hook.disabled_reason}) and sends nothing; subscribe again.")
        return hook

    def list(self, account_id: str, target_url: str | None = None, limit: int = 20, page: int = 0) -> list[Hook]:
        """Newest first; ``target_url`` keeps exact matches (what n8n's checkExists asks)."""
        if target_url is None:
            ids = self.redis.zrevrange(self._by_account(account_id), page * limit, (page + 1) * limit - 1)
            return [h for h in map(self.load, ids) if h is not None]
        # Few hooks per account: filtering them all is cheaper than another index to keep right.
        hooks = [h for h in map(self.load, self.redis.zrevrange(self._by_account(account_id), 0, -1))
                 if h is not None and h.target_url == target_url]
        return hooks[page * limit:(page + 1) * limit]

    def delete(self, account_id: str, hook_id: str) -> None:
        hook = self.get(account_id, hook_id)
        self._remove(hook)

    def _remove(self, hook: Hook) -> None:
        pipe = self.redis.pipeline()
        pipe.delete(self._key(hook.id))
        pipe.zrem(self._by_account(hook.account_id), hook.id)
        pipe.srem(self._by_event(hook.account_id, hook.event), hook.id)
        pipe.execute()

    def gone(self, hook_id: str) -> None:
        """The receiver answered 410 Gone: unsubscribe at once."""
        hook = self.load(hook_id)
        if hook is not None:
            self._remove(hook)

    def matching(self, account_id: str, event_type: str, template_id: str | None, mode: str = "live") -> list[Hook]:
        """Active hooks of this event and mode whose template filter is unset or this template."""
        ids = sorted(self.redis.smembers(self._by_event(account_id, event_type)))
        return [h for h in map(self.load, ids) if h is not None and h.status == HookStatus.ACTIVE.value
                and h.template_id in (None, template_id) and h.mode == mode]

    def disable(self, hook_id: str, reason: str) -> None:
        self._update(hook_id, "status", HookStatus.DISABLED.value, "disabled_reason", reason)

    def _update(self, hook_id: str, *pairs: str) -> None:
        # Only a hook that still exists: a delete racing a delivery must not leave a stray half-hash behind.
        self._update_script(keys=[self._key(hook_id)], args=list(pairs))

    def succeeded(self, hook_id: str) -> None:
        """A 2xx: the hook is healthy again, whatever failed before."""
        self.redis.hdel(self._key(hook_id), "failing_since")

    def failed(self, hook_id: str, now=None) -> bool:
        """A failed attempt; True when the hook has failed for DISABLE_AFTER_DAYS and has just been disabled."""
        now = now or utcnow()
        key = self._key(hook_id)
        # Only the first failure of a run starts the clock (HSETNX), and only on a hook that still exists.
        since = self._fail_script(keys=[key], args=[isoformat(now)])
        if since and (now - parse_iso(since)).total_seconds() >= DISABLE_AFTER_DAYS * 86400:
            self.disable(hook_id, f"Every delivery since {since} failed (no success for {DISABLE_AFTER_DAYS} "
                                  "days); subscribe again once the endpoint works.")
            return True
        return False


def check_url(conn, url: str, field: str) -> None:
    """The one rule for where Platen sends events (a hook's ``target_url``, a render's or a batch's
    ``webhook_url``), told the way a client can act on: a 422 naming ``field``."""
    try:
        conn.fetcher.check_target(url)
    except FetchError as exc:
        raise ValidationFailed(f"{field}: {exc}.", details={"field": field}) from None


def subscribe(conn, account_id: str, target_url: str, event: str, template_id: str | None = None,
              mode: str = "live") -> Hook:
    """Check a subscription the way a client can act on (422 naming the field), then store it."""
    check_url(conn, target_url, "target_url")
    if template_id is not None:
        try:
            conn.templates.get(account_id, template_id)
        except NotFound:
            raise ValidationFailed(f"template_id: there is no template {template_id} in this account.",
                                   details={"field": "template_id"}) from None
    return conn.hooks.create(account_id, target_url, event, template_id, mode)


def sample_object(hook: Hook, batch_object, public_url: str) -> dict:
    """What a test event carries when the account has no real event of the hook's type yet: a realistic object
    (``batch_object``: the batch store's ``api_object``, so a sample batch has the real shape)."""
    now, render_id = isoformat(utcnow()), new_id("rnd")
    if hook.event == "batch.completed":   # the real batch object's shape, built by the same code
        batch = BatchRecord(id=new_id("bat"), account_id=hook.account_id, key_id="", mode=hook.mode, status="completed",
                            template_id=hook.template_id or "", template_version=1, format="png", total=2,
                            completed=2, created_at=now, completed_at=now)
        return batch_object(batch)
    if hook.event.startswith("generation."):   # the real generation object's shape, built by the same code
        return _sample_generation(hook, now, public_url)
    failed = hook.event == "render.failed"
    return {"id": render_id, "status": "failed" if failed else "completed", "template_id": hook.template_id,
            "template_version": 1 if hook.template_id else None, "format": "png", "width": None if failed else 1200,
            "height": None if failed else 630, "size_bytes": None if failed else 48213,
            "url": None if failed else f"{public_url.rstrip('/')}/files/test/{render_id}.png",
            "page_urls": [], "cached": False, "warnings": [], "metadata": None, "batch_id": None,
            "error": {"error": "render_failed", "message": "This is a test event: nothing was rendered."}
            if failed else None, "created_at": now, "completed_at": now, "duration_ms": 0 if failed else 85,
            "mode": hook.mode}


def _sample_generation(hook: Hook, now: str, public_url: str) -> dict:
    failed = hook.event == "generation.failed"
    record = GenerationRecord(
        id=new_id("gen"), account_id=hook.account_id, key_id="", mode=hook.mode,
        status="failed" if failed else "completed", input_type="text", output_formats=["og"],
        extracted={"title": "This is a test event", "summary": "Nothing was generated.", "points": [], "image": None,
                   "site_name": None, "author": None, "url": None},
        outputs=[] if failed else [{"format": "og", "template_id": new_id("tpl"), "render_ids": [new_id("rnd")],
                                    "file_keys": ["test/sample.png"], "pages": 1}],
        credits=0 if failed else 1, created_at=now, completed_at=now,
        error={"error": "input_unreachable", "message": "This is a test event: nothing was generated."}
        if failed else None)
    return record.to_api(lambda key: f"{public_url.rstrip('/')}/files/{key}")
