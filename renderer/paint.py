"""Compositing primitives: anti-aliased masks, gradients, and placing a tile with opacity and rotation."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from .colors import rgba

SUPERSAMPLE = 4


@dataclass
class Tile:
    """What a painter produces: a source (an RGB(A) image or a colour) shown through ``mask`` at ``box``."""

    source: object                 # Image.Image or an (r, g, b, a) tuple
    box: tuple[int, int, int, int]  # left, top, width, height on the canvas
    mask: Image.Image | None = None


def pixel_box(x: float, y: float, w: float, h: float, scale: float) -> tuple[int, int, int, int]:
    left, top = round(x * scale), round(y * scale)
    return left, top, round((x + w) * scale) - left, round((y + h) * scale) - top


def rounded_mask(w: int, h: int, r: float) -> Image.Image:
    """An anti-aliased rounded rectangle (an ellipse when r reaches half the shorter side)."""
    r = min(r, w / 2, h / 2)
    s = SUPERSAMPLE
    big = Image.new("L", (w * s, h * s), 0)
    draw = ImageDraw.Draw(big)
    if r >= min(w, h) / 2 and w == h:
        draw.ellipse((0, 0, w * s - 1, h * s - 1), fill=255)
    else:
        draw.rounded_rectangle((0, 0, w * s - 1, h * s - 1), radius=r * s, fill=255)
    return big.reduce(s)


def ellipse_mask(w: int, h: int, inset: float = 0) -> Image.Image:
    s = SUPERSAMPLE
    big = Image.new("L", (w * s, h * s), 0)
    i = inset * s
    if w * s - 1 - i > i and h * s - 1 - i > i:
        ImageDraw.Draw(big).ellipse((i, i, w * s - 1 - i, h * s - 1 - i), fill=255)
    return big.reduce(s)


def ring(outer: Image.Image, inner: Image.Image) -> Image.Image:
    """What lies inside ``outer`` but not ``inner``: a stroke drawn inside the box, like a CSS border."""
    return ImageChops.subtract(outer, inner)


def inset_rounded_mask(w: int, h: int, r: float, inset: float) -> Image.Image:
    s = SUPERSAMPLE
    big = Image.new("L", (w * s, h * s), 0)
    i = inset * s
    if w * s - 1 - i > i and h * s - 1 - i > i:
        ImageDraw.Draw(big).rounded_rectangle((i, i, w * s - 1 - i, h * s - 1 - i), radius=max(0, r - inset) * s,
                                              fill=255)
    return big.reduce(s)


def line_mask(w: int, h: int, width: float) -> tuple[Image.Image, int]:
    """A line from (0, 0) to (w, h), anti-aliased; the mask is padded by ``pad`` px on every side."""
    pad = math.ceil(width / 2) + 1
    s = SUPERSAMPLE
    big = Image.new("L", ((w + 2 * pad) * s, (h + 2 * pad) * s), 0)
    ImageDraw.Draw(big).line(((pad * s, pad * s), ((pad + w) * s, (pad + h) * s)), fill=255,
                             width=max(1, round(width * s)))
    return big.reduce(s), pad


def gradient(w: int, h: int, paint: dict) -> Image.Image:
    """A CSS-like linear gradient (0° points up, 90° right) as an RGBA image."""
    angle = math.radians(paint["angle"])
    dx, dy = math.sin(angle), -math.cos(angle)
    length = abs(w * dx) + abs(h * dy) or 1.0
    xs = np.arange(w, dtype=np.float32) + 0.5 - w / 2
    ys = np.arange(h, dtype=np.float32) + 0.5 - h / 2
    t = (xs[None, :] * dx + ys[:, None] * dy) / length + 0.5
    offsets = [s["offset"] for s in paint["stops"]]
    colours = np.array([rgba(s["color"]) for s in paint["stops"]], dtype=np.float32)
    channels = [np.interp(t, offsets, colours[:, c]) for c in range(4)]
    pixels = np.clip(np.rint(np.stack(channels, axis=-1)), 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGBA")


def scaled_mask(mask: Image.Image | None, size: tuple[int, int], factor: float) -> Image.Image | None:
    """``mask`` multiplied by ``factor`` (opacity or a colour's own alpha); None means fully opaque."""
    if factor >= 1:
        return mask
    level = round(255 * factor)
    if mask is None:
        return Image.new("L", size, level)
    return mask.point(lambda v: v * level // 255)


def place(canvas: Image.Image, tile: Tile, opacity: float = 1.0, rotation: float = 0.0) -> None:
    """Composite ``tile`` onto ``canvas`` (the 'over' operator), with opacity, rotated about its centre."""
    left, top, w, h = tile.box
    if w <= 0 or h <= 0:
        return
    source, mask = tile.source, tile.mask
    if isinstance(source, tuple):
        opacity *= source[3] / 255
        source = source[:3]
    elif source.mode == "RGBA":
        alpha = source.getchannel("A")
        mask = alpha if mask is None else ImageChops.multiply(mask, alpha)
        source = source.convert("RGB")
    if opacity <= 0:
        return
    if mask is None and isinstance(source, tuple) and not rotation % 360 and canvas.mode == "RGB" and opacity < 1:
        ImageDraw.Draw(canvas, "RGBA").rectangle((left, top, left + w - 1, top + h - 1),
                                                  fill=(*source, round(255 * opacity)))
        return
    mask = scaled_mask(mask, (w, h), opacity)
    if rotation % 360:
        layer = Image.new("RGB", (w, h), source) if isinstance(source, tuple) else source
        layer = layer.convert("RGBA")
        layer.putalpha(mask if mask is not None else Image.new("L", (w, h), 255))
        layer = layer.rotate(-rotation, resample=Image.BICUBIC, expand=True)
        left += (w - layer.width) // 2
        top += (h - layer.height) // 2
        source, mask = layer.convert("RGB"), layer.getchannel("A")
        w, h = layer.size
    if canvas.mode == "RGBA":
        _over_rgba(canvas, source, mask, left, top, w, h)
    elif isinstance(source, tuple):
        # Pillow pastes an image through a mask about twice as fast as it fills a colour through one.
        canvas.paste(solid(source, w, h), (left, top), mask)
    else:
        canvas.paste(source, (left, top), mask)


def solid(colour: tuple, w: int, h: int) -> Image.Image:
    """A plain image of one colour; small ones are kept (at most 16 × 1 MP: bounded memory)."""
    return _solid(colour, w, h) if w * h <= 1_000_000 else Image.new("RGB", (w, h), colour)


@lru_cache(maxsize=16)
def _solid(colour: tuple, w: int, h: int) -> Image.Image:
    return Image.new("RGB", (w, h), colour)


def _over_rgba(canvas: Image.Image, source, mask, left: int, top: int, w: int, h: int) -> None:
    """Paste blends alpha linearly, which leaves dark fringes on a transparent canvas; alpha_composite does not."""
    layer = Image.new("RGBA", (w, h), source) if isinstance(source, tuple) else source.convert("RGBA")
    layer.putalpha(mask if mask is not None else Image.new("L", (w, h), 255))
    # alpha_composite wants a destination inside the canvas: crop what hangs over the top or left edge.
    cx, cy = max(0, -left), max(0, -top)
    if cx or cy:
        layer = layer.crop((cx, cy, w, h))
    if layer.width > 0 and layer.height > 0 and left + cx < canvas.width and top + cy < canvas.height:
        canvas.alpha_composite(layer, dest=(left + cx, top + cy))
