"""Planning alone (issue 13): ``designs.design`` of the generations benchmark's article for og + a 5-slide
linkedin_carousel, in this process, cold (the process-wide measuring memos emptied first: an article never seen) and
warm (the same article again, a new title: what a worker that made it before does), CPU ms p50 and p95.

    .venv/bin/python bench/planning_bench.py              # 9 rounds of each
    .venv/bin/python bench/planning_bench.py --style bold --rounds 20
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from connector.generations import extracting, measuring  # noqa: E402
from connector.generations.designs import design  # noqa: E402

ARTICLE = ROOT / "tests" / "connector" / "generations" / "data" / "article.html"


def forget() -> None:
    for memo in (measuring._lengths, measuring._paragraphs, measuring._spans, measuring._texts):
        memo.clear()
        memo.used = 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--style", default="modern")
    ap.add_argument("--slides", type=int, default=5)
    args = ap.parse_args()
    extracted = extracting.from_html(ARTICLE.read_bytes(), "https://bench.example/a", "text/html; charset=utf-8")
    design(extracting.from_text("Fonts loaded. A short text."), "og", args.style)   # font files, not measurements
    rows: dict[str, list[float]] = {"cold": [], "warm": []}
    for n in range(args.rounds):
        for kind in ("cold", "warm"):
            if kind == "cold":
                forget()
            content = replace(extracted, title=f"{extracted.title} (run {n})")
            started = time.process_time()
            design(content, "og", args.style)
            design(content, "linkedin_carousel", args.style, slides=args.slides)
            rows[kind].append((time.process_time() - started) * 1000)
    print(f"| planning, og + {args.slides}-slide carousel, {args.style} | p50 CPU | p95 CPU |\n|---|--:|--:|")
    for kind, values in rows.items():
        values.sort()
        p50, p95 = values[len(values) // 2], values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"| {kind} | {p50:.1f} ms | {p95:.1f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
