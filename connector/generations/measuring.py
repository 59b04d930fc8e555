"""Measuring: the renderer's own text layout (``renderer.text.layout``) without placing, its answers remembered."""

from __future__ import annotations

import itertools
import math

from renderer.fonts import FontRegistry
from renderer.script import base_direction, transform
from renderer.text import Paragraph, Shaper, itemize, visual_units, wrap
from renderer.text import _shrink as renderer_shrink

NO_LIMIT = 100_000      # the box height (and width) a measurement without a limit uses, as the planner always did


class Memo(dict):
    """A process-wide memo that forgets everything once what it holds weighs ``budget`` (a design refills it)."""

    def __init__(self, budget: int):
        super().__init__()
        self.budget, self.used = budget, 0

    def keep(self, key, value, weight: int = 1):
        if self.used + weight > self.budget:
            self.clear()
            self.used = 0
        self[key] = value
        self.used += weight
        return value


# One generation of an article (og + carousel) keeps ~2,000 lengths, ~15 paragraphs, ~300 line breakings; each
# memo's budget holds several (worst cases, long texts in many fonts: ~8 MB each):
_lengths = Memo(30_000)        # (text, face, rtl, size, language) → raqm's length; entries
_chains = Memo(1_000)          # a fallback chain (its faces) → a number never given again, for the keys below
_numbers = itertools.count(1)
_paragraphs = Memo(250_000)    # (text, chain, case transform, language) → its paragraphs itemized; characters
_spans = Memo(100_000)         # (text, chain, transform, language, size, spacing, width) → (lines, broken); lines
_texts = Memo(100_000)         # the same key → each line's text as drawn (``texts``); lines


class _Size:
    """What the renderer's shrink search reads of a spec: the size it starts from and the floor."""

    def __init__(self, size: float, min_size: float):
        self.size, self.min_size = size, min_size


class _Shaper(Shaper):
    """A ``Shaper`` whose raqm measurements (a text in a face at a size and language; letter spacing is added
    after) are kept for the whole process: a face is its file, so the same key always measures the same."""

    def _plain(self, text: str, face, rtl: bool) -> float:
        key = (text, face, rtl, self.size, self.language)
        found = _lengths.get(key)
        if found is None:
            found = _lengths.keep(key, super()._plain(text, face, rtl))
        return found


REFERENCE = 96          # the size an estimate measures every word at once, then scales (``estimate``)


class _Estimate(Shaper):
    """A ``Shaper`` that measures nothing new: each run's length at ``REFERENCE`` px (measured once, remembered),
    scaled to its size. Hinting makes raqm's lengths at whole sizes not quite proportional, so this only guides
    a size search; the size chosen is then laid out exactly (``Planner.fit``, ``Planner.block``)."""

    def __init__(self, reference: Shaper, size: float, spacing: float, language: str):
        super().__init__(reference.registry, size, spacing, language)
        self.reference, self.scale = reference, size / REFERENCE

    def _plain(self, text: str, face, rtl: bool) -> float:
        return self.reference._plain(text, face, rtl) * self.scale


class Laid:
    """What ``layout`` would find for a text in a box: its size, its lines (logical spans) and whether it was cut."""

    def __init__(self, size: float, lines: list, truncated: bool):
        self.size, self.lines, self.truncated = size, lines, truncated


class Measurer:
    """``layout``'s wrapping and shrink search over the same ``itemize``, ``Paragraph``, ``Shaper`` and ``wrap``,
    with what they compute kept: a text's paragraphs per font, one shaper (its widths) per size and spacing, and
    each paragraph's line breaks per width, for the whole process: what a text measures depends only on the faces
    it is set in (the fallback chain, which this resolves once per design from its registry). Every answer is what
    ``layout`` gives; only the repeats are skipped."""

    def __init__(self, registry: FontRegistry):
        self.registry = registry
        self._chains: dict = {}
        self._shapers: dict = {}

    def chain(self, family: str, weight: int, italic: bool) -> tuple[list, int]:
        """The fallback chain ``layout`` uses for a family, weight and style, and its number in the memos."""
        key = (family, weight, italic)
        found = self._chains.get(key)
        if found is None:
            primary, _ = self.registry.match(family, weight, italic)
            chain = self.registry.fallback_chain(primary)
            faces = tuple(chain)
            number = _chains.get(faces)
            if number is None:
                number = _chains.keep(faces, next(_numbers))
            found = self._chains[key] = (chain, number)
        return found

    def paragraphs(self, text: str, t) -> list[Paragraph]:
        """``text`` as ``layout`` splits and itemizes it in ``t``'s face (its case transform applied)."""
        chain, number = self.chain(t.family, t.weight, t.italic)
        key = (text, number, t.transform, t.language)
        found = _paragraphs.get(key)
        if found is None:
            rtl = base_direction(text) == "rtl"
            found = []
            for raw in transform(text, t.transform).split("\n"):
                kept, faces, _ = itemize(raw, chain, self.registry)
                found.append(Paragraph(kept, faces, rtl, t.language))
            _paragraphs.keep(key, found, len(text) + 1)
        return found

    def shaper(self, size: float, spacing: float, language: str, estimate: bool = False) -> Shaper:
        key = (size, spacing, language, estimate)
        found = self._shapers.get(key)
        if found is None:
            found = self._shapers[key] = _Estimate(self.shaper(REFERENCE, 0.0, language), size, spacing, language) \
                if estimate else _Shaper(self.registry, size, spacing, language)
        return found

    def spans(self, text: str, t, size: float, spacing: float, width: int,
              estimate: bool = False) -> tuple[list, bool]:
        """Every line of ``text`` as (paragraph, start, end), and whether a word had to be broken; with
        ``estimate``, as the words' lengths at ``REFERENCE`` px scaled would break it (a guide, not exact)."""
        key = (text, self.chain(t.family, t.weight, t.italic)[1], t.transform, t.language, size, spacing, width,
               estimate)
        found = _spans.get(key)
        if found is None:
            shaper = self.shaper(size, spacing, t.language, estimate)
            lines, broken = [], False
            for index, par in enumerate(self.paragraphs(text, t)):
                spans, cut = wrap(par, shaper, width)
                broken |= cut
                lines.extend((index, s, e) for s, e in spans)
            found = _spans.keep(key, (lines, broken), len(lines) + 1)
        return found

    def laid(self, text: str, t, width: int, height: int, size: float, low: float, spacing: float,
             max_lines: int | None) -> Laid:
        """``layout`` of a ``shrink`` text box: the size its shrink search lands on, the lines, whether cut."""
        def attempt(at: float):
            lines, broken = self.spans(text, t, at, spacing, width)
            line_px = at * t.line_height
            capacity = math.floor((height + 0.5) / line_px) if line_px > 0 else 0
            if max_lines:
                capacity = min(capacity, max_lines)
            return None, lines, capacity, broken

        _, lines, capacity, broken = attempt(size)
        chosen = size
        if len(lines) > capacity or broken:
            best = renderer_shrink(attempt, _Size(size, low), len(lines), max(capacity, 1))
            if best is None:
                chosen = max(1, math.ceil(low)) if low < size else size
                _, lines, capacity, broken = attempt(chosen)
            else:
                chosen, (_, lines, capacity, broken) = best
        keep = max(capacity, 1)
        return Laid(chosen, lines[:keep], len(lines) > keep)

    def free(self, text: str, t, size: int, width: int) -> Laid:
        """``text`` at ``size`` with no height or line limit, as wide as ``width``."""
        return self.laid(text, t, width, NO_LIMIT, size, size, t.spacing_px(size), None)

    def texts(self, text: str, t, size: int, width: int) -> list[str]:
        """Each line's text as the renderer draws it (its units in visual order), unlimited height."""
        spacing = t.spacing_px(size)
        key = (text, self.chain(t.family, t.weight, t.italic)[1], t.transform, t.language, size, spacing, width)
        found = _texts.get(key)
        if found is None:
            laid = self.free(text, t, size, width)
            shaper = self.shaper(size, spacing, t.language)
            pars = self.paragraphs(text, t)
            found = _texts.keep(key, [  # lines as their units join in visual order (right to left text reordered)
                "".join(u.text for u in visual_units(pars[i], s, e, shaper, False)) for i, s, e in laid.lines],
                len(laid.lines) + 1)
        return list(found)

    def widest(self, text: str, t, size: int) -> float:
        """The widest line's drawn width (letter spacing not after a line's last letter), unlimited box."""
        laid = self.free(text, t, size, NO_LIMIT)
        spacing = t.spacing_px(size)
        shaper = self.shaper(size, spacing, t.language)
        pars = self.paragraphs(text, t)
        widest = 0.0
        for i, s, e in laid.lines:
            units = visual_units(pars[i], s, e, shaper, False)
            if spacing and units and not units[-1].rtl:
                units[-1].width -= spacing
            widest = max(widest, sum(u.width for u in units))
        return widest
