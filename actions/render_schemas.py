"""Schemas of renders over HTTP: the request of SPEC section 4 and the render object."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from connector.renders.record import RenderStatus
from renderer.encode import FORMATS, NAMES

from .schemas import ListArgsSchema, mode_field, one_of, since_field


class FormatField(fields.String):
    """An output format, the one place formats are read: letter case aside, `jpg` is `jpeg` (`"JPG"`, `"Jpeg"`
    and `"jpeg"` are all the same), and what the service then sees is always one of ``FORMATS``."""

    default_error_messages = {"invalid_format": "must be one of: png, jpeg (or jpg), webp or pdf; not {value!r}."}

    def __init__(self, **kwargs):
        kwargs.setdefault("load_default", "png")
        metadata = {"enum": list(FORMATS), "description": "png, jpeg (jpg), webp or pdf; letter case does not matter.",
                    **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        name = NAMES.get(text.strip().lower())
        if name is None:
            raise self.make_error("invalid_format", value=text[:20])
        return name


class RenderCreateSchema(ma.Schema):
    """Render one image. Give `template_id` or an inline `template`.

    Field values go in `fields`, or beside the request's own properties (`{"template_id": …, "title": "Hi"}`), as
    Zapier and Make send them; template layers can't be named like those properties.
    """

    class Meta:
        unknown = ma.INCLUDE   # field values given beside the request's own properties; see gather_fields
        additional_properties = {"description": "A field value, named as in GET /templates/{id}/fields (`title`, "
                                                "`title.color`), given beside the request's own properties."}

    template_id = fields.String(metadata={"example": "tpl_0mhq3k2x1a2b3c4d5e6f7g8h"})
    template = fields.Dict(metadata={"description": "An inline template (same shape as POST /templates)."})
    fields_ = fields.Dict(data_key="fields", load_default=dict, metadata={
        "description": "Field values: `{\"title\": \"Hi\", \"title.color\": \"#ff0055\", "
                       "\"subtitle\": {\"font_size\": 30}}` — names from GET /templates/{id}/fields.",
        "example": {"title": "Hello", "title.color": "#ff0055"}})
    format = FormatField()
    quality = fields.Integer(validate=validate.Range(1, 100), metadata={
        "description": "JPEG/WebP quality; for a PDF, JPEG page images at this quality (without it: lossless)."})
    brand_id = fields.String(allow_none=True, metadata={
        "description": "The brand (`brd_…`) whose values the template's `@brand.…` tokens draw; default: the "
                       "template's `brand_id`, else the account's default brand. Not one of yours: a 422.",
        "example": "brd_0mhq3k2x1a2b3c4d5e6f7g8h"})
    template_version = fields.Integer(validate=validate.Range(min=1), metadata={
        "description": "Render this saved version of `template_id` (GET /templates/{id}/versions); default the "
                       "latest. A version the template never had is a 404."})
    output = fields.String(load_default="url", validate=validate.OneOf(["url", "base64", "binary"]), metadata={
        "description": "`url`: the render object with a hosted `url`; `base64`: plus a `base64` property; "
                       "`binary`: the image bytes themselves."})
    wait = fields.Boolean(load_default=True, metadata={
        "description": "Wait up to `timeout` seconds for the result (201); `false` answers 202 at once."})
    timeout = fields.Float(load_default=25, validate=validate.Range(0, 60), metadata={"description": "Seconds."})
    scale = fields.Float(load_default=1.0, validate=validate.Range(0.1, 4),
                         metadata={"description": "2 renders at twice the size (retina)."})
    page = fields.Integer(validate=validate.Range(min=1),
                          metadata={"description": "One page of a multi-page template (1-based)."})
    webhook_url = fields.String(validate=validate.Length(max=2048), metadata={
        "description": "Called (signed, like hooks) when this render completes or fails."})
    metadata = fields.Dict(metadata={"description": "Echoed back on the render and its events; at most 4 KB."})

    @ma.post_load
    def gather_fields(self, data: dict, **kwargs) -> dict:
        """Top-level names that are not the request's own are field values, as if given in ``fields``."""
        extra = {k: data.pop(k) for k in [k for k in data if k not in self.fields]}   # loaded keys are ours
        twice = sorted(set(extra) & set(data["fields_"]))
        if twice:
            raise ma.ValidationError({twice[0]: ["is given twice, beside the request's properties and in fields; "
                                                 "give it once."]})
        data["fields_"] = {**data["fields_"], **extra}
        return data


class WarningSchema(ma.Schema):
    code = fields.String(required=True, metadata={"example": "text_shrunk"})
    layer = fields.String(allow_none=True, metadata={"example": "title"})
    message = fields.String(required=True, metadata={"example": "Text shrunk from 64 px to 52 px to fit its box."})


class RenderErrorSchema(ma.Schema):
    error = fields.String(required=True, metadata={"example": "image_failed"})
    message = fields.String(required=True)


class RenderSchema(ma.Schema):
    """A render. `status` is queued, rendering, completed or failed; `url` is the hosted file."""

    id = fields.String(required=True, metadata={"example": "rnd_0mhq3k2x1a2b3c4d5e6f7g8h"})
    status = fields.String(required=True, validate=one_of(RenderStatus))
    template_id = fields.String(allow_none=True)
    template_version = fields.Integer(allow_none=True)
    format = fields.String(required=True)
    width = fields.Integer(allow_none=True)
    height = fields.Integer(allow_none=True)
    size_bytes = fields.Integer(allow_none=True)
    url = fields.String(allow_none=True, metadata={"description": "Absolute, no key needed, kept for the "
                                                                  "retention period."})
    page_urls = fields.List(fields.String(), metadata={"description": "Every page of a multi-page image render."})
    cached = fields.Boolean(required=True, metadata={"description": "Served from the cache: no credit used."})
    warnings = fields.List(fields.Nested(WarningSchema), required=True)
    metadata = fields.Dict(allow_none=True)
    batch_id = fields.String(allow_none=True)
    error = fields.Nested(RenderErrorSchema, allow_none=True)
    created_at = fields.String(required=True)
    completed_at = fields.String(allow_none=True)
    duration_ms = fields.Integer(allow_none=True)
    mode = mode_field()
    base64 = fields.String(metadata={"description": "With `output: base64`: the file's bytes, base64-encoded."})


class RenderListArgsSchema(ListArgsSchema):
    status = fields.String(validate=one_of(RenderStatus))
    template_id = fields.String()
    batch_id = fields.String()
    since = since_field("An ISO 8601 time or a render id: only newer renders.", "rnd")
