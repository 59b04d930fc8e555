from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.font_family_source import FontFamilySource

if TYPE_CHECKING:
    from ..models.font_face_style import FontFaceStyle


T = TypeVar("T", bound="FontFamily")


@_attrs_define
class FontFamily:
    """
    Attributes:
        family (str): What a text layer's `font` names. Example: Noto Sans.
        source (FontFamilySource): `uploaded`: this account's brand font (it takes the place of an installed family of
            the same name); `installed`: on the instance for every account.
        faces (list[FontFaceStyle]): The weights and styles there are; `font_weight` and `font_style` pick the nearest.
    """

    family: str
    source: FontFamilySource
    faces: list[FontFaceStyle]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        family = self.family

        source = self.source.value

        faces = []
        for faces_item_data in self.faces:
            faces_item = faces_item_data.to_dict()
            faces.append(faces_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "family": family,
                "source": source,
                "faces": faces,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.font_face_style import FontFaceStyle

        d = dict(src_dict)
        family = d.pop("family")

        source = FontFamilySource(d.pop("source"))

        faces = []
        _faces = d.pop("faces")
        for faces_item_data in _faces:
            faces_item = FontFaceStyle.from_dict(faces_item_data)

            faces.append(faces_item)

        font_family = cls(
            family=family,
            source=source,
            faces=faces,
        )

        font_family.additional_properties = d
        return font_family

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
