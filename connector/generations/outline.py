"""Blocks of read text (headings, paragraphs, list items) shaped into ``Extracted``: sections, points, summary."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from connector.generations.content import Extracted, Section

MAX_TITLE = 200       # characters of a title (one line)
MAX_POINT = 160       # characters of a point (one statement on a slide)
MAX_SUMMARY = 300     # characters of a summary
MAX_POINTS = 10
MAX_SECTIONS = 60

# a sentence ends at . ! ? … (then a space) or at 。！？ (no space needed); Arabic ؟ and Urdu ۔ too
_SENTENCE_END = re.compile(r"(?<=[.!?…؟۔])[\"'”’)\]]*\s+(?=\S)|(?<=[。！？])[」』）\"”]*\s*(?=\S)")
_ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "fig.", "approx.",
                  "inc.", "ltd.", "jr.", "sr.", "prof.", "cf.", "al."}
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")   # NUL, bell, escape…: never text (tabs, breaks are space)
# invisible format characters (soft hyphen, zero-width space, direction marks and embeddings, BOM…); not the
# joiners emoji and Persian need, the Arabic letter mark, nor the tag characters of subdivision flags
_INVISIBLE = re.compile("[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                        "\ufff9-\ufffb]")


class ExtractionFailed(ValueError):
    """Input Platen cannot read; ``code`` is the error code, the message one sentence a no-code user can act on."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Block:
    kind: str    # "heading" | "paragraph" | "item"
    text: str


def clean(text: str) -> str:
    """NFC, whitespace collapsed, control characters and invisible format characters dropped (``_INVISIBLE``)."""
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, not after a common abbreviation, an initial or before a lower-case letter."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start:match.start()].rstrip("\"'”’)] ")
        last = head.rsplit(" ", 1)[-1].lower()
        after = text[match.end():match.end() + 1]
        if last in _ABBREVIATIONS or re.fullmatch(r"\w\.", last) or (after.islower() and after.isascii()):
            continue
        out.append(text[start:match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    return out + [rest] if rest else out


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def point(text: str) -> str:
    """A list item, heading or sentence as one statement for a slide: its first sentence when too long."""
    text = text.strip()
    if len(text) > MAX_POINT:
        text = sentences(text)[0]
    return shorten(text, MAX_POINT)


def summarize(paragraphs: list[str]) -> str:
    """The first one or two sentences of the first paragraph (two when they fit in ``MAX_SUMMARY``)."""
    for paragraph in paragraphs:
        found = sentences(paragraph)
        if not found:
            continue
        summary = found[0]
        if len(found) > 1 and len(summary) + len(found[1]) + 1 <= MAX_SUMMARY * 2 // 3:
            summary += ("" if summary[-1] in "。！？" else " ") + found[1]
        return shorten(summary, MAX_SUMMARY)
    return ""


def language(text: str) -> str | None:
    """A guess from the script of the letters: "ar", "he", "ja", "zh", "ko", or None (Latin and the rest)."""
    counts = {"ar": 0, "he": 0, "ja": 0, "zh": 0, "ko": 0, "latin": 0}
    for char in text[:4000]:
        code = ord(char)
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            counts["ar"] += 1
        elif 0x0590 <= code <= 0x05FF:
            counts["he"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["zh"] += 1
        elif 0xAC00 <= code <= 0xD7AF:
            counts["ko"] += 1
        elif char.isalpha():
            counts["latin"] += 1
    if counts["ja"]:
        counts["ja"] += counts["zh"]   # kanji among kana is Japanese
        counts["zh"] = 0
    best = max(sorted(counts), key=lambda k: counts[k])
    return None if best == "latin" or counts[best] == 0 else best


def shape(title: str, blocks: list[Block], *, summary: str | None = None, **meta) -> Extracted:
    """``Extracted`` from a title and the body's blocks in reading order; ``meta``: image, url, author, …"""
    sections: list[Section] = []
    current = Section()
    for block in blocks:
        text = clean(block.text)
        if not text:
            continue
        if block.kind == "heading":
            if current.heading is not None or current.paragraphs or current.bullets:
                sections.append(current)
            current = Section(heading=text)
        elif block.kind == "item":
            current.bullets.append(text)
        else:
            current.paragraphs.append(text)
    if current.heading is not None or current.paragraphs or current.bullets:
        sections.append(current)
    sections = sections[:MAX_SECTIONS]
    title = shorten(clean(title), MAX_TITLE)
    paragraphs = [p for s in sections for p in s.paragraphs]
    summary = shorten(clean(summary), MAX_SUMMARY) if summary and clean(summary) else summarize(paragraphs)
    points = _points(title, summary, sections, paragraphs)
    if "language" not in meta or not meta["language"]:
        meta["language"] = language(" ".join([title, *paragraphs[:5], *points]))
    return Extracted(title=title, summary=summary, points=points, sections=sections, **meta)


def _points(title: str, summary: str, sections: list[Section], paragraphs: list[str]) -> list[str]:
    """List items, else headings, else the first sentence of each paragraph (topped up with the sentences that
    follow when there are fewer than three), leaving out the summary's sentences unless fewer than two would be
    left; never the title, no repeats, at most ``MAX_POINTS``."""
    items = [b for s in sections for b in s.bullets]
    headings = [s.heading for s in sections if s.heading and s.heading != title]
    if len(items) >= 2:
        found = items
    elif len(headings) >= 2:
        found = headings
    else:
        firsts = [sentences(p)[0] for p in paragraphs if sentences(p)]
        rest = [s for p in paragraphs for s in sentences(p)[1:]]
        found = [s for s in firsts if s not in summary]
        if len(found) < 3:
            found += [s for s in rest if s not in summary]
        found = items + (found if len(found) >= 2 else firsts + rest)
    out: list[str] = []
    for text in found:
        text = point(text)
        if text and text != title and text not in out:
            out.append(text)
    return out[:MAX_POINTS]
