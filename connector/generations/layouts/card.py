"""Single cards (every format without pages): image placement per style, the text column, footer and decoration."""

from __future__ import annotations

from dataclasses import replace

from connector.generations.content import Extracted
from connector.generations.layouts.decor import backdrop, foreground
from connector.generations.layouts.parts import SCRIM, SCRIM_INK, Ctx, kicker_text
from connector.generations.layouts.stack import Column, place
from connector.generations.planning import Fit, Type

WHITE = "#ffffff"


def card(ctx: Ctx, extracted: Extracted, *, points: bool | None = None, cover: bool = False) -> list[dict]:
    """The layers of one card: a backdrop, the image where the style puts it, the text column and the footer;
    a carousel's ``cover`` also gets a swipe cue."""
    image = extracted.image or ""
    zone, layers, over_image = image_area(ctx, image)
    with ctx.over(SCRIM_INK if over_image else ctx.ground):
        return _card(ctx, extracted, zone, layers, over_image, points, cover)


def _card(ctx: Ctx, extracted: Extracted, zone, layers: list[dict], over_image: bool, points,
          cover: bool) -> list[dict]:
    s = ctx.style
    image = extracted.image or ""
    layers = backdrop(ctx, zone, bool(image)) + layers
    x, y, w, h = zone
    band = s.decoration == "band"
    footer_colour = WHITE if over_image else s.body
    footer, footer_h = ctx.footer(extracted, x, y + h, w, footer_colour, logo=not ctx.band_logo,
                                  align="center" if s.align == "center" else "left",
                                  opacity=0.85 if over_image else 1.0)
    if not footer and band:
        footer_h = 0
    column_h = h - footer_h - ctx.px(0.04)
    if s.decoration == "rule" and footer:
        layers.append(ctx.line("footer_rule", x, y + h - footer_h - ctx.px(0.03), w, s.accent, 1, 0.5))
        column_h -= ctx.px(0.02)
    show_points = (ctx.portrait or not image or not extracted.summary) if points is None else points
    col = Column(kicker="" if band else kicker_text(extracted), title=extracted.title, summary=extracted.summary,
                 points=list(extracted.points) if show_points else [],
                 title_scale=s.title_scale * (1.0 if image else 1.45),
                 ornament=not (image and s.decoration == "quote" and not ctx.landscape),
                 list_low=max(ctx.floor, round(ctx.px(s.body_scale) * (1.0 if ctx.landscape else 0.8))),
                 more=_more(extracted))
    if over_image:
        col.title_color = col.body_color = WHITE
    cue = []
    if cover and image and s.image in ("split", "inset") and not ctx.landscape:
        d = ctx.px(0.1)   # on the image's bottom edge, at the right: the column keeps its room
        cue = swipe(ctx, x + w, y - ctx.margin + d // 2, over_image)
    elif cover and image and s.image == "fade" and not ctx.landscape:
        cue = swipe(ctx, x + w, y - ctx.px(0.03), over_image)   # over the image's faded bottom
    elif cover:
        cue = swipe(ctx, x + w, y + column_h, over_image)
        column_h -= cue[0]["height"] + ctx.px(0.04)
    layers += grown(ctx, col, x, y, w, column_h)
    layers += cue
    layers += footer
    layers += foreground(ctx, zone, extracted)
    return layers


def _more(extracted: Extracted) -> str:
    """The line under a card's list when points are left out: "+3 more" in English, else "+3"."""
    language = (extracted.language or "").lower()
    return "+{} more" if language.startswith("en") or (not language and extracted.title.isascii()) else "+{}"


def grown(ctx: Ctx, col: Column, x: int, y: int, w: int, h: int, valign: str | None = None,
          factors: tuple = (1.6, 1.45, 1.3, 1.15)) -> list[dict]:
    """``place``, with the type set larger (1.6× down to 1.15×) when that still says all it said at the style's
    sizes, whole, inside nine tenths of the zone: short text fills its card instead of floating in it."""
    names = set(ctx.names)
    base = place(ctx, replace(col), x, y, w, h, valign)
    chosen = (base, set(ctx.names))
    said = {layer["text"] for layer in base if layer["type"] == "text"}
    for factor in factors:
        ctx.names = set(names)
        bigger = replace(col, title_scale=(col.title_scale or ctx.style.title_scale) * factor,
                         body_scale=(col.body_scale or ctx.style.body_scale) * factor, rest_points=[])
        layers = place(ctx, bigger, x, y, w, h, valign)
        texts = [layer for layer in layers if layer["type"] == "text"]
        if not texts or not said <= {layer["text"] for layer in texts}:
            continue
        title = next((t for t in texts if t["name"] == col.title_name), None)
        reach = 2 * ctx.pad(ctx.title_type(), title["font_size"]) if title else 0   # not ink: not counted
        if max(t["y"] + t["height"] for t in texts) - min(t["y"] for t in texts) - reach <= h * 0.9:
            chosen = (layers, set(ctx.names))
            break
    ctx.names = chosen[1]
    return chosen[0]


def swipe(ctx: Ctx, right: int, bottom: int, over_image: bool) -> list[dict]:
    """A carousel cover's swipe cue: an arrow in an accent circle, its bottom right corner at (right, bottom)."""
    d = ctx.px(0.1)
    fill = "@brand.accent"
    size = max(ctx.floor, round(d * 0.5))
    t = Type(ctx.body_font()[1], 700, False, 1.0, 0.0, "none", "", 1)
    arrow = "←" if ctx.rtl else "→"   # the layout is mirrored afterwards; the arrow points the reading way
    circle = ctx.ellipse("swipe", right - d, bottom - d, d, d, fill)
    with ctx.over(fill):
        mark = ctx.text("swipe_arrow", Fit(arrow, size, 1, size), right - d, bottom - d + (d - size) // 2, d, t,
                        "on:accent", align="center", label="Swipe")
    mark.update(editable=False)
    mark.pop("language", None)
    return [circle, mark]


def image_area(ctx: Ctx, image: str) -> tuple[tuple[int, int, int, int], list[dict], bool]:
    """(the text zone, the image's layers, whether the text sits on the image) for the style's composition.
    Without an image every composition gives the text the whole canvas inside the margins."""
    s, W, H, m = ctx.style, ctx.width, ctx.height, ctx.margin
    full = (m, m, W - 2 * m, H - 2 * m)
    if s.decoration == "band":
        band = ctx.band
        full = (m, band + m, W - 2 * m, H - band - 2 * m)
    if not image:
        return full, [], False
    fx, fy, fw, fh = full
    if s.image == "overlay":
        return full, [ctx.rect("image_base", 0, 0, W, H, "@brand.primary"),
                      ctx.image("image", image, 0, 0, W, H, label="Background image"),
                      ctx.rect("scrim", 0, 0, W, H, SCRIM)], True
    if s.image == "fade":
        if ctx.landscape:
            iw = round(W * 0.5)
            fade = {"type": "linear", "angle": 90, "stops": [{"color": "@brand.text", "offset": 0},
                                                             {"color": "#00000000", "offset": 0.6}]}
            return (m, m, W - iw - m, H - 2 * m), [ctx.image("image", image, W - iw, 0, iw, H),
                                                    ctx.rect("image_fade", W - iw, 0, iw, H, fade)], False
        ih = round(H * (0.5 if ctx.portrait else 0.46))
        fade = {"type": "linear", "angle": 180, "stops": [{"color": "#00000000", "offset": 0.35},
                                                          {"color": "@brand.text", "offset": 1}]}
        return (m, ih, W - 2 * m, H - ih - m), [ctx.image("image", image, 0, 0, W, ih),
                                                ctx.rect("image_fade", 0, 0, W, ih, fade)], False
    if s.image == "split":
        if ctx.landscape:
            iw = round(W * 0.42)
            return (fx, fy, W - iw - 2 * m, fh), [ctx.image("image", image, W - iw, 0, iw, H)], False
        ih = round(H * (0.4 if ctx.portrait else 0.36))
        top = max(fy, ih + m) if s.decoration != "band" else fy + ih + m - ctx.band
        if s.decoration == "band":
            band = ctx.band
            return (fx, band + ih + m, fw, H - band - ih - 2 * m), [ctx.image("image", image, 0, band, W, ih)], \
                False
        return (fx, top, fw, H - top - m), [ctx.image("image", image, 0, 0, W, ih)], False
    # inset: inside the margins, the style's corners; creative sets an accent block behind it
    radius = ctx.px(s.radius)
    if ctx.landscape:
        iw = round(fw * 0.4)
        ix = fx + fw - iw
        box = (ix, fy, iw, fh)
        zone = (fx, fy, fw - iw - m, fh)
    else:
        ih = round(fh * (0.42 if ctx.portrait else 0.36))
        box = (fx, fy, fw, ih)
        zone = (fx, fy + ih + m, fw, fh - ih - m)
    layers = []
    if s.decoration == "quote":
        shift = ctx.px(0.025)
        layers.append(ctx.rect("image_block", box[0] + shift, box[1] + shift, box[2] - shift, box[3] - shift,
                               s.accent, shown_with="image"))
        box = (box[0], box[1], box[2] - shift, box[3] - shift)
    layers.append(ctx.image("image", image, *box, radius=radius))
    if s.decoration == "frame":
        layers.append(ctx.rect("image_frame", box[0] - 8, box[1] - 8, box[2] + 16, box[3] + 16, "#00000000",
                               stroke=s.accent, stroke_width=max(1, ctx.px(0.002)), shown_with="image"))
    return zone, layers, False
