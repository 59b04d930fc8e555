"""The fetcher against a real HTTP server on 127.0.0.1: images, redirect chains, size and time limits, types, errors."""

from __future__ import annotations

import socket
import time

import pytest

from connector.fetch.fetcher import Fetcher, FetchError
from connector.runtime.settings import Settings
from tests.connector.fetch.fetch_support import PNG, STREAM_TOTAL, dev


def test_fetches_an_image_when_private_networks_are_allowed(server):
    got = dev().get(server.url + "/logo.png")
    assert (got.data, got.status, got.content_type, got.etag) == (PNG, 200, "image/png", '"v1"')
    assert got.final_url == got.url == server.url + "/logo.png"
    assert got.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_three_redirects_are_followed_and_a_fourth_refused(server):
    got = dev().get(server.url + "/hop/2")
    assert got.data == PNG and got.final_url == server.url + "/logo.png"
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        dev().get(server.url + "/hop/3")


def test_a_declared_size_over_the_cap_is_refused_before_reading(server):
    with pytest.raises(FetchError, match=r"/big is larger than 1000 bytes"):
        dev(max_bytes=1000).get(server.url + "/big")


def test_an_undeclared_size_stops_reading_at_the_cap(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="is larger than 97.7 KB"):
        dev(max_bytes=100_000).get(server.url + "/stream")
    assert time.monotonic() - started < 5
    time.sleep(0.3)  # let the server notice the closed connection
    assert server.streamed < STREAM_TOTAL / 2


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_slow_drip_is_cut_at_the_total_deadline(server, path):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s"):
        dev(timeout=0.5).get(server.url + path)
    assert time.monotonic() - started < 2  # the drip alone would take 10 s


def test_the_deadline_also_covers_a_reused_connection(server):
    fetcher = dev(timeout=0.5)
    fetcher.get(server.url + "/logo.png")
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 s"):
        fetcher.get(server.url + "/drip")
    assert time.monotonic() - started < 2 and server.connections == 1


def test_web_pages_and_other_types_are_refused_with_a_clear_message(server):
    with pytest.raises(FetchError, match="/page is a web page, not an image; use the address of the image file"):
        dev().get(server.url + "/page")
    with pytest.raises(FetchError, match="/json is application/json, not an image"):
        dev().get(server.url + "/json")
    assert dev().get(server.url + "/page", kind="any").data == b"<html></html>"


def test_octet_stream_and_a_missing_type_are_left_to_the_decoder(server):
    assert dev().load_image(server.url + "/octet") == PNG
    assert dev().get(server.url + "/notype").content_type == ""


def test_an_error_status_is_named(server):
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/nothing answered 404 Not Found$"):
        dev().get(server.url + "/nothing")


def test_an_unreachable_host_is_named():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="could not be reached"):
        dev().get(f"http://127.0.0.1:{port}/x.png")


def test_data_urls_need_no_fetch():
    assert Fetcher().load_image("data:text/plain;base64,aGk=") == b"hi"


def test_from_settings():
    fetcher = Fetcher.from_settings(Settings(allow_private_networks=True, fetch_timeout=3.0, fetch_max_bytes=10,
                                             fetch_cache_bytes=20))
    assert (fetcher.allow_private, fetcher.timeout, fetcher.max_bytes, fetcher.cache_bytes) == (True, 3.0, 10, 20)
