"""Schemas of the REST-hook endpoints: subscriptions, their delivery log and the callback signing secret."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from actions.schemas import ListArgsSchema, one_of
from connector.accounts.keys import KeyMode
from connector.events.store import EVENT_TYPES
from connector.webhooks.deliveries import DeliveryStatus
from connector.webhooks.hooks import HookStatus


class HookCreateSchema(ma.Schema):
    """What Zapier's performSubscribe, Make's attach and n8n's create send."""

    target_url = fields.String(required=True, validate=validate.Length(1, 2048), metadata={
        "description": "Where to POST each event: http(s), not a private, loopback or link-local address.",
        "example": "https://hooks.zapier.com/hooks/standard/123/abc/"})
    event = fields.String(required=True, validate=validate.OneOf(EVENT_TYPES), metadata={
        "description": f"The event to receive: {', '.join(f'`{t}`' for t in EVENT_TYPES)}.",
        "example": "render.completed"})
    template_id = fields.String(allow_none=True, load_default=None, metadata={
        "description": "Only events of renders of this template (unset: every template)."})


class HookSchema(ma.Schema):
    """A subscription. `secret` verifies its deliveries (Standard Webhooks); only its owner sees it."""

    id = fields.String(required=True, metadata={"example": "hook_0mhq3k2x1a2b3c4d5e6f7g8h"})
    target_url = fields.String(required=True)
    event = fields.String(required=True, metadata={"example": "render.completed"})
    template_id = fields.String(allow_none=True)
    secret = fields.String(required=True, allow_none=True, metadata={
        "example": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "description": "Verifies the hook's deliveries. `null` only when an `Idempotency-Key` replays the subscription "
                       "of a hook deleted since."})
    status = fields.String(required=True, validate=one_of(HookStatus), metadata={
        "description": "`disabled` after 5 days in which every delivery failed; subscribe again to resume."})
    disabled_reason = fields.String(allow_none=True)
    created_at = fields.String(required=True)
    mode = fields.String(validate=one_of(KeyMode), metadata={
        "description": "The mode of the key that subscribed: a hook hears the renders of keys of its own mode."})


class HookQueryArgsSchema(ListArgsSchema):
    target_url = fields.String(metadata={"description": "Only hooks with exactly this target URL (n8n's "
                                                        "checkExists)."})


class AttemptSchema(ma.Schema):
    """One try at delivering: when, what came back, how long it took."""

    attempt = fields.Integer(required=True, metadata={"example": 1})
    at = fields.String(required=True)
    status_code = fields.Integer(allow_none=True, metadata={"description": "null: no HTTP answer (see `error`)."})
    duration_ms = fields.Integer(required=True)
    error = fields.String(allow_none=True)
    response_body = fields.String(required=True, metadata={"description": "The first 500 bytes of the answer."})


class DeliverySchema(ma.Schema):
    """One event on its way to one hook. `event_id` is the `webhook-id` header of every attempt."""

    id = fields.String(required=True, metadata={"example": "dlv_3f9a0c2b7e1d4a5b6c7d8e9f"})
    hook_id = fields.String(allow_none=True)
    event_id = fields.String(required=True)
    event_type = fields.String(required=True)
    target_url = fields.String(required=True)
    status = fields.String(required=True, validate=one_of(DeliveryStatus))
    attempts = fields.List(fields.Nested(AttemptSchema), required=True)
    next_attempt_at = fields.String(allow_none=True, metadata={"description": "When the next try is due, if any."})
    created_at = fields.String(required=True)


class SigningSecretSchema(ma.Schema):
    """Verifies the deliveries to a render's own `webhook_url` (hooks have their own `secret`)."""

    signing_secret = fields.String(required=True, metadata={"example": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"})
