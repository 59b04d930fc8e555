"""Generations: designs from a text, a web page or a PDF, in several formats at once (start one, list, read one)."""

from __future__ import annotations

import json
from functools import wraps

import marshmallow as ma
from flask import g, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from connector.accounts.keys import Scope
from connector.generations.creating import MAX_PDF_BYTES, accept, by_fields
from connector.runtime.errors import PayloadTooLarge, ValidationFailed

from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, fingerprint_form, idempotent, principal, requires
from .generation_schemas import CREATE_BODY, GenerationCreateSchema, GenerationSchema
from .schemas import ListArgsSchema
from .uploads import MULTIPART_SLACK

blp = Blueprint("generations", __name__, url_prefix="/api/v1/generations",
                description="Designs from content: a text, a web page or a PDF laid out in several formats at once, "
                            "each saved as a template and rendered (scopes `renders:write`, `renders:read`).")


def _json_part(name: str, example: str):
    text = request.form.get(name)
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):   # RecursionError: nested past what can be read
        raise _refused(name, f"must be JSON, e.g. {example}.") from None


def _form_formats() -> list[str]:
    parts = [p for p in request.form.getlist("output_formats") if p.strip()]
    if len(parts) == 1 and parts[0].strip().startswith("["):
        return _json_part("output_formats", '["og", "linkedin_carousel"]')
    return [name.strip() for part in parts for name in part.split(",") if name.strip()]


def _refused(field: str, problem: str) -> ValidationFailed:
    """A 422 in the generations' one convention: "<field>: <problem>", details.fields {field: [problem]}."""
    return ValidationFailed(f"{field}: {problem}", details={"fields": {field: [problem]}})


def _first_problem(messages) -> str:
    while not isinstance(messages, str):
        messages = next(iter(messages.values())) if isinstance(messages, dict) else messages[0]
    return messages


def _load(data: dict) -> dict:
    """The body as the schema reads it (types); a wrong one is a 422 naming the top-level field. Which ids are
    known, and what is required, is checked when the generation is accepted, in any case."""
    try:
        return GenerationCreateSchema().load(data, partial=("input_type", "output_formats"))
    except ma.ValidationError as exc:
        field = next(iter(exc.messages)) if isinstance(exc.messages, dict) else "body"
        raise _refused("body" if field == "_schema" else field, _first_problem(exc.messages)) from None


def takes_generation(view):
    """Read the body (JSON, or a multipart form whose `file` is a PDF, under the PDF's own size limit) into
    ``g.generation_body`` as ``(data, pdf bytes or None)``; for a form, the Idempotency-Key fingerprint is taken
    from its parts, not its random boundary."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.mimetype == "multipart/form-data":
            request.max_content_length = MAX_PDF_BYTES + MULTIPART_SLACK
            upload = request.files.get("file")
            pdf = upload.read() if upload is not None else None
            if pdf is not None and len(pdf) > MAX_PDF_BYTES:
                raise PayloadTooLarge("file: the PDF is larger than the 20 MB a generation reads.",
                                      details={"field": "file"})
            fingerprint_form(json.dumps(sorted(request.form.items(multi=True))).encode(), pdf or b"")
            form = {k: v for k, v in request.form.items() if k not in ("output_formats", "carousel_slides",
                                                                        "metadata") and v != ""}
            form.setdefault("input_type", "pdf" if pdf is not None else "")
            form["output_formats"] = _form_formats()
            for name, example in (("carousel_slides", '{"linkedin_carousel": 5}'), ("metadata", '{"post": 42}')):
                value = _json_part(name, example)
                if value is not None:
                    form[name] = value
            g.generation_body = (_load(form), pdf)
        else:
            body = request.get_json(silent=True)
            if body is None and request.get_data(cache=True).strip() not in (b"", b"null"):   # null: not an object
                abort(400, messages={"json": {"body": ["Not valid JSON."]}})
            if not isinstance(body, dict):
                raise _refused("body", "send JSON {\"input_type\": \"text\", \"input_content\": …, \"output_formats\": "
                                       "[…]} or a multipart form with a PDF file.")
            if isinstance(body.get("output_formats"), str):   # "og, linkedin_carousel", as a text box sends it
                body = {**body, "output_formats": [n.strip() for n in body["output_formats"].split(",") if n.strip()]}
            g.generation_body = (_load(body), None)
        return view(*args, **kwargs)

    return wrapper


@blp.route("")
class Generations(MethodView):
    @requires(Scope.RENDERS_WRITE)
    @takes_generation
    @blp.doc(parameters=[IDEMPOTENCY_HEADER_DOC], requestBody=CREATE_BODY)
    @idempotent(blp)
    @documents(blp, 402, 413, 422)
    @blp.response(202, GenerationSchema, description="Accepted: poll it, or wait for its event or webhook_url.")
    def post(self):
        """Start a generation

        Reads the input (a text as given; a web page or PDF fetched by the server), designs each of
        `output_formats` in `visual_style` and the brand, saves each design as an ordinary template of your
        account and renders its pages as PNGs (a carousel: one render per slide). Answers 202 at once; the
        generation is `completed` (its `outputs` carry template ids, render ids and file URLs) or `failed` (its
        `error` says why), and `generation.completed` or `generation.failed` fires (hooks, the polling triggers
        and `webhook_url`). One credit per rendered page (test keys: none); refused with 402 up front when the
        month's credits cannot cover every page.
        """
        data, pdf = g.generation_body
        conn, who = connector(), principal()
        try:
            record = accept(conn, who, data, pdf)
        except ValidationFailed as exc:
            raise by_fields(exc) from None
        return conn.generations.api_object(record), 202, {"Location": f"/api/v1/generations/{record.id}"}

    @requires(Scope.RENDERS_READ)
    @documents(blp, 422)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, GenerationSchema(many=True))
    def get(self, args):
        """List generations

        Newest first.
        """
        conn = connector()
        return [conn.generations.api_object(r)
                for r in conn.generations.list(principal().account.id, args["limit"], args["page"])]


@blp.route("/<generation_id>")
class GenerationById(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404)
    @blp.response(200, GenerationSchema)
    def get(self, generation_id):
        """Show one generation"""
        conn = connector()
        return conn.generations.api_object(conn.generations.get(principal().account.id, generation_id))
