"""The functions RQ workers run. Arguments are ids (JSON serializer); every job can run twice without harm."""

from __future__ import annotations

import threading

from rq import get_current_job

from connector.batches import expanding as batchjobs
from connector.renders.running import run_render

_connector = None
_lock = threading.Lock()


def connector():
    """One Connector per worker process, built from the environment (jobs never run inside a Flask app)."""
    global _connector
    with _lock:
        if _connector is None:
            from connector import Connector
            from connector.runtime.settings import Settings

            _connector = Connector(Settings.from_env())
        return _connector


def render_image(render_id: str) -> None:
    run_render(connector(), render_id)


def deliver_webhook(delivery_id: str) -> None:
    job = get_current_job()
    connector().deliveries.attempt(delivery_id, job_id=job.id if job else None)


def expand_batch(batch_id: str) -> None:
    job = get_current_job()
    batchjobs.expand(connector(), batch_id, job_id=job.id if job else None)


def cancel_batch(batch_id: str) -> None:
    batchjobs.fail_queued_rows(connector(), batch_id)


def warm_up() -> None:
    """Scan fonts and open connections before the first job, so it is as fast as the next."""
    conn = connector()
    fonts = conn.fonts_for("")
    face, _ = fonts.match(None)
    for fallback in fonts.fallback_chain(face):
        fonts.coverage(fallback)
    conn.redis.ping()
