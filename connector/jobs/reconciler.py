"""The reconciler: renders whose worker died (kill -9, OOM, a lost machine) are queued again, or failed with a reason.

Each pending render has a deadline (its job timeout plus a grace). Past it, a job still marked *started*
cannot be running any more (the worker would have stopped it at its timeout), so its worker is gone; a job
still *queued* is only waiting behind others and gets more time.
"""

from __future__ import annotations

import logging
import threading
import time

import redis
from rq import Queue
from rq.job import Job

from connector.renders import running

log = logging.getLogger(__name__)

INTERVAL = 3        # seconds between passes
WAITING = {"queued", "deferred", "scheduled"}
PER_PASS = 2000     # overdue entries looked at per pass and kind; the rest wait for the next pass


class JobStates:
    """RQ job states for one reconciler pass, cheaply: one HMGET a job, and each queue's list read once (a
    10,000-row batch waiting in its queue is not searched once per row).

    A state is RQ's status in lower case (``queued``, ``started``, …), ``missing`` when Redis no longer holds the
    job, or ``lost`` when it is marked queued but sits in no queue: a worker that listens on several queues takes a
    job off its list before marking it started, so a worker killed in between leaves it queued in name only."""

    def __init__(self, conn):
        self.conn = conn
        self._queued: dict[str, set[str]] = {}

    def __call__(self, job_id: str | None) -> str:
        if not job_id:
            return "missing"
        redis = self.conn.rq_redis
        status, origin = redis.hmget(Job.key_for(job_id), "status", "origin")
        if status is None:
            return "missing"
        state = status.decode().lower()
        if state == "queued" and origin:
            queue_key = Queue.redis_queue_namespace_prefix + origin.decode()
            if queue_key not in self._queued:
                self._queued[queue_key] = {i.decode() for i in redis.lrange(queue_key, 0, -1)}
            # A miss in the snapshot is confirmed on the list itself: the job may have been queued since.
            if job_id not in self._queued[queue_key] and redis.lpos(queue_key, job_id) is None:
                return "lost"
        return state

    def waiting(self, job_id: str | None) -> bool:
        """True while the job still waits its turn (queued in a queue, scheduled, deferred): it will run."""
        return self(job_id) in WAITING


def reconcile_once(conn) -> dict:
    """One pass over the overdue renders (``connector.renders.running.reconcile``)."""
    return running.reconcile(conn)


SWEEP_EVERY = 3600   # seconds between retention sweeps (one process does it, whichever takes the lock)


def sweep_files(conn, now: float | None = None) -> int:
    """Delete hosted files older than the retention period (their cache entries expire with them)."""
    now = time.time() if now is None else now
    deleted = conn.files.delete_older_than(now - conn.settings.retention_days * 86400)
    if deleted:
        log.info("retention: deleted %s files older than %s days", deleted, conn.settings.retention_days)
    return deleted


def sweep_outbox(conn) -> int:
    """Finish what finished but whose process stopped before its fan-out (``connector.events.outbox``)."""
    return conn.outbox.sweep()


def run_forever(conn, stop: threading.Event) -> None:
    """Every INTERVAL seconds, one process at a time (a Redis lock), reconcile; every hour, sweep old files.
    Never dies of an error."""
    from connector.batches import expanding as batchjobs  # it uses JobStates from here: import on use

    lock_key = f"{conn.settings.redis_prefix}:reconciler:lock"
    sweep_key = f"{conn.settings.redis_prefix}:retention:lock"
    while not stop.wait(INTERVAL):
        try:
            if conn.redis.set(lock_key, "1", nx=True, px=INTERVAL * 1000):
                reconcile_once(conn)
                sweep_outbox(conn)
                conn.deliveries.reconcile()
                batchjobs.reconcile(conn)
            if conn.redis.set(sweep_key, "1", nx=True, ex=SWEEP_EVERY):
                sweep_files(conn)
        except redis.RedisError as exc:
            log.warning("reconciler: Redis unavailable (%s); retrying", exc)
        except Exception:
            log.exception("reconciler pass failed")


def start(conn) -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=run_forever, args=(conn, stop), name="platen-reconciler", daemon=True).start()
    return stop
