from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_patch_layers_type_0_item import TemplatePatchLayersType0Item
    from ..models.template_patch_pages_type_0_item_item import TemplatePatchPagesType0ItemItem


T = TypeVar("T", bound="TemplatePatch")


@_attrs_define
class TemplatePatch:
    """
    Attributes:
        name (None | str | Unset): Shown in lists and in Zapier/Make/n8n dropdowns; `?q=` searches it. At most 200
            characters. Example: Blog OG card.
        description (None | str | Unset): Notes for people using the template. At most 2,000 characters.
        width (int | None | Unset): The canvas width in px, 1 to 4096. Example: 1200.
        height (int | None | Unset): The canvas height in px, 1 to 4096. Example: 630.
        dpi (float | None | Unset): Pixels per inch on paper, 10 to 2400 (default 72). A PDF page measures width × 72 /
            dpi points: 2480 × 3508 at 300 dpi is an A4 page. Images keep their pixels. Example: 300.
        background (Any | Unset): A colour (`#rgb`, `#rrggbb`, `#rrggbbaa`), a gradient `{"type": "linear", "angle": 90,
            "stops": ["#ff0055", "#0055ff"]}` or an image `{"src": "https://…", "fit": "cover"}`. Default `#ffffff`.
            Example: #0f172a.
        public (bool | None | Unset): True lets anyone render it at `/render/{template_id}.png` without a signature.
            Default false. Example: False.
        public_fields (list[str] | None | Unset): The only fields an unsigned public URL may set (names as `/fields`
            lists them, e.g. `title`, `title.color`); any other is a 403 there. Signed URLs and the API may set every field.
            Unset: every field. Example: ['title'].
        brand_id (None | str | Unset): The brand (`brd_…`) whose values its `@brand.…` tokens draw, unless a render
            names another; unset or null: the account's default brand. Another account's or a missing brand is a 422.
            Example: brd_0mhq3k2x1a2b3c4d5e6f7g8h.
        layers (list[TemplatePatchLayersType0Item] | None | Unset): The layers, bottom first. Each has `type` (text,
            image, rect, ellipse, line, qr) and a `name` (1-64 letters, digits, `_` or `-`, unique): the name is the field a
            render fills. Optional on every layer: `x`, `y`, `width`, `height`, `rotation`, `opacity`, `hidden`, `locked`
            (the visual editor won't move it; drawn as usual), `fields` (more properties to offer as fields, named
            `layer.property`), `editable`, `label`, `help`, `required`. Text layers may set `decoration`: `none`,
            `underline` or `line-through`. Example: [{'type': 'image', 'name': 'photo', 'src':
            'https://example.com/photo.jpg', 'fit': 'cover'}, {'type': 'rect', 'name': 'overlay', 'fill': '#000000',
            'opacity': 0.45, 'editable': False}, {'type': 'text', 'name': 'title', 'x': 80, 'y': 180, 'width': 1040,
            'height': 260, 'text': 'Default title', 'font_size': 64, 'color': '#ffffff', 'max_lines': 3, 'fields':
            ['color']}, {'type': 'qr', 'name': 'link', 'x': 1040, 'y': 470, 'width': 120, 'height': 120, 'data':
            'https://example.com'}].
        pages (list[list[TemplatePatchPagesType0ItemItem]] | None | Unset): Instead of `layers`: a list of pages, each a
            list of layers, for multi-page PDFs and carousels.
    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    width: int | None | Unset = UNSET
    height: int | None | Unset = UNSET
    dpi: float | None | Unset = UNSET
    background: Any | Unset = UNSET
    public: bool | None | Unset = UNSET
    public_fields: list[str] | None | Unset = UNSET
    brand_id: None | str | Unset = UNSET
    layers: list[TemplatePatchLayersType0Item] | None | Unset = UNSET
    pages: list[list[TemplatePatchPagesType0ItemItem]] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        dpi: float | None | Unset
        if isinstance(self.dpi, Unset):
            dpi = UNSET
        else:
            dpi = self.dpi

        background = self.background

        public: bool | None | Unset
        if isinstance(self.public, Unset):
            public = UNSET
        else:
            public = self.public

        public_fields: list[str] | None | Unset
        if isinstance(self.public_fields, Unset):
            public_fields = UNSET
        elif isinstance(self.public_fields, list):
            public_fields = self.public_fields

        else:
            public_fields = self.public_fields

        brand_id: None | str | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        layers: list[dict[str, Any]] | None | Unset
        if isinstance(self.layers, Unset):
            layers = UNSET
        elif isinstance(self.layers, list):
            layers = []
            for layers_type_0_item_data in self.layers:
                layers_type_0_item = layers_type_0_item_data.to_dict()
                layers.append(layers_type_0_item)

        else:
            layers = self.layers

        pages: list[list[dict[str, Any]]] | None | Unset
        if isinstance(self.pages, Unset):
            pages = UNSET
        elif isinstance(self.pages, list):
            pages = []
            for pages_type_0_item_data in self.pages:
                pages_type_0_item = []
                for pages_type_0_item_item_data in pages_type_0_item_data:
                    pages_type_0_item_item = pages_type_0_item_item_data.to_dict()
                    pages_type_0_item.append(pages_type_0_item_item)

                pages.append(pages_type_0_item)

        else:
            pages = self.pages

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
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
        from ..models.template_patch_layers_type_0_item import TemplatePatchLayersType0Item
        from ..models.template_patch_pages_type_0_item_item import TemplatePatchPagesType0ItemItem

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        def _parse_dpi(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        dpi = _parse_dpi(d.pop("dpi", UNSET))

        background = d.pop("background", UNSET)

        def _parse_public(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        public = _parse_public(d.pop("public", UNSET))

        def _parse_public_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                public_fields_type_0 = cast(list[str], data)

                return public_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        public_fields = _parse_public_fields(d.pop("public_fields", UNSET))

        def _parse_brand_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand_id = _parse_brand_id(d.pop("brand_id", UNSET))

        def _parse_layers(data: object) -> list[TemplatePatchLayersType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                layers_type_0 = []
                _layers_type_0 = data
                for layers_type_0_item_data in _layers_type_0:
                    layers_type_0_item = TemplatePatchLayersType0Item.from_dict(layers_type_0_item_data)

                    layers_type_0.append(layers_type_0_item)

                return layers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TemplatePatchLayersType0Item] | None | Unset, data)

        layers = _parse_layers(d.pop("layers", UNSET))

        def _parse_pages(data: object) -> list[list[TemplatePatchPagesType0ItemItem]] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pages_type_0 = []
                _pages_type_0 = data
                for pages_type_0_item_data in _pages_type_0:
                    pages_type_0_item = []
                    _pages_type_0_item = pages_type_0_item_data
                    for pages_type_0_item_item_data in _pages_type_0_item:
                        pages_type_0_item_item = TemplatePatchPagesType0ItemItem.from_dict(pages_type_0_item_item_data)

                        pages_type_0_item.append(pages_type_0_item_item)

                    pages_type_0.append(pages_type_0_item)

                return pages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[list[TemplatePatchPagesType0ItemItem]] | None | Unset, data)

        pages = _parse_pages(d.pop("pages", UNSET))

        template_patch = cls(
            name=name,
            description=description,
            width=width,
            height=height,
            dpi=dpi,
            background=background,
            public=public,
            public_fields=public_fields,
            brand_id=brand_id,
            layers=layers,
            pages=pages,
        )

        return template_patch
