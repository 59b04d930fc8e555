"""Generations in Redis: ``<prefix>:generation:<id>`` (a hash), a per-account index, and the watched job (kind
``generations``) that the reconciler queues again when its worker dies; its events and their fan-out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from connector.generations.record import TERMINAL, GenerationRecord, GenerationStatus
from connector.jobs.watched import PER_PASS, JobStates, Watched
from connector.runtime import scripts
from connector.runtime.clock import parse_iso
from connector.runtime.errors import NotFound

log = logging.getLogger(__name__)

JOB_TIMEOUT = 600   # seconds RQ lets one start run: up to 10 formats of up to 10 pages, drawn one after another
MAX_ATTEMPTS = 3    # a generation's job is started at most this often

# A job takes the generation: unless finished, one more attempt, status running. {1|0, fields after}, nil if none.
_START = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return nil end
local started = 0
if status ~= 'completed' and status ~= 'failed' then
  redis.call('HINCRBY', KEYS[1], 'attempts', 1)
  redis.call('HSET', KEYS[1], 'status', 'running')
  if redis.call('HGET', KEYS[1], 'started_at') == '' then redis.call('HSET', KEYS[1], 'started_at', ARGV[1]) end
  started = 1
end
return {started, redis.call('HGETALL', KEYS[1])}
"""


class GenerationStore:
    """Collaborators: ``queue`` runs ``job`` (``generate_designs``) for a generation id; ``events`` and
    ``deliveries`` record and deliver its event; ``outbox_key`` holds it while its fan-out is owed; ``url_of`` is
    file key -> URL; ``ttl`` how long a generation is kept.

    A running job moves its deadline on after every step (``alive``: the input read, a design saved, a page
    drawn), so its deadline is ``step_timeout`` (+ GRACE) past its last step rather than its whole run: a
    generation whose worker died is queued again within a minute or two, not after JOB_TIMEOUT."""

    def __init__(self, redis, prefix: str, *, queue, job: Callable, events, deliveries, outbox_key: str,
                 url_of: Callable[[str], str], ttl: int, step_timeout: float = 130):
        self.redis, self.p = redis, prefix
        self.queue, self.job, self.events, self.deliveries = queue, job, events, deliveries
        self.outbox_key, self.url_of, self.ttl = outbox_key, url_of, ttl
        self.watched = Watched(redis, prefix, "generations", step_timeout)
        self._start = scripts.register(redis, _START)

    def key(self, generation_id: str) -> str:
        return f"{self.p}:generation:{generation_id}"

    def _index(self, account_id: str) -> str:
        return f"{self.p}:generations:{account_id}"

    # --- creating -----------------------------------------------------------------------------------------
    def create(self, record: GenerationRecord) -> GenerationRecord:
        """Store and watch it (one transaction), then queue its job; should queueing fail, the reconciler does it."""
        record.job_id = self.watched.job_id(record.id)
        created = parse_iso(record.created_at).timestamp()
        pipe = self.redis.pipeline()
        pipe.hset(self.key(record.id), mapping=record.to_redis())
        pipe.expire(self.key(record.id), self.ttl)
        pipe.zadd(self._index(record.account_id), {record.id: created})
        pipe.zremrangebyscore(self._index(record.account_id), "-inf", created - self.ttl)
        pipe.expire(self._index(record.account_id), self.ttl)
        self.watched.watch(record.id, pipe)
        pipe.execute()
        try:
            self.enqueue(record.id, record.job_id)
        except Exception:
            log.exception("generation %s: queueing its job failed; the reconciler will", record.id)
        return record

    def enqueue(self, generation_id: str, job_id: str, delay: float = 0) -> None:
        options = dict(job_id=job_id, job_timeout=JOB_TIMEOUT, result_ttl=0, failure_ttl=7 * 86400,
                       description=f"generation {generation_id}")
        if delay > 0:
            self.queue.enqueue_in(timedelta(seconds=delay), self.job, generation_id, **options)
        else:
            self.queue.enqueue(self.job, generation_id, **options)

    def requeue(self, generation_id: str, delay: float = 0) -> None:
        """Queue its job again (a fresh job id, so the one it replaces can tell it was superseded)."""
        job_id = self.watched.job_id(generation_id)
        pipe = self.redis.pipeline()
        pipe.hset(self.key(generation_id), mapping={"job_id": job_id, "status": GenerationStatus.QUEUED.value})
        self.watched.watch(generation_id, pipe, after=delay)
        pipe.execute()
        self.enqueue(generation_id, job_id, delay)

    # --- reading ------------------------------------------------------------------------------------------
    def load(self, generation_id: str) -> GenerationRecord | None:
        raw = self.redis.hgetall(self.key(generation_id))
        return GenerationRecord.from_redis(raw) if raw else None

    def get(self, account_id: str, generation_id: str) -> GenerationRecord:
        record = self.load(generation_id) if generation_id.startswith("gen_") else None
        if record is None or record.account_id != account_id:
            raise NotFound(f"There is no generation {generation_id}.")
        return record

    def list(self, account_id: str, limit: int = 20, page: int = 0) -> list[GenerationRecord]:
        ids = self.redis.zrevrange(self._index(account_id), page * limit, (page + 1) * limit - 1)
        pipe = self.redis.pipeline(transaction=False)
        for generation_id in ids:
            pipe.hgetall(self.key(generation_id))
        return [GenerationRecord.from_redis(raw) for raw in pipe.execute() if raw]

    def api_object(self, record: GenerationRecord) -> dict:
        return record.to_api(self.url_of)

    # --- running ------------------------------------------------------------------------------------------
    def start(self, generation_id: str, started_at: str) -> tuple[bool, GenerationRecord | None]:
        """A job takes it: (started, the record after it); (False, record) when it had finished already."""
        answer = self._start(keys=[self.key(generation_id)], args=[started_at])
        if not answer:
            return False, None
        flat = answer[1]
        record = GenerationRecord.from_redis(dict(zip(flat[::2], flat[1::2], strict=True)))
        if answer[0]:
            self.watched.watch(generation_id, only_watched=True)   # the deadline counts from now
        return bool(answer[0]), record

    def alive(self, generation_id: str) -> None:
        """A step done: the deadline counts from now (unless it finished meanwhile)."""
        self.watched.watch(generation_id, only_watched=True)

    def update(self, record: GenerationRecord, *names: str, pipe=None) -> None:
        """Store ``names`` of ``record`` as they are now."""
        (pipe or self.redis).hset(self.key(record.id),
                                  mapping={name: record.encode(name, getattr(record, name)) for name in names})

    def finish(self, record: GenerationRecord) -> None:
        """Store it finished (completed or failed, as set on it), no longer watched, its event recorded and its
        outbox entry made in one transaction; then deliver (hooks, its ``webhook_url``) and leave the outbox."""
        pipe = self.redis.pipeline()
        self.update(record, "status", "completed_at", "outputs", "credits", "error", "timings", "extracted",
                    "brand_id", pipe=pipe)
        self.watched.unwatch(record.id, pipe)
        pipe.zadd(self.outbox_key, {record.id: parse_iso(record.completed_at).timestamp()})
        self.events.record(*self._event_args(record), pipe=pipe)
        pipe.execute()
        self.fan_out(record.id, record)

    def _event_args(self, record: GenerationRecord) -> tuple:
        type_ = "generation.completed" if record.status == GenerationStatus.COMPLETED.value else "generation.failed"
        return (record.account_id, type_, record.id, None, record.completed_at or record.created_at,
                self.api_object(record))

    def fan_out(self, generation_id: str, record: GenerationRecord | None = None) -> None:
        """Its event delivered to hooks and its ``webhook_url``, then out of the outbox. Safe to call twice (the
        outbox's sweep calls it for a process that stopped before it)."""
        record = record or self.load(generation_id)
        if record is not None and record.status in TERMINAL:
            event, _ = self.events.record(*self._event_args(record))   # recorded already, normally: that one
            self.deliveries.fan_out(event, callback_url=record.webhook_url)
        self.redis.zrem(self.outbox_key, generation_id)

    def reconcile_overdue(self, states: JobStates, now: float | None = None) -> dict:
        """Queue again a generation whose job is gone (its worker died), or fail it after MAX_ATTEMPTS starts (the
        job's own ``retry_or_fail``); give waiting ones time; forget finished ones."""
        counts = {"requeued": 0, "waiting": 0}
        for generation_id in self.watched.overdue(PER_PASS, now):
            record = self.load(generation_id)
            if record is None or record.status in TERMINAL:
                self.watched.unwatch(generation_id)
            elif states.waiting(record.job_id):
                self.watched.watch(generation_id)
                counts["waiting"] += 1
            else:
                log.warning("generation %s: its job is gone past its deadline (attempt %s); queueing it again",
                            generation_id, record.attempts)
                self.requeue(generation_id)   # the job itself fails it when its attempts are spent
                counts["requeued"] += 1
        return counts
