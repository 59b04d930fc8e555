"""Batches from Excel workbooks over HTTP (SPEC section 7): sheets, cell values as Excel shows them, limits that
stop zip bombs, and every other kind of file named in plain words."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tracemalloc
import zipfile

import openpyxl
import pytest

from tests.actions.batch_support import drain, post_csv
from tests.conftest import Caller, assert_envelope


def workbook(*sheets: tuple[str, list[list]], hidden: tuple[str, ...] = ()) -> bytes:
    """An .xlsx made by openpyxl, as Excel would save it: one sheet per ``(title, rows)``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def stored_fields(client, conn, caller, batch_id) -> list[dict]:
    renders = client.get(f"/api/v1/batches/{batch_id}/renders", headers=caller.headers).get_json()
    return [conn.render_store.load(r["id"]).fields for r in renders]


def test_an_xlsx_batch_reads_the_first_sheet_as_excel_shows_it(client, conn, alice, template_id):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["Headline", "Badge", "Day", "Price", "Share", "Paid", "Notes"])
    sheet.append(["First", "#ff0000", dt.date(2026, 12, 6), 3.0, 0.25, True, None])
    sheet.append(["Second", None, dt.datetime(2026, 12, 6, 14, 30), 0.1 + 0.2, 0.125, False, "x"])
    sheet.append([])
    sheet.append([42, "#00ff00", dt.time(9, 5), 1234567, None, None, None])
    sheet["E2"].number_format = sheet["E3"].number_format = "0%"
    for _ in range(5):
        sheet.append([None] * 7)   # empty rows at the end, as a formatted sheet has
    other = book.create_sheet("Other")
    other.append(["title"])
    other.append(["from the other sheet"])
    buffer = io.BytesIO()
    book.save(buffer)
    answer = post_csv(client, alice, template_id, buffer.getvalue(), mapping=json.dumps({"Headline": "title"}))
    assert answer.status_code == 202, answer.get_json()
    batch = answer.get_json()
    assert batch["total"] == 3, "the empty row between and the empty rows at the end are skipped"
    assert batch["ignored_columns"] == ["Day", "Price", "Share", "Paid", "Notes"]
    drain(conn)
    assert stored_fields(client, conn, alice, batch["id"]) == [
        {"title": "First", "badge": "#ff0000"}, {"title": "Second"}, {"title": "42", "badge": "#00ff00"}]
    results = client.get(f"/api/v1/batches/{batch['id']}/results.csv", headers=alice.headers)
    table = list(csv.DictReader(io.StringIO(results.get_data(as_text=True).lstrip("\ufeff"))))
    assert [{k: row[k] for k in ("Headline", "Day", "Price", "Share", "Paid", "Notes", "status")} for row in table] \
        == [{"Headline": "First", "Day": "2026-12-06", "Price": "3", "Share": "25%", "Paid": "TRUE", "Notes": "",
             "status": "completed"},
            {"Headline": "Second", "Day": "2026-12-06 14:30", "Price": "0.3", "Share": "12.5%", "Paid": "FALSE",
             "Notes": "x", "status": "completed"},
            {"Headline": "42", "Day": "09:05", "Price": "1234567", "Share": "", "Paid": "", "Notes": "",
             "status": "completed"}]


def test_the_sheet_field_picks_a_sheet_by_name(client, conn, alice, template_id):
    data = workbook(("Summary", [["Total"], [3]]), ("June orders", [["title"], ["June 1"], ["June 2"]]))
    answer = post_csv(client, alice, template_id, data, sheet="june ORDERS ")
    assert answer.status_code == 202, answer.get_json()
    drain(conn)
    assert stored_fields(client, conn, alice, answer.get_json()["id"]) == [{"title": "June 1"}, {"title": "June 2"}]


def test_without_a_sheet_the_first_visible_one_is_read(client, conn, alice, template_id):
    data = workbook(("Lookup", [["code"], ["x"]]), ("Rows", [[None], ["title"], ["Hello"]]), hidden=("Lookup",))
    answer = post_csv(client, alice, template_id, data)
    assert answer.status_code == 202, answer.get_json()
    drain(conn)
    assert stored_fields(client, conn, alice, answer.get_json()["id"]) == [{"title": "Hello"}], \
        "an empty first row is skipped: the header is the first row with something in it"


def test_a_sheet_that_is_not_there_is_a_422_naming_the_sheets(client, alice, template_id):
    data = workbook(("Orders", [["title"], ["a"]]), ("Archive 2025", [["title"], ["b"]]))
    body = assert_envelope(post_csv(client, alice, template_id, data, sheet="Juni"), 422, "validation_failed")
    assert body["message"] == "sheet: the workbook has no sheet 'Juni'; its sheets are 'Orders', 'Archive 2025'."
    assert body["details"] == {"field": "sheet"}
    many = workbook(*[(f"Week {n}", [["title"], ["a"]]) for n in range(1, 31)])
    body = assert_envelope(post_csv(client, alice, template_id, many, sheet="Juni"), 422, "validation_failed")
    assert body["message"].endswith("'Week 19', 'Week 20' and 10 more.")


def test_the_kind_is_told_by_the_content_not_the_name(client, conn, alice, template_id):
    as_csv = post_csv(client, alice, template_id, workbook(("S", [["title"], ["from xlsx"]])))   # named rows.csv
    data = {"template_id": template_id, "file": (io.BytesIO(b"title\nfrom csv\n"), "rows.xlsx")}
    as_xlsx = client.post("/api/v1/batches", data=data, headers=alice.headers, content_type="multipart/form-data")
    assert as_csv.status_code == as_xlsx.status_code == 202
    drain(conn)
    assert stored_fields(client, conn, alice, as_csv.get_json()["id"]) == [{"title": "from xlsx"}]
    assert stored_fields(client, conn, alice, as_xlsx.get_json()["id"]) == [{"title": "from csv"}]


@pytest.mark.parametrize("rows, words", [
    ([["name", "price"], ["A", 1]], "none of the sheet 'S''s columns ('name', 'price')"),
    ([["title", "title"], ["A", "B"]], "more than once"),
    ([["title"]], "the sheet 'S' has a header but no rows"),
    ([], "the sheet 'S' is empty"),
])
def test_bad_sheets_are_422_with_a_reason(client, alice, template_id, rows, words):
    body = assert_envelope(post_csv(client, alice, template_id, workbook(("S", rows))), 422, "validation_failed")
    assert words in body["message"], body["message"]


def test_a_mapping_naming_a_missing_column_names_the_sheet(client, alice, template_id):
    data = workbook(("S", [["Headline"], ["A"]]))
    body = assert_envelope(post_csv(client, alice, template_id, data, mapping=json.dumps({"Heading": "title"})), 422,
                           "validation_failed")
    assert body["message"] == "mapping: the sheet 'S' has no column 'Heading'; its columns are 'Headline'."


def test_the_row_limit_counts_a_sheets_rows(make_app, template_id):
    app = make_app(batch_max_rows=3)
    client, caller = app.test_client(), Caller(app.extensions["platen"], "Ann")
    tid = client.post("/api/v1/templates", json={"name": "t", "width": 10, "height": 10, "layers": [
        {"type": "text", "name": "title", "text": "x"}]}, headers=caller.headers).get_json()["id"]
    rows = [["title"]] + [[f"row {i}"] for i in range(5000)]
    body = assert_envelope(post_csv(client, caller, tid, workbook(("S", rows))), 422, "validation_failed")
    assert "more than 3 rows" in body["message"]
    assert post_csv(client, caller, tid, workbook(("S", rows[:4]))).status_code == 202


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _with(data: bytes, extra: dict[str, bytes]) -> bytes:
    """A real workbook plus more parts."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    return _zip({**entries, **extra})


def test_zip_bombs_are_refused_before_they_are_unpacked(make_app):
    app = make_app(csv_max_bytes=1024 * 1024)   # a workbook may then unpack to 2 MB
    client, caller = app.test_client(), Caller(app.extensions["platen"], "Ann")
    tid = client.post("/api/v1/templates", json={"name": "t", "width": 10, "height": 10, "layers": [
        {"type": "text", "name": "title", "text": "x"}]}, headers=caller.headers).get_json()["id"]
    real = workbook(("S", [["title"], ["a"]]))
    bomb = _with(real, {"xl/media/image1.png": b"\0" * (50 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024, "50 MB of zeros packs into a small upload"
    body = assert_envelope(post_csv(client, caller, tid, bomb), 413, "payload_too_large")
    assert "unpacks to 52 MB; at most 2 MB are read" in body["message"]
    many = _with(real, {f"xl/media/{i}.bin": b"" for i in range(3000)})
    body = assert_envelope(post_csv(client, caller, tid, many), 413, "payload_too_large")
    assert "3,009 parts" in body["message"]
    assert post_csv(client, caller, tid, real).status_code == 202


def test_a_bomb_in_the_part_that_tells_the_kind_is_not_unpacked_either(client, alice, template_id):
    # The kind of file is told (from [Content_Types].xml) before the workbook's sizes are checked: that look must
    # read only the part's first bytes, or 64 MB of spaces packed into a tiny upload fill the web process's memory.
    real = workbook(("S", [["title"], ["a"]]))
    with zipfile.ZipFile(io.BytesIO(real)) as archive:
        types = archive.read("[Content_Types].xml")
    bomb = _with(real, {"[Content_Types].xml": types + b" " * (64 * 1024 * 1024)})
    assert len(bomb) < 200 * 1024
    tracemalloc.start()
    try:
        answer = post_csv(client, alice, template_id, bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_envelope(answer, 413, "payload_too_large")
    assert peak < 16 * 1024 * 1024, f"{peak / 1e6:.0f} MB held while refusing a 64 MB bomb"


def test_a_damaged_workbook_is_a_422(client, alice, template_id):
    broken = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<not a workbook"})
    body = assert_envelope(post_csv(client, alice, template_id, broken), 422, "validation_failed")
    assert "the Excel workbook cannot be read" in body["message"]
    truncated = workbook(("S", [["title"], ["a"]]))[:-200]
    assert_envelope(post_csv(client, alice, template_id, truncated), 415, "unsupported_media_type")


@pytest.mark.parametrize("data, name, words", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "rows.pdf", "that file is a PDF; upload a CSV or an Excel .xlsx"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "rows.png", "that file is a PNG image"),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", "photo.jpg", "that file is a JPEG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "rows.xls",
     "that file is an Excel 97–2003 workbook (.xls); in Excel use File → Save As → Excel Workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "upload", "that file is an old-format Microsoft Office file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Orders.xlsx",
     "that file is a password-protected Excel workbook; remove the password"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}), "rows.ods",
     "that file is an OpenDocument spreadsheet (.ods); save it as Excel Workbook (.xlsx) or CSV, and upload that."),
    (_zip({"Index/Document.iwa": b"\0", "Metadata/Properties.plist": b""}), "rows.numbers",
     "that file is an Apple Numbers document; in Numbers use File → Export To → Excel or CSV"),
    (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), "letter.docx",
     "that file is a Word document (.docx)"),
    (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\0"}), "rows.xlsb",
     "that file is an Excel binary workbook (.xlsb); in Excel use File → Save As → Excel Workbook (.xlsx), and "
     "upload that."),
    (_zip({"rows.csv": b"title\nA\n"}), "rows.zip", "that file is a ZIP archive (rows.zip); upload a CSV or an "
                                                    "Excel .xlsx workbook, not zipped"),
    (b"\x1f\x8b\x08\0\0\0\0\0", "rows.csv.gz", "that file is a gzip archive"),
    (b"title\n\0\0\0\x01\x02", "rows.bin", "that file is not text but binary data (rows.bin)"),
])
def test_other_kinds_of_file_are_a_415_that_names_them(client, alice, template_id, data, name, words):
    form = {"template_id": template_id, "file": (io.BytesIO(data), name)}
    answer = client.post("/api/v1/batches", data=form, headers=alice.headers, content_type="multipart/form-data")
    body = assert_envelope(answer, 415, "unsupported_media_type")
    assert body["message"].startswith("file: " + words), body["message"]
    assert len(body["message"]) < 250 and "PK\x03\x04" not in body["message"]
    assert body["details"] == {"field": "file"}


def test_utf16_text_from_excel_is_read(client, conn, alice, template_id):
    """Excel's "Unicode Text" is UTF-16 with a BOM, tab-separated."""
    answer = post_csv(client, alice, template_id, "title\tbadge\r\nZoë\t#ff0000\r\n".encode("utf-16"))
    assert answer.status_code == 202, answer.get_json()
    drain(conn)
    assert stored_fields(client, conn, alice, answer.get_json()["id"]) == [{"title": "Zoë", "badge": "#ff0000"}]


def test_the_openapi_describes_xlsx_and_sheet(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    form = spec["paths"]["/api/v1/batches"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert ".xlsx" in form["properties"]["file"]["description"] and "sheet" in form["properties"]
    assert "415" in spec["paths"]["/api/v1/batches"]["post"]["responses"]


def test_a_workbook_whose_parts_are_named_otherwise_is_still_a_workbook(client, conn, alice, template_id):
    """The workbook part is found through [Content_Types].xml, as Excel finds it, not by its usual name."""
    with zipfile.ZipFile(io.BytesIO(workbook(("S", [["title"], ["renamed"]])))) as archive:
        entries = {name.replace("workbook.xml", "book.xml"): archive.read(name).replace(b"workbook.xml", b"book.xml")
                   for name in archive.namelist()}
    assert "xl/book.xml" in entries and "xl/_rels/book.xml.rels" in entries
    answer = post_csv(client, alice, template_id, _zip(entries))
    assert answer.status_code == 202, answer.get_json()
    drain(conn)
    assert stored_fields(client, conn, alice, answer.get_json()["id"]) == [{"title": "renamed"}]


def _sheet_with(edit) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["title"])
    sheet.append(["a"])
    edit(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_far_cells_and_far_rows_are_bounded(client, conn, alice, template_id):
    """openpyxl pads a row up to its last cell: one cell in column XFD made every row 16,384 cells long. Only the
    500 columns a batch takes are read. A sheet that goes on far below the rows a batch takes is refused."""
    batches = []
    for far in ({"value": "stray"}, {"number_format": "0.00"}):
        def edit(sheet, far=far):
            cell = sheet.cell(row=2, column=16384)
            for name, value in far.items():
                setattr(cell, name, value)
        answer = post_csv(client, alice, template_id, _sheet_with(edit))
        assert answer.status_code == 202, answer.get_json()
        assert answer.get_json()["ignored_columns"] == []
        batches.append(answer.get_json()["id"])
    far_row = _sheet_with(lambda sheet: setattr(sheet.cell(row=40_000, column=1), "number_format", "0.00"))
    body = assert_envelope(post_csv(client, alice, template_id, far_row), 422, "validation_failed")
    assert "the sheet 'S' goes on past row 20,000 (rows that are empty but formatted count too)" in body["message"]
    drain(conn)
    assert [stored_fields(client, conn, alice, batch_id) for batch_id in batches] == [[{"title": "a"}]] * 2
