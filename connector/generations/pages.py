"""A fetched web page read into ``Extracted``: decoded, its main text by trafilatura, its metadata by pagemeta."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura

from connector.generations.content import Extracted
from connector.generations.outline import Block, ExtractionFailed, clean, sentences, shape
from connector.generations.pagemeta import absolute, lead_image, person, read_meta

MAX_HTML = 2_000_000       # characters of a page's HTML read (the fetcher takes at most 5 MB)
MAX_PAGE_TEXT = 60_000     # characters of a page's main text kept
# Platen shows no date, and htmldate's search for one in a page that has none runs every dateparser locale (~2-5 s
# the first time in a process): its extensive search is off.
NO_DATE_SEARCH = {"extensive_search": False, "original_date": False}
# elements past which trafilatura skips its fallbacks (justext's time grows with the square of the paragraphs: a
# 2 MB page of 100,000 tiny ones held a worker for minutes; without them, seconds)
MAX_FULL_TREE = 15_000
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream",
              "binary/octet-stream", "")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_RESIDUE = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")


def from_html(html: bytes, url: str | None, content_type: str | None = None) -> Extracted:
    """A web page as fetched from ``url`` (its final URL: relative links are joined to it). ``content_type``: the
    response's Content-Type, whose charset is used to decode it when present."""
    shown = url or "the page"
    media_type, charset = _content_type(content_type)
    data = html.encode() if isinstance(html, str) else bytes(html or b"")
    if data.lstrip()[:5] == b"%PDF-" or media_type in ("application/pdf", "application/x-pdf"):
        raise ExtractionFailed("input_wrong_type", f"input_url: {shown} is a PDF, not a web page; send it with "
                                                   "input_type \"pdf\".")
    if media_type not in HTML_TYPES:
        raise ExtractionFailed("input_wrong_type", f"input_url: {shown} is {media_type}, not a web page; send the "
                                                   "address of the article itself.")
    text = _XML_DECLARATION.sub("", decode(data, charset))[:MAX_HTML]
    try:
        tree = lxml.html.document_fromstring(text) if text.strip() else None
    except (lxml.etree.ParserError, ValueError):
        tree = None
    if tree is None:
        raise _unreadable(shown)
    meta = read_meta(tree, url)
    fast = sum(1 for _ in tree.iter()) > MAX_FULL_TREE
    document = trafilatura.bare_extraction(tree, url=url, fast=fast, include_images=True, include_tables=False,
                                           include_comments=False, include_links=False, with_metadata=True,
                                           date_extraction_params=NO_DATE_SEARCH)
    blocks, sources, headline = _blocks(document.body if document is not None else None)
    title = meta.title or (document.title if document is not None else None) or headline
    headings = [b.text for b in blocks if b.kind == "heading"]
    title = clean(title or (headings[0] if headings else "") or "")
    if blocks and blocks[0].kind == "heading" and clean(blocks[0].text) == title:
        blocks = blocks[1:]   # the title again, as the first heading
    if not any(b.kind != "heading" for b in blocks):
        if not meta.description:
            raise _unreadable(shown)
        blocks = [Block("paragraph", meta.description)]
    if not title:
        title = sentences(clean(blocks[0].text))[0]
    author = meta.author or _byline(document.author if document is not None else None)
    image = meta.image or lead_image(tree, absolute(url, url), sources)
    return shape(title, blocks, summary=meta.description, image=image, site_name=meta.site_name, author=author,
                 url=meta.url or absolute(url, url), language=meta.language)


def decode(data: bytes, declared: str | None) -> str:
    """The page as text: the declared charset, else a BOM, else a <meta charset>, else UTF-8 when it is, else a
    detected one (charset_normalizer), else Windows-1252."""
    for name in (declared, _bom(data), _meta_charset(data[:4096])):
        if name and _known(name):
            return data.decode(_known(name), errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    return data.decode(best.encoding if best is not None else "cp1252", errors="replace")


def _known(name: str) -> str | None:
    """A charset name Python knows (latin-1 and ascii read as Windows-1252, as browsers do)."""
    try:
        found = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if found in ("latin-1", "iso8859-1", "ascii") else found


def _bom(data: bytes) -> str | None:
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    return None


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _content_type(value: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    if not value:
        return "", None
    media_type, *params = value.split(";")
    charset = next((p.split("=", 1)[1].strip().strip("\"'") for p in params
                    if p.strip().lower().startswith("charset=")), None)
    return media_type.strip().lower(), charset


def _text(element, skip: str | None = None, raw: bool = False) -> str:
    """An element's text, without its ``skip`` descendants (an item's nested list); ``raw``: a line break (<br>)
    kept as a newline, else every run of white space is one space."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != skip:
            parts.append(_text(child, skip, raw=True))
        parts.append(child.tail or "")
    text = _RESIDUE.sub(" ", "".join(parts))
    return text if raw else clean(text)


def _blocks(body) -> tuple[list[Block], list[str], str | None]:
    """trafilatura's body as blocks (headings, paragraphs and quotes — split at an empty line (<br><br>) —, list
    items in order, nested ones after their parent), its images' URLs, and the <h1> before the text (the
    headline, not a section), up to ``MAX_PAGE_TEXT`` characters."""
    blocks: list[Block] = []
    sources: list[str] = []
    headline = None
    if body is None:
        return blocks, sources, headline
    size = 0
    for element in body:
        if size > MAX_PAGE_TEXT:
            break
        if element.tag == "graphic":
            if element.get("src"):
                sources.append(element.get("src"))
            continue
        for graphic in element.iter("graphic"):
            if graphic.get("src"):
                sources.append(graphic.get("src"))
        if element.tag == "list":
            found = [Block("item", _text(item, skip="list")) for item in element.iter("item")]
        elif element.tag == "head" and element.get("rend") == "h1" and not blocks and headline is None:
            headline = _text(element)
            continue
        elif element.tag == "head":
            found = [Block("heading", _text(element))]
        elif element.tag in ("p", "quote"):
            found = [Block("paragraph", clean(part)) for part in re.split(r"\n\s*\n", _text(element, raw=True))]
        else:   # code, tables and the rest are not slide material
            continue
        for block in found:
            if block.text:
                blocks.append(block)
                size += len(block.text)
    return blocks, sources, headline


def _byline(value: str | None) -> str | None:
    """trafilatura's author from a byline, without what follows a separator ("Maya Lindqvist · December 1")."""
    if not value:
        return None
    return person(re.split(r"\s*[·|•,;]\s*|\s+-\s+", value)[0])


def _unreadable(shown: str) -> ExtractionFailed:
    return ExtractionFailed("input_unreadable", f"input_url: the page at {shown} has no readable text; send the "
                                                "article's own address, or paste its text (input_type \"text\").")

