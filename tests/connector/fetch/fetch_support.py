"""Shared by the fetcher's tests: a PNG to serve, the HTTP handler the test servers run, and fetcher factories."""

from __future__ import annotations

import io
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from PIL import Image

from connector.fetch.fetcher import Fetcher


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


PNG = _png()
STREAM_TOTAL = 50 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so a pooled connection is reused between fetches

    def setup(self):
        super().setup()
        self.server.connections += 1

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.server.hits.append((parts.path, dict(self.headers)))
        try:
            self.route(parts.path, query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, path, query):
        if path == "/logo.png":
            extra = {"Cache_Control": query["cc"]} if "cc" in query else {}
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, ETag='"v1"', **extra)
            return self.send(200, PNG, Content_Type="image/png", ETag='"v1"',
                             Last_Modified="Mon, 01 Jan 2024 00:00:00 GMT", **extra)
        if path == "/octet":
            return self.send(200, PNG, Content_Type="application/octet-stream")
        if path == "/notype":
            return self.send(200, PNG)
        if path == "/page":
            return self.send(200, b"<html></html>", Content_Type="text/html; charset=utf-8")
        if path == "/json":
            return self.send(200, b"{}", Content_Type="application/json")
        if path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            return self.send(302, Location=f"/hop/{left - 1}" if left else "/logo.png")
        if path == "/to":
            return self.send(302, Location=query["loc"])
        if path == "/big":
            return self.send(200, b"\0" * 5000, Content_Type="image/png")
        if path == "/stream":  # no length: the body runs until the connection closes
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"\0" * 65536
            for _ in range(STREAM_TOTAL // len(chunk)):
                self.wfile.write(chunk)
                self.server.streamed += len(chunk)
            return None
        if path == "/drip":  # each byte comes well within any read timeout; the whole body never does
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", "200")
            self.end_headers()
            return self.drip(b"\0" * 200)
        if path == "/drip-headers":
            self.close_connection = True
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            return self.drip(b"X-Slow: " + b"a" * 200)
        return self.send(404, b"no", Content_Type="text/plain")

    def drip(self, data):
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.05)



def dev(**kw) -> Fetcher:
    return Fetcher(allow_private=True, **kw)


def public_ish(server, **kw) -> Fetcher:
    """The production rules, except that the test server's loopback address and port count as public."""
    return Fetcher(allow_loopback=True, ports=(80, 443, server.port), **kw)
