"""Carousels (formats with pages): a cover, body slides filled by measuring, and a closing slide."""

from __future__ import annotations

from connector.generations.content import Extracted
from connector.generations.layouts.card import card, grown
from connector.generations.layouts.decor import backdrop, corner, foreground
from connector.generations.layouts.parts import Ctx, kicker_text
from connector.generations.layouts.slides import Body, body_units, closing_words, restatements
from connector.generations.layouts.stack import Column, place


def carousel(ctx: Ctx, extracted: Extracted, count: int) -> list[list[dict]]:
    """``count`` pages: the cover (a portrait card without points), ``count - 2`` body slides and the closing."""
    pages = [card(ctx, extracted, points=False, cover=True)]
    slots = count - 2
    queue = body_units(extracted, slots)
    spare = restatements(extracted)
    numerals = 0
    for n in range(2, count):
        left = count - n   # body slides after this one
        unit = queue.pop(0) if queue else spare.pop(0) if spare else Body(" ".join(extracted.title.split()))
        numbered = ctx.style.numerals and unit.heading and not unit.continued and not unit.bullets
        numerals += bool(numbered)   # big numbers count the headline slides only: 01, 02 … with no gaps
        layers, rest = body_slide(ctx, extracted, unit, n, count, split=left > len(queue),
                                  numeral=f"{numerals:02d}" if numbered else "")
        if rest is not None:
            queue.insert(0, rest)
        pages.append(layers)
    pages.append(closing(ctx, extracted, count))
    return pages


def _top_row(ctx: Ctx, extracted: Extracted, n: int, count: int) -> tuple[list[dict], int]:
    """The site's name at the top left and the slide number ("2/5") at the top right; (layers, bottom)."""
    s, m = ctx.style, ctx.margin
    top = m + (ctx.band if s.decoration == "band" else 0)
    number_w = ctx.px(0.14)
    layers = []
    with ctx.over(corner(ctx) if s.decoration != "band" else ctx.ground):
        number = ctx.label(f"slide_no_{n}", f"{n}/{count}", ctx.width - m - number_w, top, number_w, s.kicker,
                           align="right", spacing=0.05, label="Slide number")
    if number:
        layers.append(number)
    if s.decoration != "band":
        site = ctx.label(f"site_{n}", kicker_text(extracted), m, top, ctx.width - 2 * m - number_w - ctx.px(0.03),
                         s.body, align="left", spacing=0.08, label="Site")
        if site:
            layers.append(site)
    height = max([layer["height"] for layer in layers], default=0)
    return layers, top + height


def body_slide(ctx: Ctx, extracted: Extracted, unit: Body, n: int, count: int,
               split: bool, numeral: str = "") -> tuple[list[dict], Body | None]:
    """One body slide (``numeral``: its big 01, 02 … if any); and what did not fit on it (when ``split``: a
    slide after it still has room) or None."""
    s, m, W, H = ctx.style, ctx.margin, ctx.width, ctx.height
    layers = backdrop(ctx, (m, m, W - 2 * m, H - 2 * m), False)
    row, bottom = _top_row(ctx, extracted, n, count)
    layers += row
    gap = ctx.px(0.06)
    footer, footer_h = ctx.footer(extracted, m, H - m, W - 2 * m, s.body, logo=not ctx.band_logo)
    y = bottom + gap
    h = H - m - footer_h - ctx.px(0.05) - y
    lone = not unit.heading
    col = Column(title=unit.heading, summary=unit.paragraph, points=list(unit.bullets), point_start=unit.start,
                 numeral=numeral,
                 title_scale=s.title_scale * (0.8 if unit.paragraph or unit.bullets else 0.95),
                 title_name=f"heading_{n}", summary_name=f"text_{n}", point_prefix=f"slide{n}_point",
                 ornament=s.decoration in ("frame", "rule") and not lone, paragraph_split=split,
                 body_scale=s.body_scale * (1.9 if lone else 1.7 if unit.bullets else 1.4))
    layers += place(ctx, col, m, y, W - 2 * m, h, valign="middle" if lone else s.valign)   # as the style's cards
    if s.decoration == "rule":
        layers.append(ctx.line(f"rule_{n}", m, H - m - footer_h - ctx.px(0.03), W - 2 * m, s.accent, 1, 0.5))
    layers += footer
    layers += foreground(ctx, None, extracted)
    if s.decoration == "bar":   # modern: progress along the bottom edge
        layers.append(ctx.rect(f"progress_{n}", 0, H - ctx.px(0.012), round(W * n / count), ctx.px(0.012),
                               s.accent))
    rest = None
    if col.rest:
        rest = Body(unit.heading, [], col.rest, continued=True)
    elif col.rest_points:
        rest = Body(unit.heading, col.rest_points, "", continued=True,
                    start=unit.start + len(unit.bullets) - len(col.rest_points))
    return layers, rest


def closing(ctx: Ctx, extracted: Extracted, count: int) -> list[dict]:
    """The last slide: the title again as a recap under the site's name, a call to action in a pill (English:
    "Read more at <host>", else the bare address), the footer (author · site, logo) and the logo large when
    the brand has one."""
    s, m, W, H = ctx.style, ctx.margin, ctx.width, ctx.height
    layers = backdrop(ctx, (m, m, W - 2 * m, H - 2 * m), False)
    top = m + (ctx.band if s.decoration == "band" else 0)
    centre = s.align == "center"
    footer, footer_h = ctx.footer(extracted, m, H - m, W - 2 * m, s.body, logo=not ctx.band_logo,
                                  align="center" if centre else "left")
    if ctx.brand.get("logo"):
        size = ctx.px(0.13)
        layers += ctx.logo("closing_logo", (W - size * 3) // 2 if centre else m, top, size * 3, size,
                           "center" if centre else "left")
        top += size + ctx.px(0.04)
    with ctx.over(corner(ctx) if s.decoration != "band" else ctx.ground):
        number = ctx.label(f"slide_no_{count}", f"{count}/{count}", W - m - ctx.px(0.14), m, ctx.px(0.14),
                           s.kicker, align="right", spacing=0.05, label="Slide number")
    if number and not ctx.brand.get("logo") and s.decoration != "band":
        layers.append(number)
        top = max(top, m + number["height"] + ctx.px(0.04))
    pill = _pill(ctx, closing_words(extracted), m, W - 2 * m)
    pill_h = pill[0]["height"] + ctx.px(0.05) if pill else 0
    bottom = H - m - footer_h - ctx.px(0.05)
    col = Column(kicker=kicker_text(extracted) if s.decoration != "band" else "", title=extracted.title,
                 title_name="closing_title", title_scale=s.title_scale * 1.05)
    placed = grown(ctx, col, m, top, W - 2 * m, bottom - top - pill_h, "middle", (1.3, 1.15))
    layers += placed
    if pill:
        below = max((layer["y"] + layer["height"] for layer in placed), default=top) + ctx.px(0.05)
        layers += [{**layer, "y": layer["y"] + below} for layer in pill]
    layers += footer
    layers += foreground(ctx, None, extracted)
    return layers


def _pill(ctx: Ctx, words: str, x: int, width: int) -> list[dict]:
    """The call to action: ``words`` in an accent pill (an outline in elegant and minimal), start-aligned or
    centred per the style, at y 0."""
    if not words:
        return []
    s = ctx.style
    size = max(ctx.floor, ctx.px(0.034))
    pad_x, pad_y = round(size * 1.1), round(size * 0.6)
    t = ctx.body_type(weight=700, italic=False)
    fit = ctx.planner.fit_or_cut(words, width - 2 * pad_x, round(size * t.line_height), t, size, ctx.floor)
    if fit is None:
        return []
    lines = ctx.planner.wrapped(fit.text, width - 2 * pad_x, t, fit.size)
    text_w = min(width - 2 * pad_x, max(ctx.planner.width(line, t, fit.size) for line in lines) + 4)
    w, h = text_w + 2 * pad_x, fit.height + 2 * pad_y
    px = x + (width - w) // 2 if s.align == "center" else x
    if s.decoration in ("frame", "rule"):   # elegant and minimal: a hairline outline, the text in the ink
        text = ctx.text("closing_text", fit, px + pad_x, pad_y, text_w, t, s.title, align="center",
                        label="Call to action")
        return [ctx.rect("closing_pill", px, 0, w, h, "#00000000", radius=h / 2, stroke=s.accent,
                         stroke_width=max(1, ctx.px(0.002))), text]
    fill = "@brand.accent"
    with ctx.over(fill):
        text = ctx.text("closing_text", fit, px + pad_x, pad_y, text_w, t, "on:accent", align="center",
                        label="Call to action")
    return [ctx.rect("closing_pill", px, 0, w, h, fill, radius=h / 2), text]
