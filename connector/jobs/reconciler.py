"""The reconciler: watched jobs whose worker died (kill -9, OOM, a lost machine) are queued again, or failed with a
reason; finished objects whose fan-out was cut off are finished; old files are swept.

Every INTERVAL seconds one process in the cluster (whichever holds the lock) makes a pass: each watched kind
(renders, webhook deliveries, batch chunks, generations; ``connector.jobs.watched``) handles its overdue ids,
then the outbox is swept. Once an hour one process sweeps files past the retention period. The lock is held with a
token and kept alive while the pass runs, so a slow pass never overlaps another host's, and a process releases only
its own.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable

import redis

from connector.jobs.watched import JobStates
from connector.renders import running

log = logging.getLogger(__name__)

INTERVAL = 3         # seconds between passes
LOCK_TTL = 10        # seconds the lock outlives a process that died holding it
MAX_PASS = 300       # seconds a pass may keep the lock (a hung pass must not hold it for ever)
SWEEP_EVERY = 3600   # seconds between retention sweeps (one process does it, whichever takes the lock)

# KEYS: the lock. ARGV: the holder's token (and for _EXTEND, milliseconds). Only the holder extends or releases.
_EXTEND = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class PassLock:
    """A Redis lock one process holds at a time, with a token of its own: while held, a thread extends it every
    third of its TTL (or ``every`` seconds; up to MAX_PASS); ``held`` turns False if it was lost meanwhile (it
    expired during a Redis outage and another process took it), and the pass stops at its next step."""

    def __init__(self, client, key: str, ttl: float = LOCK_TTL, max_hold: float = MAX_PASS,
                 every: float | None = None):
        self.redis, self.key, self.ttl, self.max_hold = client, key, ttl, max_hold
        self.every = ttl / 3 if every is None else every
        self._extend = client.register_script(_EXTEND)
        self._release = client.register_script(_RELEASE)
        self.token: str | None = None
        self._lost = threading.Event()
        self._stop = threading.Event()
        self._keeper: threading.Thread | None = None

    def acquire(self) -> bool:
        token = secrets.token_hex(16)
        if not self.redis.set(self.key, token, nx=True, px=int(self.ttl * 1000)):
            return False
        self.token, self._lost, self._stop = token, threading.Event(), threading.Event()
        self._keeper = threading.Thread(target=self._keep, args=(token, self._stop, self._lost), daemon=True,
                                        name="platen-reconciler-lock")
        self._keeper.start()
        return True

    def _keep(self, token: str, stop: threading.Event, lost: threading.Event) -> None:
        until = time.monotonic() + self.max_hold
        while not stop.wait(self.every) and time.monotonic() < until:
            try:
                if not self._extend(keys=[self.key], args=[token, int(self.ttl * 1000)]):
                    lost.set()
                    return
            except redis.RedisError:
                pass   # tried again in a third of the TTL; if it expires meanwhile, the next try finds it lost

    @property
    def held(self) -> bool:
        return self.token is not None and not self._lost.is_set()

    def release(self) -> None:
        token, self.token = self.token, None
        self._stop.set()
        if self._keeper is not None:
            self._keeper.join()
        if token is not None:
            self._release(keys=[self.key], args=[token])


def kinds(conn) -> list[tuple[str, Callable[[JobStates], dict]]]:
    """Every watched kind, each with what handles its overdue ids."""
    return [("renders", lambda states: running.reconcile(conn, states)),
            ("deliveries", conn.deliveries.reconcile_overdue),
            ("batches", conn.batches.chunks.reconcile_overdue),
            ("generations", conn.generations.reconcile_overdue)]


def reconcile_once(conn) -> dict:
    """One pass over the overdue renders (``connector.renders.running.reconcile``)."""
    return running.reconcile(conn)


def sweep_outbox(conn) -> int:
    """Finish what finished but whose process stopped before its fan-out (``connector.events.outbox``)."""
    return conn.outbox.sweep()


def sweep_files(conn, now: float | None = None) -> int:
    """Delete hosted files older than the retention period (their cache entries expire with them)."""
    now = time.time() if now is None else now
    deleted = conn.files.delete_older_than(now - conn.settings.retention_days * 86400)
    if deleted:
        log.info("retention: deleted %s files older than %s days", deleted, conn.settings.retention_days)
    return deleted


def pass_once(conn, held: Callable[[], bool] = lambda: True) -> dict:
    """Each kind's overdue ids, then the outbox; stops early once ``held`` says the lock was lost. One kind
    failing (a bug) does not hold up the others; a Redis error ends the pass."""
    states, counts = JobStates(conn.rq_redis), {}
    steps = [*kinds(conn), ("outbox", lambda states: sweep_outbox(conn))]
    for name, handle in steps:
        if not held():
            log.warning("reconciler: the lock was lost mid-pass; stopping before %s", name)
            break
        try:
            counts[name] = handle(states)
        except redis.RedisError:
            raise
        except Exception:
            log.exception("reconciler: %s failed; the others go on", name)
    return counts


def run_forever(conn, stop: threading.Event, interval: float = INTERVAL, passed: Callable[[dict], None] = None):
    """Every ``interval`` seconds, if this process takes the lock, a pass; every hour, sweep old files. Never
    dies of an error. ``passed`` is told each pass's counts (tests)."""
    prefix = conn.settings.redis_prefix
    lock = PassLock(conn.redis, f"{prefix}:reconciler:lock")
    sweep_key = f"{prefix}:retention:lock"
    while not stop.wait(interval):
        try:
            if lock.acquire():
                try:
                    counts = pass_once(conn, lambda: lock.held)
                finally:
                    lock.release()
                if passed is not None:
                    passed(counts)
            if conn.redis.set(sweep_key, "1", nx=True, ex=SWEEP_EVERY):
                sweep_files(conn)
        except redis.RedisError as exc:
            log.warning("reconciler: Redis unavailable (%s); retrying", exc)
        except Exception:
            log.exception("reconciler pass failed")


def start(conn, **options) -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=run_forever, args=(conn, stop), kwargs=options, name="platen-reconciler",
                     daemon=True).start()
    return stop
