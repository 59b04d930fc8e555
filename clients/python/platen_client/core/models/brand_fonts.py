from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrandFonts")


@_attrs_define
class BrandFonts:
    """
    Attributes:
        heading (str | Unset): What `@brand.heading` draws in: a font family of this account (GET /fonts, or an
            installed one). Example: DejaVu Sans.
        body (str | Unset): What `@brand.body` draws in: a font family of this account (GET /fonts, or an installed
            one). Example: DejaVu Sans.
    """

    heading: str | Unset = UNSET
    body: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        heading = self.heading

        body = self.body

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if heading is not UNSET:
            field_dict["heading"] = heading
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        heading = d.pop("heading", UNSET)

        body = d.pop("body", UNSET)

        brand_fonts = cls(
            heading=heading,
            body=body,
        )

        return brand_fonts
