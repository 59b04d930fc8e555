"""The example people: a flat-illustration head and shoulders, drawn as round avatars and as a cut-out presenter."""

from __future__ import annotations

import math

import numpy as np
from asset_drawing import blend, diagonal, grain, hex_rgb, mask_of, radial, to_image, vertical
from PIL import Image, ImageFilter


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
