from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrandColors")


@_attrs_define
class BrandColors:
    """
    Attributes:
        primary (str | Unset): What `@brand.primary` draws as. `#rgb`, `#rrggbb` or `#rrggbbaa`. Example: #ff0055.
        secondary (str | Unset): What `@brand.secondary` draws as. `#rgb`, `#rrggbb` or `#rrggbbaa`. Example: #ff0055.
        accent (str | Unset): What `@brand.accent` draws as. `#rgb`, `#rrggbb` or `#rrggbbaa`. Example: #ff0055.
        background (str | Unset): What `@brand.background` draws as. `#rgb`, `#rrggbb` or `#rrggbbaa`. Example: #ff0055.
        text (str | Unset): What `@brand.text` draws as. `#rgb`, `#rrggbb` or `#rrggbbaa`. Example: #ff0055.
    """

    primary: str | Unset = UNSET
    secondary: str | Unset = UNSET
    accent: str | Unset = UNSET
    background: str | Unset = UNSET
    text: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        primary = self.primary

        secondary = self.secondary

        accent = self.accent

        background = self.background

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if primary is not UNSET:
            field_dict["primary"] = primary
        if secondary is not UNSET:
            field_dict["secondary"] = secondary
        if accent is not UNSET:
            field_dict["accent"] = accent
        if background is not UNSET:
            field_dict["background"] = background
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        primary = d.pop("primary", UNSET)

        secondary = d.pop("secondary", UNSET)

        accent = d.pop("accent", UNSET)

        background = d.pop("background", UNSET)

        text = d.pop("text", UNSET)

        brand_colors = cls(
            primary=primary,
            secondary=secondary,
            accent=accent,
            background=background,
            text=text,
        )

        return brand_colors
