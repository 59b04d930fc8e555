"""The HTTP benchmark's latency phases: a sync render against the renderer on the same card in the same run (time
and CPU), and cached repeats with the floors of any request."""

from __future__ import annotations

import time

from _measure import Client, med, ms, new_title, pct, render_body, say
from _reference import ASSETS

BLOCK = 10   # this many HTTP renders, then the same fields in-process, alternating


def post_sync(bench, client: Client, template_id: str, title: str) -> tuple[float, float, float, dict]:
    body = render_body(template_id, title)
    w0, t0 = time.time(), time.perf_counter()
    status, answer = client.call("POST", "/api/v1/renders", body)
    t1 = time.perf_counter()
    if status != 201 or answer.get("status") != "completed":
        raise SystemExit(f"a sync render answered {status}: {answer}")
    return t1 - t0, w0, w0 + (t1 - t0), answer


def in_process_renderer(bench, template: dict):
    """``once(title) -> (seconds, CPU seconds of this thread)``: ``renderer.render`` as the worker calls it."""
    from renderer import RenderCache, render
    from renderer.fonts import FontRegistry, default_registry

    settings = bench.s.settings
    held = {layer["src"]: (ASSETS / layer["src"].rsplit("/", 1)[1]).read_bytes()
            for layer in template["layers"] if layer.get("src")}
    dirs = [d for d in settings.font_dirs.split(":") if d]
    fonts = FontRegistry(dirs) if dirs else default_registry()
    cache = RenderCache(settings.render_cache_bytes)

    def once(title: str) -> tuple[float, float]:
        c0, t0 = time.thread_time(), time.perf_counter()
        render(template, {"title": title}, format="png", load_image=held.__getitem__, cache=cache,
               png_compression=settings.png_compression, fonts=fonts)
        return time.perf_counter() - t0, time.thread_time() - c0

    return once


def phase_sync(bench, card: str) -> dict:
    """Sync renders over HTTP (one client, one worker) against the renderer in this process, interleaved in
    blocks; the CPU that web, worker and Redis spend per HTTP render against the renderer's own."""
    n = bench.n["sync"]
    template, template_id = bench.cards[card]
    say(f"1. sync latency, {card} card: {n} distinct renders over HTTP (wait: true) against the same fields "
        "in-process…")
    client = Client(bench.s.port, bench.key)
    once = in_process_renderer(bench, template)
    for _ in range(5):   # warm: the worker's fonts, image fetches and decodes; this process' the same
        post_sync(bench, client, template_id, new_title("w"))
        once(new_title("w"))
    http_lat, local_lat, local_cpu, done = [], [], [], []
    offset = bench.web_log_offset()
    cpu = {"wall": 0.0, "cpu": {}}   # the service's CPU while it answers the HTTP blocks (not while idle)
    for b in range(max(1, n // BLOCK)):
        titles = [new_title("s") for _ in range(BLOCK)]
        for which in (("http", "local") if b % 2 == 0 else ("local", "http")):
            if which == "http":
                meter = bench.meter()
                meter.start()
                for title in titles:
                    lat, w0, w1, answer = post_sync(bench, client, template_id, title)
                    http_lat.append(lat)
                    done.append((answer["id"], w0, w1, answer.get("duration_ms"), title))
                used = meter.stop()
                cpu["wall"] += used["wall"]
                for name, sec in used["cpu"].items():
                    cpu["cpu"][name] = cpu["cpu"].get(name, 0.0) + sec
            else:
                for title in titles:
                    wall, used = once(title)
                    local_lat.append(wall)
                    local_cpu.append(used)
    client.close()
    server_ms = bench.web_times(offset, "POST", "/api/v1/renders", 201)
    recs = {r["id"]: r for r in bench.records([d[0] for d in done])}
    seg = {"web_in": [], "queue": [], "worker": [], "return": []}
    for rid, w0, w1, _dur, _title in done:
        r = recs[rid]
        if None in (r["created"], r["started"], r["completed"]):
            continue
        seg["web_in"].append(ms(r["created"] - w0))
        seg["queue"].append(ms(r["started"] - r["created"]))
        seg["worker"].append(ms(r["completed"] - r["started"]))
        seg["return"].append(ms(w1 - r["completed"]))
    per = {k: ms(cpu["cpu"].get(k, 0.0)) / len(done) for k in ("web", "workers", "redis")}
    res = {
        "card": card, "n": len(http_lat), "http_p50": ms(med(http_lat)), "http_p95": ms(pct(http_lat, 0.95)),
        "renderer_p50": ms(med(local_lat)), "renderer_p95": ms(pct(local_lat, 0.95)),
        "renderer_cpu_ms": ms(sum(local_cpu) / len(local_cpu)), "service_cpu_ms": per,
        "duration_ms_p50": med([d[3] for d in done if d[3] is not None]), "server_p50": med(server_ms),
        "segments_p50": {k: med(v) for k, v in seg.items()},
        "cached_flags": sum(recs[d[0]]["cached"] for d in done), "cpu": cpu, "titles": [d[4] for d in done],
    }
    res["overhead_p50"] = res["http_p50"] - res["renderer_p50"]
    res["cpu_ratio"] = sum(per.values()) / res["renderer_cpu_ms"]
    sg = res["segments_p50"]
    say(f"   HTTP p50 {res['http_p50']:.1f} ms (p95 {res['http_p95']:.1f}), renderer p50 "
        f"{res['renderer_p50']:.1f} ms, overhead {res['overhead_p50']:.1f} ms; worker duration_ms p50 "
        f"{res['duration_ms_p50']:.0f}; web's own time p50 {res['server_p50']:.1f} ms")
    say(f"   split (p50 of each, ms): client->created {sg['web_in']:.1f}, created->started {sg['queue']:.1f}, "
        f"started->completed {sg['worker']:.1f}, completed->answer {sg['return']:.1f}; other processes used "
        f"{cpu['cpu']['others'] / cpu['wall']:.2f} cores meanwhile")
    say(f"   CPU per render: web {per['web']:.1f} + worker {per['workers']:.1f} + Redis {per['redis']:.1f} = "
        f"{sum(per.values()):.1f} ms against the renderer's own {res['renderer_cpu_ms']:.1f} ms: "
        f"{res['cpu_ratio']:.2f}x")
    return res


def phase_cached(bench) -> dict:
    """The reference card's phase-1 requests again (``cached: true``); floors: GET /healthz and GET /api/v1/me."""
    titles = bench.results["sync"]["titles"]
    n = bench.n["cached"]
    say(f"2. cached repeats: {n} requests repeating phase 1's fields; floors: GET /healthz, GET /api/v1/me…")
    client = Client(bench.s.port, bench.key)
    lat, not_cached = [], 0
    offset = bench.web_log_offset()
    for i in range(n):
        t0 = time.perf_counter()
        status, answer = client.call("POST", "/api/v1/renders", render_body(bench.template_id,
                                                                            titles[i % len(titles)]))
        lat.append(time.perf_counter() - t0)
        if status != 201:
            raise SystemExit(f"a cached repeat answered {status}: {answer}")
        not_cached += not answer["cached"]
    server_ms = bench.web_times(offset, "POST", "/api/v1/renders", 201)
    floors = {}
    for path, auth in (("/healthz", False), ("/api/v1/me", True)):
        c = Client(bench.s.port, bench.key if auth else None)
        c.call("GET", path)
        off = bench.web_log_offset()
        fl = []
        for _ in range(bench.n["floor"]):
            t0 = time.perf_counter()
            status, _ = c.call("GET", path)
            fl.append(time.perf_counter() - t0)
            assert status == 200, status
        c.close()
        srv = bench.web_times(off, "GET", path)
        floors[path] = {"p50": ms(med(fl)), "p95": ms(pct(fl, 0.95)), "server_p50": med(srv)}
    client.close()
    res = {"n": n, "p50": ms(med(lat)), "p95": ms(pct(lat, 0.95)), "not_cached": not_cached,
           "server_p50": med(server_ms), "floors": floors}
    say(f"   cached p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms (web's own time p50 "
        f"{res['server_p50']:.1f} ms); {not_cached} answered cached: false")
    for path, f in floors.items():
        say(f"   floor GET {path}: p50 {f['p50']:.1f} ms, p95 {f['p95']:.1f} ms (web's own p50 "
            f"{f['server_p50']:.1f} ms)")
    return res
