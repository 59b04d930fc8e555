"""Drawing laid-out text: a coverage mask for plain text, an RGBA tile when colour emoji are in it."""

from __future__ import annotations

import math
import re

from PIL import Image, ImageDraw

from .colors import rgba
from .decoration import draw_decoration
from .paint import Tile
from .pdf import TextLine
from .script import transform
from .text import TextLayout, TextSpec, graphemes, layout


def text_spec(layer, w: int, h: int, scale: float) -> TextSpec:
    size = layer.font_size * scale
    minimum = layer.min_font_size if layer.min_font_size is not None else max(8.0, layer.font_size / 4)
    return TextSpec(text=transform(layer.text, layer.transform), family=layer.font, weight=layer.font_weight,
                    italic=layer.font_style == "italic", size=size, min_size=min(minimum * scale, size),
                    line_height=layer.line_height, letter_spacing=layer.letter_spacing * scale,
                    max_lines=layer.max_lines, align=layer.align, valign=layer.valign, overflow=layer.overflow,
                    direction=layer.direction, language=layer.language, width=w, height=h)


def draw_layout(lay: TextLayout, spec: TextSpec, registry, fill, decoration: str = "none") -> Image.Image:
    """The text of ``lay`` (and its decoration) in a box-sized image: mode L (coverage) when ``fill`` is None,
    else RGBA."""
    mode = "L" if fill is None else "RGBA"
    tile = Image.new(mode, (spec.width, spec.height), 0)
    draw = ImageDraw.Draw(tile)
    ink = 255 if fill is None else fill
    language = spec.language or None
    for units, baseline in zip(lay.lines, lay.baselines, strict=True):
        for unit in units:
            face = unit.face
            if face.bitmap_size:
                _draw_bitmap(tile, unit, baseline, lay.size, registry)
                continue
            font = registry.font(face, lay.size)
            if spec.letter_spacing and not unit.rtl:
                x = unit.x
                for g in graphemes(unit.text):
                    draw.text((x, baseline), g, font=font, fill=ink, anchor="ls", language=language)
                    x += font.getlength(g) + spec.letter_spacing
                continue
            draw.text((unit.x, baseline), unit.text, font=font, fill=ink, anchor="ls",
                      direction="rtl" if unit.rtl else "ltr", language=language)
    if lay.face is not None:
        draw_decoration(draw, lay, lay.face, decoration, ink)
    return tile


def _draw_bitmap(tile: Image.Image, unit, baseline: float, size: float, registry) -> None:
    """Colour emoji exist at one pixel size: draw them there and scale the picture to the text size."""
    font = registry.font(unit.face, unit.face.bitmap_size)
    ascent, descent = font.getmetrics()
    natural_w = math.ceil(font.getlength(unit.text)) or 1
    picture = Image.new("RGBA", (natural_w, ascent + descent), (0, 0, 0, 0))
    ImageDraw.Draw(picture).text((0, ascent), unit.text, font=font, anchor="ls", embedded_color=True)
    factor = size / unit.face.bitmap_size
    w, h = max(1, round(natural_w * factor)), max(1, round((ascent + descent) * factor))
    picture = picture.resize((w, h), Image.LANCZOS)
    x, y = round(unit.x), round(baseline - ascent * factor)
    if tile.mode == "L":   # coverage only: emoji drawn in the text colour (only when no colour tile is wanted)
        tile.paste(picture.getchannel("A"), (x, y), picture.getchannel("A"))
    else:
        tile.alpha_composite(picture, dest=(max(0, x), max(0, y)))


def line_boxes(lay: TextLayout, box, scale: float) -> list[dict]:
    """Each laid-out line's text (reading order) and ink box ``[x, y, w, h]`` in template pixels (output pixels
    divided by ``scale``), before the layer's rotation: the box spans the line's runs and the face's ascent and
    descent."""
    left, top = box[0], box[1]
    out = []
    for units, baseline, text in zip(lay.lines, lay.baselines, lay.texts, strict=True):
        if not units or not text.strip():
            continue
        x0, x1 = min(u.x for u in units), max(u.x + u.width for u in units)
        edges = (left + x0, top + baseline - lay.ascent, x1 - x0, lay.ascent + lay.descent)
        out.append({"text": text, "box": [round(v / scale, 2) for v in edges]})
    return out


def _text_lines(lay: TextLayout, spec: TextSpec, layer, box, registry) -> list[TextLine]:
    """Each laid-out line and its words where they sit on the page (a PDF's invisible, searchable copy of the
    text), in visual order as PDF text is drawn: readers turn right-to-left runs back into reading order."""
    left, top, w, h = box
    centre = (left + w / 2, top + h / 2)
    out = []
    for units, baseline in zip(lay.lines, lay.baselines, strict=True):
        words = tuple((text, left + x, width) for unit in units
                      for text, x, width in _words(unit, lay.size, spec.letter_spacing, registry))
        if any(text.strip() for text, _, _ in words):
            out.append(TextLine(words, top + baseline, lay.size, layer.rotation, centre))
    return out


def _words(unit, size: float, spacing: float, registry) -> list[tuple[str, float, float]]:
    """(text, x, width) of each word of a unit (a word keeps the spaces after it), so a PDF reader's selection
    and search hits sit on the glyphs; right-to-left and emoji runs stay whole."""
    if unit.rtl or unit.face.bitmap_size or " " not in unit.text.strip():
        return [(unit.text[::-1] if unit.rtl else unit.text, unit.x, unit.width)]
    font = registry.font(unit.face, size)
    out, x = [], unit.x
    for word in re.findall(r"\S*\s*", unit.text):
        if word:
            width = font.getlength(word) + (spacing * len(graphemes(word)) if spacing else 0.0)
            out.append((word, x, width))
            x += width
    return out


def paint_text(ctx, layer, box) -> list[Tile]:
    left, top, w, h = box
    tiles = []
    if layer.background:
        tiles.append(Tile(rgba(layer.background), box, None))
    if not layer.text.strip() or w <= 0 or h <= 0:
        return tiles
    spec = text_spec(layer, w, h, ctx.scale)
    lay = ctx.cache.get(("layout", spec, ctx.fonts.token), lambda: layout(spec, ctx.fonts), second_sight=True)
    for code, message in lay.warnings:
        ctx.warn(code, layer.name, message)
    if ctx.text_lines is not None:
        ctx.text_lines.extend(_text_lines(lay, spec, layer, box, ctx.fonts))
    if ctx.current is not None:   # what an editor draws its handles from: the very layout drawn here
        ctx.current.update(font_size=round(lay.size / ctx.scale, 2), lines=line_boxes(lay, box, ctx.scale))
    if lay.color_glyphs:
        colour = rgba(layer.color)
        picture = ctx.cache.get(("text-rgba", spec, colour, layer.decoration, ctx.fonts.token),
                                lambda: draw_layout(lay, spec, ctx.fonts, colour, layer.decoration),
                                second_sight=True)
        tiles.append(Tile(picture, box, None))
    else:
        mask = ctx.cache.get(("text-mask", spec, layer.decoration, ctx.fonts.token),
                             lambda: draw_layout(lay, spec, ctx.fonts, None, layer.decoration), second_sight=True)
        tiles.append(Tile(rgba(layer.color), box, mask))
    return tiles
