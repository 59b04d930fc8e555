"""Batches from CSV uploads over HTTP (SPEC section 7): encodings, delimiters, mappings, bad files."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from tests.actions.batch_support import drain, post_csv
from tests.conftest import assert_envelope


def test_a_csv_with_bom_semicolons_quoted_newlines_and_a_mapping(client, conn, alice, template_id):
    text = ("\ufeffHeadline;Colour;Notes\r\n"
            "\"First; with a semicolon\";#ff0000;keep\r\n"
            "\"Two\nlines\";;\"ignored, really\"\r\n"
            "\r\n"
            "Third;#00ff00;x\r\n")
    answer = post_csv(client, alice, template_id, text, mapping=json.dumps({"Headline": "title", "Colour": "badge"}))
    assert answer.status_code == 202, answer.get_json()
    batch = answer.get_json()
    assert batch["total"] == 3 and batch["ignored_columns"] == ["Notes"]
    drain(conn)
    renders = client.get(f"/api/v1/batches/{batch['id']}/renders", headers=alice.headers).get_json()
    assert [r["status"] for r in renders] == ["completed"] * 3
    stored = [conn.render_store.load(r["id"]).fields for r in renders]
    assert stored == [{"title": "First; with a semicolon", "badge": "#ff0000"}, {"title": "Two\nlines"},
                      {"title": "Third", "badge": "#00ff00"}], "an empty cell keeps the default"
    results = client.get(f"/api/v1/batches/{batch['id']}/results.csv", headers=alice.headers)
    assert results.status_code == 200 and results.mimetype == "text/csv"
    assert 'filename="' in results.headers["Content-Disposition"]
    text = results.get_data(as_text=True)
    assert text.startswith("\ufeffHeadline;Colour;Notes;render_id"), "written back with the upload's delimiter"
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert list(table[0]) == ["Headline", "Colour", "Notes", "render_id", "status", "url", "error", "warnings"]
    assert [row["Headline"] for row in table] == ["First; with a semicolon", "Two\nlines", "Third"]
    assert [row["render_id"] for row in table] == [r["id"] for r in renders]
    assert all(row["status"] == "completed" and row["url"] == r["url"] for row, r in zip(table, renders,
                                                                                          strict=True))
    archive = client.get(f"/api/v1/batches/{batch['id']}/archive.zip", headers=alice.headers)
    assert archive.status_code == 200 and archive.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(archive.data)) as zf:
        assert zf.namelist() == ["00001.png", "00002.png", "00003.png", "results.csv"]
        assert zf.read("00001.png").startswith(b"\x89PNG")
        assert zf.read("results.csv") == results.data


def test_csv_columns_match_field_names_by_default_letter_case_aside(client, conn, alice, template_id):
    answer = post_csv(client, alice, template_id, "Title,badge.opacity,extra\nHi,0.5,z\n")
    assert answer.status_code == 202, answer.get_json()
    assert answer.get_json()["ignored_columns"] == ["extra"]
    drain(conn)
    [render] = client.get(f"/api/v1/batches/{answer.get_json()['id']}/renders", headers=alice.headers).get_json()
    assert conn.render_store.load(render["id"]).fields == {"title": "Hi", "badge.opacity": "0.5"}
    assert render["status"] == "completed"


def test_a_csv_line_with_too_many_cells_fails_alone(client, conn, alice, template_id):
    answer = post_csv(client, alice, template_id, "title\nFine\nOne, two\n")
    drain(conn)
    renders = client.get(f"/api/v1/batches/{answer.get_json()['id']}/renders", headers=alice.headers).get_json()
    assert [r["status"] for r in renders] == ["completed", "failed"]
    assert "2 cells but the header has 1" in renders[1]["error"]["message"]


def test_results_csv_keeps_the_cells_a_line_had_beyond_the_header(client, conn, alice, template_id):
    """They were dropped: the user could not see in results.csv what the failed line held."""
    answer = post_csv(client, alice, template_id, "title,badge\nFine,#ff0000\nOne, two,#00ff00,=1+1\nLast\n")
    batch = answer.get_json()
    assert batch["ignored_columns"] == [], "the extra cells are not columns of the file"
    drain(conn)
    text = client.get(f"/api/v1/batches/{batch['id']}/results.csv", headers=alice.headers).get_data(as_text=True)
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0] == ["title", "badge", "column_3", "column_4", "render_id", "status", "url", "error", "warnings"]
    assert table[1][:4] == ["Fine", "#ff0000", "", ""] and table[1][5] == "completed"
    assert table[2][:4] == ["One", " two", "#00ff00", "'=1+1"], "kept, and still defused as a formula"
    assert table[2][5] == "failed" and "4 cells but the header has 2" in table[2][7]
    assert table[3][:4] == ["Last", "", "", ""] and table[3][5] == "completed"


@pytest.mark.parametrize("text, mapping, words", [
    (b"title\n\x81\n", None, "not UTF-8"),
    ("name,price\nA,1\n", None, "none of the CSV's columns ('name', 'price')"),
    ('title,name\n"oops,Ann\nnext,Bob\n', None, "line 2 opens a quoted value"),
    ("Headline,Writer\nA,B\n", {"Headline": "title", "Writer": "title"}, "'Headline' and 'Writer' both map"),
    ("Headline\nA\n", {"Headline": "titel"}, "Did you mean 'title'?"),
    ("Headline\nA\n", {"Heading": "title"}, "no column 'Heading'"),
    ("title,title\nA,B\n", None, "more than once"),
    ("title\n", None, "no rows"),
    ("", None, "empty"),
])
def test_bad_csvs_are_422_with_a_reason(client, alice, template_id, text, mapping, words):
    form = {"mapping": json.dumps(mapping)} if mapping else {}
    body = assert_envelope(post_csv(client, alice, template_id, text, **form), 422, "validation_failed")
    assert words in body["message"], body["message"]


def test_a_csv_batch_is_idempotent_across_multipart_boundaries(client, conn, alice, template_id):
    headers = {**alice.headers, "Idempotency-Key": "csv-1"}
    answers = [client.post("/api/v1/batches", headers=headers, content_type="multipart/form-data",
                           data={"template_id": template_id, "file": (io.BytesIO(b"title\nA\n"), "rows.csv")})
               for _ in range(2)]
    assert [a.status_code for a in answers] == [202, 202]
    assert answers[0].get_json()["id"] == answers[1].get_json()["id"]
    assert answers[1].headers["Idempotent-Replayed"] == "true"
    changed = client.post("/api/v1/batches", headers=headers, content_type="multipart/form-data",
                          data={"template_id": template_id, "file": (io.BytesIO(b"title\nB\n"), "rows.csv")})
    assert_envelope(changed, 422, "idempotency_key_reused")
