"""The example graphics: a product cut-out (headphones), the fictional brand's logos and a signature."""

from __future__ import annotations

import math

import numpy as np
from asset_drawing import blend, diagonal, hex_rgb, mask_of, to_image
from PIL import Image, ImageDraw


def headphones() -> Image.Image:
    """Over-ear headphones in a studio cut-out: a padded band, sliders, two cups with cushions."""
    w = h = 1000
    img = np.zeros((h, w, 3), np.float32)
    alpha = np.zeros((h, w), np.float32)

    def layer(fill, fn, blur=0.0):
        nonlocal img, alpha
        m = mask_of(w, h, fn, blur)
        col = np.array(hex_rgb(fill), np.float32) if isinstance(fill, str) else fill
        img = img * (1 - m[..., None]) + col * m[..., None]
        alpha = alpha + m * (1 - alpha)

    body = diagonal(w, h, [(0, "#4b5563"), (0.45, "#1f2937"), (1, "#0b0f17")], 150)
    band_light = diagonal(w, h, [(0, "#6b7280"), (1, "#111827")], 170)
    # headband: a thick arc, then its padded underside
    layer(body, lambda d, s: d.arc((190 * s, 90 * s, 810 * s, 760 * s), 180, 360, fill=255, width=int(58 * s)))
    layer(band_light, lambda d, s: d.arc((214 * s, 114 * s, 786 * s, 736 * s), 195, 345, fill=255,
                                         width=int(26 * s)))
    # sliders
    for x in (200, 752):
        layer("#c7ccd4", lambda d, s, x=x: d.rounded_rectangle((x * s, 400 * s, (x + 48) * s, 560 * s), 14 * s,
                                                               fill=255))
        layer("#9aa1ab", lambda d, s, x=x: d.rectangle(((x + 18) * s, 410 * s, (x + 30) * s, 550 * s), fill=255))
    # cups: outer shell, cushion, highlight
    for left in (True, False):
        x0 = 140 if left else 660
        layer(body, lambda d, s, x0=x0: d.rounded_rectangle((x0 * s, 500 * s, (x0 + 200) * s, 860 * s), 90 * s,
                                                            fill=255))
        cushion_x = x0 + 150 if left else x0 - 10
        layer("#111318", lambda d, s, c=cushion_x: d.rounded_rectangle((c * s, 520 * s, (c + 60) * s, 840 * s),
                                                                       30 * s, fill=255))
        shine = x0 + 34 if left else x0 + 150
        layer("#6b7280", lambda d, s, c=shine: d.rounded_rectangle((c * s, 560 * s, (c + 14) * s, 760 * s), 7 * s,
                                                                   fill=255), blur=5)
        # brand ring on the cup
        layer("#d4a373", lambda d, s, x0=x0: d.ellipse(((x0 + 62) * s, 640 * s, (x0 + 138) * s, 716 * s),
                                                       outline=255, width=int(6 * s)))
    return to_image(np.dstack([img, alpha * 255]), "RGBA")


def sparkle(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, s: float, fill=255) -> None:
    """A four-pointed star with concave sides (the logo's mark)."""
    pts = []
    for k in range(64):
        a = 2 * math.pi * k / 64
        c, si = math.cos(a), math.sin(a)
        # an astroid-like curve: |x|^p + |y|^p = r^p with p < 1 makes concave sides
        p = 0.55
        rr = r / (abs(c) ** p + abs(si) ** p) ** (1 / p)
        pts.append(((cx + rr * c) * s, (cy + rr * si) * s))
    d.polygon(pts, fill=fill)


def logo_mark() -> Image.Image:
    """The fictional brand's app icon: a violet rounded square with a white sparkle."""
    w = h = 256
    bg = diagonal(w, h, [(0, "#6366f1"), (1, "#a855f7")], 135)
    square = mask_of(w, h, lambda d, s: d.rounded_rectangle((0, 0, w * s - 1, h * s - 1), 60 * s, fill=255))
    star = mask_of(w, h, lambda d, s: sparkle(d, 128, 128, 92, s))
    small = mask_of(w, h, lambda d, s: sparkle(d, 190, 70, 26, s))
    img = blend(bg, "#ffffff", np.maximum(star, small))
    return to_image(np.dstack([img, square * 255]), "RGBA")


def logo_white() -> Image.Image:
    """The same mark for dark backgrounds: white, the sparkle cut out."""
    w = h = 256
    square = mask_of(w, h, lambda d, s: d.rounded_rectangle((0, 0, w * s - 1, h * s - 1), 60 * s, fill=255))
    star = mask_of(w, h, lambda d, s: sparkle(d, 128, 128, 92, s))
    small = mask_of(w, h, lambda d, s: sparkle(d, 190, 70, 26, s))
    a = (square - np.maximum(star, small)).clip(0, 1)
    return to_image(np.dstack([np.full((h, w, 3), 255, np.float32), a * 255]), "RGBA")


def signature(rng: np.random.Generator) -> Image.Image:
    """A fountain-pen signature: cursive loops of varying height along a slightly rising baseline."""
    w, h = 900, 300
    s = 4
    big = Image.new("L", (w * s, h * s), 0)
    d = ImageDraw.Draw(big)

    def stroke(points, width):
        for (x0, y0), (x1, y1), wd in zip(points, points[1:], width, strict=False):
            d.line((x0 * s, y0 * s, x1 * s, y1 * s), fill=255, width=max(1, int(wd * s)))
            r = wd * s / 2
            d.ellipse((x1 * s - r, y1 * s - r, x1 * s + r, y1 * s + r), fill=255)

    # the name: a trochoid (loops like joined l's and e's), each loop its own height and width
    loops = 10
    heights = rng.uniform(0.25, 1.0, loops)
    heights[[0, 5]] = 1.45                      # two capitals
    pts, widths = [], []
    n = 1200
    for i in range(n):
        t = i / n
        k = min(loops - 1, int(t * loops))
        phase = t * 2 * math.pi * loops
        gap = 26 if k == 4 else 0               # a little space between the two names
        x = 70 + t * 660 + gap * (k >= 5) - 22 * math.sin(phase) * heights[k]
        y = 180 - t * 45 - 95 * heights[k] * (0.5 - 0.5 * math.cos(phase))
        pts.append((x, y))
        widths.append(1.8 + 2.6 * abs(math.sin(phase / 2 + 0.4)))
    stroke(pts, widths)
    a = big.resize((w, h), Image.LANCZOS)
    ink = np.array(hex_rgb("#1c2b5a"), np.float32)
    rgb = np.broadcast_to(ink, (h, w, 3))
    return to_image(np.dstack([rgb, np.asarray(a, np.float32)]), "RGBA")
