"""Designs: extracted content laid out for one format in one visual style, as an ordinary template (first cut)."""

from __future__ import annotations

from connector.generations.content import Extracted
from connector.templates.formats import BY_NAME

STYLES = ("modern", "minimal", "bold", "elegant", "playful", "corporate", "creative", "dark")
DEFAULT_SLIDES = 5


def design(extracted: Extracted, format_name: str, style: str, *, slides: int | None = None, fonts=None,
           brand: dict | None = None) -> dict:
    """An ordinary template (a dict as POST /templates takes it, brand tokens in place of colours and fonts) whose
    layers' own values say the content: rendered with no fields, it is the finished design. A carousel format
    (``pages``) has ``slides`` pages (cover, body slides, closing). ``fonts`` is the account's font registry and
    ``brand`` the resolved brand's values, so text is measured in the fonts it will be drawn in."""
    size = BY_NAME[format_name]
    w, h = size.width, size.height
    m = round(min(w, h) * 0.08)

    def page(title: str, body: str, n: int) -> list[dict]:
        return [{"type": "text", "name": f"title_{n}", "x": m, "y": m, "width": w - 2 * m, "height": h // 3,
                 "text": title, "font": "@brand.heading", "font_weight": 700, "font_size": round(h / 10),
                 "min_font_size": round(min(w, h) / 40), "color": "@brand.text"},
                {"type": "text", "name": f"body_{n}", "x": m, "y": m + h // 3, "width": w - 2 * m,
                 "height": h - 2 * m - h // 3, "text": body, "font": "@brand.body", "font_size": round(h / 24),
                 "min_font_size": round(min(w, h) / 45), "color": "@brand.text"}]

    base = {"name": f"{extracted.title[:60]} · {size.label}", "width": w, "height": h,
            "background": "@brand.background"}
    if not size.pages:
        return {**base, "layers": page(extracted.title, extracted.summary, 1)}
    count = slides or DEFAULT_SLIDES
    points = extracted.points or [extracted.summary]
    pages = [page(extracted.title, extracted.summary, 1)]
    pages += [page(f"{n}", points[(n - 2) % len(points)], n) for n in range(2, count)]
    pages.append(page(extracted.site_name or extracted.title, extracted.url or "", count))
    return {**base, "pages": pages}
