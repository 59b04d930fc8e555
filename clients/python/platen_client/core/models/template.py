from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_layers_item import TemplateLayersItem
    from ..models.template_pages_item_item import TemplatePagesItemItem


T = TypeVar("T", bound="Template")


@_attrs_define
class Template:
    """
    Attributes:
        id (str):  Example: tpl_0mhq3k2x1a2b3c4d5e6f7g8h.
        name (str):
        description (str):
        width (int):
        height (int):
        background (Any): A colour, a gradient or an image object.
        public (bool):
        version (int): Starts at 1; every change makes a new version. Renders record the version they used.
        created_at (str):  Example: 2026-11-21T14:13:37.123Z.
        updated_at (str):  Example: 2026-11-21T14:13:37.123Z.
        dpi (float | Unset): Present when set (the default is 72): pixels per inch on paper.
        public_fields (list[str] | Unset): Present when set: the only fields an unsigned public URL may set.
        brand_id (str | Unset): Present when set: the brand its `@brand.…` tokens draw.
        layers (list[TemplateLayersItem] | Unset): Present unless the template has `pages`.
        pages (list[list[TemplatePagesItemItem]] | Unset): Present for multi-page templates.
    """

    id: str
    name: str
    description: str
    width: int
    height: int
    background: Any
    public: bool
    version: int
    created_at: str
    updated_at: str
    dpi: float | Unset = UNSET
    public_fields: list[str] | Unset = UNSET
    brand_id: str | Unset = UNSET
    layers: list[TemplateLayersItem] | Unset = UNSET
    pages: list[list[TemplatePagesItemItem]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        width = self.width

        height = self.height

        background = self.background

        public = self.public

        version = self.version

        created_at = self.created_at

        updated_at = self.updated_at

        dpi = self.dpi

        public_fields: list[str] | Unset = UNSET
        if not isinstance(self.public_fields, Unset):
            public_fields = self.public_fields

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "width": width,
                "height": height,
                "background": background,
                "public": public,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if dpi is not UNSET:
            field_dict["dpi"] = dpi
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
        from ..models.template_layers_item import TemplateLayersItem
        from ..models.template_pages_item_item import TemplatePagesItemItem

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        width = d.pop("width")

        height = d.pop("height")

        background = d.pop("background")

        public = d.pop("public")

        version = d.pop("version")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        dpi = d.pop("dpi", UNSET)

        public_fields = cast(list[str], d.pop("public_fields", UNSET))

        brand_id = d.pop("brand_id", UNSET)

        _layers = d.pop("layers", UNSET)
        layers: list[TemplateLayersItem] | Unset = UNSET
        if _layers is not UNSET:
            layers = []
            for layers_item_data in _layers:
                layers_item = TemplateLayersItem.from_dict(layers_item_data)

                layers.append(layers_item)

        _pages = d.pop("pages", UNSET)
        pages: list[list[TemplatePagesItemItem]] | Unset = UNSET
        if _pages is not UNSET:
            pages = []
            for pages_item_data in _pages:
                pages_item = []
                _pages_item = pages_item_data
                for pages_item_item_data in _pages_item:
                    pages_item_item = TemplatePagesItemItem.from_dict(pages_item_item_data)

                    pages_item.append(pages_item_item)

                pages.append(pages_item)

        template = cls(
            id=id,
            name=name,
            description=description,
            width=width,
            height=height,
            background=background,
            public=public,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            dpi=dpi,
            public_fields=public_fields,
            brand_id=brand_id,
            layers=layers,
            pages=pages,
        )

        template.additional_properties = d
        return template

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
