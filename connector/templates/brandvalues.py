"""A brand kit's values: name, colours, fonts and logo, validated and normalised; a 422 names the field."""

from __future__ import annotations

from connector.runtime.errors import ValidationFailed
from renderer.brand import COLOR_TOKENS, FONT_TOKENS, NEUTRAL
from renderer.colors import normalize_color
from renderer.layers import ImageLayer

_LOGO_SCHEMES = ("https://", "http://", "data:image/")


def checked(data: dict, families: list[str], family: str, create: bool = False) -> dict:
    """name, colors, fonts and logo validated and normalised; ValidationFailed names the field."""
    name = data.get("name")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 100:
        raise invalid("name", "must be text of 1 to 100 characters (the brand's name in lists and the editor)")
    colors = data.get("colors") or {}
    fonts = data.get("fonts") or {}
    for group, value, allowed in (("colors", colors, COLOR_TOKENS), ("fonts", fonts, FONT_TOKENS)):
        if not isinstance(value, dict):
            raise invalid(group, f"must be an object with {', '.join(allowed)}")
        for extra in set(value) - set(allowed):
            raise invalid(f"{group}.{extra}", f"is not a brand {group[:-1]}: use {', '.join(allowed)}")
    out_colors = {}
    for token in COLOR_TOKENS:
        try:
            out_colors[token] = normalize_color(colors.get(token, NEUTRAL[token]))
        except ValueError as exc:
            raise invalid(f"colors.{token}", str(exc)) from None
    known = {f.casefold(): f for f in families}
    out_fonts = {}
    for token in FONT_TOKENS:
        value = fonts.get(token) or family
        if not isinstance(value, str):
            raise invalid(f"fonts.{token}", "must be a font family's name")
        if known and value.casefold() not in known:
            shown = ", ".join(families[:8]) + (" …" if len(families) > 8 else "")
            raise invalid(f"fonts.{token}", f"{value!r} is not a font family of this account (upload it with "
                                             f"POST /api/v1/fonts, or use one of {shown})")
        out_fonts[token] = known.get(value.casefold(), value)
    logo = data.get("logo") or ""
    if logo:
        try:
            logo = ImageLayer.props()["src"].check(logo)
        except ValueError as exc:
            raise invalid("logo", str(exc)) from None
        if not logo.startswith(_LOGO_SCHEMES):
            raise invalid("logo", "must be an image URL (https://…, an asset's url from POST /api/v1/assets) "
                                   "or a data:image/… URL")
    return {"name": name.strip(), "colors": out_colors, "fonts": out_fonts, "logo": logo}


def invalid(field: str, reason: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {reason}", details={"field": field})
