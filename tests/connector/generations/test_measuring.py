"""Measuring: the remembered layout gives what ``renderer.text.layout`` gives (size, lines, their text and width,
cut or not) for Latin, letter-spaced, upper-cased, Arabic, Japanese, emoji and too-long words, cold and warm."""

from __future__ import annotations

import itertools
import math

import pytest

from connector.generations import measuring
from connector.generations.planning import Planner, Type, direction
from renderer.fonts import default_registry
from renderer.script import transform
from renderer.text import TextSpec, layout

TEXTS = [
    "The quiet art of remote meetings",
    "Distributed teams that meet less, and better, share a handful of habits: a written agenda, a clear owner "
    "and decisions recorded where everyone can find them.\nA second paragraph after a line break.",
    "Supercalifragilisticexpialidocious-antidisestablishmentarianism",
    "خمس نصائح للعمل عن بعد: حدد وقتاً ثابتاً لبداية يومك ونهايته.",
    "リモートワークを成功させる五つの習慣。毎日の短いメモが会議を減らします。",
    "Ship it 🚀 on Friday ✅ with 30% fewer meetings",
]
TYPES = [Type("", 400), Type("", 700, False, 1.1, -0.02, "uppercase"), Type("", 400, True, 1.35, 0.12, "none", "en"),
         Type("", 700, False, 1.2, 0.1, "uppercase", "", 1)]


def spec(text, t, width, height, size, low):
    return TextSpec(text=transform(text, t.transform), family=t.family, weight=t.weight, italic=t.italic, size=size,
                    min_size=low, line_height=t.line_height, letter_spacing=t.spacing_px(size),
                    max_lines=t.max_lines, align="start", valign="top", overflow="shrink", direction=direction(text),
                    language=t.language, width=width, height=height)


@pytest.fixture(params=["cold", "warm"])
def planner(request):
    if request.param == "cold":
        for memo in (measuring._lengths, measuring._paragraphs, measuring._spans, measuring._texts):
            memo.clear()
    return Planner(default_registry())


def test_a_shrinking_box_lands_where_layout_does(planner):
    for text, t, (width, height), (size, low) in itertools.product(TEXTS, TYPES, [(300, 120), (900, 400), (140, 60)],
                                                                   [(64, 24), (40, 40), (90, 12)]):
        lay = layout(spec(text, t, width, height, size, low), planner.registry)
        got = planner.measure.laid(text, t, width, height, size, low, t.spacing_px(size), t.max_lines)
        assert (got.size, len(got.lines), got.truncated) == \
            (lay.size, len(lay.lines), any(code == "text_truncated" for code, _ in lay.warnings)), (text, t, width)


def test_lines_and_widths_are_layouts(planner):
    free = [replace_lines(t) for t in TYPES]
    for text, t, width, size in itertools.product(TEXTS, free, [220, 640], [18, 37, 72]):
        lay = layout(spec(text, t, width, 100_000, size, size), planner.registry)
        assert planner.wrapped(text, width, t, size) == ["".join(u.text for u in line) for line in lay.lines]
        assert planner.lines(text, width, t, size) == len(lay.lines)
        wide = layout(spec(text, t, 100_000, 100_000, size, size), planner.registry)
        assert planner.width(text, t, size) == math.ceil(max(sum(u.width for u in ln) for ln in wide.lines))


def replace_lines(t: Type) -> Type:
    return Type(t.family, t.weight, t.italic, t.line_height, t.spacing, t.transform, t.language, None)


def test_the_memos_are_bounded(monkeypatch):
    memos = (measuring._lengths, measuring._spans, measuring._paragraphs)
    for memo in memos:
        monkeypatch.setattr(memo, "budget", 40)
    planner = Planner(default_registry())
    for n in range(40):
        planner.lines(f"word{n} another{n}", 300, Type(), 20 + n)
        assert all(memo.used <= 40 for memo in memos)
    assert 0 < len(measuring._lengths) <= 40 and 0 < len(measuring._spans) <= 20
    assert planner.lines("word1 another1", 300, Type(), 21) == 1
