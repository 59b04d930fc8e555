"""PDF renders of three starters: lossless pages with a text layer against JPEG pages (``quality``), cold and warm.

    .venv/bin/python bench/pdf_bench.py            # about 15 s
    .venv/bin/python bench/pdf_bench.py --runs 15

Cold renders share nothing (``cache=False``); warm ones reuse a RenderCache (decoded images, layouts, masks), as a
worker does. Each figure is the median of ``runs`` renders after one untimed render.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from connector.fetch.sources import local_loader  # noqa: E402
from renderer import RenderCache, render  # noqa: E402

EXAMPLES = ROOT / "examples"
STARTERS = ("og-blog-card", "certificate", "linkedin-carousel")


def median_ms(template: dict, runs: int, **options) -> tuple[float, int]:
    render(template, **options)   # untimed: fonts loaded, caches filled
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(render(template, **options).data)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    load = local_loader(str(EXAMPLES))
    print(f"{'starter':20} {'pages':>14} {'cold ms':>8} {'warm ms':>8} {'KB':>7}")
    for name in STARTERS:
        template = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
        for label, quality in (("lossless", None), ("jpeg q92", 92)):
            options = {"format": "pdf", "quality": quality, "load_image": load}
            cold, size = median_ms(template, args.runs, cache=False, **options)
            warm, _ = median_ms(template, args.runs, cache=RenderCache(), **options)
            print(f"{name:20} {label:>14} {cold:8.1f} {warm:8.1f} {size / 1024:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
