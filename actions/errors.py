"""The error envelope: every 4xx/5xx is ``{"error","message","status","details","request_id"}``."""

from __future__ import annotations

from flask import g, jsonify, request
from werkzeug.exceptions import HTTPException

from .routing import EmptyPathId

_CODES = {400: "validation_failed", 401: "unauthorized", 402: "insufficient_credits", 403: "forbidden",
          404: "not_found", 405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
          415: "unsupported_media_type", 422: "validation_failed", 429: "rate_limited", 503: "unavailable"}


def envelope(status: int, code: str, message: str, details: dict | None = None, headers: dict | None = None):
    body = {"error": code, "message": message, "status": status, "details": details or {},
            "request_id": g.get("request_id", "")}
    response = jsonify(body)
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    if status == 401:
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="Platen"')
    return response


def from_http_exception(error: HTTPException):
    """Werkzeug's, webargs' and Flask-Limiter's HTTP errors, told in Platen's words."""
    status = error.code or 500
    code = _CODES.get(status, "internal_error" if status >= 500 else "bad_request")
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    details: dict = {}
    if isinstance(error, EmptyPathId):
        message, details["parameter"] = error.description, error.parameter
    elif status == 404:
        message = f"There is nothing at {request.path}. The endpoints are listed at /api/v1/docs."
    elif status == 405:
        allowed = sorted(m for m in (getattr(error, "valid_methods", None) or []) if m not in ("HEAD", "OPTIONS"))
        message = f"{request.method} is not allowed on {request.path}; use {', '.join(allowed) or 'another method'}."
        details["allowed_methods"] = allowed
        headers["Allow"] = ", ".join(allowed)
    elif status == 413:
        limit = request.max_content_length
        message = f"The request body is too large: the limit is {limit // 1024 // 1024} MB." if limit else \
            "The request body is too large."
    elif status == 429:
        limit = getattr(error, "limit", None)
        what = f" ({limit.limit})" if limit is not None else ""
        message = f"Too many requests for this API key{what}. Wait for the time in the Retry-After header, then retry."
    elif "messages" in data:
        fields = _flatten(data["messages"])
        details["fields"] = fields
        first, problems = next(iter(fields.items()))
        if status == 400:
            message = "The request body is not valid JSON. Check quotes, commas and brackets."
        else:
            more = f" ({len(fields) - 1} more problem{'s' if len(fields) > 2 else ''} in details.fields)" \
                if len(fields) > 1 else ""
            message = f"{first}: {problems[0]}{more}"
    elif status >= 500:
        message = "Something went wrong on our side; retry, and quote the request_id if it keeps happening."
    else:
        message = error.description or error.name
    return envelope(status, code, message, details, headers)


def _flatten(messages, path: str = "") -> dict[str, list[str]]:
    """webargs' nested ``{"json": {"scopes": {"0": [...]}}}`` → ``{"scopes[0]": [...]}``."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            if not path and key in ("json", "query", "form", "files", "headers", "json_or_form"):
                out.update(_flatten(value, ""))
                continue
            if key == "_schema":
                child = path or "body"
            elif isinstance(key, int) or str(key).isdigit():
                child = f"{path}[{key}]"
            else:
                child = f"{path}.{key}" if path else str(key)
            out.update(_flatten(value, child))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        out[path or "body"] = messages
    elif isinstance(messages, list):
        for item in messages:
            out.update(_flatten(item, path))
    else:
        out[path or "body"] = [str(messages)]
    return out
