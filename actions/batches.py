"""Batches: many renders from JSON rows, a CSV file or an Excel workbook; their renders, a results CSV and a ZIP
of the images."""

from __future__ import annotations

import json

from flask import current_app, g, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.batches import uploads as batchuploads
from connector.batches.csvrows import row_fields
from connector.batches.results import archive, results_csv
from connector.renders import signing
from connector.runtime.errors import Conflict, Forbidden, NotFound, UnsupportedMediaType
from connector.templates.fields import fields_as
from connector.webhooks.hooks import check_url

from .batch_bodies import file_form, takes_batch
from .batch_schemas import (
    CREATE_BODY,
    PREVIEW_BODY,
    BatchPreviewFormSchema,
    BatchPreviewSchema,
    BatchRendersArgsSchema,
    BatchSchema,
)
from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, idempotent, principal, requires
from .openapi_shapes import BINARY, binary
from .render_schemas import RenderSchema
from .renders import api_object
from .schemas import ListArgsSchema

blp = Blueprint("batches", __name__, url_prefix="/api/v1/batches",
                description="Bulk generation: one render per row of JSON, a CSV or an Excel workbook (scopes "
                            "`renders:write`, `renders:read`).")


@blp.route("")
class Batches(MethodView):
    @requires(Scope.RENDERS_WRITE)
    @takes_batch
    @blp.doc(parameters=[IDEMPOTENCY_HEADER_DOC], requestBody=CREATE_BODY)
    @idempotent(blp)
    @documents(blp, 402, 404, 413, 415, 422)
    @blp.response(202, BatchSchema)
    def post(self):
        """Start a batch

        One render per row, from JSON `rows`, or a CSV or Excel (.xlsx) `file`; answers 202 at once. Each row's
        render carries the `batch_id` and `metadata.row` (1-based). A row with a bad value fails alone, with its
        reason, and the batch goes on. When every row is done, `batch.completed` fires (hooks, the polling
        trigger and this batch's `webhook_url`). Batch rows wait behind single renders, so a big batch never
        slows your one-off renders down. Every fresh row uses one credit (a PDF one per page); the batch is refused with
        402 up front if the month's credits cannot cover every row.
        """
        conn, who = connector(), principal()
        source, data, file_bytes = g.batch_body
        if data.get("webhook_url"):
            check_url(conn, data["webhook_url"], "webhook_url")
        template = conn.templates.get(who.account.id, data["template_id"])
        conn.brands.check_id(who.account.id, data.get("brand_id") or None)
        columns = mapping = None
        delimiter = ","
        if source == "file":
            upload = batchuploads.read(file_bytes, data["filename"], template.template, data.get("mapping"),
                                       sheet=data.get("sheet"), max_rows=conn.settings.batch_max_rows,
                                       max_bytes=conn.settings.csv_max_bytes)
            source, columns, mapping, rows, delimiter = (upload.source, upload.columns, upload.mapping, upload.rows,
                                                         upload.delimiter)
        else:
            rows = [{"f": row} if isinstance(row, dict) else
                    {"f": {}, "e": f"This row is {json.dumps(row)[:40]}, not an object of field values like "
                                   "{\"title\": \"Hello\"}."} for row in data["rows"]]
        batch = conn.batches.create(who, template, rows, fmt=data["format"], quality=data.get("quality"),
                                    scale=data["scale"], webhook_url=data.get("webhook_url"),
                                    metadata=data.get("metadata"), source=source, columns=columns, mapping=mapping,
                                    delimiter=delimiter, brand_id=data.get("brand_id") or None)
        return conn.batches.api_object(batch, who.account.signing_secret), 202, \
            {"Location": f"/api/v1/batches/{batch.id}"}

    @requires(Scope.RENDERS_READ)
    @documents(blp, 422)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, BatchSchema(many=True))
    def get(self, args):
        """List batches

        Newest first.
        """
        conn, who = connector(), principal()
        secret = who.account.signing_secret
        return [conn.batches.api_object(b, secret) for b in conn.batches.list(who.account.id, args["limit"],
                                                                              args["page"])]


@blp.route("/preview", methods=["POST"])
@requires(Scope.RENDERS_WRITE)
@blp.doc(requestBody=PREVIEW_BODY)
@documents(blp, 404, 413, 415, 422)
@blp.response(200, BatchPreviewSchema)
def preview_batch():
    """Preview a file batch

    What POST /batches would make of a CSV or Excel file, without starting anything: its columns, which field
    each fills (`mapping`: by name, letter case aside, or by the `mapping` you send), the columns ignored, the
    required fields no column fills, how many rows it has and the first `limit` rows as the fields they would
    render with. The file is read exactly as a batch reads it — the same limits and the same errors (415 for a
    PDF, 422 for a sheet the workbook lacks) — except that no column matching a field is not an error here, so
    a form can offer to map them by hand. Costs nothing and stores nothing.
    """
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType("Send the file as a multipart form (curl -F file=@rows.csv -F template_id=tpl_…).",
                                   details={"field": "file"})
    conn, who = connector(), principal()
    form, data = file_form(BatchPreviewFormSchema())
    record = conn.templates.get(who.account.id, form["template_id"])
    upload = batchuploads.read(data, form["filename"], record.template, form.get("mapping"), sheet=form.get("sheet"),
                               max_rows=conn.settings.batch_max_rows, max_bytes=conn.settings.csv_max_bytes,
                               require_match=False)
    fields = fields_as(record.template, "native")
    filled = set(upload.mapping.values())
    rows = [{"row": number, "cells": row["c"],
             "fields": row_fields(row, upload.columns, upload.mapping), "error": row.get("e")}
            for number, row in enumerate(upload.rows[:form["limit"]], start=1)]
    return {"source": upload.source, "sheet": upload.sheet, "columns": upload.columns, "mapping": upload.mapping,
            "ignored_columns": [c for c in upload.columns if c and c not in upload.mapping], "fields": fields,
            "missing_required": [f["name"] for f in fields if f["required"] and f["name"] not in filled],
            "total": len(upload.rows), "rows": rows}


@blp.route("/<batch_id>")
class BatchById(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404)
    @blp.response(200, BatchSchema)
    def get(self, batch_id):
        """Show a batch

        `completed` and `failed` count rows as they finish; `status` is `completed` once every row is done.
        """
        conn, account = connector(), principal().account
        return conn.batches.api_object(conn.batches.get(account.id, batch_id), account.signing_secret)


@blp.route("/<batch_id>/renders")
class BatchRenders(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404, 422)
    @blp.arguments(BatchRendersArgsSchema, location="query")
    @blp.response(200, RenderSchema(many=True))
    def get(self, args, batch_id):
        """List a batch's renders

        In row order (row 1 is the first row under the header), `limit` per page, or `order=newest` for the
        last rows made first; `status=failed` lists the rows that failed, each saying why in `error`.
        """
        conn = connector()
        batch = conn.batches.get(principal().account.id, batch_id)
        found = conn.batches.renders_page(batch, args.get("status"), args["page"] * args["limit"], args["limit"],
                                          newest=args["order"] == "newest")
        return [api_object(r) for r in found]


@blp.route("/<batch_id>/cancel")
class BatchCancel(MethodView):
    @requires(Scope.RENDERS_WRITE)
    @documents(blp, 404, 409)
    @blp.response(202, BatchSchema)
    def post(self, batch_id):
        """Cancel a batch

        Rows not rendered yet fail with `cancelled` (their credit comes back); rows being drawn right now finish.
        The batch then completes as usual (`batch.completed` fires) with `cancelled_at` set. Cancelling again
        changes nothing; a completed batch is a 409.
        """
        conn, account = connector(), principal().account
        return conn.batches.api_object(conn.batches.cancel(account.id, batch_id), account.signing_secret)


def _download(batch, name: str, mimetype: str, body):
    response = current_app.response_class(stream_with_context(body), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{batch.id}-{name}"'
    response.headers["Cache-Control"] = "private, no-store" if batch.status != "completed" else "private, max-age=60"
    return response


def _results(conn, batch):
    return _download(batch, "results.csv", "text/csv", (part.encode() for part in results_csv(conn, batch)))


def _archive(conn, batch):
    if batch.status != "completed":
        raise Conflict(f"Batch {batch.id} is still {batch.status} ({batch.completed + batch.failed} of "
                       f"{batch.total} rows done); its archive is ready when batch.completed fires.",
                       details={"status": batch.status}, headers={"Retry-After": "10"})
    return _download(batch, "archive.zip", "application/zip", archive(conn, batch))


@blp.route("/<batch_id>/results.csv")
class BatchResults(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404)
    @blp.response(200, {"type": "string"}, description="The CSV.", content_type="text/csv")
    def get(self, batch_id):
        """Download the results as CSV

        The rows as sent (the CSV's columns, with its delimiter, or the JSON rows' keys) plus `render_id`,
        `status`, `url`, `error` and `warnings`, in row order. Available at any time; rows not rendered yet say
        `queued`. The batch's `results_url` is the same file without a key.
        """
        conn = connector()
        return _results(conn, conn.batches.get(principal().account.id, batch_id))


@blp.route("/<batch_id>/archive.zip")
class BatchArchive(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404, 409)
    @blp.response(200, BINARY, description="The ZIP.", content_type="application/zip")
    def get(self, batch_id):
        """Download every image as a ZIP

        Files are named by row (`00001.png`; pages of a multi-page image `00001-p2.png`), with `results.csv`
        beside them. Failed rows have no file. A batch still running is a 409: wait for `batch.completed`.
        The batch's `archive_url` is the same file without a key.
        """
        conn = connector()
        return _archive(conn, conn.batches.get(principal().account.id, batch_id))


downloads = Blueprint("batch_downloads", __name__, description="Keyless, signed batch downloads.")


@downloads.route("/batches/<batch_id>/<any(\"results.csv\", \"archive.zip\"):name>")
@downloads.doc(security=[], parameters=[
    {"in": "path", "name": "name", "required": True, "description": "Which file: the results CSV or the images' ZIP.",
     "schema": {"type": "string", "enum": ["results.csv", "archive.zip"]}},
    {"in": "query", "name": signing.SIGNATURE_PARAM, "required": True, "schema": {"type": "string"},
     "description": "The signature the batch's `results_url` and `archive_url` carry."}],
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}, **binary("application/zip")}}})
@downloads.response(200, description="results.csv (text/csv) or archive.zip (application/zip).")
@downloads.alt_response(403, response="FORBIDDEN")
@downloads.alt_response(404, response="NOT_FOUND")
@downloads.alt_response(409, response="CONFLICT")
@downloads.alt_response(429, response="TOO_MANY_REQUESTS")
def signed_download(batch_id, name):
    """Download a batch's results without a key

    The `results_url` and `archive_url` of a batch: signed with the account's secret, so they work in an email,
    a browser or the next step of a zap. A changed or missing `s` is a 403.
    """
    conn = connector()
    batch = conn.batches.load(batch_id)
    if batch is None:
        raise NotFound(f"There is no batch {batch_id}.")
    account = conn.accounts.get_account(batch.account_id)
    if not signing.verify(account.signing_secret, request.path, [], request.args.get(signing.SIGNATURE_PARAM)):
        raise Forbidden("This download link's signature is missing or wrong: use the batch's results_url or "
                        "archive_url as given.")
    return _results(conn, batch) if name == "results.csv" else _archive(conn, batch)
