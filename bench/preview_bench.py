"""The editor's preview round trip (issue 10): ``POST /api/v1/templates/preview`` on the reference card, JPEG, scale
1, against ``renderer.render`` in this process on the very same template and fields, in the same run.

It starts the web process the way ``make run`` does (gunicorn with gunicorn.conf.py; a preview needs no worker) in
a temporary PLATEN_DATA_DIR, rate limits off, on a free port, with the embedded Redis unless ``--redis`` names
another (then a unique PLATEN_REDIS_PREFIX, its keys deleted at the end). The card's two images come from a local
HTTP server (fetched once by the web process, then from its fetch cache, as an editing session would). Every
process it starts is stopped at the end.

Each request carries the whole template (as the editor sends it) and a title never used before in the run, so
text layout is never a cache hit; the in-process renderer gets the same titles with a warm RenderCache and the
images held in memory. The two are interleaved in blocks of 10, so both see the same machine. Reported: p50 and p95
of each, the overhead (HTTP p50 - renderer p50; target <= 10 ms) and the web process' own time from its log line.

    .venv/bin/python bench/preview_bench.py             # about half a minute
    .venv/bin/python bench/preview_bench.py --n 300 --json out/preview_bench.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _http_phases import Bench  # noqa: E402
from _measure import Client, loadavg, med, ms, new_title, pct, say  # noqa: E402
from _procs import AssetServer, Stack, choose_redis  # noqa: E402
from _reference import ASSETS, CARD  # noqa: E402

BLOCK = 10
TARGET_MS = 10.0
PATH = "/api/v1/templates/preview"


def renderer_once(template: dict, settings):
    """The renderer's own time for one preview's work, in this process: same template, fields, format, scale."""
    from renderer import RenderCache, render
    from renderer.fonts import FontRegistry, default_registry

    held = {layer["src"]: (ASSETS / layer["src"].rsplit("/", 1)[1]).read_bytes()
            for layer in template["layers"] if layer.get("src")}
    dirs = [d for d in settings.font_dirs.split(":") if d]
    fonts = FontRegistry(dirs) if dirs else default_registry()
    cache = RenderCache(settings.render_cache_bytes)

    def once(title: str) -> float:
        t0 = time.perf_counter()
        render(template, {"title": title}, format="jpeg", scale=1, page=1, load_image=held.__getitem__,
               cache=cache, fonts=fonts)
        return time.perf_counter() - t0

    return once


def measure(stack: Stack, assets: AssetServer, n: int) -> dict:
    bench = Bench(stack, {}, assets)
    bench.setup()   # the account, its key and the card with its images on the local server
    client = Client(stack.port, bench.key)
    once = renderer_once(bench.template, stack.settings)

    def preview(title: str) -> float:
        body = {"template": bench.template, "fields": {"title": title}, "format": "jpeg", "scale": 1, "page": 0}
        t0 = time.perf_counter()
        status, answer = client.call("POST", PATH, body)
        elapsed = time.perf_counter() - t0
        if status != 200 or not answer["image"].startswith("data:image/jpeg;base64,"):
            raise SystemExit(f"a preview answered {status}: {str(answer)[:300]}")
        return elapsed

    for _ in range(5):   # warm: fonts, the images' first fetch and decode, in both processes
        preview(new_title("w"))
        once(new_title("w"))
    http_lat, local_lat = [], []
    offset = bench.web_log_offset()
    for b in range(max(1, n // BLOCK)):
        titles = [new_title("p") for _ in range(BLOCK)]
        for which in (("http", "local") if b % 2 == 0 else ("local", "http")):
            for title in titles:
                (http_lat if which == "http" else local_lat).append(preview(title) if which == "http"
                                                                    else once(title))
    client.close()
    server = bench.web_times(offset, "POST", PATH, 200)
    res = {"n": len(http_lat), "http_p50": ms(med(http_lat)), "http_p95": ms(pct(http_lat, 0.95)),
           "renderer_p50": ms(med(local_lat)), "renderer_p95": ms(pct(local_lat, 0.95)),
           "server_p50": med(server), "image_fetches": assets.gets}
    res["overhead_p50"] = res["http_p50"] - res["renderer_p50"]
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=150, help="previews timed (and as many in-process renders)")
    ap.add_argument("--redis", default="embedded", help="a Redis URL, or 'embedded' (default)")
    ap.add_argument("--json", help="also write the measurements to this file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = ap.parse_args()
    for path in (CARD, ASSETS):
        if not path.exists():
            raise SystemExit(f"missing {path} (set PLATEN_BENCH_DIR to the shared bench directory)")
    tmp = Path(tempfile.mkdtemp(prefix="platen-preview-bench-"))
    assets, stack = AssetServer(), None
    try:
        stack = Stack(tmp, choose_redis(args.redis))
        say("# The editor's preview round trip\n")
        say(f"Python {sys.version.split()[0]}, load average at start {loadavg()}; {stack.redis_kind} Redis; "
            f"web on {stack.base}\n")
        stack.start_web()
        res = measure(stack, assets, args.n)
    finally:
        problems = stack.close() if stack is not None else []
        assets.close()
        for problem in problems:
            say(f"  cleanup: {problem}")
        shutil.rmtree(tmp, ignore_errors=True)
    ok = res["overhead_p50"] <= TARGET_MS
    say(f"{res['n']} previews of the reference card (JPEG, scale 1), each with a new title:")
    say(f"  POST {PATH}: p50 {res['http_p50']:.1f} ms, p95 {res['http_p95']:.1f} ms "
        f"(the web process' own time p50 {res['server_p50']:.1f} ms)")
    say(f"  renderer.render in-process: p50 {res['renderer_p50']:.1f} ms, p95 {res['renderer_p95']:.1f} ms")
    say(f"  overhead p50 {res['overhead_p50']:.1f} ms (target <= {TARGET_MS:g} ms): {'met' if ok else 'MISSED'}; "
        f"the card's images were fetched {res['image_fetches']} times")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(res, indent=1))
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
