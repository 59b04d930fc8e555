"""What a batch is created from: JSON rows, or a CSV or .xlsx file in a multipart form, read before anything else."""

from __future__ import annotations

import json
from functools import wraps

import marshmallow as ma
from flask import g, request
from flask_smorest import abort

from connector.runtime.errors import ValidationFailed

from .batch_schemas import BatchCreateSchema, BatchFormSchema
from .common import connector, fingerprint_form
from .uploads import MULTIPART_SLACK


def _load(schema: ma.Schema, data, location: str) -> dict:
    try:
        return schema.load(data)
    except ma.ValidationError as exc:
        abort(422, messages={location: exc.messages})


_EXAMPLES = {"mapping": '{"Headline": "title"}', "metadata": '{"sheet": "June orders"}'}


def json_object(text: str | None, name: str) -> dict | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise ValidationFailed(f"{name} must be a JSON object, e.g. {_EXAMPLES[name]}.", details={"field": name})
    return value


def file_form(schema: ma.Schema) -> tuple[dict, bytes]:
    """A multipart form with a CSV or .xlsx ``file`` (under the file's larger size limit): its fields (``mapping``
    parsed, ``filename`` added) and the file's bytes."""
    conn = connector()
    request.max_content_length = conn.settings.csv_max_bytes + MULTIPART_SLACK
    form = _load(schema, request.form.to_dict(), "form")
    upload = request.files.get("file")
    if upload is None:
        raise ValidationFailed("file is required: send the CSV or .xlsx as the multipart form field "
                               "'file' (curl -F file=@rows.csv).", details={"field": "file"})
    data = upload.read()
    if len(data) > conn.settings.csv_max_bytes:
        abort(413)
    form["mapping"] = json_object(form.get("mapping"), "mapping")
    form["filename"] = upload.filename or ""
    return form, data


def takes_batch(view):
    """Read the body (JSON rows, or a CSV or .xlsx in a multipart form with the file's larger size limit) before
    anything else does; for a form, the Idempotency-Key fingerprint is taken from its parts, not its random
    boundary."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.mimetype == "multipart/form-data":
            form, data = file_form(BatchFormSchema())
            fingerprint_form(json.dumps(sorted(request.form.items(multi=True))).encode(), data)
            form["metadata"] = json_object(form.get("metadata"), "metadata")
            g.batch_body = ("file", form, data)
        else:
            body = request.get_json(silent=True)
            if body is None and request.get_data(cache=True).strip():
                abort(400, messages={"json": {"body": ["Not valid JSON."]}})
            if not isinstance(body, dict):
                raise ValidationFailed("Send JSON {\"template_id\": …, \"rows\": [{…}, …]} or a multipart form with "
                                       "a CSV file and template_id.", details={"field": "body"})
            g.batch_body = ("json", _load(BatchCreateSchema(), body, "json"), None)
        return view(*args, **kwargs)

    return wrapper


