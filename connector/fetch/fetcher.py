"""The guarded fetcher: every server-side URL (image sources, webhook deliveries) goes out through it."""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests_hardened import Config, HTTPSession
from requests_hardened.ip_filter import InvalidIPAddress

from connector.fetch.guard import Deadline, _GuardedAdapter, _literal_ip, is_forbidden
from renderer.render import load_data_url

DEFAULT_FRESHNESS = 300  # seconds a response without Cache-Control max-age is used before revalidating
LOCAL_SUFFIXES = (".localhost", ".local", ".internal")
LOCAL_HINT = (" (whoever runs this Platen server can allow local addresses and other ports, e.g. a self-hosted "
              "n8n, with PLATEN_ALLOW_PRIVATE_NETWORKS=1)")
PORTS_HINT = " (whoever runs this Platen server can allow more with PLATEN_ALLOWED_PORTS)"
OCTET_TYPES = {"application/octet-stream", "binary/octet-stream"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf", "application/x-pdf"}
# kind -> (Accept header, content types taken besides none and octet-stream); "image" also takes any image/*
KINDS = {"image": ("image/*,*/*;q=0.8", frozenset()),
         "page": ("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", frozenset(HTML_TYPES)),
         "pdf": ("application/pdf,*/*;q=0.5", frozenset(PDF_TYPES))}


class FetchError(ValueError):
    """A URL Platen will not or could not fetch; the message is one sentence a no-code user can act on."""


class UnexpectedType(FetchError):
    """The answer is not the kind asked for (a PDF where a web page was asked for); ``content_type`` says what."""

    def __init__(self, message: str, content_type: str):
        super().__init__(message)
        self.content_type = content_type


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    data: bytes
    etag: str | None
    last_modified: str | None
    charset: str | None = None   # the Content-Type's charset parameter, for reading a page


def _size(n: int) -> str:
    return f"{round(n / 2**20, 1):g} MB" if n >= 2**20 else f"{round(n / 1024, 1):g} KB" if n >= 1024 else f"{n} bytes"


class Fetcher:
    """Fetches http(s) URLs for the service: guarded, time- and size-limited, cached in memory by URL."""

    def __init__(self, *, allow_private: bool = False, timeout: float = 10.0, max_bytes: int = 20 * 1024 * 1024,
                 max_redirects: int = 3, cache_bytes: int = 128 * 1024 * 1024,
                 user_agent: str = "Platen/1.0 (image fetcher)", allow_loopback: bool = False,
                 ports: Collection[int] = (80, 443), page_bytes: int = 5 * 1024 * 1024,
                 pdf_bytes: int = 20 * 1024 * 1024):
        # allow_loopback and ports exist for tests: a real server on 127.0.0.1 behind a made-up public name
        self.allow_private, self.allow_loopback, self.ports = allow_private, allow_loopback, frozenset(ports)
        self.timeout, self.max_bytes, self.max_redirects = timeout, max_bytes, max_redirects
        self.cache_bytes, self.user_agent = cache_bytes, user_agent
        self.kind_bytes = {"image": max_bytes, "page": min(page_bytes, max_bytes), "pdf": min(pdf_bytes, max_bytes)}
        self._cache: OrderedDict[str, tuple[Fetched, float]] = OrderedDict()  # url -> (response, fresh until)
        self.cached_bytes, self._lock = 0, threading.Lock()
        self._session = self.session()

    @classmethod
    def from_settings(cls, settings) -> Fetcher:
        return cls(allow_private=settings.allow_private_networks, timeout=settings.fetch_timeout,
                   max_bytes=settings.fetch_max_bytes, cache_bytes=settings.fetch_cache_bytes,
                   ports=settings.ports())

    def session(self) -> requests.Session:
        """A Session whose every connection is guarded; it never follows redirects (for webhook deliveries)."""
        session = HTTPSession(Config(ip_filter_enable=False, ip_filter_allow_loopback_ips=False, never_redirect=True,
                                     default_timeout=(self.timeout, self.timeout), user_agent_override=self.user_agent))
        session.trust_env = False  # a proxy from the environment would resolve names itself; .netrc would add passwords
        for scheme in ("http://", "https://"):
            session.mount(scheme, _GuardedAdapter(https=scheme == "https://", allow_private=self.allow_private,
                                                  allow_loopback=self.allow_loopback, ports=self.ports))
        return session

    def _ports_text(self) -> str:
        ports = sorted(self.ports)
        return f"port {ports[0]}" if len(ports) == 1 else \
            f"ports {', '.join(map(str, ports[:-1]))} and {ports[-1]}"

    def check_target(self, url: str, shown: str | None = None) -> None:
        """Refuse a URL that is not http(s), uses another port, or names a private address or a local name (no DNS)."""
        shown = shown or url
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise FetchError(f"{shown} is not a valid web address") from None
        if parts.scheme.lower() not in ("http", "https"):
            raise FetchError(f"{shown} is not an http or https address; Platen only connects to those")
        host = (parts.hostname or "").rstrip(".")
        if not host:
            raise FetchError(f"{shown} has no host name")
        if self.allow_private:
            return
        ip = _literal_ip(host)
        if ip is not None and is_forbidden(ip, allow_loopback=self.allow_loopback):
            raise FetchError(f"{shown} is a private network address; Platen does not connect to those{LOCAL_HINT}")
        # a name without a dot is completed by the resolver's search domains: an intranet host
        if ip is None and (host == "localhost" or host.endswith(LOCAL_SUFFIXES) or "." not in host):
            raise FetchError(f"{shown} is a local network name; Platen does not connect to those{LOCAL_HINT}")
        if port is not None and port not in self.ports:
            raise FetchError(f"{shown} uses port {port}; Platen only connects to {self._ports_text()}{PORTS_HINT}")

    def load_image(self, url: str) -> bytes:
        """The renderer's ``load_image``: the bytes of a guarded, cached fetch (or of a ``data:`` URL)."""
        if url.startswith("data:"):  # inline images need no fetch, but the same size limit
            data = load_data_url(url)
            if len(data) > self.max_bytes:
                raise FetchError(f"the data: URL is larger than {_size(self.max_bytes)}")
            return data
        return self.get(url).data

    def get(self, url: str, *, kind: str = "image") -> Fetched:
        """Fetch ``url`` (from the cache while fresh). Kinds "image", "page" (an HTML page, at most ``page_bytes``)
        and "pdf" (at most ``pdf_bytes``) check the content type; any other kind takes whatever is sent."""
        key = url if kind == "image" else f"{kind} {url}"   # a page's bytes never answer a later image fetch
        with self._lock:
            cached, fresh_until = self._cache.get(key, (None, 0.0))
            if cached is not None and fresh_until > time.monotonic():
                self._cache.move_to_end(key)
                return cached
        fetched, max_age = self._download(url, kind, cached)
        self._remember(key, fetched, max_age)
        return fetched

    def _download(self, url: str, kind: str, cached: Fetched | None) -> tuple[Fetched, int | None]:
        # identity: images are compressed already, and a gzip bomb could not slip past the size cap
        headers = {"Accept-Encoding": "identity", "Accept": KINDS[kind][0] if kind in KINDS else "*/*"}
        limit = self.kind_bytes.get(kind, self.max_bytes)
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        with Deadline(self.timeout) as deadline:
            try:
                with self._follow(url, headers, deadline) as response:
                    if response.status_code == 304 and cached is not None:  # still good: keep our bytes
                        again = replace(cached, etag=response.headers.get("ETag", cached.etag),
                                        last_modified=response.headers.get("Last-Modified", cached.last_modified))
                        return again, _max_age(response)
                    content_type = self._check_response(response, kind)
                    data = bytearray()
                    for chunk in response.iter_content(64 * 1024):
                        data += chunk
                        if len(data) > limit:
                            raise FetchError(f"{url} is larger than {_size(limit)}")
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
                if deadline.over() or isinstance(exc, requests.Timeout):
                    raise FetchError(f"{url} took longer than {self.timeout:g} s") from None
                raise FetchError(f"{url} could not be reached ({_reason(exc)})") from None
            if deadline.over():  # a connection cut at the deadline can look like a short, complete body
                raise FetchError(f"{url} took longer than {self.timeout:g} s")
        charset = re.search(r";\s*charset=[\"']?([\w.:-]+)", response.headers.get("Content-Type", ""), re.I)
        return Fetched(url, response.url, response.status_code, content_type, bytes(data),
                       response.headers.get("ETag"), response.headers.get("Last-Modified"),
                       charset.group(1) if charset else None), _max_age(response)

    def _follow(self, url: str, headers: dict, deadline: Deadline) -> requests.Response:
        hop = url
        for _ in range(self.max_redirects + 1):
            shown = url if hop == url else f"{url} redirected to {hop}, which"
            self.check_target(hop, shown)  # every hop: a public page may redirect to the metadata service
            try:
                response = self._session.get(hop, headers=headers, stream=True, allow_redirects=False,
                                             timeout=(deadline.left(), deadline.left()))
            except InvalidIPAddress as exc:  # refused at connect time, on the address DNS gave
                if str(exc).startswith("port "):
                    raise FetchError(f"{shown} uses {exc}; Platen only connects to {self._ports_text()}") from None
                raise FetchError(f"{shown} resolves to a private network address ({exc}); "
                                 f"Platen does not connect to those{LOCAL_HINT}") from None
            if not response.is_redirect:
                return response
            hop = urljoin(hop, response.headers["Location"])
            response.close()
        raise FetchError(f"{url} redirected more than {self.max_redirects} times")

    def _check_response(self, response: requests.Response, kind: str) -> str:
        url, status = response.url, response.status_code
        if not 200 <= status < 300:
            raise FetchError(f"{url} answered {status} {response.reason or ''}".rstrip())
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        # no type or octet-stream: plenty of storage buckets serve images so; the decoder decides
        if kind in KINDS and content_type and content_type not in OCTET_TYPES | KINDS[kind][1] \
                and not (kind == "image" and content_type.startswith("image/")):
            raise UnexpectedType(_not_a(url, kind, content_type), content_type)
        length, limit = response.headers.get("Content-Length", ""), self.kind_bytes.get(kind, self.max_bytes)
        if length.isdigit() and int(length) > limit:  # refuse before reading a byte of it
            raise FetchError(f"{url} is larger than {_size(limit)}")
        return content_type

    def _remember(self, url: str, fetched: Fetched, max_age: int | None) -> None:
        size = len(fetched.data)
        with self._lock:
            if (old := self._cache.pop(url, None)) is not None:
                self.cached_bytes -= len(old[0].data)
            if max_age is None or size > self.cache_bytes or not (max_age or fetched.etag or fetched.last_modified):
                return
            while self._cache and self.cached_bytes + size > self.cache_bytes:
                self.cached_bytes -= len(self._cache.popitem(last=False)[1][0].data)
            self._cache[url] = (fetched, time.monotonic() + max_age)
            self.cached_bytes += size


def _not_a(url: str, kind: str, content_type: str) -> str:
    wanted = {"image": "an image", "page": "a web page", "pdf": "a PDF"}[kind]
    if content_type in HTML_TYPES:
        return f"{url} is a web page, not {wanted}" + \
            ("; use the address of the image file itself" if kind == "image" else "")
    if content_type in PDF_TYPES:
        return f"{url} is a PDF, not {wanted}"
    return f"{url} is {content_type}, not {wanted}"


def _max_age(response: requests.Response) -> int | None:
    """Seconds to use a response without asking again; None: not to be kept (no-store)."""
    cache_control = response.headers.get("Cache-Control", "").lower()
    if "no-store" in cache_control:
        return None
    if "no-cache" in cache_control:
        return 0
    found = re.search(r"(?:^|[,\s])max-age=\"?(\d+)", cache_control)
    return int(found.group(1)) if found else DEFAULT_FRESHNESS


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, reason in (("certificate", "its HTTPS certificate was not accepted"),
                           ("resolve", "its host name was not found"), ("refused", "the connection was refused")):
        if needle in text:
            return reason
    return "the connection failed"
