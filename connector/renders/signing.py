"""Signed render URLs (SPEC section 6): an HMAC of the path and the sorted query, with the account's secret."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import urlencode

from itsdangerous import BadSignature, Signer

SIGNATURE_PARAM = "s"
FIELDS_PARAM = "fields"
OPTION_PARAMS = ("quality", "scale", "page")


def _signer(secret: str) -> Signer:
    return Signer(secret, salt="platen.render-url", digest_method=hashlib.sha256, key_derivation="hmac")


def canonical(path: str, params: list[tuple[str, str]]) -> str:
    """Order-independent: the same URL with its parameters shuffled signs the same."""
    query = urlencode(sorted((k, v) for k, v in params if k != SIGNATURE_PARAM))
    return f"{path}?{query}"


def sign(secret: str, path: str, params: list[tuple[str, str]]) -> str:
    return _signer(secret).get_signature(canonical(path, params)).decode()


def verify(secret: str, path: str, params: list[tuple[str, str]], signature: str | None) -> bool:
    if not signature:
        return False
    try:
        return _signer(secret).verify_signature(canonical(path, params).encode(), signature.encode())
    except BadSignature:
        return False


def field_params(fields: dict) -> list[tuple[str, str]]:
    """Plain values as their own readable parameters; nested objects as one ``fields=<json>``."""
    params, nested = [], {}
    for name, value in fields.items():
        if isinstance(value, dict | list):
            nested[name] = value
        elif isinstance(value, bool):
            params.append((name, "true" if value else "false"))
        elif value is not None:
            params.append((name, str(value)))
    if nested:
        params.append((FIELDS_PARAM, json.dumps(nested, separators=(",", ":"), sort_keys=True)))
    return params


def fields_from_params(params: list[tuple[str, str]]) -> dict:
    """The field values a public URL carries: every parameter but the signature and options, plus ``fields``."""
    fields: dict = {}
    for name, value in params:
        if name == FIELDS_PARAM:
            try:
                extra = json.loads(value)
            except ValueError:
                raise ValueError("the fields parameter is not valid JSON") from None
            if not isinstance(extra, dict):
                raise ValueError("the fields parameter must be a JSON object")
            fields.update(extra)
        elif name not in (SIGNATURE_PARAM, *OPTION_PARAMS):
            fields[name] = value
    return fields
