"""Brand fonts: upload TTF, OTF, WOFF or WOFF2 files, list and delete them; templates use them by family."""

from __future__ import annotations

from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.fonts.store import font_format

from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, idempotent, principal, requires
from .font_schemas import FILENAME_PARAM, RAW_FONT_TYPES, UPLOAD_BODY, FontFamilySchema, FontSchema
from .schemas import ListArgsSchema
from .uploads import takes_upload

blp = Blueprint("fonts", __name__, url_prefix="/api/v1/fonts",
                description="Brand fonts for this account's templates (scopes `templates:read`, `templates:write`).")

_FILE_REQUIRED = ("is required: send the font file (TTF, OTF, WOFF or WOFF2) as the multipart form field 'file', "
                  "or as the body with Content-Type font/ttf, font/otf, font/woff or font/woff2.")
_takes_upload = takes_upload(lambda: connector().fonts.max_bytes, RAW_FONT_TYPES, _FILE_REQUIRED,
                             sniff=lambda data: font_format(data) is not None)


@blp.route("")
class Fonts(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp)
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
    @documents(blp, 409, 413, 422)
    @blp.response(201, FontSchema)
    @blp.alt_response(200, schema=FontSchema, description="This file was uploaded before: the font made then.")
    def post(self):
        """Upload a brand font

        TTF, OTF, WOFF or WOFF2, at most 10 MB; family, weight and style are read from the file. This account's
        renders can use it at once, by family, and it takes the place of an installed font of the same family.
        Upload one file per weight and style. At most 50 fonts per account. The same file (by `sha256`)
        uploaded again is the same font: 200 with the font made the first time.
        """
        filename, data = g.upload
        record, created = connector().fonts.upload(principal().account.id, filename, data)
        return record.to_dict(), 201 if created else 200


@blp.route("/families")
class FontFamilies(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp)
    @blp.response(200, FontFamilySchema(many=True))
    def get(self):
        """List the font families templates can use

        Every family a text layer may name in `font`: this account's uploaded brand fonts and the fonts installed
        on the instance (the system's and `PLATEN_FONT_DIRS`), sorted by name, each with its weights and styles.
        The editor's font picker reads it.
        """
        registry = connector().fonts_for(principal().account.id)
        out = []
        for family, faces in registry.family_faces():
            own = hasattr(registry, "owns") and any(registry.owns(face) for face in faces)
            styles = sorted({(face.weight, "italic" if face.italic else "normal") for face in faces},
                            key=lambda s: (s[1], s[0]))
            out.append({"family": family, "source": "uploaded" if own else "installed",
                        "faces": [{"weight": weight, "style": style} for weight, style in styles]})
        return out


@blp.route("/<font_id>")
class FontById(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.response(200, FontSchema)
    def get(self, font_id):
        """Show a brand font"""
        return connector().fonts.get(principal().account.id, font_id).to_dict()

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 404)
    @blp.response(204)
    def delete(self, font_id):
        """Delete a brand font

        Renders from now on no longer use it (templates naming its family fall back to the default font, with a
        `font_substituted` warning); images already made keep it. Deleting it again is a 404.
        """
        connector().fonts.delete(principal().account.id, font_id)
