"""Text decoration: underline and line-through follow the text actually laid out, line by line, in its colour."""

import io

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from renderer import InvalidTemplate, Template, render, template_fields
from renderer.decoration import stroke_metrics
from renderer.fonts import default_registry
from renderer.text import TextSpec, layout
from renderer.textdraw import draw_layout

REG = default_registry()


def spec(text, **kw):
    values = dict(text=text, family="Noto Sans", weight=400, italic=False, size=48, min_size=10, line_height=1.3,
                  letter_spacing=0, max_lines=None, align="start", valign="top", overflow="shrink", direction="auto",
                  language="", width=460, height=300)
    values.update(kw)
    return TextSpec(**values)


def strokes(s, decoration):
    """(layout, the pixels the decoration added) for spec ``s``."""
    lay = layout(s, REG)
    plain = np.asarray(draw_layout(lay, s, REG, None, "none"), dtype=np.int16)
    decorated = np.asarray(draw_layout(lay, s, REG, None, decoration), dtype=np.int16)
    return lay, plain, (decorated - plain) > 96


def ink_columns(mask):
    columns = np.nonzero(mask.any(axis=0))[0]
    return columns.min(), columns.max()


@pytest.mark.parametrize("decoration", ["underline", "line-through"])
@pytest.mark.parametrize("text, family, kw", [
    ("Underlined text that wraps over several lines", "Noto Sans", {}),
    ("Spaced out letters wrapping", "Noto Sans", {"letter_spacing": 6}),
    ("שלום עולם ומה שלומכם היום", "Noto Sans Hebrew", {}),
    ("Justified text spreads its words so that lines reach both edges", "Noto Sans", {"align": "justify"}),
])
def test_each_line_is_decorated_from_its_first_glyph_to_its_last(decoration, text, family, kw):
    s = spec(text, family=family, **kw)
    lay, plain, added = strokes(s, decoration)
    assert len(lay.lines) >= 2
    line_px = lay.size * s.line_height
    for baseline in lay.baselines:
        band = slice(round(baseline - line_px * 0.75), round(baseline + line_px * 0.25))
        ink = plain[band] > 96
        stroke = added[band]
        assert stroke.any(), f"no {decoration} on the line at baseline {baseline:.0f}"
        left, right = ink_columns(ink)
        stroke_left, stroke_right = ink_columns(stroke | (ink & stroke.any(axis=0)[None, :]))
        assert abs(stroke_left - left) <= 4 and abs(stroke_right - right) <= 4, (
            f"the stroke runs {stroke_left}-{stroke_right}, the text {left}-{right}")
        rows = np.nonzero(stroke.any(axis=1))[0] + band.start
        if decoration == "underline":
            assert rows.min() >= baseline, "an underline sits below the baseline"
        else:
            assert baseline - lay.size * 0.6 < rows.min() and rows.max() < baseline, "a strike crosses the letters"


def test_stroke_position_and_thickness_come_from_the_font():
    face, _ = REG.match("Noto Sans")
    with TTFont(face.path, fontNumber=face.index) as font:
        em = font["head"].unitsPerEm
        post, os2 = font["post"], font["OS/2"]
        expected = (post.underlinePosition / em, post.underlineThickness / em, os2.yStrikeoutPosition / em,
                    os2.yStrikeoutSize / em)
    metrics = stroke_metrics(face)
    assert (metrics.underline_top, metrics.underline_size, metrics.strike_top, metrics.strike_size) == expected
    s = spec("thick", size=200)
    lay, _, added = strokes(s, "underline")
    rows = np.nonzero(added.any(axis=1))[0]
    assert len(rows) == round(metrics.underline_size * 200)


def test_decoration_takes_the_text_colour_in_a_render():
    result = render({"width": 400, "height": 100, "background": "#ffffff", "layers": [
        {"type": "text", "name": "price", "text": "$1,899.99", "font": "Noto Sans", "font_size": 60,
         "color": "#dc2626", "decoration": "line-through", "valign": "middle"}]})
    image = np.asarray(Image.open(io.BytesIO(result.data)).convert("RGB"), dtype=np.int16)
    red = (np.abs(image - [0xdc, 0x26, 0x26]).max(axis=-1) < 8)
    left, right = ink_columns(red)
    assert red.sum(axis=1).max() > 0.9 * (right - left + 1), "one red stroke across the whole price"


def test_decoration_is_validated_and_offered_as_a_choice():
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict({"width": 10, "height": 10, "layers": [{"type": "text", "name": "t",
                                                                   "decoration": "overline"}]})
    assert caught.value.path == "layers[0].decoration" and "underline" in str(caught.value)
    tpl = Template.from_dict({"width": 10, "height": 10, "layers": [
        {"type": "text", "name": "t", "decoration": "underline", "fields": ["decoration"]}]})
    assert tpl.to_dict()["layers"][0]["decoration"] == "underline"
    field = next(f for f in template_fields(tpl) if f.name == "t.decoration")
    assert field.type == "select" and field.choices == ("none", "underline", "line-through")
