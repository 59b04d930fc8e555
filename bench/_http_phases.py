"""The HTTP benchmark's phases (``Bench``): sync latency against the renderer, cached repeats, renders per second
with one and two workers, worker memory."""

from __future__ import annotations

import json
import re
import threading
import time

import psutil
from _measure import Client, CpuMeter, combine, cpu_summary, iso_ts, med, ms, new_title, pct, render_body, say
from _procs import AssetServer, Stack
from _reference import ASSETS, CARD, URL_PREFIX

BLOCK = 10                      # sync phase: this many HTTP renders, then the same fields in-process, alternating
MEMORY_MARKS = (0.05, 0.25, 0.5, 0.75, 1.0)
MEMORY_BASE_MARK = 0.25         # growth is measured from this checkpoint to the last
HALT = threading.Event()      # set on Ctrl-C/SIGTERM: client threads stop posting
WEB_LINE = re.compile(r"platen\.http: (\w+) (\S+) (\d{3}) ([\d.]+)ms")


class Bench:
    def __init__(self, stack: Stack, counts: dict, assets: AssetServer):
        self.s, self.n, self.assets = stack, counts, assets
        self.results: dict = {}
        self.template = None
        self.template_id = None
        self.key = None

    # setup
    def setup(self) -> None:
        s = self.s
        _account, _key, self.key = s.conn.accounts.create_account("Bench", "bench@localhost", 1_000_000)
        template = json.loads(CARD.read_text())
        for layer in template["layers"]:
            if str(layer.get("src", "")).startswith(URL_PREFIX):
                layer["src"] = self.assets.base + layer["src"][len(URL_PREFIX):]
        self.template = template
        client = Client(s.port, self.key)
        status, body = client.call("POST", "/api/v1/templates", template)
        if status != 201:
            raise SystemExit(f"creating the template answered {status}: {body}")
        self.template_id = body["id"]
        client.close()

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
        body = render_body(self.template_id, title)
        w0, t0 = time.time(), time.perf_counter()
        status, answer = client.call("POST", "/api/v1/renders", body)
        t1 = time.perf_counter()
        w1 = w0 + (t1 - t0)
        if status != 201 or answer.get("status") != "completed":
            raise SystemExit(f"a sync render answered {status}: {answer}")
        return t1 - t0, w0, w1, answer

    # 1. sync latency vs the renderer
    def in_process_renderer(self):
        from renderer import RenderCache, render
        from renderer.fonts import FontRegistry, default_registry

        settings = self.s.settings
        held = {}
        for layer in self.template["layers"]:
            if layer.get("src"):
                held[layer["src"]] = (ASSETS / layer["src"].rsplit("/", 1)[1]).read_bytes()
        dirs = [d for d in settings.font_dirs.split(":") if d]
        fonts = FontRegistry(dirs) if dirs else default_registry()
        cache = RenderCache(settings.render_cache_bytes)
        template = self.template

        def once(title: str) -> float:
            t0 = time.perf_counter()
            render(template, {"title": title}, format="png", load_image=held.__getitem__, cache=cache,
                   png_compression=settings.png_compression, fonts=fonts)
            return time.perf_counter() - t0

        return once

    def phase_sync(self) -> None:
        n = self.n["sync"]
        say(f"1. sync latency: {n} distinct renders over HTTP (wait: true) against the same fields in-process…")
        client = Client(self.s.port, self.key)
        once = self.in_process_renderer()
        for _ in range(5):   # warm: the worker's fonts, image fetches and decodes; this process' the same
            self.post_sync(client, new_title("w"))
            once(new_title("w"))
        http_lat, local_lat, done = [], [], []
        offset = self.web_log_offset()
        meter = self.meter()
        meter.start()
        blocks = max(1, n // BLOCK)
        for b in range(blocks):
            titles = [new_title("s") for _ in range(BLOCK)]
            order = ("http", "local") if b % 2 == 0 else ("local", "http")
            for which in order:
                for title in titles:
                    if which == "http":
                        lat, w0, w1, answer = self.post_sync(client, title)
                        http_lat.append(lat)
                        done.append((answer["id"], w0, w1, answer.get("duration_ms"), title))
                    else:
                        local_lat.append(once(title))
        cpu = meter.stop()
        client.close()
        server_ms = self.web_times(offset, "POST", "/api/v1/renders", 201)
        recs = {r["id"]: r for r in self.records([d[0] for d in done])}
        seg = {"web_in": [], "queue": [], "worker": [], "return": []}
        for rid, w0, w1, _dur, _title in done:
            r = recs[rid]
            if None in (r["created"], r["started"], r["completed"]):
                continue
            seg["web_in"].append(ms(r["created"] - w0))
            seg["queue"].append(ms(r["started"] - r["created"]))
            seg["worker"].append(ms(r["completed"] - r["started"]))
            seg["return"].append(ms(w1 - r["completed"]))
        durations = [d[3] for d in done if d[3] is not None]
        res = {
            "n": len(http_lat), "http_p50": ms(med(http_lat)), "http_p95": ms(pct(http_lat, 0.95)),
            "renderer_p50": ms(med(local_lat)), "renderer_p95": ms(pct(local_lat, 0.95)),
            "duration_ms_p50": med(durations), "server_p50": med(server_ms),
            "segments_p50": {k: med(v) for k, v in seg.items()},
            "cached_flags": sum(recs[d[0]]["cached"] for d in done),
            "cpu": cpu, "titles": [d[4] for d in done],
        }
        res["overhead_p50"] = res["http_p50"] - res["renderer_p50"]
        self.results["sync"] = res
        sg = res["segments_p50"]
        say(f"   HTTP p50 {res['http_p50']:.1f} ms (p95 {res['http_p95']:.1f}), renderer p50 "
            f"{res['renderer_p50']:.1f} ms, overhead {res['overhead_p50']:.1f} ms; worker duration_ms p50 "
            f"{res['duration_ms_p50']:.0f}; web's own time p50 {res['server_p50']:.1f} ms")
        say(f"   split (p50 of each, ms): client->created {sg['web_in']:.1f}, created->started {sg['queue']:.1f}, "
            f"started->completed {sg['worker']:.1f}, completed->answer {sg['return']:.1f}; other processes used "
            f"{cpu['cpu']['others'] / cpu['wall']:.2f} cores meanwhile")

    # 2. cached repeats and the floor
    def phase_cached(self) -> None:
        titles = self.results["sync"]["titles"]
        n = self.n["cached"]
        say(f"2. cached repeats: {n} requests repeating phase 1's fields; floors: GET /healthz, GET /api/v1/me…")
        client = Client(self.s.port, self.key)
        lat, not_cached = [], 0
        offset = self.web_log_offset()
        for i in range(n):
            t0 = time.perf_counter()
            status, answer = client.call("POST", "/api/v1/renders", render_body(self.template_id,
                                                                                titles[i % len(titles)]))
            lat.append(time.perf_counter() - t0)
            if status != 201:
                raise SystemExit(f"a cached repeat answered {status}: {answer}")
            not_cached += not answer["cached"]
        server_ms = self.web_times(offset, "POST", "/api/v1/renders", 201)
        floors = {}
        for path, auth in (("/healthz", False), ("/api/v1/me", True)):
            c = Client(self.s.port, self.key if auth else None)
            c.call("GET", path)
            off = self.web_log_offset()
            fl = []
            for _ in range(self.n["floor"]):
                t0 = time.perf_counter()
                status, _ = c.call("GET", path)
                fl.append(time.perf_counter() - t0)
                assert status == 200, status
            c.close()
            srv = self.web_times(off, "GET", path)
            floors[path] = {"p50": ms(med(fl)), "p95": ms(pct(fl, 0.95)), "server_p50": med(srv)}
        client.close()
        res = {"n": n, "p50": ms(med(lat)), "p95": ms(pct(lat, 0.95)), "not_cached": not_cached,
               "server_p50": med(server_ms), "floors": floors}
        self.results["cached"] = res
        say(f"   cached p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms (web's own time p50 "
            f"{res['server_p50']:.1f} ms); {not_cached} answered cached: false")
        for path, f in floors.items():
            say(f"   floor GET {path}: p50 {f['p50']:.1f} ms, p95 {f['p95']:.1f} ms (web's own p50 "
                f"{f['server_p50']:.1f} ms)")

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
