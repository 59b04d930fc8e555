"""Schemas of the font endpoints: the font object, the upload's query and the documented upload bodies."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

RAW_FONT_TYPES = ("font/ttf", "font/otf", "font/woff", "font/woff2", "font/collection", "font/sfnt",
                  "application/font-woff", "application/x-font-ttf", "application/x-font-otf",
                  "application/octet-stream")

_FILE_DOC = "The font file: TTF, OTF, WOFF or WOFF2 (or a TTC collection), at most 10 MB."
_DOCUMENTED_TYPES = ("font/ttf", "font/otf", "font/woff", "font/woff2", "application/octet-stream")

UPLOAD_BODY = {
    "required": True,
    "description": "Either a multipart form with the file in the field `file` (what Zapier, Make, n8n and "
                   "`curl -F file=@Brand-Bold.woff2` send), or the file itself as the body with a font "
                   "`Content-Type` and its name in the `filename` query argument "
                   "(`curl --data-binary @Brand-Bold.ttf -H 'Content-Type: font/ttf'`).",
    "content": {
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary", "description": _FILE_DOC}}},
            "encoding": {"file": {"contentType": ", ".join(_DOCUMENTED_TYPES)}}},
        **{media: {"schema": {"type": "string", "format": "binary", "contentMediaType": media,
                              "description": _FILE_DOC}} for media in _DOCUMENTED_TYPES},
    },
}


class FontSchema(ma.Schema):
    """An uploaded font. Templates use it by `family` (text layers' `font`), with `font_weight` and `font_style`."""

    id = fields.String(required=True, metadata={"example": "fnt_0mhq3k2x1a2b3c4d5e6f7g8h"})
    family = fields.String(required=True, metadata={
        "description": "Read from the file: what a text layer's `font` names to use it.", "example": "Acme Sans"})
    weight = fields.Integer(required=True, metadata={"description": "Read from the file: 100 to 900, 700 is bold.",
                                                     "example": 700})
    style = fields.String(required=True, validate=validate.OneOf(["normal", "italic"]))
    filename = fields.String(required=True, metadata={"example": "AcmeSans-Bold.woff2"})
    format = fields.String(required=True, validate=validate.OneOf(["ttf", "otf", "woff", "woff2", "ttc"]),
                           metadata={"description": "What the file is, judged by its content."})
    size_bytes = fields.Integer(required=True)
    sha256 = fields.String(required=True, metadata={
        "description": "Of the file: uploading the same file again answers 200 with this font (empty for fonts "
                       "uploaded before Platen kept it)."})
    created_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})

# By hand, not from a schema: the Idempotency-Key doc replaces the generated parameter list (flask-smorest's
# manual docs replace lists), so the upload's parameters are all listed in one place.
FILENAME_PARAM = {"in": "query", "name": "filename", "required": False, "schema": {"type": "string", "maxLength": 200},
                  "description": "The file's name, when the body is the file itself (a multipart upload carries "
                                 "its own)."}


class FontFaceStyleSchema(ma.Schema):
    weight = fields.Integer(required=True, metadata={"description": "100 to 900; 700 is bold.", "example": 700})
    style = fields.String(required=True, validate=validate.OneOf(["normal", "italic"]))


class FontFamilySchema(ma.Schema):
    """A font family a text layer may name in `font`: installed on this instance, or uploaded by this account."""

    family = fields.String(required=True, metadata={"description": "What a text layer's `font` names.",
                                                    "example": "Noto Sans"})
    source = fields.String(required=True, validate=validate.OneOf(["uploaded", "installed"]), metadata={
        "description": "`uploaded`: this account's brand font (it takes the place of an installed family of the "
                       "same name); `installed`: on the instance for every account."})
    faces = fields.List(fields.Nested(FontFaceStyleSchema), required=True, metadata={
        "description": "The weights and styles there are; `font_weight` and `font_style` pick the nearest."})
