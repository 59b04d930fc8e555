"""Marshmallow schemas: they describe the service's objects for HTTP and OpenAPI; the rules live in connector/."""

from __future__ import annotations

from enum import StrEnum

import marshmallow as ma
from marshmallow import fields, validate

from connector.accounts.keys import ALL_SCOPES, KeyMode

# marshmallow's stock messages, in words for the people who read them in a Zapier or Make error box. Every 422
# names its field first ("rows: is required"), so these say what is wrong and what is wanted.
fields.Field.default_error_messages.update(required="is required.", null="may not be null.",
                                           validator_failed="is not a valid value.")
fields.Mapping.default_error_messages.update(invalid='must be an object, like {{"name": "value"}}.')  # str.format()ed
fields.List.default_error_messages.update(invalid="must be a list, like [...].")
fields.String.default_error_messages.update(invalid="must be text.")
fields.Integer.default_error_messages.update(invalid="must be a whole number.")
fields.Number.default_error_messages.update(invalid="must be a number.")
fields.Boolean.default_error_messages.update(invalid="must be true or false.")
ma.Schema._default_error_messages.update(type='must be a JSON object, like {"name": "value"}.',
                                         unknown="is not a property this endpoint takes.")
validate.Length.message_min = "must have at least {min} item(s) or character(s)."
validate.OneOf.default_message = "must be one of: {choices}."


def one_of(values: type[StrEnum]) -> validate.OneOf:
    """Accept the values of one of the core's StrEnums (statuses, modes): the core owns the list."""
    return validate.OneOf([member.value for member in values])


def mode_field() -> fields.String:
    """``mode`` of a render or batch object: the mode of the key that made it."""
    return fields.String(validate=one_of(KeyMode), metadata={
        "description": "The mode of the key that made it: test keys' renders are watermarked, free, and heard "
                       "only by test keys' triggers and hooks."})


class ErrorDetailsSchema(ma.Schema):
    """What an error says beyond its message: which of these appear depends on the error (others may too)."""

    fields_ = fields.Dict(data_key="fields", keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "422 `validation_failed`: the problems, by field (`rows[2].title`).",
        "example": {"rows": ["is required."]}})
    field = fields.String(metadata={"description": "The field, parameter or upload part at fault.",
                                    "example": "webhook_url"})
    path = fields.String(metadata={"description": "The place in a template that is wrong.",
                                   "example": "layers[2].font_size"})
    parameter = fields.String(metadata={"description": "The path parameter that was empty (404)."})
    header = fields.String(metadata={"description": "The request header at fault.", "example": "If-Match"})
    allowed_methods = fields.List(fields.String(), metadata={"description": "405: the methods the path takes."})
    missing_scope = fields.String(metadata={"description": "403: the scope the key lacks.",
                                            "example": "templates:write"})
    reason = fields.String(metadata={"description": "401: why the key was refused (`malformed`, `unknown`, "
                                                    "`revoked`, …)."})
    render_id = fields.String(metadata={"description": "422 `render_failed`: the render that failed."})
    error = fields.String(metadata={"description": "422 `render_failed`: the render's own error code."})
    status = fields.String(metadata={"description": "409: the status of the object that is not ready (`queued`, "
                                                    "`rendering`, `running`, …)."})
    current_version = fields.Integer(metadata={"description": "409: the template's version now."})
    expected_version = fields.Integer(metadata={"description": "409: the version `If-Match` named."})
    latest_version = fields.Integer(metadata={"description": "404: the template's latest version."})
    limit = fields.Integer(metadata={"description": "402: the month's credits; 422: a count limit."})
    used = fields.Integer(metadata={"description": "402: credits used this month."})
    needed = fields.Integer(metadata={"description": "402: credits the request needs."})
    remaining = fields.Integer(metadata={"description": "402: credits left."})
    period_end = fields.String(metadata={"description": "402: when the credits renew."})
    size_bytes = fields.Integer(metadata={"description": "413/422: the size of what was sent."})
    limit_bytes = fields.Integer(metadata={"description": "413/422: the largest size taken."})


class ErrorSchema(ma.Schema):
    """The error envelope every 4xx/5xx answer carries."""

    error = fields.String(required=True, metadata={"description": "Stable snake_case code, e.g. `validation_failed`.",
                                                   "example": "not_found"})
    message = fields.String(required=True, metadata={"description": "One sentence a person can act on.",
                                                     "example": "There is no API key key_0abc."})
    status = fields.Integer(required=True, metadata={"example": 404})
    details = fields.Nested(ErrorDetailsSchema, metadata={
        "description": "Specifics, by error: `fields` for validation errors, `render_id` for a failed render, …"})
    request_id = fields.String(required=True, metadata={"example": "req_5f2c0e9a1b7d4c33"})


# No list holds this many items, and offsets below it fit every store's integers (Redis ranges are signed 64-bit).
MAX_LIST_OFFSET = 2**40


class ListArgsSchema(ma.Schema):
    """Every list: bare array, newest first; a page past the end is `[]`. Every list's args derive from this, so
    ``page`` and ``limit`` are bounded here, once."""

    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100, error="must be from 1 to 100."),
                           metadata={"description": "Items per page, 1 to 100."})
    page = fields.Integer(load_default=0, validate=validate.Range(min=0, error="must be 0 or more (pages count "
                                                                               "from 0)."),
                          metadata={"description": "0-based page. A page past the end is `[]`."})

    @ma.post_load
    def _bound_page(self, data: dict, **_) -> dict:
        """A page far past the end (``page=4611686018427387904``) is simply past the end: pull it in to a page
        that is still past the end of any list, so ``page * limit`` never overflows a store's integers."""
        if "page" in data and "limit" in data:
            data["page"] = min(data["page"], MAX_LIST_OFFSET // data["limit"])
        return data


def since_field(description: str, *prefixes: str) -> fields.String:
    """``since`` of a list: an ISO 8601 time (a date is its midnight, UTC when no offset is given) or the id of an
    object (``prefixes``, e.g. ``rnd``). Documented as exactly these, so generated values are ones the list takes."""
    return fields.String(metadata={"description": description, "anyOf": [
        {"type": "string", "format": "date-time", "example": "2026-11-21T10:00:00Z"},
        {"type": "string", "format": "date", "example": "2026-11-21"},
        {"type": "string", "pattern": f"^({'|'.join(prefixes)})_", "example": f"{prefixes[0]}_0mhq3k2x1a2b3c4d5e6f7"},
        {"type": "string", "maxLength": 0, "description": "Empty (a mapped value that came back empty): no filter."},
    ]})


class MeSchema(ma.Schema):
    """Who this key is: the auth test Zapier, Make and n8n call. Strings are never null."""

    account_id = fields.String(required=True, metadata={"example": "acct_0mhq3k2x1a2b3c4d5e6f7g8h"})
    account_name = fields.String(required=True)
    email = fields.String(required=True)
    key_id = fields.String(required=True)
    key_label = fields.String(required=True, metadata={"description": "`\"\"` for an unlabeled key."})
    mode = fields.String(required=True, validate=one_of(KeyMode))
    scopes = fields.List(fields.String(), required=True)
    credits_remaining = fields.Integer(required=True)


class UsageSchema(ma.Schema):
    """This month's credits. A fresh render draws one credit (a PDF one per page); cached repeats draw none."""

    period_start = fields.String(required=True, metadata={"example": "2026-11-01T00:00:00.000Z"})
    period_end = fields.String(required=True, metadata={"example": "2026-12-01T00:00:00.000Z"})
    limit = fields.Integer(required=True)
    used = fields.Integer(required=True)
    remaining = fields.Integer(required=True)
    public_limit = fields.Integer(required=True, metadata={
        "description": "The share of `limit` that unsigned URLs of public templates may draw "
                       "(PLATEN_PUBLIC_CREDIT_SHARE); past it they answer 402."})
    public_used = fields.Integer(required=True, metadata={"description": "Credits (within `used`) drawn by them."})


class KeySchema(ma.Schema):
    """An API key as listed: never the secret, only a hint of it."""

    id = fields.String(required=True, metadata={"example": "key_0mhq3k2x1a2b3c4d5e6f7g8h"})
    label = fields.String(required=True)
    mode = fields.String(required=True, validate=one_of(KeyMode))
    scopes = fields.List(fields.String(), required=True)
    hint = fields.String(required=True, metadata={"description": "Prefix and last four characters.",
                                                  "example": "plt_live_…x9Qa"})
    created_at = fields.String(required=True)
    last_used_at = fields.String(allow_none=True)


class KeyCreatedSchema(KeySchema):
    """A new key: `key` is the secret, shown this once."""

    key = fields.String(required=True, allow_none=True, metadata={
        "example": "plt_live_…",
        "description": "The secret, shown this once. `null` when the answer replays an earlier request with the same "
                       "`Idempotency-Key` (Platen stores only a digest of a key): see `note`."})
    note = fields.String(metadata={"description": "Only on such a replay: why `key` is null and what to do."})


class KeyCreateSchema(ma.Schema):
    label = fields.String(load_default="", validate=validate.Length(max=100),
                          metadata={"description": "A name to tell keys apart, e.g. `Zapier`."})
    mode = fields.String(validate=one_of(KeyMode),
                         metadata={"description": "`test` keys watermark renders and use no credits. "
                                                  "Default: the mode of the key making the call."})
    scopes = fields.List(fields.String(validate=validate.OneOf(ALL_SCOPES)),
                         metadata={"description": "Default: the scopes of the key making the call. "
                                                  "A key cannot grant scopes it does not hold."})


class KeyValidateSchema(ma.Schema):
    key = fields.String(metadata={"description": "The key to check. Default: the key making the call."})


class KeyValidationSchema(ma.Schema):
    """Whether a key works, and what it is; never the secret."""

    valid = fields.Boolean(required=True)
    reason = fields.String(required=True, metadata={
        "description": "`ok`, `malformed`, `checksum_mismatch` (a typo), `unknown` or `revoked`."})
    message = fields.String(required=True)
    key_id = fields.String(allow_none=True)
    account_id = fields.String(allow_none=True)
    mode = fields.String(allow_none=True)
    label = fields.String(allow_none=True)
    scopes = fields.List(fields.String())
    created_at = fields.String(allow_none=True)


class HealthSchema(ma.Schema):
    status = fields.String(required=True, metadata={"example": "ok"})


class ReadinessSchema(ma.Schema):
    status = fields.String(required=True, metadata={"example": "ready"})
    redis = fields.Boolean(required=True)
    workers = fields.Integer(required=True, metadata={"description": "Workers with a heartbeat in the last minute."})
