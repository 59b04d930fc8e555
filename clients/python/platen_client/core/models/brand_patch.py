from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.brand_colors import BrandColors
    from ..models.brand_fonts import BrandFonts


T = TypeVar("T", bound="BrandPatch")


@_attrs_define
class BrandPatch:
    """
    Attributes:
        name (str | Unset): 1 to 100 characters. Example: Acme.
        colors (BrandColors | Unset):
        fonts (BrandFonts | Unset):
        logo (None | str | Unset): What `@brand.logo` draws: an asset's `url` (POST /assets), an https image URL or a
            `data:image/…` URL; null for none. Example: https://example.com/logo.png.
        default (bool | Unset): True makes it the account's default brand (the one that was the default stops being it).
    """

    name: str | Unset = UNSET
    colors: BrandColors | Unset = UNSET
    fonts: BrandFonts | Unset = UNSET
    logo: None | str | Unset = UNSET
    default: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        colors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.colors, Unset):
            colors = self.colors.to_dict()

        fonts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fonts, Unset):
            fonts = self.fonts.to_dict()

        logo: None | str | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        else:
            logo = self.logo

        default = self.default

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if colors is not UNSET:
            field_dict["colors"] = colors
        if fonts is not UNSET:
            field_dict["fonts"] = fonts
        if logo is not UNSET:
            field_dict["logo"] = logo
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.brand_colors import BrandColors
        from ..models.brand_fonts import BrandFonts

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _colors = d.pop("colors", UNSET)
        colors: BrandColors | Unset
        if isinstance(_colors, Unset):
            colors = UNSET
        else:
            colors = BrandColors.from_dict(_colors)

        _fonts = d.pop("fonts", UNSET)
        fonts: BrandFonts | Unset
        if isinstance(_fonts, Unset):
            fonts = UNSET
        else:
            fonts = BrandFonts.from_dict(_fonts)

        def _parse_logo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo = _parse_logo(d.pop("logo", UNSET))

        default = d.pop("default", UNSET)

        brand_patch = cls(
            name=name,
            colors=colors,
            fonts=fonts,
            logo=logo,
            default=default,
        )

        return brand_patch
