from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Format")


@_attrs_define
class Format:
    """
    Attributes:
        name (str):  Example: og.
        label (str):
        width (int):
        height (int):
        dpi (int): Pixels per inch on paper: 300 for the print sizes (give the template this `dpi` and its PDF is a page
            of that paper size), 72 for screens. Example: 72.
        pages (bool): A carousel: a generation makes several pages of this size (one image each, or one PDF). Example:
            False.
    """

    name: str
    label: str
    width: int
    height: int
    dpi: int
    pages: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        label = self.label

        width = self.width

        height = self.height

        dpi = self.dpi

        pages = self.pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "label": label,
                "width": width,
                "height": height,
                "dpi": dpi,
                "pages": pages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        label = d.pop("label")

        width = d.pop("width")

        height = d.pop("height")

        dpi = d.pop("dpi")

        pages = d.pop("pages")

        format_ = cls(
            name=name,
            label=label,
            width=width,
            height=height,
            dpi=dpi,
            pages=pages,
        )

        format_.additional_properties = d
        return format_

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
