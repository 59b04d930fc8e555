"""Fetching a generation's page or PDF through the guarded fetcher, from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from connector.fetch.fetcher import Fetcher, FetchError
from connector.generations.extracting import ExtractionFailed, fetch, from_html, from_pdf

DATA = Path(__file__).resolve().parent / "data"
LATIN = ("<html><body><article><h1>Crème brûlée</h1>" + "<p>Déjà vu: à la carte, naïve façade, über.</p>" * 4 +
         "</article></body></html>").encode("cp1252")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type=None, **headers):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        self.server.accepts.append(self.headers.get("Accept"))
        routes = {
            "/2026/article.html": (200, (DATA / "article.html").read_bytes(), "text/html; charset=utf-8"),
            "/2026/plain.html": (200, (DATA / "article-plain.html").read_bytes(), "text/html"),
            "/latin.html": (200, LATIN, "text/html; charset=ISO-8859-1"),
            "/guide.pdf": (200, (DATA / "document.pdf").read_bytes(), "application/pdf"),
            "/octet.pdf": (200, (DATA / "document.pdf").read_bytes(), "application/octet-stream"),
            "/huge.html": (200, b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>", "text/html"),
            "/photo.png": (200, b"\x89PNG\r\n\x1a\n", "image/png"),
            "/gone": (404, b"no", "text/plain"),
        }
        if self.path == "/old":
            return self.send(301, Location="/2026/plain.html")
        if self.path == "/stream.html":   # no length: read until the cap
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"y" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        status, body, content_type = routes.get(self.path, (404, b"no", "text/plain"))
        return self.send(status, body, content_type)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.accepts = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def fetcher(server, **kw) -> Fetcher:
    """The production rules, except that the test server's loopback address and port count as public."""
    return Fetcher(allow_loopback=True, ports=(80, 443, server.server_address[1]), **kw)


def test_a_page_is_fetched_and_read(server):
    got = fetch(fetcher(server), server.url + "/2026/article.html", "url")
    assert got.status == 200 and got.content_type == "text/html; charset=utf-8"
    assert server.accepts[-1].startswith("text/html")
    page = from_html(got.data, got.final_url, got.content_type)
    assert page.title == "The Quiet Art of Remote Meetings"
    assert page.image == server.url + "/images/remote-meetings-og.jpg"


def test_relative_images_join_the_url_after_redirects(server):
    got = fetch(fetcher(server), server.url + "/old", "url")
    assert got.final_url == server.url + "/2026/plain.html"
    page = from_html(got.data, got.final_url, got.content_type)
    assert page.image == server.url + "/2026/images/remote-meetings-hero.jpg"
    assert page.url == server.url + "/2026/plain.html"


def test_the_header_charset_reaches_from_html(server):
    got = fetch(fetcher(server), server.url + "/latin.html", "url")
    assert got.content_type == "text/html; charset=ISO-8859-1"
    page = from_html(got.data, got.final_url, got.content_type)
    assert page.title == "Crème brûlée" and page.summary.startswith("Déjà vu: à la carte")


@pytest.mark.parametrize("path", ["/guide.pdf", "/octet.pdf"])
def test_a_pdf_is_fetched_and_read(server, path):
    got = fetch(fetcher(server), server.url + path, "pdf")
    assert server.accepts[-1].startswith("application/pdf")
    assert from_pdf(got.data, got.final_url).title == "Field Guide to Remote Meetings"


def test_a_page_over_5_mb_is_refused_before_it_is_read(server):
    with pytest.raises(FetchError, match=r"/huge.html is larger than 5 MB"):
        fetch(fetcher(server), server.url + "/huge.html", "url")


def test_a_page_without_a_length_stops_at_the_cap(server):
    with pytest.raises(FetchError, match=r"/stream.html is larger than 97.7 KB"):
        fetch(fetcher(server, page_bytes=100_000), server.url + "/stream.html", "url")


def test_a_pdf_has_its_own_cap(server):
    with pytest.raises(FetchError, match=r"/guide.pdf is larger than 1000 bytes"):
        fetch(fetcher(server, pdf_bytes=1000), server.url + "/guide.pdf", "pdf")
    assert fetch(fetcher(server, page_bytes=1000), server.url + "/guide.pdf", "pdf").data[:5] == b"%PDF-"


@pytest.mark.parametrize(("path", "input_type", "message"), [
    ("/guide.pdf", "url", '{url} is a PDF, not a web page; send it with input_type "pdf".'),
    ("/2026/plain.html", "pdf", '{url} is a web page, not a PDF; send it with input_type "url", or the PDF\'s own '
                                "address."),
    ("/photo.png", "url", '{url} is image/png, not a web page; send the address of a web page (input_type "url") '
                          'or a PDF ("pdf").'),
])
def test_a_wrong_content_type_is_input_wrong_type(server, path, input_type, message):
    url = server.url + path
    with pytest.raises(ExtractionFailed) as failed:
        fetch(fetcher(server), url, input_type)
    assert failed.value.code == "input_wrong_type"
    assert failed.value.message == "input_url: " + message.format(url=url)


def test_fetch_errors_propagate(server):
    with pytest.raises(FetchError, match=r"/gone answered 404"):
        fetch(fetcher(server), server.url + "/gone", "url")


def test_the_guard_refuses_loopback_by_default(server):
    with pytest.raises(FetchError, match="is a private network address"):
        fetch(Fetcher(), server.url + "/2026/article.html", "url")


def test_a_page_in_the_cache_does_not_answer_an_image_fetch(server):
    shared = fetcher(server)
    url = server.url + "/2026/article.html"
    assert fetch(shared, url, "url").data.startswith(b"<!DOCTYPE html>")
    with pytest.raises(FetchError, match="is a web page, not an image"):
        shared.get(url)
