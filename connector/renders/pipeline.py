"""The render pipeline: ``create_render`` (web side) and ``run_render`` (worker side); nothing is ever lost."""

from __future__ import annotations

import hashlib
import json
import logging
import time

from rq import Queue, Retry

from connector.jobs import queues
from connector.renders.store import (
    TERMINAL,
    RenderRecord,
    RenderRequest,
    RenderStatus,
    cache_key,
    check_request,
    extension,
    new_record,
    resolve_template,
)
from connector.runtime.clock import isoformat, utcnow
from connector.runtime.errors import InsufficientCredits, PlatenError
from connector.runtime.outage import REDIS_DOWN
from connector.storage import new_key
from renderer import RendererError, canonical_fields, render

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
GRACE = 10   # seconds past the job timeout before the reconciler calls a started job abandoned
JOB = "connector.jobs.functions.render_image"
INTERNAL_FAILURE = "The render failed on our side after several attempts; it has been logged. Try again."


def plan(conn, principal, req: RenderRequest, resolved=None):
    """(template, template_id, version, pages to charge, cache key): everything known before rendering.
    ``resolved`` is ``resolve_template``'s answer when the caller has it already (a batch, for every row)."""
    template, template_id, version = resolved or resolve_template(conn.templates, principal.account.id, req)
    pages = check_request(template, req)
    if template_id:
        ref = f"{template_id}@{version}"
    else:
        canonical = json.dumps(req.template, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        ref = "inline:" + hashlib.sha256(canonical.encode()).hexdigest()
    # The account's font generation is part of the key: an uploaded font must show in the very next render.
    # So is its asset generation: after an asset is deleted, a render using it shows the layer's on_error.
    account_id = principal.account.id
    fonts, assets = conn.redis.mget(conn.fonts.generation_key(account_id), conn.assets.generation_key(account_id))
    ref = f"{ref}|fonts:{fonts or '0'}|assets:{assets or '0'}"
    # Keys as the template spells them: "Title" and "title" are the same render, so one cache entry.
    key = cache_key(ref, canonical_fields(template, req.fields or {}), extension(req.format), req.quality,
                    req.scale, req.page, principal.key.mode == "test")
    return template, template_id, version, pages, key


def create_render(conn, principal, req: RenderRequest, planned=None) -> RenderRecord:
    """Check, then answer from the cache (free) or charge and queue. Returns the stored record.

    ``planned`` is ``plan()``'s answer when the caller already needed it (a public URL's ETag)."""
    account_id = principal.account.id
    _, template_id, version, pages, key = planned or plan(conn, principal, req)
    hit = conn.render_store.cached(account_id, key)
    free = principal.key.mode == "test" or req.preview
    record = new_record(principal, req, template_id, version, key, 0 if free else pages)
    if hit is not None:
        _finish_cached(conn, [_as_cached(record, hit)])
        return record
    # Stored first, with its reconciler deadline: from here on the render is accepted and cannot be lost. Should
    # Redis fail before it is charged or queued, the reconciler queues it and its worker charges it.
    pipe = conn.redis.pipeline()
    conn.render_store.save(record, pipe)
    pipe.zadd(conn.pending_key, {record.id: time.time() + conn.settings.render_job_timeout + GRACE})
    pipe.execute()
    try:
        if record.credits:
            try:
                conn.credits.charge(principal.account, record.credits, record.id, public_share=(
                    conn.settings.public_credit_share if req.anonymous else None))
            except InsufficientCredits:
                _forget(conn, record)
                raise
        enqueue(conn, record.id)
    except REDIS_DOWN as exc:   # (any other error too leaves it pending, for the reconciler to queue)
        log.warning("render %s accepted, but Redis failed before it was queued (%s); the reconciler will queue it",
                    record.id, exc)
    return record


def _forget(conn, record: RenderRecord) -> None:
    """Undo the storing of a render refused for want of credit: it was never accepted."""
    pipe = conn.redis.pipeline()
    conn.render_store.forget(record, pipe)
    pipe.zrem(conn.pending_key, record.id)
    pipe.execute()


def create_many(conn, principal, items: list[tuple[str, RenderRequest]], resolved,
                queue_name: str = queues.BATCHES) -> list[tuple[str, RenderRequest, PlatenError]]:
    """``create_render`` for many requests of one template at once (a batch's chunk), with their own render ids,
    in a handful of round trips instead of a dozen per render. Returns the requests that could not be made
    (a bad field value, no credit left): the caller records them as failed renders."""
    failures, planned = [], []
    for render_id, req in items:
        try:
            planned.append((render_id, req, plan(conn, principal, req, resolved)))
        except PlatenError as exc:
            failures.append((render_id, req, exc))
    free = principal.key.mode == "test"
    hits = conn.render_store.cached_many(principal.account.id, [p[2][4] for p in planned])
    cached, fresh = [], []
    for (render_id, req, (_, template_id, version, pages, key)), hit in zip(planned, hits, strict=True):
        record = new_record(principal, req, template_id, version, key, 0 if free else pages, render_id)
        if hit is not None:
            cached.append(_as_cached(record, hit))
        else:
            fresh.append((req, record))
    paying = [(record.id, record.credits) for _, record in fresh if record.credits]
    refused = {charge_id: outcome for (charge_id, _), outcome in
               zip(paying, conn.credits.charge_many(principal.account, paying), strict=True)
               if isinstance(outcome, PlatenError)}
    failures += [(record.id, req, refused[record.id]) for req, record in fresh if record.id in refused]
    fresh = [record for _, record in fresh if record.id not in refused]
    pipe = conn.redis.pipeline()
    for record in fresh:
        conn.render_store.save(record, pipe)
    pipe.execute()
    enqueue_many(conn, [record.id for record in fresh], queue_name)
    _finish_cached(conn, cached)
    # A chunk made again after its worker died: a row charged the first time may now be a cache hit or a
    # failure, and must not stay paid for (refunding what was never charged does nothing).
    conn.credits.refund_many([record.id for record in cached] + [render_id for render_id, _, _ in failures])
    return failures


def _as_cached(record: RenderRecord, hit: dict) -> RenderRecord:
    """A new render answered by an earlier one's output: completed at once, free."""
    now = isoformat(utcnow())
    record.status, record.cached, record.started_at, record.completed_at = RenderStatus.COMPLETED.value, True, now, \
        now
    record.credits, record.duration_ms = 0, 0
    for name in ("width", "height", "size_bytes", "file_key", "page_keys", "warnings"):
        setattr(record, name, hit[name])
    return record


def _finish_cached(conn, records: list[RenderRecord]) -> None:
    if not records:
        return
    pipe = conn.redis.pipeline()
    for record in records:
        conn.render_store.save(record, pipe)
        if not record.preview:
            pipe.zadd(conn.outbox_key, {record.id: time.time()})
    pipe.execute()
    for record in records:
        if not record.preview:
            conn.on_render_finished(record)


def render_and_wait(conn, principal, req: RenderRequest, timeout: float, planned=None) -> RenderRecord:
    """Create the render, then block (no polling) up to ``timeout`` seconds for it to finish; the latest record."""
    record = create_render(conn, principal, req, planned)
    if record.status not in TERMINAL and timeout > 0:
        try:
            conn.render_store.wait(record.id, timeout)
            record = conn.render_store.load(record.id) or record
        except REDIS_DOWN as exc:
            # Accepted and stored: it will finish once Redis is back. The client gets its id (a 202), not a 503
            # that would make it send the render again.
            log.warning("render %s: Redis failed while waiting for it (%s); answering with it unfinished",
                        record.id, exc)
    return record


def enqueue(conn, render_id: str, queue_name: str = queues.RENDERS) -> None:
    """Queue (or re-queue) the job of a render; the pending index lets the reconciler find it if a worker dies.
    Batch rows go to their own queue, which workers take from only when no single render waits."""
    enqueue_many(conn, [render_id], queue_name)


def enqueue_many(conn, render_ids: list[str], queue_name: str = queues.RENDERS) -> None:
    """``enqueue`` for many renders: two round trips in all."""
    if not render_ids:
        return
    now = time.time()
    job_ids = [f"render-{render_id}-{int(now * 1000)}" for render_id in render_ids]
    pipe = conn.redis.pipeline()
    for render_id, job_id in zip(render_ids, job_ids, strict=True):
        conn.render_store.update(render_id, pipe, job_id=job_id)
    pipe.zadd(conn.pending_key, dict.fromkeys(render_ids, now + conn.settings.render_job_timeout + GRACE))
    pipe.execute()
    # result_ttl=0: the render record is the result; RQ keeping its own copy only costs Redis round trips.
    conn.queue(queue_name).enqueue_many([
        Queue.prepare_data(JOB, [render_id], job_id=job_id, timeout=conn.settings.render_job_timeout,
                           retry=Retry(max=2, interval=[2, 10]), result_ttl=0, failure_ttl=7 * 86400,
                           description=f"render {render_id}")
        for render_id, job_id in zip(render_ids, job_ids, strict=True)])


def run_render(conn, render_id: str, *, last_try: bool = True) -> None:
    """The worker's part. Safe to run twice: a finished render is left alone."""
    store = conn.render_store
    record = store.load(render_id)
    if record is None:
        return
    if record.status in TERMINAL:
        # Finished by an earlier run that Redis cut off before it could say so: whoever waits is told now.
        store.signal_done(render_id)
        return
    started = time.perf_counter()
    pipe = conn.redis.pipeline()
    # Only a render still waiting (or whose last worker died drawing it) starts: one failed meanwhile (a batch
    # cancelled) stays failed.
    store.transition(render_id, (RenderStatus.QUEUED.value, RenderStatus.RENDERING.value), pipe,
                     status=RenderStatus.RENDERING.value, started_at=isoformat(utcnow()),
                     attempts=(record.attempts or 0) + 1)
    # Running now: however long it waited in its queue, the reconciler's deadline counts from here.
    pipe.zadd(conn.pending_key, {render_id: time.time() + conn.settings.render_job_timeout + GRACE}, xx=True)
    if not pipe.execute()[0]:
        return
    if record.credits:   # accepted while Redis failed mid-request, it may not be charged yet (a no-op if it is)
        conn.credits.ensure_charged(record.account_id, record.credits, render_id)
    try:
        template = record.inline_template if record.inline_template is not None else \
            conn.templates.version(record.template_id, record.template_version)
        result = render(template, record.fields, format=record.format, quality=record.quality, scale=record.scale,
                        page=record.page, load_image=conn.image_loader(record.account_id),
                        cache=conn.render_cache,
                        png_compression=conn.settings.png_compression, fonts=conn.fonts_for(record.account_id),
                        watermark="TEST" if record.mode == "test" else None)
    except RendererError as exc:
        fail(conn, record, exc.code, exc.message)
        return
    except REDIS_DOWN:
        raise   # not the render's fault: the worker waits for Redis and runs this job again
    except Exception as exc:   # a bug or an outage: let RQ retry, and fail with a reason on the last try
        log.exception("render %s failed unexpectedly", render_id)
        if not last_try:
            store.update(render_id, status=RenderStatus.QUEUED.value)
            raise
        fail(conn, record, "render_failed", INTERNAL_FAILURE if not str(exc) else f"{INTERNAL_FAILURE[:-10]}: {exc}")
        return
    ext = extension(record.format)
    keys = []
    for number, data in enumerate(result.pages if record.format != "pdf" else [result.data], start=1):
        name = render_id if number == 1 else f"{render_id}-p{number}"
        keys.append(conn.files.put(new_key(name, ext), data, result.media_type).key)
    output = {"width": result.width, "height": result.height, "size_bytes": len(result.data), "file_key": keys[0],
              "page_keys": keys if len(keys) > 1 else [], "warnings": result.warnings}
    # One transaction: the record, the cache entry, the pending index and the outbox change together (one round
    # trip, not five); a crash after it leaves the render in the outbox, which the reconciler finishes.
    pipe = conn.redis.pipeline()
    store.update(render_id, pipe, status=RenderStatus.COMPLETED.value, completed_at=isoformat(utcnow()),
                 duration_ms=round((time.perf_counter() - started) * 1000), **output)
    store.remember(record.account_id, record.cache_key, output, pipe)
    pipe.zrem(conn.pending_key, render_id)
    if not record.preview:
        pipe.zadd(conn.outbox_key, {render_id: time.time()})
    pipe.execute()
    if not record.preview:
        conn.on_render_finished(store.load(render_id))
    # Only now wake the waiter: whoever got the answer can poll the trigger and find the event.
    store.signal_done(render_id)


def create_failed(conn, principal, req: RenderRequest, render_id: str, code: str, message: str,
                  template_id: str | None = None, version: int | None = None) -> RenderRecord:
    """A render that failed before it could be queued (a batch row with a bad value): recorded, and its event
    fired, like any failed render; it costs nothing."""
    record = new_record(principal, req, template_id, version, "", 0, render_id)
    record.status, record.completed_at = RenderStatus.FAILED.value, isoformat(utcnow())
    record.error = {"error": code, "message": message}
    pipe = conn.redis.pipeline()
    conn.render_store.save(record, pipe)
    pipe.zadd(conn.outbox_key, {record.id: time.time()})
    pipe.execute()
    conn.on_render_finished(record)
    return record


def fail_if_queued(conn, record: RenderRecord, code: str, message: str) -> bool:
    """``fail`` a render that has not started, atomically (a worker may be taking it this very moment); False
    when it had started or finished, which then goes its own way."""
    if not conn.render_store.transition(record.id, (RenderStatus.QUEUED.value,), status=RenderStatus.FAILED.value,
                                        completed_at=isoformat(utcnow()), error={"error": code, "message": message}):
        return False
    fail(conn, record, code, message)
    return True


def fail(conn, record: RenderRecord, code: str, message: str) -> None:
    """A render that cannot succeed: say why, give the credit back, tell whoever waits."""
    if record.credits:
        conn.credits.refund(record.id)
    pipe = conn.redis.pipeline()
    conn.render_store.update(record.id, pipe, status=RenderStatus.FAILED.value, completed_at=isoformat(utcnow()),
                             error={"error": code, "message": message})
    pipe.zrem(conn.pending_key, record.id)
    if not record.preview:
        pipe.zadd(conn.outbox_key, {record.id: time.time()})
    pipe.execute()
    if not record.preview:
        conn.on_render_finished(conn.render_store.load(record.id))
    conn.render_store.signal_done(record.id)
