"""Text decoration: underline and line-through, one stroke per laid-out line, placed by the font's own metrics."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fontTools.ttLib import TTFont
from PIL import ImageDraw

from .fonts import FontFace

DECORATIONS = ("none", "underline", "line-through")


@dataclass(frozen=True)
class StrokeMetrics:
    """Where a face wants its strokes, in ems: the top of each stroke above the baseline (negative: below)."""

    underline_top: float = -0.1
    underline_size: float = 0.05
    strike_top: float = 0.32
    strike_size: float = 0.05


@lru_cache(maxsize=256)
def stroke_metrics(face: FontFace) -> StrokeMetrics:
    """The face's post.underlinePosition/Thickness and OS/2 yStrikeoutPosition/Size, as fractions of an em.

    A face that lacks them (or gives zero thickness) gets typical values instead.
    """
    fallback = StrokeMetrics()
    try:
        with TTFont(face.path, lazy=True, fontNumber=face.index) as font:
            em = font["head"].unitsPerEm or 1000
            post = font["post"] if "post" in font else None
            os2 = font["OS/2"] if "OS/2" in font else None
            under = (post.underlinePosition / em, post.underlineThickness / em) if post and \
                post.underlineThickness > 0 else (fallback.underline_top, fallback.underline_size)
            strike = (os2.yStrikeoutPosition / em, os2.yStrikeoutSize / em) if os2 and os2.yStrikeoutSize > 0 \
                else (fallback.strike_top, fallback.strike_size)
    except Exception:   # an odd font file: decorate with typical metrics rather than fail the render
        return fallback
    return StrokeMetrics(under[0], under[1], strike[0], strike[1])


def line_extent(units) -> tuple[float, float] | None:
    """Left and right of the text actually laid out on a line (its units in visual order), or None if empty."""
    if not units:
        return None
    return min(u.x for u in units), max(u.x + u.width for u in units)


def stroke_box(decoration: str, metrics: StrokeMetrics, baseline: float, size: float) -> tuple[int, int]:
    """(top row, thickness in rows) of the stroke: whole pixels, so a thin rule stays crisp rather than grey."""
    top, thickness = ((metrics.underline_top, metrics.underline_size) if decoration == "underline"
                      else (metrics.strike_top, metrics.strike_size))
    rows = max(1, round(thickness * size))
    return round(baseline - top * size), rows


def draw_decoration(draw: ImageDraw.ImageDraw, lay, face: FontFace, decoration: str, ink) -> None:
    """Underline or strike every line of ``lay`` from its first glyph to its last, in the text's ink."""
    if decoration not in ("underline", "line-through"):
        return
    metrics = stroke_metrics(face)
    for units, baseline in zip(lay.lines, lay.baselines, strict=True):
        extent = line_extent(units)
        if extent is None:
            continue
        top, rows = stroke_box(decoration, metrics, baseline, lay.size)
        draw.rectangle((round(extent[0]), top, round(extent[1]) - 1, top + rows - 1), fill=ink)
