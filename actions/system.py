"""Liveness, readiness and Prometheus metrics: what load balancers and monitoring call. No key needed."""

from __future__ import annotations

import os
import secrets

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

from connector.jobs import queues
from connector.runtime.errors import Unauthorized, Unavailable
from connector.runtime.outage import RETRY_AFTER

from .common import connector
from .schemas import HealthSchema, ReadinessSchema

blp = Blueprint("system", __name__, description="Health and metrics for operators (no API key).")

REQUESTS = Counter("platen_http_requests_total", "HTTP requests answered.", ["method", "endpoint", "status"])
LATENCY = Histogram("platen_http_request_duration_seconds", "Time to answer an HTTP request.", ["endpoint"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))


class QueueCollector:
    """Queue depths and live workers, read from Redis at scrape time (the same for every web process)."""

    def __init__(self, conn):
        self.conn = conn

    def collect(self):
        depth = GaugeMetricFamily("platen_queue_depth", "Jobs waiting in each RQ queue.", labels=["queue"])
        for name in queues.ALL:
            depth.add_metric([name], len(self.conn.queue(name)))
        yield depth
        workers = GaugeMetricFamily("platen_workers", "Workers with a recent heartbeat.")
        workers.add_metric([], len(queues.fresh_workers(self.conn.rq_redis, self.conn.settings.worker_stale_seconds,
                                                        self.conn.queue(queues.RENDERS))))
        yield workers


def observe(endpoint: str | None, method: str, status: int, seconds: float) -> None:
    name = endpoint or "unmatched"
    REQUESTS.labels(method, name, str(status)).inc()
    LATENCY.labels(name).observe(seconds)


@blp.route("/healthz")
class Health(MethodView):
    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    def get(self):
        """Liveness: the web process answers"""
        return {"status": "ok"}


@blp.route("/readyz")
class Ready(MethodView):
    @blp.doc(security=[])
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    @blp.response(200, ReadinessSchema)
    def get(self):
        """Readiness: Redis, the file storage and a live worker of this host"""
        state = connector().readiness.check()
        if not state["ready"]:
            details = {name: state[name] for name in ("redis", "storage", "workers", "host", "host_workers")}
            raise Unavailable(state["reason"], details=details, headers={"Retry-After": RETRY_AFTER})
        return {"status": "ready", "redis": True, "workers": state["workers"]}


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.doc(security=[], responses={"200": {"description": "Prometheus text format.",
                                             "content": {"text/plain": {"schema": {"type": "string"}}}}})
    @blp.alt_response(401, response="UNAUTHORIZED", description="PLATEN_METRICS_TOKEN is set and was not sent.")
    def get(self):
        """Prometheus metrics

        Request counts and latencies of this deployment's web processes, queue depths and live workers.
        When `PLATEN_METRICS_TOKEN` is set, send it as `Authorization: Bearer <token>`.
        """
        conn = connector()
        token = conn.settings.metrics_token
        if token and not secrets.compare_digest(request.headers.get("Authorization", ""), f"Bearer {token}"):
            raise Unauthorized("Send the metrics token as 'Authorization: Bearer <token>'.")
        registry = CollectorRegistry()
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            multiprocess.MultiProcessCollector(registry)
        else:
            registry.register(REQUESTS)
            registry.register(LATENCY)
        registry.register(QueueCollector(conn))
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
