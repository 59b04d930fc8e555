"""Font files on disk: the faces a file holds (family, weight, style, bitmap strike) and an sfnt copy of a web font."""

from __future__ import annotations

import os
import struct
import threading
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

SFNT_EXTENSIONS = (".ttf", ".otf", ".ttc", ".otc")
WEB_EXTENSIONS = (".woff", ".woff2")
WEB_MAGICS = (b"wOFF", b"wOF2")


@dataclass(frozen=True)
class FontFace:
    """One face of a font file: what matching needs, and what Pillow needs to load it."""

    path: str
    index: int
    family: str
    weight: int
    italic: bool
    bitmap_size: int | None = None  # the one strike size of a bitmap-only (CBDT/sbix) face, else None


def _css_weight(raw: int) -> int:
    if raw <= 0:
        return 400
    if raw < 10:  # some old fonts store 1..9 meaning 100..900
        return raw * 100
    return min(900, max(100, (raw + 50) // 100 * 100))


def _bitmap_size(font: TTFont) -> int | None:
    # Outlines make the face scalable for FreeType whatever bitmaps it also carries.
    if any(tag in font for tag in ("glyf", "CFF ", "CFF2")):
        return None
    # Raw table bytes: decompiling Noto Color Emoji's CBLC alone takes 20 ms, a tenth of a whole system scan.
    sizes = []
    if "CBLC" in font:
        data = font.reader["CBLC"]
        (count,) = struct.unpack_from(">I", data, 4)
        sizes = [data[8 + 48 * i + 45] for i in range(count)]  # BitmapSize record is 48 bytes, ppemY at +45
    elif "sbix" in font:
        data = font.reader["sbix"]
        (count,) = struct.unpack_from(">I", data, 4)
        offsets = struct.unpack_from(f">{count}I", data, 8)
        sizes = [struct.unpack_from(">H", data, off)[0] for off in offsets]
    # The largest strike: the caller scales the drawing down, which looks better than scaling up.
    return max(sizes) if sizes else None


def _describe(font: TTFont, path: str, index: int) -> tuple[FontFace, int]:
    """The face and its OS/2 width class (only used to prefer normal width among otherwise equal faces)."""
    name, head = font["name"], font["head"]
    family = name.getDebugName(16) or name.getDebugName(1) or Path(path).stem
    italic = bool(head.macStyle & 2)
    if "OS/2" in font:
        os2 = font["OS/2"]
        weight, width = _css_weight(os2.usWeightClass), os2.usWidthClass
        italic = italic or bool(os2.fsSelection & 0x201)  # bit 0 italic, bit 9 oblique
    else:
        weight, width = (700 if head.macStyle & 1 else 400), 5
    return FontFace(path, index, family, weight, italic, _bitmap_size(font)), width


def read_faces(path: str) -> list[tuple[FontFace, int]]:
    """Each face of an sfnt file (a collection holds several), with its OS/2 width class."""
    with open(path, "rb") as fh:
        header = fh.read(12)
    count = struct.unpack(">I", header[8:])[0] if header[:4] == b"ttcf" and len(header) == 12 else 1
    faces = []
    for index in range(count):  # fontTools ignores fontNumber outside collections
        with TTFont(path, lazy=True, fontNumber=index) as font:
            faces.append(_describe(font, path, index))
    return faces


def decompress_web_font(path: str) -> str:
    """The path of an sfnt copy of a WOFF/WOFF2 file, converted once, since Pillow's FreeType may lack WOFF2."""
    out = path + ".sfnt"
    if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(path):
        return out
    tmp = f"{out}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        font = TTFont(path)
        font.flavor = None
        font.save(tmp)
        os.replace(tmp, out)  # atomic, so another worker never loads a half-written file
    except OSError:
        raise  # e.g. a read-only directory: not the font's fault
    except Exception as exc:
        raise ValueError(f"not a font file I can read: {path}: {exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out
