"""A column of measured text blocks (kicker, ornament, title, summary, points) placed in a zone without overlap."""

from __future__ import annotations

from dataclasses import dataclass, field

from connector.generations.layouts.parts import Ctx
from connector.generations.planning import Fit, Type


@dataclass
class Column:
    """What goes in a column, in order; ``place`` measures and positions it in a zone."""

    kicker: str = ""
    title: str = ""
    summary: str = ""
    points: list[str] = field(default_factory=list)
    numeral: str = ""              # a big 01 above the title (carousel body slides)
    title_scale: float | None = None
    title_name: str = "title"
    summary_name: str = "summary"
    point_prefix: str = "point"
    point_start: int = 1           # the first bullet's number (a list continued from the slide before)
    body_scale: float | None = None
    title_color: str = ""
    body_color: str = ""
    kicker_color: str = ""
    ornament: bool = True          # the style's mark above the title (bar, rule, quote)
    paragraph_split: bool = False  # a carousel: give back what does not fit instead of cutting it
    rest: str = ""                 # filled by place(): the summary text that did not fit
    rest_points: list[str] = field(default_factory=list)
    list_low: int = 0              # a card's smallest size for points (0: the floor): fewer, larger points
    more: str = ""                 # a card's line for points left out, "+{} more" (empty: none)


def place(ctx: Ctx, col: Column, x: int, y: int, w: int, h: int, valign: str | None = None) -> list[dict]:
    """The column's layers inside (x, y, w, h): every text planned to fit at or above the floor, stacked with
    consistent gaps, the whole block aligned per the style (top, middle, bottom)."""
    s = ctx.style
    gap = ctx.px(0.03)
    parts: list[tuple[int, object]] = []   # (height, builder(y) -> layers)
    room = h

    def add(height, build, spacing=gap):
        nonlocal room
        parts.append((height, build, spacing))
        room -= height + spacing

    if col.kicker:
        kicker = ctx.label("kicker", col.kicker, x, 0, w, col.kicker_color or s.kicker, label="Kicker")
        if kicker:
            add(kicker["height"], lambda yy, k=kicker: [{**k, "y": yy}], round(gap * 0.8))
    if col.numeral:
        numeral = _numeral(ctx, col, x, w)
        if numeral:
            add(numeral["height"], lambda yy, n=numeral: [{**n, "y": yy}], round(gap * 0.5))
    if col.ornament:
        orn = _ornament(ctx, x, w)
        if orn:
            add(orn[0], orn[1], round(gap * 1.1))
    top = ctx.px(col.title_scale or s.title_scale)
    title_low = max(ctx.floor, round(top * 0.5))
    body_top = max(ctx.floor, ctx.px(col.body_scale or s.body_scale))
    reserve = round(body_top * 1.35 * 2 + gap) if (col.summary or col.points) else 0
    if col.points and col.list_low:   # a card keeps room for three points at its list size under the title
        k = min(3, len(col.points)) + (len(col.points) > 3 and bool(col.more))   # and a "+N more" line
        reserve = (round(body_top * 1.35 * 2 + gap) if col.summary else 0) + gap + \
            round(k * col.list_low * 1.35 + (k - 1) * round(0.45 * col.list_low))
    t = ctx.title_type()
    reserve += 2 * ctx.pad(t, top)   # the title box's reach past its lines, at its largest
    fit = ctx.planner.fit(col.title, w, room - reserve, t, top, title_low) if col.title else None
    if fit is None and col.title:
        fit = ctx.planner.fit_or_cut(col.title, w, max(room - reserve, ctx.floor * 2), t, top, ctx.floor)
    if fit is not None:
        fit, tw = ctx.planner.unorphaned(fit, w, t, title_low)
        tx = x + (w - tw) // 2 if s.align == "center" else x
        tp = ctx.pad(t, fit.size)   # a tightly led title's box reaches past its lines (letter tails)
        add(fit.height + 2 * tp, lambda yy, f=fit: [ctx.text(col.title_name, f, tx, yy + tp, tw, t,
                                                             col.title_color or s.title, heading=True,
                                                             label="Title")], round(gap * 1.1))
    body = ctx.body_type()
    body_top = max(ctx.floor, ctx.px(col.body_scale or s.body_scale))
    if col.summary and room >= ctx.floor * 2:
        if col.paragraph_split:
            shown, col.rest = ctx.planner.take(col.summary, w, room, body, body_top, ctx.floor)
            sfit = ctx.planner.fit(shown, w, room, body, body_top, ctx.floor) if shown else None
        else:
            sfit = ctx.planner.fit_or_cut(col.summary, w, room, body, body_top, ctx.floor)
        if sfit is not None:
            sp = ctx.pad(body, sfit.size)
            add(sfit.height + 2 * sp, lambda yy, f=sfit: [ctx.text(col.summary_name, f, x, yy + sp, w, body,
                                                          col.body_color or s.body, opacity=s.body_opacity,
                                                          label="Summary")])
    if col.points and room >= ctx.floor * 2:
        built = _points(ctx, col, x, w, room, ctx.body_type(italic=False), body_top)
        if built:
            add(built[0], built[1])
    if not parts:
        return []
    total = sum(p[0] for p in parts) + sum(p[2] for p in parts[:-1])
    where = valign or s.valign
    yy = y + {"top": 0, "middle": (h - total) // 2, "bottom": h - total}[where]
    yy = max(y, yy)
    layers = []
    for height, build, spacing in parts:
        layers += build(yy)
        yy += height + spacing
    return layers


def _numeral(ctx: Ctx, col: Column, x: int, w: int) -> dict | None:
    size = ctx.px(0.12)
    t = Type(ctx.heading_font()[1], 700, False, 1.0, -0.02, "none", "", 1)
    fit = ctx.planner.fit(col.numeral, w, size, t, size, ctx.floor)
    if fit is None:
        return None
    layer = ctx.text("numeral", fit, x, 0, w, t, ctx.style.accent, heading=True, label="Number")
    layer.pop("language", None)
    return layer


def _ornament(ctx: Ctx, x: int, w: int):
    """The style's mark above the title, as (height, builder)."""
    s = ctx.style
    centre = s.align == "center"
    if s.decoration in ("bar", "block", "glow"):
        bw, bh = ctx.px(0.1 if s.decoration != "block" else 0.16), ctx.px(0.014 if s.decoration != "block" else
                                                                          0.022)
        bx = x + (w - bw) // 2 if centre else x
        return bh, lambda yy: [ctx.rect("accent_bar", bx, yy, bw, bh, s.accent, radius=bh / 2 if
                                        s.decoration == "glow" else 0)]
    if s.decoration == "frame":
        bw = ctx.px(0.08)
        return 2, lambda yy: [ctx.line("rule", x + (w - bw) // 2, yy, bw, s.accent, max(1, ctx.px(0.002)))]
    if s.decoration == "quote":
        size = ctx.px(0.15)
        t = Type(ctx.heading_font()[1], 700, False, 0.62, 0.0, "none", "", 1)
        fit = Fit("“", size, 1, round(size * 0.62))
        return fit.height, lambda yy: [{**ctx.text("quote_mark", fit, x, yy, w, t, s.accent, heading=True,
                                                   low=size, align="left", pad=False), "editable": False}]
    return None


def _points(ctx: Ctx, col: Column, x: int, w: int, room: int, body: Type, top: int):
    """Bullets (a marker and a text box each; centred styles: centred items, no marker), as many as fit at the
    column's list size (a card's ``list_low``, else the floor) or more, then "+N more" when some are left out
    on a card; (height, builder)."""
    centre = ctx.style.align == "center"
    indent = 0 if centre else round(top * 1.8) if ctx.style.numerals else max(ctx.px(0.045), round(top * 0.9))
    gap = 0.7 if centre else 0.45
    found, items, more = None, [], ""
    for low in dict.fromkeys((col.list_low or ctx.floor, ctx.floor)):
        items = list(col.points)
        while items and not found:
            left = len(col.points) - len(items)
            more = col.more.format(left) if left and col.more else ""
            found = ctx.planner.block(items + [more] * bool(more), w - indent, room, body, top, low, gap)
            if not found:
                items = items[:-1]
        if found:
            break
    if not found:
        col.rest_points = list(col.points)
        return None
    col.rest_points = list(col.points[len(items):])
    size, heights = found
    total = sum(heights) + round(gap * size) * (len(heights) - 1)

    def build(yy):
        layers = []
        for n, (item, height) in enumerate(zip(items, heights, strict=False), col.point_start):
            dot = max(6, round(size * 0.32))
            line_mid = yy + round(size * body.line_height / 2)
            if centre:
                pass
            elif ctx.style.numerals:
                mark = ctx.text("bullet", Fit(f"{n:02d}", size, 1, round(size * body.line_height)), x, yy,
                                indent, Type(body.family, 700, False, body.line_height), ctx.style.accent,
                                align="left")
                mark.update(editable=False, min_font_size=size)
                mark.pop("language", None)
                layers.append(mark)
            else:
                layers.append(ctx.ellipse("bullet", x + 2, line_mid - dot // 2, dot, dot, ctx.style.accent))
            item_w = ctx.planner.balanced(item, w - indent, body, size)   # no lone last word when it can
            ix = x + (w - item_w) // 2 if centre else x + indent
            layers.append(ctx.text(f"{col.point_prefix}_{n}", Fit(item, size, 0, height), ix, yy, item_w, body,
                                   col.body_color or ctx.style.body, align="center" if centre else "start",
                                   label=f"Point {n}"))
            yy += height + round(gap * size)
        if more:
            layers.append(ctx.text("more_points", Fit(more, size, 1, heights[-1]), x + indent, yy, w - indent,
                                   ctx.body_type(weight=700, italic=False), ctx.style.accent,
                                   align="center" if centre else "left", label="More points"))   # mirrored in RTL
        return layers
    return total, build
