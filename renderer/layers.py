"""The layer types of the template model: frozen dataclasses whose fields are declared property specs."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields, replace
from typing import Any, ClassVar

from .errors import InvalidTemplate
from .props import Prop, prop, spec_of

NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
RESERVED_NAMES = frozenset({"template_id", "template", "format", "output", "wait", "timeout", "quality",
                            "webhook_url", "metadata"})
MAX_TEXT = 10_000
COORD = 20_000


@dataclass(frozen=True)
class Layer:
    """What every layer has. ``primary`` is the property a plain field value sets."""

    type: ClassVar[str] = ""
    primary: ClassVar[str] = ""

    name: str = prop("str", "", max_len=64, help="Unique name; it is the field name renders use.")
    x: float = prop("number", 0, min=-COORD, max=COORD, help="Left edge, px from the canvas's left.")
    y: float = prop("number", 0, min=-COORD, max=COORD, help="Top edge, px from the canvas's top.")
    width: float = prop("number", None, min=0, max=COORD, help="Box width in px (default: the canvas width).")
    height: float = prop("number", None, min=0, max=COORD, help="Box height in px (default: the canvas height).")
    rotation: float = prop("number", 0, min=-360, max=360, help="Degrees clockwise, about the box's centre.")
    opacity: float = prop("number", 1, min=0, max=1, help="0 (invisible) to 1 (opaque).")
    hidden: bool = prop("bool", False, help="Not drawn when true.")
    locked: bool = prop("bool", False, help="Editor only: the visual editor won't move or resize it. Drawn as usual.")
    fields: tuple = prop("names", (), help="More properties to offer as fields, named layer.property.")
    editable: bool = prop("bool", True, help="False keeps the layer out of the field list (decoration).")
    label: str = prop("str", "", max_len=100, help="The field's label in Zapier/Make/n8n forms.")
    help: str = prop("str", "", max_len=500, help="The field's help text in forms.")
    required: bool = prop("bool", False, help="Forms mark the field required.")
    shown_with: str = prop("str", "", max_len=64, help="The name of another layer: this one is drawn only when that "
                           "one has something to show (text, an image, QR data), like a photo's frame or a label's "
                           "pill.")

    @classmethod
    def props(cls) -> dict[str, Prop]:
        return {f.name: spec_of(f) for f in fields(cls)}

    def to_dict(self) -> dict:
        """Type, name and geometry always; every other property only when it differs from its default."""
        out: dict[str, Any] = {"type": self.type}
        for name, spec in self.props().items():
            value = getattr(self, name)
            if name in ("name", "x", "y", "width", "height") or value != spec.default:
                out[name] = list(value) if isinstance(value, tuple) else value
        return out

    def with_values(self, values: dict) -> Layer:
        return replace(self, **values)


@dataclass(frozen=True)
class TextLayer(Layer):
    type: ClassVar[str] = "text"
    primary: ClassVar[str] = "text"

    text: str = prop("text", "", max_len=MAX_TEXT, help="The text; \\n starts a new line.")
    font: str = prop("str", "", max_len=100, tokens="font",
                     help="Font family, e.g. DejaVu Sans or an uploaded font's family, or @brand.heading/body.")
    font_weight: int = prop("int", 400, min=100, max=900, help="100 (thin) to 900 (black); 700 is bold.")
    font_style: str = prop("enum", "normal", choices=("normal", "italic"))
    font_size: float = prop("number", 48, min=1, max=1000, help="Size in px; shrink fitting starts here.")
    min_font_size: float = prop("number", None, min=1, max=1000, nullable=True,
                                help="Smallest size shrink fitting may use (default: a quarter, at least 8 px).")
    color: str = prop("color", "#000000")
    background: str | None = prop("color", None, nullable=True, help="Fills the text box behind the text.")
    align: str = prop("enum", "start", choices=("start", "left", "center", "right", "end", "justify"),
                      help="start is left for left-to-right text and right for Arabic or Hebrew.")
    valign: str = prop("enum", "top", choices=("top", "middle", "bottom"))
    line_height: float = prop("number", 1.2, min=0.5, max=5, help="Multiple of the font size.")
    letter_spacing: float = prop("number", 0, min=-100, max=1000, help="Extra px between letters.")
    max_lines: int = prop("int", None, min=1, max=1000, nullable=True)
    transform: str = prop("enum", "none", choices=("none", "uppercase", "lowercase", "capitalize"))
    decoration: str = prop("enum", "none", choices=("none", "underline", "line-through"),
                           help="A line under or through the text as laid out, in its colour (a struck old price).")
    overflow: str = prop("enum", "shrink", choices=("shrink", "ellipsis", "clip"),
                         help="What to do with text that does not fit: shrink it, cut it with …, or cut it.")
    direction: str = prop("enum", "auto", choices=("auto", "ltr", "rtl"))
    language: str = prop("str", "", max_len=35, help="BCP 47 language tag for shaping, e.g. ar, he, ja.")


@dataclass(frozen=True)
class ImageLayer(Layer):
    type: ClassVar[str] = "image"
    primary: ClassVar[str] = "src"

    src: str = prop("src", "", max_len=4096, help="Image URL (PNG, JPEG, WebP or GIF). Empty: nothing drawn.")
    fit: str = prop("enum", "cover", choices=("cover", "contain", "fill", "none"))
    focus_x: float = prop("number", 0.5, min=0, max=1, help="Which part stays in view: 0 left … 1 right.")
    focus_y: float = prop("number", 0.5, min=0, max=1, help="Which part stays in view: 0 top … 1 bottom.")
    radius: float = prop("number", 0, min=0, max=COORD, help="Corner radius in px; half the size makes a circle.")
    on_error: str = prop("enum", "fail", choices=("fail", "hide"),
                         help="fail: the render fails when the image cannot load; hide: it is left out.")


@dataclass(frozen=True)
class RectLayer(Layer):
    type: ClassVar[str] = "rect"
    primary: ClassVar[str] = "fill"

    fill: Any = prop("paint", "#000000", help="A colour or a linear gradient.")
    radius: float = prop("number", 0, min=0, max=COORD)
    stroke: str | None = prop("color", None, nullable=True)
    stroke_width: float = prop("number", 0, min=0, max=1000)


@dataclass(frozen=True)
class EllipseLayer(Layer):
    type: ClassVar[str] = "ellipse"
    primary: ClassVar[str] = "fill"

    fill: Any = prop("paint", "#000000", help="A colour or a linear gradient.")
    stroke: str | None = prop("color", None, nullable=True)
    stroke_width: float = prop("number", 0, min=0, max=1000)


@dataclass(frozen=True)
class LineLayer(Layer):
    """A straight line from the box's top-left corner (x, y) to its bottom-right (x + width, y + height).

    ``height`` defaults to 0 (a horizontal line); ``width`` 0 with a height makes a vertical one."""

    type: ClassVar[str] = "line"
    primary: ClassVar[str] = "fill"

    fill: str = prop("color", "#000000", help="The line's colour.")
    stroke_width: float = prop("number", 2, min=0.5, max=1000)


@dataclass(frozen=True)
class QrLayer(Layer):
    type: ClassVar[str] = "qr"
    primary: ClassVar[str] = "data"

    data: str = prop("str", "", max_len=2000, help="What the QR code encodes (a URL, text). Empty: nothing drawn.")
    color: str = prop("color", "#000000")
    background: str | None = prop("color", "#ffffff", nullable=True)
    error_correction: str = prop("enum", "m", choices=("l", "m", "q", "h"))
    margin: int = prop("int", 2, min=0, max=20, help="Quiet zone around the code, in modules.")


LAYER_TYPES: dict[str, type[Layer]] = {c.type: c for c in (TextLayer, ImageLayer, RectLayer, EllipseLayer,
                                                           LineLayer, QrLayer)}
_NOT_SETTABLE = {"name"}
_NOT_FIELDS = _NOT_SETTABLE | {"shown_with", "locked"}   # part of the design: no field sets it


def layer_from_dict(data, path: str, canvas: tuple[int, int]) -> Layer:
    """A validated layer; every problem raises InvalidTemplate naming ``path.property``."""
    if not isinstance(data, dict):
        raise InvalidTemplate("must be an object with at least \"type\" and \"name\"", path)
    kind = data.get("type")
    cls = LAYER_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise InvalidTemplate(f"must be one of {', '.join(LAYER_TYPES)} (got {kind!r})", f"{path}.type")
    name = data.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        why = "is required" if name is None or name == "" else f"{name!r} is not a valid name"
        raise InvalidTemplate(f"{why}: 1-64 letters, digits, _ or - (it becomes the field name)", f"{path}.name")
    if name in RESERVED_NAMES:
        raise InvalidTemplate(f"{name!r} is reserved for the render request itself; choose another name",
                              f"{path}.name")
    specs = cls.props()
    values = {"name": name}
    for key, raw in data.items():
        if key in ("type", "name"):
            continue
        if key not in specs:
            raise InvalidTemplate(unknown_property(cls, key), f"{path}.{key}")
        try:
            values[key] = specs[key].check(raw)
        except ValueError as exc:
            raise InvalidTemplate(str(exc), f"{path}.{key}") from None
    if values.get("width") is None:
        values["width"] = canvas[0]
    if values.get("height") is None:   # a line given only a width is horizontal, not a diagonal to the bottom
        values["height"] = 0 if cls is LineLayer else canvas[1]
    for i, extra in enumerate(values.get("fields", ())):
        if extra in _NOT_FIELDS - _NOT_SETTABLE:
            raise InvalidTemplate(f"{extra!r} is part of the design and cannot be offered as a field",
                                  f"{path}.fields[{i}]")
        if extra not in specs or extra in _NOT_SETTABLE:
            raise InvalidTemplate(unknown_property(cls, extra), f"{path}.fields[{i}]")
    return cls(**values)


def unknown_property(cls: type[Layer], key: str) -> str:
    names = [n for n in cls.props() if n not in _NOT_SETTABLE]
    close = difflib.get_close_matches(key, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (it has {', '.join(names)})"
    return f"{cls.type} layers have no property {key!r}{hint}"
