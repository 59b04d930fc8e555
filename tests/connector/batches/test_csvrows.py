"""Reading batch rows from CSV: delimiters, BOMs, quoting, matching columns to fields."""

import pytest

from connector.batches import csvrows
from connector.runtime.errors import ValidationFailed
from renderer import Template

TEMPLATE = Template.from_dict({"width": 100, "height": 50, "layers": [
    {"type": "text", "name": "title", "text": "x"}, {"type": "image", "name": "photo", "src": ""}]})


@pytest.mark.parametrize("header, expected", [
    ("title,photo\n", ","), ("title;photo\n", ";"), ("title\tphoto\n", "\t"),
    ('"a,b";c;d\n', ";"), ("title\n", ","), ('"x;y",z\n', ","),
])
def test_the_delimiter_is_read_from_the_header_line_outside_quotes(header, expected):
    assert csvrows.delimiter_of(header + "1;2,3\t4\n") == expected


def test_tabs_bom_and_layer_properties():
    columns, mapping, rows, delimiter = csvrows.parse(
        "\ufeffTITLE\tphoto\ttitle.color\ttitle.nonsense\tnote\nHi\thttps://x.test/a.png\t#ff0000\tz\t\n".encode(),
        TEMPLATE, None, 10)
    assert (columns, delimiter) == (["TITLE", "photo", "title.color", "title.nonsense", "note"], "\t")
    assert mapping == {"TITLE": "title", "photo": "photo", "title.color": "title.color"}, \
        "title.nonsense is no property of a text layer: ignored"
    assert rows == [{"c": ["Hi", "https://x.test/a.png", "#ff0000", "z", ""]}]
    assert csvrows.row_fields(rows[0], columns, mapping) == {"title": "Hi", "photo": "https://x.test/a.png",
                                                             "title.color": "#ff0000"}
    assert csvrows.row_cells(rows[0], columns)["note"] == ""


def test_a_mapping_wins_over_a_column_that_matches_by_name_and_the_first_column_wins_a_field():
    for text in (b"title,Headline\nold,new\n", b"Headline,title\nnew,old\n"):
        columns, mapping, rows, _ = csvrows.parse(text, TEMPLATE, {"Headline": "title"}, 10)
        assert csvrows.row_fields(rows[0], columns, mapping) == {"title": "new"} and mapping == {"Headline": "title"}
    columns, mapping, rows, _ = csvrows.parse(b"Title,title\nfirst,second\n", TEMPLATE, None, 10)
    assert mapping == {"Title": "title"}


def test_a_short_line_is_fine_a_long_one_fails_alone_and_the_limits_hold():
    columns, mapping, rows, _ = csvrows.parse(b"title,photo\nonly a title\na,b,c\n", TEMPLATE, None, 10)
    assert csvrows.row_fields(rows[0], columns, mapping) == {"title": "only a title"} and "e" not in rows[0]
    assert "3 cells but the header has 2" in rows[1]["e"]
    with pytest.raises(ValidationFailed, match="more than 2 rows"):
        csvrows.parse(b"title\na\nb\nc\n", TEMPLATE, None, 2)
    wide = ",".join(f"c{i}" for i in range(501)).encode()
    with pytest.raises(ValidationFailed, match="at most 500"):
        csvrows.parse(wide + b"\n" + b"x\n", TEMPLATE, None, 10)


def test_duplicate_column_names_are_refused_by_name():
    header = ",".join(["title", *(f"c{i}" for i in range(497)), "c7", "title"]).encode()
    with pytest.raises(ValidationFailed, match="'c7', 'title' more than once"):
        csvrows.parse(header + b"\nx\n", TEMPLATE, None, 10)


@pytest.mark.parametrize("text, expected", [
    ("Titel, Untertitel;title\nA;B\n", ";"),          # one comma and one semicolon in the header
    ("Title;Notes, internal\nHello;x\n", ";"),
    ("title,photo\na;b,c\n", ","),
    ('title\n"a, b"\n', ","),
])
def test_the_delimiter_is_the_one_the_lines_agree_on(text, expected):
    assert csvrows.delimiter_of(text) == expected


def test_windows_1252_from_excel_is_read_and_unnamed_columns_are_ignored():
    data = "title;Name;\nCafé crème – 5 €;Zoë;\n".encode("cp1252")
    columns, mapping, rows, delimiter = csvrows.parse(data, TEMPLATE, {"NAME": "title"}, 10)
    assert (columns, mapping, delimiter) == (["title", "Name", ""], {"Name": "title"}, ";")
    assert csvrows.row_fields(rows[0], columns, mapping) == {"title": "Zoë"}
    assert csvrows.row_cells(rows[0], columns)["title"] == "Café crème – 5 €"


def test_a_column_matching_two_layers_that_differ_only_in_case_is_a_422():
    twins = Template.from_dict({"width": 100, "height": 50, "layers": [
        {"type": "text", "name": "Title", "text": "x"}, {"type": "text", "name": "title", "text": "y"}]})
    with pytest.raises(ValidationFailed, match="'TITLE' matches the layers 'Title' and 'title'"):
        csvrows.parse(b"TITLE\nHi\n", twins, None, 10)
    columns, mapping, _, _ = csvrows.parse(b"title,Title\na,b\n", twins, None, 10)   # exact names are fine
    assert mapping == {"title": "title", "Title": "Title"}


def test_a_line_the_csv_reader_refuses_is_a_422_naming_where():
    with pytest.raises(ValidationFailed, match=r"file: line 3 of the CSV cannot be read \(field larger than"):
        csvrows.parse(b"title\nfine\n" + b"x" * 200_000 + b"\n", TEMPLATE, None, 10)
