"""The worker process: ``python -m connector.jobs.worker`` works every queue, with the scheduler."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time

from rq import worker_registration
from rq.exceptions import StopRequested
from rq.serializers import JSONSerializer
from rq.utils import now
from rq.worker import WorkerStatus

from connector import Connector
from connector.jobs import functions as jobs
from connector.jobs import queues
from connector.jobs import reconciler as reconcile
from connector.jobs.lean import LeanWorker
from connector.runtime import embedded
from connector.runtime.logs import configure_logging
from connector.runtime.outage import REDIS_DOWN, RedisGone, wait_for_redis
from connector.runtime.settings import Settings

HEARTBEAT_TTL = 30
SCHEDULER_CHECK = 10   # seconds between checks that this worker's scheduler process is still alive
PUT_BACK = "platen_put_back"   # job.meta: times the job was put back after Redis cut it off
MAX_PUT_BACKS = 5

log = logging.getLogger(__name__)


class PlatenWorker(LeanWorker):
    """RQ's SimpleWorker (made lean: connector/jobs/lean.py), stopping cleanly on an early signal and riding out
    Redis outages.

    RQ registers the worker (so ``/readyz`` counts it) and starts the scheduler before it installs its own signal
    handlers; a stop signal in that window would kill the process outright (exit -15) and leave its registration
    behind. ``early_stop`` catches such a signal from the very start of ``main`` and turns it into RQ's own stop
    request, so the worker unregisters and exits 0 as it does on a later signal.

    RQ quits its work loop on the first Redis error outside its dequeue ("found an unhandled exception,
    quitting"): a Redis restart while a job runs would stop every busy worker. Here every step of the loop that
    talks to Redis waits for it instead (``outage_wait`` seconds at most, then the worker exits with an error for
    its supervisor to restart), and a job that Redis cut off goes back to the front of its queue.
    """

    early_stop = False
    outage_wait = 300.0
    gave_up = False
    _scheduler_checked = 0.0

    def _install_signal_handlers(self):
        super()._install_signal_handlers()
        if PlatenWorker.early_stop:
            self.log.info("Worker %s: stop requested while starting, stopping", self.name)
            self._stop_requested = True

    # --- every Redis step of RQ's loop, made to wait out an outage -------------------------------------------

    def heartbeat(self, timeout=None, pipeline=None):
        if pipeline is not None:   # part of a bigger step, which handles the error
            return super().heartbeat(timeout, pipeline)
        beat = super().heartbeat
        return self._with_redis(lambda: beat(timeout))

    def set_state(self, state, pipeline=None):
        if pipeline is not None:
            return super().set_state(state, pipeline)
        set_state = super().set_state
        return self._with_redis(lambda: set_state(state))

    def check_for_suspension(self, burst: bool):
        check = super().check_for_suspension
        self._with_redis(lambda: check(burst))
        self._revive_scheduler()

    def _start_scheduler(self, *args, **kwargs):
        # RQ takes the scheduler's locks after registering the worker and before its loop, where no Redis error is
        # handled: Redis going away just then ended the worker (exit 0) instead of being waited for. The loop's
        # first step meets the outage and waits; the scheduler is started again once Redis is back.
        try:
            super()._start_scheduler(*args, **kwargs)
        except REDIS_DOWN as exc:
            self.log.warning("Worker %s: Redis failed while starting the scheduler (%s)", self.name, exc)
            self._suspension_checked = float("-inf")

    def run_maintenance_tasks(self):
        maintain = super().run_maintenance_tasks
        self._with_redis(maintain)

    def set_shutdown_requested_date(self):
        try:   # only informative; a stop asked for during an outage must still stop
            super().set_shutdown_requested_date()
        except REDIS_DOWN:
            pass

    def execute_job(self, job, queue):
        try:
            super().execute_job(job, queue)
        except REDIS_DOWN as exc:
            self.log.warning("Worker %s: Redis failed during job %s (%s)", self.name, job.id, exc)
            self._wait_for_redis(exc)
            self._with_redis(lambda: self._put_back(job, queue))

    def _finalize_failure(self, job, queue, execution, exc_info):
        # A job (or RQ's bookkeeping of it) that failed because Redis went away did not fail: recording that,
        # or retrying it later, would need Redis too. ``execute_job`` puts it back once Redis returns. One that
        # keeps meeting a Redis error while Redis answers pings (a call slower than PLATEN_REDIS_TIMEOUT, each
        # time) fails the usual way after a few rounds instead of going round for ever.
        if isinstance(exc_info[1], REDIS_DOWN) and job.meta.get(PUT_BACK, 0) < MAX_PUT_BACKS:
            raise exc_info[1]
        super()._finalize_failure(job, queue, execution, exc_info)

    # --- waiting, and picking up again --------------------------------------------------------------------

    def _with_redis(self, call):
        while True:
            try:
                return call()
            except REDIS_DOWN as exc:
                self._wait_for_redis(exc)

    def _wait_for_redis(self, reason) -> None:
        """Back off until Redis answers, then register again; ``StopRequested`` when a stop came meanwhile."""
        while True:
            try:
                wait_for_redis(self.connection, self.outage_wait, reason=reason, what=f"Worker {self.name}",
                               stopping=lambda: self._stop_requested)
            except RedisGone:
                self.gave_up = True
                raise
            if self._stop_requested:
                raise StopRequested()
            try:
                self._register_again()
                return
            except REDIS_DOWN as exc:
                reason = exc

    def _register_again(self) -> None:
        """The worker's hash may have expired during a long outage, or Redis come back empty: write it again
        so ``/readyz`` counts this worker; the outage may also have stopped the scheduler process."""
        self.last_heartbeat = now()
        with self.connection.pipeline() as pipe:
            pipe.hset(self.key, mapping=self.serialize())
            pipe.expire(self.key, self.worker_ttl + 60)
            worker_registration.register(self, pipe)
            pipe.execute()
        self._revive_scheduler(force=True)

    def _put_back(self, job, queue) -> None:
        """A job whose outcome Redis could not take goes back to the front of its queue: every Platen job can run
        twice without harm (a render already finished is left alone, its waiter told)."""
        with self.connection.pipeline() as pipe:
            for execution in list(self.executions.values()):
                self.cleanup_execution(job, pipe, execution)
            pipe.execute()
        job.meta[PUT_BACK] = job.meta.get(PUT_BACK, 0) + 1
        queue.enqueue_job(job, at_front=True)
        LeanWorker.set_state(self, WorkerStatus.IDLE, pipeline=None)
        self.log.warning("Worker %s: job %s, cut off by the Redis outage, is queued again", self.name, job.id)

    def _revive_scheduler(self, force: bool = False) -> None:
        """RQ's scheduler process exits on a Redis error and RQ looks at it again only every 10 minutes; scheduled
        jobs (render retries, webhook attempts) would wait that long."""
        if self.scheduler is None or self._stop_requested:
            return
        if not force and time.monotonic() - self._scheduler_checked < SCHEDULER_CHECK:
            return
        self._scheduler_checked = time.monotonic()
        process = self.scheduler._process
        if process is None or not process.is_alive():
            try:
                self.scheduler.acquire_locks(auto_start=True)
            except REDIS_DOWN:
                pass   # the next check tries again


def _note_early_stop(signum, frame):
    PlatenWorker.early_stop = True


# A process the worker forks (RQ's scheduler) starts with the default action for a stop signal, until it installs
# handlers of its own: the worker's handler would do nothing there, and as a Python handler it runs only between
# bytecodes, so a child that took the SIGTERM just before blocking in a system call (a sleep, a socket read) would
# sleep on while the worker waits for it (RQ's stop_scheduler joins it). The stop signals are held while forking,
# so one sent meanwhile reaches the child only once its default action is back.
_STOPS = {signal.SIGTERM, signal.SIGINT}
_mask_before_fork: set = set()


def _hold_stops() -> None:
    global _mask_before_fork
    _mask_before_fork = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)


def _release_stops() -> None:
    signal.pthread_sigmask(signal.SIG_SETMASK, _mask_before_fork)


def _default_stops_in_child() -> None:
    for signum in _STOPS:
        signal.signal(signum, signal.SIG_DFL)
    _release_stops()


_listening = False


def listen_for_early_stop() -> None:
    """Note a stop signal from now on, until RQ installs its own handlers (``PlatenWorker.early_stop``)."""
    global _listening
    signal.signal(signal.SIGTERM, _note_early_stop)
    signal.signal(signal.SIGINT, _note_early_stop)
    if not _listening:
        os.register_at_fork(before=_hold_stops, after_in_parent=_release_stops,
                            after_in_child=_default_stops_in_child)
        _listening = True


def main(argv: list[str] | None = None) -> int:
    listen_for_early_stop()
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    refused = embedded.refusal(settings, embedded.WORKER)   # no private embedded Redis, apart from the web
    if refused:
        log.error("Platen cannot start: %s", refused)
        return 2
    connector = jobs.bind(Connector(settings))
    try:   # (re)started during an outage: wait for Redis rather than exit at once and be restarted in a loop
        wait_for_redis(connector.redis, settings.redis_outage_wait, what="worker starting",
                       stopping=lambda: PlatenWorker.early_stop)
    except RedisGone as exc:
        log.error("worker: %s; exiting", exc)
        return 1
    if PlatenWorker.early_stop:
        return 0
    jobs.warm_up()
    names = (argv if argv is not None else sys.argv[1:]) or list(queues.ALL)
    # SimpleWorker runs jobs in this process instead of forking one per job: fonts, fetched images and decoded
    # assets stay warm between renders (a fork would start cold every time), and a killed worker takes its job
    # with it, which the reconciler then recovers. Job timeouts still hold (SIGALRM).
    # A short TTL makes the worker send a heartbeat every ~15 s, which /readyz looks for.
    worker = PlatenWorker([connector.queue(n) for n in names], connection=connector.rq_redis,
                          serializer=JSONSerializer, worker_ttl=HEARTBEAT_TTL)
    worker.outage_wait = settings.redis_outage_wait
    worker.hostname = settings.host()   # recorded in its hash: each host's /readyz looks for a worker of its own
    log.info("worker %s on queues %s", worker.name, ", ".join(names))
    reconcile.start(connector)   # the process's one Connector (redis-py's pools are thread-safe)
    try:
        worker.work(with_scheduler=True, logging_level=settings.log_level)
    except REDIS_DOWN as exc:   # the last words (unregistering) could not be said; the heartbeat expires instead
        log.warning("worker %s: Redis unavailable while stopping (%s)", worker.name, exc)
    if worker.gave_up:
        log.error("worker %s: Redis stayed unreachable for %d s; exiting", worker.name, settings.redis_outage_wait)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
