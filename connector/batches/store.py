"""Batches (SPEC section 7): many rows, one render each, and ``batch.completed`` once every row is done.

A batch is made in one step (its rows stored, its first job queued) and answered at once; workers then turn the
rows into renders (``connector.batches.expanding``), a chunk at a time. Row *i*'s render id is derived from the batch
id and *i*, so a chunk made twice (its worker was killed) finds the renders it already made. A batch with rows still
to make is a watched job (``connector.jobs.watched``, kind ``batches``): should its chunk's worker die, the
reconciler queues the chunk again. This module holds the store, counting rows done and cancelling; the record is
in ``connector.batches.record``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import contextmanager, nullcontext

from redis.exceptions import LockError

from connector.accounts.store import Principal
from connector.batches.chunks import JOB_TIMEOUT, Chunks
from connector.batches.csvrows import MAX_COLUMNS, extra_columns
from connector.batches.record import BatchRecord, BatchStatus, row_render_id
from connector.renders import signing
from connector.renders.creating import check_metadata
from connector.runtime.clock import isoformat, new_id, parse_iso, utcnow
from connector.runtime.errors import Conflict, InsufficientCredits, NotFound, ValidationFailed

log = logging.getLogger(__name__)


# One row done: counted once (a render's event may be handled twice), and the batch completed by the last one,
# which enters the outbox (on Redis's clock, as the outbox's own entries) for its batch.completed.
# KEYS: the batch, its rows done, the outbox, the watched batches. ARGV: render id, field, completed_at, ttl, batch id.
_ROW_DONE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
local got = redis.call('HMGET', KEYS[1], 'completed', 'failed', 'total', 'status')
if tonumber(got[1]) + tonumber(got[2]) >= tonumber(got[3]) and got[4] ~= 'completed' then
  redis.call('HSET', KEYS[1], 'status', 'completed', 'completed_at', ARGV[3])
  local t = redis.call('TIME')
  redis.call('ZADD', KEYS[3], tonumber(t[1]) + tonumber(t[2]) / 1000000, ARGV[5])
  redis.call('ZREM', KEYS[4], ARGV[5])
  return 1
end
return 0
"""


# Mark a batch cancelled unless its last row finished first.
_CANCEL = """
if redis.call('HGET', KEYS[1], 'status') == 'completed' then return 0 end
redis.call('HSET', KEYS[1], 'cancelled_at', ARGV[1])
return 1
"""


class BatchStore:
    """``<prefix>:batch:<id>`` (a hash), its rows (a list of JSON), the set of rows done and a per-account index;
    batches with rows still to make are watched (``chunks``: ``connector.batches.chunks``).

    Collaborators: ``renders`` (the render store: its records and how long they live), ``credits`` and ``accounts``
    (a batch is promised credits; its links are signed with its account's secret), ``queue`` (the batches queue)
    running ``expand`` (``expand_batch``) and ``cancel_queue`` running ``cancel`` (``cancel_batch``), and the
    ``outbox_key`` a completed batch enters."""

    def __init__(self, redis, prefix: str, *, renders, credits, accounts, queue, cancel_queue, expand: Callable,
                 cancel: Callable, outbox_key: str, max_rows: int, public_url: str):
        self.redis, self.p = redis, prefix
        self.render_store, self.credits, self.accounts = renders, credits, accounts
        self.cancel_queue, self.cancel_job = cancel_queue, cancel
        self.outbox_key, self.max_rows, self.public_url = outbox_key, max_rows, public_url
        self.ttl = renders.cache_ttl + 7 * 86400   # as long as its renders' records
        self.chunks = Chunks(redis, prefix, queue=queue, job=expand, key_of=self.key, load=self.load)
        self._row_done = self.redis.register_script(_ROW_DONE)
        self._cancel = self.redis.register_script(_CANCEL)

    def key(self, batch_id: str) -> str:
        return f"{self.p}:batch:{batch_id}"

    def rows_key(self, batch_id: str) -> str:
        return f"{self.p}:batch:{batch_id}:rows"

    def _index(self, account_id: str) -> str:
        return f"{self.p}:batches:{account_id}"

    # --- creating -----------------------------------------------------------------------------------------
    def create(self, principal: Principal, template, rows: list[dict], *, fmt: str = "png",
               quality: int | None = None, scale: float = 1.0, webhook_url: str | None = None,
               metadata: dict | None = None, source: str = "json", columns: list | None = None,
               mapping: dict | None = None, delimiter: str = ",", brand_id: str | None = None) -> BatchRecord:
        """Store the batch and its rows (``{"f": fields}`` or a CSV's ``{"c": cells}``, with ``"e": reason`` for a
        row that can only fail) and queue its first chunk. ``template`` is the caller's TemplateRecord (it has read
        it already, to match a CSV's columns)."""
        check_metadata(metadata)
        account = principal.account
        if not rows:
            raise ValidationFailed("rows is empty: a batch needs at least one row.", details={"field": "rows"})
        limit = self.max_rows
        if len(rows) > limit:
            raise ValidationFailed(f"rows: {len(rows):,} rows is more than the {limit:,} one batch takes; split them "
                                   "into several batches.", details={"field": "rows"})
        per_row = 0 if principal.key.mode == "test" else (len(template.template.pages) if fmt == "pdf" else 1)
        if columns is None:   # JSON rows: every key, in the order first seen
            columns = list(dict.fromkeys(k for row in rows for k in row.get("f", ())))
            if len(columns) > MAX_COLUMNS:
                raise ValidationFailed(f"rows: together the rows name {len(columns):,} different fields; a batch "
                                       f"takes at most {MAX_COLUMNS}.", details={"field": "rows"})
        mapping = mapping or {}
        record = BatchRecord(
            id=new_id("bat"), account_id=account.id, key_id=principal.key.id, mode=principal.key.mode,
            status=BatchStatus.QUEUED.value, template_id=template.id, template_version=template.version,
            format=fmt, quality=quality, scale=scale, webhook_url=webhook_url, metadata=metadata, source=source,
            columns=columns, extra_columns=extra_columns(columns, rows), mapping=mapping, delimiter=delimiter,
            total=len(rows), row_credits=per_row, brand_id=brand_id,
            created_at=isoformat(utcnow()))
        record.job_id = self.chunks.watched.job_id(record.id)
        # Checking the credits and storing the batch happen under one lock per account, so two batches sent at
        # the same moment cannot both be promised the same credits.
        with self._accept_lock(account.id) if per_row else nullcontext():
            if per_row:
                self._check_credits(account, len(rows) * per_row)
            self._store(record, rows)
        try:
            self.chunks.enqueue(record.id, record.job_id)
        except Exception:   # stored, accepted and watched: the reconciler queues it once its deadline passes
            log.exception("batch %s: queueing its first chunk failed; the reconciler will", record.id)
        return record

    @contextmanager
    def _accept_lock(self, account_id: str):
        lock = self.redis.lock(f"{self.p}:batch-accept:{account_id}", timeout=30, blocking_timeout=20)
        if not lock.acquire():
            raise Conflict("Another batch of this account is being accepted right now; send this one again in a "
                           "few seconds.")
        try:
            yield
        finally:
            try:
                lock.release()
            except LockError:   # held past its 30 s timeout: already gone
                pass

    def _check_credits(self, account, needed: int) -> None:
        usage = self.credits.usage(account)
        promised = self.promised_credits(account.id)
        if max(0, usage.remaining - promised) < needed:
            others = f", {promised:,} of them promised to rows of your batches still running" if promised else ""
            raise InsufficientCredits(
                f"This batch needs up to {needed:,} credits and {usage.remaining:,} of this month's "
                f"{usage.limit:,} remain{others} (rows served from the cache cost nothing). Send fewer rows, or "
                f"wait until {usage.period_end[:10]}.",
                details={"needed": needed, "remaining": usage.remaining, "promised": promised,
                         "period_end": usage.period_end})

    def _store(self, record: BatchRecord, rows: list[dict]) -> None:
        pipe = self.redis.pipeline()
        pipe.hset(self.key(record.id), mapping=record.to_redis())
        pipe.expire(self.key(record.id), self.ttl)
        for start in range(0, len(rows), 1000):
            pipe.rpush(self.rows_key(record.id), *(json.dumps(r, separators=(",", ":"), ensure_ascii=False)
                                                   for r in rows[start:start + 1000]))
        pipe.expire(self.rows_key(record.id), self.ttl)
        created = parse_iso(record.created_at).timestamp()
        pipe.zadd(self._index(record.account_id), {record.id: created})
        pipe.zremrangebyscore(self._index(record.account_id), "-inf", created - self.ttl)
        pipe.expire(self._index(record.account_id), self.ttl)
        self.chunks.watched.watch(record.id, pipe)
        pipe.execute()

    # --- reading ------------------------------------------------------------------------------------------
    def links(self, batch: BatchRecord, secret: str | None = None) -> dict:
        """Absolute download links that need no key (signed with the account's secret; they do not expire, and
        the archive answers 409 until the batch is completed): for a zap's "email me the images" step."""
        secret = secret or self.accounts.get_account(batch.account_id).signing_secret
        base = self.public_url.rstrip("/")
        out = {}
        for name, kind in (("results_url", "results.csv"), ("archive_url", "archive.zip")):
            path = f"/batches/{batch.id}/{kind}"
            out[name] = f"{base}{path}?{signing.SIGNATURE_PARAM}={signing.sign(secret, path, [])}"
        return out

    def api_object(self, batch: BatchRecord, secret: str | None = None) -> dict:
        """``to_api`` with the links; give the account's ``secret`` when at hand (a request has it) to spare a
        read per batch."""
        return batch.to_api(self.links(batch, secret))

    def promised_credits(self, account_id: str, scan: int = 200) -> int:
        """Credits the rows not yet made into renders of this account's running batches may still draw (its
        newest ``scan`` batches: a batch runs for minutes, not days). Counted when a batch is made, so that two
        big batches sent one after the other cannot both be promised the same credits."""
        ids = self.redis.zrevrange(self._index(account_id), 0, scan - 1)
        pipe = self.redis.pipeline(transaction=False)
        for batch_id in ids:
            pipe.hmget(self.key(batch_id), "status", "total", "expanded", "row_credits", "cancelled_at")
        promised = 0
        for status, total, expanded, row_credits, cancelled in pipe.execute():
            if status and status != BatchStatus.COMPLETED.value and not cancelled:
                promised += max(0, int(total or 0) - int(expanded or 0)) * int(row_credits or 1)
        return promised

    def cancelled(self, batch_id: str) -> bool:
        return bool(self.redis.hget(self.key(batch_id), "cancelled_at"))

    def load(self, batch_id: str) -> BatchRecord | None:
        raw = self.redis.hgetall(self.key(batch_id))
        return BatchRecord.from_redis(raw) if raw else None

    def get(self, account_id: str, batch_id: str) -> BatchRecord:
        record = self.load(batch_id) if batch_id.startswith("bat_") else None
        if record is None or record.account_id != account_id:
            raise NotFound(f"There is no batch {batch_id}.")
        return record

    def list(self, account_id: str, limit: int = 20, page: int = 0) -> list[BatchRecord]:
        ids = self.redis.zrevrange(self._index(account_id), page * limit, (page + 1) * limit - 1)
        return [r for r in map(self.load, ids) if r is not None]

    def renders_page(self, batch: BatchRecord, status: str | None, skip: int, count: int,
                            newest: bool = False):
        """Page through a batch's renders (of one status, or all), in row order or newest (last row) first."""
        if status is None and not newest:
            return self.renders(batch, skip, count)
        out, total = [], batch.total   # rows not made into renders yet are simply not found
        starts = range(0, total, 500) if not newest else range(total - 500, -500, -500)
        for start in starts:
            first, stop = max(start, 0), min(start + 500, total)
            found = self.renders(batch, first, stop - first)
            for record in reversed(found) if newest else found:
                if status is None or record.status == status:
                    if skip:
                        skip -= 1
                    elif len(out) < count:
                        out.append(record)
            if len(out) >= count:
                break
        return out

    def rows(self, batch_id: str, start: int, count: int) -> list[dict]:
        return [json.loads(r) for r in self.redis.lrange(self.rows_key(batch_id), start, start + count - 1)]

    def renders(self, batch: BatchRecord, start: int, count: int):
        """The renders of rows ``start``… in row order (rows not made into renders yet are left out)."""
        stop = min(batch.total, start + count)
        return self.render_store.load_many([row_render_id(batch.id, i) for i in range(start, stop)])

    # --- counting rows done ----------------------------------------------------------------------------------
    def row_finished(self, record) -> bool:
        """Count a batch row's render as done (once); True when it was the batch's last row."""
        field = "completed" if record.status == "completed" else "failed"
        return bool(self._row_done(
            keys=[self.key(record.batch_id), f"{self.key(record.batch_id)}:done", self.outbox_key,
                  self.chunks.watched.key],
            args=[record.id, field, record.completed_at or isoformat(utcnow()), self.ttl, record.batch_id]))

    # --- cancelling -----------------------------------------------------------------------------------------
    def cancel(self, account_id: str, batch_id: str) -> BatchRecord:
        """Stop a batch: rows not rendered yet fail as cancelled (their credit comes back); rows being drawn at
        this moment finish. Cancelling again changes nothing; a completed batch is a 409."""
        batch = self.get(account_id, batch_id)
        if not batch.cancelled_at and batch.status != BatchStatus.COMPLETED.value:
            batch.cancelled_at = isoformat(utcnow())
            if self._cancel(keys=[self.key(batch_id)], args=[batch.cancelled_at]):
                # on the renders queue: ahead of the batch's own rows, which it turns into cancelled failures
                self.cancel_queue.enqueue(self.cancel_job, batch_id, job_timeout=JOB_TIMEOUT, result_ttl=0,
                                          failure_ttl=7 * 86400, description=f"cancel {batch_id}")
                return batch
            batch.status = BatchStatus.COMPLETED.value   # its last row finished meanwhile
        if batch.status == BatchStatus.COMPLETED.value:
            raise Conflict(f"Batch {batch_id} is already completed; there is nothing left to cancel.",
                           details={"status": batch.status})
        return batch
