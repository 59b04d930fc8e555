"""Rows for a batch from an Excel workbook (.xlsx, SPEC section 7): the first sheet or a named one, each cell as
the text a person sees in Excel, read with openpyxl in read-only mode behind limits that stop zip bombs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL

from connector.batches.csvrows import MAX_COLUMNS
from connector.runtime.errors import PayloadTooLarge, ValidationFailed

# A workbook is a ZIP of XML files. Its declared sizes bound what can come out of it (Python's zipfile stops at
# them), so they are checked before openpyxl opens anything: a 1 MB upload must not unpack into gigabytes.
MAX_ENTRIES = 2000
UNPACKED_PER_PACKED_LIMIT = 2   # the unpacked XML may be twice the largest upload a batch takes
_EMPTY_ID = id(EMPTY_CELL)


def _fail(message: str, field: str = "file") -> ValidationFailed:
    return ValidationFailed(message, details={"field": field})


def check_archive(data: bytes, max_unpacked: int) -> None:
    """Refuse a workbook with too many parts, or that would unpack to more than ``max_unpacked`` bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except Exception:   # BadZipFile, and whatever else a mangled directory makes zipfile raise
        raise _fail("file: the Excel workbook is damaged (its ZIP structure cannot be read). Open it in Excel "
                    "and save it again, or export the sheet as CSV.") from None
    if len(entries) > MAX_ENTRIES:
        raise PayloadTooLarge(f"file: the Excel workbook has {len(entries):,} parts; at most {MAX_ENTRIES:,} are "
                              "read. Copy the sheet into a new workbook, or export it as CSV.",
                              details={"field": "file"})
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > max_unpacked:
        raise PayloadTooLarge(f"file: the Excel workbook unpacks to {unpacked / 1e6:,.0f} MB; at most "
                              f"{max_unpacked / 1e6:,.0f} MB are read. Remove other sheets, images and formatting, "
                              "or export the sheet as CSV.", details={"field": "file"})


def read(data: bytes, sheet: str | None, max_unpacked: int,
         max_rows: int) -> tuple[str, list[str], list[list[str]]]:
    """(the sheet's name, its header row, the rows under it as text). The header is the first row that is not
    empty; empty rows are dropped; every row is padded or cut to the width of the used columns."""
    check_archive(data, max_unpacked)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:   # openpyxl raises many kinds (KeyError, ValueError, its own) for a broken workbook
        raise _damaged(exc) from None
    try:
        worksheet = _pick(book, sheet)
        worksheet.reset_dimensions()   # a stated size may be wrong (or A1:XFD1048576): read what is there
        rows = _filled_rows(worksheet, max_rows)
    except ValidationFailed:
        raise
    except Exception as exc:
        raise _damaged(exc) from None
    finally:
        book.close()
    if not rows:
        raise _fail(f"file: the sheet {worksheet.title!r} is empty; it needs a header row and rows under it.")
    width = max(_used(row) for row in rows)
    table = [row[:width] + [""] * (width - len(row)) for row in rows]
    return worksheet.title, table[0], table[1:]


def _filled_rows(worksheet, max_rows: int) -> list[list[str]]:
    """The rows that are not empty, as text, up to ``max_rows`` + 2 (the header, the rows a batch takes, one
    too many: enough to say there are too many). Rows that are empty but formatted cost time to read too, so a
    sheet that goes on far past what a batch takes is refused rather than read to its end."""
    last_row = max(2 * max_rows, max_rows + 10_000)
    rows: list[list[str]] = []
    # Only the columns a batch takes (A to SF) are read: openpyxl pads a row with empty cells up to its last
    # cell, and one formatted cell in column XFD would make every row 16,384 cells long.
    for number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if number > last_row:
            raise _fail(f"file: the sheet {worksheet.title!r} goes on past row {last_row:,} (rows that are empty but "
                        f"formatted count too); a batch takes at most {max_rows:,} rows. Delete the rows under your "
                        "data, or export the sheet as CSV.")
        row = [_text(cell) for cell in _without_padding(cells)]
        if any(row):
            rows.append(row)
            if len(rows) > max_rows + 1:
                break
    return rows


def _without_padding(cells: tuple) -> tuple:
    """``cells`` without the empty cells openpyxl added at the end (found by C-speed counting when, as in most
    rows, every real cell comes first; by identity, as a real cell's ``==`` fails against the empty one)."""
    ids = list(map(id, cells))
    real = len(ids) - ids.count(_EMPTY_ID)
    if real == 0 or ids[real - 1] != _EMPTY_ID and ids[real:].count(_EMPTY_ID) == len(ids) - real:
        return cells[:real]
    end = len(cells)
    while cells[end - 1] is EMPTY_CELL:
        end -= 1
    return cells[:end]


def _damaged(exc: Exception) -> ValidationFailed:
    return _fail(f"file: the Excel workbook cannot be read ({type(exc).__name__}). Open it in Excel and save it "
                 "again as .xlsx, or export the sheet as CSV.")


def _pick(book, sheet: str | None):
    """The sheet named ``sheet`` (letter case and spaces aside), else the first visible one."""
    worksheets = book.worksheets
    if not worksheets:
        raise _fail("file: the Excel workbook has no worksheets (only charts); put the rows on a sheet.")
    if sheet is None or not sheet.strip():
        return next((ws for ws in worksheets if ws.sheet_state == "visible"), worksheets[0])
    wanted = sheet.strip().casefold()
    for ws in worksheets:
        if ws.title.strip().casefold() == wanted:
            return ws
    names = ", ".join(repr(ws.title) for ws in worksheets[:20])
    more = f" and {len(worksheets) - 20} more" if len(worksheets) > 20 else ""
    raise _fail(f"sheet: the workbook has no sheet {sheet!r}; its sheets are {names}{more}.", "sheet")


def _used(row: list[str]) -> int:
    """How many cells of ``row`` count: up to its last one that is not empty."""
    for i in range(len(row), 0, -1):
        if row[i - 1]:
            return i
    return 0


def _text(cell) -> str:
    """A cell as the text Excel shows for it: whole numbers without `.0`, no float noise (0.1 + 0.2 is "0.3"),
    percentages as percentages, dates as YYYY-MM-DD (with the time when there is one), TRUE/FALSE."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, (int, float)):
        number_format = getattr(cell, "number_format", None) or ""
        if number_format.endswith("%"):
            return f"{_number(value * 100)}%"
        return _number(value)
    return str(value)


def _number(value: float | int) -> str:
    if isinstance(value, int) or value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"   # what Excel shows: 15 significant digits
