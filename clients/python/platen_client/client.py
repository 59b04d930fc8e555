"""``Platen(base_url, api_key)``: the generated core (platen_client.core) with what a generator can't know —
retries that honour Retry-After, an Idempotency-Key on every create, errors as exceptions, waiting for renders and
batches (with a progress bar), files as bytes."""

from __future__ import annotations

import email.utils
import json
import time
import uuid
from collections.abc import Iterable, Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx

from .core import AuthenticatedClient
from .core.models import Me
from .core.types import File
from .errors import PlatenError

RETRIED = (429, 503)


class RetryTransport(httpx.BaseTransport):
    """Sends a request again after a 429 (rate limited) or 503 (Platen restarting, Redis away), waiting what the
    answer's ``Retry-After`` says (else 1, 2, 4… seconds), at most ``retries`` times. A retried create carries the
    same Idempotency-Key, so it never creates twice."""

    def __init__(self, inner: httpx.BaseTransport | None = None, retries: int = 4, max_wait: float = 60.0,
                 sleep=None):
        self.inner = inner or httpx.HTTPTransport()
        self.retries, self.max_wait = retries, max_wait
        self.sleep = sleep or (lambda seconds: time.sleep(seconds))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for attempt in range(self.retries + 1):
            response = self.inner.handle_request(request)
            if response.status_code not in RETRIED or attempt == self.retries:
                return response
            wait = retry_after(response.headers.get("Retry-After"), default=2.0 ** attempt)
            response.close()
            self.sleep(min(wait, self.max_wait))
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.inner.close()


def retry_after(value: str | None, default: float) -> float:
    """Seconds from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return default


def _raise_for_error(response: httpx.Response) -> None:
    if response.status_code >= 400:
        response.read()
        raise PlatenError.from_answer(response.status_code, response.content, dict(response.headers))


def new_idempotency_key() -> str:
    return f"platen-py-{uuid.uuid4()}"


def as_file(source: str | Path | bytes, name: str | None = None, media_type: str | None = None) -> File:
    """A file to upload: a path, or bytes with a ``name``."""
    if isinstance(source, bytes):
        return File(payload=BytesIO(source), file_name=name or "upload", mime_type=media_type)
    path = Path(source)
    return File(payload=BytesIO(path.read_bytes()), file_name=name or path.name, mime_type=media_type)


class Platen:
    """A Platen instance, as one API key sees it.

    >>> platen = Platen("https://platen.example.com", "plt_live_…")
    >>> render = platen.renders.create("tpl_…", {"title": "Hello"})
    >>> render.url

    ``templates``, ``renders``, ``batches``, ``hooks``, ``brands`` and ``generations`` hold the operations; ``core``
    is the generated client (``platen_client.core.api.*`` functions take it as ``client=``) for everything else.
    Every error answer raises a ``PlatenError`` (``code``, ``message``, ``details``, ``status``)."""

    def __init__(self, base_url: str, api_key: str, *, timeout: float = 90.0, retries: int = 4,
                 max_retry_wait: float = 60.0, transport: httpx.BaseTransport | None = None):
        from .brands import Brands
        from .generations import Generations
        from .resources import Batches, Hooks, Renders, Templates

        self.base_url = base_url.rstrip("/")
        self.core = AuthenticatedClient(base_url=self.base_url, token=api_key, prefix="", auth_header_name="X-API-Key",
                                        timeout=httpx.Timeout(timeout), raise_on_unexpected_status=False)
        # The sync connection gets the retries and the exceptions; the core's asyncio functions keep plain httpx.
        self.core.set_httpx_client(httpx.Client(
            base_url=self.base_url, headers={"X-API-Key": api_key}, timeout=httpx.Timeout(timeout),
            follow_redirects=False, transport=RetryTransport(transport, retries, max_retry_wait),
            event_hooks={"response": [_raise_for_error]}))
        self.templates = Templates(self)
        self.renders = Renders(self)
        self.batches = Batches(self)
        self.hooks = Hooks(self)
        self.brands = Brands(self)
        self.generations = Generations(self)

    def call(self, operation, **kwargs) -> Any:
        """Calls a generated operation (``platen_client.core.api.…``) and returns what it parsed."""
        return operation.sync_detailed(client=self.core, **kwargs).parsed

    def create(self, operation, **kwargs) -> Any:
        """Like ``call``, with a new Idempotency-Key: a retry after a lost answer replays it, creating nothing."""
        return self.call(operation, idempotency_key=new_idempotency_key(), **kwargs)

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """A plain request on the same connection, key, retries and errors (``path`` starts with ``/``)."""
        return self.core.get_httpx_client().request(method, path, **kwargs)

    def me(self) -> Me:
        """Who the key is: account, key label, mode, scopes and credits left."""
        from .core.api.account import get_me

        return self.call(get_me)

    def close(self) -> None:
        self.core.get_httpx_client().close()

    def __enter__(self) -> Platen:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def json_text(value: Any) -> str | None:
    return None if value is None else value if isinstance(value, str) else json.dumps(value)


def pages(fetch, limit: int = 100) -> Iterable[Any]:
    """Every item of a list endpoint, page after page (``fetch(page, limit)`` returns one page)."""
    page = 0
    while True:
        items = fetch(page, limit)
        yield from items
        if len(items) < limit:
            return
        page += 1
