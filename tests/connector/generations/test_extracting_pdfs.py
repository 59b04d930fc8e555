"""Extraction of a PDF: metadata title, reflowed paragraphs, headings and lists, the first sizeable image, errors."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from connector.generations.extracting import ExtractionFailed, from_pdf
from renderer import render

DATA = Path(__file__).resolve().parent / "data"
URL = "https://files.example.org/guide.pdf"


@pytest.fixture(scope="module")
def document():
    return from_pdf((DATA / "document.pdf").read_bytes(), URL)


def pdf_of(text_layers: list[str], width=1000, height=700) -> bytes:
    """A PDF drawn by Platen's renderer: the page is one picture with the text searchable over it."""
    layers = [{"type": "text", "name": f"t{i}", "x": 40, "y": 40 + 110 * i, "width": width - 80, "height": 100,
               "text": text, "font_size": 30} for i, text in enumerate(text_layers)]
    return render({"width": width, "height": height, "layers": layers}, format="pdf", cache=False).data


def test_the_title_and_author_come_from_the_metadata(document):
    assert document.title == "Field Guide to Remote Meetings"
    assert document.author == "Maya Lindqvist" and document.url == URL


def test_paragraphs_are_reflowed_and_dehyphenated(document):
    first = document.sections[0].paragraphs
    assert len(first) == 2
    assert first[0].startswith("Ask anyone who has worked on a distributed team what drains their week and the "
                               "answer rarely involves the work itself.")
    assert first[0].endswith("them easier to schedule and harder to escape.")
    assert "four-person agencies to engineering groups of several hundred" in first[1]
    text = " ".join(p for s in document.sections for p in s.paragraphs)
    assert "\n" not in text and "  " not in text


def test_headings_and_list_items_are_found_and_page_numbers_dropped(document):
    assert [s.heading for s in document.sections] == [None, "Start with the why",
                                                      "Five habits of meetings that end on time",
                                                      "Record decisions, not transcripts"]
    assert document.sections[2].bullets == [
        "Give every meeting a single owner who starts it and ends it.",
        "Put the decision you need at the top of the agenda, not the bottom.",
        "Keep status updates in writing and use the call for questions.",
        "End five minutes early so people can reach their next call.",
        "Close by reading the decisions and owners aloud."]
    assert document.points == document.sections[2].bullets
    assert document.summary == ("Ask anyone who has worked on a distributed team what drains their week and the "
                                "answer rarely involves the work itself.")
    assert not any(p.strip().isdigit() for s in document.sections for p in s.paragraphs)


def test_the_first_sizeable_image_is_kept_and_the_icon_skipped(document):
    assert document.image_data[:3] == b"\xff\xd8\xff"   # the embedded JPEG as it is
    with Image.open(io.BytesIO(document.image_data)) as image:
        assert image.size == (640, 400)
    assert document.image is None


def test_a_pdf_drawn_by_platen_gives_its_text_and_no_page_picture():
    got = from_pdf(pdf_of(["Quarterly report", "Revenue grew in every region this quarter.",
                           "The team shipped three releases."]))
    assert got.title == "Quarterly report"
    assert got.sections[0].paragraphs == ["Revenue grew in every region this quarter.",
                                          "The team shipped three releases."]
    assert got.image_data is None and got.url is None


def test_a_placeholder_metadata_title_gives_way_to_the_first_line():
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_of(["Real title", "Some body text for the page."])))
    writer.add_metadata({"/Title": "Microsoft Word - draft3.docx"})
    out = io.BytesIO()
    writer.write(out)
    assert from_pdf(out.getvalue()).title == "Real title"


def test_a_lossless_image_is_returned_as_png():
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_of(["Title", "Body text here."])))
    swatch = {"width": 300, "height": 200, "background": "#0a78c8", "layers": []}
    stamp = pypdf.PdfReader(io.BytesIO(render(swatch, format="pdf", cache=False).data)).pages[0]   # FlateDecode
    writer.pages[0].merge_transformed_page(stamp, pypdf.Transformation().translate(50, 50))
    out = io.BytesIO()
    writer.write(out)
    got = from_pdf(out.getvalue())
    assert got.image_data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(got.image_data)) as image:
        assert image.size == (300, 200) and image.convert("RGB").getpixel((5, 5)) == (10, 120, 200)


def test_a_password_protected_pdf_is_unreadable():
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_of(["Secret plans"])))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractionFailed) as failed:
        from_pdf(out.getvalue(), URL)
    assert failed.value.code == "input_unreadable"
    assert failed.value.message == f"input_url: the PDF at {URL} is protected by a password; send a copy without one."


def test_a_pdf_with_only_an_owner_password_opens():
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_of(["Open plans", "Anyone may read this."])))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert from_pdf(out.getvalue()).title == "Open plans"


@pytest.mark.parametrize(("data", "says"), [
    (b"<html>not a pdf</html>", "is not a PDF file"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 40, "is damaged and cannot be opened"),
])
def test_a_file_that_is_not_a_readable_pdf_is_unreadable(data, says):
    with pytest.raises(ExtractionFailed) as failed:
        from_pdf(data)
    assert failed.value.code == "input_unreadable"
    assert failed.value.message.startswith(f"file: the PDF {says}")


def test_a_pdf_of_pictures_only_is_unreadable():
    out = io.BytesIO()
    Image.new("RGB", (600, 800), (255, 255, 255)).save(out, "PDF")
    with pytest.raises(ExtractionFailed) as failed:
        from_pdf(out.getvalue(), URL)
    assert failed.value.code == "input_unreadable"
    assert failed.value.message == (f"input_url: the PDF at {URL} has no text Platen can read (a scan is only "
                                    "pictures of text); send a PDF with selectable text, or paste it.")


def test_the_same_pdf_gives_the_same_result(document):
    again = from_pdf((DATA / "document.pdf").read_bytes(), URL)
    assert again == document and again.image_data == document.image_data
