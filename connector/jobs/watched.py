"""Watched jobs: one mechanism for every job that must be queued again when its worker dies (renders, webhook
deliveries, batch chunks, generations), shaped like rq's ``BaseRegistry``.

Each kind keeps a sorted set ``<prefix>:watched:<kind>`` of object id -> deadline. Queueing a job watches it; a
worker that takes the job moves the deadline to "now + job timeout + GRACE"; past it, a job still marked
*started* cannot be running any more (RQ would have stopped it at its timeout), so its worker is gone and the
reconciler asks the kind to queue it again (``Kind.reconcile_overdue``). Deadlines are read and written against
Redis's clock (``TIME`` inside a script), never a host's: workers run on many machines, and one whose clock is
ahead must not think its neighbours' jobs overdue.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Protocol

from rq import Queue
from rq.job import Job

from connector.runtime import scripts

GRACE = 10          # seconds past a job's timeout before a job still marked started is called abandoned
PER_PASS = 2000     # overdue entries looked at per pass and kind; the rest wait for the next pass
WAITING = {"queued", "deferred", "scheduled", "taken"}

# ARGV: seconds from now, "xx" (only ids already watched) or "", then the ids. Returns how many were set.
_WATCH = """
local t = redis.call('TIME')
local at = tonumber(t[1]) + tonumber(t[2]) / 1000000 + tonumber(ARGV[1])
local n = 0
for i = 3, #ARGV do
  if ARGV[2] ~= 'xx' or redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    redis.call('ZADD', KEYS[1], at, ARGV[i])
    n = n + 1
  end
end
return n
"""

# KEYS[1]: a job's hash, queued in name but in no queue. 1 the first time a pass sees it so, 0 after; -1 when it no
# longer says queued (its worker started it meanwhile).
_TAKEN = """
if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return -1 end
return redis.call('HSETNX', KEYS[1], 'platen_taken', '1')
"""

# ARGV: how many, and a moment on Redis's clock ("" for now). The ids whose deadline has passed.
_OVERDUE = """
local now = tonumber(ARGV[2])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
"""


def job_id(kind: str, object_id: str) -> str:
    """One job id format for every watched kind: a fresh id per (re)queue, so a new job never meets the
    hash of the one it replaces, and a job can tell it was superseded (its id is no longer the object's)."""
    return f"{kind}-{object_id}-{secrets.token_hex(4)}"


class Watched:
    """The watched jobs of one kind: ``watch`` when queued or started, ``unwatch`` when finished, and
    ``overdue`` for the reconciler."""

    def __init__(self, redis, prefix: str, kind: str, timeout: float):
        self.redis, self.kind, self.timeout = redis, kind, timeout
        self.key = f"{prefix}:watched:{kind}"
        self._watch = scripts.register(redis, _WATCH)   # one command even in a pipeline
        self._overdue = scripts.register(redis, _OVERDUE)

    def job_id(self, object_id: str) -> str:
        return job_id(self.kind, object_id)

    def seconds(self, after: float = 0.0) -> float:
        """How far past Redis's now a job queued to run in ``after`` seconds is due: the ARGV of a script that
        watches in the same step as it writes (see ``WATCH_LUA``)."""
        return after + self.timeout + GRACE

    def watch(self, ids: str | Iterable[str], pipe=None, *, after: float = 0.0, only_watched: bool = False):
        """Deadline = Redis's now + ``after`` (a scheduled job's delay) + the job timeout + GRACE. With
        ``only_watched``, ids no longer watched (finished meanwhile) are left out. Without ``pipe``, returns how
        many were set."""
        ids = [ids] if isinstance(ids, str) else list(ids)
        if not ids:
            return 0 if pipe is None else None
        return self._watch(keys=[self.key], args=[self.seconds(after), "xx" if only_watched else "", *ids],
                           client=pipe)

    def unwatch(self, ids: str | Iterable[str], pipe=None) -> None:
        ids = [ids] if isinstance(ids, str) else list(ids)
        if ids:
            (pipe or self.redis).zrem(self.key, *ids)

    def overdue(self, limit: int = PER_PASS, now: float | None = None) -> list[str]:
        """Ids past their deadline on Redis's clock (or at ``now``, a moment on that clock: tests), oldest
        first."""
        return list(self._overdue(keys=[self.key], args=[limit, "" if now is None else now]))

    def deadline(self, object_id: str) -> float | None:
        return self.redis.zscore(self.key, object_id)

    def __contains__(self, object_id: str) -> bool:
        return self.redis.zscore(self.key, object_id) is not None

    def count(self) -> int:
        return self.redis.zcard(self.key)

    def now(self) -> float:
        """Redis's clock, in seconds."""
        seconds, micros = self.redis.time()
        return seconds + micros / 1_000_000


# For a script that creates an object and watches it in the same step: KEYS[n] the watched set, ARGV[m]
# ``Watched.seconds(after)``. Lua, to paste into such a script (it defines ``watch_at``).
WATCH_LUA = """
local function watch_at(seconds)
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1000000 + tonumber(seconds)
end
"""


class Kind(Protocol):
    """What the reconciler needs of a watched kind (renders, deliveries, batches, generations)."""

    watched: Watched

    def reconcile_overdue(self, states: JobStates, now: float | None = None) -> dict:
        """Queue again the overdue objects whose job is gone, give waiting ones more time, forget finished ones;
        returns counts by outcome."""


class JobStates:
    """RQ job states for one reconciler pass, cheaply: one HMGET a job, and each queue's list read once (a
    10,000-row batch waiting in its queue is not searched once per row).

    A state is RQ's status in lower case (``queued``, ``started``, …), ``missing`` when Redis no longer holds the
    job, or, for a job marked queued that sits in no queue, ``taken`` the first time a pass sees it so and ``lost``
    after. A worker that listens on several queues takes a job off its list, then marks it started: one looked at in
    between is running a moment later, and queueing it again would run it twice; one killed in between leaves it
    queued in name only. So such a job counts as waiting once (its deadline is moved on, a mark left on its hash),
    and is queued again only if still so at its next deadline."""

    def __init__(self, rq_redis):
        self.redis = rq_redis
        self._queued: dict[str, set[str]] = {}
        self._states: dict[str, str] = {}
        self._taken = rq_redis.register_script(_TAKEN)

    def __call__(self, job_id: str | None) -> str:
        if not job_id:
            return "missing"
        if job_id not in self._states:   # one answer per pass: a second look must not turn taken into lost
            state = self._state(job_id)
            if state == "lost":
                first = self._taken(keys=[Job.key_for(job_id)])
                state = "taken" if first == 1 else state if first == 0 else self._state(job_id, confirm=False)
            self._states[job_id] = state
        return self._states[job_id]

    def _state(self, job_id: str, confirm: bool = True) -> str:
        status, origin = self.redis.hmget(Job.key_for(job_id), "status", "origin")
        if status is None:
            return "missing"
        state = status.decode().lower()
        if state == "queued" and origin and confirm:
            queue_key = Queue.redis_queue_namespace_prefix + origin.decode()
            if queue_key not in self._queued:
                self._queued[queue_key] = {i.decode() for i in self.redis.lrange(queue_key, 0, -1)}
            # A miss in the snapshot is confirmed on the list itself: the job may have been queued since.
            if job_id not in self._queued[queue_key] and self.redis.lpos(queue_key, job_id) is None:
                return "lost"
        return state

    def waiting(self, job_id: str | None) -> bool:
        """True while the job still waits its turn (queued in a queue, scheduled, deferred, just taken): it will
        run."""
        return self(job_id) in WAITING
