"""The template (SPEC section 9): a canvas, a background and layers, or pages of layers; validated on the way in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .brand import used_tokens
from .colors import normalize_paint
from .errors import InvalidTemplate
from .layers import ImageLayer, Layer, layer_from_dict

MAX_SIDE = 4096
MAX_PAGES = 50
MAX_LAYERS = 500
_TOP_LEVEL = ("name", "description", "width", "height", "dpi", "background", "public", "public_fields", "brand_id",
              "layers", "pages")
_BRAND_ID = re.compile(r"brd_[0-9a-z]{1,40}")
DEFAULT_DPI = 72
MIN_DPI, MAX_DPI = 10, 2400
_IMAGE_BACKGROUND = ("src", "fit", "focus_x", "focus_y", "on_error")
# Layer properties that describe the field rather than the drawing: no field value sets them.
NOT_SETTABLE = frozenset({"name", "fields", "editable", "label", "help", "required", "shown_with", "locked"})


@dataclass(frozen=True)
class Template:
    """A validated template. ``pages`` always holds at least one page; ``paged`` says whether it came as pages."""

    width: int
    height: int
    pages: tuple[tuple[Layer, ...], ...]
    name: str = ""
    description: str = ""
    background: Any = "#ffffff"   # a paint (colour or gradient) or an ImageLayer covering the canvas
    public: bool = False
    paged: bool = False
    public_fields: tuple[str, ...] | None = None   # None: an unsigned URL may set every field
    dpi: float = DEFAULT_DPI   # pixels per inch on paper: a PDF page is width × 72 / dpi points wide
    brand_id: str | None = None   # the brand its tokens use unless a render names another (the service checks it)
    # the brand values its tokens were swapped for (``brand.with_brand``); None while it still holds tokens
    brand: dict | None = field(default=None, compare=False, repr=False)
    _by_name: dict = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_name", {layer.name: layer for page in self.pages for layer in page})

    # --- reading ---------------------------------------------------------------------------------------------
    @property
    def layers(self) -> tuple[Layer, ...]:
        """Every layer, page after page."""
        return tuple(layer for page in self.pages for layer in page)

    @cached_property
    def brand_tokens(self) -> frozenset[str]:
        """The brand tokens (``primary``, ``heading``, …) this template uses; empty for most templates."""
        return used_tokens(self)

    def layer(self, name: str) -> Layer | None:
        return self._by_name.get(name)

    def field_target(self, key: str) -> tuple[str, str] | None:
        """(layer name, property) that the field ``key`` sets — ``title`` the primary property, ``title.color``
        that one — or None when the template has no such field. Names match ignoring case, as fields do."""
        name, dot, prop_name = key.partition(".")
        layer = self.layer(name)
        if layer is None:
            matches = [found for found in self.layers if found.name.casefold() == name.casefold()]
            layer = matches[0] if len(matches) == 1 else None
        if layer is None:
            return None
        prop_name = prop_name.lower() if dot else layer.primary
        if prop_name not in layer.props() or prop_name in NOT_SETTABLE:
            return None
        return layer.name, prop_name

    @classmethod
    def from_dict(cls, data) -> Template:
        """Validate ``data``; InvalidTemplate names the exact path of the first problem."""
        if isinstance(data, Template):
            return data
        if not isinstance(data, dict):
            raise InvalidTemplate("a template must be a JSON object with width, height and layers")
        for key in data:
            if key not in _TOP_LEVEL:
                raise InvalidTemplate(f"unknown template property (a template has {', '.join(_TOP_LEVEL)})", key)
        width, height = _side(data, "width"), _side(data, "height")
        name = data.get("name", "")
        if not isinstance(name, str) or len(name) > 200:
            raise InvalidTemplate("must be text of at most 200 characters", "name")
        description = data.get("description", "")
        if not isinstance(description, str) or len(description) > 2000:
            raise InvalidTemplate("must be text of at most 2,000 characters", "description")
        public = data.get("public", False)
        if not isinstance(public, bool):
            raise InvalidTemplate("must be true or false", "public")
        background = _background(data.get("background", "#ffffff"), (width, height))
        pages, paged = _pages(data, (width, height))
        template = cls(width=width, height=height, pages=pages, name=name, description=description,
                       background=background, public=public, paged=paged, dpi=_dpi(data.get("dpi", DEFAULT_DPI)))
        brand_id = data.get("brand_id")
        if brand_id is not None and (not isinstance(brand_id, str) or not _BRAND_ID.fullmatch(brand_id)):
            raise InvalidTemplate("must be a brand's id, like brd_…, or null for the account's default brand",
                                  "brand_id")
        object.__setattr__(template, "brand_id", brand_id)
        if data.get("public_fields") is not None:
            object.__setattr__(template, "public_fields", _public_fields(data["public_fields"], template))
        return template

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"name": self.name}
        if self.description:
            out["description"] = self.description
        out.update(width=self.width, height=self.height)
        if self.dpi != DEFAULT_DPI:
            out["dpi"] = self.dpi
        if isinstance(self.background, ImageLayer):
            bg = self.background
            out["background"] = {"src": bg.src, "fit": bg.fit, "focus_x": bg.focus_x, "focus_y": bg.focus_y,
                                 "on_error": bg.on_error}
        else:
            out["background"] = self.background
        out["public"] = self.public
        if self.public_fields is not None:
            out["public_fields"] = list(self.public_fields)
        if self.brand_id:
            out["brand_id"] = self.brand_id
        if self.paged:
            out["pages"] = [[layer.to_dict() for layer in page] for page in self.pages]
        else:
            out["layers"] = [layer.to_dict() for layer in self.pages[0]]
        return out

    def replace_layers(self, changed: dict[str, Layer]) -> Template:
        """A copy with the named layers swapped for new versions (what applying fields produces)."""
        pages = tuple(tuple(changed.get(layer.name, layer) for layer in page) for page in self.pages)
        return Template(width=self.width, height=self.height, pages=pages, name=self.name,
                        description=self.description, background=self.background, public=self.public,
                        paged=self.paged, dpi=self.dpi, public_fields=self.public_fields, brand_id=self.brand_id,
                        brand=self.brand)


def _public_fields(value, template: Template) -> tuple[str, ...]:
    """The fields an unsigned public URL may set: each one a field of this template, as /fields names them."""
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise InvalidTemplate('must be a list of field names, like ["title", "title.color"]', "public_fields")
    for i, name in enumerate(value):
        if template.field_target(name) is None:
            raise InvalidTemplate(f"{name!r} is not a field of this template (a layer name, or layer.property)",
                                  f"public_fields[{i}]")
    return tuple(dict.fromkeys(value))


def _side(data: dict, key: str) -> int:
    value = data.get(key)
    if value is None:
        raise InvalidTemplate(f"is required: the canvas {key} in px, 1 to {MAX_SIDE}", key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise InvalidTemplate(f"must be a whole number of px, 1 to {MAX_SIDE}", key)
    if not 1 <= value <= MAX_SIDE:
        raise InvalidTemplate(f"must be between 1 and {MAX_SIDE} (got {value:g})", key)
    return int(value)


def _dpi(value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not MIN_DPI <= value <= MAX_DPI:
        raise InvalidTemplate(f"must be a number from {MIN_DPI} to {MAX_DPI}: the pixels per inch when printed "
                              f"(300 for print; {DEFAULT_DPI}, the default, makes a PDF point of each px)", "dpi")
    return int(value) if float(value).is_integer() else float(value)


def _background(value, canvas: tuple[int, int]):
    if isinstance(value, dict) and "src" in value:
        unknown = [k for k in value if k not in _IMAGE_BACKGROUND]
        if unknown:
            raise InvalidTemplate(f"an image background has {', '.join(_IMAGE_BACKGROUND)} only",
                                  f"background.{unknown[0]}")
        return layer_from_dict({"type": "image", "name": "background", **value}, "background", canvas)
    try:
        return normalize_paint(value)
    except ValueError as exc:
        raise InvalidTemplate(f"{exc} — or an image: {{\"src\": \"https://…\", \"fit\": \"cover\"}}",
                              "background") from None


def _pages(data: dict, canvas: tuple[int, int]) -> tuple[tuple[tuple[Layer, ...], ...], bool]:
    if "layers" in data and "pages" in data:
        raise InvalidTemplate("give either layers or pages, not both", "pages")
    if "pages" in data:
        pages = data["pages"]
        if not isinstance(pages, list) or not 1 <= len(pages) <= MAX_PAGES:
            raise InvalidTemplate(f"must be a list of 1 to {MAX_PAGES} pages, each a list of layers", "pages")
        raw = []
        for i, page in enumerate(pages):
            if isinstance(page, dict) and set(page) == {"layers"}:
                page = page["layers"]
            if not isinstance(page, list):
                raise InvalidTemplate("must be a list of layers", f"pages[{i}]")
            raw.append((f"pages[{i}]", page))
        paged = True
    else:
        layers = data.get("layers", [])
        if not isinstance(layers, list):
            raise InvalidTemplate("must be a list of layers", "layers")
        raw, paged = [("layers", layers)], False
    total = sum(len(layers) for _, layers in raw)
    if total > MAX_LAYERS:
        raise InvalidTemplate(f"a template may have at most {MAX_LAYERS} layers (this one has {total})",
                              raw[0][0])
    seen: dict[str, str] = {}
    out = []
    for prefix, layers in raw:
        page = []
        for j, item in enumerate(layers):
            path = f"{prefix}[{j}]"
            layer = layer_from_dict(item, path, canvas)
            if layer.name in seen:
                raise InvalidTemplate(f"{layer.name!r} is already the name of {seen[layer.name]}; names must be "
                                      "unique (each is a field)", f"{path}.name")
            seen[layer.name] = path
            page.append(layer)
        out.append(tuple(page))
    _check_shown_with(out, seen)
    return tuple(out), paged


def _check_shown_with(pages, paths: dict[str, str]) -> None:
    """Every ``shown_with`` names another layer, and following them never comes back round (which would hide all)."""
    tied = {layer.name: layer.shown_with for page in pages for layer in page if layer.shown_with}
    for name, target in tied.items():
        if target not in paths or target == name:
            raise InvalidTemplate(f"{target!r} is not another layer of this template; name the layer this one goes "
                                  "with", f"{paths[name]}.shown_with")
        chain = [name]
        while target in tied and target not in chain:
            chain.append(target)
            target = tied[target]
        if target in chain:
            raise InvalidTemplate(f"goes round in a circle ({' → '.join([*chain, target])}), so none of them would "
                                  "show", f"{paths[name]}.shown_with")
