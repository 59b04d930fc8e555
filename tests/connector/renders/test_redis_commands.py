"""Redis commands per render (issue 12): a fresh sync render — the web side and the worker's job, RQ's bookkeeping
included — and a cached repeat must not grow past the counts reached. Each budget is one constant below; the test
prints what it counted (``pytest -s``), command by command.

Counted as sent by redis-py: a round trip is one command or one pipeline; commands include MULTI/EXEC and count an
EVALSHA once (not what its script does). The web's clients (store, waiting, RQ and the rate limiter's) and the
worker's (store and RQ) are counted apart; the worker's per job in its steady state: the difference between a
worker that ran three jobs and one that ran one (its start and stop cancel out), heartbeats held back.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from redis.connection import Connection
from rq.serializers import JSONSerializer

from connector import Connector
from connector.jobs import functions, lean
from connector.jobs.worker import PlatenWorker

# --- the budgets: lower them when a change saves a command, never raise them without a reason ------------------
FRESH_WEB_ROUND_TRIPS = 6       # a fresh POST /renders with wait: true, answered 201 (the BLPOP wait included)
FRESH_WEB_COMMANDS = 18
WORKER_ROUND_TRIPS = 6          # one render job in a running worker: dequeue, job, render bookkeeping, RQ's end
WORKER_COMMANDS = 43
CACHED_WEB_ROUND_TRIPS = 4      # the same request again, answered from the cache
CACHED_WEB_COMMANDS = 11

CARD = {"name": "Counted", "width": 300, "height": 120, "background": "#102030",
        "layers": [{"type": "rect", "name": "pill", "x": 10, "y": 10, "width": 80, "height": 30, "fill": "#e11d48"},
                   {"type": "text", "name": "title", "x": 10, "y": 50, "width": 280, "height": 60, "text": "Hello",
                    "font_size": 24, "color": "#ffffff"}]}


class Tally:
    """Round trips and commands per role (``web``, ``worker``), from counting connection classes."""

    def __init__(self):
        self.trips, self.commands = Counter(), {}

    def connection_class(self, role: str, base: type[Connection]):
        tally = self

        class Counting(base):
            def send_command(self, *args, **kwargs):
                tally.count(role, [args])
                return super().send_command(*args, **kwargs)

            def pack_commands(self, commands):
                tally.count(role, commands)
                return super().pack_commands(commands)

        return Counting

    def count(self, role: str, commands) -> None:
        self.trips[role] += 1
        names = self.commands.setdefault(role, Counter())
        for command in commands:
            name = command[0]
            names[(name.decode() if isinstance(name, bytes) else str(name)).upper()] += 1

    def watch(self, client, role: str) -> None:
        pool = client.connection_pool
        pool.disconnect()
        pool.connection_class = self.connection_class(role, pool.connection_class)   # TCP or a Unix socket
        pool.reset()

    def snapshot(self, role: str) -> tuple[int, Counter]:
        return self.trips[role], Counter(self.commands.get(role, Counter()))


def spent(before, after) -> tuple[int, Counter]:
    trips = after[0] - before[0]
    commands = Counter(after[1])
    commands.subtract(before[1])
    return trips, +commands


@pytest.fixture
def service(app, monkeypatch):
    """The app's web Connector and a worker's own, both counted; the worker's job functions bound to it."""
    monkeypatch.setattr(lean, "HEARTBEAT_EVERY", 3600.0)   # no heartbeat falls inside a measurement
    tally = Tally()
    web = app.extensions["platen"].get()
    worker_conn = Connector(web.settings)
    monkeypatch.setattr(functions, "_connector", worker_conn)
    for client in (web.redis, web.wait_redis, web.rq_redis):
        tally.watch(client, "web")
    for client in (worker_conn.redis, worker_conn.rq_redis):
        tally.watch(client, "worker")
    yield tally, web, worker_conn
    worker_conn.close()


def watch_limiter(app, tally: Tally) -> None:
    """The rate limiter's own pool (located at its first request): counted as the web's."""
    for limiter in app.extensions.get("limiter", ()):
        storage = getattr(limiter.storage, "storage", None)
        if storage is not None:
            tally.watch(storage, "web")


def run_worker(conn, jobs: int) -> None:
    worker = PlatenWorker([conn.queue(n) for n in ("renders", "webhooks", "batches")], connection=conn.rq_redis,
                          serializer=JSONSerializer, worker_ttl=30)
    worker.work(max_jobs=jobs, with_scheduler=False, logging_level="WARNING")


def sync_render(client, headers, body, worker_conn):
    """POST with wait: true in a thread while a worker here takes the one job it queues."""
    answer = {}
    thread = threading.Thread(target=lambda: answer.setdefault(
        "r", client.post("/api/v1/renders", json={**body, "wait": True}, headers=headers)))
    thread.start()
    run_worker(worker_conn, 1)
    thread.join(30)
    return answer["r"]


def show(label: str, trips: int, commands: Counter, trip_budget: int, command_budget: int) -> None:
    listed = ", ".join(f"{name} {n}" for name, n in sorted(commands.items()))
    print(f"{label}: {trips} round trips (budget {trip_budget}), {sum(commands.values())} commands "
          f"(budget {command_budget}): {listed}")


def test_redis_commands_per_render(app, client, alice, service):
    tally, _web, worker_conn = service
    made = client.post("/api/v1/templates", json=CARD, headers=alice.headers)
    assert made.status_code == 201, made.get_json()
    body = {"template_id": made.get_json()["id"], "format": "png", "output": "url"}

    # warm: connections open, scripts loaded, the limiter's pool located, per-process caches filled
    assert sync_render(client, alice.headers, {**body, "fields": {"title": "warm"}}, worker_conn).status_code == 201
    assert client.post("/api/v1/renders", json={**body, "fields": {"title": "warm"}, "wait": True},
                       headers=alice.headers).get_json()["cached"]
    watch_limiter(app, tally)
    client.get("/api/v1/me", headers=alice.headers)

    web0, worker0 = tally.snapshot("web"), tally.snapshot("worker")
    fresh = sync_render(client, alice.headers, {**body, "fields": {"title": "fresh"}}, worker_conn)
    assert fresh.status_code == 201 and not fresh.get_json()["cached"], fresh.get_json()
    web1, worker1 = tally.snapshot("web"), tally.snapshot("worker")

    repeat = client.post("/api/v1/renders", json={**body, "fields": {"title": "fresh"}, "wait": True},
                         headers=alice.headers)
    assert repeat.status_code == 201 and repeat.get_json()["cached"], repeat.get_json()
    web2 = tally.snapshot("web")

    for title in ("a", "b", "c"):
        queued = client.post("/api/v1/renders", json={**body, "fields": {"title": title}, "wait": False},
                             headers=alice.headers)
        assert queued.status_code == 202
    worker2 = tally.snapshot("worker")
    run_worker(worker_conn, 3)
    worker3 = tally.snapshot("worker")

    fresh_trips, fresh_commands = spent(web0, web1)
    cached_trips, cached_commands = spent(web1, web2)
    one_trips, one_commands = spent(worker0, worker1)       # a worker's start, one job, its stop
    three_trips, three_commands = spent(worker2, worker3)   # the same with three jobs
    job_trips = (three_trips - one_trips) // 2
    three_commands.subtract(one_commands)
    job_commands = Counter({name: n // 2 for name, n in three_commands.items() if n > 0})

    print()
    show("fresh sync render, web", fresh_trips, fresh_commands, FRESH_WEB_ROUND_TRIPS, FRESH_WEB_COMMANDS)
    show("render job, worker (RQ included)", job_trips, job_commands, WORKER_ROUND_TRIPS, WORKER_COMMANDS)
    show("cached repeat, web", cached_trips, cached_commands, CACHED_WEB_ROUND_TRIPS, CACHED_WEB_COMMANDS)
    assert fresh_trips <= FRESH_WEB_ROUND_TRIPS and sum(fresh_commands.values()) <= FRESH_WEB_COMMANDS
    assert job_trips <= WORKER_ROUND_TRIPS and sum(job_commands.values()) <= WORKER_COMMANDS
    assert cached_trips <= CACHED_WEB_ROUND_TRIPS and sum(cached_commands.values()) <= CACHED_WEB_COMMANDS
