"""The brand tokens' names and where each kind may go (``brand`` resolves them; ``colors`` and ``props`` accept
them in place of a value)."""

from __future__ import annotations

PREFIX = "@brand."
COLOR_TOKENS = ("primary", "secondary", "accent", "background", "text")
FONT_TOKENS = ("heading", "body")
IMAGE_TOKENS = ("logo",)
TOKENS = (*COLOR_TOKENS, *FONT_TOKENS, *IMAGE_TOKENS)
_BY_KIND = {"color": COLOR_TOKENS, "font": FONT_TOKENS, "image": IMAGE_TOKENS}
_KIND_NAME = {"color": "a colour", "font": "a font family", "image": "an image source"}


def token_name(value) -> str | None:
    """``primary`` for ``"@brand.primary"``; None for anything that is not written as a token."""
    if isinstance(value, str) and value.startswith(PREFIX):
        return value[len(PREFIX):]
    return None


def check_token(value: str, kind: str) -> str:
    """``value`` (a token) when it names a token of ``kind`` (color, font, image); ValueError naming the choices."""
    name = token_name(value)
    allowed = _BY_KIND.get(kind, ())
    listed = ", ".join(PREFIX + t for t in allowed)
    if name not in TOKENS:
        raise ValueError(f"{value!r} is not a brand token: brand tokens are {', '.join(PREFIX + t for t in TOKENS)}")
    if name not in allowed:
        if not allowed:
            raise ValueError(f"{value!r} is a brand token, but this property cannot take one (brand tokens go "
                             "in colours, font families and image sources)")
        raise ValueError(f"{value!r} is not {_KIND_NAME[kind]}: here use {listed}")
    return value
