"""Renders: the record, creating one (fields checked, cache consulted, credit charged, job queued), waiting on it."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from enum import StrEnum

from connector.runtime.clock import isoformat, new_id, parse_iso, utcnow
from connector.runtime.errors import NotFound, ValidationFailed
from connector.runtime.records import StoredRecord
from connector.templates.store import validate_template
from renderer import FieldError, Template, apply_fields
from renderer.encode import ALIASES, EXTENSIONS

DONE_TTL = 120          # seconds a completion signal waits for a waiter
WAIT_SLICE = 5          # seconds of one blocking read while waiting on a render
MAX_METADATA = 4096


class RenderStatus(StrEnum):
    QUEUED = "queued"
    RENDERING = "rendering"
    COMPLETED = "completed"
    FAILED = "failed"


TERMINAL = (RenderStatus.COMPLETED.value, RenderStatus.FAILED.value)


@dataclass
class RenderRecord(StoredRecord):
    """A render as stored. JSON-ish fields (fields, metadata, warnings, error, pages) are kept as JSON strings."""

    id: str
    account_id: str
    key_id: str
    mode: str
    status: str
    template_id: str | None
    template_version: int | None
    format: str
    quality: int | None = None
    scale: float = 1.0
    page: int | None = None
    fields: dict = field(default_factory=dict)
    metadata: dict | None = None
    inline_template: dict | None = None
    webhook_url: str | None = None
    batch_id: str | None = None
    cache_key: str = ""
    credits: int = 0
    width: int | None = None
    height: int | None = None
    size_bytes: int | None = None
    file_key: str | None = None
    page_keys: list = field(default_factory=list)
    cached: bool = False
    preview: bool = False
    warnings: list = field(default_factory=list)
    error: dict | None = None
    attempts: int = 0
    job_id: str | None = None
    created_at: str = ""
    started_at: str | None = None
    completed_at: str | None = None
    duration_ms: int | None = None

    _JSON = ("fields", "metadata", "inline_template", "page_keys", "warnings", "error")

    def to_api(self, url_of) -> dict:
        """The render object of SPEC section 4 (plus ``page_urls`` for multi-page image renders)."""
        return {
            "id": self.id, "status": self.status, "template_id": self.template_id,
            "template_version": self.template_version, "format": self.format, "width": self.width,
            "height": self.height, "size_bytes": self.size_bytes,
            "url": url_of(self.file_key) if self.file_key else None,
            "page_urls": [url_of(k) for k in self.page_keys],
            "cached": self.cached, "warnings": self.warnings, "metadata": self.metadata, "batch_id": self.batch_id,
            "error": self.error, "created_at": self.created_at, "completed_at": self.completed_at,
            "duration_ms": self.duration_ms, "mode": self.mode,
        }


@dataclass(frozen=True)
class RenderRequest:
    """What a client asked for, already shaped by the HTTP schema."""

    template_id: str | None = None
    template: dict | None = None
    template_version: int | None = None   # a saved version to render (a batch's rows: the batch's); None: latest
    fields: dict = field(default_factory=dict)
    format: str = "png"
    quality: int | None = None
    scale: float = 1.0
    page: int | None = None
    metadata: dict | None = None
    webhook_url: str | None = None
    batch_id: str | None = None
    preview: bool = False   # a template preview: free, not listed, no events
    anonymous: bool = False   # an unsigned public URL: may use only the public share of the account's credits


def _without_nulls(value):
    """A field value as it changes the output: ``null`` keeps the template's value, so it is as if not sent."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    return value


def cache_key(template_ref: str, fields: dict, fmt: str, quality, scale, page, test_mode: bool) -> str:
    """Everything that changes the output bytes, and nothing else."""
    canonical = json.dumps({"t": template_ref, "f": _without_nulls(fields), "o": [fmt, quality, scale, page,
                                                                                    test_mode]},
                           sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


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


class RenderStore:
    """Render hashes under ``<prefix>:render:<id>``, a per-account index, and the output cache."""

    def __init__(self, redis, prefix: str, cache_ttl: int, waiter=None):
        self.redis, self.p, self.cache_ttl = redis, prefix, cache_ttl
        self.waiter = waiter or redis   # blocking reads need a client whose socket timeout outlasts them
        self._transition = redis.register_script(_TRANSITION)

    def transition(self, render_id: str, from_states: tuple[str, ...], pipe=None, **changes):
        """``update`` only while the status is one of ``from_states`` (a compare-and-set: a worker starting a
        render and a cancel failing it cannot both win). Without ``pipe``, True when it changed."""
        flat = [x for k, v in changes.items() for x in (k, RenderRecord.encode(k, v))]
        done = self._transition(keys=[self.key(render_id)], args=[",".join(from_states), *flat], client=pipe)
        return None if pipe is not None else bool(done)

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

    def cached(self, account_id: str, key: str) -> dict | None:
        raw = self.redis.get(f"{self.p}:rcache:{account_id}:{key}")
        return json.loads(raw) if raw else None

    def cached_many(self, account_id: str, keys: list[str]) -> list[dict | None]:
        if not keys:
            return []
        return [json.loads(raw) if raw else None
                for raw in self.redis.mget([f"{self.p}:rcache:{account_id}:{key}" for key in keys])]

    def existing(self, render_ids: list[str]) -> dict[str, tuple[str, str]]:
        """{render id: (status, job id)} of those that exist, in one round trip."""
        pipe = self.redis.pipeline(transaction=False)
        for render_id in render_ids:
            pipe.hmget(self.key(render_id), "status", "job_id")
        return {rid: (status, job_id or "") for rid, (status, job_id) in zip(render_ids, pipe.execute(), strict=True)
                if status is not None}

    def remember(self, account_id: str, key: str, output: dict, pipe=None) -> None:
        (pipe or self.redis).set(f"{self.p}:rcache:{account_id}:{key}", json.dumps(output), ex=self.cache_ttl)

    def signal_done(self, render_id: str, pipe=None) -> None:
        target = pipe or self.redis.pipeline()
        target.rpush(self.done_key(render_id), "1")
        target.expire(self.done_key(render_id), DONE_TTL)
        if pipe is None:
            target.execute()

    def wait(self, render_id: str, timeout: float) -> None:
        """Block (no polling) until the worker signals the render finished, or ``timeout`` passes.

        In slices of WAIT_SLICE seconds, each shorter than the waiter's socket timeout: a Redis that hangs is
        noticed (a TimeoutError) within that, not after the whole wait."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0.01:   # BLPOP's timeout 0 would mean for ever
            if self.waiter.blpop([self.done_key(render_id)], timeout=min(left, WAIT_SLICE)):
                return


def resolve_template(templates, account_id: str, req: RenderRequest) -> tuple[Template, str | None, int | None]:
    """(template, template_id, version) for a request naming a stored template or carrying one inline."""
    if req.template is not None and req.template_id:
        raise ValidationFailed("Give either template_id or template, not both.", details={"field": "template"})
    if req.template is not None and req.template_version is not None:
        raise ValidationFailed("template_version picks a saved version of template_id; an inline template has "
                               "none.", details={"field": "template_version"})
    if req.template is not None:
        return validate_template(req.template), None, None
    if not req.template_id:
        raise ValidationFailed("template_id is required (or an inline template).", details={"field": "template_id"})
    if req.template_version is not None:   # a saved version of a live template of this account, else a 404
        record = templates.at_version(account_id, req.template_id, req.template_version)
    else:
        record = templates.get(account_id, req.template_id)
    return record.template, record.id, record.version


def check_request(template: Template, req: RenderRequest) -> int:
    """Validate fields and output against the template now (a 422 beats a failed job); returns pages to charge."""
    try:
        apply_fields(template, req.fields)
    except FieldError as exc:
        raise ValidationFailed(str(exc), details={"field": exc.field}) from None
    if req.metadata is not None and len(json.dumps(req.metadata)) > MAX_METADATA:
        raise ValidationFailed("metadata is larger than 4 KB; keep it to ids and short notes.",
                               details={"field": "metadata"})
    pages = len(template.pages)
    if req.page is not None and req.page > pages:
        raise ValidationFailed(f"page must be from 1 to {pages}: this template has {pages} page(s).",
                               details={"field": "page"})
    if req.format == "pdf":
        return 1 if req.page else pages
    return 1


def new_record(principal, req: RenderRequest, template_id, version, key: str, credits: int,
               render_id: str | None = None) -> RenderRecord:
    fmt = ALIASES.get(req.format, req.format)
    return RenderRecord(
        id=render_id or new_id("rnd"), account_id=principal.account.id, key_id=principal.key.id,
        mode=principal.key.mode,
        status=RenderStatus.QUEUED.value, template_id=template_id, template_version=version, format=fmt,
        quality=req.quality, scale=req.scale, page=req.page, fields=req.fields or {}, metadata=req.metadata,
        inline_template=req.template if template_id is None else None, webhook_url=req.webhook_url,
        batch_id=req.batch_id, cache_key=key, credits=credits, preview=req.preview, created_at=isoformat(utcnow()))


def extension(fmt: str) -> str:
    return EXTENSIONS[ALIASES.get(fmt, fmt)]
