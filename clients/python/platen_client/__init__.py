"""Python client for Platen: ``Platen(base_url, api_key)`` over a core generated from the OpenAPI document."""

from .client import Platen, RetryTransport
from .errors import (
    Conflict,
    Forbidden,
    GenerationFailed,
    InsufficientCredits,
    NotFound,
    PlatenError,
    RateLimited,
    RenderFailed,
    Unauthorized,
    Unavailable,
    ValidationFailed,
)
from .webhooks import WebhookVerificationError, verify_webhook

__all__ = ["Conflict", "Forbidden", "GenerationFailed", "InsufficientCredits", "NotFound", "Platen", "PlatenError",
           "RateLimited", "RenderFailed", "RetryTransport", "Unauthorized", "Unavailable", "ValidationFailed",
           "WebhookVerificationError", "verify_webhook"]
