"""Carousels (formats with pages): a cover, body slides filled by measuring, and a closing slide."""

from __future__ import annotations

from connector.generations.content import Extracted
from connector.generations.layouts.card import card
from connector.generations.layouts.decor import backdrop, foreground
from connector.generations.layouts.parts import Ctx, kicker_text, site_host
from connector.generations.layouts.slides import Body, body_units, closing_words, restatements
from connector.generations.layouts.stack import Column, place


def carousel(ctx: Ctx, extracted: Extracted, count: int) -> list[list[dict]]:
    """``count`` pages: the cover (a portrait card without points), ``count - 2`` body slides and the closing."""
    pages = [card(ctx, extracted, points=False)]
    slots = count - 2
    queue = body_units(extracted, slots)
    spare = restatements(extracted)
    for n in range(2, count):
        left = count - n   # body slides after this one
        unit = queue.pop(0) if queue else spare.pop(0) if spare else Body(" ".join(extracted.title.split()))
        layers, rest = body_slide(ctx, extracted, unit, n, count, split=left > len(queue))
        if rest is not None:
            queue.insert(0, rest)
        pages.append(layers)
    pages.append(closing(ctx, extracted, count))
    return pages


def _top_row(ctx: Ctx, extracted: Extracted, n: int, count: int) -> tuple[list[dict], int]:
    """The site's name at the top left and the slide number ("2/5") at the top right; (layers, bottom)."""
    s, m = ctx.style, ctx.margin
    top = m + (ctx.px(0.11) if s.decoration == "band" else 0)
    number_w = ctx.px(0.14)
    layers = []
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
               split: bool) -> tuple[list[dict], Body | None]:
    """One body slide; and what did not fit on it (when ``split``: a slide after it still has room) or None."""
    s, m, W, H = ctx.style, ctx.margin, ctx.width, ctx.height
    layers = backdrop(ctx, (m, m, W - 2 * m, H - 2 * m), False)
    row, bottom = _top_row(ctx, extracted, n, count)
    layers += row
    gap = ctx.px(0.06)
    footer, footer_h = ctx.footer(extracted, m, H - m, W - 2 * m, s.body, logo=s.decoration != "band")
    y = bottom + gap
    h = H - m - footer_h - ctx.px(0.05) - y
    lone = not unit.heading
    col = Column(title=unit.heading, summary=unit.paragraph, points=list(unit.bullets),
                 numeral=f"{n - 1:02d}" if s.numerals and unit.heading and not unit.continued else "",
                 title_scale=s.title_scale * (0.8 if unit.paragraph or unit.bullets else 0.95),
                 title_name=f"heading_{n}", summary_name=f"text_{n}", point_prefix=f"slide{n}_point",
                 ornament=s.decoration in ("frame", "rule") and not lone, paragraph_split=split,
                 body_scale=s.body_scale * (1.9 if lone else 1.15))
    layers += place(ctx, col, m, y, W - 2 * m, h, valign="top" if not lone else "middle")
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
        rest = Body(unit.heading, col.rest_points, "", continued=True)
    return layers, rest


def closing(ctx: Ctx, extracted: Extracted, count: int) -> list[dict]:
    """The last slide: a call to action ("Follow for more" in English) or the site's name, with its address and
    the author, and the logo large when the brand has one."""
    s, m, W, H = ctx.style, ctx.margin, ctx.width, ctx.height
    layers = backdrop(ctx, (m, m, W - 2 * m, H - 2 * m), False)
    host = site_host(extracted.url)
    words = closing_words(extracted)
    name = extracted.site_name or host
    title = words or name or " ".join(extracted.title.split())
    details = [p for p in (name if words else "", host if host != name or not words else "", extracted.author) if p]
    top = m + (ctx.px(0.11) if s.decoration == "band" else 0)
    if ctx.brand.get("logo"):
        size = ctx.px(0.16)
        layers.append(ctx.logo("closing_logo", (W - size * 3) // 2 if s.align == "center" else m, top + ctx.px(0.06),
                               size * 3, size, "center" if s.align == "center" else "left"))
        top += size + ctx.px(0.06)
    col = Column(title=title, summary="\n".join(details), title_name="closing_title", summary_name="closing_text",
                 title_scale=s.title_scale * 1.1, body_scale=s.body_scale * 1.2)
    layers += place(ctx, col, m, top, W - 2 * m, H - top - m - ctx.px(0.08), valign="middle")
    number = ctx.label(f"slide_no_{count}", f"{count}/{count}", W - m - ctx.px(0.14), H - m - ctx.label_size(),
                       ctx.px(0.14), s.kicker, align="right", spacing=0.05, label="Slide number")
    if number:
        number["y"] = H - m - number["height"]
        layers.append(number)
    layers += foreground(ctx, None, extracted)
    return layers
