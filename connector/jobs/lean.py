"""RQ's SimpleWorker, lean: four Redis round trips per job instead of about 27, the same keys and registries.

RQ's work loop talks to Redis far more often than a Platen job needs: a heartbeat (three separate commands) before
and after every dequeue and after every job, the worker's state written even when it does not change, a suspension
check per job, two pipelines to start a job, and on success a WATCH, a read of the job's dependents, a read of its
status and two reads of its executions just to delete what the worker itself wrote. Per job this worker sends:
the dequeue (BLPOP), the job's hash (HGETALL), one pipeline that starts it (execution, started registry, worker
state and heartbeat, job status) and one that ends it (stats, execution and job deleted, worker idle). Heartbeats
and the suspension check (``rq suspend``) go out at most every ``HEARTBEAT_EVERY`` seconds, and as one pipeline.

The short success path holds for Platen's jobs: no result kept (``result_ttl=0``), no dependents, no repeats, no
groups, no RQ rate limits, no success or failure callbacks. A job that has any of them takes RQ's own path.
"""

from __future__ import annotations

import time

from rq import SimpleWorker
from rq.executions import Execution
from rq.job import JobStatus
from rq.utils import now
from rq.worker import WorkerStatus

HEARTBEAT_EVERY = 5.0   # seconds; the worker's key lives worker_ttl + 60 s, /readyz wants a beat within a minute


class LeanWorker(SimpleWorker):
    """``SimpleWorker`` with RQ's bookkeeping batched into the round trips a job needs anyway."""

    log_result_lifespan = False   # "result discarded immediately", once per job: always so for Platen's jobs
    _beat_at = float("-inf")      # time.monotonic() of the last heartbeat sent
    _suspension_checked = float("-inf")
    _prepared: str | None = None  # the job whose start prepare_execution already sent

    def heartbeat(self, timeout=None, pipeline=None):
        if pipeline is not None:
            super().heartbeat(timeout, pipeline)
            self._beat_at = time.monotonic()
            return
        if timeout is None and time.monotonic() - self._beat_at < HEARTBEAT_EVERY:
            return
        with self.connection.pipeline(transaction=False) as pipe:
            super().heartbeat(timeout, pipe)
            pipe.execute()
        self._beat_at = time.monotonic()

    def set_state(self, state, pipeline=None):
        if pipeline is None and state == self._state:
            return   # unchanged (the end-of-job pipeline already said idle)
        super().set_state(state, pipeline)

    def check_for_suspension(self, burst: bool):
        if time.monotonic() - self._suspension_checked < HEARTBEAT_EVERY:
            return
        super().check_for_suspension(burst)   # its pipeline carries a heartbeat too
        self._suspension_checked = self._beat_at = time.monotonic()

    # --- a job's start: one pipeline -----------------------------------------------------------------------

    def prepare_execution(self, job) -> Execution:
        if len(self.queues) == 1:   # dequeued with LMOVE: RQ's own start also takes it off the intermediate list
            return super().prepare_execution(job)
        ttl = self.get_heartbeat_ttl(job)
        with self.connection.pipeline() as pipe:
            execution = Execution.create(job, ttl, pipeline=pipe, worker_name=self.name)
            self.executions[execution.id] = execution
            self.set_state(WorkerStatus.BUSY, pipeline=pipe)
            # what prepare_job_execution sends next, in the same round trip
            self.heartbeat(ttl, pipeline=pipe)
            job.heartbeat(now(), ttl, pipeline=pipe)
            job.prepare_for_execution(self.name, pipeline=pipe)
            pipe.persist(job.key)
            pipe.execute()
        self._prepared = job.id
        return execution

    def prepare_job_execution(self, job, remove_from_intermediate_queue: bool = False) -> None:
        if self._prepared == job.id and not remove_from_intermediate_queue:
            self._prepared = None
            return
        super().prepare_job_execution(job, remove_from_intermediate_queue)

    # --- a job's end -----------------------------------------------------------------------------------------

    def handle_execution_ended(self, job, queue, heartbeat_ttl):
        # RQ refreshes the job's heartbeat here so its callbacks have time to run; Platen's jobs have none, and
        # the next pipeline ends the job either way.
        job.ended_at = now()

    def handle_job_success(self, job, queue, started_job_registry, execution):
        if not _plain(job, self.default_result_ttl):
            return super().handle_job_success(job, queue, started_job_registry, execution)
        with self.connection.pipeline() as pipe:
            self.increment_successful_job_count(pipeline=pipe)
            self.increment_total_working_time(job.ended_at - job.started_at, pipe)
            self.cleanup_execution(job, pipeline=pipe, execution=execution)   # execution, started registry entry
            pipe.delete(job.key, job.dependents_key, job.dependencies_key)
            self.set_state(WorkerStatus.IDLE, pipeline=pipe)
            pipe.execute()
        job._status = JobStatus.FINISHED
        self.log.info("Worker %s: job %s done in %.3fs", self.name, job.id,
                      (job.ended_at - job.started_at).total_seconds())

    def _finalize_success(self, job, queue, execution, return_value):
        if not _plain(job, self.default_result_ttl) or return_value is not None:
            return super()._finalize_success(job, queue, execution, return_value)
        self.handle_execution_ended(job, queue, job.success_callback_timeout)
        job._result = None
        job._status = JobStatus.FINISHED
        self.handle_job_success(job=job, queue=queue, started_job_registry=None, execution=execution)


def _plain(job, default_result_ttl) -> bool:
    """A job the short path fits: nothing kept, nothing depending on it, nothing to call or repeat."""
    return job.get_result_ttl(default_result_ttl) == 0 and not job.repeats_left and not job.group_id \
        and not job.has_rate_limit and not job.webhooks and job._success_callback_name is None \
        and job._failure_callback_name is None
