from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.font_face_style_style import FontFaceStyleStyle

T = TypeVar("T", bound="FontFaceStyle")


@_attrs_define
class FontFaceStyle:
    """
    Attributes:
        weight (int): 100 to 900; 700 is bold. Example: 700.
        style (FontFaceStyleStyle):
    """

    weight: int
    style: FontFaceStyleStyle
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        weight = self.weight

        style = self.style.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "weight": weight,
                "style": style,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        weight = d.pop("weight")

        style = FontFaceStyleStyle(d.pop("style"))

        font_face_style = cls(
            weight=weight,
            style=style,
        )

        font_face_style.additional_properties = d
        return font_face_style

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
