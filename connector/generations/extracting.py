"""Extraction: a text, a web page or a PDF read into ``Extracted`` (``text``, ``pages``, ``pdfs`` do the reading)."""

from __future__ import annotations

from dataclasses import replace

from connector.fetch.fetcher import Fetched, UnexpectedType
from connector.generations.outline import ExtractionFailed
from connector.generations.pages import from_html
from connector.generations.pdfs import from_pdf
from connector.generations.text import MAX_TEXT, from_text

__all__ = ["MAX_TEXT", "ExtractionFailed", "fetch", "from_html", "from_pdf", "from_text"]

KINDS = {"url": "page", "pdf": "pdf"}


def fetch(fetcher, url: str, input_type: str) -> Fetched:
    """Fetch a page (``input_type`` "url") or a PDF ("pdf") through the guarded fetcher.

    An answer of the wrong type (a PDF for "url", a page for "pdf", an image) is ``ExtractionFailed``
    ("input_wrong_type"); every other ``FetchError`` (refused by the guard, unreachable, too big, too slow, not 2xx)
    propagates as it is, its message one sentence naming the URL. A page's ``content_type`` keeps its charset
    ("text/html; charset=utf-8") for ``from_html``.
    """
    try:
        fetched = fetcher.get(url, kind=KINDS[input_type])
    except UnexpectedType as exc:
        raise ExtractionFailed("input_wrong_type", wrong_type(str(exc), input_type, exc.content_type)) from None
    if input_type == "url" and fetched.charset:
        return replace(fetched, content_type=f"{fetched.content_type}; charset={fetched.charset}")
    return fetched


def wrong_type(message: str, input_type: str, content_type: str) -> str:
    """The fetcher's message with what to do instead."""
    if input_type == "url" and content_type in ("application/pdf", "application/x-pdf"):
        return f"input_url: {message}; send it with input_type \"pdf\"."
    if input_type == "pdf" and content_type in ("text/html", "application/xhtml+xml"):
        return f"input_url: {message}; send it with input_type \"url\", or the PDF's own address."
    return f"input_url: {message}; send the address of a web page (input_type \"url\") or a PDF (\"pdf\")."
