"""Attacks on POST/GET /api/v1/generations: SSRF through input_url, redirects and og:image, other accounts' objects,
bombs and limits, odd request shapes and a page that trickles; every one refused with a 4xx naming the field, or
the generation finished or failed with a reason, never a leak or a hang."""

from __future__ import annotations

import gzip
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote

import pytest
from PIL import Image

from connector.fetch.fetcher import Fetcher
from connector.generations import running
from connector.generations.running import run_generation
from tests.conftest import Caller, assert_envelope

BASE = "http://platen.test"
TIPS = "5 tips for remote work\nWorking from home works when the day has a shape.\n- Keep a routine\n" \
       "- Take real breaks\n- Over-communicate"
ARTICLE = """<!doctype html><html lang="en"><head><title>Remote work, done well</title>{head}</head>
<body><article><h1>Remote work, done well</h1><p>Working from home works when the day has a shape. These five
habits give it one, and they cost nothing to start.</p><ul><li>Keep a routine</li><li>Take real breaks</li>
<li>Over-communicate</li></ul><p>Start with one habit this week and add the next one when it sticks.</p>
</article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        self.server.hits.append(self.path)
        path = self.path
        if path.startswith("/to/"):   # /to/<address>: a redirect there
            return self.send(302, Location="http://" + path[4:])
        if path.startswith("/loc/"):   # /loc/<quoted URL>: a redirect to any scheme
            return self.send(302, Location=unquote(path[5:]))
        if path.startswith("/loop"):
            return self.send(302, Location=f"/loop{len(path)}")
        if path == "/og-private":
            head = '<meta property="og:image" content="http://169.254.169.254/latest/meta-data/a.png">'
            return self.send(200, ARTICLE.format(head=head).encode())
        if path.startswith("/og/"):   # /og/<address>: an article whose og:image is there
            head = f'<meta property="og:image" content="{unquote(path[4:])}">'
            return self.send(200, ARTICLE.format(head=head).encode())
        if path == "/og-loopback-port":   # an image on a port the guard refuses
            head = '<meta property="og:image" content="http://example.com:2375/a.png">'
            return self.send(200, ARTICLE.format(head=head).encode())
        if path == "/gzip-bomb":
            return self.send(200, self.server.bomb, Content_Encoding="gzip")
        if path == "/nested":
            return self.send(200, b"<html><body>" + b"<div>" * 1_000_000 + b"<p>deep</p></body></html>")
        if path == "/html-as-pdf":
            return self.send(200, ARTICLE.format(head="").encode(), "application/pdf")
        if path == "/empty":
            return self.send(200, b"", "application/pdf")
        if path == "/empty-page":
            return self.send(200, b"")
        if path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                while not self.server.stop.is_set():
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    self.server.stop.wait(0.1)
            except OSError:
                pass
            return None
        return self.send(404, b"<h1>Not found</h1>")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits, httpd.stop = [], threading.Event()
    httpd.bomb = gzip.compress(b"<p>" + b" " * (200 * 1024 * 1024) + b"</p>", 9)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.stop.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


@pytest.fixture
def app(make_app):
    """The production guard (no private networks, ports 80 and 443)..."""
    return make_app(public_url=BASE, fetch_timeout=2.0)


@pytest.fixture
def conn(app):
    return app.extensions["platen"]


@pytest.fixture
def public(conn, server):
    """...except that the test server's loopback address and port count as public, as a real site would."""
    conn.get()._fetcher = Fetcher(allow_loopback=True, ports=(80, 443, server.server_address[1]), timeout=2.0)
    return server.url


def post(client, caller, headers=None, **body):
    return client.post("/api/v1/generations", headers={**caller.headers, **(headers or {})},
                       json={"input_type": "text", "input_content": TIPS, "output_formats": ["og"], **body})


def finished(client, caller, jobs, answer) -> dict:
    assert answer.status_code == 202, answer.get_json()
    jobs.run()
    done = client.get(answer.headers["Location"], headers=caller.headers).get_json()
    assert done["status"] in ("completed", "failed"), done
    if done["status"] == "failed":
        message = done["error"]["message"]
        assert message[-1] in ".)" and ".." not in message, message
    return done


def refused(answer, field: str, status: int = 422, code: str = "validation_failed") -> str:
    error = assert_envelope(answer, status, code)
    assert field in error["message"], error
    return error["message"]


# --- SSRF --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/", "http://127.0.0.1/", "http://[::1]/", "http://0.0.0.0/",
    "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:a9fe:a9fe]/", "http://evil.example.com@127.0.0.1/", "http://127.0.0.1#@example.com/",
    "http://10.0.0.1/", "http://100.100.100.200/", "http://localhost/", "http://metadata.google.internal/",
    "http://example.com:22/", "http://example.com:6379/", "file:///etc/passwd", "ftp://example.com/a.pdf",
    "data:text/html,<h1>hi</h1>", "gopher://example.com/", "javascript:alert(1)", "http:///a", "http://[::1",
])
@pytest.mark.parametrize("input_type", ["url", "pdf"])
def test_a_private_local_or_non_http_address_is_refused_up_front(client, alice, input_type, url):
    message = refused(post(client, alice, input_type=input_type, input_url=url, input_content=None), "input_url")
    assert message.count(". ") == 0 or "e.g." in message, message
    assert client.get("/api/v1/generations", headers=alice.headers).get_json() == []


@pytest.mark.parametrize("target", ["169.254.169.254/latest/meta-data/", "10.0.0.1/", "[::1]/",
                                    "localhost/", "example.com:8080/"])
def test_a_public_page_that_redirects_to_a_private_address_fails_with_the_reason(client, alice, jobs, public,
                                                                                 target):
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=f"{public}/to/{target}",
                                              input_content=None))
    assert done["status"] == "failed" and done["error"]["error"] == "input_unreachable", done
    assert "redirected to" in done["error"]["message"] and done["credits"] == 0


@pytest.mark.parametrize(("target", "says"), [
    ("file:///etc/passwd", "is not an http or https address"), ("ftp://example.com/a", "is not an http or https"),
    ("data:text/html,<p>hi</p>", "is not an http or https"), ("http://0xa9fea9fe/", "private network"),
    ("http://[fd00::1]/", "private network"), ("http://intranet/", "local network name"),
])
def test_a_redirect_to_another_scheme_or_a_private_host_fails_with_the_reason(client, alice, jobs, public, target,
                                                                              says):
    page = f"{public}/loc/{quote(target, safe='')}"
    done = finished(client, alice, jobs, post(client, alice, input_type="pdf", input_url=page, input_content=None))
    assert done["status"] == "failed" and says in done["error"]["message"], done["error"]


def test_a_redirect_loop_fails_with_the_reason(client, alice, jobs, public):
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=public + "/loop",
                                              input_content=None))
    assert done["status"] == "failed" and "redirected more than 3 times" in done["error"]["message"]


@pytest.mark.parametrize("path", ["/og-private", "/og-loopback-port"])
def test_an_og_image_at_a_refused_address_is_not_fetched_and_the_designs_go_without_it(client, alice, jobs, public,
                                                                                      path):
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=public + path,
                                              input_content=None, output_formats=["og", "instagram_post"]))
    assert done["status"] == "completed", done["error"]
    assert done["extracted"]["title"] == "Remote work, done well"
    assert len(done["outputs"]) == 2 and all(len(o["urls"]) == 1 for o in done["outputs"])


# --- other accounts ----------------------------------------------------------------------------------------------
def test_another_accounts_generation_brand_and_deliveries_are_not_found(client, alice, bob, conn):
    made = post(client, alice).get_json()
    for path in (f"/api/v1/generations/{made['id']}", f"/api/v1/generations/{made['id']}/deliveries"):
        assert_envelope(client.get(path, headers=bob.headers), 404, "not_found")
    bobs_brand = client.get("/api/v1/brands", headers=bob.headers).get_json()
    brand_id = (bobs_brand[0] if isinstance(bobs_brand, list) else bobs_brand["data"][0])["id"]
    refused(post(client, alice, brand_id=brand_id), "brand_id")


def test_another_accounts_asset_as_input_is_not_read_from_storage(client, alice, bob, jobs, conn):
    out = io.BytesIO()
    Image.new("RGB", (200, 200), "red").save(out, "PNG")
    asset, _ = conn.assets.upload(bob.account.id, out.getvalue())
    url = conn.assets.url(asset)
    done = finished(client, alice, jobs, post(client, alice, input_type="pdf", input_url=url, input_content=None))
    assert done["status"] == "failed" and done["credits"] == 0


@pytest.mark.parametrize("owner", ["alice", "bob"])
def test_an_og_image_that_is_another_accounts_asset_is_not_drawn(client, alice, bob, jobs, conn, public, owner):
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (255, 0, 0)).save(out, "PNG")
    asset, _ = conn.assets.upload({"alice": alice, "bob": bob}[owner].account.id, out.getvalue())
    page = f"{public}/og/{quote(conn.assets.url(asset), safe='')}"
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=page, input_content=None,
                                              output_formats=["instagram_post"]))
    assert done["status"] == "completed", done["error"]
    png = Image.open(io.BytesIO(client.get(done["outputs"][0]["urls"][0].removeprefix(BASE)).data)).convert("RGB")
    data = png.tobytes()
    red = sum(1 for i in range(0, len(data), 3) if data[i] > 240 and data[i + 1] < 15 and data[i + 2] < 15)
    assert (red > 10_000) == (owner == "alice"), f"{red} red pixels: Alice's own image is drawn, Bob's not"


# --- bombs and limits --------------------------------------------------------------------------------------------
def test_a_gzip_bomb_stops_at_the_page_cap(client, alice, jobs, public):
    started = time.monotonic()
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=public + "/gzip-bomb",
                                              input_content=None))
    assert done["status"] == "failed" and "larger than 5 MB" in done["error"]["message"], done["error"]
    assert time.monotonic() - started < 60   # not hours: the server would go on for ever


def test_a_page_of_a_million_nested_tags_finishes_or_fails_with_a_reason(client, alice, jobs, public):
    started = time.monotonic()
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=public + "/nested",
                                              input_content=None))
    assert time.monotonic() - started < 90
    if done["status"] == "failed":
        assert done["error"]["error"] in ("input_unreadable", "input_empty"), done["error"]


@pytest.mark.parametrize(("path", "input_type", "code"), [
    ("/html-as-pdf", "pdf", "input_unreadable"), ("/empty", "pdf", "input_unreadable"),
    ("/empty-page", "url", "input_unreadable"), ("/nope", "url", "input_unreachable"),
])
def test_a_file_that_is_not_what_it_says_fails_with_a_reason(client, alice, jobs, public, path, input_type, code):
    done = finished(client, alice, jobs, post(client, alice, input_type=input_type, input_url=public + path,
                                              input_content=None))
    assert done["status"] == "failed" and done["error"]["error"] == code, done["error"]
    assert "input_url" in done["error"]["message"]


def test_a_zero_byte_upload_is_refused_naming_the_file(client, alice):
    answer = client.post("/api/v1/generations", headers=alice.headers, content_type="multipart/form-data",
                         data={"output_formats": "og", "file": (io.BytesIO(b""), "report.pdf")})
    refused(answer, "file")


def test_a_pdf_upload_over_20_mb_is_a_413_naming_the_file(client, alice):
    big = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024)
    answer = client.post("/api/v1/generations", headers=alice.headers, content_type="multipart/form-data",
                         data={"output_formats": "og", "file": (io.BytesIO(big), "report.pdf")})
    assert "20 MB" in refused(answer, "file", 413, "payload_too_large")


def test_an_input_url_over_2048_characters_is_refused(client, alice):
    url = "https://example.com/" + "a" * 2100
    refused(post(client, alice, input_type="url", input_url=url, input_content=None), "input_url")


def test_a_pdf_form_without_a_file_asks_for_one(client, alice):
    answer = client.post("/api/v1/generations", headers=alice.headers, content_type="multipart/form-data",
                         data={"output_formats": "og", "input_type": "pdf"})
    assert "'file'" in refused(answer, "input_url")


@pytest.mark.parametrize(("text", "ok"), [
    ("x" * 20_000, True), ("x" * 20_001, False),
    ("👍" * 20_000, True), ("👍" * 20_001, False),   # characters are code points: one emoji is one
    ("e\u0301" * 10_000, True), ("e\u0301" * 10_001, False),   # a combining mark counts as one
])
def test_input_content_is_at_most_20000_characters(client, alice, text, ok):
    answer = post(client, alice, input_content="Title\n" + text[6:] if ok else text)
    if ok:
        assert answer.status_code == 202, answer.get_json()
    else:
        assert "20,000" in refused(answer, "input_content")


def test_a_lone_surrogate_is_refused_or_survives(client, alice, jobs):
    answer = client.post("/api/v1/generations", headers={**alice.headers, "Content-Type": "application/json"},
                         data=b'{"input_type": "text", "input_content": "Tips \\ud800 here\\n- one\\n- two", '
                              b'"output_formats": ["og"]}')
    if answer.status_code == 422:
        refused(answer, "input_content")
    else:
        assert finished(client, alice, jobs, answer)["status"] == "completed"


@pytest.mark.parametrize("text", [
    "Tips\x00 for\x07 work\x1b[31m\n- one\x00\n- two\x0b\n- three",
    "\u202eTips for work\u202c\n- \u2066one\u2069\n- two\n- three",
    "Tips\n" + "- a\n" * 4_990,
    "\n\n\n" + "\u200b" * 100 + "\nTitle\n- a\n- b",
])
def test_odd_text_is_designed_without_control_characters(client, alice, jobs, text):
    done = finished(client, alice, jobs, post(client, alice, input_content=text,
                                              output_formats=["og", "linkedin_carousel"]))
    assert done["status"] == "completed", done["error"]
    shown = done["extracted"]["title"] + "".join(done["extracted"]["points"])
    assert not any(c in shown for c in "\x00\x07\x0b\x1b\u202e\u202c\u2066\u2069"), shown


# --- request shapes ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "field"), [
    ({"output_formats": 5}, "output_formats"), ({"output_formats": {"og": 1}}, "output_formats"),
    ({"output_formats": [1, 2]}, "output_formats"), ({"output_formats": [None]}, "output_formats"),
    ({"output_formats": ""}, "output_formats"), ({"output_formats": None}, "output_formats"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"linkedin_carousel": 5.5}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"linkedin_carousel": "five"}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"linkedin_carousel": True}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": [5]}, "carousel_slides"),
    ({"visual_style": 3}, "visual_style"), ({"visual_style": "modern; drop"}, "visual_style"),
    ({"metadata": "x"}, "metadata"), ({"metadata": {"k": "v" * 5000}}, "metadata"),
    ({"input_content": 42}, "input_content"), ({"input_type": None}, "input_type"),
    ({"brand_id": 7}, "brand_id"), ({"webhook_url": "file:///etc/passwd"}, "webhook_url"),
    ({"colour": "red"}, "colour"),
])
def test_a_wrong_shape_is_a_422_in_the_envelope_naming_the_field(client, alice, body, field):
    refused(post(client, alice, **body), field)
    assert client.get("/api/v1/generations", headers=alice.headers).get_json() == []


def test_ids_in_another_case_and_a_slide_count_as_digits_are_taken(client, alice):
    answer = post(client, alice, output_formats=[" OG", "LinkedIn_Carousel"], visual_style="Modern ",
                  carousel_slides={"linkedin_carousel": "4"})
    assert answer.status_code == 202, answer.get_json()
    made = answer.get_json()
    assert (made["output_formats"], made["visual_style"]) == (["og", "linkedin_carousel"], "modern")


def test_json_sent_as_text_plain_is_read_as_json(client, alice):
    answer = client.post("/api/v1/generations", headers={**alice.headers, "Content-Type": "text/plain"},
                         data=b'{"input_type": "text", "input_content": "Tips", "output_formats": ["og"]}')
    assert answer.status_code == 202, answer.get_json()
    answer = client.post("/api/v1/generations", headers={**alice.headers, "Content-Type": "text/plain"},
                         data=b"input_type=text")
    assert_envelope(answer, 415, answer.get_json()["error"])


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_json_nested_a_hundred_thousand_deep_is_refused_not_a_500(client, alice, content_type):
    data = b'{"input_type": "text", "input_content": "Tips", "output_formats": ["og"], "metadata": {"a": ' + \
        b"[" * 100_000 + b"]" * 100_000 + b"}}"
    answer = client.post("/api/v1/generations", headers={**alice.headers, "Content-Type": content_type}, data=data)
    assert answer.status_code in (400, 413, 415, 422), answer.get_data(as_text=True)[:300]
    assert_envelope(answer, answer.status_code, answer.get_json()["error"])


@pytest.mark.parametrize("part", ["carousel_slides", "metadata", "output_formats"])
def test_a_form_part_of_json_nested_too_deep_is_a_422_naming_it(client, alice, part):
    form = {"output_formats": "og", "file": (io.BytesIO(b"%PDF-1.4\n"), "r.pdf"), part: "[" * 100_000 + "]" * 100_000}
    answer = client.post("/api/v1/generations", headers=alice.headers, content_type="multipart/form-data", data=form)
    refused(answer, part)


def test_a_body_that_is_not_an_object_is_a_422(client, alice):
    for data in (b"[]", b'"text"', b"42", b"null"):
        answer = client.post("/api/v1/generations", headers={**alice.headers, "Content-Type": "application/json"},
                             data=data)
        refused(answer, "body")


def test_an_idempotency_key_reused_with_another_body_is_refused_like_renders(client, alice):
    headers = {"Idempotency-Key": "gen-attack-1"}
    assert post(client, alice, headers).status_code == 202
    changed = post(client, alice, headers, visual_style="dark")
    assert changed.status_code in (409, 422), changed.get_json()
    assert "Idempotency-Key" in changed.get_json()["message"]
    assert len(client.get("/api/v1/generations", headers=alice.headers).get_json()) == 1


def test_an_idempotency_key_reused_with_another_pdf_is_refused(client, alice):
    headers = {**alice.headers, "Idempotency-Key": "gen-attack-pdf"}

    def send(pdf: bytes):
        return client.post("/api/v1/generations", headers=headers, content_type="multipart/form-data",
                           data={"output_formats": "og", "file": (io.BytesIO(pdf), "report.pdf")})

    first, again = send(b"%PDF-1.4\n%one\n"), send(b"%PDF-1.4\n%one\n")
    assert first.status_code == again.status_code == 202 and first.get_json()["id"] == again.get_json()["id"]
    assert send(b"%PDF-1.4\n%two\n").status_code in (409, 422)


def test_both_input_content_and_input_url_take_the_one_input_type_names(client, alice, conn):
    made = post(client, alice, input_url="http://127.0.0.1/private").get_json()
    record = conn.generations.get(alice.account.id, made["id"])
    assert (record.input_type, record.input_url, record.input_content) == ("text", None, TIPS)


def test_an_unexpected_error_fails_after_three_starts_with_a_readable_reason(client, alice, conn, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the layout blew up. " + "x" * 500)

    monkeypatch.setattr(running, "design", broken)
    made = post(client, alice).get_json()
    for _ in range(3):
        run_generation(conn.get(), made["id"])
    failed = client.get(f"/api/v1/generations/{made['id']}", headers=alice.headers).get_json()
    assert failed["status"] == "failed" and failed["error"]["error"] == "generation_failed"
    message = failed["error"]["message"]
    assert "(the layout blew up" in message and message.endswith("Try again.") and ". :" not in message, message
    assert len(message) < 400


# --- time --------------------------------------------------------------------------------------------------------
def test_a_page_that_trickles_fails_at_the_fetch_deadline(client, alice, jobs, public):
    started = time.monotonic()
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=public + "/trickle",
                                              input_content=None))
    assert time.monotonic() - started < 60   # not hours: the server would go on for ever
    assert done["status"] == "failed" and done["error"]["error"] == "input_unreachable", done["error"]
    assert "took longer than 2 s" in done["error"]["message"]


def test_an_og_image_that_trickles_is_given_up_at_the_deadline_and_the_design_made_without_it(client, alice, jobs,
                                                                                             public):
    started = time.monotonic()
    page = f"{public}/og/{quote(public + '/trickle', safe='')}"
    done = finished(client, alice, jobs, post(client, alice, input_type="url", input_url=page, input_content=None))
    assert done["status"] == "completed", done["error"]
    assert time.monotonic() - started < 60   # not hours: the server would go on for ever


def test_bob_cannot_see_alices_generation_in_his_list(client, alice, conn):
    post(client, alice)
    bob = Caller(conn, "Bob")
    assert client.get("/api/v1/generations", headers=bob.headers).get_json() == []
