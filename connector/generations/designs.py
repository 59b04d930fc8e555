"""Designs: extracted content laid out for one format in one visual style, as an ordinary template."""

from __future__ import annotations

from connector.generations.content import Extracted
from connector.generations.layouts.card import card
from connector.generations.layouts.carousel import carousel
from connector.generations.layouts.parts import Ctx
from connector.generations.layouts.styles import STYLES as _STYLES
from connector.templates.formats import BY_NAME

STYLES = tuple(_STYLES)
DEFAULT_SLIDES = 5
MIN_SLIDES, MAX_SLIDES = 3, 10


def design(extracted: Extracted, format_name: str, style: str, *, slides: int | None = None, fonts=None,
           brand: dict | None = None) -> dict:
    """An ordinary template (a dict as POST /templates takes it, brand tokens in place of colours, fonts and the
    logo) whose layers' own values say the content: rendered with no fields, it is the finished design. A carousel
    format (``pages``) has ``slides`` pages (3 to 10: a cover, body slides, a closing slide). ``fonts`` is the
    account's font registry and ``brand`` the resolved brand's values, so text is measured in the fonts it will be
    drawn in. The same arguments always give the same dict."""
    size = BY_NAME[format_name]
    look = _STYLES[style]
    ctx = Ctx.of(size.width, size.height, look, extracted, fonts, brand)
    title = " ".join(extracted.title.split())
    base = {"name": f"{title[:120]} · {size.label} · {style}"[:200],
            "description": f"Generated from {extracted.url or 'text'} in the {style} style.",
            "width": size.width, "height": size.height, "background": ctx.colour(look.background)}
    if size.dpi != 72:
        base["dpi"] = size.dpi
    if not size.pages:
        return {**base, "layers": _mirrored(ctx, card(ctx, extracted))}
    count = max(MIN_SLIDES, min(MAX_SLIDES, slides or DEFAULT_SLIDES))
    return {**base, "pages": [_mirrored(ctx, page) for page in carousel(ctx, extracted, count)]}


def _mirrored(ctx: Ctx, layers: list[dict]) -> list[dict]:
    """Right-to-left content (Arabic, Hebrew) gets the layout's mirror image: what sat on the left sits on the
    right, left and right alignments swap (``start`` already follows the text)."""
    if not ctx.rtl:
        return layers
    swap = {"left": "right", "right": "left"}
    out = []
    for layer in layers:
        layer = dict(layer)
        layer["x"] = ctx.width - layer["x"] - layer["width"]
        if layer.get("rotation"):
            layer["rotation"] = -layer["rotation"]
        if layer["type"] == "text":
            layer["align"] = swap.get(layer.get("align"), layer.get("align"))
        if layer["type"] == "image" and "focus_x" in layer:
            layer["focus_x"] = 1 - layer["focus_x"]
        if isinstance(layer.get("fill"), dict) and layer["fill"]["angle"] in (90, -90, 270):
            layer["fill"] = {**layer["fill"], "angle": -layer["fill"]["angle"]}
        out.append(layer)
    return out
