"""Creating renders (the web side): check the request, answer from the cache, or store, charge and queue it, and
wait for it. Nothing accepted is ever lost: a render is stored and watched before it is charged or queued."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import timedelta

from rq import Queue

from connector.jobs import queues
from connector.renders.record import (
    TERMINAL,
    RenderRecord,
    RenderRequest,
    RenderStatus,
    cache_key,
    extension,
    new_record,
)
from connector.runtime.clock import isoformat, utcnow
from connector.runtime.errors import InsufficientCredits, PlatenError, ValidationFailed
from connector.runtime.outage import REDIS_DOWN
from connector.templates.store import validate_template
from renderer import FieldError, Template, apply_fields, canonical_fields

log = logging.getLogger(__name__)

MAX_METADATA = 4096


def resolve_template(templates, account_id: str, req: RenderRequest, also=()) -> tuple:
    """(template, template_id, version, the values of the keys ``also``) for a request naming a stored template or
    carrying one inline; the keys are read in the same round trip as the template."""
    if req.template is not None and req.template_id:
        raise ValidationFailed("Give either template_id or template, not both.", details={"field": "template"})
    if req.template is not None and req.template_version is not None:
        raise ValidationFailed("template_version picks a saved version of template_id; an inline template has "
                               "none.", details={"field": "template_version"})
    if req.template is not None:
        return validate_template(req.template), None, None, templates.redis.mget(also) if also else []
    if not req.template_id:
        raise ValidationFailed("template_id is required (or an inline template).", details={"field": "template_id"})
    if req.template_version is not None:   # a saved version of a live template of this account, else a 404
        record = templates.at_version(account_id, req.template_id, req.template_version)
        values = templates.redis.mget(also) if also else []
    else:
        record, values = templates.get_with(account_id, req.template_id, also)
    return record.template, record.id, record.version, values


def check_metadata(metadata: dict | None) -> None:
    """A render's or a batch's ``metadata``: echoed back on it and its events, so kept small (a 422 past 4 KB)."""
    if metadata is not None and len(json.dumps(metadata)) > MAX_METADATA:
        raise ValidationFailed("metadata is larger than 4 KB; keep it to ids and short notes.",
                               details={"field": "metadata"})


def check_request(template: Template, req: RenderRequest, fields=None) -> int:
    """Validate fields and output against the template now (a 422 beats a failed job); returns pages to charge.
    ``fields``: ``req.fields`` already spelled as the template spells them, when the caller has them."""
    try:
        apply_fields(template, req.fields if fields is None else fields)
    except FieldError as exc:
        raise ValidationFailed(str(exc), details={"field": exc.field}) from None
    check_metadata(req.metadata)
    pages = len(template.pages)
    if req.page is not None and req.page > pages:
        raise ValidationFailed(f"page must be from 1 to {pages}: this template has {pages} page(s).",
                               details={"field": "page"})
    if req.format == "pdf":
        return 1 if req.page else pages
    return 1


# Per process, what the last plan of each (prefix, account, template) read: (version, template, font and asset
# generations). The next plan guesses they are unchanged and reads the cache entry that guess names in the same
# round trip as the template; the guess is used only when the key it names is the one planned.
_seen: dict[tuple, tuple] = {}
_SEEN_MAX = 4096
UNKNOWN = object()   # plan's last item when it did not read the cache entry


def plan(conn, principal, req: RenderRequest, resolved=None):
    """(template, template_id, version, pages to charge, cache key, cache entry): everything known before rendering,
    in one round trip. The cache entry is the key's (JSON, None when absent) when the guess above read it, else
    UNKNOWN. ``resolved`` is ``resolve_template``'s answer when the caller has it already (a batch's rows)."""
    account_id = principal.account.id
    # The account's font generation is part of the key: an uploaded font must show in the very next render.
    # So is its asset generation: after an asset is deleted, a render using it shows the layer's on_error.
    generations = (conn.fonts.generation_key(account_id), conn.assets.generation_key(account_id))
    seen_as = (conn.settings.redis_prefix, account_id, req.template_id)
    guess = None
    if resolved is None and req.template_id and req.template is None and req.template_version is None \
            and (seen := _seen.get(seen_as)) is not None:
        try:
            guess = _key(principal, req, _canonical(seen[1], req), req.template_id, seen[0], *seen[2:], seen[1].brand)
        except (FieldError, ValidationFailed):
            guess = None
    brand_keys = () if resolved else conn.brands.prefetch(account_id, req.brand_id, seen[1] if guess else None)
    also = (*generations, *brand_keys, *([conn.render_store.cache_entry(account_id, guess)] if guess else []))
    template, template_id, version, (fonts, assets, *peeked) = resolved or resolve_template(
        conn.templates, account_id, req, also)
    prefetched, peeked = peeked[:len(brand_keys)], peeked[len(brand_keys):]
    template = template if resolved else conn.brands.branded(account_id, template, req.brand_id, prefetched, req.fields)
    fields = _canonical(template, req)
    pages = check_request(template, req, fields)
    key = _key(principal, req, fields, template_id, version, fonts, assets, template.brand)
    if template_id and resolved is None and req.template_version is None:
        if len(_seen) >= _SEEN_MAX:
            _seen.clear()
        _seen[seen_as] = (version, template, fonts, assets)
    return template, template_id, version, pages, key, peeked[0] if peeked and key == guess else UNKNOWN


def _canonical(template: Template, req: RenderRequest):
    """``req.fields`` with keys as the template spells them ("Title" and "title" are one render, one cache
    entry); anything but an object is left for ``check_request`` to refuse."""
    if not isinstance(req.fields, dict) or not req.fields:
        return req.fields if not isinstance(req.fields, dict) else {}
    try:
        return canonical_fields(template, req.fields)
    except FieldError as exc:
        raise ValidationFailed(str(exc), details={"field": exc.field}) from None


def _key(principal, req: RenderRequest, fields, template_id, version, fonts, assets, brand=None) -> str:
    if template_id:
        ref = f"{template_id}@{version}"
    else:
        canonical = json.dumps(req.template, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        ref = "inline:" + hashlib.sha256(canonical.encode()).hexdigest()
    ref = f"{ref}|fonts:{fonts or '0'}|assets:{assets or '0'}" + (f"|brand:{brand['ref']}" if brand else "")
    return cache_key(ref, fields if isinstance(fields, dict) else {}, extension(req.format), req.quality, req.scale,
                     req.page, principal.key.mode == "test")


def create_render(conn, principal, req: RenderRequest, planned=None) -> RenderRecord:
    """Check, then answer from the cache (free) or charge and queue. Returns the stored record.

    ``planned`` is ``plan()``'s answer when the caller already needed it (a public URL's ETag). A fresh render
    costs two round trips after the cache lookup: stored, watched and charged in one transaction (a refused charge
    undoes it), then queued. Should Redis fail before it is queued, the reconciler queues it."""
    account_id = principal.account.id
    template, template_id, version, pages, key, entry = planned or plan(conn, principal, req)
    hit = conn.render_store.cached(account_id, key) if entry is UNKNOWN else json.loads(entry) if entry else None
    free = principal.key.mode == "test" or req.preview
    record = new_record(principal, req, template_id, version, key, 0 if free else pages, brand=template.brand)
    if hit is not None:
        finish_cached(conn, [as_cached(record, hit)])
        return record
    record.job_id = conn.render_jobs.job_id(record.id)
    pipe = conn.redis.pipeline()
    conn.render_store.save(record, pipe)
    conn.render_jobs.watch(record.id, pipe)
    charged = conn.credits.charge(principal.account, record.credits, record.id, pipe=pipe, public_share=(
        conn.settings.public_credit_share if req.anonymous else None)) if record.credits else None
    answers = pipe.execute()
    if charged is not None:
        try:
            charged(answers[-1])
        except InsufficientCredits:
            _forget(conn, record)
            raise
    try:
        queue_jobs(conn, [(record.id, record.job_id, record.account_id)])
    except REDIS_DOWN as exc:   # stored and watched: the reconciler finds its job missing and queues it
        log.warning("render %s accepted, but Redis failed before it was queued (%s); the reconciler will queue it",
                    record.id, exc)
    return record


def _forget(conn, record: RenderRecord) -> None:
    """Undo the storing of a render refused for want of credit: it was never accepted."""
    pipe = conn.redis.pipeline()
    conn.render_store.forget(record, pipe)
    conn.render_jobs.unwatch(record.id, pipe)
    pipe.execute()


def create_many(conn, principal, items: list[tuple[str, RenderRequest]], resolved,
                queue_name: str = queues.BATCHES) -> list[tuple[str, RenderRequest, PlatenError]]:
    """``create_render`` for many requests of one template at once (a batch's chunk), with their own render ids,
    in a handful of round trips instead of a dozen per render. Returns the requests that could not be made
    (a bad field value, no credit left): the caller records them as failed renders. ``resolved`` is
    ``resolve_template``'s answer (template, template_id, version, font and asset generations), ``branded``."""
    failures, planned = [], []
    for render_id, req in items:
        try:
            planned.append((render_id, req, plan(conn, principal, req, resolved)))
        except PlatenError as exc:
            failures.append((render_id, req, exc))
    free = principal.key.mode == "test"
    hits = conn.render_store.cached_many(principal.account.id, [p[2][4] for p in planned])
    cached, fresh = [], []
    for (render_id, req, (template, template_id, version, pages, key, _)), hit in zip(planned, hits, strict=True):
        record = new_record(principal, req, template_id, version, key, 0 if free else pages, render_id, template.brand)
        if hit is not None:
            cached.append(as_cached(record, hit))
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
        record.job_id = conn.render_jobs.job_id(record.id)
        conn.render_store.save(record, pipe)
    conn.render_jobs.watch([record.id for record in fresh], pipe)
    pipe.execute()
    queue_jobs(conn, [(record.id, record.job_id, record.account_id) for record in fresh], queue_name)
    finish_cached(conn, cached)
    # A chunk made again after its worker died: a row charged the first time may now be a cache hit or a
    # failure, and must not stay paid for (refunding what was never charged does nothing).
    conn.credits.refund_many([record.id for record in cached] + [render_id for render_id, _, _ in failures])
    return failures


def as_cached(record: RenderRecord, hit: dict) -> RenderRecord:
    """A new render answered by an earlier one's output: completed at once, free."""
    now = isoformat(utcnow())
    record.status, record.cached, record.started_at, record.completed_at = RenderStatus.COMPLETED.value, True, now, \
        now
    record.credits, record.duration_ms = 0, 0
    for name in ("width", "height", "size_bytes", "file_key", "page_keys", "warnings"):
        setattr(record, name, hit[name])
    return record


def finish_cached(conn, records: list[RenderRecord]) -> None:
    """Store renders answered from the cache with their events, in one transaction; fan-out follows only where a
    hook or a callback may want them (most renders: none, so no further round trip)."""
    if not records:
        return
    pipe = conn.redis.pipeline()
    staged = []
    for record in records:
        conn.render_store.save(record, pipe)
        staged.append(conn.outbox.stage(record, pipe))
    answers = pipe.execute()
    for record, slot in zip(records, staged, strict=True):
        conn.outbox.fan_out(record, answers, slot)


def render_and_wait(conn, principal, req: RenderRequest, timeout: float, planned=None) -> RenderRecord:
    """Create the render, then block (no polling) up to ``timeout`` seconds for it to finish; the latest record,
    as the worker's done signal hands it over (no second read)."""
    record = create_render(conn, principal, req, planned)
    if record.status not in TERMINAL and timeout > 0:
        try:
            record = conn.render_store.wait(record, timeout) or record
        except REDIS_DOWN as exc:
            # Accepted and stored: it will finish once Redis is back. The client gets its id (a 202), not a 503
            # that would make it send the render again.
            log.warning("render %s: Redis failed while waiting for it (%s); answering with it unfinished",
                        record.id, exc)
    return record


def enqueue(conn, render_id: str, queue_name: str = queues.RENDERS, delay: float = 0) -> None:
    """Queue (or re-queue) the job of a stored render, watched so the reconciler finds it if a worker dies.
    Batch rows go to their own queue, which workers take from only when no single render waits."""
    enqueue_many(conn, [render_id], queue_name, delay)


def enqueue_many(conn, render_ids: list[str], queue_name: str = queues.RENDERS, delay: float = 0) -> None:
    """``enqueue`` for many renders: two round trips in all."""
    if not render_ids:
        return
    jobs = [(render_id, conn.render_jobs.job_id(render_id)) for render_id in render_ids]
    pipe = conn.redis.pipeline()
    for render_id, job_id in jobs:
        conn.render_store.update(render_id, pipe, job_id=job_id)
    conn.render_jobs.watch(render_ids, pipe, after=delay)
    pipe.execute()
    queue_jobs(conn, jobs, queue_name, delay)


def queue_jobs(conn, jobs: list[tuple], queue_name: str = queues.RENDERS, delay: float = 0) -> None:
    """The RQ jobs of (render id, job id[, account id]) tuples, in one round trip. A job's arguments are the
    render's id and, when known, its account's (the worker then reads the account's fonts with the render). No RQ
    retries (``running.retry_or_fail`` is the one retry policy) and no result kept: the render record is the
    result. The job function is ``conn.render_job`` (``connector.jobs.functions.render_image``, handed in by the
    Connector). ``queue_name`` None queues none: the caller draws them itself (a generation's pages)."""
    if not jobs or queue_name is None:
        return
    queue, timeout, job = conn.queue(queue_name), conn.settings.render_job_timeout, conn.render_job
    if delay > 0:
        for render_id, job_id, *account in jobs:
            queue.enqueue_in(timedelta(seconds=delay), job, render_id, *account, job_id=job_id, job_timeout=timeout,
                             result_ttl=0, failure_ttl=7 * 86400, description=f"render {render_id}")
        return
    queue.enqueue_many([Queue.prepare_data(job, [render_id, *account], job_id=job_id, timeout=timeout, result_ttl=0,
                                           failure_ttl=7 * 86400, description=f"render {render_id}")
                        for render_id, job_id, *account in jobs])
