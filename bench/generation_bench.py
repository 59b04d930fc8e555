"""Generations end to end (issue 13): 1 OG card + a 5-slide linkedin_carousel from a ~1,500-word page served on
loopback, against rendering the same 6 pages from ready templates, side by side in one run.

It starts ``make run``'s processes (gunicorn web, one ``python -m connector.jobs.worker``) as http_bench does, and
serves the article (tests/connector/generations/data/article.html; a synthetic page of the same length while that is
missing) from a local HTTP server that replaces every word of it, each round with other real words of the same
length (seeded by the round), so every round is an article of the same length and shape that the worker has not
measured before (its words, mostly: the pool is a few thousand words). ``--warm`` serves the same article every
round with " (run N)" after its title instead: what a worker that made it before does. Either way no two
generations share content.

1. Generation: ``POST /api/v1/generations`` (``input_type: url``) then ``GET`` every 10 ms until it is completed;
   the time from the POST to the record's ``completed_at`` (and to when the client saw it), and its parts from the
   record's ``timings`` when the API gives them (fetch, extraction, planning, rendering).
2. Ready templates: the two templates the warm-up generation saved, rendered again with a fresh title (nothing
   cached), one ``POST /api/v1/renders`` (``wait: false``, ``page``) per page as a generation renders them, all
   posted at once; from the first POST to the last ``completed_at``.
3. In-process, in the same rounds: the same steps as functions in this process — the guarded fetcher,
   ``connector.generations.extracting``, ``designs.design``, ``renderer.render`` — and the same templates rendered
   again as ready ones; twice: cold (the measuring memos emptied first, a round's new article) and warm (the same
   article every round, a new title), both printed.

Rounds alternate which of 1 and 2 goes first; p50 and p95 over the rounds. Targets: extraction + planning under
20 % of the total; the total under 1.5x the ready templates' rendering.

    .venv/bin/python bench/generation_bench.py            # 12 rounds, about a minute
    .venv/bin/python bench/generation_bench.py --quick    # 4 rounds
    .venv/bin/python bench/generation_bench.py --warm     # the same article every round (remembered measuring)
    .venv/bin/python bench/generation_bench.py --wait-quiet 120 --json out/generation_bench.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _generation import CAROUSEL, OG, ArticleServer, InProcess, article, words_of  # noqa: E402
from _http_phases import Bench  # noqa: E402
from _measure import Client, iso_ts, loadavg, med, ms, pct, say, wait_quiet  # noqa: E402
from _procs import AssetServer, Stack, choose_redis  # noqa: E402

SHARE_TARGET, RATIO_TARGET = 0.20, 1.5
PARTS = ("fetch", "extraction", "planning", "rendering")


def part_of(name: str) -> str:
    """A ``timings`` key as one of PARTS (``fetch_ms``, ``extract``, ``design``/``layout`` …), else itself."""
    low = name.lower()
    for part, words in (("fetch", ("fetch", "download")), ("extraction", ("extract", "read", "pars")),
                        ("planning", ("plan", "design", "layout")), ("rendering", ("render", "draw"))):
        if any(w in low for w in words):
            return part
    return low


class GenerationBench(Bench):
    def __init__(self, stack, article_server: ArticleServer, style: str, slides: int):
        super().__init__(stack, {}, None)
        self.article, self.style, self.slides = article_server, style, slides
        self.ready: list[tuple[str, str, str, int]] = []   # (template_id, field, its text with "{tag}", pages)
        self.rows: dict[str, list] = {"generation": [], "ready": [], "inprocess": [], "inprocess_warm": []}

    def setup(self) -> None:
        _account, _key, self.key = self.s.conn.accounts.create_account("Bench", "bench@localhost", 1_000_000)
        self.client = Client(self.s.port, self.key)

    def api_ready(self) -> bool:
        status, _ = self.client.call("GET", "/api/v1/generations")
        return status == 200

    def generate(self, run) -> dict:
        body = {"input_type": "url", "input_url": self.article.url(run, same=run == "warm"),
                "output_formats": [OG, CAROUSEL], "carousel_slides": {CAROUSEL: self.slides},
                "visual_style": self.style}
        started = time.time()
        status, gen = self.client.call("POST", "/api/v1/generations", body)
        if status != 202:
            raise SystemExit(f"POST /generations answered {status}: {gen}")
        deadline = time.monotonic() + 300
        while gen["status"] not in ("completed", "failed"):
            if time.monotonic() > deadline:
                raise SystemExit(f"generation {gen['id']} still {gen['status']} after 300 s:\n"
                                 f"{self.s.workers[0].tail()}")
            time.sleep(0.01)
            _, gen = self.client.call("GET", f"/api/v1/generations/{gen['id']}")
        seen = time.time()
        if gen["status"] != "completed":
            raise SystemExit(f"generation {gen['id']} failed: {gen.get('error')}")
        pages = sum(len(o.get("urls") or o.get("render_ids") or []) for o in gen["outputs"])
        return {"id": gen["id"], "total": ms(iso_ts(gen["completed_at"]) - started), "seen": ms(seen - started),
                "server": ms(iso_ts(gen["completed_at"]) - iso_ts(gen["created_at"])), "pages": pages,
                "timings": gen.get("timings") or {}, "outputs": gen["outputs"]}

    def keep_templates(self, gen: dict) -> None:
        """The warm-up generation's templates, and in each the text layer that says the title (the field a new
        run changes), so the ready renders draw the same pages with a title never drawn before."""
        for output in gen["outputs"]:
            status, template = self.client.call("GET", f"/api/v1/templates/{output['template_id']}")
            assert status == 200, template
            layers = [layer for page in template.get("pages") or [template.get("layers") or []]
                      for layer in (page.get("layers", []) if isinstance(page, dict) else page)]
            texts = [layer for layer in layers if layer.get("type") == "text" and layer.get("name")]
            titled = [layer for layer in texts if "(run warm)" in str(layer.get("text"))] or texts[:1]
            if titled:
                text = str(titled[0]["text"])
                filled = text.replace("(run warm)", "(run {tag})") if "(run warm)" in text else text + " ({tag})"
                self.ready.append((output["template_id"], titled[0]["name"], filled, output["pages"]))
            else:
                self.ready.append((output["template_id"], "", "", output["pages"]))

    def render_ready(self, tag) -> dict:
        started, ids = time.time(), []
        for template_id, field, text, pages in self.ready:
            fields = {field: text.format(tag=tag)} if field else {}
            for page in range(1, pages + 1):   # one render per page, as a generation renders them
                status, render = self.client.call("POST", "/api/v1/renders", {
                    "template_id": template_id, "fields": fields, "wait": False, "page": page})
                assert status == 202, render
                ids.append(render["id"])
        done, deadline = {}, time.monotonic() + 300
        while len(done) < len(ids):
            if time.monotonic() > deadline:
                raise SystemExit("ready renders did not complete")
            for rid in ids:
                if rid not in done:
                    _, render = self.client.call("GET", f"/api/v1/renders/{rid}")
                    if render["status"] in ("completed", "failed"):
                        assert render["status"] == "completed" and not render.get("cached"), render
                        done[rid] = render
            if len(done) < len(ids):
                time.sleep(0.01)
        pages = sum(len(r.get("page_urls") or [r["url"]]) for r in done.values())
        return {"total": ms(max(iso_ts(r["completed_at"]) for r in done.values()) - started), "pages": pages,
                "duration_ms": sum(r.get("duration_ms") or 0 for r in done.values())}


def share(parts: dict) -> float:
    total = parts.get("total") or sum(parts.get(p, 0) for p in PARTS)
    return (parts.get("extraction", 0) + parts.get("planning", 0)) / total if total else float("nan")


def line(name: str, values: list[float], unit: str = "ms") -> str:
    if not values:
        return f"| {name} | – | – |"
    return f"| {name} | {med(values):.1f} {unit} | {pct(values, 0.95):.1f} {unit} |"


def report(b: GenerationBench, http: bool, machine: dict) -> list[tuple[str, bool]]:
    verdicts, gens, ready, local = [], b.rows["generation"], b.rows["ready"], b.rows["inprocess"]
    say(f"\n{len(local)} rounds; machine: load average {machine['load_start']} at start, {machine['load_end']} at "
        f"the end; other processes used {machine['others']:.2f} of {psutil.cpu_count()} cores meanwhile\n")
    say("| measure | p50 | p95 |\n|---|--:|--:|")
    if http:
        say(line(f"generation over HTTP, POST → completed_at ({gens[0]['pages']} pages)", [g["total"] for g in gens]))
        say(line("  … → the client saw it completed (GET every 10 ms)", [g["seen"] for g in gens]))
        say(line("  … created_at → completed_at (the server's own)", [g["server"] for g in gens]))
        parts = [{part_of(k): float(v) for k, v in g["timings"].items() if isinstance(v, int | float)}
                 for g in gens]
        names = sorted({k for p in parts for k in p}, key=lambda k: (k not in PARTS, PARTS.index(k) if k in PARTS
                                                                      else 0, k))
        for name in names:
            say(line(f"  {name} (the record's timings)", [p.get(name, 0.0) for p in parts]))
        say(line(f"ready templates over HTTP, POSTs → last completed_at ({ready[0]['pages']} pages)",
                 [r["total"] for r in ready]))
        ratio = med([g["total"] for g in gens]) / med([r["total"] for r in ready])
        say(f"| **generation ÷ ready templates (p50)** | **{ratio:.2f}×** | target < {RATIO_TARGET}× |")
        verdicts.append(("ratio over HTTP", ratio < RATIO_TARGET))
        if any(parts):
            shares = [(p.get("extraction", 0) + p.get("planning", 0)) / g["total"]
                      for p, g in zip(parts, gens, strict=True)]
            say(f"| **extraction + planning ÷ total (the record's timings)** | **{med(shares):.1%}** | "
                f"{pct(shares, 0.95):.1%} (target < {SHARE_TARGET:.0%}) |")
            verdicts.append(("share over HTTP", med(shares) < SHARE_TARGET))
    stand_in = " (extraction: a text stand-in, page reading not built yet)" if local and local[0]["stand_in"] else ""
    for kind, rows in (("cold", local), ("warm", b.rows["inprocess_warm"])):
        say(f"| *in-process, {kind}: " + ("memos emptied, a new article each round" if kind == "cold" else
                                          "the same article each round, a new title") + "* | | |")
        for part in (*PARTS, "total"):
            say(line(f"in-process {part}{stand_in if part == 'extraction' else ''}", [r[part] for r in rows]))
        say(line("  raqm measurements made (not remembered)", [r["measured"] for r in rows], ""))
        say(line(f"in-process ready templates ({rows[0]['ready_pages']} pages)", [r["ready"] for r in rows]))
        shares = [share(r) for r in rows]
        ratio = med([r["total"] for r in rows]) / med([r["ready"] for r in rows])
        say(f"| **in-process {kind} extraction + planning ÷ total** | **{med(shares):.1%}** | "
            f"{pct(shares, 0.95):.1%} (target < {SHARE_TARGET:.0%}) |")
        say(f"| **in-process {kind} total ÷ ready templates (p50)** | **{ratio:.2f}×** | target < {RATIO_TARGET}× |")
        verdicts += [(f"share in-process {kind}", med(shares) < SHARE_TARGET),
                     (f"ratio in-process {kind}", ratio < RATIO_TARGET)]
    return verdicts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="4 rounds instead of 12")
    ap.add_argument("--rounds", type=int, help="rounds (default 12; 4 with --quick)")
    ap.add_argument("--style", default="modern", help="visual_style (default modern)")
    ap.add_argument("--slides", type=int, default=5, help="carousel slides (default 5)")
    ap.add_argument("--warm", action="store_true",
                    help="serve the same article every round (a new title) instead of a new one")
    ap.add_argument("--redis", help="a Redis URL, or 'embedded' (default as http_bench)")
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                    help="first wait up to this long until other processes use less than a quarter of a core")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--json", help="also write the measurements to this file")
    args = ap.parse_args()
    rounds = args.rounds or (4 if args.quick else 12)
    if args.wait_quiet > 0:
        say(f"Machine busy before starting: {wait_quiet(args.wait_quiet):.2f} cores.")
    page, source = article()
    tmp = Path(tempfile.mkdtemp(prefix="platen-generation-bench-"))
    server, assets, stack, verdicts = ArticleServer(page, args.warm), AssetServer(), None, []
    try:
        stack = Stack(tmp, choose_redis(args.redis))
        say("# Platen generations end to end\n")
        say(f"Article: {source}, {words_of(page)} words, {len(page) // 1024} KB; 1 {OG} + {args.slides}-slide "
            f"{CAROUSEL}, style {args.style}; {stack.redis_kind} Redis; {psutil.cpu_count()} CPUs; over HTTP "
            + ("the same article every round (--warm)" if args.warm else "a new article every round (words varied)"))
        stack.start_web()
        stack.start_workers(1)
        bench = GenerationBench(stack, server, args.style, args.slides)
        bench.setup()
        http = bench.api_ready()
        if not http:
            say("GET /api/v1/generations is not there yet: in-process figures only.")
        local = InProcess(args.style, args.slides)
        local.run(server.url("warm-local", same=True))
        local.run(server.url("warm-local-varied"))   # extraction loads some data on its first varied page
        if http:
            bench.generate("warm-varied")
            bench.keep_templates(bench.generate("warm"))
            bench.render_ready("warm")
        meter = bench.meter()
        load_start = loadavg()
        meter.start()
        for i in range(rounds):
            steps = [lambda i=i: bench.rows["generation"].append(bench.generate(i)),
                     lambda i=i: bench.rows["ready"].append(bench.render_ready(i))] if http else []
            for step in steps if i % 2 == 0 else steps[::-1]:
                step()
            bench.rows["inprocess"].append(local.run(server.url(f"local{i}"), cold=True))
            bench.rows["inprocess_warm"].append(local.run(server.url(f"local{i}", same=True)))
            stack.prune_files()
        used = meter.stop()
        machine = {"load_start": load_start, "load_end": loadavg(), "others": used["cpu"]["others"] / used["wall"]}
        verdicts = report(bench, http, machine)
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps({"rounds": rounds, "machine": machine, "rows": bench.rows,
                                                   "verdicts": verdicts}, indent=1, default=str))
    finally:
        if stack is not None:
            for problem in stack.close():
                say(f"  cleanup: {problem}")
        server.close()
        assets.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if args.strict and not all(ok for _, ok in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
