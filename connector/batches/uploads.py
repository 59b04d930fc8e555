"""A batch's uploaded file: what it is, told by its bytes (not its name), and its rows, from a CSV or an Excel
workbook. Anything else is refused with a message that names what was sent."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from connector.batches import csvrows, xlsxrows
from connector.runtime.errors import UnsupportedMediaType
from renderer import Template

_ASK = "upload a CSV or an Excel .xlsx workbook"
_SAVE_AS_XLSX = "in Excel use File → Save As → Excel Workbook (.xlsx), and upload that"


@dataclass
class Upload:
    """What a batch keeps of its file: the columns, which field each fills, the rows, and how to write them back."""

    source: str          # csv | xlsx
    columns: list[str]
    mapping: dict[str, str]
    rows: list[dict]
    delimiter: str = ","
    sheet: str | None = None   # the sheet of a workbook that was read


def read(data: bytes, filename: str, template: Template, mapping: dict | None, *, sheet: str | None,
         max_rows: int, max_bytes: int, require_match: bool = True) -> Upload:
    """The rows of an uploaded CSV or .xlsx (``sheet``: which sheet of a workbook; the first by default).
    ``require_match=False``: no column matching a field is not an error (a preview, before mapping by hand)."""
    if kind_of(data, filename) == "xlsx":
        max_unpacked = max_bytes * xlsxrows.UNPACKED_PER_PACKED_LIMIT
        title, header, lines = xlsxrows.read(data, sheet, max_unpacked, max_rows)
        columns, matched, rows = csvrows.table(header, lines, template, mapping, max_rows, f"the sheet {title!r}",
                                               require_match=require_match)
        return Upload("xlsx", columns, matched, rows, sheet=title)
    columns, matched, rows, delimiter = csvrows.parse(data, template, mapping, max_rows, require_match)
    return Upload("csv", columns, matched, rows, delimiter)


def kind_of(data: bytes, filename: str = "") -> str:
    """``csv`` or ``xlsx``, from the first bytes; any other kind of file is a 415 that says what it is."""
    head = data[:4096]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, filename)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            _refuse(what(filename) if callable(what) else what)
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        _refuse("a WebP image")
    if head[4:8] == b"ftyp":
        _refuse("a photo or video (HEIC, MP4 or MOV)")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        _refuse(f"not text but binary data{_named(filename)}")
    return "csv"


def _ole_file(filename: str) -> str:
    if filename.lower().endswith((".xlsx", ".xlsm")):   # Excel wraps a password-protected workbook this way
        _refuse("a password-protected Excel workbook", "remove the password (Excel: File → Info → Protect Workbook "
                "→ Encrypt with Password, and clear it), save, and upload it again")
    if filename.lower().endswith(".xls"):
        _refuse("an Excel 97–2003 workbook (.xls)", _SAVE_AS_XLSX)
    return "an old-format Microsoft Office file (Office 97–2003: .xls, .doc or .ppt)"


_MAGIC = [
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _ole_file),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", "a Rich Text document (.rtf)"),
    (b"bplist", "an Apple property list"),
]


def _zip_kind(data: bytes, filename: str) -> str:
    """An .xlsx (or .xlsm) is a ZIP with a workbook part; so are many other kinds of file, each named here."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = _head(archive, "mimetype", 100).decode("ascii", "replace") if "mimetype" in names else ""
            types = _head(archive, "[Content_Types].xml", 65536) if "[Content_Types].xml" in names else b""
    except Exception:   # BadZipFile, and whatever else a mangled archive makes zipfile raise (zlib, EOF, …)
        _refuse(f"a damaged ZIP archive{_named(filename)}")
    if "xl/workbook.xml" in names or b"spreadsheetml.sheet.main" in types or b"sheet.macroEnabled.main" in types:
        return "xlsx"
    if "xl/workbook.bin" in names:
        _refuse("an Excel binary workbook (.xlsb)", _SAVE_AS_XLSX)
    if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        _refuse("an OpenDocument spreadsheet (.ods)", "save it as Excel Workbook (.xlsx) or CSV, and upload that")
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        _refuse("an OpenDocument file (LibreOffice or OpenOffice), not a spreadsheet")
    if any(name.startswith("Index/") or name == "Index.zip" for name in names):
        _refuse("an Apple Numbers document", "in Numbers use File → Export To → Excel or CSV, and upload that")
    if "word/document.xml" in names:
        _refuse("a Word document (.docx)")
    if any(name.startswith("ppt/") for name in names):
        _refuse("a PowerPoint presentation (.pptx)")
    _refuse(f"a ZIP archive{_named(filename)}", f"{_ASK}, not zipped")
    raise AssertionError("unreachable")


def _head(archive: zipfile.ZipFile, name: str, size: int) -> bytes:
    """The first ``size`` bytes of a part: this runs before ``xlsxrows.check_archive``, so a part declared (and
    packed) to unpack into gigabytes must not be unpacked whole."""
    with archive.open(name) as part:
        return part.read(size)


def _named(filename: str) -> str:
    return f" ({filename[:100]})" if filename else ""


def _refuse(what: str, hint: str = _ASK) -> None:
    raise UnsupportedMediaType(f"file: that file is {what}; {hint}.", details={"field": "file"})
