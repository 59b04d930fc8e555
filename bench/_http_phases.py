"""The HTTP benchmark's phases (``Bench``): sync latency against the renderer and cached repeats
(``_http_latency``), renders per second with one and two workers, worker memory."""

from __future__ import annotations

import json
import re
import threading
import time

import _http_latency
import psutil
from _measure import Client, CpuMeter, combine, cpu_summary, iso_ts, med, new_title, render_body, say
from _procs import AssetServer, Stack
from _reference import CARD, URL_PREFIX, text_only

MEMORY_MARKS = (0.05, 0.25, 0.5, 0.75, 1.0)
MEMORY_BASE_MARK = 0.25         # growth is measured from this checkpoint to the last
HALT = threading.Event()      # set on Ctrl-C/SIGTERM: client threads stop posting
WEB_LINE = re.compile(r"platen\.http: (\w+) (\S+) (\d{3}) ([\d.]+)ms")


class Bench:
    def __init__(self, stack: Stack, counts: dict, assets: AssetServer):
        self.s, self.n, self.assets = stack, counts, assets
        self.results: dict = {}
        self.template = None
        self.cards: dict[str, tuple[dict, str]] = {}   # card -> (template, its id)
        self.template_id = None
        self.key = None

    # setup
    def setup(self) -> None:
        """An account, and the two cards as its templates: the reference card and the same without its images."""
        s = self.s
        _account, _key, self.key = s.conn.accounts.create_account("Bench", "bench@localhost", 1_000_000)
        template = json.loads(CARD.read_text())
        for layer in template["layers"]:
            if str(layer.get("src", "")).startswith(URL_PREFIX):
                layer["src"] = self.assets.base + layer["src"][len(URL_PREFIX):]
        client = Client(s.port, self.key)
        for card, body in (("reference", template), ("text", text_only(template))):
            status, answer = client.call("POST", "/api/v1/templates", body)
            if status != 201:
                raise SystemExit(f"creating the {card} template answered {status}: {answer}")
            self.cards[card] = (body, answer["id"])
        client.close()
        self.template, self.template_id = self.cards["reference"]

    def meter(self) -> CpuMeter:
        s = self.s
        redis_proc = s.redis_process()
        me = psutil.Process()
        return CpuMeter({
            "web": lambda: s.web.tree() if s.web else [],
            "workers": lambda: [p for w in s.workers for p in w.tree()],
            "redis": lambda: [redis_proc] if redis_proc else [],
            "client": lambda: [me],
        })

    def web_log_offset(self) -> int:
        return (self.s.logs / "web.log").stat().st_size

    def web_times(self, offset: int, method: str, path: str, status: int | None = None) -> list[float]:
        """Server-side milliseconds of matching requests logged since ``offset`` (the app's own log line)."""
        with open(self.s.logs / "web.log", "rb") as fh:
            fh.seek(offset)
            text = fh.read().decode(errors="replace")
        out = []
        for m in WEB_LINE.finditer(text):
            if m.group(1) == method and m.group(2) == path and (status is None or int(m.group(3)) == status):
                out.append(float(m.group(4)))
        return out

    def records(self, ids: list[str]) -> list[dict]:
        pipe = self.s.r.pipeline(transaction=False)
        for rid in ids:
            pipe.hmget(self.s.conn.render_store.key(rid), "status", "created_at", "started_at", "completed_at",
                       "duration_ms", "cached")
        out = []
        for rid, vals in zip(ids, pipe.execute(), strict=True):
            status, created, started, completed, duration, cached = vals
            out.append({"id": rid, "status": status, "created": iso_ts(created), "started": iso_ts(started),
                        "completed": iso_ts(completed), "duration_ms": int(duration) if duration else None,
                        "cached": cached == "1"})
        return out

    def post_sync(self, client: Client, title: str) -> tuple[float, float, float, dict]:
        return _http_latency.post_sync(self, client, self.template_id, title)

    # 1. sync latency vs the renderer, on each card; 2. cached repeats and the floor
    def phase_sync(self) -> None:
        for card in self.cards:
            self.results["sync" if card == "reference" else f"sync_{card}"] = _http_latency.phase_sync(self, card)

    def phase_cached(self) -> None:
        self.results["cached"] = _http_latency.phase_cached(self)

    # 3. renders per second
    def end_to_end(self, workers: int) -> dict:
        clients, seconds = self.n["clients"], self.n["seconds"]
        ramp = min(2.0, seconds * 0.15)
        finished: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        start = time.perf_counter() + 0.2
        t_from, t_to = start + ramp, start + ramp + seconds
        meter = self.meter()

        def client_loop():
            c = Client(self.s.port, self.key)
            while time.perf_counter() < start:
                time.sleep(0.005)
            try:
                while time.perf_counter() < t_to and not HALT.is_set():
                    status, answer = c.call("POST", "/api/v1/renders", render_body(self.template_id,
                                                                                   new_title("t")))
                    now = time.perf_counter()
                    with lock:
                        if status == 201 and answer.get("status") == "completed":
                            finished.append(now)
                        else:
                            errors.append(f"{status} {answer}")
            except Exception as exc:  # noqa: BLE001
                with lock:
                    errors.append(repr(exc))
            finally:
                c.close()

        threads = [threading.Thread(target=client_loop, daemon=True) for _ in range(clients)]
        for t in threads:
            t.start()
        while time.perf_counter() < t_from:
            time.sleep(0.01)
        meter.start()
        for t in threads:
            t.join()
        cpu = meter.stop()
        in_window = [t for t in finished if t_from <= t <= t_to]
        rate = len(in_window) / seconds
        if errors:
            say(f"   {len(errors)} errors, first: {errors[0][:300]}")
        # the meter ran from t_from to when the last client finished (≤ one render past t_to): per render
        # counts every render finished in that time
        finished_after = len([t for t in finished if t >= t_from])
        return {"workers": workers, "rate": rate, "n": len(in_window), "seconds": seconds, "errors": len(errors),
                "cpu": cpu, "cpu_renders": finished_after}

    def post_backlog(self, count: int, threads: int = 4) -> list[str]:
        """``count`` distinct renders with wait: false (202 at once); returns their ids."""
        ids: list[str] = []
        errors: list[str] = []
        lock = threading.Lock()
        share = [count // threads + (1 if i < count % threads else 0) for i in range(threads)]

        def loop(k):
            c = Client(self.s.port, self.key)
            try:
                for _ in range(k):
                    if HALT.is_set():
                        return
                    status, answer = c.call("POST", "/api/v1/renders",
                                            render_body(self.template_id, new_title("b"), wait=False))
                    with lock:
                        if status == 202:
                            ids.append(answer["id"])
                        else:
                            errors.append(f"{status} {answer}")
            finally:
                c.close()

        ts = [threading.Thread(target=loop, args=(k,), daemon=True) for k in share]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        if errors:
            raise SystemExit(f"{len(errors)} backlog posts failed, first: {errors[0][:300]}")
        return ids

    def wait_drained(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while self.s.r.zcard(self.s.pending_key) > 0:
            if time.monotonic() > deadline:
                raise SystemExit("the render backlog did not drain in time")
            for w in self.s.workers:
                if not w.alive():
                    raise SystemExit(f"{w.name} died:\n{w.tail()}")
            time.sleep(0.1)

    def drain(self, workers: int) -> dict:
        """Worker capacity: a backlog queued while no worker runs, drained by ``workers`` fresh workers."""
        assert not self.s.workers
        count = self.n["backlog"]
        ids = self.post_backlog(count)
        meter = self.meter()
        self.s.start_workers(workers)
        meter.start()
        self.wait_drained()
        cpu = meter.stop()
        recs = self.records(ids)
        failed = [r for r in recs if r["status"] != "completed"]
        done = sorted(r["completed"] for r in recs if r["completed"] is not None and r["status"] == "completed")
        skip = min(len(done) // 10, 10 * workers)   # the first renders of fresh workers are cold
        window = done[skip:]
        span = window[-1] - window[0] if len(window) > 1 else 0.0
        rate = (len(window) - 1) / span if span > 0 else 0.0
        durations = [r["duration_ms"] for r in recs if r["duration_ms"] is not None]
        self.s.stop_workers()
        self.s.prune_files()
        return {"workers": workers, "rate": rate, "n": len(window) - 1, "span": span, "failed": len(failed),
                "cpu": cpu, "cpu_renders": len(done), "duration_ms_p50": med(durations)}

    def phase_throughput(self) -> None:
        rounds = self.n["rounds"]
        say(f"3. renders per second, {rounds} round(s), alternating which goes first: {self.n['clients']} clients x "
            f"{self.n['seconds']:.0f} s of sync renders with one worker and with two; a backlog of "
            f"{self.n['backlog']} queued with no worker running, drained by one fresh worker and by two…")
        e2e, drains = {1: [], 2: []}, {1: [], 2: []}
        for rnd in range(rounds):
            order = (1, 2) if rnd % 2 == 0 else (2, 1)
            for workers in order:
                while len(self.s.workers) < workers:
                    self.s.start_workers(1)
                while len(self.s.workers) > workers:
                    self.s.stop_workers(self.s.workers[-1:])
                x = self.end_to_end(workers)
                e2e[workers].append(x)
                self.s.prune_files()
                say(f"   round {rnd + 1} end to end, {workers} worker(s): {x['rate']:.1f} renders/s; "
                    f"{cpu_summary(x['cpu'], x['cpu_renders'])}")
        self.s.stop_workers()
        for rnd in range(rounds):
            for workers in ((1, 2) if rnd % 2 == 0 else (2, 1)):
                d = self.drain(workers)
                drains[workers].append(d)
                say(f"   round {rnd + 1} worker capacity, {workers} worker(s): {d['rate']:.1f} renders/s over "
                    f"{d['n']} renders (duration_ms p50 {d['duration_ms_p50']:.0f}); "
                    f"{cpu_summary(d['cpu'], d['cpu_renders'])}")
        out = {"e2e": {w: combine(runs, "seconds") for w, runs in e2e.items()},
               "drain": {w: combine(runs, "span") for w, runs in drains.items()}}
        for kind in ("e2e", "drain"):
            one, two = out[kind][1], out[kind][2]
            out[kind]["ratio"] = two["rate"] / one["rate"] if one["rate"] else float("nan")
            out[kind]["round_ratios"] = [b["rate"] / a["rate"] if a["rate"] else float("nan")
                                         for a, b in zip(one["runs"], two["runs"], strict=True)]
            say(f"   {'end to end' if kind == 'e2e' else 'worker capacity'}, two workers against one: "
                f"{out[kind]['ratio']:.2f}x (per round: "
                + ", ".join(f"{r:.2f}" for r in out[kind]["round_ratios"]) + ")")
        self.results["throughput"] = out

    # 4. memory
    def phase_memory(self) -> None:
        total = self.n["memory"]
        marks = sorted({max(1, round(total * m)) for m in MEMORY_MARKS})
        say(f"4. worker memory: a fresh worker, {total} distinct renders, RSS at {', '.join(map(str, marks))}…")
        [worker] = self.s.start_workers(1)
        rss, done, failed = [], 0, 0
        t0 = time.perf_counter()
        for mark in marks:
            ids = self.post_backlog(mark - done)
            self.wait_drained()
            failed += sum(r["status"] != "completed" for r in self.records(ids))
            done = mark
            mem = worker.ps.memory_info()
            rss.append((mark, mem.rss / 2**20))
            say(f"   {mark:5d} renders: RSS {mem.rss / 2**20:6.1f} MB")
            self.s.prune_files()
        elapsed = time.perf_counter() - t0
        self.s.stop_workers()
        base = next(v for m, v in rss if m >= round(total * MEMORY_BASE_MARK))
        growth = (rss[-1][1] - base) / base * 100
        self.results["memory"] = {"rss": rss, "growth_pct": growth, "base_mark": round(total * MEMORY_BASE_MARK),
                                  "failed": failed, "seconds": elapsed}
