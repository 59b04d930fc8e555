"""Schemas of a template's fields in each format of GET /templates/{id}/fields: one named shape per `?format=`."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from .template_schemas import FieldSchema


class ZapierChoiceSchema(ma.Schema):
    label = fields.String(required=True)
    value = fields.String(required=True)
    sample = fields.String(required=True)


class ZapierFieldSchema(ma.Schema):
    """One Zapier `inputFields` entry (valid under Zapier's own FieldSchema); `key` is the field's name."""

    key = fields.String(required=True, metadata={"example": "title.color"})
    label = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(["string", "text", "integer", "number", "boolean"]))
    required = fields.Boolean(required=True)
    default = fields.String(metadata={"description": "Only when the field has a default, as text."})
    helpText = fields.String(required=True)
    choices = fields.List(fields.Nested(ZapierChoiceSchema), metadata={"description": "Only for select fields."})


class MakeOptionSchema(ma.Schema):
    label = fields.String(required=True)
    value = fields.String(required=True)


class MakeValidateSchema(ma.Schema):
    min = fields.Float()
    max = fields.Float()


class MakeParameterSchema(ma.Schema):
    """One Make parameter; `name` is the field's name."""

    name = fields.String(required=True, metadata={"example": "title.color"})
    label = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(["text", "url", "color", "number", "boolean",
                                                                 "select"]))
    required = fields.Boolean(required=True)
    default = fields.Raw(metadata={"description": "Only when the field has a default."})
    help = fields.String(required=True)
    multiline = fields.Boolean(metadata={"description": "Only for multi-line text."})
    options = fields.List(fields.Nested(MakeOptionSchema), metadata={"description": "Only for `select`."})
    validate = fields.Nested(MakeValidateSchema, metadata={"description": "Only for numbers with limits."})


class N8nOptionSchema(ma.Schema):
    name = fields.String(required=True)
    value = fields.String(required=True)


class N8nFieldSchema(ma.Schema):
    """One n8n `ResourceMapperField`; `id` is the field's name."""

    id = fields.String(required=True, metadata={"example": "title.color"})
    displayName = fields.String(required=True)
    required = fields.Boolean(required=True)
    defaultMatch = fields.Boolean(required=True)
    canBeUsedToMatch = fields.Boolean(required=True)
    display = fields.Boolean(required=True)
    type = fields.String(required=True, validate=validate.OneOf(["string", "number", "boolean", "options", "url"]))
    options = fields.List(fields.Nested(N8nOptionSchema), metadata={"description": "Only for `options`."})


class N8nFieldsSchema(ma.Schema):
    """n8n's `ResourceMapperFields`: what a resource mapper's method returns."""

    fields_ = fields.List(fields.Nested(N8nFieldSchema), data_key="fields", required=True)


class FieldsJsonSchemaSchema(ma.Schema):
    """A JSON Schema (2020-12) of the fields, for generic form builders: one property per field, and
    `additionalProperties: false` (no other field is taken)."""

    schema_ = fields.String(data_key="$schema", required=True,
                            metadata={"example": "https://json-schema.org/draft/2020-12/schema"})
    type = fields.String(required=True, validate=validate.OneOf(["object"]))
    title = fields.String(required=True)
    properties = fields.Dict(keys=fields.String(), values=fields.Dict(), required=True, metadata={
        "description": "One JSON Schema per field, by name: `title`, `description`, `type`, and `default`, "
                       "`enum`, `pattern`, `format`, `minimum`, `maximum` or `maxLength` where they apply."})
    required = fields.List(fields.String(), required=True)
    # Its `additionalProperties: false` is not declared as a property: generated clients name their own store of
    # undeclared properties `additional_properties`, and a property of that name broke them.


# anyOf, not oneOf: `?format=` picks the shape, and an empty list (a template with no fields) is every array. Each
# item shape requires what tells it apart (native `layer`, Zapier `key`, Make `help` without `layer`), so a client
# that tries them in this order reads each format as what it is.
FIELDS_RESPONSE = {"200": {"description": "The fields, in layer order, in the requested format.", "content": {
    "application/json": {"schema": {"anyOf": [
        {"type": "array", "items": FieldSchema, "description": "`native`"},
        {"type": "array", "items": ZapierFieldSchema, "description": "`zapier` inputFields"},
        {"type": "array", "items": MakeParameterSchema, "description": "`make` parameters"},
        N8nFieldsSchema,
        FieldsJsonSchemaSchema,
    ]}}}}}
