from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.font_format import FontFormat
from ..models.font_style import FontStyle

T = TypeVar("T", bound="Font")


@_attrs_define
class Font:
    """
    Attributes:
        id (str):  Example: fnt_0mhq3k2x1a2b3c4d5e6f7g8h.
        family (str): Read from the file: what a text layer's `font` names to use it. Example: Acme Sans.
        weight (int): Read from the file: 100 to 900, 700 is bold. Example: 700.
        style (FontStyle):
        filename (str):  Example: AcmeSans-Bold.woff2.
        format_ (FontFormat): What the file is, judged by its content.
        size_bytes (int):
        sha256 (str): Of the file: uploading the same file again answers 200 with this font (empty for fonts uploaded
            before Platen kept it).
        created_at (str):  Example: 2026-11-21T14:13:37.123Z.
    """

    id: str
    family: str
    weight: int
    style: FontStyle
    filename: str
    format_: FontFormat
    size_bytes: int
    sha256: str
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        family = self.family

        weight = self.weight

        style = self.style.value

        filename = self.filename

        format_ = self.format_.value

        size_bytes = self.size_bytes

        sha256 = self.sha256

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "family": family,
                "weight": weight,
                "style": style,
                "filename": filename,
                "format": format_,
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

        family = d.pop("family")

        weight = d.pop("weight")

        style = FontStyle(d.pop("style"))

        filename = d.pop("filename")

        format_ = FontFormat(d.pop("format"))

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        created_at = d.pop("created_at")

        font = cls(
            id=id,
            family=family,
            weight=weight,
            style=style,
            filename=filename,
            format_=format_,
            size_bytes=size_bytes,
            sha256=sha256,
            created_at=created_at,
        )

        font.additional_properties = d
        return font

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
