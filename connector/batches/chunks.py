"""A batch's chunk jobs: queued one after another while rows remain, watched (kind ``batches``), queued again when
their worker died. The rows themselves are made into renders by ``connector.batches.expanding``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from connector.batches.record import BatchRecord, BatchStatus
from connector.jobs.watched import PER_PASS, JobStates, Watched

log = logging.getLogger(__name__)

JOB_TIMEOUT = 300   # a chunk takes well under a second; a cancelled batch's rows are all failed in one job


class Chunks:
    """``queue`` runs ``job`` (``expand_batch``) for a batch id; ``key_of`` and ``load`` are the batch store's (the
    batch hash holds the current job id and the rows made so far)."""

    def __init__(self, redis, prefix: str, *, queue, job: Callable, key_of: Callable[[str], str],
                 load: Callable[[str], BatchRecord | None]):
        self.redis, self.queue, self.job, self.key_of, self.load = redis, queue, job, key_of, load
        self.watched = Watched(redis, prefix, "batches", JOB_TIMEOUT)

    def enqueue(self, batch_id: str, job_id: str) -> None:
        self.queue.enqueue(self.job, batch_id, job_id=job_id, job_timeout=JOB_TIMEOUT, result_ttl=0,
                           failure_ttl=7 * 86400, description=f"batch {batch_id}")

    def started(self, batch: BatchRecord) -> None:
        """A chunk's job runs: the deadline counts from now, and a queued batch is running."""
        pipe = self.redis.pipeline()
        self.watched.watch(batch.id, pipe, only_watched=True)
        if batch.status == BatchStatus.QUEUED.value:
            pipe.hset(self.key_of(batch.id), "status", BatchStatus.RUNNING.value)
        pipe.execute()

    def done(self, batch_id: str, expanded: int, total: int) -> None:
        """Rows up to ``expanded`` are renders now: queue the next chunk, or stop watching after the last. The
        count and the next job's id are written in one step, so a worker dying right after leaves a job the
        reconciler finds gone (the batch stays watched until its last row is made)."""
        if expanded < total:
            self.requeue(batch_id, expanded)
            return
        pipe = self.redis.pipeline()
        pipe.hset(self.key_of(batch_id), "expanded", expanded)
        self.watched.unwatch(batch_id, pipe)
        pipe.execute()

    def forget(self, batch_id: str) -> None:
        """Nothing left to make (the batch is gone or every row is a render): stop watching it."""
        self.watched.unwatch(batch_id)

    def requeue(self, batch_id: str, expanded: int | None = None) -> None:
        job_id = self.watched.job_id(batch_id)
        pipe = self.redis.pipeline()
        pipe.hset(self.key_of(batch_id), mapping={"job_id": job_id, **({} if expanded is None
                                                                      else {"expanded": expanded})})
        self.watched.watch(batch_id, pipe)
        pipe.execute()
        self.enqueue(batch_id, job_id)

    def reconcile_overdue(self, states: JobStates, now: float | None = None) -> dict:
        """Queue again the chunk of a batch whose job is gone (its worker was killed); give waiting ones time.
        ``now`` is a moment on Redis's clock (tests); by default, its present."""
        counts = {"requeued": 0, "waiting": 0}
        for batch_id in self.watched.overdue(PER_PASS, now):
            batch = self.load(batch_id)
            if batch is None or batch.expanded >= batch.total:
                self.watched.unwatch(batch_id)
            elif states.waiting(batch.job_id):
                self.watched.watch(batch_id)
                counts["waiting"] += 1
            else:
                log.warning("batch %s: its job is gone with %s of %s rows made; queueing it again", batch_id,
                            batch.expanded, batch.total)
                self.requeue(batch_id)
                counts["requeued"] += 1
        return counts
