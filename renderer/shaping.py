"""Shaping text: a face per character (fallback), measuring through raqm, line breaking, visual (bidi) order."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property

from . import script
from .fonts import FontFace, FontRegistry


@dataclass
class Unit:
    """One draw call: a logical substring in one face and one direction, placed at ``x`` on its line."""

    text: str
    face: FontFace
    rtl: bool
    width: float
    x: float = 0.0


class Shaper:
    """Measures text in a face at one size (through raqm), remembering what it measured."""

    def __init__(self, registry: FontRegistry, size: float, letter_spacing: float, language: str):
        self.registry, self.size, self.spacing = registry, size, letter_spacing
        self.language = language or None
        self._lengths: dict = {}

    def font(self, face: FontFace):
        return self.registry.font(face, self.size)

    def factor(self, face: FontFace) -> float:
        """Bitmap faces (colour emoji) exist at one size only: drawn there, then scaled by this."""
        return self.size / face.bitmap_size if face.bitmap_size else 1.0

    def length(self, text: str, face: FontFace, rtl: bool) -> float:
        key = (text, face, rtl)
        found = self._lengths.get(key)
        if found is None:
            if self.spacing and not rtl:   # letter spacing: per character (cursive scripts keep their joins)
                found = sum(self._plain(g, face, False) + self.spacing for g in graphemes(text))
            else:
                found = self._plain(text, face, rtl)
            self._lengths[key] = found
        return found

    def _plain(self, text: str, face: FontFace, rtl: bool) -> float:
        if not text:
            return 0.0
        font = self.font(face)
        return font.getlength(text, direction="rtl" if rtl else "ltr", language=self.language) * self.factor(face)


def graphemes(text: str) -> list[str]:
    starts = script.grapheme_starts(text) + [len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:], strict=False)]


class Paragraph:
    """One line of the input (split at \\n) with the face chosen for each character."""

    def __init__(self, text: str, faces: list[FontFace], rtl: bool, language: str = ""):
        self.text, self.faces, self.rtl, self.language = text, faces, rtl, language

    @cached_property
    def breaks(self) -> list[int]:
        """Every place a line may break (between any two CJK characters, between Thai words, after spaces and
        hyphens)."""
        found = script.break_opportunities(self.text)
        thai = script.thai_breaks(self.text)
        return sorted(set(found) | set(thai)) if thai else found

    @cached_property
    def phrases(self) -> list[int]:
        """The breaks a line prefers: word and phrase boundaries (a subset of ``breaks``)."""
        return script.phrase_breaks(self.text, self.language, self.breaks)

    def runs(self, a: int, b: int):
        """(start, end, face) for the maximal same-face stretches of text[a:b]."""
        start = a
        for i in range(a + 1, b + 1):
            if i == b or self.faces[i] is not self.faces[start]:
                yield start, i, self.faces[start]
                start = i

    def measure(self, a: int, b: int, shaper: Shaper) -> float:
        return sum(shaper.length(self.text[s:e], face, _has_rtl(self.text[s:e])) for s, e, face in self.runs(a, b))


def _has_rtl(text: str) -> bool:
    return any(script.strong_direction(ch) == "rtl" for ch in text)


def itemize(text: str, chain: list[FontFace], registry: FontRegistry) -> tuple[str, list[FontFace], set[str]]:
    """Choose a face per character (the first of ``chain`` that has it); drop what no face has."""
    primary, emoji = chain[0], next((f for f in chain if f.bitmap_size), None)
    kept, faces, missing = [], [], set()
    for i, ch in enumerate(text):
        if faces and script.attaches(ch):
            kept.append(ch)
            faces.append(faces[-1])
            continue
        if script.invisible(ch):
            continue
        face = None
        wants_emoji = script.is_emoji(ch) or text[i + 1:i + 2] == "\ufe0f"
        if emoji is not None and wants_emoji and not ch.isspace() and registry.covers(emoji, ch):
            face = emoji
        elif ch.isspace() and faces and not faces[-1].bitmap_size and registry.covers(faces[-1], ch):
            face = faces[-1]
        else:
            face = next((f for f in chain if registry.covers(f, ch) and not (f.bitmap_size and ch.isspace())),
                        None)
        if face is None:
            if ch.isspace():
                face = primary
            else:
                missing.add(ch)
                continue
        kept.append(ch)
        faces.append(face)
    return "".join(kept), faces, missing


def wrap(par: Paragraph, shaper: Shaper, max_width: float) -> tuple[list[tuple[int, int]], bool]:
    """Greedy line breaking at word and phrase boundaries; a phrase wider than the box breaks where CJK allows,
    and a word wider than the box breaks between characters.

    Returns logical (start, end) spans, ends excluding trailing spaces, and whether a word had to be broken.
    """
    text, limit = par.text, max_width + 0.01
    bounds = [0, *par.phrases, len(text)]
    lines, broken = [], False
    start, width = None, 0.0
    for a, b in zip(bounds, bounds[1:], strict=False):
        t = len(text[a:b].rstrip()) + a
        trimmed = par.measure(a, t, shaper)
        full = trimmed + par.measure(t, b, shaper) if t < b else trimmed   # spaces measure once, from the cache
        if start is not None and width + trimmed <= limit:
            width += full
            continue
        if start is not None:
            lines.append((start, a))
        if trimmed <= limit:
            start, width = a, full
            continue
        # wider than the box on its own: break at the finer opportunities inside, else between characters
        start, width = a, 0.0
        pieces = [a, *(p for p in par.breaks if a < p < t), t]
        for c, d in zip(pieces, pieces[1:], strict=False):
            w = par.measure(c, d, shaper)
            if w <= limit:
                if width + w > limit and c > start:
                    lines.append((start, c))
                    start, width = c, 0.0
                width += w
                continue
            broken = True
            starts = [c + g for g in script.grapheme_starts(text[c:d])]
            for g0, g1 in zip(starts, [*starts[1:], d], strict=False):
                gw = par.measure(g0, g1, shaper)
                if width + gw > limit and g0 > start:
                    lines.append((start, g0))
                    start, width = g0, 0.0
                width += gw
        width += par.measure(t, b, shaper)
    lines.append((start if start is not None else 0, len(text)))
    return [(s, s + len(text[s:e].rstrip())) for s, e in lines], broken


def resolve_directions(text: str, base: str) -> list[str]:
    """'ltr' or 'rtl' per character: strong characters keep theirs, digits read left to right, marks follow
    their base, and neutrals between two runs of one direction take it (else the paragraph's)."""
    dirs = []
    for i, ch in enumerate(text):
        d = script.strong_direction(ch)
        if i and script.attaches(ch):
            d = dirs[-1]
        dirs.append(d)
    _join_numbers(text, dirs)
    dirs = ["ltr" if d == "num" else d for d in dirs]
    i = 0
    while i < len(dirs):
        if dirs[i]:
            i += 1
            continue
        j = i
        while j < len(dirs) and not dirs[j]:
            j += 1
        before = dirs[i - 1] if i else base
        after = dirs[j] if j < len(dirs) else base
        dirs[i:j] = [before if before == after else base] * (j - i)
        i = j
    return dirs


def _join_numbers(text: str, dirs: list[str]) -> None:
    """Signs that belong to a number read with it (Unicode bidi rules W4/W5): 30%, $199, +1, 1,000, 3.5."""
    for i, ch in enumerate(text):
        if dirs[i]:
            continue
        kind = unicodedata.bidirectional(ch)
        before = dirs[i - 1] if i else ""
        after = dirs[i + 1] if i + 1 < len(dirs) else ""
        if kind == "ET" and "num" in (before, after):
            dirs[i] = "num"
            j = i + 1   # a run of terminators before the number: $$5
            while j < len(dirs) and not dirs[j] and unicodedata.bidirectional(text[j]) == "ET":
                dirs[j] = "num"
                j += 1
        elif kind in ("CS", "ES") and before == "num" and after == "num":
            dirs[i] = "num"
    for i in range(len(dirs) - 1, -1, -1):   # terminators after a number that the pass above had not reached
        if not dirs[i] and unicodedata.bidirectional(text[i]) == "ET" and i and dirs[i - 1] == "num":
            dirs[i] = "num"


def visual_units(par: Paragraph, a: int, b: int, shaper: Shaper, split_spaces: bool) -> list[Unit]:
    """The line text[a:b] as draw units in visual (left-to-right) order, each in one face and one direction."""
    text = par.text
    dirs = resolve_directions(text[a:b], "rtl" if par.rtl else "ltr")
    groups = []   # (direction, start, end): maximal same-direction stretches, in logical order
    for k, d in enumerate(dirs):
        if groups and groups[-1][0] == d:
            groups[-1][2] = a + k + 1
        else:
            groups.append([d, a + k, a + k + 1])
    if par.rtl:
        groups.reverse()
    units = []
    for direction, s, e in groups:
        rtl = direction == "rtl"
        spans = _space_split(text, s, e) if split_spaces else [(s, e)]
        group_units = [Unit(text[rs:re], face, rtl, shaper.length(text[rs:re], face, rtl))
                       for span in spans for rs, re, face in par.runs(*span)]
        units.extend(reversed(group_units) if rtl else group_units)
    return units


def _space_split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Words and the spaces between them as separate spans (justified lines stretch the spaces)."""
    spans, i = [], s
    while i < e:
        j = i + 1
        while j < e and text[j].isspace() == text[i].isspace():
            j += 1
        spans.append((i, j))
        i = j
    return spans
