"""Renders: create one (sync or async; url, base64 or bytes), list them, read one, download its file."""

from __future__ import annotations

import base64
import re

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.renders.creating import render_and_wait
from connector.renders.record import RenderRequest, RenderStatus, extension
from connector.runtime.errors import Conflict, RenderFailed
from connector.webhooks.hooks import check_url
from renderer.encode import FORMATS

from .common import connector, documents, idempotent, principal, requires
from .openapi_shapes import binary
from .render_schemas import RenderCreateSchema, RenderListArgsSchema, RenderSchema

blp = Blueprint("renders", __name__, url_prefix="/api/v1/renders",
                description="Render images from templates and read the results.")
FILE_TYPES = tuple(FORMATS.values())   # what a render's file is


def api_object(record) -> dict:
    return record.to_api(connector().files.url)


@blp.route("")
class Renders(MethodView):
    @requires(Scope.RENDERS_WRITE)
    @idempotent(blp)
    @documents(blp, 402, 404, 409, 422)
    @blp.arguments(RenderCreateSchema())   # an instance: webargs would build a class anew for every request
    @blp.response(201, RenderSchema, description="The finished render; with `output: binary`, the file itself.")
    @blp.doc(responses={201: {"content": binary(*FILE_TYPES)}})
    @blp.alt_response(202, schema=RenderSchema, description="Accepted, not finished yet: poll the render or "
                                                             "wait for its webhook.")
    def post(self, data):
        """Render an image

        Answers 201 with the finished render when it completes within `timeout` seconds, else 202 with the
        render still `queued` or `rendering`; `wait: false` always answers 202 at once. A render that fails
        while you wait answers 422 `render_failed` naming the cause. The same template version, fields and
        format render once: repeats come from the cache (`cached: true`) and use no credit.
        """
        conn = connector()
        if data.get("webhook_url"):
            check_url(conn, data["webhook_url"], "webhook_url")
        req = RenderRequest(template_id=data.get("template_id"), template=data.get("template"),
                            template_version=data.get("template_version"), fields=data["fields_"],
                            format=data["format"], quality=data.get("quality"),
                            scale=data["scale"], page=data.get("page"), metadata=data.get("metadata"),
                            webhook_url=data.get("webhook_url"), brand_id=data.get("brand_id"))
        record = render_and_wait(conn, principal(), req, data["timeout"] if data["wait"] else 0)
        if record.status == RenderStatus.FAILED.value and data["wait"]:
            raise RenderFailed(f"The render failed: {record.error['message']}",
                               details={"render_id": record.id, "error": record.error["error"]})
        if not data["wait"] or record.status != RenderStatus.COMPLETED.value:   # wait: false is 202, cached or not
            return api_object(record), 202, {"Location": f"/api/v1/renders/{record.id}"}
        if data["output"] == "binary":
            return file_response(record, attachment=False, status=201)
        body = api_object(record)
        if data["output"] == "base64":
            body["base64"] = base64.b64encode(conn.files.get(record.file_key)[0]).decode()
        return body, 201

    @requires(Scope.RENDERS_READ)
    @documents(blp, 422)
    @blp.arguments(RenderListArgsSchema(), location="query")
    @blp.response(200, RenderSchema(many=True))
    def get(self, args):
        """List renders

        Newest first; filter by `status`, `template_id`, `batch_id` and `since` (an ISO time or a render id).
        """
        records = connector().render_store.list(
            principal().account.id, status=args.get("status"), template_id=args.get("template_id"),
            batch_id=args.get("batch_id"), since=args.get("since"), limit=args["limit"], page=args["page"])
        return [api_object(r) for r in records]


@blp.route("/<render_id>")
class RenderById(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404)
    @blp.response(200, RenderSchema)
    def get(self, render_id):
        """Show one render"""
        return api_object(connector().render_store.get(principal().account.id, render_id))


@blp.route("/<render_id>/file")
class RenderFile(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404, 409)
    @blp.response(200, description="The file's bytes.")
    @blp.doc(responses={200: {"content": binary(*FILE_TYPES)}})
    def get(self, render_id):
        """Download a render's file

        The bytes with their `Content-Type` and a `Content-Disposition` file name. A render that has not
        finished (or failed) is a 409.
        """
        record = connector().render_store.get(principal().account.id, render_id)
        if record.status != RenderStatus.COMPLETED.value:
            reason = record.error["message"] if record.error else f"it is still {record.status}"
            raise Conflict(f"Render {render_id} has no file: {reason}.", details={"status": record.status})
        return file_response(record, attachment=True)


def file_response(record, *, attachment: bool, status: int = 200):
    data, media_type = connector().files.get(record.file_key)
    response = current_app.response_class(data, status=status, mimetype=media_type or FORMATS[record.format])
    name = f"{_slug(record.template_id or 'render')}-{record.id}.{extension(record.format)}"
    response.headers["Content-Disposition"] = f'{"attachment" if attachment else "inline"}; filename="{name}"'
    response.headers["X-Render-Id"] = record.id
    response.headers["X-Render-Cached"] = "true" if record.cached else "false"
    if request.method == "GET":
        response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:60] or "render"
