"""PDF output: page size from dpi, lossless page images, and an invisible text layer a reader can search."""

import io
import re
import sys
from pathlib import Path

import pypdf
import pytest

from renderer import InvalidTemplate, Template, render
from renderer.pdf import glyphless_truetype

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
sys.path.insert(0, str(EXAMPLES))

from render_gallery import load_example, render_example  # noqa: E402

A4 = (595.28, 841.89)   # points
NAME = "Aleksandra Konstantinopoulou-Wiśniewska"


def read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_size(page) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def images(page) -> list:
    xobjects = page["/Resources"]["/XObject"]
    return [xobjects[name].get_object() for name in xobjects]


def text_card(text, **layer):
    return {"width": 1000, "height": 400, "layers": [
        {"type": "text", "name": "t", "x": 50, "y": 50, "width": 900, "height": 300, "text": text, "font_size": 40,
         **layer}]}


@pytest.fixture(scope="module")
def certificate():
    return render_example(load_example("certificate"), {"recipient": NAME}, format="pdf")


def test_the_certificate_is_an_a4_landscape_page(certificate):
    (page,) = read(certificate.data).pages
    assert page_size(page) == pytest.approx((A4[1], A4[0]), abs=0.5)


def test_the_certificate_image_is_lossless_and_sharper_than_72_ppi(certificate):
    (page,) = read(certificate.data).pages
    (image,) = images(page)
    assert image["/Filter"] == "/FlateDecode", "no JPEG: a lossy 72-ppi JPEG blurred the text"
    assert (image["/Width"], image["/Height"]) == (2000, 1414)
    ppi = image["/Width"] / (page_size(page)[0] / 72)
    assert ppi > 170


def test_the_certificate_name_is_searchable(certificate):
    text = read(certificate.data).pages[0].extract_text()
    assert NAME in text
    assert "for successfully completing the course" in text


def test_dpi_sets_the_page_size_and_scale_only_the_resolution():
    template = {"width": 2480, "height": 3508, "dpi": 300, "layers": [{"type": "text", "name": "t", "text": "A4"}]}
    (page,) = read(render(template, format="pdf").data).pages
    assert page_size(page) == pytest.approx(A4, abs=0.1)   # 2480 px at 300 dpi: 209.97 mm
    small = {**template, "width": 620, "height": 877, "dpi": 75}
    (page,) = read(render(small, format="pdf", scale=2).data).pages
    assert page_size(page) == pytest.approx(A4, abs=0.5)
    assert images(page)[0]["/Width"] == 1240


def test_without_dpi_a_px_is_a_point():
    (page,) = read(render(text_card("Hello"), format="pdf").data).pages
    assert page_size(page) == (1000, 400)


@pytest.mark.parametrize("text, font, language", [
    ("Grüße aus Köln — déjà vu", "Noto Sans", ""),
    ("שלום עולם", "Noto Sans Hebrew", "he"),
    ("مرحبا بالعالم", "Noto Sans Arabic", "ar"),
    ("東京で開催される開発者会議へようこそ", "Noto Sans CJK JP", "ja"),
    ("東京タワー🗼の夜景 🚢✨", "Noto Sans CJK JP", "ja"),
])
def test_every_script_is_extracted_as_written(text, font, language):
    result = render(text_card(text, font=font, language=language), format="pdf")
    extracted = read(result.data).pages[0].extract_text()
    assert "".join(text.split()) in "".join(extracted.split())


def test_the_text_layer_sits_on_the_laid_out_lines_and_is_invisible():
    data = render(text_card("first line\nsecond line", valign="top"), format="pdf").data
    seen = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            seen.append((text.strip(), tm[4], tm[5], size))

    read(data).pages[0].extract_text(visitor_text=visit)
    assert [s[0] for s in seen] == ["first line", "second line"]
    (_, x1, y1, size), (_, x2, y2, _) = seen
    assert x1 == pytest.approx(50, abs=2) and x2 == pytest.approx(50, abs=2)
    assert 400 - 50 - 48 < y1 < 400 - 50 and y2 == pytest.approx(y1 - 48, abs=1)   # baselines, line_height 1.2
    assert size == pytest.approx(40)
    assert b"3 Tr" in _content(data), "text render mode 3: invisible, the picture shows the text"


def test_a_rotated_layer_keeps_its_text_searchable():
    data = render(text_card("turned around", rotation=-15, align="center", valign="middle"), format="pdf").data
    assert "turned around" in read(data).pages[0].extract_text()


def test_every_page_of_a_carousel_is_a_page_with_its_own_text():
    reader = read(render_example(load_example("linkedin-carousel"), format="pdf").data)
    assert len(reader.pages) == 5
    texts = [page.extract_text() for page in reader.pages]
    assert all(t.strip() for t in texts) and len(set(texts)) == 5


def test_quality_asks_for_jpeg_and_the_same_render_gives_the_same_bytes():
    card = text_card("Same bytes")
    assert render(card, format="pdf", cache=False).data == render(card, format="pdf", cache=False).data
    (page,) = read(render(card, format="pdf", quality=90).data).pages
    assert images(page)[0]["/Filter"] == "/DCTDecode"


def test_the_glyphless_font_is_a_real_truetype_font():
    from fontTools.ttLib import TTFont
    font = TTFont(io.BytesIO(glyphless_truetype()))
    assert font["hmtx"]["space"] == (500, 0) and font["head"].unitsPerEm == 1000


@pytest.mark.parametrize("value", [0, 5000, "300", True, None])
def test_dpi_is_validated(value):
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict({"width": 10, "height": 10, "dpi": value, "layers": []})
    assert caught.value.path == "dpi"


def test_dpi_round_trips_and_is_left_out_at_its_default():
    assert Template.from_dict({"width": 10, "height": 10, "dpi": 300}).to_dict()["dpi"] == 300
    assert "dpi" not in Template.from_dict({"width": 10, "height": 10}).to_dict()


def _content(data: bytes) -> bytes:
    return read(data).pages[0].get_contents().get_data()


@pytest.mark.parametrize("fmt, compression", [("png", "fast"), ("png", "small"), ("jpeg", "fast")])
def test_a_template_dpi_is_written_into_png_and_jpeg_files(fmt, compression):
    from PIL import Image
    template = {"width": 40, "height": 40, "dpi": 300, "layers": []}
    image = Image.open(io.BytesIO(render(template, format=fmt, png_compression=compression).data))
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
    plain = Image.open(io.BytesIO(render({**template, "dpi": 72}, format=fmt, png_compression=compression).data))
    assert "dpi" not in plain.info or fmt == "jpeg", "no dpi set, none written (the same bytes as before)"


def test_each_word_sits_where_it_was_laid_out():
    """Search hits and selections land on the glyphs: each word starts in the PDF where the layout put it."""
    from renderer.fonts import default_registry
    data = render(text_card("Wide MMMM then narrow iiii words", font="Noto Sans"), format="pdf").data
    content = _content(data).decode("ascii")
    x = float(re.search(r"([-\d.]+) [-\d.]+ Tm", content).group(1))   # the line's start
    starts = {}
    for dx, codes in re.findall(r"([-\d.]+) 0 Td [-\d.]+ Tz <([0-9A-F]+)> Tj", content):
        x += float(dx)
        starts[bytes.fromhex(codes).decode("utf-16-be").strip()] = x
    face, _ = default_registry().match("Noto Sans")
    font = default_registry().font(face, 40)
    assert starts["Wide"] == pytest.approx(50, abs=0.5)
    assert starts["iiii"] == pytest.approx(50 + font.getlength("Wide MMMM then narrow "), abs=1)
    assert starts["words"] == pytest.approx(50 + font.getlength("Wide MMMM then narrow iiii "), abs=1)
