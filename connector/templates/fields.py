"""A template's fields in each automation platform's own vocabulary (SPEC section 5).

Where each vocabulary comes from:
- zapier: zapier/zapier-platform ``packages/schema/lib/schemas/FieldSchema.js`` (``type`` is one of string, text,
  integer, number, boolean, datetime, file, password, copy, code; ``default`` and ``helpText`` are strings of
  length >= 1, helpText <= 1000; ``additionalProperties: false``) and ``FieldChoiceWithLabelSchema.js`` (labelled,
  ordered choices need ``label``, ``value`` and ``sample``).
- make: developers.make.com custom-apps-documentation ``block-elements/parameters`` (common ``name``, ``label``,
  ``help``, ``required``, ``default``; types text with ``multiline``, url, color, number with ``validate.min/max``,
  boolean, select with ``options`` of ``{label, value}``).
- n8n: n8n-io/n8n ``packages/workflow/src/interfaces.ts`` (``ResourceMapperFields = {fields}``,
  ``ResourceMapperField`` with id, displayName, defaultMatch, canBeUsedToMatch, required, display, type, options of
  ``{name, value}``; ``FieldType`` string, number, boolean, options, url, …; no colour type, so colours are strings).
- jsonschema: JSON Schema 2020-12 (json-schema.org/draft/2020-12: ``$schema``, ``properties``, ``required``,
  ``additionalProperties``, ``enum``, ``pattern``, ``format: uri``, ``minimum``/``maximum``, ``maxLength``).

Every key, name and id is the native field ``name``: exactly what POST /renders accepts in ``fields``.
"""

from __future__ import annotations

from connector.runtime.errors import ValidationFailed
from renderer import Field, Template, template_fields

FORMATS = ("native", "zapier", "make", "n8n", "jsonschema")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
COLOR_PATTERN = "^(#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|transparent)$"
ZAPIER_HELP_MAX = 1000

_ZAPIER_TYPES = {"text": "string", "textarea": "text", "image": "string", "color": "string", "number": "number",
                 "integer": "integer", "boolean": "boolean", "select": "string", "qr": "string"}
_MAKE_TYPES = {"text": "text", "textarea": "text", "image": "url", "color": "color", "number": "number",
               "integer": "number", "boolean": "boolean", "select": "select", "qr": "text"}
_N8N_TYPES = {"text": "string", "textarea": "string", "image": "url", "color": "string", "number": "number",
              "integer": "number", "boolean": "boolean", "select": "options", "qr": "string"}


def fields_as(template: Template, fmt: str) -> list | dict:
    """The template's fields as ``fmt`` (native, zapier, make, n8n or jsonschema) describes them."""
    if fmt not in FORMATS:
        raise ValidationFailed(f"format must be one of {', '.join(FORMATS)} (got {fmt!r}).",
                               details={"field": "format"})
    fields = template_fields(template)
    if fmt == "native":
        return [f.to_dict() for f in fields]
    if fmt == "zapier":
        return [_zapier(f) for f in fields]
    if fmt == "make":
        return [_make(template, f) for f in fields]
    if fmt == "n8n":
        return {"fields": [_n8n(f) for f in fields]}
    return _jsonschema(template, fields)


# --- Zapier ------------------------------------------------------------------------------------------------------
def _zapier(field: Field) -> dict:
    out = {"key": field.name, "label": field.label, "type": _ZAPIER_TYPES[field.type], "required": field.required}
    default = _as_text(field.default)
    if default:
        out["default"] = default
    out["helpText"] = (field.help or field.label)[:ZAPIER_HELP_MAX]
    if field.choices:
        out["choices"] = [{"label": _choice_label(c), "value": c, "sample": c} for c in field.choices]
    return out


def _as_text(value) -> str:
    """Zapier keeps defaults as text: true/false, numbers without a needless .0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- Make --------------------------------------------------------------------------------------------------------
def _make(template: Template, field: Field) -> dict:
    out = {"name": field.name, "label": field.label, "type": _MAKE_TYPES[field.type], "required": field.required}
    if field.default is not None:
        out["default"] = field.default
    out["help"] = field.help
    if field.type == "textarea":
        out["multiline"] = True
    if field.choices:
        out["options"] = [{"label": _choice_label(c), "value": c} for c in field.choices]
    limits = _range(template, field)
    if limits:
        out["validate"] = {"min" if k == "minimum" else "max": v for k, v in limits.items()}
    return out


# --- n8n ---------------------------------------------------------------------------------------------------------
def _n8n(field: Field) -> dict:
    out = {"id": field.name, "displayName": field.label, "required": field.required, "defaultMatch": False,
           "canBeUsedToMatch": False, "display": True, "type": _N8N_TYPES[field.type]}
    if field.choices:
        out["options"] = [{"name": _choice_label(c), "value": c} for c in field.choices]
    return out


# --- JSON Schema -------------------------------------------------------------------------------------------------
def _jsonschema(template: Template, fields: list[Field]) -> dict:
    properties = {f.name: _property(template, f) for f in fields}
    return {"$schema": JSON_SCHEMA_DIALECT, "type": "object", "title": template.name or "Template fields",
            "properties": properties, "required": [f.name for f in fields if f.required],
            "additionalProperties": False}


def _property(template: Template, field: Field) -> dict:
    out: dict = {"title": field.label, "description": field.help}
    kind = field.type
    if kind in ("number", "integer", "boolean"):
        out["type"] = kind
        out.update(_range(template, field))
    else:
        out["type"] = "string"
        if kind == "color":
            out["pattern"] = COLOR_PATTERN
        elif kind == "image":
            out["format"] = "uri"
        elif kind == "select":
            out["enum"] = list(field.choices or ())
        else:
            spec = _spec(template, field)
            if spec is not None and spec.kind in ("str", "text", "src"):
                out["maxLength"] = spec.max_len
    if field.default is not None:
        out["default"] = field.default
    return out


# --- shared ------------------------------------------------------------------------------------------------------
def _spec(template: Template, field: Field):
    layer = template.layer(field.layer)
    return layer.props().get(field.property) if layer is not None else None


def _range(template: Template, field: Field) -> dict:
    """``minimum``/``maximum`` of a numeric field, from the renderer's own property spec."""
    spec = _spec(template, field)
    if spec is None or field.type not in ("number", "integer"):
        return {}
    return {k: v for k, v in (("minimum", spec.min), ("maximum", spec.max)) if v is not None}


def _choice_label(value: str) -> str:
    return value.replace("_", " ").capitalize()
