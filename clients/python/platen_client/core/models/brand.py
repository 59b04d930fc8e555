from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.brand_colors import BrandColors
    from ..models.brand_fonts import BrandFonts


T = TypeVar("T", bound="Brand")


@_attrs_define
class Brand:
    """
    Attributes:
        id (str):  Example: brd_0mhq3k2x1a2b3c4d5e6f7g8h.
        name (str):  Example: Acme.
        colors (BrandColors):
        fonts (BrandFonts):
        logo (None | str): What `@brand.logo` draws: an asset's `url` (POST /assets), an https image URL or a
            `data:image/…` URL; null for none.
        default (bool): The account's default brand: what renders use when neither they nor their template name one.
            Exactly one brand is the default.
        version (int): Starts at 1; every change adds one (renders made with the older values are not reused).
        created_at (str):  Example: 2026-11-21T14:13:37.123Z.
        updated_at (str):  Example: 2026-11-21T14:13:37.123Z.
    """

    id: str
    name: str
    colors: BrandColors
    fonts: BrandFonts
    logo: None | str
    default: bool
    version: int
    created_at: str
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        colors = self.colors.to_dict()

        fonts = self.fonts.to_dict()

        logo: None | str
        logo = self.logo

        default = self.default

        version = self.version

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "colors": colors,
                "fonts": fonts,
                "logo": logo,
                "default": default,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.brand_colors import BrandColors
        from ..models.brand_fonts import BrandFonts

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        colors = BrandColors.from_dict(d.pop("colors"))

        fonts = BrandFonts.from_dict(d.pop("fonts"))

        def _parse_logo(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo = _parse_logo(d.pop("logo"))

        default = d.pop("default")

        version = d.pop("version")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        brand = cls(
            id=id,
            name=name,
            colors=colors,
            fonts=fonts,
            logo=logo,
            default=default,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        brand.additional_properties = d
        return brand

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
