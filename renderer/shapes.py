"""Rectangles, ellipses, lines and QR codes as tiles: colours or gradients seen through anti-aliased masks."""

from __future__ import annotations

import segno
from PIL import Image

from .colors import rgba
from .paint import Tile, ellipse_mask, gradient, inset_rounded_mask, line_mask, ring, rounded_mask


def _source(ctx, paint, w: int, h: int):
    if isinstance(paint, str):
        return rgba(paint)
    key = ("gradient", w, h, paint["angle"], tuple((s["color"], s["offset"]) for s in paint["stops"]))
    return ctx.cache.get(key, lambda: gradient(w, h, paint))


def paint_rect(ctx, layer, box) -> list[Tile]:
    left, top, w, h = box
    if w <= 0 or h <= 0:
        return []
    radius, stroke = layer.radius * ctx.scale, layer.stroke_width * ctx.scale
    mask = ctx.cache.get(("rounded", w, h, radius), lambda: rounded_mask(w, h, radius)) if radius > 0 else None
    tiles = [Tile(_source(ctx, layer.fill, w, h), box, mask)]
    if layer.stroke and stroke > 0:
        def build():
            outer = mask if mask is not None else Image.new("L", (w, h), 255)
            return ring(outer, inset_rounded_mask(w, h, radius, stroke))
        tiles.append(Tile(rgba(layer.stroke), box, ctx.cache.get(("rect-ring", w, h, radius, stroke), build)))
    return tiles


def paint_ellipse(ctx, layer, box) -> list[Tile]:
    left, top, w, h = box
    if w <= 0 or h <= 0:
        return []
    stroke = layer.stroke_width * ctx.scale
    mask = ctx.cache.get(("ellipse", w, h), lambda: ellipse_mask(w, h))
    tiles = [Tile(_source(ctx, layer.fill, w, h), box, mask)]
    if layer.stroke and stroke > 0:
        ring_mask = ctx.cache.get(("ellipse-ring", w, h, stroke), lambda: ring(mask, ellipse_mask(w, h, stroke)))
        tiles.append(Tile(rgba(layer.stroke), box, ring_mask))
    return tiles


def paint_line(ctx, layer, box) -> list[Tile]:
    left, top, w, h = box
    width = layer.stroke_width * ctx.scale
    mask, pad = ctx.cache.get(("line", w, h, width), lambda: line_mask(w, h, width))
    return [Tile(rgba(layer.fill), (left - pad, top - pad, mask.width, mask.height), mask)]


def qr_matrix(data: str, error: str, margin: int) -> Image.Image:
    """One pixel per module (dark = 255), quiet zone included."""
    code = segno.make(data, error=error, boost_error=False, micro=False)
    rows = list(code.matrix_iter(scale=1, border=margin))
    image = Image.new("L", (len(rows[0]), len(rows)))
    image.putdata([255 if dark else 0 for row in rows for dark in row])
    return image


def paint_qr(ctx, layer, box) -> list[Tile]:
    """The largest whole number of px per module that fits, centred: QR codes must stay crisp to scan."""
    left, top, w, h = box
    if not layer.data or w <= 0 or h <= 0:
        return []
    try:
        modules = ctx.cache.get(("qr", layer.data, layer.error_correction, layer.margin),
                                lambda: qr_matrix(layer.data, layer.error_correction, layer.margin))
    except segno.DataOverflowError:
        raise ValueError(f"the text is too long for a QR code ({len(layer.data)} characters)") from None
    unit = min(w, h) // modules.width
    if unit < 1:
        ctx.warn("qr_too_small", layer.name, f"The QR code needs at least {modules.width}×{modules.width} px to "
                                             "scan; it was squeezed and may not scan.")
        unit, size = None, min(w, h)
    else:
        size = unit * modules.width
    code = modules.resize((size, size), Image.NEAREST if unit else Image.BILINEAR)
    x, y = left + (w - size) // 2, top + (h - size) // 2
    tiles = []
    if layer.background:
        tiles.append(Tile(rgba(layer.background), (x, y, size, size), None))
    tiles.append(Tile(rgba(layer.color), (x, y, size, size), code))
    return tiles
