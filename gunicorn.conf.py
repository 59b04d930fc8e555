"""gunicorn settings for the web process: threads, because sync renders wait on their job."""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("PLATEN_WEB_THREADS", "8"))
timeout = 90             # longer than the longest synchronous render wait (60 s)
graceful_timeout = 30
keepalive = 5
accesslog = None         # the app logs one line per request, with its request_id
preload_app = False
# A request line up to gunicorn's largest bounded size (default 4094): long signed render URLs and query strings
# reach Platen, which answers them (or their 422) in JSON. Past it gunicorn itself answers a plain-text 414. A header
# line may be twice that, room for a whole request line repeated (a Referer carrying a long URL).
limit_request_line = 8190
limit_request_field_size = 2 * 8190
control_socket_disable = True  # several Platen web processes may share a machine; we do not use gunicornc


def on_starting(server):
    """Without REDIS_URL a web process would start a private embedded Redis, apart from the workers: refuse, with
    the reason, before any worker boots (``make run`` hands its children the URL of the one it started)."""
    from connector.runtime import embedded
    from connector.runtime.settings import Settings

    reason = embedded.refusal(Settings.from_env(), embedded.WEB)
    if reason:
        server.log.error("Platen cannot start: %s", reason)
        raise SystemExit(1)


def child_exit(server, worker):
    """Keep Prometheus' multi-process files consistent when a web worker exits."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
