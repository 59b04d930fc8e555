"""``Rendered.layout``: every layer as the renderer placed it, text with the size and lines it was drawn with."""

from renderer import render

TEMPLATE = {"width": 300, "height": 120, "pages": [
    [{"type": "text", "name": "title", "x": 10, "y": 10, "width": 200, "height": 60, "font_size": 80,
      "min_font_size": 6, "text": "Words that must shrink to fit this box"},
     {"type": "rect", "name": "hidden", "hidden": True},
     {"type": "text", "name": "empty", "text": "", "shown_with": "hidden"}],
    [{"type": "ellipse", "name": "dot", "x": 5, "y": 6, "width": 7, "height": 8, "rotation": 30}]]}


def test_each_page_lists_its_layers_with_what_was_drawn():
    result = render(TEMPLATE, format="png")
    first, second = result.layout
    title, hidden, empty = first
    assert [e["drawn"] for e in first] == [True, False, False]
    assert (hidden["type"], empty["font_size"], empty["lines"]) == ("rect", None, [])
    assert second == [{"name": "dot", "type": "ellipse", "box": [5, 6, 7, 8], "rotation": 30, "drawn": True,
                       "warnings": []}]
    assert title["font_size"] < 80 and [w["code"] for w in title["warnings"]] == ["text_shrunk"]
    assert " ".join(line["text"] for line in title["lines"]) == "Words that must shrink to fit this box"
    for line in title["lines"]:
        x, y, w, h = line["box"]
        assert x >= 10 and x + w <= 210.01 and y + h <= 70 + h * 0.2


def test_line_boxes_are_in_template_pixels_at_any_scale():
    one = render(TEMPLATE, format="png", page=1).layout[0][0]
    three = render(TEMPLATE, format="png", page=1, scale=3).layout[0][0]
    assert three["box"] == one["box"]
    assert [line["text"] for line in three["lines"]] == [line["text"] for line in one["lines"]]
    assert abs(three["font_size"] - one["font_size"]) <= 1
