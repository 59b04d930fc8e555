"""The example photos: a workspace at night, a city at dusk and a coast at golden hour (1600×1000, for JPEG)."""

from __future__ import annotations

import numpy as np
from asset_drawing import SS, blend, grain, hex_rgb, mask_of, radial, to_image, vertical, vignette
from PIL import Image, ImageDraw, ImageFilter


def workspace_photo(rng: np.random.Generator) -> Image.Image:
    """A dim desk at night, out of focus: a laptop glow, a lamp, city bokeh through the window."""
    w, h = 1600, 1000
    img = vertical(w, h, [(0, "#0d1b2a"), (0.55, "#1b3a4b"), (0.62, "#22303c"), (1, "#0b1016")])
    # window light and lamp
    img = blend(img, "#ffb86b", radial(w, h, 1260, 330, 520) * 0.55)
    img = blend(img, "#5ec8e5", radial(w, h, 300, 260, 700) * 0.35)
    # bokeh: soft discs of city lights, added like light (each drawn in its own small box, then blurred)
    bokeh = np.zeros((h, w, 3), np.float32)
    palette = ["#ffd59e", "#ffb36b", "#8fd3ff", "#ff8fa3", "#b8f2e6"]
    for _ in range(55):
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.55)
        r = rng.uniform(12, 60)
        colour = np.array(hex_rgb(palette[rng.integers(len(palette))]), np.float32)
        x0, y0, size = int(x - r) - 2, int(y - r) - 2, int(2 * r) + 5
        disc = Image.new("L", (size * SS, size * SS), 0)
        ImageDraw.Draw(disc).ellipse(((x - r - x0) * SS, (y - r - y0) * SS, (x + r - x0) * SS, (y + r - y0) * SS),
                                     fill=255)
        m = np.asarray(disc.resize((size, size), Image.LANCZOS), np.float32) / 255 * rng.uniform(0.15, 0.5)
        ys, xs = slice(max(0, y0), min(h, y0 + size)), slice(max(0, x0), min(w, x0 + size))
        crop = m[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0]
        bokeh[ys, xs] += crop[..., None] * colour
    soft = np.asarray(to_image(bokeh).filter(ImageFilter.GaussianBlur(5)), np.float32)
    img = img + soft * 0.8
    # desk surface, laptop screen and its glow
    desk = mask_of(w, h, lambda d, s: d.polygon([(0, 640 * s), (w * s, 600 * s), (w * s, h * s), (0, h * s)],
                                                fill=255), blur=3)
    img = blend(img, vertical(w, h, [(0, "#4a3b2f"), (0.65, "#2c231c"), (1, "#120e0b")]), desk)
    screen = mask_of(w, h, lambda d, s: d.rounded_rectangle((560 * s, 300 * s, 1060 * s, 610 * s), 14 * s,
                                                            fill=255), blur=10)
    img = blend(img, vertical(w, h, [(0, "#dff6ff"), (0.5, "#a5d8f3"), (1, "#6fb3d9")]), screen * 0.92)
    img = blend(img, "#9bd7f5", radial(w, h, 810, 520, 620) * 0.28)
    base = mask_of(w, h, lambda d, s: d.polygon([(520 * s, 612 * s), (1100 * s, 612 * s), (1150 * s, 650 * s),
                                                 (470 * s, 650 * s)], fill=255), blur=6)
    img = blend(img, "#3a4048", base * 0.9)
    # a mug
    mug = mask_of(w, h, lambda d, s: d.rounded_rectangle((1230 * s, 520 * s, 1330 * s, 650 * s), 12 * s,
                                                         fill=255), blur=7)
    img = blend(img, "#d9774b", mug * 0.85)
    img = vignette(img, 0.5)
    return to_image(grain(img, rng, 3.0)).filter(ImageFilter.GaussianBlur(1.2))


def city_photo(rng: np.random.Generator) -> Image.Image:
    """Dusk over a city with a lattice tower: a sunset gradient, a low sun, two rows of buildings."""
    w, h = 1600, 1000
    img = vertical(w, h, [(0, "#1f1147"), (0.35, "#5b2a86"), (0.58, "#d9467a"), (0.7, "#f98d55"),
                          (0.78, "#ffc470"), (1, "#ffc470")])
    img = blend(img, "#fff1c1", radial(w, h, 1120, 700, 380) * 0.8)
    sun = mask_of(w, h, lambda d, s: d.ellipse((1060 * s, 640 * s, 1180 * s, 760 * s), fill=255), blur=4)
    img = blend(img, "#fff6d8", sun)
    # far skyline: hazy, blurred
    far = Image.new("L", (w * SS, h * SS), 0)
    d = ImageDraw.Draw(far)
    x = -20
    while x < w:
        bw, bh = rng.uniform(40, 110), rng.uniform(60, 220)
        d.rectangle((x * SS, (760 - bh) * SS, (x + bw) * SS, h * SS), fill=255)
        x += bw + rng.uniform(-10, 6)
    far_m = np.asarray(far.resize((w, h), Image.LANCZOS).filter(ImageFilter.GaussianBlur(2.5)), np.float32) / 255
    img = blend(img, "#7a3a6e", far_m * 0.85)
    # the tower: a tapering lattice silhouette with warm lights
    tower = Image.new("L", (w * SS, h * SS), 0)
    d = ImageDraw.Draw(tower)
    cx, top, foot = 420, 170, 860
    d.polygon([((cx - 4) * SS, top * SS), ((cx + 4) * SS, top * SS), ((cx + 120) * SS, foot * SS),
               ((cx - 120) * SS, foot * SS)], fill=255)
    d.rectangle(((cx - 1.5) * SS, (top - 80) * SS, (cx + 1.5) * SS, top * SS), fill=255)
    for y, half in ((470, 46), (610, 70)):   # observation decks
        d.rectangle(((cx - half) * SS, y * SS, (cx + half) * SS, (y + 26) * SS), fill=255)
    tower_m = np.asarray(tower.resize((w, h), Image.LANCZOS), np.float32) / 255
    img = blend(img, vertical(w, h, [(0, "#ff6b3d"), (0.6, "#c2362a"), (1, "#5a1420")]), tower_m)
    lights = mask_of(w, h, lambda d, s: [d.rectangle(((cx - hw) * s, y * s, (cx + hw) * s, (y + 4) * s), fill=255)
                                         for y, hw in ((476, 40), (492, 40), (616, 62), (630, 62))], blur=1.2)
    img = blend(img, "#ffe9a8", lights)
    img = blend(img, "#ff9a5a", radial(w, h, cx, 520, 260) * 0.25)
    # near skyline with lit windows
    near = Image.new("L", (w * SS, h * SS), 0)
    win = Image.new("L", (w * SS, h * SS), 0)
    d, dw = ImageDraw.Draw(near), ImageDraw.Draw(win)
    x = -30
    while x < w:
        bw, bh = rng.uniform(70, 170), rng.uniform(120, 330)
        if abs(x + bw / 2 - cx) < 150:
            bh = rng.uniform(80, 150)
        top_y = 1000 - 120 - bh
        d.rectangle((x * SS, top_y * SS, (x + bw) * SS, h * SS), fill=255)
        for wy in np.arange(top_y + 14, 940, 22):
            for wx in np.arange(x + 10, x + bw - 14, 18):
                if rng.random() < 0.22:
                    dw.rectangle((wx * SS, wy * SS, (wx + 8) * SS, (wy + 10) * SS), fill=255)
        x += bw + rng.uniform(2, 14)
    near_m = np.asarray(near.resize((w, h), Image.LANCZOS), np.float32) / 255
    img = blend(img, vertical(w, h, [(0, "#2b1636"), (1, "#120914")]), near_m)
    win_m = np.asarray(win.resize((w, h), Image.LANCZOS).filter(ImageFilter.GaussianBlur(0.8)), np.float32) / 255
    img = blend(img, "#ffd27a", win_m * near_m * 0.9)
    img = vignette(img, 0.35)
    return to_image(grain(img, rng, 2.5)).filter(ImageFilter.GaussianBlur(0.7))


def coast_photo(rng: np.random.Generator) -> Image.Image:
    """A calm sea at golden hour: a warm sky, a low sun, its glitter on the water, a curve of beach."""
    w, h = 1600, 1000
    horizon = 560
    img = vertical(w, h, [(0, "#2f6fa3"), (0.3, "#6aa6cf"), (0.5, "#f3c89b"), (0.56, "#ffd7a0"),
                          (0.57, "#2a7f9e"), (0.75, "#1c5f7e"), (1, "#123f57")])
    img = blend(img, "#fff0cf", radial(w, h, 980, horizon - 30, 520) * 0.85)
    sun = mask_of(w, h, lambda d, s: d.ellipse((930 * s, (horizon - 110) * s, 1030 * s, (horizon - 10) * s),
                                               fill=255), blur=3)
    img = blend(img, "#fffbe9", sun)
    # soft clouds
    clouds = np.zeros((h, w), np.float32)
    for _ in range(14):
        x, y = rng.uniform(0, w), rng.uniform(60, 360)
        rx, ry = rng.uniform(120, 320), rng.uniform(18, 40)
        clouds = np.maximum(clouds, mask_of(w, h, lambda d, s, x=x, y=y, rx=rx, ry=ry: d.ellipse(
            ((x - rx) * s, (y - ry) * s, (x + rx) * s, (y + ry) * s), fill=255), blur=22) * rng.uniform(0.3, 0.6))
    img = blend(img, "#fff4ea", clouds)
    # glitter on the water: short horizontal strokes around the sun's column
    glitter = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(glitter)
    for _ in range(900):
        y = rng.uniform(horizon + 2, h)
        spread = 40 + (y - horizon) * 0.9
        x = rng.normal(980, spread / 2)
        length = rng.uniform(6, 30) * (0.6 + (y - horizon) / 500)
        d.line((x - length, y, x + length, y), fill=int(rng.uniform(120, 255)), width=max(1, int((y - horizon) / 150)))
    g = np.asarray(glitter.filter(ImageFilter.GaussianBlur(1.1)), np.float32) / 255
    img = blend(img, "#ffe7b8", g * 0.8)
    # beach in the bottom-left corner, with a wet edge
    sand = mask_of(w, h, lambda d, s: d.ellipse((-700 * s, 800 * s, 900 * s, 1500 * s), fill=255), blur=2)
    wet = mask_of(w, h, lambda d, s: d.ellipse((-730 * s, 780 * s, 930 * s, 1520 * s), fill=255), blur=6)
    img = blend(img, "#cfe9ea", (wet - sand).clip(0, 1) * 0.8)
    img = blend(img, vertical(w, h, [(0, "#f0d3a4"), (1, "#c99c67")]), sand)
    img = vignette(img, 0.25)
    return to_image(grain(img, rng, 2.2)).filter(ImageFilter.GaussianBlur(0.6))
