"""Schemas of the asset endpoints: the asset object and the documented upload bodies."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

RAW_IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp", "image/gif", "application/octet-stream")

_FILE_DOC = "The image: PNG, JPEG, WebP or GIF (judged by its content), at most 10 MB and 40 megapixels."

UPLOAD_BODY = {
    "required": True,
    "description": "A multipart form with the image in the field `file` (what browsers, Zapier, Make, n8n and "
                   "`curl -F file=@logo.png` send), or the image itself as the body with an image `Content-Type` "
                   "(`curl --data-binary @logo.png -H 'Content-Type: image/png'`).",
    "content": {
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary", "description": _FILE_DOC}}},
            "encoding": {"file": {"contentType": ", ".join(RAW_IMAGE_TYPES)}}},
        **{media: {"schema": {"type": "string", "format": "binary", "contentMediaType": media,
                              "description": _FILE_DOC}} for media in RAW_IMAGE_TYPES},
    },
}


class AssetSchema(ma.Schema):
    """An uploaded image. Its `url` is usable as any image `src` (layers, backgrounds, field values)."""

    id = fields.String(required=True, metadata={"example": "ast_0mhq3k2x1a2b3c4d5e6f7g8h"})
    url = fields.String(required=True, metadata={
        "description": "Absolute, unguessable and served without a key. This account's renders read it straight "
                       "from storage; other accounts' renders are refused it.",
        "example": "https://platen.example.com/files/assets/3q2-7wEjvYp0GkdbDq3Rbw/ast_0mhq3k2x1a2b3c4d5e6f7g8h.png"})
    media_type = fields.String(required=True, validate=validate.OneOf(
        ["image/png", "image/jpeg", "image/webp", "image/gif"]), metadata={"description": "Judged by the content."})
    width = fields.Integer(required=True, metadata={"example": 512})
    height = fields.Integer(required=True, metadata={"example": 512})
    size_bytes = fields.Integer(required=True)
    sha256 = fields.String(required=True, metadata={
        "description": "Of the file: uploading the same bytes again answers 200 with this asset."})
    created_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})
