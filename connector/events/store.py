"""Events: what happened (``render.*``, ``batch.completed``, ``generation.*``), kept for polling triggers
and handed to webhook delivery. Recording is idempotent: one object and one type make one event, ever."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from connector.runtime import scripts
from connector.runtime.clock import parse_iso
from connector.runtime.errors import NotFound, ValidationFailed

EVENT_TYPES = ("render.completed", "render.failed", "batch.completed", "generation.completed", "generation.failed")
KEEP_DAYS = 30


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    account_id: str
    object_id: str
    template_id: str | None
    occurred_at: str        # when it happened (a render's completed_at): what polling sorts by
    data: dict              # exactly the object the API returns for object_id, as it was then

    @property
    def mode(self) -> str:
        """The mode of the key whose render (or batch) this is: live and test events are kept apart."""
        return self.data.get("mode", "live")

    def to_json(self) -> str:
        """As stored. Shallow, unlike ``dataclasses.asdict``, whose deep copy of ``data`` cost more than the rest
        of recording the event."""
        return json.dumps({f.name: getattr(self, f.name) for f in fields(self)}, separators=(",", ":"))

    def payload(self) -> dict:
        """The webhook body: ``{"type", "timestamp", "data"}`` (SPEC section 8)."""
        return {"type": self.type, "timestamp": self.occurred_at, "data": self.data}


def event_id(object_id: str, type_: str) -> str:
    """Derived, not random: recording twice (a retried job, the outbox swept again) finds the same event."""
    suffix = {"render.completed": "c", "render.failed": "f", "batch.completed": "b", "generation.completed": "g",
              "generation.failed": "h"}[type_]
    return f"evt_{object_id.split('_', 1)[1]}{suffix}"


# An event is stored once (SET NX): then it joins its indexes, which forget events older than KEEP_DAYS.
# KEYS: the event, its indexes. ARGV: the event's JSON, KEEP_DAYS in seconds, its time, its id. 1 if created.
_RECORD = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then return 0 end
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[2]))
  redis.call('EXPIRE', KEYS[i], ARGV[2])
end
return 1
"""


class EventStore:
    """``<prefix>:event:<id>`` (JSON) and per account and type a sorted set by time, plus one per template."""

    def __init__(self, redis, prefix: str):
        self.redis, self.p = redis, prefix
        self._record = scripts.register(redis, _RECORD)

    def _index(self, account_id: str, type_: str, template_id: str | None = None, mode: str = "live") -> str:
        """Live and test events are kept apart: a test key polls (and its hooks hear) test renders only."""
        base = f"{self.p}:events:{account_id}:{type_}" + (":test" if mode == "test" else "")
        return f"{base}:tpl:{template_id}" if template_id else base

    def record(self, account_id: str, type_: str, object_id: str, template_id: str | None, occurred_at: str,
               data: dict, pipe=None) -> tuple[Event, bool | None]:
        """(the event, whether this call created it), in one round trip. With ``pipe`` it is queued on the caller's
        transaction (recorded together with what happened) and returns (the event as recorded now, None)."""
        event = Event(event_id(object_id, type_), type_, account_id, object_id, template_id, occurred_at, data)
        indexes = sorted({self._index(account_id, type_, None, event.mode),
                          self._index(account_id, type_, template_id, event.mode)})
        created = self._record(keys=[f"{self.p}:event:{event.id}", *indexes],
                               args=[event.to_json(), KEEP_DAYS * 86400,
                                     parse_iso(occurred_at).timestamp(), event.id], client=pipe)
        if pipe is not None:
            return event, None
        return (event, True) if created else (self.load(event.id), False)

    def load(self, event_id_: str) -> Event | None:
        raw = self.redis.get(f"{self.p}:event:{event_id_}")
        return Event(**json.loads(raw)) if raw else None

    def get(self, account_id: str, event_id_: str) -> Event:
        event = self.load(event_id_) if event_id_.startswith("evt_") else None
        if event is None or event.account_id != account_id:
            raise NotFound(f"There is no event {event_id_}.")
        return event

    def poll(self, account_id: str, type_: str, *, limit: int = 20, page: int = 0, since: str | None = None,
             template_id: str | None = None, mode: str = "live") -> list[dict]:
        """The events' ``data`` objects, newest first, ``limit`` a page; ``since`` is an ISO time, or an object or
        event id."""
        if type_ not in EVENT_TYPES:
            raise NotFound(f"There is no trigger {type_!r}; the triggers are {', '.join(EVENT_TYPES)}.")
        index = self._index(account_id, type_, template_id, mode)
        floor = "-inf"
        if since:
            floor = f"({self._since_score(account_id, type_, since, mode)}"
        ids = self.redis.zrevrangebyscore(index, "+inf", floor, start=page * limit, num=limit)
        raws = self.redis.mget([f"{self.p}:event:{i}" for i in ids]) if ids else []
        return [json.loads(raw)["data"] for raw in raws if raw]

    def _since_score(self, account_id: str, type_: str, since: str, mode: str = "live") -> float:
        if since.startswith(("evt_", "rnd_", "bat_", "gen_")):
            eid = since if since.startswith("evt_") else event_id(since, type_)
            score = self.redis.zscore(self._index(account_id, type_, None, mode), eid)
            if score is None:
                raise ValidationFailed(f"since: {since} is not an event of this trigger; give an ISO time or the id "
                                       "of an object this trigger returned.", details={"field": "since"})
            return score
        try:
            return parse_iso(since).timestamp()
        except ValueError:
            raise ValidationFailed("since must be an ISO 8601 time (2026-11-21T10:00:00Z) or an id.",
                                   details={"field": "since"}) from None
