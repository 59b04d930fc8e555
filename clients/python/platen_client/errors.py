"""Platen's error envelope as exceptions: every 4xx/5xx answer raises one, carrying code, message, details, status."""

from __future__ import annotations

import json
from typing import Any


class PlatenError(Exception):
    """An error answer of the API: ``code`` (stable, e.g. ``not_found``), ``message`` (one sentence to act on),
    ``details`` (specifics, e.g. ``fields`` of a 422), ``status`` (the HTTP status) and ``request_id``."""

    def __init__(self, code: str, message: str, status: int, details: dict[str, Any] | None = None,
                 request_id: str = "", headers: dict[str, str] | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.details = details or {}
        self.request_id = request_id
        self.headers = headers or {}

    @classmethod
    def from_answer(cls, status: int, content: bytes, headers: dict[str, str] | None = None) -> PlatenError:
        """The exception for an error answer: its envelope, or (an answer from a proxy in front of Platen) a
        generic ``http_error`` that quotes the start of the body."""
        try:
            body = json.loads(content)
        except ValueError:
            body = None
        if not isinstance(body, dict) or "error" not in body:
            text = content[:200].decode("utf-8", "replace").strip()
            return _KINDS.get(status, PlatenError)("http_error", f"HTTP {status}: {text or 'no body'}", status,
                                                   headers=headers)
        kind = _BY_CODE.get(body["error"]) or _KINDS.get(status, PlatenError)
        return kind(str(body["error"]), str(body.get("message", "")), int(body.get("status", status)),
                    body.get("details") if isinstance(body.get("details"), dict) else {},
                    str(body.get("request_id", "")), headers)


class Unauthorized(PlatenError):
    """401: the key is missing, malformed, unknown or revoked."""


class Forbidden(PlatenError):
    """403: the key lacks a scope (``details.missing_scope``), or a signed URL's signature is wrong."""


class NotFound(PlatenError):
    """404: no such object (another account's objects are 404 too)."""


class Conflict(PlatenError):
    """409: not ready yet (a render's file, a running batch's archive), or a template changed meanwhile."""


class ValidationFailed(PlatenError):
    """400/422: the request names something wrong; ``details.fields`` or ``details.field`` says where."""


class RenderFailed(ValidationFailed):
    """422 ``render_failed``: the render was made and failed; ``details.render_id`` names it."""


class GenerationFailed(PlatenError):
    """A generation that ended ``failed`` (raised by ``generations.wait``): ``code`` and ``message`` are its error's
    (``input_unreadable``…), ``details.generation_id`` names it and ``generation`` is the whole record."""

    generation: Any = None

    @classmethod
    def of(cls, generation: Any) -> GenerationFailed:
        error = getattr(generation, "error", None)
        code = str(getattr(error, "error", None) or "generation_failed")
        message = str(getattr(error, "message", None) or "The generation failed.")
        failed = cls(code, message, 422, {"generation_id": generation.id})
        failed.generation = generation
        return failed


class InsufficientCredits(PlatenError):
    """402: this month's credits are used up."""


class RateLimited(PlatenError):
    """429 after the client's retries ran out."""


class Unavailable(PlatenError):
    """503 after the client's retries ran out."""


_KINDS = {400: ValidationFailed, 401: Unauthorized, 402: InsufficientCredits, 403: Forbidden, 404: NotFound,
          409: Conflict, 422: ValidationFailed, 429: RateLimited, 503: Unavailable}
_BY_CODE = {"render_failed": RenderFailed}
