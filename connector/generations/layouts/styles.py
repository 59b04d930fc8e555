"""The eight visual styles: type, colour roles, composition and decoration, as data the layouts read."""

from __future__ import annotations

from dataclasses import dataclass

from renderer.brand import NEUTRAL
from renderer.colors import normalize_color, rgba


@dataclass(frozen=True)
class Style:
    """One visual style. Colours are roles: a brand token, a literal, or ``on:<token>`` (whichever of the brand's
    background and text colours — else white or near-black — reads best on that token's colour)."""

    name: str
    background: str
    title: str
    body: str
    accent: str
    kicker: str
    title_weight: int = 700
    title_case: str = "none"
    title_spacing: float = 0.0
    title_scale: float = 0.085       # the largest title, as a share of the canvas's shorter side
    title_leading: float = 1.12
    body_weight: int = 400
    body_italic: bool = False
    body_scale: float = 0.036
    kicker_spacing: float = 0.12
    align: str = "start"             # start | center
    image: str = "split"             # split | overlay | inset | fade
    valign: str = "middle"           # where the text block sits in its zone: top | middle | bottom
    decoration: str = "bar"
    radius: float = 0.0              # image corners, as a share of the shorter side
    margin: float = 0.075            # share of the shorter side
    serif: bool = False
    numerals: bool = False           # body slides get a big 01, 02 …
    body_opacity: float = 1.0
    heading_font: str = ""           # the style's own type, used only when the brand names no font of its own
    body_font: str = ""              # ("" or a family not installed: the renderer's default, DejaVu Sans)


STYLES: dict[str, Style] = {s.name: s for s in (
    Style("modern", "@brand.background", "@brand.text", "@brand.secondary", "@brand.accent", "@brand.accent",
          title_spacing=-0.01, decoration="bar", image="split", valign="middle", numerals=True,
          heading_font="Noto Sans", body_font="Noto Sans"),
    Style("minimal", "@brand.background", "@brand.text", "@brand.secondary", "@brand.secondary",
          "@brand.secondary", title_weight=400, title_scale=0.075, title_spacing=-0.015, title_leading=1.15,
          kicker_spacing=0.05, image="inset", valign="bottom", decoration="rule", margin=0.1, body_scale=0.033,
          heading_font="Noto Sans Display", body_font="Noto Sans"),
    Style("bold", "@brand.primary", "on:primary", "on:primary", "@brand.accent", "on:accent",
          title_weight=700, title_case="uppercase", title_scale=0.11, title_leading=1.02, title_spacing=0.0,
          image="overlay", valign="bottom", decoration="block", numerals=True, body_weight=700, margin=0.07,
          heading_font="DejaVu Sans", body_font="DejaVu Sans"),
    Style("elegant", "@brand.background", "@brand.text", "@brand.text", "@brand.secondary", "@brand.secondary",
          title_weight=400, title_scale=0.08, title_leading=1.18, body_italic=True, kicker_spacing=0.3,
          align="center", image="inset", valign="middle", decoration="frame", serif=True, margin=0.09,
          body_opacity=0.8, heading_font="Noto Serif Display", body_font="Noto Serif"),
    Style("playful", "@brand.background", "@brand.primary", "@brand.text", "@brand.accent", "@brand.accent",
          title_scale=0.09, title_spacing=-0.01, image="inset", valign="middle", decoration="blobs", radius=0.05,
          numerals=True, heading_font="DejaVu Serif", body_font="DejaVu Sans"),
    Style("corporate", "@brand.background", "@brand.primary", "@brand.text", "@brand.primary", "on:primary",
          title_scale=0.072, kicker_spacing=0.1, image="split", valign="top", decoration="band",
          margin=0.07, body_scale=0.032, heading_font="DejaVu Sans", body_font="DejaVu Sans"),
    Style("creative", "@brand.background", "@brand.text", "@brand.text", "@brand.accent", "@brand.accent",
          title_scale=0.1, title_leading=1.0, title_spacing=-0.02, image="inset", valign="bottom",
          decoration="quote", radius=0.0, numerals=True, body_opacity=0.85,
          heading_font="Noto Serif Display", body_font="Noto Sans"),
    Style("dark", "@brand.text", "@brand.background", "@brand.background", "@brand.accent", "@brand.accent",
          title_spacing=-0.01, image="fade", valign="bottom", decoration="glow", body_opacity=0.78,
          heading_font="Noto Sans Display", body_font="Noto Sans"),
)}


def brand_values(brand: dict | None) -> dict:
    """The brand's token values with neutral ones where it has none, colours canonical."""
    values = {**NEUTRAL, **{k: v for k, v in (brand or {}).items() if v not in (None,)}}
    for name in ("primary", "secondary", "accent", "background", "text"):
        try:
            values[name] = normalize_color(values[name])
        except (ValueError, TypeError):
            values[name] = NEUTRAL[name]
    return values


def _luminance(colour: str) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b, _ = rgba(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour(role: str, values: dict) -> str:
    """A style's colour role as a template value: a token, a literal, or the best ink on a token's colour."""
    if not role.startswith("on:"):
        return role
    fill = values[role[3:]]
    options = ("@brand.background", "@brand.text", "#ffffff", "#0f172a")
    for option in options:
        if contrast(value_of(option, values), fill) >= 4.5:
            return option
    return max(options, key=lambda o: contrast(value_of(o, values), fill))


def readable(role: str, values: dict, ground: str, need: float = 4.5) -> str:
    """The role's colour when it has a contrast of ``need`` or more against ``ground`` (the colour it is drawn
    on), else whichever of the brand's background and text colours, white or near-black reads best there."""
    chosen = colour(role, values)
    if contrast(value_of(chosen, values), ground) >= need:
        return chosen
    options = ("@brand.text", "@brand.background", "#ffffff", "#0f172a")
    return max(options, key=lambda o: contrast(value_of(o, values), ground))


def blend(top: str, bottom: str, opacity: float) -> str:
    """``top`` drawn at ``opacity`` over ``bottom``, as #rrggbb."""
    (r1, g1, b1, _), (r2, g2, b2, _) = rgba(top), rgba(bottom)
    mix = [round(a * opacity + b * (1 - opacity)) for a, b in ((r1, r2), (g1, g2), (b1, b2))]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def value_of(value: str, values: dict) -> str:
    """The colour a token or literal draws as."""
    return values[value[7:]] if value.startswith("@brand.") else value
