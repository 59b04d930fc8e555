"""Unicode facts text layout needs: direction of characters, line-break opportunities, emoji, joiners."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import budoux

# Kinsoku: characters that must not start a line, and ones that must not end one (Japanese and Chinese rules,
# plus their ASCII cousins).
NO_BREAK_BEFORE = frozenset("、。，．・：；？！ー）」』】〉》〕］｝ぁぃぅぇぉっゃゅょゎ"
                            "ァィゥェォッャュョヮヵヶ々〜…‥,.!?;:)]}%")
NO_BREAK_AFTER = frozenset("（「『【〈《〔［｛([{¥$£€#")
BREAK_AFTER = frozenset("-–—/")
ZWJ = "\u200d"


@lru_cache(maxsize=4096)
def strong_direction(ch: str) -> str:
    """'ltr', 'rtl', 'num' (digits: a left-to-right island inside right-to-left text) or '' (neutral)."""
    kind = unicodedata.bidirectional(ch)
    if kind == "L":
        return "ltr"
    if kind in ("R", "AL"):
        return "rtl"
    if kind in ("EN", "AN"):
        return "num"
    return ""


def base_direction(text: str, default: str = "ltr") -> str:
    """The paragraph's direction: that of its first strong character (Unicode rules P2/P3)."""
    for ch in text:
        direction = strong_direction(ch)
        if direction in ("ltr", "rtl"):
            return direction
    return default


@lru_cache(maxsize=4096)
def is_cjk(ch: str) -> bool:
    """Scripts written without spaces, where a line may break between any two characters."""
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
            or 0x20000 <= cp <= 0x2FFFF or 0x3000 <= cp <= 0x303F)


@lru_cache(maxsize=4096)
def attaches(ch: str) -> bool:
    """Characters that belong to the one before them: marks, joiners, variation selectors, skin tones, tags."""
    cp = ord(ch)
    if ch == ZWJ or 0xFE00 <= cp <= 0xFE0F or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
        return True
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


@lru_cache(maxsize=4096)
def is_emoji(ch: str) -> bool:
    """Pictographs drawn from the colour emoji font even when a text font also has a (monochrome) glyph."""
    cp = ord(ch)
    return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x1F1E6 <= cp <= 0x1F1FF


@lru_cache(maxsize=4096)
def invisible(ch: str) -> bool:
    """Control and format characters that draw nothing (and must not count as a missing glyph)."""
    return unicodedata.category(ch) in ("Cc", "Cf") and not attaches(ch)


def break_opportunities(text: str) -> list[int]:
    """Indices i where a line may break before text[i] (0 < i < len(text)), in order."""
    out = []
    for i in range(1, len(text)):
        prev, cur = text[i - 1], text[i]
        if cur.isspace() or attaches(cur) or prev == ZWJ:
            continue
        if prev.isspace():
            out.append(i)
        elif (is_cjk(prev) or is_cjk(cur)) and cur not in NO_BREAK_BEFORE and prev not in NO_BREAK_AFTER:
            out.append(i)
        elif prev in BREAK_AFTER and i >= 2 and text[i - 2].isalnum() and cur.isalnum():
            out.append(i)
    return out


def is_thai(ch: str) -> bool:
    return 0x0E00 <= ord(ch) <= 0x0E7F


def thai_breaks(text: str) -> list[int]:
    """Where a line may break inside Thai, which has no spaces between words (BudouX's Thai phrases)."""
    if not any(is_thai(ch) for ch in text):
        return []
    out, at = [], 0
    for phrase in _parser("th").parse(text)[:-1]:
        at += len(phrase)
        prev, cur = text[at - 1], text[at]
        if (is_thai(prev) or is_thai(cur)) and not (prev.isspace() or cur.isspace() or attaches(cur)):
            out.append(at)
    return out


def phrase_breaks(text: str, language: str, opportunities: list[int]) -> list[int]:
    """The opportunities a line should prefer: every one outside CJK, and inside CJK only between phrases.

    Japanese and Chinese have no spaces, so a line may break between any two characters, but breaking inside a
    word (オ|フ) reads badly; BudouX (Google's phrase segmenter, used by Chrome) says where the phrases end.
    """
    parser = _phrase_parser(language, text)
    if parser is None:
        return opportunities
    ends, at = set(), 0
    for phrase in parser.parse(text):
        at += len(phrase)
        ends.add(at)
    return [i for i in opportunities if i in ends or not _cjk_only(text, i)]


def _cjk_only(text: str, i: int) -> bool:
    """Whether the break before text[i] exists only because CJK allows breaking between any two characters."""
    prev, cur = text[i - 1], text[i]
    return not prev.isspace() and prev not in BREAK_AFTER and (is_cjk(prev) or is_cjk(cur))


def _phrase_parser(language: str, text: str):
    tag = language.lower()
    if not tag:
        if any(0x3040 <= ord(ch) <= 0x30FF for ch in text):   # kana: Japanese
            tag = "ja"
        elif any(is_cjk(ch) for ch in text):
            tag = "zh"
        else:
            return None
    if tag.startswith("ja"):
        return _parser("ja")
    if tag.startswith("zh"):
        traditional = any(mark in tag for mark in ("hant", "-tw", "-hk", "-mo"))
        return _parser("zh-hant" if traditional else "zh-hans")
    return None


@lru_cache(maxsize=4)
def _parser(which: str):
    return {"ja": budoux.load_default_japanese_parser, "zh-hans": budoux.load_default_simplified_chinese_parser,
            "zh-hant": budoux.load_default_traditional_chinese_parser,
            "th": budoux.load_default_thai_parser}[which]()


def grapheme_starts(text: str) -> list[int]:
    """Indices where a user-perceived character starts (approximately: a non-attaching character)."""
    return [i for i, ch in enumerate(text) if i == 0 or not (attaches(ch) or text[i - 1] == ZWJ)]


def transform(text: str, how: str) -> str:
    if how == "uppercase":
        return text.upper()
    if how == "lowercase":
        return text.lower()
    if how == "capitalize":
        return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
    return text
