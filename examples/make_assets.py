"""Make the pictures the example templates use: photos, avatars, a product cut-out, logos and a signature.

Pillow and numpy only, no network, seeded: the same machine makes the same files every time. Run it from anywhere:

    .venv/bin/python examples/make_assets.py

The files land in examples/assets/ (JPEG for photos, PNG with alpha for cut-outs and logos, each under 300 KB).
Everything is drawn from soft gradients, blurred shapes and flat illustration, so the examples look like real
products without shipping anybody's photos.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ASSETS = Path(__file__).resolve().parent / "assets"
MAX_BYTES = 300 * 1024
SS = 3  # supersampling factor for drawn shapes


# --- small helpers ------------------------------------------------------------------------------------------------
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


def save(image: Image.Image, name: str, **options) -> None:
    path = ASSETS / name
    if name.endswith(".jpg"):
        image.convert("RGB").save(path, "JPEG", quality=options.get("quality", 86), optimize=True,
                                  progressive=False)
    else:
        image.save(path, "PNG", optimize=True)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{name} is {size // 1024} KB, more than {MAX_BYTES // 1024} KB")
    print(f"{name:28} {image.width:5}×{image.height:<5} {size // 1024:4} KB")


# --- photos -------------------------------------------------------------------------------------------------------
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


# --- people -------------------------------------------------------------------------------------------------------
def person(w: int, h: int, *, skin: str, hair: str, shirt: str, style: str = "short", mood: str = "smile",
           cx: float | None = None, head_y: float | None = None, unit: float | None = None):
    """A flat-illustration head and shoulders: (colour image h×w×3, alpha h×w), both float."""
    cx = w / 2 if cx is None else cx
    u = (w / 640) if unit is None else unit       # everything below is in units of a 640 px portrait
    hy = h * 0.42 if head_y is None else head_y   # the head's centre
    img = np.zeros((h, w, 3), np.float32)
    alpha = np.zeros((h, w), np.float32)

    def layer(colour, fn, blur=0.0, shade=None):
        nonlocal img, alpha
        m = mask_of(w, h, fn, blur)
        col = np.array(hex_rgb(colour), np.float32) if shade is None else shade
        img = img * (1 - m[..., None]) + col * m[..., None]
        alpha = alpha + m * (1 - alpha)
        return m

    def ell(x0, y0, x1, y1):
        return lambda d, s: d.ellipse((x0 * s, y0 * s, x1 * s, y1 * s), fill=255)

    shirt_rgb = np.array(hex_rgb(shirt), np.float32)
    shirt_shade = vertical(w, h, [(0, shirt), (1, "#000000")]) * 0.25 + shirt_rgb * 0.75
    if style == "long":   # long hair behind the shoulders
        layer(hair, ell(cx - 150 * u, hy - 170 * u, cx + 150 * u, hy + 230 * u))
    # shoulders and neck
    layer(shirt, ell(cx - 270 * u, hy + 190 * u, cx + 270 * u, hy + 620 * u), shade=shirt_shade)
    neck_dark = np.array(hex_rgb(skin), np.float32) * 0.82
    layer(skin, lambda d, s: d.rounded_rectangle(((cx - 52 * u) * s, (hy + 60 * u) * s, (cx + 52 * u) * s,
                                                  (hy + 230 * u) * s), 40 * u * s, fill=255), shade=neck_dark)
    layer(shirt, lambda d, s: d.pieslice(((cx - 90 * u) * s, (hy + 120 * u) * s, (cx + 90 * u) * s,
                                          (hy + 290 * u) * s), 0, 180, fill=255), shade=shirt_shade)
    layer(skin, lambda d, s: d.pieslice(((cx - 58 * u) * s, (hy + 120 * u) * s, (cx + 58 * u) * s,
                                         (hy + 250 * u) * s), 0, 180, fill=255), shade=neck_dark)
    # ears, head, a soft shade on the lower face
    for side in (-1, 1):
        layer(skin, ell(cx + side * 118 * u - 24 * u, hy - 20 * u, cx + side * 118 * u + 24 * u, hy + 44 * u))
    skin_rgb = np.array(hex_rgb(skin), np.float32)
    face_shade = blend(np.repeat(skin_rgb[None, None, :], h, 0).repeat(w, 1),
                       skin_rgb * 0.86, radial(w, h, cx, hy + 200 * u, 190 * u))
    layer(skin, ell(cx - 120 * u, hy - 150 * u, cx + 120 * u, hy + 150 * u), shade=face_shade)
    # hair on top
    if style in ("short", "long"):
        layer(hair, lambda d, s: d.chord(((cx - 128 * u) * s, (hy - 168 * u) * s, (cx + 128 * u) * s,
                                          (hy + 60 * u) * s), 180, 360, fill=255))
        layer(hair, ell(cx - 128 * u, hy - 110 * u, cx - 60 * u, hy + 10 * u))
        layer(hair, lambda d, s: d.chord(((cx - 120 * u) * s, (hy - 150 * u) * s, (cx + 150 * u) * s,
                                          (hy - 10 * u) * s), 200, 345, fill=255))
    elif style == "bun":
        layer(hair, ell(cx - 70 * u, hy - 250 * u, cx + 70 * u, hy - 120 * u))
        layer(hair, lambda d, s: d.chord(((cx - 126 * u) * s, (hy - 160 * u) * s, (cx + 126 * u) * s,
                                          (hy + 40 * u) * s), 180, 360, fill=255))
    elif style == "curly":
        for k in range(11):
            a = math.pi + k * math.pi / 10
            x, y = cx + 118 * u * math.cos(a), hy - 30 * u + 118 * u * math.sin(a)
            layer(hair, ell(x - 46 * u, y - 46 * u, x + 46 * u, y + 46 * u))
    # face
    ink = "#2b1d16"
    brow_lift = 9 * u if mood == "wow" else 0
    for side in (-1, 1):
        ex = cx + side * 46 * u
        eye_r = 13 * u if mood == "wow" else 10 * u
        layer(ink, ell(ex - eye_r, hy - 4 * u - eye_r, ex + eye_r, hy - 4 * u + eye_r))
        if mood == "wow":
            layer("#ffffff", ell(ex - 4 * u, hy - 12 * u, ex + 1 * u, hy - 7 * u))
        layer(hair, lambda d, s, ex=ex, side=side: d.line(
            ((ex - 24 * u) * s, (hy - 40 * u - brow_lift + (6 * u if side < 0 else 0)) * s,
             (ex + 24 * u) * s, (hy - 40 * u - brow_lift + (0 if side < 0 else 6 * u)) * s),
            fill=255, width=int(9 * u * s)))
    layer("#000000", ell(cx - 12 * u, hy + 28 * u, cx + 12 * u, hy + 44 * u),
          shade=skin_rgb * 0.75)   # the nose, a shadow only
    if mood == "wow":
        layer("#4a1f1a", ell(cx - 26 * u, hy + 64 * u, cx + 26 * u, hy + 124 * u))
        layer("#e87a7a", ell(cx - 16 * u, hy + 96 * u, cx + 16 * u, hy + 120 * u))
    else:
        layer("#7a2e2a", lambda d, s: d.chord(((cx - 42 * u) * s, (hy + 40 * u) * s, (cx + 42 * u) * s,
                                               (hy + 100 * u) * s), 0, 180, fill=255))
        layer("#ffffff", lambda d, s: d.chord(((cx - 34 * u) * s, (hy + 52 * u) * s, (cx + 34 * u) * s,
                                               (hy + 84 * u) * s), 0, 180, fill=255))
    # cheeks
    for side in (-1, 1):
        m = radial(w, h, cx + side * 74 * u, hy + 50 * u, 36 * u) * 0.35
        img = blend(img, "#e8836f", m * alpha)
    return img, alpha


def avatar(rng: np.random.Generator, backdrop: tuple[str, str], **look) -> Image.Image:
    w = h = 640
    bg = diagonal(w, h, [(0, backdrop[0]), (1, backdrop[1])], 160)
    bg = blend(bg, "#ffffff", radial(w, h, 180, 140, 420) * 0.25)
    img, alpha = person(w, h, **look)
    shadow = np.asarray(Image.fromarray((alpha * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(18)),
                        np.float32) / 255
    shifted = np.zeros_like(shadow)
    shifted[10:, 14:] = shadow[:-10, :-14]   # the shadow falls down and right (no wrapping round the edges)
    bg = blend(bg, "#000000", shifted * 0.25)
    out = blend(bg, img, alpha)
    return to_image(grain(out, rng, 1.6)).filter(ImageFilter.GaussianBlur(0.5))


def presenter() -> Image.Image:
    """A surprised presenter cut out with a white sticker edge, the YouTube-thumbnail way."""
    w, h = 820, 1000
    img, alpha = person(w, h, skin="#e9b48f", hair="#3b2418", shirt="#2563eb", style="short", mood="wow",
                        head_y=380, unit=1.55)
    a = Image.fromarray((alpha * 255).astype(np.uint8))
    edge = a.filter(ImageFilter.MaxFilter(21)).filter(ImageFilter.GaussianBlur(1.2))
    edge_a = np.asarray(edge, np.float32) / 255
    out = blend(np.full((h, w, 3), 255, np.float32), img, alpha)
    rgba = np.dstack([out, edge_a * 255])
    return to_image(rgba, "RGBA")


# --- product, logos, signature ------------------------------------------------------------------------------------
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


def main() -> None:
    ASSETS.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20250301)
    save(workspace_photo(rng), "photo-workspace.jpg")
    save(city_photo(rng), "photo-city.jpg")
    save(coast_photo(rng), "photo-coast.jpg")
    save(avatar(rng, ("#fde68a", "#f59e0b"), skin="#c68863", hair="#1f1410", shirt="#0f766e", style="short"),
         "avatar-daniel.jpg")
    save(avatar(rng, ("#c7d2fe", "#818cf8"), skin="#f1c7a6", hair="#8a4b2a", shirt="#be123c", style="long"),
         "avatar-maya.jpg")
    save(avatar(rng, ("#bbf7d0", "#34d399"), skin="#8d5a3b", hair="#120c0a", shirt="#1e3a8a", style="curly"),
         "avatar-kofi.jpg")
    save(avatar(rng, ("#fbcfe8", "#f472b6"), skin="#f3d1b5", hair="#2a2a2e", shirt="#334155", style="bun"),
         "avatar-yui.jpg")
    save(presenter(), "presenter.png")
    save(headphones(), "product-headphones.png")
    save(logo_mark(), "logo-mark.png")
    save(logo_white(), "logo-white.png")
    save(signature(rng), "signature.png")


if __name__ == "__main__":
    main()
