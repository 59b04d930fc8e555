"""RQ queues: names, the JSON serializer, and who is working them."""

from __future__ import annotations

from datetime import UTC, datetime

from rq import Queue, Worker
from rq.serializers import JSONSerializer

RENDERS = "renders"
WEBHOOKS = "webhooks"
BATCHES = "batches"
# A worker takes from the first non-empty queue in this order: a single render (someone may be waiting on it)
# and a webhook go before the rows of a 10,000-row batch.
ALL = (RENDERS, WEBHOOKS, BATCHES)


def queue(name: str, connection, prefix: str = "platen") -> Queue:
    """RQ's keys are not prefixed, so the queue name carries Platen's prefix: two Platens (or two test runs)
    sharing one Redis never take each other's jobs."""
    return Queue(f"{prefix}-{name}", connection=connection, serializer=JSONSerializer)


def workers(connection, on: Queue | None = None) -> list[Worker]:
    return Worker.all(connection=connection, serializer=JSONSerializer, queue=on)


def fresh_workers(connection, stale_after: int, on: Queue | None = None) -> list[Worker]:
    """Workers (of queue ``on``, or all) that sent a heartbeat within ``stale_after`` seconds."""
    now = datetime.now(UTC)
    out = []
    for worker in workers(connection, on):
        beat = worker.last_heartbeat
        if beat is None:
            continue
        if beat.tzinfo is None:
            beat = beat.replace(tzinfo=UTC)
        if (now - beat).total_seconds() <= stale_after:
            out.append(worker)
    return out
