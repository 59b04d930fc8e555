"""PDF output: each page one lossless image at the template's dpi, under an invisible, searchable text layer.

The text layer is the one OCR tools put over scans (Tesseract, OCRmyPDF): every laid-out line is written in text
render mode 3 (invisible) with a glyphless font whose character codes are the text's own UTF-16 code units, and a
ToUnicode map that says so. So any script a PDF reader can search (Latin, Arabic, Hebrew, CJK …) is selectable and
searchable without embedding the real fonts, and the picture is exactly what the PNG shows. Each line is stretched
(Tz) to the width it was laid out at, so a selection covers the words on the page. Characters beyond the Basic
Multilingual Plane (emoji) are left out of the text layer.
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


@dataclass(frozen=True)
class TextLine:
    """One laid-out line on a page, in output pixels: where its baseline starts, how wide and large it is, and the
    rotation of its layer (degrees clockwise about ``centre``)."""

    text: str
    x: float
    baseline: float
    width: float
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
    font_ref = _glyphless_font(doc)
    kids = []
    for page in pages:
        w_px, h_px = page.image.size
        w_pt, h_pt = w_px * points_per_px, h_px * points_per_px
        image_ref = doc.add_stream(*_image(page.image, jpeg_quality))
        content = [f"q {_n(w_pt)} 0 0 {_n(h_pt)} 0 0 cm /Im0 Do Q"]
        content += _text_layer(page.lines, points_per_px, h_pt)
        content_ref = doc.add_stream({}, "\n".join(content).encode("ascii"), compress=True)
        kids.append(doc.add(f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {_n(w_pt)} {_n(h_pt)}] "
                            f"/Resources << /XObject << /Im0 {image_ref} 0 R >> /Font << /F0 {font_ref} 0 R >> >> "
                            f"/Contents {content_ref} 0 R >>"))
    doc.put(pages_ref, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    catalog = doc.add(f"<< /Type /Catalog /Pages {pages_ref} 0 R >>")
    info = doc.add("<< /Producer (Platen) /Creator (Platen) >>")
    return doc.finish(catalog, info)


def _text_layer(lines: list[TextLine], k: float, page_h: float) -> list[str]:
    out = []
    for line in lines:
        units = [ch for ch in line.text if ord(ch) <= 0xFFFF and (ch == " " or ch.isprintable())]
        if not units or line.width <= 0 or line.size <= 0:
            continue
        size = line.size * k
        natural = len(units) * _ADVANCE / _EM * size
        stretch = 100 * line.width * k / natural
        x, y = line.x, line.baseline
        theta = math.radians(line.rotation)
        cos, sin = math.cos(theta), math.sin(theta)
        if line.rotation:   # the layer turns about its box's centre: so does its text's starting point
            cx, cy = line.centre
            x, y = cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos
        hex_text = "".join(f"{ord(ch):04X}" for ch in units)
        out.append(f"BT 3 Tr /F0 {_n(size)} Tf {_n(stretch)} Tz {_n(cos)} {_n(-sin)} {_n(sin)} {_n(cos)} "
                   f"{_n(x * k)} {_n(page_h - y * k)} Tm <{hex_text}> Tj ET")
    return out


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


def _glyphless_font(doc: _Document) -> int:
    """A Type0 font over a CIDFontType2 with one empty glyph: codes are UTF-16 units, all mapped to glyph 1."""
    to_unicode = doc.add_stream({}, _TO_UNICODE, compress=True)
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


def _to_unicode() -> bytes:
    """Code = UTF-16 unit = character; 256 ranges of 256 (a range may vary only in its last byte), surrogates
    left out."""
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256) if not 0xD8 <= hi <= 0xDF]
    blocks = []
    for start in range(0, len(ranges), 100):
        chunk = ranges[start:start + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(blocks) +
            "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")


_TO_UNICODE = _to_unicode()


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
