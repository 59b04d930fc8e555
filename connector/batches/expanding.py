"""The workers' part of batches: rows made into renders a chunk at a time (on the ``batches`` queue, which
workers take from only when no single render or webhook waits) and the rows of a cancelled batch failed (a chunk
whose worker died is queued again by the reconciler: ``connector.batches.chunks``). A row with a bad value
becomes a failed render with its reason, and the batch goes on; a chunk made twice finds the renders it already
made, charges nothing twice, skips nothing.
"""

from __future__ import annotations

import logging

from connector.accounts.store import ApiKey, Principal
from connector.batches.csvrows import row_fields
from connector.batches.record import BatchRecord, row_render_id
from connector.jobs import queues
from connector.renders.creating import create_many, resolve_template
from connector.renders.record import RenderRequest
from connector.renders.running import create_failed, fail_if_queued
from connector.runtime.errors import Cancelled, NotFound, ValidationFailed

log = logging.getLogger(__name__)

CHUNK = 100             # rows a job makes into renders (~50 ms of a worker) before queueing the next chunk
CANCELLED = "The batch was cancelled before this row was rendered."


def expand(conn, batch_id: str, job_id: str | None = None) -> None:
    """Make the next CHUNK rows into renders, then queue the next chunk (behind those renders)."""
    store = conn.batches
    batch = store.load(batch_id)
    if batch is None or batch.expanded >= batch.total:
        store.chunks.forget(batch_id)
        return
    if job_id and batch.job_id and job_id != batch.job_id:
        return   # superseded: the reconciler queued this chunk again
    store.chunks.started(batch)
    principal = _principal(conn, batch)
    start = batch.expanded
    # a cancelled batch's remaining rows only have to be marked: all of them at once
    rows = store.rows(batch_id, start, batch.total - start if batch.cancelled_at else CHUNK)
    ids = [row_render_id(batch_id, index) for index in range(start, start + len(rows))]
    # Made by an earlier run of this chunk: left alone. Each was stored watched, with its job id, in one step
    # (``create_many``), so one whose job never reached its queue is queued by the reconciler, not here.
    existing = conn.render_store.existing(ids)
    items, failures = [], []
    for index, (render_id, row) in enumerate(zip(ids, rows, strict=True), start=start):
        if render_id in existing:
            continue
        req = RenderRequest(template_id=batch.template_id, template_version=batch.template_version,
                            fields=row_fields(row, batch.columns, batch.mapping), format=batch.format,
                            quality=batch.quality, scale=batch.scale, metadata={"row": index + 1},
                            batch_id=batch_id, brand_id=batch.brand_id)
        if row.get("e"):
            failures.append((render_id, req, ValidationFailed(row["e"])))
        else:
            items.append((render_id, req))
    if batch.cancelled_at:
        failures += [(render_id, req, Cancelled(CANCELLED)) for render_id, req in items]
        items = []
    try:   # the batch's version of its template, still live, with the account's generations: one round trip
        resolved = resolve_template(
            conn.templates, batch.account_id,
            RenderRequest(template_id=batch.template_id, template_version=batch.template_version),
            (conn.fonts.generation_key(batch.account_id), conn.assets.generation_key(batch.account_id)))
        # the batch's brand, read once a chunk (a brand deleted since the batch began: the default brand)
        resolved = (conn.brands.branded(batch.account_id, resolved[0], batch.brand_id, (),
                                        [req.fields for _, req in items], strict=False), *resolved[1:])
    except NotFound:
        gone = NotFound(f"Template {batch.template_id} was deleted while the batch ran; this row was not rendered.")
        failures += [(render_id, req, gone) for render_id, req in items]
        items = []
    failures += create_many(conn, principal, items, resolved, queues.BATCHES) if items else []
    for render_id, req, exc in sorted(failures, key=lambda f: f[0]):
        message = exc.message.removeprefix("fields.")   # a CSV user knows `title.color` as a column
        if exc.code == "insufficient_credits":
            message = f"No credits left for this row: {message}"
        create_failed(conn, principal, req, render_id, exc.code, f"Row {req.metadata['row']}: {message}",
                      batch.template_id, batch.template_version)
    store.chunks.done(batch_id, start + len(rows), batch.total)
    if not batch.cancelled_at and store.cancelled(batch_id):
        # cancelled while this chunk was being made: the cancel job may have looked before these rows existed
        fail_queued_rows(conn, batch_id)


def fail_queued_rows(conn, batch_id: str) -> int:
    """The cancel job: every row already made into a render that has not started fails as cancelled."""
    batch = conn.batches.load(batch_id)
    if batch is None:
        return 0
    failed = 0
    for start in range(0, batch.expanded, 500):
        for record in conn.batches.renders(batch, start, 500):
            if record.status == "queued" and fail_if_queued(
                    conn, record, "cancelled", f"Row {(record.metadata or {}).get('row')}: {CANCELLED}"):
                failed += 1
    return failed


def _principal(conn, batch: BatchRecord) -> Principal:
    """Who the rows render as: the batch's account and key as they were when it was made (revoking the key
    later does not stop a batch already accepted)."""
    account = conn.accounts.get_account(batch.account_id)
    key = ApiKey(id=batch.key_id, account_id=batch.account_id, label="", mode=batch.mode, scopes=(), hint="",
                 created_at=batch.created_at)
    return Principal(account, key)

