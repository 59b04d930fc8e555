"""Schemas of batches over HTTP (SPEC section 7): JSON rows or a CSV or .xlsx upload in, the batch object out."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from connector.batches.record import BatchStatus
from connector.renders.record import RenderStatus
from renderer.encode import FORMATS

from .render_schemas import FormatField
from .schemas import ListArgsSchema, mode_field, one_of
from .template_schemas import FieldSchema


class BatchCreateSchema(ma.Schema):
    """Many renders of one template: one per row. (Or send a CSV: see the multipart form below.)"""

    template_id = fields.String(required=True, metadata={"example": "tpl_0mhq3k2x1a2b3c4d5e6f7g8h"})
    rows = fields.List(fields.Raw(allow_none=True), required=True,
                       validate=validate.Length(min=1, error="is empty: a batch needs at least one row."), metadata={
        "description": "One object of field values per render, as `fields` of POST /renders (a row that is "
                       "not an object fails alone).",
        "example": [{"title": "First"}, {"title": "Second", "title.color": "#ff0055"}]})
    format = FormatField()
    quality = fields.Integer(validate=validate.Range(1, 100), metadata={
        "description": "JPEG/WebP quality; for a PDF, JPEG page images at this quality (without it: lossless)."})
    scale = fields.Float(load_default=1.0, validate=validate.Range(0.1, 4),
                         metadata={"description": "2 renders every row at twice the size (retina)."})
    webhook_url = fields.String(validate=validate.Length(max=2048), metadata={
        "description": "Called (signed, like hooks) with `batch.completed` when every row is done."})
    metadata = fields.Dict(metadata={"description": "Echoed back on the batch and its event; at most 4 KB."})
    brand_id = fields.String(allow_none=True, metadata={
        "description": "The brand (`brd_…`) whose values the template's `@brand.…` tokens draw in every row; default: "
                       "the template's `brand_id`, else the account's default brand. Not one of yours: a 422."})


class BatchFormSchema(ma.Schema):
    """The multipart form of a file batch (every part a string, `file` the CSV or .xlsx)."""

    template_id = fields.String(required=True)
    mapping = fields.String(metadata={"description": "JSON: `{\"csv column\": \"field name\"}`; `null` or `\"\"` "
                                                     "ignores a column."})
    sheet = fields.String(validate=validate.Length(max=255), metadata={
        "description": "For an .xlsx: the sheet to read (default: the first)."})
    format = FormatField()
    quality = fields.Integer(validate=validate.Range(1, 100))
    scale = fields.Float(load_default=1.0, validate=validate.Range(0.1, 4))
    webhook_url = fields.String(validate=validate.Length(max=2048))
    metadata = fields.String(metadata={"description": "JSON object, echoed back; at most 4 KB."})
    brand_id = fields.String(metadata={"description": "The brand the template's `@brand.…` tokens draw."})


_CSV_DOC = ("A CSV — UTF-8 (with or without BOM), comma, semicolon or tab, quoted newlines — or an Excel workbook "
            "(.xlsx: the first sheet, or the one named by `sheet`; cells as Excel shows them, dates as "
            "YYYY-MM-DD). The first row names the columns. At most 20 MB and 10,000 rows. The kind is told by the "
            "file's content, not its name; any other kind of file (.xls, .ods, .numbers, PDF, image) is a 415 "
            "that says what it is.")

CREATE_BODY = {
    "required": True,
    "description": "JSON rows, or a CSV or Excel .xlsx file as a multipart form (`curl -F file=@rows.csv -F "
                   "template_id=tpl_…`). Columns match field names (letter case aside) unless `mapping` says "
                   "otherwise; columns "
                   "that match no field are ignored and listed in `ignored_columns`; an empty cell keeps the "
                   "template's default.",
    "content": {
        "application/json": {"schema": BatchCreateSchema},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file", "template_id"], "properties": {
            "file": {"type": "string", "format": "binary", "description": _CSV_DOC},
            "template_id": {"type": "string"},
            "mapping": {"type": "string", "description": "JSON: `{\"csv column\": \"field name\"}`; a column "
                                                         "mapped to `null` or `\"\"` is ignored.",
                        "example": "{\"Headline\": \"title\", \"Photo URL\": \"photo\"}"},
            "sheet": {"type": "string", "maxLength": 255,
                      "description": "For an .xlsx: the name of the sheet to read (default: the first sheet)."},
            "format": {"type": "string", "enum": list(FORMATS), "default": "png"},
            "quality": {"type": "integer", "minimum": 1, "maximum": 100},
            "scale": {"type": "number", "minimum": 0.1, "maximum": 4, "default": 1},
            "webhook_url": {"type": "string"},
            "metadata": {"type": "string", "description": "A JSON object, echoed back."}}}},
    },
}


class BatchSchema(ma.Schema):
    """A batch: `status` is queued, running or completed; `completed` and `failed` count its rows."""

    id = fields.String(required=True, metadata={"example": "bat_0mhq3k2x1a2b3c4d5e6f7g8h"})
    status = fields.String(required=True, validate=one_of(BatchStatus))
    template_id = fields.String(required=True)
    template_version = fields.Integer(required=True, metadata={"description": "Every row renders this version."})
    format = fields.String(required=True)
    scale = fields.Float(required=True)
    total = fields.Integer(required=True, metadata={"description": "Rows in the batch."})
    completed = fields.Integer(required=True, metadata={"description": "Rows rendered."})
    failed = fields.Integer(required=True, metadata={"description": "Rows that failed (each render says why)."})
    ignored_columns = fields.List(fields.String(), required=True, metadata={
        "description": "Columns of the CSV or sheet that matched no field (empty for JSON rows)."})
    metadata = fields.Dict(allow_none=True)
    brand_id = fields.String(allow_none=True, metadata={"description": "The brand its rows draw, when it named one."})
    results_url = fields.String(required=True, metadata={
        "description": "results.csv without a key (signed; works at any time)."})
    archive_url = fields.String(required=True, metadata={
        "description": "archive.zip without a key (signed; 409 until the batch is completed)."})
    created_at = fields.String(required=True)
    completed_at = fields.String(allow_none=True)
    cancelled_at = fields.String(allow_none=True, metadata={"description": "When it was cancelled, if it was."})
    mode = mode_field()


class BatchRendersArgsSchema(ListArgsSchema):
    """A batch's renders in row order (row 1 first), or newest first; `page` and `limit` walk through them."""

    order = fields.String(load_default="rows", validate=validate.OneOf(["rows", "newest"]), metadata={
        "description": "`rows` (default): row 1 first, to read against your sheet; `newest`: the last rows made "
                       "first, like other lists."})

    status = fields.String(validate=one_of(RenderStatus),
                           metadata={"description": "Only renders of this status (`failed`: the rows to fix)."})


class BatchPreviewFormSchema(ma.Schema):
    """The multipart form of a batch preview: the same `file`, `template_id`, `mapping` and `sheet` as a batch."""

    template_id = fields.String(required=True)
    mapping = fields.String(metadata={"description": "JSON: `{\"csv column\": \"field name\"}`; `null` or `\"\"` "
                                                     "ignores a column."})
    sheet = fields.String(validate=validate.Length(max=255))
    limit = fields.Integer(load_default=5, validate=validate.Range(1, 50), metadata={
        "description": "How many rows to show (from the first), 1–50."})


PREVIEW_BODY = {
    "required": True,
    "description": "The multipart form a file batch takes (`curl -F file=@rows.csv -F template_id=tpl_…`), "
                   "read exactly as POST /batches reads it; nothing is started or stored.",
    "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file", "template_id"],
                                                   "properties": {
        "file": {"type": "string", "format": "binary", "description": _CSV_DOC},
        "template_id": {"type": "string"},
        "mapping": {"type": "string", "description": "JSON: `{\"csv column\": \"field name\"}`; a column mapped to "
                                                     "`null` or `\"\"` is ignored.",
                    "example": "{\"Headline\": \"title\", \"title\": null}"},
        "sheet": {"type": "string", "maxLength": 255,
                  "description": "For an .xlsx: the name of the sheet to read (default: the first sheet)."},
        "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 5,
                  "description": "How many rows to show, from the first."}}}}},
}


class PreviewRowSchema(ma.Schema):
    row = fields.Integer(required=True, metadata={"description": "1 = the first row under the header (blank "
                                                                 "lines not counted), as `metadata.row` of a render."})
    cells = fields.List(fields.String(), required=True, metadata={"description": "The row's cells, in column order."})
    fields_ = fields.Dict(data_key="fields", attribute="fields", required=True, metadata={
        "description": "The field values this row would render with: `{field: value}`. An empty cell is left out "
                       "(the field keeps the template's default)."})
    error = fields.String(allow_none=True, metadata={
        "description": "Why this row would fail alone (a line with more cells than the header), or null."})


class BatchPreviewSchema(ma.Schema):
    """What a batch would make of a file: its columns, which field each fills, and its first rows."""

    source = fields.String(required=True, validate=validate.OneOf(["csv", "xlsx"]))
    sheet = fields.String(allow_none=True, metadata={"description": "The sheet read (a workbook), or null."})
    columns = fields.List(fields.String(), required=True, metadata={
        "description": "The header's column names, in order (an unnamed column is `\"\"`)."})
    mapping = fields.Dict(keys=fields.String(), values=fields.String(), required=True, metadata={
        "description": "`{column: field}` for every column that fills a field: by name (letter case aside) or "
                       "by `mapping`. Send it back as `mapping` to POST /batches.",
        "example": {"Headline": "title"}})
    ignored_columns = fields.List(fields.String(), required=True, metadata={
        "description": "Named columns that fill no field."})
    fields_ = fields.List(fields.Nested(FieldSchema), data_key="fields", attribute="fields", required=True,
                          metadata={"description": "The template's fields, as GET /templates/{id}/fields lists them."})
    missing_required = fields.List(fields.String(), required=True, metadata={
        "description": "Required fields no column fills: every row would draw the template's own value."})
    total = fields.Integer(required=True, metadata={"description": "Rows the batch would have."})
    rows = fields.List(fields.Nested(PreviewRowSchema), required=True, metadata={
        "description": "The first `limit` rows."})
