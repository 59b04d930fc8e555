"""Does memory stay flat over thousands of renders? The reference card, warm cache, new text on every render.

Renders /work/shared/bench/reference_card.json ``--count`` times (default 2,000) with one RenderCache and the
asset bytes held in memory, changing the title and subtitle on every render so the text layouts and masks the
cache keeps are new each time, and prints the process RSS (psutil) at 5, 25, 50, 75 and 100 % of the count
(renders 100, 500, 1000, 1500, 2000 by default) and the growth from the first checkpoint to the last.
Target: within 10 %.

    .venv/bin/python bench/memory_bench.py                # about a minute
    .venv/bin/python bench/memory_bench.py --count 500
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _reference import CARD, in_memory_loader  # noqa: E402

from renderer import RenderCache, render  # noqa: E402

TARGET_GROWTH = 10.0   # percent, first checkpoint to last


def fields_for(i: int) -> dict:
    """New text every render, about as long as the card's own (the title still shrinks to fit 3 lines)."""
    return {"title": f"Rendering Open Graph cards at scale, take {i}: Pillow vs Satori vs headless Chromium",
            "subtitle": f"Render number {i:,} of a reproducible benchmark"}


def checkpoints(count: int) -> list[int]:
    marks = sorted({max(1, round(count * f)) for f in (0.05, 0.25, 0.5, 0.75, 1.0)})
    return marks


def mb(n: float) -> str:
    return f"{n / 2**20:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=2000, help="renders (default 2000)")
    ap.add_argument("--format", default="png", help="png (default), jpeg or webp")
    ap.add_argument("--cache-mb", type=float, help="the RenderCache's max_bytes in MB (default: its own, 256)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = ap.parse_args()
    if args.count < 2:
        ap.error("--count must be at least 2")

    template = json.loads(CARD.read_text())
    cache = RenderCache() if args.cache_mb is None else RenderCache(int(args.cache_mb * 2**20))
    load = in_memory_loader()
    proc = psutil.Process()
    marks = checkpoints(args.count)
    print(f"# Memory over {args.count:,} renders: {CARD.name}, {args.format}, one RenderCache "
          f"(max {mb(cache.max_bytes)} MB), new title and subtitle every render\n")
    print(f"RSS before the first render: {mb(proc.memory_info().rss)} MB\n")
    print("| render | RSS MB | growth vs first checkpoint | cache entries | cache MB (own count) "
          "| RSS minus cache MB | Python allocated blocks | median ms since last checkpoint |")
    print("|--:|--:|--:|--:|--:|--:|--:|--:|")

    rows, lat = [], []
    started = time.perf_counter()
    for i in range(1, args.count + 1):
        t = time.perf_counter()
        render(template, fields_for(i), format=args.format, load_image=load, cache=cache)
        lat.append(time.perf_counter() - t)
        if i in marks:
            rss = proc.memory_info().rss
            rows.append((i, rss, cache.bytes))
            growth = (rss / rows[0][1] - 1) * 100
            print(f"| {i:,} | {mb(rss)} | {growth:+.1f} % | {len(cache):,} | {mb(cache.bytes)} | "
                  f"{mb(rss - cache.bytes)} | {sys.getallocatedblocks():,} | {statistics.median(lat) * 1000:.1f} |",
                  flush=True)
            lat = []
    took = time.perf_counter() - started

    (first, rss0, c0), (last, rss1, c1) = rows[0], rows[-1]
    growth = (rss1 / rss0 - 1) * 100
    ok = growth <= TARGET_GROWTH
    print(f"\nRSS growth from render {first:,} to {last:,}: {growth:+.1f} % ({mb(rss0)} -> {mb(rss1)} MB, "
          f"{(rss1 - rss0) / 1024 / max(1, last - first):+.1f} KB a render); target within {TARGET_GROWTH:.0f} %: "
          f"{'met' if ok else 'MISSED'}.")
    rest0, rest1 = rss0 - c0, rss1 - c1
    print(f"Without what the cache holds by its own count (RSS minus cache bytes): {mb(rest0)} -> {mb(rest1)} MB, "
          f"{(rest1 / rest0 - 1) * 100:+.1f} %; the cache's share of the growth: {mb(c1 - c0)} MB "
          f"(its budget: {mb(cache.max_bytes)} MB).")
    gc.collect()
    print(f"After gc.collect(): RSS {mb(proc.memory_info().rss)} MB; cache {len(cache):,} entries, "
          f"{mb(cache.bytes)} MB by its own count, hits {cache.hits:,}, misses {cache.misses:,}. "
          f"{args.count:,} renders in {took:.0f} s.")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
