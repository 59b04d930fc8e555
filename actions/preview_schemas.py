"""Schemas of the editor preview: the request of SPEC section 11 and its answer (image, layers as laid out)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

from renderer.encode import IMAGE_FORMATS

from .render_schemas import FormatField, WarningSchema

_BOX = {"description": "`[x, y, width, height]` in template pixels (whatever `scale`), before the layer's "
                       "rotation: an editor draws handles from it at any zoom.", "example": [80, 180, 1040, 260]}


class PreviewCreateSchema(ma.Schema):
    """A template (saved or not) to draw at once: nothing is stored, no credit is spent."""

    template = fields.Dict(required=True, metadata={
        "description": "The whole template, as for POST /templates (it need not be saved). A problem is a 422 "
                       "whose `details.path` names the property (`layers[2].font_size`)."})
    fields_ = fields.Dict(data_key="fields", load_default=dict, metadata={
        "description": "Field values, as for a render: `{\"title\": \"Hi\", \"title.color\": \"#ff0055\"}`.",
        "example": {"title": "Hello"}})
    page = fields.Integer(load_default=0, strict=True, metadata={
        "description": "Which page of a multi-page template, counted from 0.", "example": 0})
    brand_id = fields.String(allow_none=True, metadata={
        "description": "The brand (`brd_…`) whose values the template's `@brand.…` tokens draw (an editor switches "
                       "the preview between brands with it); default: the template's `brand_id`, else the "
                       "account's default brand. Not one of yours: a 422.",
        "example": "brd_0mhq3k2x1a2b3c4d5e6f7g8h"})

    scale = fields.Float(load_default=1.0, metadata={
        "description": "0.1 to 4: the image's pixels per template pixel (boxes in `layers` stay in template "
                       "pixels).", "example": 1})
    format = FormatField(load_default="jpeg", metadata={
        "enum": list(IMAGE_FORMATS), "description": "png, jpeg (jpg) or webp (a preview is an image: pdf is a "
                                                        "422)."})


class LineSchema(ma.Schema):
    text = fields.String(required=True, metadata={"description": "The line as laid out (after wrapping, an "
                                                                 "ellipsis, `transform`), in reading order."})
    box = fields.List(fields.Float(), required=True, metadata={
        **_BOX, "description": "The line's box `[x, y, width, height]` in template pixels: from its first to its "
                               "last glyph, ascent to descent; before the layer's rotation."})


class PreviewLayerSchema(ma.Schema):
    """A layer as the renderer placed it."""

    name = fields.String(required=True, metadata={"example": "title"})
    type = fields.String(required=True, metadata={"example": "text"})
    box = fields.List(fields.Float(), required=True, metadata=_BOX)
    rotation = fields.Float(required=True, metadata={"description": "Degrees clockwise about the box's centre."})
    drawn = fields.Boolean(required=True, metadata={
        "description": "False for a hidden layer (`hidden`, `opacity` 0) and one left out by `shown_with`: still "
                       "listed so an editor can select it."})
    font_size = fields.Float(allow_none=True, metadata={
        "description": "Text layers: the size it was drawn at after fitting (below `font_size` when it shrank); "
                       "null when not drawn.", "example": 52})
    lines = fields.List(fields.Nested(LineSchema), metadata={"description": "Text layers: the lines as laid out "
                                                                            "(empty when not drawn)."})
    warnings = fields.List(fields.Nested(WarningSchema), required=True)


class PreviewSchema(ma.Schema):
    image = fields.String(required=True, metadata={"description": "The picture as a data URL.",
                                                   "example": "data:image/jpeg;base64,/9j/4AAQ…"})
    width = fields.Integer(required=True, metadata={"description": "Of the image, in pixels (template × scale)."})
    height = fields.Integer(required=True)
    warnings = fields.List(fields.Nested(WarningSchema), required=True)
    layers = fields.List(fields.Nested(PreviewLayerSchema), required=True, metadata={
        "description": "Every layer of the page, in drawing order (bottom first)."})
