"""`locked`: an editor-only flag on every layer (the editor won't move it); validated, kept, never drawn differently."""

import pytest

from renderer import InvalidTemplate, Template, render
from renderer.layers import LAYER_TYPES


def card(**layer):
    return {"width": 120, "height": 80, "background": "#ffffff",
            "layers": [{"type": "rect", "name": "box", "x": 10, "y": 10, "width": 50, "height": 30,
                        "fill": "#ff0000", **layer}]}


@pytest.mark.parametrize("kind", sorted(LAYER_TYPES))
def test_every_layer_type_takes_locked_and_keeps_it(kind):
    tpl = Template.from_dict({"width": 100, "height": 100, "layers": [{"type": kind, "name": "a", "locked": True}]})
    assert tpl.layer("a").locked is True
    assert tpl.to_dict()["layers"][0]["locked"] is True
    unlocked = Template.from_dict({"width": 100, "height": 100, "layers": [{"type": kind, "name": "a"}]})
    assert unlocked.layer("a").locked is False
    assert "locked" not in unlocked.to_dict()["layers"][0]   # the default is not written out


def test_locked_must_be_true_or_false():
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict(card(locked="yes"))
    assert caught.value.path == "layers[0].locked"
    assert "true or false" in caught.value.reason


def test_a_locked_layer_renders_exactly_like_an_unlocked_one():
    assert render(card(locked=True), {}, format="png").data == render(card(), {}, format="png").data


def test_locked_is_not_a_field_and_no_render_can_set_it():
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict(card(fields=["locked"]))
    assert caught.value.path == "layers[0].fields[0]"
    tpl = Template.from_dict(card(locked=True))
    assert tpl.field_target("box.locked") is None
    assert tpl.field_target("box.hidden") == ("box", "hidden")
