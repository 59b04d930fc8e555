"""Running renders (the worker side): draw one, finish or fail it in one transaction, and the one retry policy,
used both when a job raises unexpectedly and when the reconciler finds a render's worker gone.

A fresh render costs its worker two round trips: take it (the record comes back with it, and the account's font
generation when the job names the account), and finish it (record, cache entry, done signal, event and outbox
entry together). Fan-out (webhook deliveries, a batch row counted) follows only where one is owed.
"""

from __future__ import annotations

import logging
import time

from connector.fonts.store import UNREAD
from connector.jobs import queues
from connector.jobs.watched import WAITING, JobStates
from connector.renders.creating import queue_jobs
from connector.renders.record import TERMINAL, RenderRecord, RenderRequest, RenderStatus, extension, new_record
from connector.runtime.clock import isoformat, utcnow
from connector.runtime.outage import REDIS_DOWN
from connector.storage import new_key
from renderer import RendererError, render

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3          # a render is tried at most this often, whatever stopped the earlier tries
RETRY_DELAYS = (2, 10)    # seconds before trying again after an unexpected error (2nd try, 3rd try)
INTERNAL_FAILURE = "The render failed on our side after several attempts; it has been logged. Try again."
INTERRUPTED = "The render was interrupted {n} times (a worker stopped while drawing it). Try again."


def run_render(conn, render_id: str, account_id: str | None = None) -> None:
    """The worker's part. Safe to run twice: a finished render is left alone (its waiter told again).
    ``account_id`` (the job's second argument, when its queuer knew it) lets the first round trip read the
    account's font generation too."""
    store = conn.render_store
    pipe = conn.redis.pipeline()
    store.start(render_id, isoformat(utcnow()), pipe)
    # Running now: however long it waited in its queue, its deadline counts from here (on Redis's clock).
    conn.render_jobs.watch(render_id, pipe, only_watched=True)
    if account_id:
        pipe.get(conn.fonts.generation_key(account_id))
    answers = pipe.execute()
    started, record = store.parse_start(answers[0])
    if record is None:
        return
    if not started:
        if record.status in TERMINAL:
            # Finished by an earlier run that Redis cut off before it could say so: whoever waits is told now.
            store.signal_done(record)
        return
    clock = time.perf_counter()
    try:
        fonts = conn.fonts_for(record.account_id, answers[2] if account_id == record.account_id else UNREAD)
        template = record.inline_template if record.inline_template is not None else \
            conn.templates.version(record.template_id, record.template_version)
        result = render(template, record.fields, format=record.format, quality=record.quality, scale=record.scale,
                        page=record.page, load_image=conn.image_loader(record.account_id), cache=conn.render_cache,
                        png_compression=conn.settings.png_compression, fonts=fonts,
                        watermark="TEST" if record.mode == "test" else None, brand=record.brand)
    except RendererError as exc:
        fail(conn, record, exc.code, exc.message)
        return
    except REDIS_DOWN:
        raise   # not the render's fault: the worker waits for Redis and runs this job again
    except Exception as exc:   # a bug or an outage elsewhere: tried again later, or failed with a reason
        log.exception("render %s failed unexpectedly (attempt %s)", render_id, record.attempts)
        message = INTERNAL_FAILURE if not str(exc) else f"{INTERNAL_FAILURE[:-10]}: {exc}"
        retry_or_fail(conn, record, message, RETRY_DELAYS[min(record.attempts, len(RETRY_DELAYS)) - 1])
        return
    ext = extension(record.format)
    keys = []
    for number, data in enumerate(result.pages if record.format != "pdf" else [result.data], start=1):
        name = render_id if number == 1 else f"{render_id}-p{number}"
        keys.append(conn.files.put(new_key(name, ext), data, result.media_type).key)
    output = {"width": result.width, "height": result.height, "size_bytes": len(result.data), "file_key": keys[0],
              "page_keys": keys if len(keys) > 1 else [], "warnings": result.warnings}
    changes = {"status": RenderStatus.COMPLETED.value, "completed_at": isoformat(utcnow()),
               "duration_ms": round((time.perf_counter() - clock) * 1000), **output}
    for name, value in changes.items():   # the record as stored, built here rather than read back
        setattr(record, name, value)
    pipe = conn.redis.pipeline()
    store.update(render_id, pipe, **changes)
    store.remember(record.account_id, record.cache_key, output, pipe)
    if record.credits:   # accepted while Redis failed mid-request (an older web process), it may not be charged yet
        conn.credits.ensure_charged(record.account_id, record.credits, record.id, pipe)
    _finish(conn, record, pipe)


def _finish(conn, record: RenderRecord, pipe) -> None:
    """Complete ``pipe`` (the record's change already on it) in one transaction: no longer watched, its waiter
    woken and its event recorded, so a client that got its answer finds the event when it polls; then fan-out."""
    conn.render_jobs.unwatch(record.id, pipe)
    conn.render_store.signal_done(record, pipe)
    slot = conn.outbox.stage(record, pipe)
    answers = pipe.execute()
    conn.outbox.fan_out(record, answers, slot)


def fail(conn, record: RenderRecord, code: str, message: str) -> None:
    """A render that cannot succeed: say why, give the credit back, tell whoever waits (one transaction)."""
    record.status, record.completed_at = RenderStatus.FAILED.value, isoformat(utcnow())
    record.error = {"error": code, "message": message}
    pipe = conn.redis.pipeline()
    if record.credits:
        conn.credits.refund(record.id, pipe)
    conn.render_store.update(record.id, pipe, status=record.status, completed_at=record.completed_at,
                             error=record.error)
    _finish(conn, record, pipe)


def fail_if_queued(conn, record: RenderRecord, code: str, message: str) -> bool:
    """``fail`` a render that has not started, atomically (a worker may be taking it this very moment); False
    when it had started or finished, which then goes its own way."""
    if not conn.render_store.transition(record.id, (RenderStatus.QUEUED.value,), status=RenderStatus.FAILED.value,
                                        completed_at=isoformat(utcnow()), error={"error": code, "message": message}):
        return False
    fail(conn, record, code, message)
    return True


def create_failed(conn, principal, req: RenderRequest, render_id: str, code: str, message: str,
                  template_id: str | None = None, version: int | None = None) -> RenderRecord:
    """A render that failed before it could be queued (a batch row with a bad value): recorded, and its event
    fired, like any failed render; it costs nothing."""
    record = new_record(principal, req, template_id, version, "", 0, render_id)
    record.status, record.completed_at = RenderStatus.FAILED.value, isoformat(utcnow())
    record.error = {"error": code, "message": message}
    pipe = conn.redis.pipeline()
    conn.render_store.save(record, pipe)
    slot = conn.outbox.stage(record, pipe)
    answers = pipe.execute()
    conn.outbox.fan_out(record, answers, slot)
    return record


def retry_or_fail(conn, record: RenderRecord, message: str, delay: float = 0) -> bool:
    """The one retry policy: a render tried fewer than MAX_ATTEMPTS times (``attempts`` counts its starts) is
    queued again, after ``delay`` seconds; else it fails with ``message``. True when queued again."""
    if (record.attempts or 0) >= MAX_ATTEMPTS:
        log.warning("render %s: %s attempts; failing it", record.id, record.attempts)
        fail(conn, record, "render_failed", message)
        return False
    job_id = conn.render_jobs.job_id(record.id)
    pipe = conn.redis.pipeline()
    conn.render_store.update(record.id, pipe, status=RenderStatus.QUEUED.value, job_id=job_id)
    conn.render_jobs.watch(record.id, pipe, after=delay)
    pipe.execute()
    queue_jobs(conn, [(record.id, job_id, record.account_id)], queues.BATCHES if record.batch_id else queues.RENDERS,
               delay)
    return True


def reconcile(conn, states: JobStates | None = None) -> dict:
    """One pass over the renders past their deadline on Redis's clock (the reconciler calls it): a job still
    waiting its turn gets more time, one whose worker is gone is tried again or failed (``retry_or_fail``).
    ``states``: the pass's RQ job states, when the reconciler shares them between kinds. Returns how many were
    requeued, failed or given more time."""
    counts = {"requeued": 0, "failed": 0, "waiting": 0}
    overdue = conn.render_jobs.overdue()
    if not overdue:
        return counts
    states = states or JobStates(conn.rq_redis)
    records = {r.id: r for r in conn.render_store.load_many(overdue)}
    for render_id in overdue:
        record = records.get(render_id)
        if record is None or record.status in TERMINAL:
            conn.render_jobs.unwatch(render_id)
        elif states(record.job_id) in WAITING:
            conn.render_jobs.watch(render_id)
            counts["waiting"] += 1
        else:
            log.warning("render %s: its job is gone past its deadline (attempt %s)", render_id, record.attempts)
            requeued = retry_or_fail(conn, record, INTERRUPTED.format(n=record.attempts))
            counts["requeued" if requeued else "failed"] += 1
    return counts
