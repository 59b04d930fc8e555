"""The outbox: "finished -> event -> fan-out", in one place, for every render and batch that finishes.

A render's event is recorded in the very transaction that finishes it (``stage``: with its record, its cache entry
and its waiter's done signal), so a client that got its answer finds the event when it polls. Fan-out (a webhook
delivery per matching hook and to the render's ``webhook_url``, the batch row counted) comes after
(``fan_out``), and only when one may be owed: the render has a ``webhook_url`` or a batch, or its account has a
hook for its event. Such a render waits in ``<prefix>:events:outbox`` until its fan-out is done; a process that
stops in between leaves it there, and ``sweep`` (the reconciler's) finishes it. At least once, never lost: the
event's id and each delivery's are derived from the object's, so finishing twice creates nothing twice.
"""

from __future__ import annotations

import logging

import redis as redis_errors

from connector.events.store import Event, event_id
from connector.renders.record import TERMINAL
from connector.runtime import scripts

log = logging.getLogger(__name__)

GRACE = 15        # seconds a finished object may wait for its fan-out before the sweep does it
PER_SWEEP = 500   # outbox entries finished per sweep; the rest wait for the next one

# KEYS: the outbox, the account's hooks of this event type. ARGV: the object id, "1" when fan-out is owed anyway.
# Enters the outbox (timed on Redis's clock) when fan-out may be owed; 1 if it did.
_STAGE = """
if ARGV[2] == '1' or redis.call('SCARD', KEYS[2]) > 0 then
  local t = redis.call('TIME')
  redis.call('ZADD', KEYS[1], tonumber(t[1]) + tonumber(t[2]) / 1000000, ARGV[1])
  return 1
end
return 0
"""

# The entries older than ARGV[1] seconds on Redis's clock, at most ARGV[2].
_DUE = """
local t = redis.call('TIME')
local before = tonumber(t[1]) + tonumber(t[2]) / 1000000 - tonumber(ARGV[1])
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', before, 'LIMIT', 0, tonumber(ARGV[2]))
"""


class Outbox:
    """Names its collaborators: the event store, hooks (who listens), deliveries (fan-out), batches (rows counted,
    a batch completed), renders (the sweep reads them) and ``url_of`` (file key -> URL, for the event's data)."""

    def __init__(self, redis, prefix: str, *, events, hooks, deliveries, batches, renders, url_of):
        self.redis, self.key = redis, self.key_for(prefix)
        self.events, self.hooks, self.deliveries, self.batches, self.renders = events, hooks, deliveries, batches, \
            renders
        self.url_of = url_of
        self.generations = None   # the generation store, set by the Connector (built after the outbox)
        self._stage = scripts.register(redis, _STAGE)
        self._due = scripts.register(redis, _DUE)

    @staticmethod
    def key_for(prefix: str) -> str:
        """The outbox's key (a sorted set: object id -> when it entered, on Redis's clock), for a store that puts
        objects there itself (a batch's last row, BatchStore) and is built before the outbox."""
        return f"{prefix}:events:outbox"

    # --- a render finishes --------------------------------------------------------------------------------
    def event_of(self, record) -> Event:
        """The event of a finished render, as it is now (its data: the render object the API returns)."""
        type_ = "render.completed" if record.status == "completed" else "render.failed"
        return Event(event_id(record.id, type_), type_, record.account_id, record.id, record.template_id,
                     record.completed_at or record.created_at, record.to_api(self.url_of))

    def _record(self, event: Event, pipe=None) -> tuple[Event, bool | None]:
        return self.events.record(event.account_id, event.type, event.object_id, event.template_id,
                                  event.occurred_at, event.data, pipe=pipe)

    def stage(self, record, pipe) -> int | None:
        """Queue on ``pipe`` (the transaction that finishes ``record``, as it now is) its event and, when fan-out
        may be owed, its outbox entry. Returns the index of the answer that ``fan_out`` needs (None: a preview,
        which has no events)."""
        if record.preview:
            return None
        event = self.event_of(record)
        self._record(event, pipe)
        owed = "1" if record.webhook_url or record.batch_id else "0"
        self._stage(keys=[self.key, self.hooks.event_index(record.account_id, event.type)], args=[record.id, owed],
                    client=pipe)
        return len(pipe) - 1

    def fan_out(self, record, answers: list, slot: int | None) -> None:
        """After ``stage``'s transaction: deliver and count, where its answer says fan-out may be owed."""
        if slot is not None and answers[slot]:
            self._deliver(record, self.event_of(record))

    def _deliver(self, record, event: Event) -> None:
        self.deliveries.fan_out(event, callback_url=record.webhook_url)
        if record.batch_id and self.batches.row_finished(record):
            self.finish_batch(record.batch_id)
        self.redis.zrem(self.key, record.id)

    # --- a batch finishes ---------------------------------------------------------------------------------
    def finish_batch(self, batch_id: str) -> None:
        """A batch's last row is done (its row count put it in the outbox): ``batch.completed`` is recorded and
        delivered (to hooks and the batch's ``webhook_url``), then the batch leaves the outbox. Safe to call
        twice."""
        batch = self.batches.load(batch_id)
        if batch is not None and batch.status == "completed":
            event, _ = self.events.record(batch.account_id, "batch.completed", batch.id, batch.template_id,
                                          batch.completed_at or batch.created_at, self.batches.api_object(batch))
            self.deliveries.fan_out(event, callback_url=batch.webhook_url)
        self.redis.zrem(self.key, batch_id)

    # --- the sweep ----------------------------------------------------------------------------------------
    def sweep(self, grace: float = GRACE) -> int:
        """Finish what finished more than ``grace`` seconds ago (on Redis's clock) but is still in the outbox: its
        process stopped before the fan-out was done. Returns how many were finished."""
        done = 0
        for object_id in self._due(keys=[self.key], args=[grace, PER_SWEEP]):
            try:
                if object_id.startswith("bat_"):
                    self.finish_batch(object_id)
                    done += 1
                    continue
                if object_id.startswith("gen_") and self.generations is not None:
                    self.generations.fan_out(object_id)   # connector.generations.store
                    done += 1
                    continue
                record = self.renders.load(object_id)
                if record is None or record.status not in TERMINAL or record.preview:
                    self.redis.zrem(self.key, object_id)
                    continue
                event, _ = self._record(self.event_of(record))   # recorded already, normally: that one
                self._deliver(record, event)
                done += 1
            except redis_errors.RedisError:
                raise
            except Exception:   # one bad entry must not hold up the others: it is tried again next sweep
                log.exception("outbox: finishing %s failed", object_id)
        return done

    def __contains__(self, object_id: str) -> bool:
        return self.redis.zscore(self.key, object_id) is not None
