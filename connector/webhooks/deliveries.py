"""Webhook deliveries: one per event and receiver, signed per Standard Webhooks, retried on a schedule, never lost.

Schedule: the first attempt at once, then retries about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later (±10 %
jitter; a longer ``Retry-After``, capped at 24 h, wins): 8 attempts over ~28 h, then the delivery is ``failed``.
A hook whose every attempt has failed for 5 days is disabled (``connector.webhooks.hooks.DISABLE_AFTER_DAYS``).
Each pending delivery sits in a sorted set with a deadline; past it, a delivery whose RQ job is neither waiting
nor scheduled (its worker was killed, Redis lost the entry) is queued again by the reconciler.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import random
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

import requests
from requests_hardened.ip_filter import InvalidIPAddress
from standardwebhooks import Webhook

from connector.events.store import KEEP_DAYS, Event, event_id
from connector.fetch.fetcher import FetchError
from connector.fetch.guard import Deadline
from connector.jobs import queues
from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import NotFound
from connector.webhooks.hooks import account_secret, sample_object

log = logging.getLogger(__name__)

SCHEDULE = (5, 300, 1800, 7200, 18000, 36000, 36000)   # seconds before retry 1..7
SCHEDULE_ENV = "PLATEN_WEBHOOK_RETRY_SCHEDULE"            # e.g. "1,1,2" (tests, staging)
JITTER = 0.10
MAX_RETRY_AFTER = 86400
TIMEOUT = 15            # seconds an attempt may take in all (SPEC section 8)
JOB_TIMEOUT = 20        # RQ's limit on the job: the attempt plus its bookkeeping
GRACE = 10              # past JOB_TIMEOUT, a job still marked started has lost its worker
BODY_KEPT = 500
USER_AGENT = "Platen-Webhooks/1.0"
JOB = "connector.jobs.functions.deliver_webhook"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


def retry_schedule() -> tuple[float, ...]:
    """SCHEDULE, or the comma-separated seconds of PLATEN_WEBHOOK_RETRY_SCHEDULE (read on every use)."""
    raw = os.environ.get(SCHEDULE_ENV, "").strip()
    return tuple(float(s) for s in raw.split(",") if s.strip()) if raw else SCHEDULE


def next_delay(attempts: int, retry_after: float | None = None, schedule=None, rand=random.uniform) -> float | None:
    """Seconds until the next try after ``attempts`` failed ones, or None when none is left."""
    schedule = retry_schedule() if schedule is None else schedule
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


def delivery_id(event_id: str, receiver: str) -> str:
    """Derived from the event and the receiver (a hook id or "callback"): fanning out twice finds the same one."""
    return "dlv_" + hashlib.sha256(f"{event_id}|{receiver}".encode()).hexdigest()[:24]


# Creates the record, its pending entry and its index entry together, or nothing when it exists.
_CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 5))
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3] - ARGV[4])
redis.call('EXPIRE', KEYS[3], ARGV[4])
return 1
"""


class Deliveries:
    """``<prefix>:delivery:<id>`` (a hash), its attempts (a list), per hook an index, and the pending set."""

    def __init__(self, conn):
        self.conn, self.redis, self.p = conn, conn.redis, conn.settings.redis_prefix
        self.pending_key = f"{self.p}:deliveries:pending"
        self._create = self.redis.register_script(_CREATE)
        self._session = None

    def _key(self, did: str) -> str:
        return f"{self.p}:delivery:{did}"

    def _index(self, account_id: str, hook_id: str | None) -> str:
        return f"{self.p}:hook:{hook_id}:deliveries" if hook_id else f"{self.p}:callbacks:{account_id}:deliveries"

    # --- creating ------------------------------------------------------------------------------------------
    def fan_out(self, event: Event, callback_url: str | None = None) -> list[str]:
        """One delivery per matching hook, and one to the render's own ``webhook_url``; returns those created
        by this call (none when called again for the same event)."""
        body = json.dumps(event.payload(), separators=(",", ":"))
        receivers = [(h.id, h.target_url) for h in self.conn.hooks.matching(
            event.account_id, event.type, event.template_id, event.mode)]
        if callback_url:
            receivers.append((None, callback_url))
        return [did for hook_id, url in receivers
                if (did := self._new(event.account_id, event.id, event.type, hook_id, url, body))]

    def send_test(self, account_id: str, hook_id: str) -> dict:
        """A test event for one hook, delivered like any other: the hook's event type, the newest real object of
        that type (else a sample), and ``"test": true`` beside ``type`` so receivers can tell."""
        hook = self.conn.hooks.active(account_id, hook_id)
        recent = self.conn.events.poll(account_id, hook.event, limit=1, template_id=hook.template_id, mode=hook.mode)
        data = recent[0] if recent else sample_object(self.conn, hook)
        event = Event(new_id("evt"), hook.event, account_id, data["id"], hook.template_id, isoformat(utcnow()), data)
        body = json.dumps({**event.payload(), "test": True}, separators=(",", ":"))
        return self.to_dict(self._new(account_id, event.id, event.type, hook.id, hook.target_url, body))

    def _new(self, account_id, event_id, event_type, hook_id, url, body) -> str | None:
        did = delivery_id(event_id, hook_id or "callback")
        job_id, now = self._job_id(did), time.time()
        record = {"id": did, "account_id": account_id, "hook_id": hook_id or "", "event_id": event_id,
                  "event_type": event_type, "target_url": url, "body": body, "status": DeliveryStatus.PENDING.value,
                  "created_at": isoformat(utcnow()), "next_attempt_at": isoformat(utcnow()), "job_id": job_id}
        flat = [x for pair in record.items() for x in pair]
        created = self._create(keys=[self._key(did), self.pending_key, self._index(account_id, hook_id)],
                               args=[now + JOB_TIMEOUT + GRACE, did, now, KEEP_DAYS * 86400, *flat])
        if not created:
            return None
        self._enqueue(did, job_id, 0)
        return did

    # --- scheduling ----------------------------------------------------------------------------------------
    @staticmethod
    def _job_id(did: str) -> str:
        return f"deliver-{did}-{time.time_ns() // 1000}"

    def _schedule(self, did: str, delay: float) -> None:
        """The next attempt in ``delay`` seconds: pending again with a new deadline, then (re)queued."""
        # RQ keeps scheduled times in whole seconds (truncated), which could run a retry up to 1 s before a
        # receiver's Retry-After allows: aim at the next whole second instead.
        job_id, at = self._job_id(did), time.time() + delay
        if delay > 0:
            at = float(math.ceil(at))
        pipe = self.redis.pipeline()
        pipe.hset(self._key(did), mapping={"status": DeliveryStatus.PENDING.value, "job_id": job_id,
                                           "next_attempt_at": isoformat(datetime.fromtimestamp(at, UTC))})
        pipe.zadd(self.pending_key, {did: at + JOB_TIMEOUT + GRACE})
        pipe.execute()
        self._enqueue(did, job_id, delay)

    def _enqueue(self, did: str, job_id: str, delay: float) -> None:
        queue = self.conn.queue(queues.WEBHOOKS)
        options = {"job_id": job_id, "job_timeout": JOB_TIMEOUT, "result_ttl": 0, "failure_ttl": 86400,
                   "description": f"deliver {did}"}
        if delay > 0:
            queue.enqueue_at(datetime.fromtimestamp(math.ceil(time.time() + delay), UTC), JOB, did, **options)
        else:
            queue.enqueue(JOB, did, **options)

    def _finish(self, did: str, status: DeliveryStatus) -> None:
        pipe = self.redis.pipeline()
        pipe.hset(self._key(did), mapping={"status": status.value, "next_attempt_at": ""})
        pipe.zrem(self.pending_key, did)
        pipe.execute()

    def reconcile(self, now: float | None = None) -> dict:
        """Queue again the overdue deliveries whose job is gone; give waiting ones more time."""
        from connector.jobs.reconciler import (  # reconcile calls this module: import on use, not at load
            PER_PASS,
            JobStates,
        )

        now = time.time() if now is None else now
        counts = {"requeued": 0, "waiting": 0}
        states = JobStates(self.conn)
        for did in self.redis.zrangebyscore(self.pending_key, "-inf", now, start=0, num=PER_PASS):
            record = self.redis.hgetall(self._key(did))
            if record.get("status") != DeliveryStatus.PENDING.value:
                self.redis.zrem(self.pending_key, did)
                continue
            if states.waiting(record.get("job_id")):
                self.redis.zadd(self.pending_key, {did: now + JOB_TIMEOUT + GRACE})
                counts["waiting"] += 1
            else:
                log.warning("delivery %s: its job is gone past its deadline; queueing it again", did)
                self._schedule(did, 0)
                counts["requeued"] += 1
        return counts

    # --- attempting ----------------------------------------------------------------------------------------
    @property
    def session(self) -> requests.Session:
        if self._session is None:
            self._session = self.conn.fetcher.session()
            # The guarded session stamps the image fetcher's User-Agent on every request; receivers should see ours.
            self._session._config.user_agent_override = USER_AGENT
        return self._session

    def attempt(self, did: str, job_id: str | None = None) -> None:
        """One attempt (the worker's job): POST, record it, then succeed, unsubscribe, retry later or give up."""
        record = self.redis.hgetall(self._key(did))
        if record.get("status") != DeliveryStatus.PENDING.value:
            self.redis.zrem(self.pending_key, did)
            return
        if job_id and record.get("job_id") and job_id != record["job_id"]:
            return   # superseded: a manual retry or the reconciler queued a newer job for this delivery
        # Running now: whatever waited in the queue, the deadline counts from here.
        self.redis.zadd(self.pending_key, {did: time.time() + JOB_TIMEOUT + GRACE}, xx=True)
        hook_id = record["hook_id"] or None
        if hook_id:
            hook = self.conn.hooks.load(hook_id)
            if hook is None or hook.status != "active":
                self._finish(did, DeliveryStatus.FAILED)   # unsubscribed or disabled meanwhile: stop
                return
            secret = hook.secret
        else:
            try:
                secret = account_secret(self.conn.accounts.get_account(record["account_id"]))
            except NotFound:
                self._finish(did, DeliveryStatus.FAILED)   # the account is gone: nobody to sign for
                return
        result, retry_after = self._post(record["target_url"], record["event_id"], record["body"], secret)
        count = self.redis.rpush(f"{self._key(did)}:attempts", json.dumps(result, separators=(",", ":")))
        self.redis.expire(f"{self._key(did)}:attempts", KEEP_DAYS * 86400)
        status = result["status_code"] or 0
        if 200 <= status < 300:
            if hook_id:
                self.conn.hooks.succeeded(hook_id)
            self._finish(did, DeliveryStatus.SUCCEEDED)
        elif status == 410:
            if hook_id:
                self.conn.hooks.gone(hook_id)
                log.info("hook %s answered 410 Gone; unsubscribed", hook_id)
            self._finish(did, DeliveryStatus.FAILED)
        elif hook_id and self.conn.hooks.failed(hook_id):
            log.warning("hook %s disabled: failing for days", hook_id)
            self._finish(did, DeliveryStatus.FAILED)
        elif (delay := next_delay(count, retry_after)) is None:
            self._finish(did, DeliveryStatus.FAILED)
        else:
            self._schedule(did, delay)

    def _post(self, url: str, event_id: str, body: str, secret: str) -> tuple[dict, float | None]:
        now = utcnow()
        headers = {"webhook-id": event_id, "webhook-timestamp": str(int(now.timestamp())),
                   "webhook-signature": Webhook(secret).sign(msg_id=event_id, timestamp=now, data=body),
                   "Content-Type": "application/json"}
        started, deadline = time.perf_counter(), Deadline(TIMEOUT)
        status, error, kept, retry_after = None, "", b"", None
        try:
            self.conn.fetcher.check_target(url)   # the subscribe-time rule again: settings may have changed
            with deadline, self.session.post(url, data=body.encode(), headers=headers, stream=True,
                                             allow_redirects=False,
                                             timeout=(deadline.left(), deadline.left())) as response:
                status = response.status_code
                try:
                    kept = response.raw.read(BODY_KEPT, decode_content=True) or b""
                except Exception:  # noqa: BLE001 - the status is what counts; a body cut short is no matter
                    kept = b""
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if 300 <= status < 400:
                error = (f"Redirects are not followed (to {response.headers.get('Location', '?')}); "
                         "subscribe the final address instead.")
            elif not 200 <= status < 300:
                error = f"The receiver answered {status}."
        except FetchError as exc:
            error = f"{exc}."
        except InvalidIPAddress as exc:
            error = f"{url} resolves to a private network address ({exc}); Platen does not deliver there."
        except (requests.RequestException, OSError) as exc:
            timed_out = isinstance(exc, requests.Timeout) or deadline.over()
            error = f"No answer within {TIMEOUT} s." if timed_out else f"Could not connect: {exc}"[:300]
        result = {"at": isoformat(now), "status_code": status,
                  "duration_ms": round((time.perf_counter() - started) * 1000), "error": error or None,
                  "response_body": kept[:BODY_KEPT].decode("utf-8", "replace")}
        return result, retry_after

    # --- reading and retrying ------------------------------------------------------------------------------
    def to_dict(self, did: str) -> dict:
        pipe = self.redis.pipeline()
        pipe.hgetall(self._key(did))
        pipe.lrange(f"{self._key(did)}:attempts", 0, -1)
        record, attempts = pipe.execute()
        return {"id": did, "hook_id": record.get("hook_id") or None, "event_id": record.get("event_id"),
                "event_type": record.get("event_type"), "target_url": record.get("target_url"),
                "status": record.get("status"),
                "attempts": [{"attempt": n, **json.loads(a)} for n, a in enumerate(attempts, start=1)],
                "next_attempt_at": record.get("next_attempt_at") or None, "created_at": record.get("created_at")}

    def list(self, account_id: str, hook_id: str, limit: int = 20, page: int = 0) -> list[dict]:
        """A hook's deliveries, newest first (kept KEEP_DAYS days)."""
        self.conn.hooks.get(account_id, hook_id)
        ids = self.redis.zrevrange(self._index(account_id, hook_id), page * limit, (page + 1) * limit - 1)
        return [d for d in map(self.to_dict, ids) if d["status"]]

    def for_object(self, account_id: str, object_id: str, types: tuple[str, ...]) -> list[dict]:
        """The deliveries to a render's or batch's own ``webhook_url`` (its events of ``types``), newest first."""
        found = []
        for type_ in types:
            did = delivery_id(event_id(object_id, type_), "callback")
            if self.redis.hget(self._key(did), "account_id") == account_id:
                found.append(self.to_dict(did))
        return sorted(found, key=lambda d: d["created_at"] or "", reverse=True)

    def get(self, account_id: str, hook_id: str, did: str) -> dict:
        self.conn.hooks.get(account_id, hook_id)
        owner = self.redis.hmget(self._key(did), "account_id", "hook_id") if did.startswith("dlv_") else [None]
        if owner != [account_id, hook_id]:
            raise NotFound(f"Hook {hook_id} has no delivery {did}.")
        return self.to_dict(did)

    def retry(self, account_id: str, hook_id: str, did: str) -> dict:
        """Send again now: a new attempt of the same delivery (same webhook-id, same body)."""
        self.conn.hooks.active(account_id, hook_id)
        self.get(account_id, hook_id, did)
        self._schedule(did, 0)
        return self.to_dict(did)
