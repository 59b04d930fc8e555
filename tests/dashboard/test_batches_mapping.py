"""The batches page's mapping step against a real Platen and worker: a file's columns get fields (auto-matched by the
API's preview, changed by hand), the first rows show what the fields will get, and the batch renders what was
shown. Workbooks are read by the server; a file of the wrong kind says what it is."""

from __future__ import annotations

import csv
import io

import openpyxl
from playwright.sync_api import expect

from .conftest import sign_in

CARD = {"name": "Speaker card", "width": 240, "height": 120, "layers": [
    {"type": "text", "name": "title", "label": "Title", "text": "Default title", "required": True,
     "x": 0, "y": 0, "width": 240, "height": 60},
    {"type": "text", "name": "subtitle", "label": "Subtitle", "text": "Default subtitle",
     "x": 0, "y": 60, "width": 240, "height": 60}]}


def _template(instance, key) -> dict:
    answer = instance.api("POST", "/templates", key=key, json=CARD)
    assert answer.status_code == 201, answer.text
    return answer.json()


def _choose(page, template_id: str, path) -> None:
    page.get_by_label("Template").select_option(template_id)
    page.get_by_label("CSV or Excel file").set_input_files(str(path))


def test_a_column_mapped_by_hand_fills_its_field_in_the_batch(page, instance, tmp_path):
    key = instance.account("Mapping")
    tpl = _template(instance, key)
    rows = tmp_path / "speakers.csv"
    rows.write_text("Headline,title,Subtitle,Notes\n"
                    "Ada Lovelace,not this,Analyst,a\n"
                    "Grace Hopper,nor this,,b\n"
                    "Katherine Johnson,nor that,Mathematician,c\n")
    sign_in(page, key, "/batches")
    _choose(page, tpl["id"], rows)
    mapping = page.get_by_role("group", name="Column mapping")
    # auto-matched the way the API matches: names, letter case aside
    expect(page.get_by_label("Field for column title")).to_have_value("title")
    expect(page.get_by_label("Field for column Subtitle")).to_have_value("subtitle")
    expect(page.get_by_label("Field for column Headline")).to_have_value("")
    expect(page.get_by_label("Field for column Notes")).to_have_value("")
    expect(mapping).to_contain_text("speakers.csv · CSV · 3 rows · 2 of 4 columns used")
    preview = mapping.locator("table.mapping-preview")
    expect(preview.locator("thead th")).to_have_text(["Row", "Title", "Subtitle"])
    expect(preview.locator("tbody tr").first.locator("td")).to_have_text(["1", "not this", "Analyst"])
    # an empty cell keeps the field's default, and the table says so
    expect(preview.locator("tbody tr").nth(1).locator("td.default-value")).to_have_text("“Default subtitle”")
    expect(mapping).to_contain_text("An empty cell keeps the field's default")

    # By hand: Headline fills the title; the column that filled it before is ignored now.
    page.get_by_label("Field for column Headline").select_option("title")
    expect(page.get_by_label("Field for column title")).to_have_value("")
    expect(preview.locator("tbody tr").first.locator("td")).to_have_text(["1", "Ada Lovelace", "Analyst"])
    expect(mapping).to_contain_text("Ignored: title, Notes")

    page.get_by_role("button", name="Start batch").click()
    batch = page.locator(".list-row")
    expect(batch).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(batch.locator(".progress-text")).to_have_text("3 of 3 rows")
    expect(batch).to_contain_text("Ignored columns: title, Notes")
    expect(page.get_by_role("group", name="Column mapping")).to_be_hidden()   # the form is ready for the next

    [record] = instance.api("GET", "/batches", key=key).json()
    assert record["ignored_columns"] == ["title", "Notes"]
    renders = instance.api("GET", f"/batches/{record['id']}/renders", key=key).json()
    assert [instance.conn.render_store.load(r["id"]).fields for r in renders] == [
        {"title": "Ada Lovelace", "subtitle": "Analyst"},
        {"title": "Grace Hopper"},   # the empty cell: the template's own subtitle
        {"title": "Katherine Johnson", "subtitle": "Mathematician"}]
    results = instance.api("GET", f"/batches/{record['id']}/results.csv", key=key)
    table = list(csv.DictReader(io.StringIO(results.content.decode("utf-8-sig"))))
    assert [(r["Headline"], r["status"]) for r in table] == [
        ("Ada Lovelace", "completed"), ("Grace Hopper", "completed"), ("Katherine Johnson", "completed")]


def test_a_required_field_no_column_fills_is_flagged_before_starting(page, instance, tmp_path):
    key = instance.account("Required")
    tpl = _template(instance, key)
    rows = tmp_path / "names.csv"
    rows.write_text("Name\nAda\n")
    sign_in(page, key, "/batches")
    _choose(page, tpl["id"], rows)
    mapping = page.get_by_role("group", name="Column mapping")
    expect(mapping.locator("[data-missing='title']")).to_contain_text(
        "“Title (title)” is required and no column fills it")
    expect(mapping).to_contain_text("No column fills a field yet")
    expect(page.get_by_role("button", name="Start batch")).to_be_disabled()
    page.get_by_label("Field for column Name").select_option("title")
    expect(mapping.locator("[data-missing]")).to_have_count(0)
    expect(page.get_by_role("button", name="Start batch")).to_be_enabled()


def test_an_xlsx_file_shows_its_sheet_columns_and_first_rows(page, instance, tmp_path, watch):
    watch.allow("422")   # the browser logs the API's refusal of a sheet the workbook lacks
    key = instance.account("Workbook")
    tpl = _template(instance, key)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "June"
    sheet.append(["Speaker", "Role", "Seats"])
    for i in range(1, 8):
        sheet.append([f"Speaker {i}", f"Role {i}", i * 10])
    other = book.create_sheet("July")
    other.append(["Title"])
    other.append(["Only in July"])
    path = tmp_path / "speakers.xlsx"
    book.save(path)
    sign_in(page, key, "/batches")
    _choose(page, tpl["id"], path)
    mapping = page.get_by_role("group", name="Column mapping")
    expect(mapping).to_contain_text("speakers.xlsx · Sheet “June” · 7 rows · 0 of 3 columns used")
    expect(mapping.locator("table.mapping-columns tbody td:first-child")).to_have_text(["Speaker", "Role", "Seats"])
    expect(mapping.locator("table.mapping-columns tbody td:last-child")).to_have_text(["Speaker 1", "Role 1", "10"])
    page.get_by_label("Field for column Speaker").select_option("title")
    page.get_by_label("Field for column Seats").select_option("subtitle")
    rows = mapping.locator("table.mapping-preview tbody tr")
    expect(rows).to_have_count(5)   # the first five of seven
    expect(rows.nth(4).locator("td")).to_have_text(["5", "Speaker 5", "50"])
    # another sheet of the workbook, by name; a name it lacks is the API's 422, listing its sheets
    page.get_by_label("Sheet").fill("August")
    page.get_by_label("Sheet").press("Enter")
    expect(page.locator("form .form-error")).to_contain_text("'June', 'July'")
    page.get_by_label("Sheet").fill("July")
    page.get_by_label("Sheet").press("Tab")
    expect(mapping).to_contain_text("speakers.xlsx · Sheet “July” · 1 row · 1 of 1 columns used")
    expect(page.get_by_label("Field for column Title")).to_have_value("title")
    page.get_by_label("Sheet").fill("")
    page.get_by_label("Sheet").press("Tab")
    expect(mapping).to_contain_text("Sheet “June”")
    page.get_by_label("Field for column Speaker").select_option("title")
    page.get_by_label("Field for column Seats").select_option("subtitle")
    page.get_by_role("button", name="Start batch").click()
    expect(page.locator(".list-row")).to_have_attribute("data-status", "completed", timeout=60_000)
    [record] = instance.api("GET", "/batches", key=key).json()
    assert (record["total"], record["ignored_columns"]) == (7, ["Role"])


def test_a_file_of_the_wrong_kind_shows_the_apis_message(page, instance, tmp_path, watch):
    watch.allow("415")   # the browser logs the API's refusal by itself
    key = instance.account("Wrong kind")
    tpl = _template(instance, key)
    pdf = tmp_path / "rows.csv"   # the kind is told by the content, not the name
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    sign_in(page, key, "/batches")
    _choose(page, tpl["id"], pdf)
    expect(page.locator("form .form-error")).to_have_text(
        "file: that file is a PDF; upload a CSV or an Excel .xlsx workbook.")
    expect(page.get_by_role("group", name="Column mapping")).to_be_hidden()
    expect(page.get_by_role("button", name="Start batch")).to_be_disabled()
    assert instance.api("GET", "/batches", key=key).json() == []
