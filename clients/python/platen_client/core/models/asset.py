from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_media_type import AssetMediaType

T = TypeVar("T", bound="Asset")


@_attrs_define
class Asset:
    """
    Attributes:
        id (str):  Example: ast_0mhq3k2x1a2b3c4d5e6f7g8h.
        url (str): Absolute, unguessable and served without a key. This account's renders read it straight from storage;
            other accounts' renders are refused it. Example:
            https://platen.example.com/files/assets/3q2-7wEjvYp0GkdbDq3Rbw/ast_0mhq3k2x1a2b3c4d5e6f7g8h.png.
        media_type (AssetMediaType): Judged by the content.
        width (int):  Example: 512.
        height (int):  Example: 512.
        size_bytes (int):
        sha256 (str): Of the file: uploading the same bytes again answers 200 with this asset.
        created_at (str):  Example: 2026-11-21T14:13:37.123Z.
    """

    id: str
    url: str
    media_type: AssetMediaType
    width: int
    height: int
    size_bytes: int
    sha256: str
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        media_type = self.media_type.value

        width = self.width

        height = self.height

        size_bytes = self.size_bytes

        sha256 = self.sha256

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "media_type": media_type,
                "width": width,
                "height": height,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        media_type = AssetMediaType(d.pop("media_type"))

        width = d.pop("width")

        height = d.pop("height")

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        created_at = d.pop("created_at")

        asset = cls(
            id=id,
            url=url,
            media_type=media_type,
            width=width,
            height=height,
            size_bytes=size_bytes,
            sha256=sha256,
            created_at=created_at,
        )

        asset.additional_properties = d
        return asset

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
