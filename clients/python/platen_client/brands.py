"""``platen.brands``: brand kits (five colours, two fonts, a logo) that templates draw through ``@brand.…`` tokens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .client import drop_none, pages
from .core.api.brands import create_brand, delete_brand, get_brand, list_brands, update_brand
from .core.models import Brand, BrandCreate, BrandPatch

if TYPE_CHECKING:
    from .client import Platen

COLORS = ("primary", "secondary", "accent", "background", "text")
FONTS = ("heading", "body")


def _id(brand: Brand | str) -> str:
    return brand if isinstance(brand, str) else brand.id


class Brands:
    """Every account has exactly one default brand (``default`` True), made on first need with neutral values:
    what renders draw when neither they nor their template name a ``brand_id``."""

    def __init__(self, platen: Platen):
        self.platen = platen

    def list(self, *, limit: int = 20, page: int = 0) -> list[Brand]:
        """Newest first (the account's default brand is made first if it has none yet)."""
        return self.platen.call(list_brands, limit=limit, page=page)

    def all(self) -> Iterator[Brand]:
        """Every brand of the account, page after page."""
        return pages(lambda page, limit: self.list(limit=limit, page=page))

    def get(self, brand_id: str) -> Brand:
        return self.platen.call(get_brand, brand_id=brand_id)

    def default(self) -> Brand:
        """The account's default brand."""
        return next(brand for brand in self.all() if brand.default)

    def create(self, name: str, *, colors: dict[str, str] | None = None, fonts: dict[str, str] | None = None,
               logo: str | None = None, default: bool | None = None) -> Brand:
        """A new brand. ``colors`` (``primary``, ``secondary``, ``accent``, ``background``, ``text``: ``#rrggbb``)
        and ``fonts`` (``heading``, ``body``: families the account can use) left out come from the neutral
        default; ``logo`` is an image URL (an asset's ``url``); ``default=True`` makes it the account's default.
        A bad value raises ``ValidationFailed`` naming it (``colors.primary``)."""
        body = BrandCreate.from_dict(drop_none({"name": name, "colors": colors, "fonts": fonts, "logo": logo,
                                                "default": default}))
        return self.platen.create(create_brand, body=body)

    def update(self, brand: Brand | str, changes: dict[str, Any] | None = None, **fields: Any) -> Brand:
        """Changes only what is given, as a dict or as keywords (``name``, ``colors``, ``fonts``, ``logo``,
        ``default``); colours and fonts merge by name (``colors={"primary": "#0ea5e9"}`` keeps the other four),
        ``logo=None`` removes the logo. Every change adds one to ``version`` (renders draw the new values)."""
        body = {**(changes or {}), **fields}
        if not body:
            raise ValueError("nothing to change: give name, colors, fonts, logo or default")
        return self.platen.call(update_brand, brand_id=_id(brand), body=BrandPatch.from_dict(body))

    def make_default(self, brand: Brand | str) -> Brand:
        """Makes it the account's default brand (the one that was stops being it)."""
        return self.update(brand, default=True)

    def delete(self, brand: Brand | str) -> None:
        """Gone at once; templates naming it draw the default brand from then on. The default brand itself can't
        be deleted (``Conflict``: make another brand the default first); one already gone raises ``NotFound``."""
        self.platen.call(delete_brand, brand_id=_id(brand))


__all__ = ["COLORS", "FONTS", "Brands"]
