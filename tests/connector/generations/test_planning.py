"""Planning: the readable floor, fitting by the renderer's own layout, cutting at sentences then words, splitting."""

from __future__ import annotations

from connector.generations.planning import ELLIPSIS, Planner, Type, floor_px, join, sentences, tokens
from renderer.text import TextSpec, layout

PLAN = Planner()
BODY = Type(line_height=1.3)


def test_the_floor_is_24px_at_1080_and_scales_with_the_shorter_side():
    assert floor_px(1080, 1350) == 24
    assert floor_px(1200, 630) == 14
    assert floor_px(512, 512) == 12
    assert floor_px(2480, 3508) == 56


def test_fit_finds_the_size_the_renderer_would_draw_at():
    text = "Small rituals beat big processes, every single week"
    fit = PLAN.fit(text, 600, 200, BODY, 80, 24)
    assert fit is not None and 24 <= fit.size <= 80
    spec = TextSpec(text, "", 400, False, fit.size, 24, 1.3, 0, None, "start", "top", "shrink", "auto", "", 600,
                    fit.height)
    drawn = layout(spec, PLAN.registry)
    assert drawn.size == fit.size and len(drawn.lines) == fit.lines
    assert not [code for code, _ in drawn.warnings if code in ("text_truncated", "text_shrunk")]


def test_fit_searched_on_estimates_lands_where_exact_layout_says_one_size_more_would_not_fit():
    """The search scales each word's length at one reference size; the size it settles on is exact: the renderer
    draws it whole, unshrunk, and the next size up does not fit (boxes and letter spacings of several kinds)."""
    texts = ("Small rituals beat big processes, every single week",
             "Write it down: decisions, owners, dates and the reasons beside them, for whoever comes next",
             "Quiet focus time")
    for text in texts:
        for width, height, spacing in ((600, 200, 0.0), (410, 330, -0.02), (900, 120, 0.08), (300, 500, 0.0)):
            t = Type(line_height=1.2, spacing=spacing)
            fit = PLAN.fit(text, width, height, t, 96, 20)
            assert fit is not None, (text, width, height)
            spec = TextSpec(text, "", 400, False, fit.size, 20, 1.2, t.spacing_px(fit.size), None, "start", "top",
                            "shrink", "auto", "", width, fit.height)
            drawn = layout(spec, PLAN.registry)
            assert drawn.size == fit.size and len(drawn.lines) == fit.lines, (text, width, height, spacing)
            assert fit.height <= height
            if 20 < fit.size < 96:
                up = fit.size + 1
                lines, broken = PLAN.measure.spans(text, t, up, t.spacing_px(up), width)
                assert broken or len(lines) * up * 1.2 > height + 0.5, (text, width, height, spacing, fit.size)


def test_text_that_does_not_fit_at_the_floor_is_cut_at_a_sentence():
    text = "First sentence is here. Second sentence follows it. Third one is a long one that will not fit."
    fit = PLAN.fit_or_cut(text, 500, 70, BODY, 24, 24)
    assert fit.text == "First sentence is here. Second sentence follows it." and fit.size == 24


def test_then_at_a_word_with_an_ellipsis():
    text = "One very long sentence without any full stop that goes on and on and on and never ends at all"
    fit = PLAN.fit_or_cut(text, 400, 32, BODY, 24, 24)
    assert fit.text.endswith(ELLIPSIS) and " " in fit.text
    assert text.startswith(fit.text[:-1])


def test_take_splits_for_the_next_slide():
    text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota."
    shown, rest = PLAN.take(text, 400, 35, BODY, 24, 24)
    assert shown == "Alpha beta gamma." and rest == "Delta epsilon zeta. Eta theta iota."


def test_a_list_gets_one_size_that_fits_all_its_items():
    items = ["Write decisions down", "Default to asynchronous updates", "Demo something every Friday"]
    size, heights = PLAN.block(items, 500, 400, BODY, 60, 24, 0.5)
    assert 24 <= size <= 60 and len(heights) == 3
    assert sum(heights) + round(0.5 * size) * 2 <= 400
    assert PLAN.block(items * 10, 500, 100, BODY, 60, 24, 0.5) is None


def test_sentences_and_words_in_other_scripts():
    assert sentences("在宅勤務は自由です。習慣が必要です。") == ["在宅勤務は自由です。", "習慣が必要です。"]
    assert join(["在宅勤務は自由です。", "習慣が必要です。"]) == "在宅勤務は自由です。習慣が必要です。"
    assert sentences("هل هذا سؤال؟ نعم هو.") == ["هل هذا سؤال؟", "نعم هو."]
    assert tokens("日本語") == ["日", "本", "語"]
