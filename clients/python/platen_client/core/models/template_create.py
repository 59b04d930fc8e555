from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_create_layers_item import TemplateCreateLayersItem
    from ..models.template_create_pages_item_item import TemplateCreatePagesItemItem


T = TypeVar("T", bound="TemplateCreate")


@_attrs_define
class TemplateCreate:
    """
    Attributes:
        name (str): Shown in lists and in Zapier/Make/n8n dropdowns; `?q=` searches it. 1 to 200 characters. Example:
            Blog OG card.
        width (int): The canvas width in px, 1 to 4096. Example: 1200.
        height (int): The canvas height in px, 1 to 4096. Example: 630.
        description (str | Unset): Notes for people using the template. At most 2,000 characters.
        dpi (float | Unset): Pixels per inch on paper, 10 to 2400 (default 72). A PDF page measures width × 72 / dpi
            points: 2480 × 3508 at 300 dpi is an A4 page. Images keep their pixels. Example: 300.
        background (Any | Unset): A colour (`#rgb`, `#rrggbb`, `#rrggbbaa`), a gradient `{"type": "linear", "angle": 90,
            "stops": ["#ff0055", "#0055ff"]}` or an image `{"src": "https://…", "fit": "cover"}`. Default `#ffffff`.
            Example: #0f172a.
        public (bool | Unset): True lets anyone render it at `/render/{template_id}.png` without a signature. Default
            false. Example: False.
        public_fields (list[str] | Unset): The only fields an unsigned public URL may set (names as `/fields` lists
            them, e.g. `title`, `title.color`); any other is a 403 there. Signed URLs and the API may set every field.
            Unset: every field. Example: ['title'].
        brand_id (None | str | Unset): The brand (`brd_…`) whose values its `@brand.…` tokens draw, unless a render
            names another; unset or null: the account's default brand. Another account's or a missing brand is a 422.
            Example: brd_0mhq3k2x1a2b3c4d5e6f7g8h.
        layers (list[TemplateCreateLayersItem] | Unset): The layers, bottom first. Each has `type` (text, image, rect,
            ellipse, line, qr) and a `name` (1-64 letters, digits, `_` or `-`, unique): the name is the field a render
            fills. Optional on every layer: `x`, `y`, `width`, `height`, `rotation`, `opacity`, `hidden`, `locked` (the
            visual editor won't move it; drawn as usual), `fields` (more properties to offer as fields, named
            `layer.property`), `editable`, `label`, `help`, `required`. Text layers may set `decoration`: `none`,
            `underline` or `line-through`. Example: [{'type': 'image', 'name': 'photo', 'src':
            'https://example.com/photo.jpg', 'fit': 'cover'}, {'type': 'rect', 'name': 'overlay', 'fill': '#000000',
            'opacity': 0.45, 'editable': False}, {'type': 'text', 'name': 'title', 'x': 80, 'y': 180, 'width': 1040,
            'height': 260, 'text': 'Default title', 'font_size': 64, 'color': '#ffffff', 'max_lines': 3, 'fields':
            ['color']}, {'type': 'qr', 'name': 'link', 'x': 1040, 'y': 470, 'width': 120, 'height': 120, 'data':
            'https://example.com'}].
        pages (list[list[TemplateCreatePagesItemItem]] | Unset): Instead of `layers`: a list of pages, each a list of
            layers, for multi-page PDFs and carousels.
    """

    name: str
    width: int
    height: int
    description: str | Unset = UNSET
    dpi: float | Unset = UNSET
    background: Any | Unset = UNSET
    public: bool | Unset = UNSET
    public_fields: list[str] | Unset = UNSET
    brand_id: None | str | Unset = UNSET
    layers: list[TemplateCreateLayersItem] | Unset = UNSET
    pages: list[list[TemplateCreatePagesItemItem]] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        width = self.width

        height = self.height

        description = self.description

        dpi = self.dpi

        background = self.background

        public = self.public

        public_fields: list[str] | Unset = UNSET
        if not isinstance(self.public_fields, Unset):
            public_fields = self.public_fields

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        layers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.layers, Unset):
            layers = []
            for layers_item_data in self.layers:
                layers_item = layers_item_data.to_dict()
                layers.append(layers_item)

        pages: list[list[dict[str, Any]]] | Unset = UNSET
        if not isinstance(self.pages, Unset):
            pages = []
            for pages_item_data in self.pages:
                pages_item = []
                for pages_item_item_data in pages_item_data:
                    pages_item_item = pages_item_item_data.to_dict()
                    pages_item.append(pages_item_item)

                pages.append(pages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "width": width,
                "height": height,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if dpi is not UNSET:
            field_dict["dpi"] = dpi
        if background is not UNSET:
            field_dict["background"] = background
        if public is not UNSET:
            field_dict["public"] = public
        if public_fields is not UNSET:
            field_dict["public_fields"] = public_fields
        if brand_id is not UNSET:
            field_dict["brand_id"] = brand_id
        if layers is not UNSET:
            field_dict["layers"] = layers
        if pages is not UNSET:
            field_dict["pages"] = pages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_create_layers_item import TemplateCreateLayersItem
        from ..models.template_create_pages_item_item import TemplateCreatePagesItemItem

        d = dict(src_dict)
        name = d.pop("name")

        width = d.pop("width")

        height = d.pop("height")

        description = d.pop("description", UNSET)

        dpi = d.pop("dpi", UNSET)

        background = d.pop("background", UNSET)

        public = d.pop("public", UNSET)

        public_fields = cast(list[str], d.pop("public_fields", UNSET))

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        _layers = d.pop("layers", UNSET)
        layers: list[TemplateCreateLayersItem] | Unset = UNSET
        if _layers is not UNSET:
            layers = []
            for layers_item_data in _layers:
                layers_item = TemplateCreateLayersItem.from_dict(layers_item_data)

                layers.append(layers_item)

        _pages = d.pop("pages", UNSET)
        pages: list[list[TemplateCreatePagesItemItem]] | Unset = UNSET
        if _pages is not UNSET:
            pages = []
            for pages_item_data in _pages:
                pages_item = []
                _pages_item = pages_item_data
                for pages_item_item_data in _pages_item:
                    pages_item_item = TemplateCreatePagesItemItem.from_dict(pages_item_item_data)

                    pages_item.append(pages_item_item)

                pages.append(pages_item)

        template_create = cls(
            name=name,
            width=width,
            height=height,
            description=description,
            dpi=dpi,
            background=background,
            public=public,
            public_fields=public_fields,
            brand_id=brand_id,
            layers=layers,
            pages=pages,
        )

        return template_create
