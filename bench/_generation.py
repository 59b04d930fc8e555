"""What the generations benchmark serves and runs in-process: a ~1,500-word article over a loopback HTTP server (a
new title on every request it is asked for), and a generation's steps timed one by one in this process."""

from __future__ import annotations

import html
import pydoc_data.topics
import random
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from _measure import ms

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "connector" / "generations" / "data" / "article.html"
OG, CAROUSEL = "og", "linkedin_carousel"

_SENTENCES = (
    "Remote teams that write things down spend less time in meetings and more time shipping work that matters.",
    "A short daily note about what changed, what is blocked and what comes next replaces most status calls.",
    "Decisions belong in a shared document with the reasons beside them, so that newcomers can follow the trail.",
    "Time zones are a feature when handovers are planned: work moves around the world while people sleep.",
    "Tools matter less than habits, but a searchable home for every decision saves hours each week.",
    "Managers who ask for outcomes instead of hours see calmer teams and better estimates.",
    "Quiet focus time on the calendar, protected by everyone, is the cheapest productivity gain there is.",
    "Written proposals invite better feedback than meetings, because readers can think before they answer.",
)
_HEADINGS = ("Write it down", "Plan the handover", "Protect focus time", "Measure outcomes", "Choose fewer tools",
             "Meet with a purpose", "Make onboarding a document", "Review and repeat")


def synthetic_article(words: int = 1500) -> bytes:
    """A stand-in page of about ``words`` words (h2 sections, lists, og: tags) for when the checked-in one is
    missing."""
    body, count, n = [], 0, 0
    while count < words:
        heading = _HEADINGS[(n // 3) % len(_HEADINGS)]
        if n % 3 == 0:
            body.append(f"<h2>{heading}</h2>")
        para = " ".join(_SENTENCES[(n + k) % len(_SENTENCES)] for k in range(4))
        body.append(f"<p>{html.escape(para)}</p>")
        count += len(para.split())
        if n % 4 == 2:
            items = [_SENTENCES[(n + k) % len(_SENTENCES)].split(",")[0] for k in range(3)]
            body.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
            count += sum(len(i.split()) for i in items)
        n += 1
    title = "Eight habits of remote teams that ship"
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='Bench Journal'>"
            "<meta name='description' content='What the calmest distributed teams do differently, in eight "
            "habits anyone can start this week.'><meta name='author' content='Ada Bench'></head><body><article>"
            f"<h1>{title}</h1>{''.join(body)}</article></body></html>").encode()


def article() -> tuple[bytes, str]:
    """The page's bytes and where they came from."""
    if ARTICLE.exists():
        return ARTICLE.read_bytes(), str(ARTICLE.relative_to(ROOT))
    return synthetic_article(), "a synthetic page (tests/connector/generations/data/article.html is not there yet)"


_WORD = re.compile(r"[A-Za-z]{2,14}")
_KEPT = {m.lower() for m in ("January February March April May June July August September October November "
                             "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday "
                             "Thursday Friday Saturday Sunday").split()}   # dates stay dates


def _pool() -> dict[int, list[str]]:
    """Real English words by length: every lowercase word of this repository's docs and of Python's own
    documentation (``pydoc_data``), so a varied article's words measure as wide as prose does."""
    text = " ".join(pydoc_data.topics.topics.values())
    text += " ".join(p.read_text("utf-8", "replace") for p in sorted((ROOT / "docs").glob("*.md")))
    words = sorted(set(re.findall(r"(?<![\w.])[a-z]{2,14}(?![\w(])", text)))
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    return by_length


_POOL: dict[int, list[str]] = {}


def varied(page: bytes, seed: str) -> bytes:
    """``page`` with every word of its text (and of its title and description) replaced by a real word of the
    same length, the same word always by the same one within a page, chosen by a generator seeded with ``seed``:
    an article of the same length and shape that a worker has not measured (its words, mostly)."""
    if not _POOL:
        _POOL.update(_pool())
    rng, mapping = random.Random(f"article {seed}"), {}

    def word(m: re.Match) -> str:
        old = m.group(0)
        low = old.lower()
        new = mapping.get(low, low if low in _KEPT else None)
        if new is None:
            new = mapping[low] = rng.choice(_POOL.get(len(low)) or [low])
        return new.upper() if old.isupper() and len(old) > 1 else new.capitalize() if old[0].isupper() else new

    def text(m: re.Match) -> str:
        return m.group(1) + _WORD.sub(word, m.group(2))

    source = page.decode("utf-8")
    source = re.sub(r"(<(?:script|style)\b.*?</(?:script|style)>)", lambda m: m.group(0).replace("<", "\0"),
                    source, flags=re.S | re.I)   # nothing inside scripts and styles is text
    source = re.sub(r"(>)([^<]+)", text, source)
    source = re.sub(r"<meta\b[^>]*(?:title|description)[^>]*>",   # what the page says it is about
                    lambda m: re.sub(r"(\bcontent=[\"'])([^\"']*)", text, m.group(0)), source, flags=re.I)
    return source.replace("\0", "<").encode()


def title_of(page: bytes) -> str:
    found = re.search(rb"<title[^>]*>(.*?)</title>", page, re.S | re.I) or \
        re.search(rb"property=[\"']og:title[\"'][^>]*content=[\"']([^\"']+)", page, re.I)
    return html.unescape(found.group(1).decode("utf-8", "replace")).strip() if found else ""


def words_of(page: bytes) -> int:
    text = re.sub(rb"<(script|style)\b.*?</\1>", b" ", page, flags=re.S | re.I)
    return len(re.sub(rb"<[^>]+>", b" ", text).split())


class ArticleServer:
    """The article on 127.0.0.1 (``no-store``): ``/article.html?run=N`` answers it with its words replaced
    (``varied``, seeded with N: a new article of the same length and shape every run), or with ``warm`` the same
    article with " (run N)" after its title wherever the title appears; either way no two generations have the same
    content (nothing cached on Platen's side)."""

    def __init__(self, page: bytes, warm: bool = False):
        self.page, self.title, self.gets, self.warm = page, title_of(page), 0, warm
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                outer.gets += 1
                query = parse_qs(urlsplit(self.path).query)
                data = outer.variant(query.get("run", [""])[0], bool(query.get("same")))
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, name="article", daemon=True).start()

    def variant(self, run: str, same: bool = False) -> bytes:
        if run and not (self.warm or same):
            return varied(self.page, run)
        if not run or not self.title:
            return self.page
        old = html.escape(self.title, quote=True).encode()
        return self.page.replace(old, old + f" (run {run})".encode())

    def url(self, run, same: bool = False) -> str:
        return f"{self.base}/article.html?run={run}" + ("&same=1" if same else "")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class InProcess:
    """A generation's steps in this process — fetch (the guarded fetcher), extraction, planning (``design`` of each
    format), rendering — and the ready templates' rendering alone; milliseconds of each."""

    def __init__(self, style: str, slides: int):
        from connector.fetch.fetcher import Fetcher

        self.fetcher = Fetcher(allow_private=True, ports=range(1, 65536))
        self.style, self.slides = style, slides

    def run(self, url: str, cold: bool = False) -> dict:
        """One generation's steps; ``cold``: the process-wide measuring memos emptied first (a new worker)."""
        from connector.generations import designs, extracting, measuring
        from renderer.render import render

        memos = (measuring._lengths, measuring._paragraphs, measuring._spans, measuring._texts)
        kept = [(dict(memo), memo.used) for memo in memos] if cold else []   # put back after: warm stays warm
        for memo in memos if cold else ():
            memo.clear()
            memo.used = 0
        before = len(measuring._lengths)
        t0 = time.perf_counter()
        fetched = self.fetcher.get(url, kind="page")
        t1 = time.perf_counter()
        try:
            extracted = extracting.from_html(fetched.data, url, fetched.content_type)
            stand_in = False
        except extracting.ExtractionFailed:   # page extraction not built yet: the page's text instead
            text = re.sub(r"<[^>]+>", "\n", fetched.data.decode("utf-8", "replace"))
            extracted, stand_in = extracting.from_text(html.unescape(text)), True
        t2 = time.perf_counter()
        templates = [designs.design(extracted, OG, self.style),
                     designs.design(extracted, CAROUSEL, self.style, slides=self.slides)]
        t3 = time.perf_counter()
        pages = sum(len(render(t, cache=False).pages) for t in templates)
        t4 = time.perf_counter()
        ready = [render(t, cache=False) for t in templates]   # the same templates again, as ready ones
        t5 = time.perf_counter()
        measured = len(measuring._lengths) - before   # raqm measurements not remembered from before
        for memo, (entries, used) in zip(memos, kept, strict=False):
            memo.clear()
            memo.update(entries)
            memo.used = used
        return {"fetch": ms(t1 - t0), "extraction": ms(t2 - t1), "planning": ms(t3 - t2), "rendering": ms(t4 - t3),
                "total": ms(t4 - t0), "ready": ms(t5 - t4), "pages": pages,
                "ready_pages": sum(len(r.pages) for r in ready), "stand_in": stand_in,
                "measured": measured}
