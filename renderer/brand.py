"""Brand tokens: ``"@brand.<name>"`` in place of a colour, a font family or an image source, resolved before drawing.

The model keeps tokens as written (a saved template stays brand-neutral); ``with_brand`` swaps them for a brand's
values in one place, so nothing that draws ever sees a token.
"""

from __future__ import annotations

from dataclasses import replace

from .colors import normalize_color
from .tokens import COLOR_TOKENS, FONT_TOKENS, IMAGE_TOKENS, PREFIX, TOKENS, check_token, token_name

__all__ = ["COLOR_TOKENS", "FONT_TOKENS", "IMAGE_TOKENS", "NEUTRAL", "PREFIX", "TOKENS", "check_token", "takes_tokens",
           "token_name", "used_tokens", "with_brand"]

# What tokens draw as when no brand is given: neutral colours, the default font family, no logo.
NEUTRAL = {"primary": "#1e293b", "secondary": "#64748b", "accent": "#2563eb", "background": "#f8fafc",
           "text": "#0f172a", "heading": "", "body": "", "logo": ""}


def takes_tokens(spec) -> bool:
    """Whether a property (its ``props.Prop``) holds tokens: colours, paints and image sources, and what declares
    ``tokens`` (font families). Text stays literal: a caption may well say "@brand.primary"."""
    return bool(spec.tokens) or spec.kind in ("color", "paint", "src")


def used_tokens(template) -> frozenset[str]:
    """The token names a template uses anywhere (layers, gradient stops, background)."""
    found = set()
    for layer in (*template.layers, *([template.background] if hasattr(template.background, "src") else [])):
        for name, spec in layer.props().items():
            if takes_tokens(spec):
                _collect(getattr(layer, name), found)
    _collect(template.background, found)
    return frozenset(found)


def _collect(value, found: set) -> None:
    if (name := token_name(value)) is not None:
        found.add(name)
    elif isinstance(value, dict) and "stops" in value:
        for stop in value["stops"]:
            _collect(stop["color"], found)


def with_brand(template, values: dict | None):
    """``template`` with every token swapped for ``values`` (a brand's flat colours, fonts and logo; missing
    names draw as NEUTRAL). A template without tokens comes back as it is."""
    if not template.brand_tokens:
        return template
    values = {**NEUTRAL, **(values or {})}
    values.update({name: normalize_color(values[name]) for name in COLOR_TOKENS})
    pages = tuple(tuple(_layer(layer, values) for layer in page) for page in template.pages)
    background = template.background
    background = _layer(background, values) if hasattr(background, "src") else _value(background, values)
    return replace(template, pages=pages, background=background, brand=values)


def _layer(layer, values: dict):
    changes = {}
    for name, spec in layer.props().items():
        if not takes_tokens(spec):
            continue
        value = getattr(layer, name)
        new = _value(value, values)
        if new is not value:
            changes[name] = new
    return replace(layer, **changes) if changes else layer


def _value(value, values: dict):
    if (name := token_name(value)) is not None:
        return values[name]
    if isinstance(value, dict) and "stops" in value and any(token_name(s["color"]) for s in value["stops"]):
        return {**value, "stops": [{**s, "color": _value(s["color"], values)} for s in value["stops"]]}
    return value
