"""Helpers for the batch API tests: a small card, running queued jobs in-process, posting a CSV."""

from __future__ import annotations

import io

from rq.job import Job
from rq.serializers import JSONSerializer

from connector.batches import expanding as batchjobs
from connector.jobs import functions, queues
from connector.renders.running import run_render

CARD = {"name": "Card", "width": 120, "height": 60, "background": "#0f172a", "layers": [
    {"type": "text", "name": "title", "text": "Hello", "font_size": 20, "color": "#ffffff"},
    {"type": "rect", "name": "badge", "x": 100, "y": 0, "width": 20, "height": 20, "fill": "#22c55e"}]}


NAMES = {f: f"{f.__module__}.{f.__qualname__}" for f in (functions.render_image, functions.expand_batch,
                                                         functions.cancel_batch)}   # as RQ records them


def drain(conn) -> dict:
    """Run every queued job as a worker would (renders before webhooks before batches), until none is left.
    Webhook deliveries are dropped: there is no receiver here. Returns how many jobs of each kind ran."""
    ran = {"render": 0, "batch": 0}
    order = [conn.queue(name) for name in queues.ALL]
    while True:
        queue = next((q for q in order if len(q)), None)
        if queue is None:
            return ran
        job_id = conn.rq_redis.lpop(queue.key).decode()
        job = Job.fetch(job_id, connection=conn.rq_redis, serializer=JSONSerializer)
        if job.func_name == NAMES[functions.render_image]:
            run_render(conn, job.args[0])
            ran["render"] += 1
        elif job.func_name == NAMES[functions.expand_batch]:
            batchjobs.expand(conn, job.args[0], job_id=job.id)
            ran["batch"] += 1
        elif job.func_name == NAMES[functions.cancel_batch]:
            batchjobs.fail_queued_rows(conn, job.args[0])


def post_csv(client, caller, template_id, text: str | bytes, **form):
    data = {"template_id": template_id, **form,
            "file": (io.BytesIO(text.encode() if isinstance(text, str) else text), "rows.csv")}
    return client.post("/api/v1/batches", data=data, headers=caller.headers, content_type="multipart/form-data")
