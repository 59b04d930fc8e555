"""The worker process: ``python -m connector.worker`` works every queue with the JSON serializer and the scheduler."""

from __future__ import annotations

import logging
import signal
import sys

from rq import SimpleWorker
from rq.serializers import JSONSerializer

from . import Connector, jobs, queues, reconcile
from .logs import configure_logging
from .settings import Settings

HEARTBEAT_TTL = 30


class PlatenWorker(SimpleWorker):
    """RQ's SimpleWorker, stopping cleanly on a SIGTERM/SIGINT that arrives before RQ listens for them.

    RQ registers the worker (so ``/readyz`` counts it) and starts the scheduler before it installs its own signal
    handlers; a stop signal in that window would kill the process outright (exit -15) and leave its registration
    behind. ``early_stop`` catches such a signal from the very start of ``main`` and turns it into RQ's own stop
    request, so the worker unregisters and exits 0 as it does on a later signal.
    """

    early_stop = False

    def _install_signal_handlers(self):
        super()._install_signal_handlers()
        if PlatenWorker.early_stop:
            self.log.info("Worker %s: stop requested while starting, stopping", self.name)
            self._stop_requested = True


def _note_early_stop(signum, frame):
    PlatenWorker.early_stop = True


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _note_early_stop)
    signal.signal(signal.SIGINT, _note_early_stop)
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    connector = jobs.connector()
    jobs.warm_up()
    names = (argv if argv is not None else sys.argv[1:]) or list(queues.ALL)
    # SimpleWorker runs jobs in this process instead of forking one per job: fonts, fetched images and decoded
    # assets stay warm between renders (a fork would start cold every time), and a killed worker takes its job
    # with it, which the reconciler then recovers. Job timeouts still hold (SIGALRM).
    # A short TTL makes the worker send a heartbeat every ~15 s, which /readyz looks for.
    worker = PlatenWorker([connector.queue(n) for n in names], connection=connector.rq_redis,
                          serializer=JSONSerializer, worker_ttl=HEARTBEAT_TTL)
    logging.getLogger(__name__).info("worker %s on queues %s", worker.name, ", ".join(names))
    # Its own Redis clients: the job runs in a forked child, which must not inherit a pool this thread holds.
    reconcile.start(Connector(settings))
    worker.work(with_scheduler=True, logging_level=settings.log_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
