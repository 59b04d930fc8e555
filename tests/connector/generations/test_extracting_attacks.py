"""Hostile inputs to extraction: PDFs built to hold the worker (one large image named a thousand times, an image
declaring a billion pixels, tens of thousands of pages) and pathological HTML; each read or refused in seconds."""

from __future__ import annotations

import io
import time
import zlib

import pypdf
import pytest
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject, StreamObject

from connector.generations import pages, pdfs
from connector.generations.extracting import ExtractionFailed, from_html, from_pdf
from connector.generations.pdfs import MAX_TRIES

TEXT = b"BT /F1 14 Tf 72 720 Td (Remote work, done well.) Tj 0 -20 Td (Keep a routine and take real breaks.) Tj ET\n"


def image_pdf(width: int, height: int, names: int, data: bytes | None = None) -> bytes:
    """One page of text drawing one grey image XObject under ``names`` names (the same object each time)."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(612, 792)
    image = StreamObject()
    image._data = data if data is not None else zlib.compress(b"\x80" * (width * height), 9)
    image.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
                  NameObject("/Width"): NumberObject(width), NameObject("/Height"): NumberObject(height),
                  NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                  NameObject("/BitsPerComponent"): NumberObject(8), NameObject("/Filter"): NameObject("/FlateDecode")})
    ref = writer._add_object(image)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/XObject"): DictionaryObject({NameObject(f"/Im{i}"): ref for i in range(names)}),
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data(TEXT + b"".join(b"q 200 0 0 200 72 300 cm /Im%d Do Q\n" % i for i in range(names)))
    page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def timed(call, *args):
    started = time.monotonic()
    try:
        return call(*args), time.monotonic() - started
    except ExtractionFailed as exc:
        return exc, time.monotonic() - started


@pytest.fixture
def decoded(monkeypatch) -> list:
    """The images ``first_image`` decodes, as they are decoded."""
    seen: list = []
    real = pdfs._image_bytes

    def counting(found, aspect):
        seen.append(found.name)
        return real(found, aspect)

    monkeypatch.setattr(pdfs, "_image_bytes", counting)
    return seen


def test_one_image_named_a_thousand_times_is_decoded_once(decoded):
    data = image_pdf(2000, 2000, 1000)
    assert len(data) < 100_000
    got, took = timed(from_pdf, data)
    assert len(decoded) == 1 and took < 60, (len(decoded), took)
    assert got.title.startswith("Remote work, done well.") and got.image_data   # the image is still found


def test_an_image_declaring_too_many_pixels_is_not_decoded(decoded):
    data = image_pdf(9000, 9000, 50)   # 81 Mpx, 81 MB of grey: over the limit, never decoded
    got, _ = timed(from_pdf, data)
    assert decoded == []
    assert got.title.startswith("Remote work, done well.") and got.image_data is None


def test_images_that_cannot_be_decoded_are_tried_a_bounded_number_of_times(monkeypatch):
    monkeypatch.setattr(pdfs, "_declared", lambda page, name: None)   # as if each were another object
    tried: list = []
    real = pypdf._page.VirtualListImages.__getitem__
    monkeypatch.setattr(pypdf._page.VirtualListImages, "__getitem__",
                        lambda images, key: tried.append(key) or real(images, key))
    got, _ = timed(from_pdf, image_pdf(500, 500, 300, data=b"not zlib at all" * 10))
    assert got.image_data is None and len(tried) == MAX_TRIES <= 20


def test_fifty_thousand_pages_are_read_in_seconds():
    writer = pypdf.PdfWriter()
    for _ in range(50_000):
        writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    got, took = timed(from_pdf, out.getvalue())
    assert took < 60, took
    assert isinstance(got, ExtractionFailed) and got.code == "input_unreadable"


def drawing_pdf(operators: int, pages: int, text: bytes = b"(word ) Tj") -> bytes:
    """``pages`` pages sharing one compressed content stream of ``operators`` text-showing operators."""
    writer = pypdf.PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 10 Tf 72 720 Td (Title line) Tj 0 -14 Td " + (text + b" 0.5 -0.01 Td ") * operators +
                     b"ET\n")
    ref = writer._add_object(content.flate_encode())
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        page[NameObject("/Contents")] = ref
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_small_file_of_millions_of_drawing_operators_is_not_read_for_minutes(monkeypatch):
    data = drawing_pdf(2_000_000, 30)   # 120 KB of file, 48 MB of instructions a page
    read: list = []
    real = pypdf.PageObject.extract_text
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda page, *a, **k: read.append(1) or real(page, *a, **k))
    got, took = timed(from_pdf, data)
    assert len(data) < 200_000 and read == [] and took < 60, (read, took)
    assert isinstance(got, ExtractionFailed) and got.code == "input_unreadable"


def test_pages_of_blank_text_stop_at_the_reading_time(monkeypatch):
    data = drawing_pdf(20_000, 30, text=b"( ) Tj")   # under the size limit, no text: every page read, ~0.5 s each
    monkeypatch.setattr(pdfs, "READ_SECONDS", 0.0)
    read: list = []
    real = pdfs._page_lines
    monkeypatch.setattr(pdfs, "_page_lines", lambda page: read.append(1) or real(page))
    timed(from_pdf, data)
    assert len(read) == 1


def raw_pdf(*objects: bytes) -> bytes:
    """A PDF of these objects as written (1 0 obj the catalog), with a correct cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


CATALOG, PAGES = b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s >>"


@pytest.mark.parametrize("objects", [
    (CATALOG, b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", PAGE % b""),   # the page tree holds itself
    (CATALOG, PAGES, PAGE % b"/Contents 3 0 R"),                                 # a page drawn by itself
    (CATALOG, PAGES, PAGE % b"/Resources << /XObject << /X 4 0 R >> >> /Contents 5 0 R",
     b"<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X 4 0 R >> >> /Length 6 >>\n"
     b"stream\n/X Do\nendstream", b"<< /Length 6 >>\nstream\n/X Do\nendstream"),   # a form drawing itself
    (CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>", PAGE % b""),  # a billion pages, it says
])
def test_a_pdf_that_loops_on_itself_is_unreadable_at_once(objects):
    got, took = timed(from_pdf, raw_pdf(*objects))
    assert took < 30 and isinstance(got, ExtractionFailed) and got.code == "input_unreadable"


@pytest.mark.parametrize("html", [
    b"<html><body>" + b"<div>" * 1_000_000 + b"<p>deep</p></body></html>",
    b"<html><body>" + b"<ul>" * 100_000 + b"<li>x" * 100_000 + b"</body></html>",
    b"<p>" + b"<b>a</b>" * 300_000,
    b"\x00" * 1_000_000,
    b"<p>" + "\u202e\u0301".encode() * 300_000 + b"</p>",
])
def test_pathological_html_is_read_or_refused_in_seconds(html):
    got, took = timed(from_html, html, "http://example.com/a", "text/html")
    assert took < 90, took
    assert not isinstance(got, ExtractionFailed) or got.code == "input_unreadable"


def test_a_page_of_very_many_elements_skips_trafilaturas_fallbacks(monkeypatch):
    """justext's time grows with the square of the paragraphs: 20,000 tiny ones took 34 s with it, 2 s without."""
    asked: list = []
    real = pages.trafilatura.bare_extraction
    monkeypatch.setattr(pages.trafilatura, "bare_extraction", lambda tree, **kw: asked.append(kw["fast"]) or
                        real(tree, **kw))
    from_html(b"<div><p>a b c.</p></div>" * 20_000, "http://example.com/a", "text/html")
    from_html(b"<article><p>Working from home works when the day has a shape.</p></article>", None, "text/html")
    assert asked == [True, False]
