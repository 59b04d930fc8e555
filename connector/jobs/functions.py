"""The functions RQ workers run. Arguments are ids (JSON serializer); every job can run twice without harm.

They are handed to the stores that queue them as functions (``Connector`` does it when it builds them; RQ records
their dotted names). Each runs against the one Connector its process bound (``bind``): the worker binds its own
at start; a test running jobs in-process binds the one it made.
"""

from __future__ import annotations

from rq import get_current_job

from connector.batches import expanding as batchjobs
from connector.generations.running import run_generation
from connector.renders.running import run_render

_connector = None


def bind(conn):
    """Make ``conn`` the Connector this process's jobs run against; returns it."""
    global _connector
    _connector = conn
    return conn


def connector():
    if _connector is None:
        raise RuntimeError("No Connector is bound in this process: the worker binds one at start "
                           "(connector.jobs.functions.bind).")
    return _connector


def render_image(render_id: str, account_id: str | None = None) -> None:
    run_render(connector(), render_id, account_id)


def generate_designs(generation_id: str) -> None:
    job = get_current_job()
    run_generation(connector(), generation_id, job_id=job.id if job else None)


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
