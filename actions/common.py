"""What every view shares: the connector, the caller, scope checks, idempotency and documented errors."""

from __future__ import annotations

import hashlib
import json
import logging
from copy import deepcopy
from functools import wraps
from http import HTTPStatus

from flask import current_app, g, make_response, request

from connector import Connector
from connector.accounts.idempotency import MAX_KEY_LENGTH, StoredResponse, fingerprint
from connector.accounts.store import Principal
from connector.runtime.errors import PlatenError, Unauthorized
from connector.runtime.outage import REDIS_DOWN

from .errors import envelope

REPLAYED_HEADER = "Idempotent-Replayed"
_KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Location")
log = logging.getLogger(__name__)


def connector() -> Connector:
    return current_app.extensions["platen"]


def principal() -> Principal:
    """The authenticated caller; the app's before-request hook has already refused anyone else."""
    who = g.get("principal")
    if who is None:
        raise Unauthorized("Send your API key in the X-API-Key header (or as 'Authorization: Bearer <key>').")
    return who


def requires(scope: str):
    """Refuse, with a 403 naming it, a key that lacks ``scope``, and document that 403 on the view. Put it
    outermost so it runs before parsing."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            principal().require(scope)
            return view(*args, **kwargs)

        # What flask-smorest's alt_response(403, response="FORBIDDEN") records, without needing the blueprint.
        wrapper._apidoc = deepcopy(getattr(view, "_apidoc", {}))
        responses = wrapper._apidoc.setdefault("response", {}).setdefault("responses", {})
        if "FORBIDDEN" not in responses.get(403, []):
            responses.setdefault(403, []).append("FORBIDDEN")
        return wrapper

    return decorator


IDEMPOTENCY_HEADER_DOC = {
    "in": "header", "name": "Idempotency-Key", "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH, "pattern": r"\S"},   # not blank
    "description": "Send the same value when retrying: within 24 h the first answer is replayed (with "
                   "`Idempotent-Replayed: true`) and nothing is created twice. The same key with another body is "
                   "a 422; while the first request is still running, a 409."}


def fingerprint_form(*parts: bytes) -> None:
    """For a multipart upload read by hand: make what ``@idempotent`` fingerprints (the body as read) the form's
    content, not its wrapping, whose boundary each retry of a client picks anew."""
    request._cached_data = b"multipart:" + b"".join(hashlib.sha256(part).digest() for part in parts)


def idempotent(blp, *, kept=None, replayed=None):
    """Honour ``Idempotency-Key`` on a creating POST: replay the first 2xx answer, refuse a changed body (422)
    and a duplicate still in flight (409). A render that was made and failed (``render_failed``) is an outcome
    too and is replayed; other errors release the key so the client can retry.

    The stored answer sits in Redis (and its AOF and backups) for a day, so an answer holding a secret must not
    be stored as it is: ``kept(body) -> body`` changes a JSON answer before it is stored (drops the secret) and
    ``replayed(body) -> body`` completes the stored one when it is replayed (from where the secret lives anyway)."""

    def decorator(view):
        return blp.doc(parameters=[IDEMPOTENCY_HEADER_DOC])(_idempotent(view, kept, replayed))

    return decorator


def _json_changed(data: bytes, change) -> bytes:
    if change is None:
        return data
    return current_app.json.dumps(change(json.loads(data))).encode() + b"\n"


def _idempotent(view, kept=None, replayed=None):
    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("Idempotency-Key")
        if key is None:
            return view(*args, **kwargs)
        account_id = principal().account.id
        store = connector().idempotency
        print_ = fingerprint(request.method, request.path, request.query_string, request.get_data(cache=True))
        stored = store.begin(account_id, key, print_)
        if stored is not None:
            body = _json_changed(stored.body, replayed if 200 <= stored.status < 300 else None)
            response = current_app.response_class(body, status=stored.status, headers=stored.headers)
            response.headers[REPLAYED_HEADER] = "true"
            return response
        outcome = False
        try:
            response = make_response(view(*args, **kwargs))
        except PlatenError as exc:
            if not exc.outcome:
                store.release(account_id, key)
                raise
            response, outcome = envelope(exc.status, exc.code, exc.message, exc.details, exc.headers), True
        except BaseException:
            store.release(account_id, key)
            raise
        if outcome or 200 <= response.status_code < 300:
            headers = {h: response.headers[h] for h in _KEPT_HEADERS if h in response.headers}
            body = _json_changed(response.get_data(), kept if 200 <= response.status_code < 300 else None)
            try:
                store.finish(account_id, key, print_, StoredResponse(response.status_code, headers, body))
            except REDIS_DOWN:
                # Done, but Redis went away before the answer was kept: the client still gets it (a render's id),
                # and a retry with this key meets 409 "in progress" until the claim lapses.
                log.warning("Idempotency-Key answer not kept: Redis unavailable")
        else:
            store.release(account_id, key)
        return response

    return wrapper


def documents(blp, *statuses: int):
    """Document error answers (the envelope) for ``statuses`` on a view, beside the 401 and 429 of every call."""

    def decorator(view):
        for status in sorted({401, 429, *statuses}, reverse=True):
            view = blp.alt_response(status, response=HTTPStatus(status).name)(view)
        return view

    return decorator

