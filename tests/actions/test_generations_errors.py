"""POST /api/v1/generations refusals in one convention (a message "<field>: …" a no-code user can act on, and
``details.fields`` {field: [problem]}, like any schema's 422), ids accepted in any case, and a failed generation's
timings in the documented shape."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import assert_envelope

TEXT = "5 tips for remote work\nWorking from home works when the day has a shape.\n- Keep a routine\n" \
       "- Take real breaks\n- Over-communicate"
TIMINGS = {"fetch_ms", "extract_ms", "plan_ms", "render_ms", "total_ms"}


@pytest.fixture
def app(make_app):
    return make_app(allow_private_networks=True, public_url="http://platen.test")


def post(client, caller, **body):
    return client.post("/api/v1/generations", headers=caller.headers,
                       json={"input_type": "text", "input_content": TEXT, "output_formats": ["og"], **body})


def refused(answer, field: str) -> str:
    """The 422's message, checked against the one convention."""
    error = assert_envelope(answer, 422, "validation_failed")
    assert error["message"].startswith(f"{field}: "), error
    assert error["details"] == {"fields": {field: [error["message"].removeprefix(f"{field}: ")]}}, error
    return error["message"]


@pytest.mark.parametrize(("body", "field"), [
    ({"input_type": "video"}, "input_type"),
    ({"input_type": None}, "input_type"),
    ({"input_type": 5}, "input_type"),
    ({"input_content": ""}, "input_content"),
    ({"input_type": "url"}, "input_url"),
    ({"input_type": "url", "input_url": "ftp://example.com/a"}, "input_url"),
    ({"output_formats": []}, "output_formats"),
    ({"output_formats": None}, "output_formats"),
    ({"output_formats": 5}, "output_formats"),
    ({"output_formats": ["og", "tiktok"]}, "output_formats"),
    ({"output_formats": ["og", "OG"]}, "output_formats"),
    ({"carousel_slides": {"og": 3}}, "carousel_slides"),
    ({"carousel_slides": {"linkedin_carousel": "many"}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"linkedin_carousel": 12}}, "carousel_slides"),
    ({"visual_style": "baroque"}, "visual_style"),
    ({"brand_id": "brd_0000000000000000000000"}, "brand_id"),
    ({"webhook_url": "ftp://example.com/hook"}, "webhook_url"),
    ({"metadata": {"note": "x" * 4100}}, "metadata"),
    ({"metadata": "x"}, "metadata"),
    ({"colour": "red"}, "colour"),
])
def test_every_refusal_names_one_field_in_one_convention(client, alice, body, field):
    refused(post(client, alice, **body), field)


def test_a_body_that_is_not_an_object_and_a_form_part_that_is_not_json_say_so_the_same_way(client, alice):
    refused(client.post("/api/v1/generations", headers=alice.headers, json=["og"]), "body")
    form = client.post("/api/v1/generations", headers=alice.headers, content_type="multipart/form-data", data={
        "input_type": "text", "input_content": TEXT, "output_formats": "og", "carousel_slides": "{five}"})
    assert "must be JSON" in refused(form, "carousel_slides")


def test_an_unknown_format_is_quoted_with_the_formats_to_use(client, alice):
    message = refused(post(client, alice, output_formats=["og", "tiktok"]), "output_formats")
    assert message.startswith('output_formats: "tiktok" is not a format; use one of og, instagram_post, ')
    assert "linkedin_carousel" in message and "[1]" not in message


def test_slides_for_a_format_that_is_not_a_carousel_say_which_ones_take_slides(client, alice):
    message = refused(post(client, alice, carousel_slides={"og": 3}), "carousel_slides")
    assert message == "carousel_slides: og is not a carousel format; slides apply to instagram_carousel and " \
                      "linkedin_carousel."


def test_an_unknown_style_and_input_type_are_quoted_too(client, alice):
    assert refused(post(client, alice, visual_style="baroque"), "visual_style") == \
        'visual_style: "baroque" is not a style; use one of modern, minimal, bold, elegant, playful, corporate, ' \
        'creative, dark.'
    assert refused(post(client, alice, input_type="video"), "input_type") == \
        'input_type: "video" is not an input type; use text, url or pdf.'


def test_a_slide_count_for_a_carousel_not_asked_for_is_ignored(client, alice):
    answer = post(client, alice, carousel_slides={"instagram_carousel": 4})
    assert answer.status_code == 202, answer.get_json()


def test_ids_are_taken_in_any_case_and_with_spaces(client, alice, jobs):
    answer = post(client, alice, input_type=" Text", visual_style=" Modern ",
                  output_formats=[" OG", "LinkedIn_Carousel"], carousel_slides={"LINKEDIN_CAROUSEL ": 3})
    assert answer.status_code == 202, answer.get_json()
    queued = answer.get_json()
    assert (queued["input_type"], queued["visual_style"], queued["output_formats"]) == \
        ("text", "modern", ["og", "linkedin_carousel"])
    assert queued["timings"] == dict.fromkeys(TIMINGS)   # nothing measured yet: every step null
    jobs.run()
    done = client.get(answer.headers["Location"], headers=alice.headers).get_json()
    assert done["status"] == "completed", done["error"]
    assert [o["pages"] for o in done["outputs"]] == [1, 3] and done["credits"] == 4
    assert set(done["timings"]) == TIMINGS and all(isinstance(v, int) for v in done["timings"].values())
    form = client.post("/api/v1/generations", headers=alice.headers, content_type="multipart/form-data", data={
        "input_type": "TEXT", "input_content": TEXT, "output_formats": "Instagram_Post, og", "visual_style": "Dark"})
    assert form.status_code == 202, form.get_json()
    assert (form.get_json()["output_formats"], form.get_json()["visual_style"]) == (["instagram_post", "og"], "dark")


@pytest.fixture
def missing():
    """A web server on 127.0.0.1 that answers every page with a 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<h1>File not found</h1>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_failed_generation_has_the_timings_it_measured_and_null_for_the_rest(client, alice, jobs, missing):
    answer = post(client, alice, input_type="url", input_url=f"{missing}/missing.html", input_content=None)
    assert answer.status_code == 202, answer.get_json()
    jobs.run()
    failed = client.get(answer.headers["Location"], headers=alice.headers).get_json()
    assert failed["status"] == "failed" and "404" in failed["error"]["message"], failed
    timings = failed["timings"]
    assert set(timings) == TIMINGS and isinstance(timings["fetch_ms"], int) and timings["fetch_ms"] >= 0
    assert [timings[n] for n in ("extract_ms", "plan_ms", "render_ms", "total_ms")] == [None] * 4
