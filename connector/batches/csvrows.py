"""Rows for a batch from a CSV file (SPEC section 7): UTF-8 with or without BOM (or Windows-1252, what Excel's
plain "CSV" writes), comma, semicolon or tab, quoted newlines; columns matched to a template's fields by name or
by an explicit mapping.

A row is stored compactly, as ``{"c": [cell, …]}`` (plus ``"e": reason`` for a line that cannot be read: more
cells than the header has; it fails alone, its extra cells kept for ``results.csv``); the batch keeps the header
and the column → field mapping once. ``table`` does the same for the rows of an Excel sheet (``xlsxrows.py``).
``row_fields`` turns a row back into field values, ``row_cells`` into ``{column: text}`` for ``results.csv``.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections import Counter

from connector.runtime.errors import ValidationFailed
from renderer import FieldError, Template, field_key, template_fields

DELIMITERS = ",;\t"
MAX_COLUMNS = 500


def _fail(message: str, field: str = "file") -> ValidationFailed:
    return ValidationFailed(message, details={"field": field})


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); UTF-16 with its BOM (Excel's "Unicode Text"); failing those, Windows-1252,
    which is what Excel on Windows writes when asked for plain "CSV" in Western Europe and the Americas."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _fail("file: the file starts like UTF-16 text but cannot be read as it. Save it as "
                        "'CSV UTF-8'.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[:exc.start].count(b"\n") + 1
            raise _fail(f"file: the CSV is not UTF-8 (line {line} has a byte UTF-8 does not allow). In Excel use "
                        "'Save as → CSV UTF-8'; in Google Sheets 'Download → CSV' is already UTF-8.") from None


def delimiter_of(text: str) -> str:
    """The delimiter (comma, semicolon or tab) under which the first lines agree best on their number of cells;
    on a tie, the one giving the header most columns. (Excel in many European locales writes semicolons, and a
    header like ``Titel, Untertitel;title`` has one of each.)"""
    sample = text[:65536]
    best, best_score = ",", None
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
        try:
            lines = [line for _, line in zip(range(30), reader, strict=False) if any(c.strip() for c in line)]
        except csv.Error:
            continue
        if not lines:
            continue
        width = len(lines[0])
        body = lines[1:-1] if len(lines) > 2 else lines[1:]   # the sample may cut the last line short
        agreeing = sum(1 for line in body if len(line) == width)
        score = (width > 1, agreeing == len(body), agreeing, width)
        if best_score is None or score > best_score:
            best, best_score = delimiter, score
    return best


def unclosed_quote(text: str, delimiter: str) -> int | None:
    """The line where a quoted value starts that is never closed (a lenient reader would swallow the rest of the
    file into it), or None."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as exc:
        return start if "unexpected end of data" in str(exc) else None
    return None


def targets_of(template: Template) -> tuple[set[str], dict[str, set[str]]]:
    """(field names, {layer name: its property names}) of a template: a column may name a field or
    ``layer.property``."""
    return ({f.name for f in template_fields(template)},
            {layer.name: set(layer.props()) for page in template.pages for layer in page})


def match_columns(columns: list[str], mapping: dict | None, template: Template,
                  noun: str = "the CSV", require_match: bool = True) -> dict[str, str]:
    """{column: field name} for the columns that fill a field. Without a mapping a column matches a field of the
    same name (letter case aside) or a ``layer.property``; with one, the mapping decides for the columns it
    names (``null`` or ``""``: the column fills nothing, even one named like a field). ``require_match=False``
    (a preview, where columns are still to be mapped by hand) answers an empty match instead of a 422."""
    field_names, layers = targets_of(template)

    def target(name: str) -> str | None:
        try:
            name = field_key(template, name)   # letter case aside, exactly as POST /renders matches its fields
        except FieldError as exc:
            raise _fail(f"{name!r} {exc.reason} (or map it with mapping).", "mapping") from None
        if name in field_names:
            return name
        layer, dot, prop = name.partition(".")
        return name if dot and prop in layers.get(layer, ()) else None

    matched: dict[str, str] = {}
    named = {c.strip().lower(): c for c in reversed(columns) if c}
    given, mapping = mapping or {}, {}
    for key, field in given.items():
        column = key if key in columns else named.get(str(key).strip().lower())
        if column is None:
            shown = ", ".join(repr(c) for c in columns if c)
            raise _fail(f"mapping: {noun} has no column {key!r}; its columns are {shown}.", "mapping")
        mapping[column] = field
    for column, field in mapping.items():
        if field is None or field == "":
            continue   # ignored on purpose: it stays in ``mapping``, so it is not matched by its name below
        if not isinstance(field, str) or target(field) is None:
            close = difflib.get_close_matches(str(field), sorted(field_names), n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise _fail(f"mapping: {column!r} maps to {field!r}, which is not a field of this template "
                        f"(fields: {', '.join(sorted(field_names))}).{hint}", "mapping")
        if target(field) in matched.values():
            other = next(c for c, f in matched.items() if f == target(field))
            raise _fail(f"mapping: {other!r} and {column!r} both map to {target(field)!r}; a field takes one "
                        "column.", "mapping")
        matched[column] = target(field)
    mapped = set(matched.values())
    for column in columns:   # a column the mapping leaves out fills a field of its name, unless one already does
        if column and column not in mapping and (found := target(column)) is not None and found not in mapped:
            matched[column] = found
            mapped.add(found)
    if not matched and require_match:
        raise _fail(f"file: none of {noun}'s columns ({', '.join(repr(c) for c in columns if c)}) is a field of "
                    "this template "
                    f"({', '.join(sorted(field_names)) or 'it has no fields'}). Rename the header cells to the field "
                    "names, or send mapping, e.g. {\"Headline\": \"title\"}.")
    return matched


def check_columns(columns: list[str], noun: str = "the CSV") -> None:
    if len(columns) > MAX_COLUMNS:
        raise _fail(f"file: {noun} has {len(columns):,} columns; a batch takes at most {MAX_COLUMNS}.")
    if not any(columns):
        raise _fail(f"file: {noun}'s first line has no column names; it must be the header.")
    duplicates = sorted(c for c, n in Counter(columns).items() if n > 1 and c)
    if duplicates:
        raise _fail(f"file: the header names {', '.join(map(repr, duplicates[:5]))} more than once; column names "
                    "must be unique.")


def parse(data: bytes, template: Template, mapping: dict | None, max_rows: int,
          require_match: bool = True) -> tuple[list[str], dict[str, str], list[dict], str]:
    """(columns, {column: field} for the columns that fill a field, rows, delimiter). Empty lines are skipped."""
    text = decode(data)
    if not text.strip():
        raise _fail("file: the CSV is empty; it needs a header line and at least one row.")
    delimiter = delimiter_of(text)
    line = unclosed_quote(text, delimiter)
    if line is not None:
        raise _fail(f"file: line {line} opens a quoted value (\") that is never closed, so the rest of the file "
                    "would be read as one value. Close the quote, or double a quote inside a value (\"\").")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise _fail(f"file: the CSV's header line cannot be read ({exc}).") from None
    columns, matched, rows = table(header, _lines(reader), template, mapping, max_rows,
                                   require_match=require_match)
    return columns, matched, rows, delimiter


def _lines(reader):
    try:
        yield from reader
    except csv.Error as exc:
        raise _fail(f"file: line {reader.line_num} of the CSV cannot be read ({exc}).") from None


def table(header: list[str], lines, template: Template, mapping: dict | None, max_rows: int,
          noun: str = "the CSV", require_match: bool = True) -> tuple[list[str], dict[str, str], list[dict]]:
    """(columns, {column: field}, rows) of a header and the lines under it (lists of text), CSV's or a sheet's.
    Empty lines are skipped; a line with more cells than the header fails alone (its cells all kept)."""
    columns = [c.strip() for c in header]
    check_columns(columns, noun)
    matched = match_columns(columns, mapping, template, noun, require_match)
    rows: list[dict] = []
    for line in lines:
        if not any(cell.strip() for cell in line):
            continue
        if len(rows) >= max_rows:
            raise _fail(f"file: {noun} has more than {max_rows:,} rows, the most one batch takes; split it "
                        "into several batches.")
        row: dict = {"c": line}
        if len(line) > len(columns):
            row["e"] = (f"This line has {len(line)} cells but the header has {len(columns)}: a value with the "
                        "delimiter in it needs double quotes around it.")
        rows.append(row)
    if not rows:
        raise _fail(f"file: {noun} has a header but no rows.")
    return columns, matched, rows


def row_fields(row: dict, columns: list[str], mapping: dict[str, str]) -> dict:
    """A stored row's field values: JSON rows carry them; CSV rows map their cells (an empty cell keeps the
    template's default)."""
    if "f" in row:
        return row["f"]
    return {mapping[c]: v for c, v in zip(columns, row.get("c", ()), strict=False) if c in mapping and v != ""}


def extra_columns(columns: list[str], rows: list[dict]) -> list[str]:
    """Names for the cells that lines have beyond the header, by position (``column_5``, …), so that results.csv
    shows a line as it was sent. None for JSON rows, which carry their own names."""
    width = max((len(row["c"]) for row in rows if "c" in row), default=0)
    names, taken = [], set(columns)
    for position in range(len(columns) + 1, width + 1):
        name = f"column_{position}"
        while name in taken:
            name += "_"
        taken.add(name)
        names.append(name)
    return names


def row_cells(row: dict, columns: list[str]) -> dict:
    """A stored row as ``{column: value}`` for results.csv."""
    if "f" in row:
        return row["f"]
    return dict(zip(columns, row.get("c", ()), strict=False))
