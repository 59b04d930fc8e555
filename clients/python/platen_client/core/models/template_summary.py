from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TemplateSummary")


@_attrs_define
class TemplateSummary:
    """
    Attributes:
        id (str):  Example: tpl_0mhq3k2x1a2b3c4d5e6f7g8h.
        name (str):
        description (str):
        width (int):
        height (int):
        public (bool):
        page_count (int): 1, or the pages of a multi-page template.
        version (int):
        created_at (str):  Example: 2026-11-21T14:13:37.123Z.
        updated_at (str):  Example: 2026-11-21T14:13:37.123Z.
    """

    id: str
    name: str
    description: str
    width: int
    height: int
    public: bool
    page_count: int
    version: int
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        width = self.width

        height = self.height

        public = self.public

        page_count = self.page_count

        version = self.version

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "width": width,
                "height": height,
                "public": public,
                "page_count": page_count,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        width = d.pop("width")

        height = d.pop("height")

        public = d.pop("public")

        page_count = d.pop("page_count")

        version = d.pop("version")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        template_summary = cls(
            id=id,
            name=name,
            description=description,
            width=width,
            height=height,
            public=public,
            page_count=page_count,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        template_summary.additional_properties = d
        return template_summary

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
