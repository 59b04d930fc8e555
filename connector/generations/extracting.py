"""Extraction: a text, a web page or a PDF read into ``Extracted`` (first cut: text only; pages and PDFs to come)."""

from __future__ import annotations

import re

from connector.generations.content import Extracted, Section

MAX_TEXT = 20_000   # characters of input_content


class ExtractionFailed(ValueError):
    """Input Platen cannot read; ``code`` is the error code, the message one sentence a no-code user can act on."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def from_text(text: str) -> Extracted:
    """A pasted text: the first line is the title, then paragraphs (blank-line separated) and list items."""
    lines = [line.strip() for line in (text or "").strip().splitlines()]
    if not lines or not lines[0]:
        raise ExtractionFailed("input_empty", "input_content is empty: paste the text to design from.")
    title = re.sub(r"^#+\s*", "", lines[0])
    section, paragraphs = Section(), []
    for line in lines[1:]:
        if not line:
            continue
        if re.match(r"^([-*•]|\d+[.)])\s+", line):
            section.bullets.append(re.sub(r"^([-*•]|\d+[.)])\s+", "", line))
        else:
            section.paragraphs.append(line)
            paragraphs.append(line)
    summary = paragraphs[0] if paragraphs else ""
    return Extracted(title=title, summary=summary, points=list(section.bullets) or paragraphs[1:6],
                     sections=[section])


def from_html(html: bytes, url: str, content_type: str | None = None) -> Extracted:
    """A web page as fetched from ``url`` (relative links joined to it)."""
    raise ExtractionFailed("input_unreadable", "Reading web pages is not built yet.")


def from_pdf(data: bytes, url: str | None = None) -> Extracted:
    """A PDF's text and its first image (``image_data``)."""
    raise ExtractionFailed("input_unreadable", "Reading PDFs is not built yet.")


def fetch(fetcher, url: str, input_type: str):
    """Fetch a page (``input_type`` "url") or a PDF ("pdf") through the guarded fetcher; ``Fetched``."""
    return fetcher.get(url, kind="image")
