"""Schemas of the template endpoints: they describe the template model for OpenAPI; the renderer's model judges it."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from connector.templates.fields import FORMATS

from .schemas import ListArgsSchema

_LAYER_EXAMPLE = [
    {"type": "image", "name": "photo", "src": "https://example.com/photo.jpg", "fit": "cover"},
    {"type": "rect", "name": "overlay", "fill": "#000000", "opacity": 0.45, "editable": False},
    {"type": "text", "name": "title", "x": 80, "y": 180, "width": 1040, "height": 260, "text": "Default title",
     "font_size": 64, "color": "#ffffff", "max_lines": 3, "fields": ["color"]},
    {"type": "qr", "name": "link", "x": 1040, "y": 470, "width": 120, "height": 120, "data": "https://example.com"},
]
_LAYERS_DOC = ("The layers, bottom first. Each has `type` (text, image, rect, ellipse, line, qr) and a `name` "
               "(1-64 letters, digits, `_` or `-`, unique): the name is the field a render fills. Optional on every "
               "layer: `x`, `y`, `width`, `height`, `rotation`, `opacity`, `hidden`, `locked` (the visual editor "
               "won't move it; drawn as usual), `fields` (more properties to "
               "offer as fields, named `layer.property`), `editable`, `label`, `help`, `required`. Text layers may "
               "set `decoration`: `none`, `underline` or `line-through`.")


def _model(description: str, *, required: bool = False, **openapi) -> fields.Raw:
    """A property passed to the template model as sent: the model, not this schema, says what is wrong with it."""
    return fields.Raw(required=required, metadata={"description": description, **openapi},
                      error_messages={"required": "is required: " + description[0].lower() + description[1:]})


def _side(which: str, *, required: bool = False) -> fields.Raw:
    return _model(f"The canvas {which} in px, 1 to 4096.", required=required, type="integer", minimum=1,
                  maximum=4096, example=1200 if which == "width" else 630)


READ_ONLY = ("id", "version", "created_at", "updated_at")


class TemplateWriteSchema(ma.Schema):
    """A template. Problems are a 422 naming the exact place, e.g. `layers[3].font_size`. `id`, `version` and the
    timestamps are ignored, so a template as GET answers it can be sent back as a PUT."""

    class Meta:
        unknown = ma.INCLUDE   # unknown properties reach the model, which names them
        additional_properties = False   # ...and refuses them (OpenAPI: see actions/openapi_shapes.py)

    @ma.pre_load
    def _drop_read_only(self, data, **_kwargs):
        return {k: v for k, v in data.items() if k not in READ_ONLY} if isinstance(data, dict) else data

    name = _model("Shown in lists and in Zapier/Make/n8n dropdowns; `?q=` searches it. At most 200 characters.",
                  type="string", maxLength=200, example="Blog OG card")
    description = _model("Notes for people using the template. At most 2,000 characters.", type="string")
    width = _side("width")
    height = _side("height")
    dpi = _model("Pixels per inch on paper, 10 to 2400 (default 72). A PDF page measures width × 72 / dpi points: "
                 "2480 × 3508 at 300 dpi is an A4 page. Images keep their pixels.", type="number", minimum=10,
                 maximum=2400, example=300)
    background = _model("A colour (`#rgb`, `#rrggbb`, `#rrggbbaa`), a gradient `{\"type\": \"linear\", \"angle\": 90, "
                        "\"stops\": [\"#ff0055\", \"#0055ff\"]}` or an image `{\"src\": \"https://…\", \"fit\": "
                        "\"cover\"}`. Default `#ffffff`.", example="#0f172a")
    public = _model("True lets anyone render it at `/render/{template_id}.png` without a signature. Default false.",
                    type="boolean", example=False)
    public_fields = _model("The only fields an unsigned public URL may set (names as `/fields` lists them, e.g. "
                           "`title`, `title.color`); any other is a 403 there. Signed URLs and the API may set "
                           "every field. Unset: every field.", type="array", items={"type": "string"},
                           example=["title"])
    brand_id = _model("The brand (`brd_…`) whose values its `@brand.…` tokens draw, unless a render names another; "
                      "unset or null: the account's default brand. Another account's or a missing brand is a 422.",
                      type="string", example="brd_0mhq3k2x1a2b3c4d5e6f7g8h")
    brand_id.allow_none = True   # null: the account's default brand, as when it is left out
    layers = _model(_LAYERS_DOC, type="array", items={"type": "object"}, example=_LAYER_EXAMPLE)
    pages = _model("Instead of `layers`: a list of pages, each a list of layers, for multi-page PDFs and carousels.",
                   type="array", items={"type": "array", "items": {"type": "object"}})


class TemplateCreateSchema(TemplateWriteSchema):
    """A whole template (POST and PUT): `name`, `width` and `height` are required, every other property has a
    default."""

    name = _model("Shown in lists and in Zapier/Make/n8n dropdowns; `?q=` searches it. 1 to 200 characters.",
                  required=True, type="string", minLength=1, maxLength=200, example="Blog OG card")
    width = _side("width", required=True)
    height = _side("height", required=True)


class TemplatePatchSchema(TemplateWriteSchema):
    """A JSON merge patch (RFC 7396): only the properties to change; `null` removes one; arrays such as `layers`
    are replaced whole."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():   # null is meaningful here: it removes the property
            field.allow_none = True


class TemplateSchema(ma.Schema):
    """A template as stored: the model plus its id, current version and timestamps."""

    id = fields.String(required=True, metadata={"example": "tpl_0mhq3k2x1a2b3c4d5e6f7g8h"})
    name = fields.String(required=True)
    description = fields.String(required=True)
    width = fields.Integer(required=True)
    height = fields.Integer(required=True)
    dpi = fields.Raw(metadata={"type": "number",
                               "description": "Present when set (the default is 72): pixels per inch on paper."})
    background = fields.Raw(required=True, metadata={"description": "A colour, a gradient or an image object."})
    public = fields.Boolean(required=True)
    public_fields = fields.List(fields.String(), metadata={
        "description": "Present when set: the only fields an unsigned public URL may set."})
    brand_id = fields.String(metadata={"description": "Present when set: the brand its `@brand.…` tokens draw."})
    layers = fields.List(fields.Dict(), metadata={"description": "Present unless the template has `pages`."})
    pages = fields.List(fields.List(fields.Dict()), metadata={"description": "Present for multi-page templates."})
    version = fields.Integer(required=True, metadata={
        "description": "Starts at 1; every change makes a new version. Renders record the version they used."})
    created_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})
    updated_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})


class TemplateSummarySchema(ma.Schema):
    """A template in `GET /templates?view=summary`: what a template dropdown needs, without layers or pages."""

    id = fields.String(required=True, metadata={"example": "tpl_0mhq3k2x1a2b3c4d5e6f7g8h"})
    name = fields.String(required=True)
    description = fields.String(required=True)
    width = fields.Integer(required=True)
    height = fields.Integer(required=True)
    public = fields.Boolean(required=True)
    page_count = fields.Integer(required=True, metadata={"description": "1, or the pages of a multi-page template."})
    version = fields.Integer(required=True)
    created_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})
    updated_at = fields.String(required=True, metadata={"example": "2026-11-21T14:13:37.123Z"})


class TemplateReadArgsSchema(ma.Schema):
    version = fields.Integer(validate=validate.Range(min=1), metadata={
        "description": "A saved version to show instead of the latest (as GET …/versions/{version})."})


class TemplateVersionSchema(ma.Schema):
    """One saved version of a template, as version history lists it."""

    version = fields.Integer(required=True, metadata={"example": 3})
    created_at = fields.String(required=True, metadata={"description": "When this version was saved.",
                                                        "example": "2026-11-21T14:13:37.123Z"})
    name = fields.String(required=True, metadata={"description": "The template's name in this version."})
    size_bytes = fields.Integer(required=True, metadata={"description": "Size of this version's JSON."})


class TemplateQueryArgsSchema(ListArgsSchema):
    q = fields.String(load_default="", validate=validate.Length(max=200),
                      metadata={"description": "Only templates whose name contains this, ignoring case."})
    view = fields.String(load_default="full", validate=validate.OneOf(["full", "summary"]), metadata={
        "description": "`summary`: id, name, description, size, page_count, public, version and timestamps — no "
                       "layers; "
                       "what a Zapier/Make/n8n dropdown needs, small however big the templates are."})


class FieldsQueryArgsSchema(ma.Schema):
    format = fields.String(load_default="native", validate=validate.OneOf(FORMATS), metadata={
        "description": "`native` (Platen's list), `zapier` (inputFields), `make` (parameters), `n8n` "
                       "(`{\"fields\": [...]}` for the resource mapper) or `jsonschema` (JSON Schema 2020-12)."})


class FieldsOfTemplateSchema(ma.Schema):
    """A template, saved or not, whose fields to list (the editor's working copy): nothing is stored."""

    template = fields.Dict(required=True, metadata={
        "description": "The whole template, as for POST /templates (it need not be saved). A problem is a 422 "
                       "whose `details.path` names the property (`layers[2].font_size`).",
        "example": {"name": "Card", "width": 1200, "height": 630, "layers": [
            {"type": "text", "name": "title", "text": "Default title", "fields": ["color"]}]}})


class FieldSchema(ma.Schema):
    """One native field: `name` is exactly the key POST /renders accepts in `fields`."""

    name = fields.String(required=True, metadata={"example": "title.color"})
    type = fields.String(required=True, validate=validate.OneOf(
        ["text", "textarea", "image", "color", "number", "integer", "boolean", "select", "qr"]))
    label = fields.String(required=True)
    required = fields.Boolean(required=True)
    default = fields.Raw(allow_none=True)
    help = fields.String(required=True)
    layer = fields.String(required=True)
    property = fields.String(required=True, metadata={"description": "The layer property the field sets."})
    choices = fields.List(fields.String(), metadata={"description": "Only for `select` fields."})


class ExampleSchema(ma.Schema):
    """A starter template that ships with Platen."""

    name = fields.String(required=True, metadata={"example": "og-blog-card"})
    title = fields.String(required=True, metadata={"example": "Blog post OG card"})
    description = fields.String(required=True)
    width = fields.Integer(required=True)
    height = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class ExampleCopySchema(ma.Schema):
    name = fields.String(validate=validate.Length(1, 200), metadata={"description": "A name for the copy."})
