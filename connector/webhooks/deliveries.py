"""Webhook deliveries: one per event and receiver, signed per Standard Webhooks, retried on a schedule, never lost.

The schedule is ``connector.webhooks.schedule``'s; one attempt is ``connector.webhooks.attempt``'s. A hook whose
every attempt has failed for 5 days is disabled (``connector.webhooks.hooks.DISABLE_AFTER_DAYS``). Every pending
delivery is a watched job (``connector.jobs.watched``, kind ``deliveries``): past its deadline, one whose RQ job is
neither waiting nor scheduled (its worker was killed, Redis lost the entry) is queued again by the reconciler.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum

from connector.events.store import KEEP_DAYS, Event, event_id
from connector.jobs.watched import PER_PASS, WATCH_LUA, JobStates, Watched
from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import NotFound
from connector.webhooks.attempt import Outcome, Sender
from connector.webhooks.hooks import account_secret
from connector.webhooks.schedule import SCHEDULE, next_delay

log = logging.getLogger(__name__)

JOB_TIMEOUT = 20        # RQ's limit on the job: the attempt (attempt.TIMEOUT) plus its bookkeeping


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


def delivery_id(event_id: str, receiver: str) -> str:
    """Derived from the event and the receiver (a hook id or "callback"): fanning out twice finds the same one."""
    return "dlv_" + hashlib.sha256(f"{event_id}|{receiver}".encode()).hexdigest()[:24]


# Creates the record, watches it and indexes it together (on Redis's clock), or nothing when it exists.
# KEYS: the record, the watched set, the index. ARGV: seconds to its deadline, the id, days kept (s), the fields.
_CREATE = WATCH_LUA + """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('EXPIRE', KEYS[1], ARGV[3])
local now = watch_at(0)
redis.call('ZADD', KEYS[2], watch_at(ARGV[1]), ARGV[2])
redis.call('ZADD', KEYS[3], now, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[3])
return 1
"""


class Deliveries:
    """``<prefix>:delivery:<id>`` (a hash), its attempts (a list), per hook an index; pending ones are watched.

    ``queue`` is the RQ queue of webhook jobs and ``job`` the function it runs (``deliver_webhook``); ``sample``
    makes the object a test event carries when the account has none of the hook's type yet."""

    def __init__(self, redis, prefix: str, *, hooks, events, accounts, sender: Sender, queue, job: Callable,
                 sample: Callable, schedule: tuple[float, ...] = SCHEDULE):
        self.redis, self.p = redis, prefix
        self.hooks, self.events, self.accounts, self.sender = hooks, events, accounts, sender
        self.queue, self.job, self.sample, self.schedule = queue, job, sample, schedule
        self.watched = Watched(redis, prefix, "deliveries", JOB_TIMEOUT)
        self._create = redis.register_script(_CREATE)

    def key(self, did: str) -> str:
        return f"{self.p}:delivery:{did}"

    def _index(self, account_id: str, hook_id: str | None) -> str:
        return f"{self.p}:hook:{hook_id}:deliveries" if hook_id else f"{self.p}:callbacks:{account_id}:deliveries"

    # --- creating ------------------------------------------------------------------------------------------
    def fan_out(self, event: Event, callback_url: str | None = None) -> list[str]:
        """One delivery per matching hook, and one to the render's own ``webhook_url``; returns those created
        by this call (none when called again for the same event)."""
        body = json.dumps(event.payload(), separators=(",", ":"))
        receivers = [(h.id, h.target_url) for h in self.hooks.matching(
            event.account_id, event.type, event.template_id, event.mode)]
        if callback_url:
            receivers.append((None, callback_url))
        return [did for hook_id, url in receivers
                if (did := self._new(event.account_id, event.id, event.type, hook_id, url, body))]

    def send_test(self, account_id: str, hook_id: str) -> dict:
        """A test event for one hook, delivered like any other: the hook's event type, the newest real object of
        that type (else a sample), and ``"test": true`` beside ``type`` so receivers can tell."""
        hook = self.hooks.active(account_id, hook_id)
        recent = self.events.poll(account_id, hook.event, limit=1, template_id=hook.template_id, mode=hook.mode)
        data = recent[0] if recent else self.sample(hook)
        event = Event(new_id("evt"), hook.event, account_id, data["id"], hook.template_id, isoformat(utcnow()), data)
        body = json.dumps({**event.payload(), "test": True}, separators=(",", ":"))
        return self.to_dict(self._new(account_id, event.id, event.type, hook.id, hook.target_url, body))

    def _new(self, account_id, event_id, event_type, hook_id, url, body) -> str | None:
        did = delivery_id(event_id, hook_id or "callback")
        job_id = self.watched.job_id(did)
        record = {"id": did, "account_id": account_id, "hook_id": hook_id or "", "event_id": event_id,
                  "event_type": event_type, "target_url": url, "body": body, "status": DeliveryStatus.PENDING.value,
                  "created_at": isoformat(utcnow()), "next_attempt_at": isoformat(utcnow()), "job_id": job_id}
        flat = [x for pair in record.items() for x in pair]
        created = self._create(keys=[self.key(did), self.watched.key, self._index(account_id, hook_id)],
                               args=[self.watched.seconds(), did, KEEP_DAYS * 86400, *flat])
        if not created:
            return None
        self._enqueue(did, job_id)   # should this fail, the delivery is watched: the reconciler queues it
        return did

    # --- scheduling ----------------------------------------------------------------------------------------
    def _schedule(self, did: str, delay: float) -> None:
        """The next attempt in ``delay`` seconds: pending again and watched until then plus its timeout, then
        (re)queued."""
        job_id = self.watched.job_id(did)
        at = None
        if delay > 0:
            # RQ keeps scheduled times in whole seconds (truncated), which could run a retry up to 1 s before a
            # receiver's Retry-After allows: aim at the next whole second instead. The moment is taken on Redis's
            # clock, but RQ's scheduler compares it with its own host's: a scheduler whose clock is off by d
            # seconds runs the retry d seconds early or late (hosts are expected to keep NTP time; the deadline,
            # on Redis's clock, still covers the delay).
            at = datetime.fromtimestamp(math.ceil(self.watched.now() + delay), UTC)
        pipe = self.redis.pipeline()
        pipe.hset(self.key(did), mapping={"status": DeliveryStatus.PENDING.value, "job_id": job_id,
                                          "next_attempt_at": isoformat(at or utcnow())})
        self.watched.watch(did, pipe, after=delay + 1 if at else 0)
        pipe.execute()
        self._enqueue(did, job_id, at)

    def _enqueue(self, did: str, job_id: str, at: datetime | None = None) -> None:
        options = {"job_id": job_id, "job_timeout": JOB_TIMEOUT, "result_ttl": 0, "failure_ttl": 86400,
                   "description": f"deliver {did}"}
        if at is not None:
            self.queue.enqueue_at(at, self.job, did, **options)
        else:
            self.queue.enqueue(self.job, did, **options)

    def _finish(self, did: str, status: DeliveryStatus) -> None:
        pipe = self.redis.pipeline()
        pipe.hset(self.key(did), mapping={"status": status.value, "next_attempt_at": ""})
        self.watched.unwatch(did, pipe)
        pipe.execute()

    def reconcile_overdue(self, states: JobStates, now: float | None = None) -> dict:
        """Queue again the overdue deliveries whose job is gone; give waiting ones more time; forget finished
        ones. ``now`` is a moment on Redis's clock (tests); by default, its present."""
        counts = {"requeued": 0, "waiting": 0}
        for did in self.watched.overdue(PER_PASS, now):
            status, job_id = self.redis.hmget(self.key(did), "status", "job_id")
            if status != DeliveryStatus.PENDING.value:
                self.watched.unwatch(did)
            elif states.waiting(job_id):
                self.watched.watch(did)
                counts["waiting"] += 1
            else:
                log.warning("delivery %s: its job is gone past its deadline; queueing it again", did)
                self._schedule(did, 0)
                counts["requeued"] += 1
        return counts

    # --- attempting ----------------------------------------------------------------------------------------
    def attempt(self, did: str, job_id: str | None = None) -> None:
        """One attempt (the worker's job): POST, record it, then succeed, unsubscribe, retry later or give up."""
        record = self.redis.hgetall(self.key(did))
        if record.get("status") != DeliveryStatus.PENDING.value:
            self.watched.unwatch(did)
            return
        if job_id and record.get("job_id") and job_id != record["job_id"]:
            return   # superseded: a manual retry or the reconciler queued a newer job for this delivery
        # Running now: whatever waited in the queue, the deadline counts from here.
        self.watched.watch(did, only_watched=True)
        hook_id = record["hook_id"] or None
        if hook_id:
            hook = self.hooks.load(hook_id)
            if hook is None or hook.status != "active":
                self._finish(did, DeliveryStatus.FAILED)   # unsubscribed or disabled meanwhile: stop
                return
            secret = hook.secret
        else:
            try:
                secret = account_secret(self.accounts.get_account(record["account_id"]))
            except NotFound:
                self._finish(did, DeliveryStatus.FAILED)   # the account is gone: nobody to sign for
                return
        result = self.sender.post(record["target_url"], record["event_id"], record["body"], secret)
        pipe = self.redis.pipeline()
        pipe.rpush(f"{self.key(did)}:attempts", json.dumps(result.record, separators=(",", ":")))
        pipe.expire(f"{self.key(did)}:attempts", KEEP_DAYS * 86400)
        count = pipe.execute()[0]
        if result.outcome is Outcome.SUCCEEDED:
            if hook_id:
                self.hooks.succeeded(hook_id)
            self._finish(did, DeliveryStatus.SUCCEEDED)
        elif result.outcome is Outcome.GONE:
            if hook_id:
                self.hooks.gone(hook_id)
                log.info("hook %s answered 410 Gone; unsubscribed", hook_id)
            self._finish(did, DeliveryStatus.FAILED)
        elif hook_id and self.hooks.failed(hook_id):
            log.warning("hook %s disabled: failing for days", hook_id)
            self._finish(did, DeliveryStatus.FAILED)
        elif (delay := next_delay(count, result.retry_after, self.schedule)) is None:
            self._finish(did, DeliveryStatus.FAILED)
        else:
            self._schedule(did, delay)

    # --- reading and retrying ------------------------------------------------------------------------------
    def to_dict(self, did: str) -> dict:
        pipe = self.redis.pipeline()
        pipe.hgetall(self.key(did))
        pipe.lrange(f"{self.key(did)}:attempts", 0, -1)
        record, attempts = pipe.execute()
        return {"id": did, "hook_id": record.get("hook_id") or None, "event_id": record.get("event_id"),
                "event_type": record.get("event_type"), "target_url": record.get("target_url"),
                "status": record.get("status"),
                "attempts": [{"attempt": n, **json.loads(a)} for n, a in enumerate(attempts, start=1)],
                "next_attempt_at": record.get("next_attempt_at") or None, "created_at": record.get("created_at")}

    def list(self, account_id: str, hook_id: str, limit: int = 20, page: int = 0) -> list[dict]:
        """A hook's deliveries, newest first (kept KEEP_DAYS days)."""
        self.hooks.get(account_id, hook_id)
        ids = self.redis.zrevrange(self._index(account_id, hook_id), page * limit, (page + 1) * limit - 1)
        return [d for d in map(self.to_dict, ids) if d["status"]]

    def for_object(self, account_id: str, object_id: str, types: tuple[str, ...]) -> list[dict]:
        """The deliveries to a render's or batch's own ``webhook_url`` (its events of ``types``), newest first."""
        found = []
        for type_ in types:
            did = delivery_id(event_id(object_id, type_), "callback")
            if self.redis.hget(self.key(did), "account_id") == account_id:
                found.append(self.to_dict(did))
        return sorted(found, key=lambda d: d["created_at"] or "", reverse=True)

    def get(self, account_id: str, hook_id: str, did: str) -> dict:
        self.hooks.get(account_id, hook_id)
        owner = self.redis.hmget(self.key(did), "account_id", "hook_id") if did.startswith("dlv_") else [None]
        if owner != [account_id, hook_id]:
            raise NotFound(f"Hook {hook_id} has no delivery {did}.")
        return self.to_dict(did)

    def retry(self, account_id: str, hook_id: str, did: str) -> dict:
        """Send again now: a new attempt of the same delivery (same webhook-id, same body)."""
        self.hooks.active(account_id, hook_id)
        self.get(account_id, hook_id, did)
        self._schedule(did, 0)
        return self.to_dict(did)
