"""A Redis blip under load: a real redis-server stopped (SIGTERM, or kill -9) for 4 s while both workers render,
then started again on the same port and data; and a Redis that hangs (SIGSTOP) instead of refusing."""

from __future__ import annotations

import collections
import itertools
import signal
import threading
import time
from contextlib import ExitStack

import pytest
import requests

from connector import Connector
from connector.renders.record import TERMINAL
from tests.conftest import Caller

from .images import ImageServer
from .processes import RedisServer, settings_env, web_processes, worker
from .stacks import CARD

SLOW = 1.5      # seconds the image server takes for each image: a render takes at least this long
OUTAGE = 4.0    # seconds Redis stays down
API_ERRORS = {"unavailable"}


def wait_until(condition, timeout: float, what: str, pause: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(pause)


class Rig:
    """Web (gunicorn) and two worker processes on a redis-server of the test's own, a slow image server, and an
    account with a template."""

    def __init__(self, stack: ExitStack, tmp_path, make_settings, fsync: str, workers: int = 2, **overrides):
        self.redis = RedisServer(tmp_path / "redis", fsync=fsync)
        stack.callback(self.redis.close)
        self.images = ImageServer()
        self.images.delay = SLOW
        self.images.gate.clear()   # closed: every /slow.png takes SLOW seconds
        stack.callback(self.images.close)
        self.settings = make_settings(redis_url=self.redis.url, allow_private_networks=True,
                                      files_dir=str(tmp_path / "files"), render_job_timeout=10, **overrides)
        env = settings_env(self.settings)
        self.conn = Connector(self.settings)
        stack.callback(self.conn.close)
        self.alice = Caller(self.conn, "Alice")
        (self.base,) = stack.enter_context(web_processes(1, env, tmp_path))
        self.workers = [stack.enter_context(worker(env, tmp_path / f"worker{i}.log")) for i in range(workers)]
        self.template = self.http("POST", "/api/v1/templates", json=CARD).json()["id"]
        self.numbers = itertools.count()

    def http(self, method: str, path: str, timeout: float = 30, **kwargs) -> requests.Response:
        return requests.request(method, self.base + path, headers=self.alice.headers, timeout=timeout, **kwargs)

    def render(self, wait: bool) -> requests.Response:
        n = next(self.numbers)   # each render its own fields and image URL: nothing comes from a cache
        body = {"template_id": self.template, "wait": wait, "timeout": 30,
                "fields": {"title": f"#{n}", "logo": f"{self.images.base}/slow.png?n={n}"}}
        return self.http("POST", "/api/v1/renders", json=body)

    def ready_workers(self) -> int:
        answer = requests.get(self.base + "/readyz", timeout=10)
        return answer.json()["workers"] if answer.status_code == 200 else 0

    def all_renders(self) -> list:
        out, page = [], 0
        while batch := self.conn.render_store.list(self.alice.account.id, limit=100, page=page):
            out += batch
            page += 1
        return out


class Clients:
    """Threads calling Platen the whole time, as automations would: they note every answer and the render ids
    they were given."""

    def __init__(self, rig: Rig, threads: int = 3):
        self.rig = rig
        self.phase = "before"
        self.down = (float("inf"), float("inf"))   # (Redis stopped, Redis starting again), monotonic seconds
        self.answers: list[dict] = []
        self.accepted: set[str] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(threads)]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(60)

    def call(self, kind: str):
        rig = self.rig
        if kind == "render":
            return rig.render(wait=False)
        if kind == "render_sync":
            return rig.render(wait=True)
        if kind == "read":
            with self.lock:
                some = next(iter(self.accepted), None)
            return rig.http("GET", f"/api/v1/renders/{some}" if some else "/api/v1/me")
        if kind == "list":
            return rig.http("GET", "/api/v1/renders?limit=5")
        return requests.get(rig.base + ("/readyz" if kind == "readyz" else "/healthz"), timeout=30)

    def run(self, index: int):
        kinds = itertools.cycle(["read", "healthz", "render", "list", "readyz", "render_sync", "read"][index:] +
                                ["read", "healthz", "render", "list", "readyz", "render_sync", "read"][:index])
        while not self.stop.is_set():
            kind, phase, started = next(kinds), self.phase, time.monotonic()
            answer = self.call(kind)
            body = answer.json() if answer.headers.get("Content-Type", "").startswith("application/json") else {}
            note = {"kind": kind, "phase": phase, "started": started, "ended": time.monotonic(),
                    "status": answer.status_code,
                    "retry_after": answer.headers.get("Retry-After"), "body": body,
                    "seconds": time.monotonic() - started}
            with self.lock:
                self.answers.append(note)
                if kind.startswith("render") and answer.status_code in (201, 202):
                    self.accepted.add(body["id"])
            self.stop.wait(0.2 if kind.startswith("render") and phase != "down" else 0.05)

    def seen(self, phase: str, kinds=None) -> collections.Counter:
        """Answers by status: ``down``, sent and answered while no redis-server ran; ``after``, sent once it
        answered again."""
        def when(a):
            if phase == "down":
                return self.down[0] <= a["started"] and a["ended"] <= self.down[1]
            return a["phase"] == phase

        return collections.Counter(a["status"] for a in self.answers if when(a)
                                   and (kinds is None or a["kind"] in kinds))


def outage_under_load(rig: Rig, sig: int) -> dict:
    accepted = set()
    for _ in range(8):
        answer = rig.render(wait=False)
        assert answer.status_code == 202, answer.text
        accepted.add(answer.json()["id"])
    waiting = {}

    def sync_render(i):
        answer = rig.render(wait=True)
        waiting[i] = (answer, time.monotonic())

    sync = [threading.Thread(target=sync_render, args=(i,)) for i in range(2)]
    for thread in sync:
        thread.start()
    wait_until(lambda: rig.ready_workers() == 2, 30, "both workers ready")
    with Clients(rig) as clients:
        wait_until(lambda: rig.images.slow_in_flight >= 2, 30, "both workers mid-render (fetching their images)")
        stopped = time.monotonic()
        rig.redis.stop(sig)
        clients.phase, clients.down = "down", (time.monotonic(), float("inf"))
        for thread in sync:
            thread.join(OUTAGE)
        wait_until(lambda: sum(clients.seen("down", {"render"}).values()) >= 3, OUTAGE, "render requests in the outage")
        time.sleep(max(0.0, OUTAGE - (time.monotonic() - stopped)))   # the outage itself lasts OUTAGE seconds
        restarted = time.monotonic()
        clients.down = (clients.down[0], restarted)
        rig.redis.start()
        clients.phase = "after"
        wait_until(lambda: clients.seen("after", {"render"})[202] >= 2, 30, "renders accepted again after the outage")
    # Waiting on a render when Redis went away: answered at once (before Redis was back), with the render's id.
    assert len(waiting) == 2
    for answer, answered in waiting.values():
        assert answer.status_code == 202 and answered < restarted, (answer.status_code, answer.text)
        accepted.add(answer.json()["id"])
    accepted |= clients.accepted

    # Everything accepted ends: the workers carried on, what Redis cut off was queued again.
    def unfinished():
        records = rig.all_renders()
        return [r.id for r in records if r.status not in TERMINAL] if records else ["none yet"]

    wait_until(lambda: not unfinished(), 120, "every render to finish", pause=0.5)
    wait_until(lambda: rig.ready_workers() == 2, 60, "both workers registered again")
    records = {r.id: r for r in rig.all_renders()}
    return {"accepted": accepted, "records": records, "clients": clients,
            "sync": [(a.status_code, round(when - stopped, 2)) for a, when in waiting.values()]}


@pytest.mark.parametrize("sig, fsync", [(signal.SIGTERM, "everysec"), (signal.SIGKILL, "always")],
                         ids=["sigterm-aof-everysec", "kill9-aof-always"])
def test_a_redis_restart_with_both_workers_busy_loses_nothing_and_answers_503(tmp_path, make_settings, sig, fsync):
    with ExitStack() as stack:
        rig = Rig(stack, tmp_path, make_settings, fsync)
        result = outage_under_load(rig, sig)
        records, clients = result["records"], result["clients"]

        alive = [w.popen.poll() is None for w in rig.workers]
        lost = result["accepted"] - records.keys()
        stuck = [r.id for r in records.values() if r.status not in TERMINAL]
        completed = [r for r in records.values() if r.status == "completed"]
        used = rig.conn.credits.usage(rig.alice.account).used
        down = clients.seen("down")
        print(f"\n{signal.Signals(sig).name} {OUTAGE:.0f} s, AOF {fsync}: workers alive {sum(alive)}/2, "
              f"accepted {len(result['accepted'])}, lost {len(lost)}, stuck {len(stuck)}, "
              f"completed {len(completed)}, failed {len(records) - len(completed)}, credits used {used}; "
              f"during the outage: {dict(down)} (api: {dict(clients.seen('down', {'render', 'read', 'list'}))}, "
              f"/readyz: {dict(clients.seen('down', {'readyz'}))}, /healthz: {dict(clients.seen('down', {'healthz'}))}"
              f"); sync waits {result['sync']}")

        assert all(alive), [w.output()[-3000:] for w in rig.workers]
        for w in rig.workers:
            assert "unhandled exception" not in w.output(), w.output()[-3000:]
        assert lost == set()
        assert stuck == []
        assert all(r.status == "completed" for r in records.values()), [r.error for r in records.values()]
        assert used == len(completed), "credits used = completed renders (none cached, none failed)"

        assert all(a["status"] != 500 for a in clients.answers), [a for a in clients.answers if a["status"] >= 500]
        assert set(clients.seen("down", {"render", "read", "list", "readyz"})) == {503}
        assert set(clients.seen("down", {"healthz"})) == {200}
        for a in clients.answers:
            if a["status"] == 503:
                assert a["retry_after"] == "5" and a["body"]["error"] in API_ERRORS, a
                assert a["body"]["request_id"].startswith("req_"), a


def test_a_redis_that_hangs_is_a_prompt_503_not_a_held_thread(tmp_path, make_settings):
    """SIGSTOP: connections are accepted and never answered. Each call gives up after PLATEN_REDIS_TIMEOUT."""
    with ExitStack() as stack:
        rig = Rig(stack, tmp_path, make_settings, "everysec", workers=1, redis_timeout=2.0)
        wait_until(lambda: rig.ready_workers() == 1, 30, "the worker ready")
        assert requests.get(rig.base + "/metrics", timeout=10).status_code == 200   # counts the workers
        rig.redis.pause()
        try:
            for method, path, kwargs in [("GET", "/api/v1/me", {}), ("GET", "/readyz", {}), ("GET", "/metrics", {}),
                                         ("POST", "/api/v1/renders", {"json": {"template_id": rig.template}})]:
                started = time.monotonic()
                answer = rig.http(method, path, timeout=60, **kwargs)
                seconds = time.monotonic() - started
                assert answer.status_code == 503 and answer.headers["Retry-After"] == "5", (path, answer.text)
                assert answer.json()["error"] == "unavailable"
                assert seconds < 2 * 2.0 + 1.5, f"{method} {path} held for {seconds:.1f} s"
            assert requests.get(rig.base + "/healthz", timeout=5).status_code == 200
        finally:
            rig.redis.resume()
        assert rig.render(wait=True).status_code == 201   # Redis answers again: so does Platen, worker included
        assert rig.workers[0].popen.poll() is None


def test_a_worker_gives_up_after_the_outage_wait_and_a_new_one_waits_for_redis(tmp_path, make_settings):
    """Redis gone for longer than PLATEN_REDIS_OUTAGE_WAIT: the worker exits 1 (its supervisor starts another);
    a worker started while Redis is still down waits for it instead of exiting at once."""
    with ExitStack() as stack:
        server = RedisServer(tmp_path / "redis")
        stack.callback(server.close)
        settings = make_settings(redis_url=server.url, redis_outage_wait=3, redis_timeout=1.0)
        env = settings_env(settings)
        first = stack.enter_context(worker(env, tmp_path / "worker1.log"))
        conn = Connector(settings)
        stack.callback(conn.close)
        wait_until(lambda: conn.readiness.check()["workers"] == 1, 30, "the worker registered")
        server.stop(signal.SIGTERM)
        assert first.popen.wait(timeout=60) == 1, first.output()[-3000:]
        assert "stayed unreachable" in first.output()

        waiting = stack.enter_context(worker({**env, "PLATEN_REDIS_OUTAGE_WAIT": "120"}, tmp_path / "worker2.log"))
        wait_until(lambda: "waiting up to 120 s" in waiting.output(), 30, "a new worker waiting for Redis")
        assert waiting.stop(timeout=10) == 0, "a stop request ends the wait (Ctrl-C of make run)"

        second = stack.enter_context(worker({**env, "PLATEN_REDIS_OUTAGE_WAIT": "120"}, tmp_path / "worker3.log"))
        wait_until(lambda: "waiting up to 120 s" in second.output(), 30, "a new worker waiting for Redis")
        server.start()
        wait_until(lambda: conn.readiness.check()["ready"], 30, "the new worker registered once Redis is back")
        assert second.popen.poll() is None
        assert second.stop() == 0
