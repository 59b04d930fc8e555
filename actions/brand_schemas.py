"""Schemas of the brand endpoints: a brand kit's colours, fonts and logo; the store judges the values."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

_COLOR = {"type": "string", "description": "`#rgb`, `#rrggbb` or `#rrggbbaa`.", "example": "#ff0055"}
_COLOR_NAMES = ("primary", "secondary", "accent", "background", "text")
_FONT_NAMES = ("heading", "body")


def _color(token: str) -> fields.String:
    return fields.String(metadata={**_COLOR, "description": f"What `@brand.{token}` draws as. {_COLOR['description']}"})


def _font(token: str) -> fields.String:
    return fields.String(metadata={"description": f"What `@brand.{token}` draws in: a font family of this account "
                                                  "(GET /fonts, or an installed one).", "example": "DejaVu Sans"})


class BrandColorsSchema(ma.Schema):
    """The brand's five colours; one left out is the default brand's neutral one (on PATCH: unchanged)."""

    class Meta:
        unknown = ma.RAISE

    primary = _color("primary")
    secondary = _color("secondary")
    accent = _color("accent")
    background = _color("background")
    text = _color("text")


class BrandFontsSchema(ma.Schema):
    """The brand's two font families; one left out is the default family (on PATCH: unchanged)."""

    class Meta:
        unknown = ma.RAISE

    heading = _font("heading")
    body = _font("body")


_LOGO = ("What `@brand.logo` draws: an asset's `url` (POST /assets), an https image URL or a `data:image/…` URL; "
         "null for none.")


class BrandWriteSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    name = fields.String(metadata={"description": "1 to 100 characters.", "example": "Acme"})
    colors = fields.Nested(BrandColorsSchema)
    fonts = fields.Nested(BrandFontsSchema)
    logo = fields.String(allow_none=True, metadata={"description": _LOGO,
                                                    "example": "https://example.com/logo.png"})
    default = fields.Boolean(metadata={"description": "True makes it the account's default brand (the one that was "
                                                      "the default stops being it)."})


class BrandCreateSchema(BrandWriteSchema):
    """A new brand kit: a name, and any of its colours, fonts and logo (the rest come from the neutral default)."""

    name = fields.String(required=True, metadata={"description": "1 to 100 characters.", "example": "Acme"})


class BrandPatchSchema(BrandWriteSchema):
    """Only what changes: colours and fonts merge by name; `"default": true` makes it the default brand."""


class BrandSchema(ma.Schema):
    """A brand kit. Templates use its values through tokens: `@brand.primary` … `@brand.text`, `@brand.heading`,
    `@brand.body`, `@brand.logo`."""

    id = fields.String(required=True, metadata={"example": "brd_0mhq3k2x1a2b3c4d5e6f7g8h"})
    name = fields.String(required=True, metadata={"example": "Acme"})
    colors = fields.Nested(BrandColorsSchema, required=True)
    fonts = fields.Nested(BrandFontsSchema, required=True)
    logo = fields.String(required=True, allow_none=True, metadata={"description": _LOGO})
    default = fields.Boolean(required=True, metadata={
        "description": "The account's default brand: what renders use when neither they nor their template name "
                       "one. Exactly one brand is the default."})
    version = fields.Integer(required=True, metadata={
        "description": "Starts at 1; every change adds one (renders made with the older values are not reused)."})
    created_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})
    updated_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})
