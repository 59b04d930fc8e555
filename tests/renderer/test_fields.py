"""Fields: what a template offers (SPEC section 5's native list) and how values apply to it."""

import pytest

from renderer import FieldError, Template, apply_fields, template_fields

TPL = Template.from_dict({"width": 800, "height": 400, "layers": [
    {"type": "image", "name": "photo", "src": "https://example.com/p.jpg"},
    {"type": "rect", "name": "overlay", "fill": "#00000080", "editable": False},
    {"type": "text", "name": "title", "y": 40, "height": 200, "text": "Default", "font_size": 60,
     "label": "Headline", "required": True, "fields": ["color", "font_size", "align", "hidden"]},
    {"type": "text", "name": "tag", "height": 40, "max_lines": 1, "font_size": 20, "text": ""},
    {"type": "qr", "name": "link", "data": "https://example.com"},
    {"type": "ellipse", "name": "dot", "fill": {"type": "linear", "stops": ["#f00", "#00f"]}},
]})


def test_native_list_has_one_field_per_editable_layer_plus_exposed_properties_in_layer_order():
    fields = [f.to_dict() for f in template_fields(TPL)]
    assert [f["name"] for f in fields] == ["photo", "title", "title.color", "title.font_size", "title.align",
                                           "title.hidden", "tag", "link", "dot"]
    by_name = {f["name"]: f for f in fields}
    assert by_name["photo"]["type"] == "image" and by_name["photo"]["default"] == "https://example.com/p.jpg"
    assert by_name["title"] | {} == {**by_name["title"], "type": "textarea", "label": "Headline", "required": True,
                                     "default": "Default", "layer": "title", "property": "text"}
    assert by_name["tag"]["type"] == "text" and by_name["tag"]["default"] is None
    assert by_name["title.color"]["type"] == "color" and by_name["title.color"]["default"] == "#000000"
    assert by_name["title.font_size"]["type"] == "number"
    assert by_name["title.align"]["type"] == "select" and "justify" in by_name["title.align"]["choices"]
    assert by_name["title.hidden"]["type"] == "boolean"
    assert by_name["link"]["type"] == "qr"
    assert by_name["dot"]["type"] == "color" and by_name["dot"]["default"] == "#ff0000"
    assert all(f["type"] in ("text", "textarea", "image", "color", "number", "integer", "boolean", "select", "qr")
               for f in fields)


def test_every_listed_field_is_accepted_as_is():
    samples = {"text": "Hi", "textarea": "Hi\nthere", "image": "https://example.com/x.png", "color": "#123456",
               "number": "42", "integer": 3, "boolean": "true", "qr": "hello"}
    for field in template_fields(TPL):
        value = field.choices[0] if field.type == "select" else samples[field.type]
        apply_fields(TPL, {field.name: value})


def test_values_apply_plain_dotted_and_nested_with_lenient_types():
    out = apply_fields(TPL, {"title": "Hello", "title.color": "#F05", "tag": {"text": "NEW", "font_size": "24px"},
                             "title.hidden": "no", "overlay": "#ffffff", "dot": "#0f0"})
    assert out.layer("title").text == "Hello" and out.layer("title").color == "#ff0055"
    assert out.layer("tag").text == "NEW" and out.layer("tag").font_size == 24
    assert out.layer("title").hidden is False
    assert out.layer("overlay").fill == "#ffffff" and out.layer("dot").fill == "#00ff00"
    assert TPL.layer("title").text == "Default", "the template itself is not changed"


def test_null_and_empty_keep_the_template_value_but_empty_text_is_text():
    optional = Template.from_dict({**TPL.to_dict(), "layers": [
        {**layer.to_dict(), "required": False} for layer in TPL.layers]})
    out = apply_fields(optional, {"title.color": "", "title.font_size": None, "title": "", "link": "", "photo": ""})
    assert out.layer("title").color == "#000000" and out.layer("title").font_size == 60
    assert out.layer("title").text == "" and out.layer("photo").src == ""
    assert out.layer("link").data == "https://example.com", "an empty QR field is a form's empty optional field"


def test_a_required_layer_that_comes_empty_is_an_error_naming_it():
    """An automation whose mapped data came back empty fails visibly instead of drawing a blank headline."""
    required = TPL   # its title is required
    for empty in ("", "   ", {"text": ""}):
        with pytest.raises(FieldError, match="is required by this template and came empty") as caught:
            apply_fields(required, {"title": empty})
        assert caught.value.field in ("title", "title.text")
    assert apply_fields(required, {"title": None}).layer("title").text == required.layer("title").text
    assert apply_fields(required, {}).layer("title").text == required.layer("title").text
    assert apply_fields(required, {"photo": ""}).layer("photo").src == "", "not required: empty is empty"


def test_an_inlined_image_is_no_form_default():
    tpl = Template.from_dict({"width": 10, "height": 10, "layers": [
        {"type": "image", "name": "logo", "src": "data:image/png;base64,iVBORw0KGgo="}]})
    assert template_fields(tpl)[0].default is None


@pytest.mark.parametrize("values, field, words", [
    ({"titel": "x"}, "titel", "did you mean 'title'"),
    ({"nothing_like_it": "x"}, "nothing_like_it", "its fields are photo, overlay, title"),
    ({"title.colour": "#fff"}, "title.colour", "did you mean 'color'"),
    ({"title": {"colour": "#fff"}}, "title.colour", "did you mean 'color'"),
    ({"title.color": "red"}, "title.color", "not a colour"),
    ({"title.font_size": "big"}, "title.font_size", "must be a number"),
    ({"title.font_size": 0}, "title.font_size", "between 1 and 1,000"),
    ({"title.align": "middle"}, "title.align", "one of"),
    ({"title.name": "x"}, "title.name", "no property 'name'"),
    ({"title": 5}, None, None),
])
def test_bad_values_name_the_field(values, field, words):
    if field is None:   # a number given for text is fine: forms send numbers
        assert apply_fields(TPL, values).layer("title").text == "5"
        return
    with pytest.raises(FieldError) as caught:
        apply_fields(TPL, values)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"fields.{field}: ")
    assert words in str(caught.value)


def test_field_names_match_layers_ignoring_letter_case():
    from renderer import canonical_fields

    template = Template.from_dict({"width": 100, "height": 50, "layers": [
        {"type": "text", "name": "Headline", "text": "a"}, {"type": "rect", "name": "box"}]})
    assert canonical_fields(template, {"HEADLINE": "x", "headline.Color": "#ff0000", "Box": "#00ff00"}) == {
        "Headline": "x", "Headline.color": "#ff0000", "box": "#00ff00"}
    changed = apply_fields(template, {"headline": "Hi", "BOX.fill": "#00ff00"})
    assert (changed.layer("Headline").text, changed.layer("box").fill) == ("Hi", "#00ff00")
    with pytest.raises(FieldError, match="given twice"):
        apply_fields(template, {"Headline": "a", "headline": "b"})
    with pytest.raises(FieldError, match="no field 'nope'"):
        apply_fields(template, {"nope": "a"})
