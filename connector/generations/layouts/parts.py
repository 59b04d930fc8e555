"""The pieces every layout uses: a design's context (canvas, style, fonts, planner) and its layer builders."""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlparse

from connector.generations.content import Extracted
from connector.generations.layouts.styles import Style, blend, brand_values, colour, contrast, readable, value_of
from connector.generations.planning import Fit, Planner, Type, floor_px, is_rtl
from renderer.text import TextSpec, layout

SCRIM = {"type": "linear", "angle": 180, "stops": [{"color": "#00000059", "offset": 0},
                                                   {"color": "#00000099", "offset": 0.45},
                                                   {"color": "#000000e0", "offset": 1}]}
SCRIM_INK = "#666666"   # a white photo under the scrim from mid-height down: what text over an image is checked on


@dataclass
class Ctx:
    """One design in the making: canvas size, margin, readable floor, style, brand values, fonts and language."""

    width: int
    height: int
    style: Style
    planner: Planner
    brand: dict
    language: str = ""
    rtl: bool = False
    names: set = field(default_factory=set)
    ground: str = ""               # the colour under the text being laid out (the canvas unless set)
    pads: dict = field(default_factory=dict)
    band: int = 0                  # corporate's band: its height (tall with a site name or logo, else a strip)
    band_logo: bool = False        # the site name and logo sit in the band (else the logo is in the footer)

    @classmethod
    def of(cls, width: int, height: int, style: Style, extracted: Extracted, fonts, brand: dict | None) -> Ctx:
        values = brand_values(brand)
        sample = " ".join([extracted.title, extracted.summary, *extracted.points[:3]])
        ctx = cls(width, height, style, Planner(fonts), values, (extracted.language or "")[:35], is_rtl(sample))
        ctx.ground = value_of(ctx.colour(style.background), values)
        if style.decoration == "band":
            ctx.band_logo = bool(kicker_text(extracted) or values.get("logo"))
            ctx.band = ctx.px(0.11 if ctx.band_logo else 0.03)
        return ctx

    @property
    def short(self) -> int:
        return min(self.width, self.height)

    @property
    def margin(self) -> int:
        return round(self.short * self.style.margin)

    @property
    def floor(self) -> int:
        return floor_px(self.width, self.height)

    @property
    def landscape(self) -> bool:
        return self.width / self.height > 1.2

    @property
    def portrait(self) -> bool:
        return self.height / self.width > 1.2

    def px(self, share: float) -> int:
        return round(self.short * share)

    def colour(self, role: str) -> str:
        return colour(role, self.brand)

    def name(self, base: str) -> str:
        """``base``, or ``base_2``… when a layer of the template already has it (names are unique per template)."""
        name, n = base, 1
        while name in self.names:
            n += 1
            name = f"{base}_{n}"
        self.names.add(name)
        return name

    # --- type ------------------------------------------------------------------------------------------------
    def heading_font(self) -> tuple[str, str]:
        """(the layer's font value, the family measured): the brand's heading font when it names one, else the
        style's own heading family when it is installed, else the token (the renderer's default)."""
        return self._font("heading", self.style.heading_font)

    def body_font(self) -> tuple[str, str]:
        return self._font("body", self.style.body_font)

    def _font(self, token: str, default: str) -> tuple[str, str]:
        if self.brand.get(token):
            return f"@brand.{token}", self.brand[token]
        if default and default.casefold() in self.planner.installed():
            return default, default
        return f"@brand.{token}", ""

    def title_type(self, leading: float | None = None) -> Type:
        s = self.style
        return Type(self.heading_font()[1], s.title_weight, False, leading or s.title_leading, s.title_spacing,
                    s.title_case, self.language)

    def body_type(self, weight: int | None = None, italic: bool | None = None) -> Type:
        s = self.style
        return Type(self.body_font()[1], s.body_weight if weight is None else weight,
                    s.body_italic if italic is None else italic, 1.35, 0.0, "none", self.language)

    def label_type(self, spacing: float | None = None) -> Type:
        return Type(self.body_font()[1], 700, False, 1.2, self.style.kicker_spacing if spacing is None else spacing,
                    "uppercase", self.language, 1)

    def pad(self, t: Type, size: int) -> int:
        """How far a face's ascent and descent reach past tightly led lines (``line_height`` under the face's
        own), above the first and below the last: a text box is that much taller at each end, so letter tails
        (g, y, p) on the last line are not cut flat."""
        key = (t.family, t.weight, t.italic, t.line_height, size)
        if key not in self.pads:
            spec = TextSpec("Hg", t.family, t.weight, t.italic, size, size, t.line_height, 0.0, None, "start", "top",
                            "shrink", "ltr", "", 100_000, 100_000)
            lay = layout(spec, self.planner.registry)
            self.pads[key] = max(0, math.ceil((lay.ascent + lay.descent - size * t.line_height) / 2))
        return self.pads[key]

    # --- layers ----------------------------------------------------------------------------------------------
    def text(self, base: str, fit: Fit, x: int, y: int, width: int, t: Type, color: str, *, heading=False,
             align: str | None = None, label: str = "", opacity: float = 1.0, low: int | None = None,
             valign: str = "top", pad: bool = True) -> dict:
        """A text layer whose lines start at ``y``; a tightly led face's box reaches ``pad`` beyond them (its
        height is then ``fit.height + 2 * pad``, the lines centred in it)."""
        font = self.heading_font()[0] if heading else self.body_font()[0]
        extra = self.pad(t, fit.size) if pad else 0
        if extra:
            y, valign = y - extra, "middle"
        layer = {"type": "text", "name": self.name(base), "x": x, "y": y, "width": width,
                 "height": fit.height + 2 * extra,
                 "text": fit.text, "font": font, "font_weight": t.weight, "font_size": fit.size,
                 "min_font_size": min(fit.size, low or self.floor), "line_height": t.line_height,
                 "color": self.ink(color, fit.size, opacity), "align": align or self.style.align,
                 "valign": valign}
        if t.italic:
            layer["font_style"] = "italic"
        if t.spacing:
            layer["letter_spacing"] = t.spacing_px(fit.size)
        if t.transform != "none":
            layer["transform"] = t.transform
        if t.max_lines:
            layer["max_lines"] = t.max_lines
        if self.language:
            layer["language"] = self.language
        if opacity < 1:
            layer["opacity"] = opacity
        if label:
            layer["label"] = label
        return layer

    @contextmanager
    def over(self, ground: str):
        """Text laid out inside the block is checked for contrast against ``ground`` (a colour value or token)."""
        saved, self.ground = self.ground, value_of(self.colour(ground), self.brand)
        try:
            yield self
        finally:
            self.ground = saved

    def ink(self, role: str, size: int, opacity: float = 1.0) -> str:
        """The role's colour if it reads on the ground (4.5:1 for small text, 3:1 from 1.5× the floor, after
        ``opacity``), else the best-reading of the brand's text and background colours, white and near-black."""
        need = 3.0 if size >= self.floor * 1.5 else 4.5
        chosen = self.colour(role)
        shown = value_of(chosen, self.brand)
        if opacity < 1:
            shown = blend(shown, self.ground, opacity)
        if contrast(shown, self.ground) >= need:
            return chosen
        return readable(role, self.brand, self.ground, need)

    def rect(self, base: str, x, y, w, h, fill, *, radius=0, opacity=1.0, stroke=None, stroke_width=0,
             rotation=0, shown_with: str = "") -> dict:
        layer = {"type": "rect", "name": self.name(base), "x": round(x), "y": round(y), "width": round(w),
                 "height": round(h), "fill": self.colour(fill) if isinstance(fill, str) else fill,
                 "editable": False}
        for key, value, default in (("radius", round(radius), 0), ("opacity", opacity, 1.0),
                                    ("stroke", stroke and self.colour(stroke), None),
                                    ("stroke_width", stroke_width, 0), ("rotation", rotation, 0),
                                    ("shown_with", shown_with, "")):
            if value != default:
                layer[key] = value
        return layer

    def ellipse(self, base: str, x, y, w, h, fill, *, opacity=1.0, stroke=None, stroke_width=0) -> dict:
        layer = {"type": "ellipse", "name": self.name(base), "x": round(x), "y": round(y), "width": round(w),
                 "height": round(h), "fill": self.colour(fill), "editable": False}
        if opacity != 1:
            layer["opacity"] = opacity
        if stroke:
            layer.update(stroke=self.colour(stroke), stroke_width=stroke_width)
        return layer

    def line(self, base: str, x, y, w, colour_role: str, width: float, opacity: float = 1.0) -> dict:
        layer = {"type": "line", "name": self.name(base), "x": round(x), "y": round(y), "width": round(w),
                 "height": 0, "fill": self.colour(colour_role), "stroke_width": max(1, round(width)),
                 "editable": False}
        if opacity != 1:
            layer["opacity"] = opacity
        return layer

    def image(self, base: str, src: str, x, y, w, h, *, radius=0, focus_y=0.5, label="Image") -> dict:
        layer = {"type": "image", "name": self.name(base), "x": round(x), "y": round(y), "width": round(w),
                 "height": round(h), "src": src, "fit": "cover", "on_error": "hide", "label": label}
        if radius:
            layer["radius"] = round(radius)
        if focus_y != 0.5:
            layer["focus_y"] = focus_y
        return layer

    def logo(self, base: str, x, y, w, h, align: str = "right") -> list[dict]:
        """The brand's logo, drawn contained in its box against ``align``; nothing at all when the brand has none
        (an empty source draws nothing) or it cannot be loaded (hidden, not a failed render). A logo is made for
        the brand's background: where the ground is another colour (bold's primary canvas, corporate's band,
        dark's canvas, a photo) it sits on a plate of the background colour, shown only with the logo."""
        logo = {"type": "image", "name": self.name(base), "x": round(x), "y": round(y), "width": round(w),
                "height": round(h), "src": "@brand.logo", "fit": "contain", "on_error": "hide",
                "focus_x": {"left": 0.0, "center": 0.5, "right": 1.0}[align], "label": "Logo"}
        if contrast(self.ground, self.brand["background"]) < 1.5:
            return [logo]
        pad = max(2, round(h * 0.2))
        plate = self.rect(f"{logo['name']}_plate", x - pad, y - pad, w + 2 * pad, h + 2 * pad, "@brand.background",
                          radius=pad, shown_with=logo["name"])
        return [plate, logo]

    # --- common blocks ---------------------------------------------------------------------------------------
    def label(self, base: str, text: str, x: int, y: int, width: int, color: str, *, size: int | None = None,
              align: str | None = None, spacing: float | None = None, label: str = "") -> dict | None:
        """A one-line label (kicker, site, slide number) at ``size`` (default: a little over the floor)."""
        if not text.strip():
            return None
        t = self.label_type(spacing)
        top = size or self.label_size()
        fit = self.planner.fit_or_cut(text, width, math.ceil(top * 1.2), t, top, self.floor)
        if fit is None:
            return None
        return self.text(base, fit, x, y, width, t, color, align=align, label=label)

    def label_size(self) -> int:
        return max(self.floor, self.px(0.024))

    def footer_text(self, extracted: Extracted) -> str:
        host = site_host(extracted.url)
        parts = [p for p in (extracted.author, host or extracted.site_name) if p]
        return " · ".join(dict.fromkeys(parts))

    def footer(self, extracted: Extracted, x: int, bottom: int, width: int, color: str, *,
               logo: bool = True, align: str = "left", opacity: float = 1.0) -> tuple[list[dict], int]:
        """The small footer line (author · site) with the logo at the far end; (layers, height taken)."""
        size = max(self.floor, self.px(0.022))
        logo_h = round(size * 1.9)
        logo_w = logo_h * 3 if logo else 0
        layers = []
        text_w = width - (logo_w + self.px(0.02) if logo and align != "center" else 0)
        logo_w = logo_w if logo else 0
        t = Type(self.body_font()[1], 400, False, 1.2, 0.01, "none", self.language, 1)
        fit = self.planner.fit_or_cut(self.footer_text(extracted), text_w, math.ceil(size * 1.2), t, size,
                                      self.floor)
        if fit is not None:
            text_x = x if align != "right" else x + width - text_w
            layers.append(self.text("site", fit, text_x, bottom - round((logo_h + fit.height) / 2), text_w, t,
                                    color, align=align, label="Site", opacity=opacity))
        if logo and align == "center":   # centred: the logo sits over the line, centred too
            if layers:
                layers[0]["y"] = bottom - layers[0]["height"]
            text_h = layers[0]["height"] if layers else 0
            top = bottom - text_h - self.px(0.015) - logo_h
            layers += self.logo("logo", x + (width - logo_w) // 2, top, logo_w, logo_h, "center")
            return layers, bottom - top
        if logo:
            lx = x + width - logo_w if align == "left" else x
            layers += self.logo("logo", lx, bottom - logo_h, logo_w, logo_h, "right" if align == "left" else "left")
        return layers, logo_h


def site_host(url: str | None) -> str:
    if not url:
        return ""
    host = urlparse(url).netloc or ""
    return host.removeprefix("www.")


def kicker_text(extracted: Extracted) -> str:
    return extracted.site_name or site_host(extracted.url) or ""
