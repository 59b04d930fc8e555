"""Running the app's queued jobs in-process: a burst ``rq.SimpleWorker`` on the app's own queues (JSON serializer),
bound to the app's own Connector, so API tests see real renders, batches and deliveries end to end."""

from __future__ import annotations

import threading

from rq import Queue, SimpleWorker
from rq.serializers import JSONSerializer

from connector.jobs import functions
from connector.jobs.queues import ALL, RENDERS


class CountingWorker(SimpleWorker):
    """RQ's SimpleWorker (jobs in this process, this thread), counting the jobs it took."""

    taken = 0

    def execute_job(self, job, queue):
        self.taken += 1
        return super().execute_job(job, queue)


class Jobs:
    """The jobs of one app. ``run()`` works its queues until they are empty; ``during(call)`` makes a request that
    waits for a job (a sync render) and works the job while it waits.

    Job functions run against the Connector their process bound: ``with Jobs(conn) as jobs:`` binds the app's
    (``connector.jobs.functions.bind``) and unbinds it at the end, so no later test runs jobs against this app."""

    def __init__(self, conn):
        self.conn = conn

    def __enter__(self) -> Jobs:
        functions.bind(self.conn)
        return self

    def __exit__(self, *exc) -> None:
        functions.bind(None)

    def queues(self, *names: str) -> list[Queue]:
        return [self.conn.queue(name) for name in names or ALL]

    def run(self, *names: str) -> int:
        """Work ``names`` (default: every queue, renders first) until none has a job; returns the jobs run."""
        worker = CountingWorker(self.queues(*names), connection=self.conn.rq_redis, serializer=JSONSerializer)
        worker.work(burst=True)
        return worker.taken

    def queued(self, *names: str) -> int:
        return sum(queue.count for queue in self.queues(*names))

    def during(self, call, name: str = RENDERS, timeout: int = 20):
        """``call()`` in another thread; as soon as it has queued a job on ``name`` (a blocking pop, no polling),
        work the queues here; then ``call``'s answer."""
        answered, failed = [], []

        def make():
            try:
                answered.append(call())
            except BaseException as exc:  # noqa: BLE001 - raised again below, in the test's thread
                failed.append(exc)

        thread = threading.Thread(target=make, daemon=True)
        thread.start()
        popped = Queue.dequeue_any(self.queues(name), timeout, connection=self.conn.rq_redis,
                                   serializer=JSONSerializer)
        assert popped is not None, f"nothing was queued on {name} within {timeout} s"
        job, queue = popped
        queue.push_job_id(job.id, at_front=True)   # back where it was, for the worker to take
        self.run(name)
        thread.join(timeout)
        assert not thread.is_alive(), "the request did not answer after its job ran"
        if failed:
            raise failed[0]
        return answered[0]
