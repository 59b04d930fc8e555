"""Idempotency-Key: the first response to a creating request is kept and replayed; nothing is created twice."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from connector.runtime.errors import Conflict, IdempotencyKeyReused, ValidationFailed

MAX_KEY_LENGTH = 255
MAX_STORED_BODY = 8 * 1024 * 1024  # larger answers (big binary renders) are not kept; the key is released instead
IN_FLIGHT_SECONDS = 150            # longer than the longest synchronous request (60 s wait plus margin)


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: dict
    body: bytes


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    """Same request → same fingerprint. JSON bodies are compared by content, not by key order or spacing."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode() if body else b""
    except (ValueError, UnicodeDecodeError):
        canonical = body
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, canonical):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


class Idempotency:
    """Records under ``<prefix>:idem:<account>:<sha256 of the key>``: in flight for a short while, then the answer."""

    def __init__(self, redis, prefix: str, ttl: int):
        self.redis = redis
        self.p = prefix
        self.ttl = ttl

    def _record(self, account_id: str, key: str) -> str:
        if not key or len(key) > MAX_KEY_LENGTH:
            raise ValidationFailed(f"The Idempotency-Key header must be 1 to {MAX_KEY_LENGTH} characters.",
                                   details={"field": "Idempotency-Key"})
        return f"{self.p}:idem:{account_id}:{hashlib.sha256(key.encode()).hexdigest()}"

    def begin(self, account_id: str, key: str, print_: str) -> StoredResponse | None:
        """Claim ``key`` for this request (``None``: go ahead) or return the answer to replay.

        Raises ``IdempotencyKeyReused`` for the same key with another body and ``Conflict`` while the first
        request with this key is still running.
        """
        record = self._record(account_id, key)
        claim = json.dumps({"state": "in_flight", "fingerprint": print_})
        for _ in range(3):  # the record may expire between SET NX and GET; try again then
            if self.redis.set(record, claim, nx=True, ex=IN_FLIGHT_SECONDS):
                return None
            raw = self.redis.get(record)
            if raw is None:
                continue
            stored = json.loads(raw)
            if stored["fingerprint"] != print_:
                raise IdempotencyKeyReused(
                    "This Idempotency-Key was already used with a different request body; "
                    "use a new key for a new request.",
                    details={"field": "Idempotency-Key"})
            if stored["state"] == "in_flight":
                raise Conflict("A request with this Idempotency-Key is still in progress; retry in a few seconds.",
                               details={"field": "Idempotency-Key"}, headers={"Retry-After": "2"})
            return StoredResponse(status=stored["status"], headers=stored["headers"],
                                  body=base64.b64decode(stored["body"]))
        raise Conflict("This Idempotency-Key is busy; retry in a few seconds.", headers={"Retry-After": "2"})

    def finish(self, account_id: str, key: str, print_: str, response: StoredResponse) -> None:
        """Keep the answer for the TTL; too large an answer releases the key instead."""
        record = self._record(account_id, key)
        if len(response.body) > MAX_STORED_BODY:
            self.release(account_id, key)
            return
        self.redis.set(record, json.dumps({
            "state": "done", "fingerprint": print_, "status": response.status, "headers": response.headers,
            "body": base64.b64encode(response.body).decode("ascii")}), ex=self.ttl)

    def release(self, account_id: str, key: str) -> None:
        """Forget the claim (the request failed before creating anything), so the client may retry with the key."""
        self.redis.delete(self._record(account_id, key))
