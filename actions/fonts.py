"""Brand fonts: upload TTF, OTF, WOFF or WOFF2 files, list and delete them; templates use them by family."""

from __future__ import annotations

from functools import wraps

from flask import g, request
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.errors import ValidationFailed
from connector.fontstore import font_format
from connector.keys import Scope

from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, fingerprint_form, idempotent, principal, requires
from .font_schemas import FILENAME_PARAM, RAW_FONT_TYPES, UPLOAD_BODY, FontSchema
from .schemas import ListArgsSchema

blp = Blueprint("fonts", __name__, url_prefix="/api/v1/fonts",
                description="Brand fonts for this account's templates (scopes `templates:read`, `templates:write`).")

_MULTIPART_SLACK = 64 * 1024   # boundaries and part headers around the file itself
_FILE_REQUIRED = ("is required: send the font file (TTF, OTF, WOFF or WOFF2) as the multipart form field 'file', "
                  "or as the body with Content-Type font/ttf, font/otf, font/woff or font/woff2.")


def _takes_upload(view):
    """Read the upload before anything else reads the body: with the fonts' size limit instead of the API's smaller
    one, and, for a multipart form, with the Idempotency-Key fingerprint taken from the file rather than from the
    random boundary each retry of a client picks."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        request.max_content_length = connector().fonts.max_bytes + _MULTIPART_SLACK
        if request.mimetype == "multipart/form-data":
            upload = request.files.get("file")
            if upload is None:
                raise _missing_file()
            filename, data = upload.filename or "", upload.read()
            fingerprint_form(filename.encode(), data)
        elif request.mimetype in RAW_FONT_TYPES or _sent_as_plain_data():
            filename, data = request.args.get("filename", ""), request.get_data(cache=True)
        else:
            raise _missing_file()
        if not data:
            raise _missing_file("is empty: the file sent has no bytes.")
        g.font_upload = (filename, data)
        return view(*args, **kwargs)

    return wrapper


def _sent_as_plain_data() -> bool:
    """`curl --data-binary @Brand.ttf` without a Content-Type says it is a form; the bytes say it is a font."""
    return request.mimetype in ("", "application/x-www-form-urlencoded") and \
        font_format(request.get_data(cache=True)) is not None


def _missing_file(problem: str = _FILE_REQUIRED) -> ValidationFailed:
    return ValidationFailed(f"file: {problem}", details={"fields": {"file": [problem]}})


@blp.route("")
class Fonts(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 403)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, FontSchema(many=True))
    def get(self, args):
        """List brand fonts

        Newest first. A text layer uses one by its `family` in `font`, picking the face with `font_weight` and
        `font_style`.
        """
        return [record.to_dict() for record in connector().fonts.list(
            principal().account.id, limit=args["limit"], page=args["page"])]

    @requires(Scope.TEMPLATES_WRITE)
    @_takes_upload
    @blp.doc(parameters=[IDEMPOTENCY_HEADER_DOC, FILENAME_PARAM], requestBody=UPLOAD_BODY)
    @idempotent(blp)
    @documents(blp, 403, 409, 413, 422)
    @blp.response(201, FontSchema)
    @blp.alt_response(200, schema=FontSchema, description="This file was uploaded before: the font made then.")
    def post(self):
        """Upload a brand font

        TTF, OTF, WOFF or WOFF2, at most 10 MB; family, weight and style are read from the file. This account's
        renders can use it at once, by family, and it takes the place of an installed font of the same family.
        Upload one file per weight and style. At most 50 fonts per account. The same file (by `sha256`)
        uploaded again is the same font: 200 with the font made the first time.
        """
        filename, data = g.font_upload
        record, created = connector().fonts.upload(principal().account.id, filename, data)
        return record.to_dict(), 201 if created else 200


@blp.route("/<font_id>")
class FontById(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 403, 404)
    @blp.response(200, FontSchema)
    def get(self, font_id):
        """Show a brand font"""
        return connector().fonts.get(principal().account.id, font_id).to_dict()

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 403, 404)
    @blp.response(204)
    def delete(self, font_id):
        """Delete a brand font

        Renders from now on no longer use it (templates naming its family fall back to the default font, with a
        `font_substituted` warning); images already made keep it. Deleting it again is a 404.
        """
        connector().fonts.delete(principal().account.id, font_id)
