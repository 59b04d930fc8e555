"""Checking that a webhook Platen delivered is genuine: Standard Webhooks signatures, with the hook's secret."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

__all__ = ["WebhookVerificationError", "verify_webhook"]


def verify_webhook(payload: bytes | str, headers: Mapping[str, str], secret: str) -> dict[str, Any]:
    """The event (``{"type", "timestamp", "data"}``) when ``payload`` is signed with ``secret`` (the hook's
    ``whsec_…``, or the account's signing secret for per-render callbacks) and is recent (5 minutes); otherwise
    ``WebhookVerificationError``. Pass the raw body, before any JSON parsing, and the request's headers
    (``webhook-id``, ``webhook-timestamp``, ``webhook-signature``) in any letter case."""
    lowered = {str(name).lower(): value for name, value in headers.items()}
    body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    return Webhook(secret).verify(body, lowered)
