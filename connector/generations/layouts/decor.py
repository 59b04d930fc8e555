"""Each style's decoration: shapes behind the content (strips, frames, blobs, glows) and the corporate band."""

from __future__ import annotations

from connector.generations.content import Extracted
from connector.generations.layouts.parts import Ctx, kicker_text
from connector.generations.layouts.styles import blend, value_of


def backdrop(ctx: Ctx, zone, has_image: bool) -> list[dict]:
    """The shapes drawn first, behind everything, for the style's decoration."""
    s, W, H = ctx.style, ctx.width, ctx.height
    kind = s.decoration
    if kind == "bar":
        return [ctx.rect("edge", 0, 0, ctx.px(0.014), H, s.accent)]
    if kind == "block":
        return [ctx.rect("stripe", 0, H - ctx.px(0.022), W, ctx.px(0.022), s.accent)]
    if kind == "frame":
        inset = round(ctx.margin * 0.45)
        return [ctx.rect("frame", inset, inset, W - 2 * inset, H - 2 * inset, "#00000000", stroke=s.accent,
                         stroke_width=max(1, ctx.px(0.003)))]
    if kind == "blobs":
        big, r = ctx.px(0.55), round(ctx.margin * 1.3)   # the small one stays in the corner's margins
        return [ctx.ellipse("blob", W - big * 0.62, -big * 0.38, big, big, s.accent, opacity=0.2),
                ctx.ellipse("blob", -r, H - r, 2 * r, 2 * r, "@brand.secondary", opacity=0.18)]
    if kind == "band":
        return [ctx.rect("band", 0, 0, W, ctx.band, s.accent),
                ctx.rect("band_accent", 0, ctx.band, W, ctx.px(0.008), "@brand.accent")]
    if kind == "quote":
        size = ctx.px(0.7 if not has_image else 0.45)
        return [ctx.rect("shape", W - size * 0.7, -size * 0.35, size, size, s.accent, opacity=0.14,
                         rotation=18)]
    if kind == "glow":
        size = ctx.px(0.9)
        return [ctx.ellipse("glow", W - size * 0.55, -size * 0.5, size, size, s.accent, opacity=0.22)]
    return []


def corner(ctx: Ctx) -> str:
    """The colour under the top right corner's labels (the slide number): the canvas, or the style's shape there
    (playful's blob, dark's glow, creative's square) seen through its opacity."""
    s = ctx.style
    share = {"blobs": 0.2, "glow": 0.22, "quote": 0.14}.get(s.decoration)
    if s.decoration == "band":
        return value_of(ctx.colour(s.accent), ctx.brand)
    if not share:
        return ctx.ground
    return blend(value_of(ctx.colour(s.accent), ctx.brand), ctx.ground, share)


def foreground(ctx: Ctx, zone, extracted: Extracted) -> list[dict]:
    """Shapes and labels drawn over the content: the corporate band's site name and logo."""
    if ctx.style.decoration != "band" or not ctx.band_logo:
        return []
    band, m = ctx.band, ctx.margin
    logo_h = round(band * 0.5)
    logo_w = logo_h * 3
    layers = []
    text = kicker_text(extracted)
    size = ctx.label_size()
    with ctx.over(ctx.style.accent):
        kicker = ctx.label("kicker", text, m, 0, ctx.width - 2 * m - logo_w - ctx.px(0.03), "on:primary",
                           size=size, align="left", label="Site") if text else None
        if kicker:
            kicker["y"] = (band - kicker["height"]) // 2
            layers.append(kicker)
        layers += ctx.logo("logo", ctx.width - m - logo_w, (band - logo_h) // 2, logo_w, logo_h, "right")
    return layers
