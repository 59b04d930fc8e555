"""A template's fields: which exist, of what type and default (SPEC section 5), and applying values to them."""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass

from .errors import FieldError
from .layers import Layer, TextLayer, unknown_property
from .template import NOT_SETTABLE as _NOT_SETTABLE
from .template import Template

FIELD_TYPES = ("text", "textarea", "image", "color", "number", "integer", "boolean", "select", "qr")
_LAYER_FIELD_TYPE = {"text": "text", "image": "image", "rect": "color", "ellipse": "color", "line": "color",
                     "qr": "qr"}


@dataclass(frozen=True)
class Field:
    """One field of the native list: ``name`` is exactly the key POST /renders accepts."""

    name: str
    type: str
    label: str
    required: bool
    default: object
    help: str
    layer: str
    property: str
    choices: tuple[str, ...] | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        if self.choices is None:
            del out["choices"]
        else:
            out["choices"] = list(self.choices)
        return out


def template_fields(template: Template) -> list[Field]:
    """One field per editable layer (its primary property), plus one per property it lists in ``fields``."""
    out = []
    for layer in template.layers:
        if layer.editable:
            out.append(_primary_field(layer))
        specs = layer.props()
        for name in layer.fields:
            spec = specs[name]
            value = getattr(layer, name)
            out.append(Field(name=f"{layer.name}.{name}", type=spec.field_type,
                             label=f"{_label(layer)}: {name.replace('_', ' ')}", required=False,
                             default=_default(value),
                             help=spec.help or f"The {name.replace('_', ' ')} of '{_label(layer)}': {spec.describe()}.",
                             layer=layer.name, property=name, choices=spec.choices or None))
    return out


def _primary_field(layer: Layer) -> Field:
    kind = _LAYER_FIELD_TYPE[layer.type]
    if isinstance(layer, TextLayer) and layer.max_lines != 1 and layer.height >= 2 * layer.font_size * \
            layer.line_height:
        kind = "textarea"
    value = getattr(layer, layer.primary)
    return Field(name=layer.name, type=kind, label=_label(layer), required=layer.required, default=_default(value),
                 help=layer.help or _primary_help(layer), layer=layer.name, property=layer.primary)


def _default(value):
    if isinstance(value, dict):   # a gradient: a form can only offer a colour
        return value["stops"][0]["color"]
    if isinstance(value, str) and value.startswith("data:"):   # an inlined image: no use in a form, and large
        return None
    return value if value not in ("", None) else None


def _label(layer: Layer) -> str:
    return layer.label or layer.name.replace("_", " ").replace("-", " ").strip().capitalize()


def _primary_help(layer: Layer) -> str:
    if isinstance(layer, TextLayer):
        fit = {"shrink": "Long text shrinks to fit", "ellipsis": "Long text is cut with …",
               "clip": "Long text is cut"}[layer.overflow]
        return f"Text of the '{layer.name}' layer. {fit}."
    return {"image": f"Image URL (PNG, JPEG, WebP or GIF) for the '{layer.name}' layer.",
            "qr": f"Text or URL the '{layer.name}' QR code encodes.",
            }.get(layer.type, f"Colour of the '{layer.name}' layer, like #ff0055.")


def apply_fields(template: Template, values: dict | None) -> Template:
    """A copy of ``template`` with field values applied.

    ``{"title": "Hi"}`` sets the primary property, ``{"title.color": "#f05"}`` and ``{"title": {"color": "#f05"}}``
    any other. Null (and "" for anything but text and image sources) keeps the template's value, because forms
    send empty optional fields. Unknown names, bad values and an empty value for a required layer raise
    FieldError naming the field.
    """
    if not values:
        return template
    if not isinstance(values, dict):
        raise FieldError("fields must be an object like {\"title\": \"Hello\"}", "")
    changes: dict[str, dict] = {}
    for key, value in canonical_fields(template, values).items():
        name, dot, prop_name = key.partition(".")
        layer = template.layer(name)
        if layer is None:
            raise FieldError(_unknown_layer(template, name), key)
        if dot:
            _set(changes, layer, prop_name, value, key)
        elif isinstance(value, dict):
            for sub, sub_value in value.items():
                _set(changes, layer, str(sub), sub_value, f"{key}.{sub}")
        else:
            _set(changes, layer, layer.primary, value, key)
    changed = {}
    for name, props in changes.items():
        changed[name] = template.layer(name).with_values(props)
    return template.replace_layers(changed)


def field_key(template: Template, key: str) -> str:
    """``key`` spelled as the template spells it. Layer (and property) names match ignoring letter case, like CSV
    headers, because automations and spreadsheets capitalise freely; an exact match wins. A key that fits no layer
    comes back as given (``apply_fields`` then names it); one that fits two layers differing only in case is a
    FieldError."""
    name, dot, prop_name = key.partition(".")
    layer = template.layer(name)
    if layer is None:
        folded = name.casefold()
        matches = [candidate for candidate in template.layers if candidate.name.casefold() == folded]
        if len(matches) > 1:
            shown = " and ".join(repr(m.name) for m in matches)
            raise FieldError(f"matches the layers {shown}, which differ only in letter case; write the name exactly "
                             "as one of them", key)
        if not matches:
            return key
        layer = matches[0]
    if dot and prop_name not in layer.props() and prop_name.lower() in layer.props():
        prop_name = prop_name.lower()
    return f"{layer.name}{dot}{prop_name}"


def canonical_fields(template: Template, values: dict) -> dict:
    """``values`` with every key spelled as the template spells it (``field_key``); two keys naming the same field
    (``title`` and ``Title``) are a FieldError rather than one silently winning."""
    out, given_as = {}, {}
    for key, value in values.items():
        if not isinstance(key, str):
            raise FieldError("field names must be text", str(key))
        canonical = field_key(template, key)
        if canonical in given_as:
            raise FieldError(f"is given twice, as {given_as[canonical]!r} and {key!r} (names match ignoring letter "
                             "case); give it once", canonical)
        given_as[canonical] = key
        out[canonical] = value
    return out


def _set(changes: dict, layer: Layer, prop_name: str, value, key: str) -> None:
    specs = layer.props()
    if prop_name not in specs or prop_name in _NOT_SETTABLE:
        raise FieldError(unknown_property(type(layer), prop_name), key)
    spec = specs[prop_name]
    # "" means empty for a text layer's text and an image's source (an empty field clears them); for anything
    # else (a QR code's data, a colour, a font) it is a form's empty optional field: keep the template's value
    if value is None or (value == "" and spec.kind not in ("text", "src")):
        return
    if layer.required and prop_name == layer.primary and isinstance(value, str) and not value.strip():
        # an automation whose mapped data came back empty should fail visibly, not draw a blank
        raise FieldError(f"is required by this template and came empty; give the '{layer.name}' layer a value "
                         "(leave it out, or send null, to draw the template's own)", key)
    try:
        checked = spec.check(value, lenient=True)
    except ValueError as exc:
        raise FieldError(str(exc), key) from None
    changes.setdefault(layer.name, {})[prop_name] = checked


def _unknown_layer(template: Template, name: str) -> str:
    names = [layer.name for layer in template.layers]
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        return f"this template has no field {name!r} (did you mean {close[0]!r}?)"
    shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
    return f"this template has no field {name!r} (its fields are {shown})"


def not_public(template: Template, values: dict | None) -> str | None:
    """The first field in ``values`` that the template's ``public_fields`` leaves out (what an unsigned URL may
    set), as it was sent; None when every one is listed, or when the template lists none."""
    if template.public_fields is None or not values:
        return None
    allowed = {template.field_target(name) for name in template.public_fields}
    for key, value in values.items():
        keys = [f"{key}.{sub}" for sub in value] if isinstance(value, dict) and "." not in key else [key]
        for name in keys:
            if template.field_target(str(name)) not in allowed:
                return str(name)
    return None
