"""Assets: upload images (logos, photos) once, use their urls in templates; list, show and delete them."""

from __future__ import annotations

from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.templates.assets import image_format

from .asset_schemas import RAW_IMAGE_TYPES, UPLOAD_BODY, AssetSchema
from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, idempotent, principal, requires
from .schemas import ListArgsSchema
from .uploads import takes_upload

blp = Blueprint("assets", __name__, url_prefix="/api/v1/assets",
                description="Uploaded images for this account's templates (scopes `templates:read`, "
                            "`templates:write`).")

_FILE_REQUIRED = ("is required: send the image (PNG, JPEG, WebP or GIF) as the multipart form field 'file', or as "
                  "the body with Content-Type image/png, image/jpeg, image/webp or image/gif.")
_takes_upload = takes_upload(lambda: connector().assets.max_bytes, RAW_IMAGE_TYPES, _FILE_REQUIRED,
                             sniff=lambda data: image_format(data) is not None)


def _out(record) -> dict:
    return record.to_dict(connector().files.url)


@blp.route("")
class Assets(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp)
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
    @documents(blp, 413, 415, 422)
    @blp.response(201, AssetSchema)
    @blp.alt_response(200, schema=AssetSchema, description="These bytes were uploaded before: the asset made then.")
    def post(self):
        """Upload an asset

        A PNG, JPEG, WebP or GIF image (judged by its content, not its name), at most 10 MB (413 above) and 40
        megapixels (422 above); anything else is a 415. Use its `url` as any image `src`: this account's renders
        read it straight from storage. The same bytes uploaded again are the same asset: 200 with the asset made
        the first time.
        """
        record, created = connector().assets.upload(principal().account.id, g.upload[1])
        return _out(record), 201 if created else 200


@blp.route("/<asset_id>")
class AssetById(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.response(200, AssetSchema)
    def get(self, asset_id):
        """Show an asset"""
        return _out(connector().assets.get(principal().account.id, asset_id))

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 404)
    @blp.response(204)
    def delete(self, asset_id):
        """Delete an asset

        Its file goes at once. Templates still using its url render with the layer's `on_error` behaviour
        (`fail`: the render fails naming the image; `hide`: the layer is left out, with a warning); images already
        made keep it. Deleting it again is a 404.
        """
        connector().assets.delete(principal().account.id, asset_id)
