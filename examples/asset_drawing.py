"""The drawing helpers the example assets share: gradients, soft masks, blending, grain and a vignette.

Images are float numpy arrays (h×w×3, 0..255) until ``to_image``; masks are h×w floats from 0 to 1.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SS = 3  # supersampling factor for drawn shapes


def hex_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def vertical(w: int, h: int, stops: list[tuple[float, str]]) -> np.ndarray:
    """An h×w×3 float image: colours interpolated from top (0) to bottom (1)."""
    t = (np.arange(h, dtype=np.float32) + 0.5) / h
    offsets = [s for s, _ in stops]
    cols = np.array([hex_rgb(c) for _, c in stops], dtype=np.float32)
    column = np.stack([np.interp(t, offsets, cols[:, c]) for c in range(3)], axis=-1)
    return np.repeat(column[:, None, :], w, axis=1)


def diagonal(w: int, h: int, stops: list[tuple[float, str]], angle: float = 135) -> np.ndarray:
    a = math.radians(angle)
    dx, dy = math.sin(a), -math.cos(a)
    xs = np.arange(w, dtype=np.float32) - w / 2
    ys = np.arange(h, dtype=np.float32) - h / 2
    t = (xs[None, :] * dx + ys[:, None] * dy) / (abs(w * dx) + abs(h * dy)) + 0.5
    offsets = [s for s, _ in stops]
    cols = np.array([hex_rgb(c) for _, c in stops], dtype=np.float32)
    return np.stack([np.interp(t, offsets, cols[:, c]) for c in range(3)], axis=-1)


def radial(w: int, h: int, cx: float, cy: float, radius: float) -> np.ndarray:
    """1 at (cx, cy) falling smoothly to 0 at ``radius`` (an h×w float mask)."""
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / radius
    return np.clip(1 - d, 0, 1) ** 2


def blend(base: np.ndarray, colour, mask: np.ndarray) -> np.ndarray:
    """``colour`` (hex or an array) over ``base`` through a 0..1 mask."""
    over = np.array(hex_rgb(colour), dtype=np.float32) if isinstance(colour, str) else colour
    return base * (1 - mask[..., None]) + over * mask[..., None]


def mask_of(w: int, h: int, draw_fn, blur: float = 0) -> np.ndarray:
    """A 0..1 anti-aliased mask: ``draw_fn(draw, s)`` draws white at s× scale."""
    big = Image.new("L", (w * SS, h * SS), 0)
    draw_fn(ImageDraw.Draw(big), SS)
    small = big.resize((w, h), Image.LANCZOS)
    if blur:
        small = small.filter(ImageFilter.GaussianBlur(blur))
    return np.asarray(small, dtype=np.float32) / 255


def grain(img: np.ndarray, rng: np.random.Generator, amount: float = 2.5) -> np.ndarray:
    """A little film grain: photos without it band in JPEG and look drawn."""
    noise = rng.normal(0, amount, img.shape[:2]).astype(np.float32)
    return img + noise[..., None]


def to_image(arr: np.ndarray, mode: str = "RGB") -> Image.Image:
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), mode)


def vignette(img: np.ndarray, strength: float = 0.35) -> np.ndarray:
    h, w = img.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.sqrt(((xs - w / 2) / (w / 2)) ** 2 + ((ys - h / 2) / (h / 2)) ** 2) / math.sqrt(2)
    return img * (1 - strength * d[..., None] ** 2)
