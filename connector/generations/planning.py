"""Planning: what text goes in which box at what size, measured with the renderer's own text layout."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from connector.generations.measuring import Measurer
from renderer.fonts import FontRegistry, default_registry
from renderer.script import base_direction, transform
from renderer.text import TextSpec, layout

ELLIPSIS = "…"
READABLE_PX = 24          # the smallest text on a 1080 px canvas; scaled by the canvas's shorter side
_SENTENCE = re.compile(r"(?<=[.!?。！？؟])[\"'”’)]*\s+|(?<=[。！？])")
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


def floor_px(width: int, height: int) -> int:
    """The readable floor of a canvas: 24 px at 1080 px on the shorter side, in proportion elsewhere."""
    return math.ceil(READABLE_PX * min(width, height) / 1080)


@dataclass(frozen=True)
class Type:
    """How a text box sets its text: what layout depends on besides the text, box and size."""

    family: str = ""
    weight: int = 400
    italic: bool = False
    line_height: float = 1.2
    spacing: float = 0.0       # letter spacing, in ems
    transform: str = "none"
    language: str = ""
    max_lines: int | None = None

    def spacing_px(self, size: float) -> float:
        return round(self.spacing * size, 1)


@dataclass(frozen=True)
class Fit:
    """A text planned into a box: its size, its line count, and the height those lines take."""

    text: str
    size: int
    lines: int
    height: int


class Planner:
    """Measures texts in one font registry (cached: a design measures the same strings at a few sizes)."""

    def __init__(self, registry: FontRegistry | None = None):
        self.registry = registry or default_registry()
        self.measure = Measurer(self.registry)   # layout's own answers, the repeats remembered
        self._installed: frozenset[str] | None = None

    def installed(self) -> frozenset[str]:
        """The registry's font families, casefolded."""
        if self._installed is None:
            self._installed = frozenset(f.casefold() for f in self.registry.families())
        return self._installed

    def wrapped(self, text: str, width: int, t: Type, size: int) -> list[str]:
        """The lines ``text`` wraps to at ``size`` in a box ``width`` wide."""
        if self.measure.free(text, t, size, int(width)).truncated:   # thousands of lines: as the renderer cuts
            spec = self._spec(text, width, 100_000, replace(t, max_lines=None), size, size)
            return ["".join(unit.text for unit in line) for line in layout(spec, self.registry).lines]
        return self.measure.texts(text, t, size, int(width))

    def width(self, line: str, t: Type, size: int) -> int:
        """How wide one line of text is drawn at ``size``."""
        if self.measure.free(line, t, size, 100_000).truncated:
            spec = self._spec(line, 100_000, 100_000, replace(t, max_lines=None), size, size)
            return math.ceil(max((sum(u.width for u in ln) for ln in layout(spec, self.registry).lines), default=0))
        return math.ceil(self.measure.widest(line, t, size))

    def unorphaned(self, fit: Fit, width: int, t: Type, low: int) -> tuple[Fit, int]:
        """(``fit`` or the same text a little smaller, the box width) so the last line is not a lone word: by
        narrowing the box (``balanced``), else by setting the text up to a quarter smaller; as it was when neither
        helps. The smaller sizes are first looked over on estimated widths (``Measurer.spans``): exact layout
        starts at the first they find without an orphan (all of them, as before, when they find none)."""
        narrower = self.balanced(fit.text, width, t, fit.size)
        if narrower != width or not self._orphan(fit.text, width, t, fit.size):
            return fit, narrower
        sizes = range(fit.size - 1, max(low, math.floor(fit.size * 0.75)) - 1, -1)
        guess = next((size for size in sizes for w in (width, self.balanced(fit.text, width, t, size, True))
                      if not self._orphan(fit.text, w, t, size, True)), None)
        for size in sizes if guess is None else [guess, *(s for s in sizes if s < guess)]:
            for w in (width, self.balanced(fit.text, width, t, size)):
                if not self._orphan(fit.text, w, t, size):
                    count = len(self.wrapped(fit.text, w, t, size))
                    return Fit(fit.text, size, count, math.ceil(count * size * t.line_height)), w
        return fit, width

    def _last(self, text: str, width: int, t: Type, size: int, estimate: bool) -> tuple[int, int]:
        """(lines, words on the last line) of ``text`` at ``size`` in a box ``width`` wide."""
        if not estimate:
            lines = self.wrapped(text, width, t, size)
            return len(lines), len(lines[-1].split()) if lines else 0
        spans, _ = self.measure.spans(text, t, size, t.spacing_px(size), int(width), True)
        if not spans:
            return 0, 0
        index, start, end = spans[-1]
        return len(spans), len(self.measure.paragraphs(text, t)[index].text[start:end].split())

    def _orphan(self, text: str, width: int, t: Type, size: int, estimate: bool = False) -> bool:
        count, last = self._last(text, width, t, size, estimate)
        return count > 1 and last < 2 and not _CJK.search(text)

    def balanced(self, text: str, width: int, t: Type, size: int, estimate: bool = False) -> int:
        """A box width at most ``width`` at which ``text`` takes as many lines as at ``width`` but its last line is
        not a lone word (an orphan), when narrowing to as little as 58 % allows; else ``width``."""
        count, last = self._last(text, width, t, size, estimate)
        if count < 2 or last > 1 or _CJK.search(text):
            return width
        for share in (0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58):
            narrower = round(width * share)
            again, last = self._last(text, narrower, t, size, estimate)
            if again != count:
                break
            if last > 1:
                return narrower
        return width

    def _spec(self, text: str, width: int, height: int, t: Type, size: float, low: float) -> TextSpec:
        return TextSpec(text=transform(text, t.transform), family=t.family, weight=t.weight, italic=t.italic,
                        size=size, min_size=low, line_height=t.line_height, letter_spacing=t.spacing_px(size),
                        max_lines=t.max_lines, align="start", valign="top", overflow="shrink",
                        direction=direction(text), language=t.language, width=int(width), height=int(height))

    def lines(self, text: str, width: int, t: Type, size: int) -> int:
        """How many lines ``text`` takes at ``size`` in a box ``width`` wide (no height limit)."""
        return len(self.measure.free(text, t, size, int(width)).lines)

    def fit(self, text: str, width: int, height: int, t: Type, top: int, low: int) -> Fit | None:
        """The largest whole size from ``low`` to ``top`` at which ``text`` fits the box — no word broken, unless
        only ``low`` fits that way — or None when it does not fit even at ``low``. The size is searched with the
        words' lengths at one reference size scaled (``estimate``: nothing measured at each size tried), then laid
        out exactly there and a size up and down until exact layout agrees: the layer is drawn at this very size,
        which fits, so the renderer draws what was planned."""
        if not text.strip() or height <= 0 or width <= 0:
            return None
        low = min(low, top)

        def count(size: int, whole: bool = True, estimate: bool = False) -> int | None:
            """The lines at ``size`` when they fit the box (and no word is broken, with ``whole``), else None;
            without ``whole`` (at ``low``) one line always fits, as the renderer keeps one however short the box."""
            lines, broken = self.measure.spans(text, t, size, t.spacing_px(size), int(width), estimate)
            line_px = size * t.line_height
            capacity = math.floor((height + 0.5) / line_px) if line_px > 0 else 0
            if t.max_lines:
                capacity = min(capacity, t.max_lines)
            if not whole:
                capacity = max(capacity, 1)
            elif len(lines) * size * t.line_height > height + 0.5:   # as the layer's height (``Fit``) reckons it
                return None
            return len(lines) if lines and len(lines) <= capacity and not (broken and whole) else None

        found = count(top, whole=top > low)
        if found is not None:
            return Fit(text, top, found, math.ceil(found * top * t.line_height))
        size = _longest(top - 1 - low, lambda n: count(low + n, estimate=True) is not None) + low
        lines = count(size, whole=size > low)
        if lines is not None and size > low:   # exact: a size up while that fits too (the estimate was short)
            while size + 1 < top and (bigger := count(size + 1)) is not None:
                size, lines = size + 1, bigger
        else:                   # exact: a size down until it fits (the estimate was long)
            while size > low and lines is None:
                size -= 1
                lines = count(size, whole=size > low)
        if lines is None:
            return None
        return Fit(text, size, lines, math.ceil(lines * size * t.line_height))

    def fit_or_cut(self, text: str, width: int, height: int, t: Type, top: int, low: int) -> Fit | None:
        """``fit``, or when the text does not fit at ``low``: its longest run of whole sentences that does, else of
        whole words (or CJK characters) with an ellipsis. None when not even one word fits."""
        whole = self.fit(text, width, height, t, top, low)
        if whole is not None:
            return whole
        head, _ = self.take(text, width, height, t, top, low, ellipsis=True)
        return self.fit(head, width, height, t, top, low) if head else None

    def take(self, text: str, width: int, height: int, t: Type, top: int, low: int,
             ellipsis: bool = False) -> tuple[str, str]:
        """(what fits the box at ``low`` or more, the rest): whole sentences when at least one fits, else words."""
        if self.fit(text, width, height, t, top, low) is not None:
            return text, ""
        parts = sentences(text)
        count = _longest(len(parts), lambda n: self.fit(join(parts[:n]), width, height, t, top, low) is not None)
        if count:
            return join(parts[:count]), join(parts[count:])
        words = tokens(text)
        mark = ELLIPSIS if ellipsis else ""
        count = _longest(len(words), lambda n: self.fit(_cut(words, n) + mark, width, height, t, top, low)
                         is not None)
        if not count:
            return "", text
        return _cut(words, count) + mark, "".join(words[count:]).strip()

    def block(self, items: list[str], width: int, height: int, t: Type, top: int, low: int,
              gap: float) -> tuple[int, list[int]] | None:
        """One size for a list (bullets): the largest from ``low`` to ``top`` at which every item, each in its own
        box ``width`` wide and ``gap`` ems apart, fits ``height`` together; (size, each item's height) or None."""
        def heights(size, estimate=False):
            return [math.ceil(len(self.measure.spans(item, t, size, t.spacing_px(size), int(width), estimate)[0])
                              * size * t.line_height) for item in items]

        def fits(size, estimate=False):
            return sum(heights(size, estimate)) + round(gap * size) * (len(items) - 1) <= height

        if not items or not fits(low):
            return None
        top = max(low, top)   # searched with estimated widths, then exact a size up or down (as ``fit``)
        size = low + _longest(top - low, lambda n: fits(low + n, estimate=True))
        if fits(size):
            while size < top and fits(size + 1):
                size += 1
        else:
            while size > low and not fits(size):
                size -= 1
        return size, heights(size)


def _longest(n: int, ok) -> int:
    """The largest k in 1..n with ok(k) (ok is monotonic: true up to some k), or 0."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid - 1)
    return lo


def direction(text: str) -> str:
    return base_direction(text)


def is_rtl(text: str) -> bool:
    return base_direction(text) == "rtl"


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (Latin, Arabic and CJK full stops), each stripped."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s and s.strip()]


def join(parts: list[str]) -> str:
    """Sentences back into a paragraph: CJK ones run on, others take a space."""
    out = ""
    for part in parts:
        out += part if not out or _CJK.search(out[-1]) else " " + part
    return out


def tokens(text: str) -> list[str]:
    """Words with their trailing spaces, or single characters in CJK text, so a cut falls between them."""
    return re.findall(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]|[^\s\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+\s*"
                      r"|\s+", text.strip())


def _cut(words: list[str], n: int) -> str:
    return "".join(words[:n]).rstrip(" ,;:-–—、，")
