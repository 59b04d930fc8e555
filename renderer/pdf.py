"""PDF output: each page one lossless image at the template's dpi, under an invisible, searchable text layer.

The text layer is the one OCR tools put over scans (Tesseract, OCRmyPDF): every laid-out line is written in text
render mode 3 (invisible) with a glyphless font whose character codes are the text's own UTF-16 code units, and a
ToUnicode map that says so. So any script a PDF reader can search (Latin, Arabic, Hebrew, CJK …) is selectable and
searchable without embedding the real fonts, and the picture is exactly what the PNG shows. Each word is placed
where it was laid out and stretched (Tz) to its width, so a selection covers the words on the page. Characters
beyond the Basic Multilingual Plane (emoji) borrow private use codes that the ToUnicode map turns back into them.
"""

from __future__ import annotations

import io
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from PIL import Image

from .png import deflate_rows

_EM = 1000
_ADVANCE = 500   # every glyph of the glyphless font is half an em wide; Tz then fits each line to its width
_FIXED_DATE = 0   # font timestamps (seconds since 1904): fixed, so the same render gives the same bytes
# Characters beyond the BMP (emoji) have no 2-byte code of their own: each one in a document borrows a private use
# code, and the ToUnicode map says which character it stands for.
_PRIVATE_START, _PRIVATE_CODES = 0xE000, 0xF900 - 0xE000


@dataclass(frozen=True)
class TextLine:
    """One laid-out line on a page, in output pixels: its words as (text, x, width) in visual order, its
    baseline, its size, and the rotation of its layer (degrees clockwise about ``centre``)."""

    words: tuple[tuple[str, float, float], ...]
    baseline: float
    size: float
    rotation: float = 0.0
    centre: tuple[float, float] = (0.0, 0.0)


@dataclass
class Page:
    image: Image.Image            # RGB
    lines: list[TextLine]


def write_pdf(pages: list[Page], points_per_px: float, jpeg_quality: int | None = None) -> bytes:
    """The PDF: page images Flate-compressed (lossless) unless ``jpeg_quality`` asks for JPEG, one point per
    ``1 / points_per_px`` px."""
    doc = _Document()
    pages_ref = doc.reserve()
    astral = sorted({ch for page in pages for line in page.lines for text, _, _ in line.words for ch in text
                     if ord(ch) > 0xFFFF})[:_PRIVATE_CODES]
    private = {ch: _PRIVATE_START + i for i, ch in enumerate(astral)}
    font_ref = _glyphless_font(doc, private)
    kids = []
    for page in pages:
        w_px, h_px = page.image.size
        w_pt, h_pt = w_px * points_per_px, h_px * points_per_px
        image_ref = doc.add_stream(*_image(page.image, jpeg_quality))
        content = [f"q {_n(w_pt)} 0 0 {_n(h_pt)} 0 0 cm /Im0 Do Q"]
        content += _text_layer(page.lines, points_per_px, h_pt, private)
        content_ref = doc.add_stream({}, "\n".join(content).encode("ascii"), compress=True)
        kids.append(doc.add(f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {_n(w_pt)} {_n(h_pt)}] "
                            f"/Resources << /XObject << /Im0 {image_ref} 0 R >> /Font << /F0 {font_ref} 0 R >> >> "
                            f"/Contents {content_ref} 0 R >>"))
    doc.put(pages_ref, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    catalog = doc.add(f"<< /Type /Catalog /Pages {pages_ref} 0 R >>")
    info = doc.add("<< /Producer (Platen) /Creator (Platen) >>")
    return doc.finish(catalog, info)


def _text_layer(lines: list[TextLine], k: float, page_h: float, private: dict[str, int]) -> list[str]:
    """One text object per line, each word moved to where it was laid out and stretched (Tz) to its laid-out
    width, so a selection or a search hit sits on the glyphs."""
    out = []
    for line in lines:
        words = []
        for text, x, width in line.words:
            codes = _codes(text, private)
            if not codes or width <= 0:
                continue
            if words and not text.strip():   # a stretched gap alone reads as a column break: it joins the word before
                last_codes, last_x, _ = words[-1]
                words[-1] = (last_codes + codes, last_x, x + width - last_x)
            else:
                words.append((codes, x, width))
        if not words or line.size <= 0:
            continue
        if line.rotation % 360:   # readers split a turned line at every move: one string for the whole line
            end = words[-1][1] + words[-1][2]
            words = [("".join(codes for codes, _, _ in words), words[0][1], end - words[0][1])]
        size = line.size * k
        x, y = words[0][1], line.baseline
        theta = math.radians(line.rotation)
        cos, sin = math.cos(theta), math.sin(theta)
        if line.rotation:   # the layer turns about its box's centre: so does its text's starting point
            cx, cy = line.centre
            x, y = cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos
        ops = [f"BT 3 Tr /F0 {_n(size)} Tf {_n(cos)} {_n(-sin)} {_n(sin)} {_n(cos)} {_n(x * k)} "
               f"{_n(page_h - y * k)} Tm"]
        previous = words[0][1]
        for codes, word_x, width in words:
            stretch = 100 * width * k / (len(codes) // 4 * _ADVANCE / _EM * size)
            ops.append(f"{_n((word_x - previous) * k)} 0 Td {_n(stretch)} Tz <{codes}> Tj")
            previous = word_x
        out.append(" ".join(ops) + " ET")
    return out


def _codes(text: str, private: dict[str, int]) -> str:
    """The text as the glyphless font's codes: hex UTF-16 units; a character beyond the BMP (an emoji) a private
    use code that the ToUnicode map turns back into it. Controls and private use characters are left out."""
    out = []
    for ch in text:
        code = private.get(ch, 0x20) if ord(ch) > 0xFFFF else ord(ch)
        if (ch == " " or ch.isprintable()) and not _PRIVATE_START <= ord(ch) < 0xF900:
            out.append(f"{code:04X}")
    return "".join(out)


def _image(image: Image.Image, jpeg_quality: int | None) -> tuple[dict, bytes]:
    w, h = image.size
    head = {"Type": "/XObject", "Subtype": "/Image", "Width": w, "Height": h, "ColorSpace": "/DeviceRGB",
            "BitsPerComponent": 8}
    if jpeg_quality is not None and jpeg_quality < 100:
        buf = io.BytesIO()   # 4:4:4: chroma at full resolution keeps small coloured text sharp
        image.save(buf, "JPEG", quality=jpeg_quality, subsampling=0)
        return {**head, "Filter": "/DCTDecode"}, buf.getvalue()
    params = f"<< /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns {w} >>"
    return {**head, "Filter": "/FlateDecode", "DecodeParms": params}, deflate_rows(image)


def _glyphless_font(doc: _Document, private: dict[str, int]) -> int:
    """A Type0 font over a CIDFontType2 with one empty glyph: codes are UTF-16 units, all mapped to glyph 1."""
    to_unicode = doc.add_stream({}, _to_unicode(private), compress=True)
    cid_to_gid = doc.add_stream({}, b"\x00\x01" * 65536, compress=True)
    font_file = doc.add_stream({"Length1": len(glyphless_truetype())}, glyphless_truetype(), compress=True)
    descriptor = doc.add(f"<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 {_ADVANCE} "
                         f"{_EM}] /ItalicAngle 0 /Ascent {_EM} /Descent 0 /CapHeight {_EM} /StemV 80 "
                         f"/FontFile2 {font_file} 0 R >>")
    cid_font = doc.add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo "
                       f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R "
                       f"/DW {_ADVANCE} /CIDToGIDMap {cid_to_gid} 0 R >>")
    return doc.add(f"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
                   f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>")


@lru_cache(maxsize=1)
def glyphless_truetype() -> bytes:
    """A TrueType font with .notdef and one glyph, both empty and half an em wide (built once, ~1 KB)."""
    fb = FontBuilder(_EM, isTTF=True)
    names = [".notdef", "space"]
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({0x20: "space"})
    empty = TTGlyphPen(None).glyph()
    fb.setupGlyf({name: empty for name in names})
    fb.setupHorizontalMetrics({name: (_ADVANCE, 0) for name in names})
    fb.setupHorizontalHeader(ascent=_EM, descent=0)
    fb.setupNameTable({"familyName": "GlyphLessFont", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=_EM, sTypoDescender=0, usWinAscent=_EM, usWinDescent=0)
    fb.setupPost()
    fb.setupHead(unitsPerEm=_EM, created=_FIXED_DATE, modified=_FIXED_DATE)
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


def _to_unicode(private: dict[str, int]) -> bytes:
    """Code = UTF-16 unit = character, in ranges of 256 (a range may vary only in its last byte), surrogates and
    the private use area left out; then each private use code this document gave a character beyond the BMP."""
    blocks = list(_RANGE_BLOCKS)
    pairs = [f"<{code:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, code in private.items()]
    for start in range(0, len(pairs), 100):
        chunk = pairs[start:start + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(blocks) +
            "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")


def _range_blocks() -> list[str]:
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256)
              if not 0xD8 <= hi <= 0xDF and not 0xE0 <= hi <= 0xF8]
    return [f"{len(ranges[i:i + 100])} beginbfrange\n" + "\n".join(ranges[i:i + 100]) + "\nendbfrange"
            for i in range(0, len(ranges), 100)]


_RANGE_BLOCKS = _range_blocks()


def _n(value: float) -> str:
    """A PDF number: at most 4 decimals, no exponent, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Document:
    """Numbered objects written in order, then the cross-reference table that lets readers find them."""

    def __init__(self):
        self._objects: dict[int, bytes] = {}
        self._next = 1

    def reserve(self) -> int:
        number, self._next = self._next, self._next + 1
        return number

    def put(self, number: int, body: str | bytes) -> None:
        self._objects[number] = body.encode("ascii") if isinstance(body, str) else body

    def add(self, body: str | bytes) -> int:
        number = self.reserve()
        self.put(number, body)
        return number

    def add_stream(self, head: dict, data: bytes, compress: bool = False) -> int:
        if compress:
            data = zlib.compress(data, 6)
            head = {**head, "Filter": "/FlateDecode"}
        entries = " ".join(f"/{key} {value}" for key, value in {**head, "Length": len(data)}.items())
        return self.add(b"<< " + entries.encode("ascii") + b" >>\nstream\n" + data + b"\nendstream")

    def finish(self, catalog: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in range(1, self._next):
            offsets[number] = len(out)
            out += f"{number} 0 obj\n".encode("ascii") + self._objects[number] + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {self._next}\n0000000000 65535 f \n".encode("ascii")
        out += b"".join(f"{offsets[n]:010d} 00000 n \n".encode("ascii") for n in range(1, self._next))
        out += (f"trailer\n<< /Size {self._next} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n"
                "%%EOF\n").encode("ascii")
        return bytes(out)
