"""The template model: validation names the exact path, defaults fill in, dicts round-trip."""

import json
from pathlib import Path

import pytest

from renderer import InvalidTemplate, Template
from renderer.layers import TextLayer

REFERENCE = Path("/work/shared/bench/reference_card.json")


def card(*layers, **top):
    return {"width": 1200, "height": 630, "layers": list(layers), **top}


@pytest.mark.parametrize("data, path, words", [
    ({"height": 10, "layers": []}, "width", "required"),
    (card(width=0), "width", "between 1 and 4096"),
    (card(width=4097), "width", "between 1 and 4096"),
    (card(width=10.5), "width", "whole number"),
    (card({"type": "text", "name": "t"}, {"type": "text", "name": "u"}, {"type": "text", "name": "v"},
          {"type": "text", "name": "w", "font_size": 5000}), "layers[3].font_size", "between 1 and 1,000"),
    (card({"type": "blob", "name": "x"}), "layers[0].type", "one of text, image"),
    (card({"type": "text"}), "layers[0].name", "required"),
    (card({"type": "text", "name": "has space"}), "layers[0].name", "'has space' is not a valid name: 1-64"),
    (card({"type": "text", "name": "format"}), "layers[0].name", "reserved"),
    (card({"type": "text", "name": "a"}, {"type": "rect", "name": "a"}), "layers[1].name", "unique"),
    (card({"type": "text", "name": "a", "colour": "#fff"}), "layers[0].colour", "did you mean 'color'"),
    (card({"type": "text", "name": "a", "color": "red"}), "layers[0].color", "not a colour"),
    (card({"type": "text", "name": "a", "color": "#ggg"}), "layers[0].color", "not a colour"),
    (card({"type": "rect", "name": "a", "opacity": 2}), "layers[0].opacity", "between 0 and 1"),
    (card({"type": "text", "name": "a", "align": "middle"}), "layers[0].align", "one of start"),
    (card({"type": "text", "name": "a", "hidden": "yes"}), "layers[0].hidden", "true or false"),
    (card({"type": "text", "name": "a", "text": "x" * 10_001}), "layers[0].text", "at most 10,000"),
    (card({"type": "text", "name": "a", "fields": ["colour"]}), "layers[0].fields[0]", "did you mean"),
    (card({"type": "rect", "name": "a", "fill": {"type": "linear", "stops": ["#fff"]}}), "layers[0].fill",
     "2 to 16 stops"),
    (card(background="blue"), "background", "not a colour"),
    (card(colour="#fff"), "colour", "unknown template property"),
    ({"width": 10, "height": 10, "pages": [[{"type": "text", "name": "a"}], [{"type": "text", "name": "a"}]]},
     "pages[1][0].name", "unique"),
    ({"width": 10, "height": 10, "layers": [], "pages": []}, "pages", "either layers or pages"),
])
def test_errors_name_the_exact_path(data, path, words):
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict(data)
    assert caught.value.path == path
    assert words in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_defaults_fill_in_and_the_box_defaults_to_the_canvas():
    tpl = Template.from_dict(card({"type": "text", "name": "title"}))
    layer = tpl.layer("title")
    assert isinstance(layer, TextLayer)
    assert (layer.x, layer.y, layer.width, layer.height) == (0, 0, 1200, 630)
    assert (layer.font_size, layer.color, layer.overflow, layer.align, layer.opacity) == (48, "#000000", "shrink",
                                                                                          "start", 1)
    assert tpl.background == "#ffffff" and tpl.public is False


def test_colours_are_normalised():
    tpl = Template.from_dict(card({"type": "rect", "name": "a", "fill": "#F05"},
                                  {"type": "rect", "name": "b", "fill": "#11223344"},
                                  {"type": "rect", "name": "c", "fill": "transparent"},
                                  {"type": "rect", "name": "d", "fill": "#112233ff"}))
    assert [tpl.layer(n).fill for n in "abcd"] == ["#ff0055", "#11223344", "#00000000", "#112233"]


def test_round_trip_is_stable_for_the_reference_card_and_pages():
    data = json.loads(REFERENCE.read_text())
    tpl = Template.from_dict(data)
    assert Template.from_dict(tpl.to_dict()) == tpl
    assert tpl.to_dict()["layers"][1] == {"type": "rect", "name": "overlay", "x": 48, "y": 200, "width": 1104,
                                          "height": 382, "fill": "#0a0c149e"}
    paged = Template.from_dict({"width": 100, "height": 100, "background": {"src": "a.png", "fit": "contain"},
                                "pages": [[{"type": "text", "name": "a"}], {"layers": [{"type": "qr", "name": "b"}]}]})
    assert paged.paged and len(paged.pages) == 2
    again = Template.from_dict(paged.to_dict())
    assert again == paged and again.background.src == "a.png" and again.background.fit == "contain"
    assert [layer.name for layer in paged.layers] == ["a", "b"]


def test_gradient_fill_is_normalised():
    tpl = Template.from_dict(card({"type": "rect", "name": "a", "fill": {
        "type": "linear", "angle": 90, "stops": ["#f00", {"color": "#00f", "offset": 0.75}, "#0f0"]}}))
    assert tpl.layer("a").fill == {"type": "linear", "angle": 90, "stops": [
        {"color": "#ff0000", "offset": 0.0}, {"color": "#0000ff", "offset": 0.75}, {"color": "#00ff00", "offset": 1.0}]}


def test_a_line_without_a_height_is_horizontal():
    tpl = Template.from_dict(card({"type": "line", "name": "rule", "x": 10, "y": 50, "width": 300}))
    assert tpl.layer("rule").height == 0 and tpl.layer("rule").width == 300
