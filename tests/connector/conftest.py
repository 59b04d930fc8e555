"""Fixtures for the fetcher's tests: a real HTTP server on 127.0.0.1 and a fake DNS for public-looking names."""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.connector.fetch.fetch_support import Handler


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits, httpd.connections, httpd.streamed = [], 0, 0
    httpd.port = httpd.server_address[1]
    httpd.url = f"http://127.0.0.1:{httpd.port}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fake_dns(monkeypatch):
    """Names mapped to addresses, resolved by the real code path (socket.getaddrinfo); records each lookup."""
    names, lookups, real = {}, [], socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):  # noqa: A002
        if host not in names:
            return real(host, port, family, type, proto, flags)
        lookups.append(host)
        ip = ipaddress.ip_address(names[host])
        if ip.version == 4:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (str(ip), port or 0))]
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (str(ip), port or 0, 0, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names, lookups
