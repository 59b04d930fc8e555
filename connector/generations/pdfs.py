"""A PDF read into ``Extracted`` with pypdf: its first pages' text reflowed into paragraphs, and its first image."""

from __future__ import annotations

import io
import logging
import re
import time

import pypdf
from PIL import Image

from connector.generations.content import Extracted
from connector.generations.outline import Block, ExtractionFailed, clean, sentences, shape, shorten

MAX_PAGES = 30              # pages read
MAX_PDF_TEXT = 60_000       # characters of text kept
IMAGE_PAGES = 5             # pages searched for an image
MIN_IMAGE = 120             # px: smaller images (icons, rules, bullets) are skipped
MAX_IMAGE_SIDE = 2048       # px: a larger image is scaled down to this
MAX_IMAGE_PIXELS = 40_000_000
MAX_TRIES = 12              # images decoded at most while looking for one
# pypdf's text time grows faster than a page's drawing instructions: a page of more is skipped (a 100 KB file can
# hold 75 MB of them, minutes of work), and the pages' text is read for READ_SECONDS at most
MAX_PAGE_CONTENT = 500_000
READ_SECONDS = 15.0

_BULLET = re.compile(r"^(?:[•·▪◦‣⁃●○■□➢➤►▶–—*-]|\d{1,3}[.)]|\(\d{1,3}\))\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
_PLACEHOLDER_TITLE = re.compile(r"^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|"
                                r"pptx?|odt|txt|indd|tex))$", re.I)
log = logging.getLogger(__name__)


def from_pdf(data: bytes, url: str | None = None) -> Extracted:
    """A PDF's text (the first ``MAX_PAGES`` pages), title (its metadata, else its first line), author and first
    image of a reasonable size (``image_data``, PNG or JPEG bytes). ``url``: where it was fetched, if it was."""
    shown = f"the PDF at {url}" if url else "the PDF"
    field = "input_url" if url else "file"
    data = bytes(data or b"")
    if b"%PDF-" not in data[:1024]:
        raise ExtractionFailed("input_unreadable", f"{field}: {shown} is not a PDF file; send a PDF, or the page's "
                                                   "address with input_type \"url\".")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionFailed("input_unreadable", f"{field}: {shown} is protected by a password; send a copy "
                                                       "without one.")
        pages = list(reader.pages)[:MAX_PAGES]
        info = reader.metadata or {}
        meta_title, meta_author = info.get("/Title"), info.get("/Author")
    except ExtractionFailed:
        raise
    except Exception as exc:   # noqa: BLE001 - a damaged file fails in many ways inside the parser
        if "decrypt" in str(exc).lower() or "crypt" in type(exc).__name__.lower():
            raise ExtractionFailed("input_unreadable", f"{field}: {shown} is encrypted in a way Platen cannot "
                                                       "open; send a copy without a password.") from None
        raise ExtractionFailed("input_unreadable", f"{field}: {shown} is damaged and cannot be opened; export it "
                                                   "again and send the new file.") from None
    lines: list[str] = []
    started = time.monotonic()
    for page in pages:
        lines += _page_lines(page) + [""]
        if sum(map(len, lines)) > MAX_PDF_TEXT or time.monotonic() - started > READ_SECONDS:
            break
    blocks = _blocks(lines)
    if blocks and all(b.kind == "heading" for b in blocks):   # short lines only (a form, a one-liner)
        blocks = [Block("paragraph", b.text) for b in blocks]
    if not blocks:
        raise ExtractionFailed("input_unreadable", f"{field}: {shown} has no text Platen can read (a scan is only "
                                                   "pictures of text); send a PDF with selectable text, or paste it.")
    title = _meta_text(meta_title)
    if title and _PLACEHOLDER_TITLE.match(title):
        title = None
    if title and blocks and clean(blocks[0].text).lower() == title.lower():
        blocks = blocks[1:]
    elif not title:
        first = clean(blocks[0].text)
        if blocks[0].kind == "heading" or len(first) <= 120:
            title, blocks = first, blocks[1:]
        else:
            title = shorten(sentences(first)[0], 120)
    return shape(title, blocks, author=_meta_text(meta_author), url=url, image_data=first_image(pages))


def _meta_text(value) -> str | None:
    if value is None:
        return None
    text = clean(str(value))
    return text or None


def _page_lines(page) -> list[str]:
    """A page's text as lines, a blank line where the page leaves a gap (layout mode), page numbers dropped."""
    try:
        contents = page.get_contents()
        if contents is not None and len(contents.get_data()) > MAX_PAGE_CONTENT:
            log.info("a PDF page of %s bytes of drawing was not read for text", len(contents.get_data()))
            return []
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True)
    except Exception:   # noqa: BLE001 - layout mode needs font widths some files lack; plain mode does not
        try:
            text = page.extract_text()
        except Exception:   # noqa: BLE001 - a damaged page: read the others
            log.info("a PDF page's text could not be read", exc_info=True)
            return []
    lines = [re.sub(r"\s{3,}", "  ", line.strip()) for line in (text or "").splitlines()]
    return [line for line in lines if not _PAGE_NUMBER.match(line)]


def _join(lines: list[str]) -> str:
    """Hard-wrapped lines as one paragraph: a word hyphenated at a line's end joined again ("engineer-" "ing")."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif re.search(r"[^\W\d_]-$", out) and line[:1].islower():
            out = out[:-1] + line
        elif _CJK.match(out[-1]) and _CJK.match(line[0]):
            out += line
        else:
            out += " " + line
    return out


def _blocks(lines: list[str]) -> list[Block]:
    """Lines (blank ones between paragraphs) as blocks: list items by their marks, a short single line without
    closing punctuation as a heading, the rest as paragraphs."""
    blocks: list[Block] = []
    group: list[str] = []

    def flush():
        if not group:
            return
        items: list[list[str]] = []
        lead: list[str] = []
        for line in group:
            if _BULLET.match(line):
                items.append([line[_BULLET.match(line).end():]])
            elif items:
                items[-1].append(line)
            else:
                lead.append(line)
        if lead:
            text = _join(lead)
            heading = len(lead) == 1 and len(text) <= 80 and not re.search(r"[.!?,;:。！？、]$", text)
            blocks.append(Block("heading" if heading else "paragraph", text))
        blocks.extend(Block("item", _join(item)) for item in items)
        group.clear()

    for line in lines:
        if line:
            group.append(line)
        else:
            flush()
    flush()
    return blocks


def first_image(pages) -> bytes | None:
    """The first image of at least ``MIN_IMAGE`` px a side on the first pages, as JPEG (kept as embedded) or PNG
    bytes that Pillow opens; a full-page picture (a scan, a page drawn as one image) is not taken. Images are decoded
    one at a time, each drawn object once, one declaring more than ``MAX_IMAGE_PIXELS`` never, and at most
    ``MAX_TRIES`` in all: a small file naming one large image a thousand times does not hold the worker."""
    tried = 0
    for page in pages[:IMAGE_PAGES]:
        try:
            images = page.images
            names = list(images.keys())
            box = page.mediabox
            aspect = float(box.width) / float(box.height) if float(box.height) else 0
        except Exception:   # noqa: BLE001 - a damaged resource dictionary: look on the next page
            continue
        seen: set = set()
        for name in names:
            declared = _declared(page, name)
            if declared is not None:
                ident, pixels = declared
                if ident in seen or pixels > MAX_IMAGE_PIXELS:
                    continue
                seen.add(ident)
            if tried >= MAX_TRIES:
                return None
            tried += 1
            try:
                data = _image_bytes(images[name], aspect)
            except Exception:   # noqa: BLE001 - a filter Pillow or pypdf cannot decode: try the next one
                log.info("a PDF image could not be decoded", exc_info=True)
                continue
            if data:
                return data
    return None


def _declared(page, name) -> tuple[object, int] | None:
    """A page's own image XObject ``name``: (which object it is, the pixels its /Width and /Height declare), read
    without decoding it; None for another kind (inline, inside a form) or a dictionary that cannot be read."""
    try:
        xobjects = page["/Resources"].get_object()["/XObject"].get_object()
        raw = xobjects.raw_get(name) if isinstance(name, str) else None
        if raw is None:
            return None
        image = raw.get_object()
        ident = (raw.idnum, raw.generation) if hasattr(raw, "idnum") else id(image)
        return ident, int(image.get("/Width", 0)) * int(image.get("/Height", 0))
    except Exception:   # noqa: BLE001 - whatever the file holds there, pypdf's own reading decides
        return None


def _image_bytes(found, page_aspect: float) -> bytes | None:
    image = found.image
    width, height = image.size
    if min(width, height) < MIN_IMAGE or width * height > MAX_IMAGE_PIXELS:
        return None
    if page_aspect and abs(width / height - page_aspect) < 0.02 and width >= 600:
        return None   # a page drawn as one picture
    if (found.name or "").lower().endswith((".jpg", ".jpeg")) and image.mode in ("RGB", "L") \
            and max(width, height) <= MAX_IMAGE_SIDE:
        Image.open(io.BytesIO(found.data)).verify()
        return found.data
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "A" in image.mode or image.mode == "P" else "RGB")
    if max(width, height) > MAX_IMAGE_SIDE:
        image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
