"""POST /batches/preview: what a batch would make of a CSV or workbook — columns, mapping, first rows — read by the
batch's own reader (same limits, same errors), with nothing started, stored or charged."""

from __future__ import annotations

import io
import json

import openpyxl

from tests.actions.batch_support import CARD, drain, post_csv
from tests.conftest import assert_envelope

REQUIRED_CARD = {**CARD, "layers": [{**CARD["layers"][0], "required": True}, CARD["layers"][1]]}


def preview(client, caller, template_id, data: bytes, filename: str = "rows.csv", **form):
    body = {"template_id": template_id, **form, "file": (io.BytesIO(data), filename)}
    return client.post("/api/v1/batches/preview", data=body, headers=caller.headers,
                       content_type="multipart/form-data")


def workbook(rows: list[list], title: str = "Orders") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_csv_preview_matches_columns_by_name_and_shows_the_first_rows(client, conn, alice, template_id):
    text = "Title;Notes;badge\n" + "".join(f"Row {i};note {i};#ff000{i}\n" for i in range(1, 8))
    answer = preview(client, alice, template_id, text.encode())
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert body["source"] == "csv" and body["sheet"] is None
    assert body["columns"] == ["Title", "Notes", "badge"]
    assert body["mapping"] == {"Title": "title", "badge": "badge"}
    assert body["ignored_columns"] == ["Notes"]
    assert [f["name"] for f in body["fields"]] == ["title", "badge"]
    assert body["missing_required"] == []
    assert body["total"] == 7
    assert [r["row"] for r in body["rows"]] == [1, 2, 3, 4, 5]
    assert body["rows"][0] == {"row": 1, "cells": ["Row 1", "note 1", "#ff0001"],
                               "fields": {"title": "Row 1", "badge": "#ff0001"}, "error": None}
    # nothing was made: no batch, no render, no credit, no job
    assert client.get("/api/v1/batches", headers=alice.headers).get_json() == []
    assert client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 0
    assert drain(conn) == {"render": 0, "batch": 0}


def test_a_mapping_renames_and_ignores_columns_and_the_batch_does_the_same(client, conn, alice, template_id):
    text = b"Headline,title\nFirst,not this\nSecond,nor this\n,empty headline\n"
    mapping = json.dumps({"Headline": "title", "title": None})
    body = preview(client, alice, template_id, text, mapping=mapping, limit="2").get_json()
    assert body["mapping"] == {"Headline": "title"}
    assert body["ignored_columns"] == ["title"]
    assert [r["fields"] for r in body["rows"]] == [{"title": "First"}, {"title": "Second"}]
    assert body["total"] == 3
    # the same mapping starts a batch whose rows are what the preview showed (an empty cell keeps the default)
    batch = post_csv(client, alice, template_id, text, mapping=mapping).get_json()
    assert batch["ignored_columns"] == ["title"]
    drain(conn)
    renders = client.get(f"/api/v1/batches/{batch['id']}/renders", headers=alice.headers).get_json()
    assert [conn.render_store.load(r["id"]).fields for r in renders] == [{"title": "First"}, {"title": "Second"}, {}]


def test_no_matching_column_is_a_preview_to_map_by_hand_not_an_error(client, alice):
    tpl = client.post("/api/v1/templates", json=REQUIRED_CARD, headers=alice.headers).get_json()
    body = preview(client, alice, tpl["id"], b"Headline,Colour\nHello,#fff\n").get_json()
    assert body["mapping"] == {}
    assert body["ignored_columns"] == ["Headline", "Colour"]
    assert body["missing_required"] == ["title"]
    assert body["rows"] == [{"row": 1, "cells": ["Hello", "#fff"], "fields": {}, "error": None}]
    # a batch of it is still refused, as before
    assert_envelope(post_csv(client, alice, tpl["id"], b"Headline,Colour\nHello,#fff\n"), 422, "validation_failed")


def test_an_xlsx_preview_shows_the_sheet_its_columns_and_rows_as_excel_shows_them(client, alice, template_id):
    data = workbook([["Headline", "Price", "Share"], ["First", 3.0, None], ["Second", 0.1 + 0.2, 0.5]])
    body = preview(client, alice, template_id, data, "orders.xlsx", mapping=json.dumps({"Headline": "title"}))\
        .get_json()
    assert (body["source"], body["sheet"]) == ("xlsx", "Orders")
    assert body["columns"] == ["Headline", "Price", "Share"]
    assert body["mapping"] == {"Headline": "title"}
    assert body["total"] == 2
    assert body["rows"][0]["cells"] == ["First", "3", ""]
    assert body["rows"][1]["cells"][:2] == ["Second", "0.3"]


def test_a_sheet_the_workbook_lacks_is_a_422_like_a_batch(client, alice, template_id):
    data = workbook([["title"], ["x"]])
    body = assert_envelope(preview(client, alice, template_id, data, "rows.xlsx", sheet="June"), 422,
                           "validation_failed")
    assert "Orders" in body["message"]


def test_a_pdf_is_a_415_that_says_so(client, alice, template_id):
    body = assert_envelope(preview(client, alice, template_id, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "rows.pdf"),
                           415, "unsupported_media_type")
    assert "that file is a PDF" in body["message"]


def test_mistakes_in_the_form_name_themselves(client, alice, bob, template_id):
    assert "mapping must be a JSON object" in assert_envelope(
        preview(client, alice, template_id, b"title\nx\n", mapping="[1]"), 422, "validation_failed")["message"]
    body = assert_envelope(preview(client, alice, template_id, b"title\nx\n", mapping=json.dumps({"title": "nope"})),
                           422, "validation_failed")
    assert "not a field of this template" in body["message"]
    assert_envelope(preview(client, alice, template_id, b"title\nx\n", limit="0"), 422, "validation_failed")
    assert_envelope(preview(client, bob, template_id, b"title\nx\n"), 404, "not_found")   # another account's
    answer = client.post("/api/v1/batches/preview", json={"template_id": template_id}, headers=alice.headers)
    assert_envelope(answer, 415, "unsupported_media_type")
    answer = client.post("/api/v1/batches/preview", data={"template_id": template_id}, headers=alice.headers,
                         content_type="multipart/form-data")
    assert "file is required" in assert_envelope(answer, 422, "validation_failed")["message"]


def test_a_file_over_the_batch_limit_is_a_413(client, make_app, alice):
    app = make_app(csv_max_bytes=1000)
    small = app.test_client()
    from tests.conftest import Caller

    carol = Caller(app.extensions["platen"], "Carol")
    tpl = small.post("/api/v1/templates", json=CARD, headers=carol.headers).get_json()
    answer = preview(small, carol, tpl["id"], b"title\n" + b"x\n" * 1000)
    assert_envelope(answer, 413, "payload_too_large")


def test_the_preview_needs_renders_write_and_is_documented(client, app, alice, template_id):
    key = client.post("/api/v1/keys", json={"scopes": ["templates:read", "renders:read"]},
                      headers=alice.headers).get_json()["key"]
    answer = preview(client, type("K", (), {"headers": {"X-API-Key": key}})(), template_id, b"title\nx\n")
    assert assert_envelope(answer, 403, "forbidden")["details"]["missing_scope"] == "renders:write"
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/batches/preview"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert {"200", "413", "415", "422"} <= set(operation["responses"])
