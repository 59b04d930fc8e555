"""Text that fits: wrapping, shrink/ellipsis/clip, alignment, bidi order, CJK, emoji, fallback and warnings."""

import json
from pathlib import Path

import pytest
from PIL import Image, features

from renderer import render
from renderer.fonts import default_registry
from renderer.text import Paragraph, Shaper, TextSpec, itemize, layout, visual_units

REG = default_registry()


def spec(text, **kw):
    values = dict(text=text, family="DejaVu Sans", weight=400, italic=False, size=40, min_size=10, line_height=1.2,
                  letter_spacing=0, max_lines=None, align="start", valign="top", overflow="shrink", direction="auto",
                  language="", width=400, height=200)
    values.update(kw)
    return TextSpec(**values)


def words(lay):
    return [" ".join(u.text for u in line).replace("  ", " ") for line in lay.lines]


def assert_inside(lay, s):
    """Every line's box lies inside the text box (glyphs beyond it would be clipped, never drawn outside)."""
    line_px = lay.size * s.line_height
    for units, baseline in zip(lay.lines, lay.baselines, strict=True):
        if units:
            assert units[0].x >= -0.5 and units[-1].x + units[-1].width <= s.width + 0.5
        top = baseline - ((line_px - (lay.ascent + lay.descent)) / 2 + lay.ascent)
        assert top >= -0.5 and top + line_px <= s.height + 0.5


def test_raqm_is_available():
    assert features.check("raqm"), "Pillow must have raqm for Arabic shaping and bidi"


def test_reference_title_shrinks_to_three_lines_and_says_so():
    card = json.loads(Path("/work/shared/bench/reference_card.json").read_text())
    title = card["layers"][5]
    s = spec(title["text"], weight=700, size=64, min_size=32, max_lines=3, width=1000, height=232)
    lay = layout(s, REG)
    assert len(lay.lines) == 3 and 56 <= lay.size < 64
    assert ("text_shrunk", f"Text shrunk from 64 px to {lay.size:g} px to fit its box.") in lay.warnings
    assert_inside(lay, s)


@pytest.mark.parametrize("text", ["short", "A much longer sentence that will need to wrap over several lines "
                                  "of the box before it fits " * 3, "Supercalifragilisticexpialidocious" * 3,
                                  "line one\nline two\n\nline four"])
@pytest.mark.parametrize("overflow", ["shrink", "ellipsis", "clip"])
def test_text_never_leaves_its_box(text, overflow):
    s = spec(text, overflow=overflow, width=300, height=150)
    lay = layout(s, REG)
    assert lay.lines
    assert_inside(lay, s)


def test_ellipsis_cuts_the_last_line_and_warns():
    s = spec("one two three four five six seven eight nine ten eleven twelve", overflow="ellipsis", width=260,
             height=100)
    lay = layout(s, REG)
    assert len(lay.lines) == 2 and lay.lines[-1][-1].text.endswith("…")
    assert any(code == "text_truncated" for code, _ in lay.warnings)
    assert_inside(lay, s)


def test_clip_drops_lines_without_ellipsis_and_max_lines_caps():
    s = spec("one two three four five six seven eight nine ten", overflow="clip", width=200, height=400,
             max_lines=2)
    lay = layout(s, REG)
    assert len(lay.lines) == 2 and "…" not in "".join(u.text for u in lay.lines[-1])
    assert any(code == "text_truncated" for code, _ in lay.warnings)


def test_newlines_break_lines_and_alignment_places_them():
    for align, expect in (("left", 0), ("right", 400), ("center", 200)):
        lay = layout(spec("ab\ncd", align=align), REG)
        assert len(lay.lines) == 2
        line = lay.lines[0]
        left, right = line[0].x, line[-1].x + line[-1].width
        assert {"left": left, "right": right, "center": (left + right) / 2}[align] == pytest.approx(expect, abs=1)


def test_justify_stretches_all_but_the_last_line():
    s = spec("Justified text spreads its words so that every line reaches both edges of the box.", align="justify",
             size=24)
    lay = layout(s, REG)
    assert len(lay.lines) >= 2
    for line in lay.lines[:-1]:
        assert line[-1].x + line[-1].width == pytest.approx(400, abs=1)
    assert lay.lines[-1][-1].x + lay.lines[-1][-1].width < 390


def test_valign_middle_and_bottom():
    top = layout(spec("x", valign="top"), REG).baselines[0]
    middle = layout(spec("x", valign="middle"), REG).baselines[0]
    bottom = layout(spec("x", valign="bottom"), REG).baselines[0]
    assert top < middle < bottom and middle - top == pytest.approx((200 - 48) / 2, abs=1)


def test_letter_spacing_widens():
    plain = layout(spec("spacing", size=30), REG).lines[0]
    spaced = layout(spec("spacing", size=30, letter_spacing=10), REG).lines[0]
    assert sum(u.width for u in spaced) == pytest.approx(sum(u.width for u in plain) + 60, abs=2)  # 6 gaps


def test_cjk_wraps_between_characters_and_respects_kinsoku():
    s = spec("東京で開催される開発者会議へようこそ。日本語のテキストは単語の間にスペースがありません。",
             family="Noto Sans CJK JP", size=32, width=300, height=400)
    lay = layout(s, REG)
    assert len(lay.lines) >= 4
    assert_inside(lay, s)
    assert not any(line[0].text.startswith(("。", "、")) for line in lay.lines)
    assert not any(code == "text_shrunk" for code, _ in lay.warnings), "CJK needs no shrinking to wrap"


def visual(text, family):
    face, _ = REG.match(family)
    kept, faces, _ = itemize(text, REG.fallback_chain(face), REG)
    return [(u.text, u.rtl) for u in visual_units(Paragraph(kept, faces, True), 0, len(kept),
                                                  Shaper(REG, 40, 0, ""), False)]


def test_rtl_lines_order_runs_right_to_left_with_latin_and_numbers_kept_left_to_right():
    assert visual("ל-Platen בשנת 2026", "Noto Sans Hebrew") == [
        ("2026", False), ("בשנת ", True), (" ", True), ("Platen", False), ("ל-", True)]
    assert visual("Platen للصور", "Noto Sans Arabic") == [("للصور", True), (" ", True), ("Platen", False)]


def test_rtl_paragraphs_start_on_the_right():
    lay = layout(spec("שלום עולם", family="Noto Sans Hebrew"), REG)
    assert lay.lines[0][-1].x + lay.lines[0][-1].width == pytest.approx(400, abs=1)


def test_arabic_is_shaped():
    face, _ = REG.match("Noto Sans Arabic")
    font = REG.font(face, 40)
    joined = font.getlength("لا", direction="rtl")
    apart = font.getlength("ل", direction="rtl") + font.getlength("ا", direction="rtl")
    assert joined < apart, "lam-alef should form a ligature through raqm"


def test_fallback_chain_gives_every_script_a_face_and_emoji_colour():
    face, _ = REG.match("DejaVu Sans")
    text = "Hi مرحبا 中文 😀"
    kept, faces, missing = itemize(text, REG.fallback_chain(face), REG)
    assert not missing and kept == text
    assert faces[text.index("中")].family.startswith("Noto Sans CJK")
    assert faces[text.index("😀")].bitmap_size


def test_emoji_render_in_colour():
    result = render({"width": 200, "height": 100, "background": "#000000", "layers": [
        {"type": "text", "name": "t", "text": "🚀🔥", "font_size": 60, "color": "#ffffff"}]})
    image = Image.open(__import__("io").BytesIO(result.data)).convert("RGB")
    colourful = [p for p in image.get_flattened_data() if max(p) - min(p) > 80]
    assert len(colourful) > 200
    assert not result.warnings


def test_missing_glyphs_and_substituted_fonts_are_warnings_not_boxes():
    result = render({"width": 300, "height": 100, "layers": [
        {"type": "text", "name": "t", "text": "ok \ue000", "font": "Inter", "font_size": 30}]})
    codes = {w["code"]: w for w in result.warnings}
    assert codes["font_substituted"]["layer"] == "t" and "Inter" in codes["font_substituted"]["message"]
    assert "U+E000" in codes["glyph_missing"]["message"]


def test_transform_uppercase():
    lay = layout(spec("make me loud"), REG)
    loud = layout(spec("MAKE ME LOUD"), REG)
    from renderer.script import transform
    assert transform("make me loud", "uppercase") == "MAKE ME LOUD"
    assert transform("make me loud", "capitalize") == "Make Me Loud"
    assert words(lay) != words(loud)


def test_numbers_keep_their_signs_in_rtl_text():
    units = visual("הנחה של 30% היום", "Noto Sans Hebrew")
    assert ("30%", False) in [(u.strip(), rtl) for u, rtl in units]
    units = visual("מחיר $199 בלבד", "Noto Sans Hebrew")
    assert ("$199", False) in [(u.strip(), rtl) for u, rtl in units]
    units = visual("سعر 1,250.50 اليوم", "Noto Sans Arabic")
    assert any(u.strip() == "1,250.50" and not rtl for u, rtl in units)


def test_latin_inside_noto_scripts_falls_back_to_noto_sans():
    face, _ = REG.match("Noto Sans Hebrew")
    _, faces, _ = itemize("שלום Platen", REG.fallback_chain(face), REG)
    assert faces[-1].family == "Noto Sans"


def test_letter_spacing_does_not_push_centred_text_off_centre():
    lay = layout(spec("ABC", size=60, letter_spacing=40, align="center", width=600), REG)
    line = lay.lines[0]
    left, right = line[0].x, line[-1].x + line[-1].width
    assert (left + right) / 2 == pytest.approx(300, abs=1)


def line_texts(lay):
    return ["".join(u.text for u in line) for line in lay.lines]


@pytest.mark.parametrize("width", range(300, 520, 10))
def test_ellipsis_cuts_at_a_word_boundary(width):
    """"none of them worked" never becomes "none of the…": a cut inside a word can change the meaning."""
    text = "We tried five tools and none of them worked"
    lay = layout(spec(text, overflow="ellipsis", width=width, height=48), REG)
    (line,) = line_texts(lay)
    kept = line.removesuffix("…")
    assert line.endswith("…") and text.startswith(kept) and text[len(kept)] == " ", line
    assert_inside(lay, spec(text, overflow="ellipsis", width=width, height=48))


def test_ellipsis_cuts_a_single_long_word_inside():
    (line,) = line_texts(layout(spec("Supercalifragilisticexpialidocious", overflow="ellipsis", width=300,
                                     height=48), REG))
    assert line.startswith("Supercal") and line.endswith("…")


@pytest.mark.parametrize("width", range(240, 400, 20))
def test_ellipsis_in_right_to_left_text_cuts_at_a_word_boundary(width):
    text = "שלום עולם ומה שלומכם היום חברים יקרים"
    lay = layout(spec(text, family="Noto Sans Hebrew", overflow="ellipsis", width=width, height=48), REG)
    assert lay.lines[0][0].text == "…", "the ellipsis ends the line: on the left in right-to-left text"
    kept = "".join(u.text for u in reversed(lay.lines[0][1:]))   # visual order back to logical order
    words = text.split()
    assert kept.split() == words[:len(kept.split())], kept


@pytest.mark.parametrize("width", range(180, 420, 10))
def test_japanese_breaks_between_phrases_not_inside_words(width):
    """BudouX's phrases: a line never ends inside オフ or 浅草 when the phrase fits on a line of its own."""
    text = "週末限定！浅草と隅田川をめぐる、今だけ30%オフ！"
    lay = layout(spec(text, family="Noto Sans CJK JP", size=32, width=width, height=2000), REG)
    lines = line_texts(lay)
    assert "".join(lines) == text
    phrases = ["週末限定！", "浅草と", "隅田川を", "めぐる、", "今だけ", "30%オフ！"]
    ends = {sum(map(len, phrases[:i + 1])) for i in range(len(phrases))}
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in ends, f"a line ends inside a phrase at {width} px: {lines}"


def test_a_cjk_phrase_wider_than_the_box_still_breaks_between_characters_without_shrinking():
    lay = layout(spec("屋形船ディナークルーズ", family="Noto Sans CJK JP", size=40, width=200, height=400), REG)
    assert len(lay.lines) >= 2 and not any(code == "text_shrunk" for code, _ in lay.warnings)


def test_thai_wraps_between_words_instead_of_shrinking():
    """Thai has no spaces: without word breaks a sentence was one 'word' and shrank to a sliver of one line."""
    text = "วันนี้อากาศดีมากเราจะไปเที่ยวทะเลกันที่หัวหินพร้อมครอบครัว"
    lay = layout(spec(text, family="Noto Sans Thai", size=40, width=400, height=400), REG)
    lines = line_texts(lay)
    assert lay.size == 40 and len(lines) >= 3 and "".join(lines) == text
    words = ["วัน", "นี้", "อากาศ", "ดี", "มาก", "เรา", "จะ", "ไป", "เที่ยว", "ทะเล", "กัน", "ที่", "หัวหิน", "พร้อม",
             "ครอบ", "ครัว"]
    ends = {sum(map(len, words[:i + 1])) for i in range(len(words))}
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in ends, lines
