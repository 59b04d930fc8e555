"""RQ queues: names, the JSON serializer, and who is working them."""

from __future__ import annotations

from datetime import UTC, datetime

from rq import Queue, Worker
from rq.serializers import JSONSerializer
from rq.utils import utcparse

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


def fresh_workers(connection, stale_after: int, on: Queue | None = None) -> list[str]:
    """The keys of the workers (of queue ``on``, or all) that sent a heartbeat within ``stale_after`` seconds.

    Reads the heartbeats itself: building RQ ``Worker`` objects (``Worker.all``) would raise the socket timeout
    of ``connection`` to a worker's (minutes), and a hung Redis would then hold a web thread that long."""
    keys = Worker.all_keys(connection=connection, queue=on)
    if not keys:
        return []
    pipe = connection.pipeline(transaction=False)
    for key in keys:
        pipe.hget(key, "last_heartbeat")
    now = datetime.now(UTC)
    fresh = []
    for key, beat in zip(keys, pipe.execute(), strict=True):
        if beat is None:
            continue
        when = utcparse(beat.decode() if isinstance(beat, bytes) else beat)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if (now - when).total_seconds() <= stale_after:
            fresh.append(key)
    return fresh
