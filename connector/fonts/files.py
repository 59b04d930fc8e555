"""Uploaded font files: what they are by their first bytes, how big they unpack, and what they say they are."""

from __future__ import annotations

import io
import os
import tempfile
import zlib

import brotli
from fontTools.misc import sstruct
from fontTools.ttLib import TTFont
from fontTools.ttLib.sfnt import WOFFDirectoryEntry, woffDirectoryFormat, woffDirectorySize
from fontTools.ttLib.woff2 import WOFF2DirectoryEntry, woff2DirectoryFormat, woff2DirectorySize
from PIL import ImageFont

from connector.runtime.errors import ValidationFailed
from renderer.fonts import FontRegistry

_FORMATS = {b"\x00\x01\x00\x00": "ttf", b"true": "ttf", b"OTTO": "otf", b"wOFF": "woff", b"wOF2": "woff2",
            b"ttcf": "ttc"}

def font_format(data: bytes) -> str | None:
    """ttf, otf, woff, woff2 or ttc by the file's first bytes; None for anything else."""
    return _FORMATS.get(bytes(data[:4]))


def check_unpacked_size(filename: str, fmt: str, data: bytes, limit: int) -> None:
    """Refuse a WOFF/WOFF2 whose parts unpack past ``limit`` bytes, before fontTools unpacks them unbounded."""
    if fmt not in ("woff", "woff2"):
        return
    try:
        parts = _packed_parts(fmt, data)
    except Exception:   # a damaged directory: reading the font says so, before unpacking anything
        return
    too_big = ValidationFailed(f"The font file {_named(filename)} unpacks to more than {_size(limit)}, more than a "
                               "font can be.", details={"field": "file"})
    if sum(size for _, size in parts) > limit:
        raise too_big
    for chunk, size in parts:
        try:
            if fmt == "woff2":
                out = brotli.Decompressor().process(chunk, output_buffer_limit=size + 1)
            elif len(chunk) < size:   # WOFF stores a table as is when compressing would not make it smaller
                out = zlib.decompressobj().decompress(chunk, size + 1)
            else:
                continue
        except Exception:   # brotli.error, zlib.error: the full read reports the damage
            return
        if len(out) > size:
            raise too_big


def _packed_parts(fmt: str, data: bytes) -> list[tuple[bytes, int]]:
    """Each compressed part fontTools unpacks on opening the file, with the size it says it unpacks to."""
    stream = io.BytesIO(data)
    if fmt == "woff":   # each table on its own (zlib)
        header = sstruct.unpack(woffDirectoryFormat, stream.read(woffDirectorySize))
        entries = [WOFFDirectoryEntry() for _ in range(header["numTables"])]
        for entry in entries:
            entry.fromFile(stream)
        parts = [(data[e.offset:e.offset + e.length], e.origLength) for e in entries]
    else:   # one brotli stream right after the table directory, where fontTools reads it
        header = sstruct.unpack(woff2DirectoryFormat, stream.read(woff2DirectorySize))
        entries = [WOFF2DirectoryEntry() for _ in range(header["numTables"])]
        for entry in entries:
            entry.fromFile(stream)
        parts = [(stream.read(header["totalCompressedSize"]), sum(e.length for e in entries))]
    if header["metaLength"]:   # the optional XML metadata block, compressed the same way
        start = header["metaOffset"]
        parts.append((data[start:start + header["metaLength"]], header["metaOrigLength"]))
    return parts


def describe_upload(filename: str, fmt: str, data: bytes) -> dict:
    """Family, weight, style and names, read the way renders will read them; ValidationFailed if that fails."""
    named = _named(filename)
    with tempfile.TemporaryDirectory(prefix="platen-font-") as folder:
        path = os.path.join(folder, f"upload.{fmt}")
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            faces = FontRegistry(dirs=(), system=False).add_file(path)
            face = faces[0]
            ImageFont.truetype(face.path, 16, index=face.index)   # FreeType must load what fontTools read
            with TTFont(face.path, lazy=True, fontNumber=face.index) as font:
                name = font["name"]
                family = name.getDebugName(16) or name.getDebugName(1) or ""
                full_name, postscript = name.getDebugName(4) or "", name.getDebugName(6) or ""
        except Exception as exc:   # fontTools and FreeType raise all sorts on damaged files: the file's fault
            reason = str(exc).replace(folder + os.sep, "")
            raise ValidationFailed(f"The upload is not a font file: {named} could not be read ({reason}).",
                                   details={"field": "file"}) from None
    if not family.strip():
        raise ValidationFailed(f"The font {named} has no family name, so templates could not ask for it.",
                               details={"field": "file"})
    return {"family": face.family, "weight": face.weight, "italic": face.italic, "full_name": full_name,
            "postscript_name": postscript}


def _named(filename: str) -> str:
    return f"'{filename}'" if filename else "the upload"


def _size(n: int) -> str:
    mb = 1024 * 1024
    return f"{n / mb:.1f} MB".replace(".0 MB", " MB") if n >= mb else f"{n:,} bytes"
