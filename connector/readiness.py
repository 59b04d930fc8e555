"""Readiness, what ``/readyz`` reports: Redis answers, the file storage takes files, and a worker of this host lives.

Cheap by design, since load balancers call it every few seconds on every host: one pipeline to Redis (the renders
queue's workers' heartbeats and hostnames, and Redis's clock), and a storage probe (an S3 ``HEAD`` of the bucket, a
temporary file in the files folder) at most every ``STORAGE_CHECK_SECONDS``. It never builds RQ ``Worker`` objects,
which would stretch the client's socket timeout to a worker's (minutes) while Redis hangs.

Workers are counted per host: each records ``PLATEN_HOST_ID`` (default: the machine's hostname) in RQ's worker hash,
so a host whose own worker died reports not ready although others elsewhere are alive. A web-only host (Kubernetes
web pods, a separate worker tier) sets ``PLATEN_LOCAL_WORKER=0`` and is content with a live worker anywhere.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import redis
from rq import Worker
from rq.utils import utcparse

from connector.runtime.settings import Settings
from connector.storage import StorageError

STORAGE_CHECK_SECONDS = 5.0   # a wrong bucket shows within this long; a busy load balancer costs no S3 calls


class Readiness:
    """``check()`` answers ``{"ready", "redis", "storage", "workers", "host", "host_workers", "reason"}``."""

    def __init__(self, rq_redis, settings: Settings, files: Callable[[], object], queue: Callable[[], object]):
        self.redis, self.settings = rq_redis, settings
        self._files, self._queue = files, queue
        self._storage: tuple[float, str] = (0.0, "")   # (checked until, the problem or "")
        self._lock = threading.Lock()

    def check(self) -> dict:
        host = self.settings.host()
        state = {"ready": False, "redis": False, "storage": False, "workers": 0, "host": host, "host_workers": 0,
                 "reason": ""}
        try:
            beats = self.heartbeats()
        except redis.RedisError as exc:
            return {**state, "reason": f"Redis is unreachable: {exc}"}
        state["redis"] = True
        problem = self.storage_problem()
        state["storage"] = not problem
        stale = self.settings.worker_stale_seconds
        state["workers"] = len(beats)
        state["host_workers"] = sum(1 for name in beats.values() if name == host)
        if problem:
            state["reason"] = f"The file storage cannot take files: {problem}"
        elif not beats:
            state["reason"] = f"No worker has been seen in the last {stale} s."
        elif self.settings.local_worker and not state["host_workers"]:
            state["reason"] = (f"No worker of this host ({host}) has been seen in the last {stale} s "
                               f"(PLATEN_HOST_ID; PLATEN_LOCAL_WORKER=0 on a host that runs no worker).")
        state["ready"] = not state["reason"]
        return state

    def heartbeats(self) -> dict[str, str]:
        """Worker key -> the host it recorded, for the renders queue's workers whose last heartbeat is at most
        PLATEN_WORKER_STALE_SECONDS old on Redis's clock (one pipeline; the worker set is read first)."""
        keys = Worker.all_keys(connection=self.redis, queue=self._queue())
        pipe = self.redis.pipeline(transaction=False)
        pipe.time()
        for key in keys:
            pipe.hmget(key, "last_heartbeat", "hostname")
        (seconds, micros), *fields = pipe.execute()
        now = datetime.fromtimestamp(seconds + micros / 1_000_000, UTC)
        fresh = {}
        for key, (beat, hostname) in zip(keys, fields, strict=True):
            if beat is None:
                continue
            when = utcparse(beat.decode() if isinstance(beat, bytes) else beat)
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            if (now - when).total_seconds() <= self.settings.worker_stale_seconds:
                fresh[key] = (hostname.decode() if isinstance(hostname, bytes) else hostname) or ""
        return fresh

    def storage_problem(self) -> str:
        """Why the storage cannot take files ("" when it can), probed at most every STORAGE_CHECK_SECONDS."""
        until, problem = self._storage
        if time.monotonic() < until:
            return problem
        if not self._lock.acquire(blocking=until == 0.0):
            return problem   # another thread is probing (an unreachable S3 endpoint may take seconds): its last answer
        try:
            until, problem = self._storage
            if time.monotonic() < until:
                return problem   # probed while this thread waited
            try:
                self._files().check()
                problem = ""
            except (StorageError, OSError) as exc:
                problem = str(exc) or type(exc).__name__
            self._storage = (time.monotonic() + STORAGE_CHECK_SECONDS, problem)
            return problem
        finally:
            self._lock.release()
