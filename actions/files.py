"""Hosted output files: ``GET /files/<key>``, no key needed (the path itself is unguessable)."""

from __future__ import annotations

import hashlib

from flask import current_app, request
from flask_smorest import Blueprint

from connector.runtime.errors import NotFound
from connector.storage import FileMissing, safe_key

from .common import connector
from .openapi_shapes import binary

blp = Blueprint("files", __name__, description="Rendered files, served by their unguessable paths.")
YEAR = 365 * 24 * 3600


@blp.route("/files/<path:key>", methods=["GET", "HEAD"])
@blp.doc(security=[])
@blp.response(200, description="The file, with its own content type.")
@blp.doc(responses={200: {"content": binary("image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf",
                                            "application/octet-stream")}})
@blp.alt_response(404, response="NOT_FOUND")
def hosted_file(key):
    """A hosted render file

    Files never change once written (every render gets a new path), so they are cacheable for a year.
    """
    missing = NotFound("There is no such file; it may have passed the retention period.")
    if not safe_key(key):
        raise missing
    try:
        data, media_type = connector().files.get(key)
    except FileMissing:
        raise missing from None
    etag = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
    if request.if_none_match.contains(etag):
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(data, mimetype=media_type)
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
