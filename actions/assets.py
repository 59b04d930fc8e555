"""Assets: upload images (logos, photos) once, use their urls in templates; list, show and delete them."""

from __future__ import annotations

from functools import wraps

from flask import g, request
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.errors import ValidationFailed
from connector.keys import Scope

from .asset_schemas import RAW_IMAGE_TYPES, UPLOAD_BODY, AssetSchema
from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, fingerprint_form, idempotent, principal, requires
from .schemas import ListArgsSchema

blp = Blueprint("assets", __name__, url_prefix="/api/v1/assets",
                description="Uploaded images for this account's templates (scopes `templates:read`, "
                            "`templates:write`).")

_MULTIPART_SLACK = 64 * 1024   # boundaries and part headers around the file itself
_FILE_REQUIRED = ("is required: send the image (PNG, JPEG, WebP or GIF) as the multipart form field 'file', or as "
                  "the body with Content-Type image/png, image/jpeg, image/webp or image/gif.")


def _takes_upload(view):
    """Read the upload first, with the assets' size limit instead of the API's smaller one, and, for a multipart
    form, with the Idempotency-Key fingerprint taken from the file rather than from the form's random boundary."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        request.max_content_length = connector().assets.max_bytes + _MULTIPART_SLACK
        if request.mimetype == "multipart/form-data":
            upload = request.files.get("file")
            if upload is None:
                raise _missing_file()
            data = upload.read()
            fingerprint_form(data)
        elif request.mimetype in RAW_IMAGE_TYPES:
            data = request.get_data(cache=True)
        else:
            raise _missing_file()
        if not data:
            raise _missing_file("is empty: the file sent has no bytes.")
        g.asset_upload = data
        return view(*args, **kwargs)

    return wrapper


def _missing_file(problem: str = _FILE_REQUIRED) -> ValidationFailed:
    return ValidationFailed(f"file: {problem}", details={"fields": {"file": [problem]}})


def _out(record) -> dict:
    return record.to_dict(connector().files.url)


@blp.route("")
class Assets(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 403)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, AssetSchema(many=True))
    def get(self, args):
        """List assets

        Newest first.
        """
        return [_out(r) for r in connector().assets.list(principal().account.id, limit=args["limit"],
                                                         page=args["page"])]

    @requires(Scope.TEMPLATES_WRITE)
    @_takes_upload
    @blp.doc(parameters=[IDEMPOTENCY_HEADER_DOC], requestBody=UPLOAD_BODY)
    @idempotent(blp)
    @documents(blp, 403, 413, 415, 422)
    @blp.response(201, AssetSchema)
    @blp.alt_response(200, schema=AssetSchema, description="These bytes were uploaded before: the asset made then.")
    def post(self):
        """Upload an asset

        A PNG, JPEG, WebP or GIF image (judged by its content, not its name), at most 10 MB (413 above) and 40
        megapixels (422 above); anything else is a 415. Use its `url` as any image `src`: this account's renders
        read it straight from storage. The same bytes uploaded again are the same asset: 200 with the asset made
        the first time.
        """
        record, created = connector().assets.upload(principal().account.id, g.asset_upload)
        return _out(record), 201 if created else 200


@blp.route("/<asset_id>")
class AssetById(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 403, 404)
    @blp.response(200, AssetSchema)
    def get(self, asset_id):
        """Show an asset"""
        return _out(connector().assets.get(principal().account.id, asset_id))

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 403, 404)
    @blp.response(204)
    def delete(self, asset_id):
        """Delete an asset

        Its file goes at once. Templates still using its url render with the layer's `on_error` behaviour
        (`fail`: the render fails naming the image; `hide`: the layer is left out, with a warning); images already
        made keep it. Deleting it again is a 404.
        """
        connector().assets.delete(principal().account.id, asset_id)
