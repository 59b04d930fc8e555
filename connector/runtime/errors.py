"""Domain errors: one base class, small flat subclasses, each mapped once to a status and a code."""

from __future__ import annotations


class PlatenError(Exception):
    """Base of every error the service reports to a client."""

    status = 500
    code = "internal_error"
    # The request was carried out and this is its outcome (a render made, then failed): an Idempotency-Key
    # replays it like a success instead of letting a retry do it again.
    outcome = False

    def __init__(self, message: str, *, details: dict | None = None, headers: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


class BadRequest(PlatenError):
    status, code = 400, "validation_failed"


class Unauthorized(PlatenError):
    status, code = 401, "unauthorized"


class InsufficientCredits(PlatenError):
    status, code = 402, "insufficient_credits"


class Forbidden(PlatenError):
    status, code = 403, "forbidden"


class NotFound(PlatenError):
    status, code = 404, "not_found"


class Conflict(PlatenError):
    status, code = 409, "conflict"


class PayloadTooLarge(PlatenError):
    status, code = 413, "payload_too_large"


class UnsupportedMediaType(PlatenError):
    status, code = 415, "unsupported_media_type"


class Cancelled(PlatenError):
    """A batch row that was never rendered because its batch was cancelled."""

    status, code = 409, "cancelled"


class ValidationFailed(PlatenError):
    status, code = 422, "validation_failed"


class RenderFailed(PlatenError):
    """A render that was made and failed while the caller waited (its id is in ``details.render_id``)."""

    status, code = 422, "render_failed"
    outcome = True   # the render exists: a retry with the same Idempotency-Key replays this answer


class IdempotencyKeyReused(PlatenError):
    status, code = 422, "idempotency_key_reused"


class RateLimited(PlatenError):
    status, code = 429, "rate_limited"


class Unavailable(PlatenError):
    status, code = 503, "unavailable"
