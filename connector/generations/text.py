"""A pasted text read into blocks: the title line, Markdown-ish headings and lists, paragraphs."""

from __future__ import annotations

import re
import unicodedata

from connector.generations.content import Extracted
from connector.generations.outline import MAX_TITLE, Block, ExtractionFailed, clean, sentences, shape, shorten

MAX_TEXT = 20_000   # characters of input_content

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+?)\1:?$")
_BULLET = re.compile(r"^(?:[-*+•·▪▫◦‣⁃●○■□➢➤►▶→–—]|[0-9０-９]{1,3}[.)．）、]|\(\d{1,3}\))\s*(?=\S)")
_RULE = re.compile(r"^(?:[-=*_~]\s*){3,}$")
_QUOTE = re.compile(r"^(?:>\s?)+")
_TAGS_ONLY = re.compile(r"^(?:[#@][^\s#@]+[\s,]*)+$")   # a post's closing line of hashtags and mentions
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*(\S+?)(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*[^)\s]+(?:\s+\"[^\"]*\")?\s*\)")
_EMPHASIS = re.compile(r"(\*\*|~~|`|(?<!\w)__|(?<![\w*])\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def inline(text: str) -> str:
    """Markdown's inline marks removed: images, links (their text kept), emphasis and code."""
    text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    for _ in range(2):   # **_nested_**
        text = _EMPHASIS.sub(r"\2", text)
    return text.strip()


def _symbol_bullet(line: str) -> bool:
    """A line led by an emoji or symbol and a space (✅ Do this): a list item when its neighbours are too."""
    return len(line) > 2 and unicodedata.category(line[0]) == "So" and (line[1] == " " or
                                                                       (line[1] == "\ufe0f" and line[2:3] == " "))


def _join(lines: list[str]) -> str:
    """Hard-wrapped lines joined into one paragraph: with a space, or without between two CJK characters."""
    out = ""
    for line in lines:
        if out and not (_CJK.match(out[-1]) and _CJK.match(line[0])):
            out += " "
        out += line
    return out


def blocks_of(text: str) -> tuple[list[Block], list[str]]:
    """The text's blocks in order and the http(s) images its Markdown names."""
    images = [url for url in _IMAGE.findall(text) if url.lower().startswith(("http://", "https://"))]
    blocks: list[Block] = []
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraph: list[str] = []

    def end_paragraph():
        if paragraph:
            blocks.append(Block("paragraph", inline(_join(paragraph))))
            paragraph.clear()

    for index, raw in enumerate(lines):
        line = _QUOTE.sub("", raw.strip()).strip()
        if not line or _TAGS_ONLY.match(line):
            end_paragraph()
            continue
        if _RULE.match(line):
            if line[0] in "=-" and len(paragraph) == 1:   # Setext: the line above is a heading
                blocks.append(Block("heading", inline(paragraph.pop())))
            end_paragraph()
            continue
        heading = _HEADING.match(line) or _BOLD_LINE.match(line)
        if heading:
            end_paragraph()
            blocks.append(Block("heading", inline(heading.group(2))))
            continue
        bullet = _BULLET.match(line)
        neighbours = [lines[i].strip() for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if bullet or (_symbol_bullet(line) and any(_symbol_bullet(n) for n in neighbours)):
            end_paragraph()
            blocks.append(Block("item", inline(line[bullet.end():] if bullet else line)))
            continue
        if raw[:1] in " \t" and blocks and blocks[-1].kind == "item" and not paragraph:
            blocks[-1].text += " " + inline(line)   # an item's continuation line
            continue
        paragraph.append(line)
    end_paragraph()
    return blocks, images


def from_text(text: str) -> Extracted:
    """A pasted text: the first line (or a Markdown heading) is the title, then headings, paragraphs and lists."""
    if not isinstance(text, str) or not text.strip():
        raise ExtractionFailed("input_empty", "input_content is empty: paste the text to design from.")
    if len(text) > MAX_TEXT:
        raise ExtractionFailed("input_too_long", f"input_content is {len(text):,} characters, more than the "
                                                 f"{MAX_TEXT:,} a generation reads: send the first part of it.")
    title, rest = _title(text)
    blocks, images = blocks_of(rest)
    if not title:
        raise ExtractionFailed("input_empty", "input_content has no words to design from: paste the text itself.")
    return shape(title, blocks, image=images[0] if images else None)


def _title(text: str) -> tuple[str, str]:
    """The title and the text after it: the first line with words (its heading or list marks removed); a long
    first line gives its first sentence and keeps the rest."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, raw in enumerate(lines):
        line = raw.strip()
        heading = _HEADING.match(line) or _BOLD_LINE.match(line)
        line = heading.group(2) if heading else line[m.end():] if (m := _BULLET.match(line)) else line
        line = clean(inline(line)) if not _RULE.match(line) else ""
        if not any(c.isalnum() or unicodedata.category(c) == "So" for c in line):
            continue
        rest = "\n".join(lines[index + 1:])
        if heading or len(line) <= MAX_TITLE * 3 // 4:
            return line.rstrip(":："), rest
        first = sentences(line)[0]
        return shorten(first, MAX_TITLE), line[len(first):].strip() + "\n" + rest
    return "", ""
