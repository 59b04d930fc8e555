"""The worker and a Redis that goes away while it starts."""

from __future__ import annotations

import redis
from rq.scheduler import RQScheduler
from rq.serializers import JSONSerializer

from connector.jobs.worker import PlatenWorker


def test_redis_failing_while_the_scheduler_starts_is_waited_for_not_the_end_of_the_worker(conn, monkeypatch):
    """RQ takes the scheduler's locks after registering the worker, outside its loop's error handling: a Redis
    stopped just then ended the worker with exit 0 (once, in test_redis_outage) instead of being waited for."""
    calls = []

    def failing(scheduler, auto_start=False):
        calls.append(auto_start)
        if len(calls) == 1:
            raise redis.ConnectionError("Connection closed by server.")
        return set()

    monkeypatch.setattr(RQScheduler, "acquire_locks", failing)
    worker = PlatenWorker([conn.queue("renders")], connection=conn.rq_redis, serializer=JSONSerializer)
    worker._suspension_checked = 0.0
    worker._start_scheduler()   # no error out of work(): its loop's first step checks Redis (and waits)
    assert worker.scheduler is not None and worker._suspension_checked == float("-inf")
    worker._revive_scheduler(force=True)   # what the worker does once Redis is back
    assert calls == [False, True]
