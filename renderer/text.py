"""Text layout: per-character font fallback, bidi word pieces, wrapping, and fitting (shrink, ellipsis, clip)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import script
from .fonts import FontFace, FontRegistry
from .shaping import Paragraph, Shaper, Unit, graphemes, itemize, visual_units, wrap

__all__ = ["ELLIPSIS", "Paragraph", "Shaper", "TextLayout", "TextSpec", "Unit", "graphemes", "itemize", "layout",
           "visual_units", "wrap"]

ELLIPSIS = "…"


@dataclass(frozen=True)
class TextSpec:
    """Everything layout depends on, in output pixels (already scaled). Hashable: it keys the layout cache."""

    text: str
    family: str
    weight: int
    italic: bool
    size: float
    min_size: float
    line_height: float
    letter_spacing: float
    max_lines: int | None
    align: str
    valign: str
    overflow: str
    direction: str
    language: str
    width: int
    height: int


@dataclass
class TextLayout:
    size: float
    lines: list[list[Unit]]
    baselines: list[float]
    ascent: float
    descent: float
    warnings: list[tuple[str, str]] = field(default_factory=list)   # (code, message)
    color_glyphs: bool = False
    face: FontFace | None = None                      # the primary face: its metrics place decorations
    texts: list[str] = field(default_factory=list)    # each line's text in reading order (an editor shows it)


def layout(spec: TextSpec, registry: FontRegistry) -> TextLayout:
    """Fit ``spec.text`` into its box: wrap, shrink/ellipsis/clip, align. Never wider or taller than the box."""
    primary, substituted = registry.match(spec.family, spec.weight, spec.italic)
    warnings = []
    if substituted:
        warnings.append(("font_substituted", f"Font '{spec.family}' is not installed; {primary.family} was used "
                                             "instead. Upload the font or pick an installed one."))
    chain = registry.fallback_chain(primary)
    paragraphs, missing = [], set()
    for raw in spec.text.split("\n"):
        kept, faces, lost = itemize(raw, chain, registry)
        missing |= lost
        direction = spec.direction if spec.direction != "auto" else script.base_direction(raw)
        paragraphs.append(Paragraph(kept, faces, direction == "rtl", spec.language))
    if missing:
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(missing)[:5])
        warnings.append(("glyph_missing", f"No installed font has {shown}; left out."))

    def attempt(size: float):
        shaper = Shaper(registry, size, spec.letter_spacing, spec.language)
        lines, broken = [], False
        for index, par in enumerate(paragraphs):
            spans, cut = wrap(par, shaper, spec.width)
            broken |= cut
            lines.extend((index, s, e) for s, e in spans)
        line_px = size * spec.line_height
        capacity = math.floor((spec.height + 0.5) / line_px) if line_px > 0 else 0
        if spec.max_lines:
            capacity = min(capacity, spec.max_lines)
        return shaper, lines, capacity, broken

    size = spec.size
    shaper, lines, capacity, broken = attempt(size)
    if spec.overflow == "shrink" and (len(lines) > capacity or broken):
        best = _shrink(attempt, spec, len(lines), max(capacity, 1))
        if best is None:
            size = max(1, math.ceil(spec.min_size)) if spec.min_size < spec.size else spec.size
            shaper, lines, capacity, broken = attempt(size)
        else:
            size, (shaper, lines, capacity, broken) = best
        if size != spec.size:
            warnings.append(("text_shrunk", f"Text shrunk from {spec.size:g} px to {size:g} px to fit its box."))
    truncated = len(lines) > max(capacity, 1)
    lines = lines[:max(capacity, 1)]
    return _place(spec, paragraphs, lines, shaper, size, truncated, warnings, chain)


def _shrink(attempt, spec: TextSpec, needed: int, capacity: int):
    """The largest whole size from min_size up to (not including) the given size at which the text fits.

    Text area grows with the square of the size, so the first guess is size × √(capacity / lines needed); from
    there one or two steps find the exact size (bisection would need five or six wraps for a typical title).
    """
    low, high = max(1, math.ceil(spec.min_size)), math.ceil(spec.size) - 1
    if low > high:
        return None

    def fits(size):
        tried = attempt(size)
        return tried if len(tried[1]) <= tried[2] and not tried[3] else None

    guess = min(high, max(low, math.floor(spec.size * math.sqrt(capacity / max(needed, 1)))))
    found = fits(guess)
    if found:
        while guess < high and (bigger := fits(guess + 1)):
            guess, found = guess + 1, bigger
        return guess, found
    while guess > low:   # the guess was too big: step down, then bisect if it is far
        if guess - low > 4:
            top, bottom = guess - 1, low
            best = None
            while bottom <= top:
                mid = (bottom + top) // 2
                result = fits(mid)
                if result:
                    best, bottom = (mid, result), mid + 1
                else:
                    top = mid - 1
            return best
        guess -= 1
        found = fits(guess)
        if found:
            return guess, found
    return None


def _place(spec, paragraphs, lines, shaper, size, truncated, warnings, chain) -> TextLayout:
    primary_font = shaper.font(chain[0])
    ascent, descent = primary_font.getmetrics()
    line_px = size * spec.line_height
    placed, texts, color = [], [], False
    for n, (index, s, e) in enumerate(lines):
        par = paragraphs[index]
        last_of_paragraph = n + 1 == len(lines) or lines[n + 1][0] != index
        ellipsis = truncated and n + 1 == len(lines) and spec.overflow != "clip"
        if ellipsis:
            par, e = _with_ellipsis(par, s, e, shaper, spec.width, chain)
        justify = spec.align == "justify" and not last_of_paragraph and not ellipsis
        units = visual_units(par, s, e, shaper, split_spaces=justify)
        if spec.letter_spacing and units and not units[-1].rtl:
            units[-1].width -= spec.letter_spacing   # spacing goes between letters, not after the last one
        width = sum(u.width for u in units)
        align = _resolve_align(spec.align, par.rtl)
        x = {"left": 0.0, "right": spec.width - width, "center": (spec.width - width) / 2}.get(align, 0.0)
        spaces = [u for u in units if u.text.isspace()] if justify else []
        extra = (spec.width - width) / len(spaces) if spaces and spec.width > width else 0.0
        for unit in units:
            unit.x = x
            x += unit.width + (extra if unit.text.isspace() and spaces else 0.0)
            color |= bool(unit.face.bitmap_size)
        placed.append(units)
        texts.append(par.text[s:e].rstrip())
    if truncated:
        warnings.append(("text_truncated", f"Text did not fit in {len(lines)} line{'s' * (len(lines) > 1)} at "
                                           f"{size:g} px; the rest was cut."))
    block = len(placed) * line_px
    top = {"top": 0.0, "middle": (spec.height - block) / 2, "bottom": spec.height - block}[spec.valign]
    top = max(top, 0.0)
    baselines = [top + i * line_px + (line_px - (ascent + descent)) / 2 + ascent for i in range(len(placed))]
    return TextLayout(size=size, lines=placed, baselines=baselines, ascent=ascent, descent=descent,
                      warnings=warnings, color_glyphs=color, face=chain[0], texts=texts)


def _resolve_align(align: str, rtl: bool) -> str:
    if align in ("start", "justify"):
        return "right" if rtl else "left"
    if align == "end":
        return "left" if rtl else "right"
    return align


def _with_ellipsis(par: Paragraph, s: int, e: int, shaper: Shaper, max_width: float, chain: list[FontFace]):
    """The paragraph with text[s:e] cut so that it plus … fits the width; returns (paragraph, new end).

    The cut falls at the end of a word (a phrase in CJK) when the line has one that fits, so "none of them
    worked" becomes "none of…", never "none of the…"; a line that is one long word is cut inside it.
    """
    face = next((f for f in chain if shaper.registry.covers(f, ELLIPSIS)), None)
    if face is None:
        return par, e
    room = max_width - shaper.length(ELLIPSIS, face, False)
    text = par.text
    inside = [s + g for g in script.grapheme_starts(text[s:e])[1:]] + [e]
    for ends in (par.phrases + [len(text)], par.breaks + [len(text)], inside):
        cuts = sorted({s + len(text[s:b].rstrip()) for b in ends if s < b}, reverse=True)
        cut = next((c for c in cuts if s < c <= e and par.measure(s, c, shaper) <= room), s)
        if cut > s:
            break
    text = text[:cut] + ELLIPSIS
    return Paragraph(text, par.faces[:cut] + [face], par.rtl, par.language), cut + 1
