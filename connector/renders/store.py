"""The render store: render hashes, each account's list of them, the output cache and the done signal a waiting
request blocks on. Only keys: creating and running renders live in ``creating`` and ``running``."""

from __future__ import annotations

import json
import time

from connector.renders.record import RenderRecord
from connector.runtime import scripts
from connector.runtime.clock import parse_iso
from connector.runtime.errors import NotFound, ValidationFailed

DONE_TTL = 120          # seconds a completion signal waits for a waiter
WAIT_SLICE = 5          # seconds of one blocking read while waiting on a render
# Left out of the done signal: the waiter has them already, and an inline template can be large.
_NOT_SIGNALLED = ("fields", "inline_template")

# Change a render's fields only while its status is one of ARGV[1] (comma-separated): 1 if it did, else 0.
_TRANSITION = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 0 end
local allowed = false
for from in string.gmatch(ARGV[1], '[^,]+') do
  if from == status then allowed = true end
end
if not allowed then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
return 1
"""

# A worker takes a render: only one still queued (or whose last worker died drawing it) starts, one more attempt
# counted. Returns {started (1/0), the record's fields after it}, or nil when there is no such render.
_START = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return nil end
local started = 0
if status == 'queued' or status == 'rendering' then
  redis.call('HINCRBY', KEYS[1], 'attempts', 1)
  redis.call('HSET', KEYS[1], 'status', 'rendering', 'started_at', ARGV[1])
  started = 1
end
return {started, redis.call('HGETALL', KEYS[1])}
"""


class RenderStore:
    """Render hashes under ``<prefix>:render:<id>``, a per-account index, and the output cache."""

    def __init__(self, redis, prefix: str, cache_ttl: int, waiter=None):
        self.redis, self.p, self.cache_ttl = redis, prefix, cache_ttl
        self.waiter = waiter or redis   # blocking reads need a client whose socket timeout outlasts them
        self._transition = scripts.register(redis, _TRANSITION)
        self._start = scripts.register(redis, _START)

    def transition(self, render_id: str, from_states: tuple[str, ...], pipe=None, **changes):
        """``update`` only while the status is one of ``from_states`` (a compare-and-set: a worker starting a
        render and a cancel failing it cannot both win). Without ``pipe``, True when it changed."""
        flat = [x for k, v in changes.items() for x in (k, RenderRecord.encode(k, v))]
        done = self._transition(keys=[self.key(render_id)], args=[",".join(from_states), *flat], client=pipe)
        return None if pipe is not None else bool(done)

    def start(self, render_id: str, started_at: str, pipe=None):
        """A worker takes the render (``_START``). Without ``pipe``: (started, the record after it), or
        (False, None) when it does not exist; with one, ``parse_start`` reads its answer."""
        answer = self._start(keys=[self.key(render_id)], args=[started_at], client=pipe)
        return None if pipe is not None else self.parse_start(answer)

    @staticmethod
    def parse_start(answer) -> tuple[bool, RenderRecord | None]:
        if not answer:
            return False, None
        started, flat = answer
        return bool(started), RenderRecord.from_redis(dict(zip(flat[::2], flat[1::2], strict=True)))

    def key(self, render_id: str) -> str:
        return f"{self.p}:render:{render_id}"

    def done_key(self, render_id: str) -> str:
        return f"{self.p}:render:{render_id}:done"

    def index_key(self, account_id: str) -> str:
        """Sorted set of the account's listed renders, by creation time."""
        return f"{self.p}:renders:{account_id}"

    def save(self, record: RenderRecord, pipe=None) -> None:
        target = pipe or self.redis.pipeline()
        target.hset(self.key(record.id), mapping=record.to_redis())
        target.expire(self.key(record.id), self.cache_ttl + 7 * 86400)
        if not record.preview:
            target.zadd(self.index_key(record.account_id),
                        {record.id: parse_iso(record.created_at).timestamp()})
        if pipe is None:
            target.execute()

    def forget(self, record: RenderRecord, pipe=None) -> None:
        """Undo ``save``: the record and its place in the account's list."""
        target = pipe or self.redis.pipeline()
        target.delete(self.key(record.id))
        target.zrem(self.index_key(record.account_id), record.id)
        if pipe is None:
            target.execute()

    def load(self, render_id: str) -> RenderRecord | None:
        raw = self.redis.hgetall(self.key(render_id))
        return RenderRecord.from_redis(raw) if raw else None

    def load_many(self, render_ids: list[str]) -> list[RenderRecord]:
        """The records that still exist, in the given order, in one round trip."""
        pipe = self.redis.pipeline(transaction=False)
        for render_id in render_ids:
            pipe.hgetall(self.key(render_id))
        return [RenderRecord.from_redis(raw) for raw in pipe.execute() if raw]

    def get(self, account_id: str, render_id: str) -> RenderRecord:
        record = self.load(render_id) if render_id.startswith("rnd_") else None
        if record is None or record.account_id != account_id:
            raise NotFound(f"There is no render {render_id}.")
        return record

    def update(self, render_id: str, pipe=None, **changes) -> None:
        (pipe or self.redis).hset(self.key(render_id),
                                  mapping={k: RenderRecord.encode(k, v) for k, v in changes.items()})

    def list(self, account_id: str, *, status=None, template_id=None, batch_id=None, since=None, limit=20,
             page=0) -> list[RenderRecord]:
        """Newest first; ``since`` (an ISO time or a render id) keeps only renders created after it."""
        floor = "-inf"
        if since:
            if since.startswith("rnd_"):
                anchor = self.redis.zscore(self.index_key(account_id), since)
                floor = f"({anchor}" if anchor is not None else "-inf"
            else:
                try:
                    floor = f"({parse_iso(since).timestamp()}"
                except ValueError:
                    raise ValidationFailed("since must be an ISO 8601 time (2026-11-21T10:00:00Z) or a render id.",
                                           details={"field": "since"}) from None
        wanted, skip, out, offset, chunk = limit, page * limit, [], 0, max(100, limit * 2)
        while len(out) < wanted:
            ids = self.redis.zrevrangebyscore(self.index_key(account_id), "+inf", floor, start=offset,
                                              num=chunk)
            if not ids:
                break
            offset += len(ids)
            for record in self.load_many(ids):
                if (status and record.status != status) or (template_id and record.template_id != template_id) \
                        or (batch_id and record.batch_id != batch_id):
                    continue
                if skip:
                    skip -= 1
                    continue
                out.append(record)
                if len(out) == wanted:
                    break
        return out

    def cache_entry(self, account_id: str, key: str) -> str:
        return f"{self.p}:rcache:{account_id}:{key}"

    def cached(self, account_id: str, key: str) -> dict | None:
        raw = self.cached_json(account_id, key)
        return json.loads(raw) if raw else None

    def cached_json(self, account_id: str, key: str) -> str | None:
        """The cache entry as stored (what ``plan`` hands on as its last item), None when there is none."""
        return self.redis.get(self.cache_entry(account_id, key))

    def cached_many(self, account_id: str, keys: list[str]) -> list[dict | None]:
        if not keys:
            return []
        return [json.loads(raw) if raw else None
                for raw in self.redis.mget([self.cache_entry(account_id, key) for key in keys])]

    def existing(self, render_ids: list[str]) -> dict[str, tuple[str, str]]:
        """{render id: (status, job id)} of those that exist, in one round trip."""
        pipe = self.redis.pipeline(transaction=False)
        for render_id in render_ids:
            pipe.hmget(self.key(render_id), "status", "job_id")
        return {rid: (status, job_id or "") for rid, (status, job_id) in zip(render_ids, pipe.execute(), strict=True)
                if status is not None}

    def remember(self, account_id: str, key: str, output: dict, pipe=None) -> None:
        (pipe or self.redis).set(self.cache_entry(account_id, key), json.dumps(output), ex=self.cache_ttl)

    def signal_done(self, record: RenderRecord, pipe=None) -> None:
        """Wake whoever waits on ``record``, handing them its finished state (so they need not read it again)."""
        answer = {k: v for k, v in record.to_redis().items() if k not in _NOT_SIGNALLED}
        target = pipe or self.redis.pipeline()
        target.rpush(self.done_key(record.id), json.dumps(answer, separators=(",", ":")))
        target.expire(self.done_key(record.id), DONE_TTL)
        if pipe is None:
            target.execute()

    def wait(self, record: RenderRecord, timeout: float) -> RenderRecord | None:
        """Block (no polling) until the worker signals the render finished, or ``timeout`` passes; the finished
        record (``record`` as the worker left it), or None when the time ran out.

        In slices of WAIT_SLICE seconds, each shorter than the waiter's socket timeout: a Redis that hangs is
        noticed (a TimeoutError) within that, not after the whole wait."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0.01:   # BLPOP's timeout 0 would mean for ever
            popped = self.waiter.blpop([self.done_key(record.id)], timeout=min(left, WAIT_SLICE))
            if popped:
                answer = json.loads(popped[1])
                if not isinstance(answer, dict):   # signalled by an older worker: no state in it
                    return self.load(record.id)
                # Every field but those not signalled, which the worker never changes: taken from ``record`` as
                # they are (encoding the record again to merge it with the answer cost ~3x the decoding, ~120 us).
                try:
                    done = RenderRecord.from_redis(answer)
                except TypeError:   # a field missing: signalled by another version of the worker
                    return RenderRecord.from_redis({**record.to_redis(), **answer})
                for name in _NOT_SIGNALLED:
                    setattr(done, name, getattr(record, name))
                return done
        return None
