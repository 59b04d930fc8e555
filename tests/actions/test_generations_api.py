"""POST/GET /api/v1/generations, in-process: validation at once, then the job run for real (extraction, designs
saved as templates, one render per page, credits, events, hooks and the webhook_url callback)."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image
from standardwebhooks import Webhook

from tests.conftest import Caller, assert_envelope
from tests.support.receiver import Receiver

BASE = "http://platen.test"
TIPS = "5 tips for remote work\nWorking from home works when the day has a shape.\n- Keep a routine\n" \
       "- Take real breaks\n- Over-communicate\n- Set up a real desk\n- Log off on time"


@pytest.fixture
def app(make_app):
    return make_app(allow_private_networks=True, public_url=BASE)


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def start(client, caller, **body):
    return client.post("/api/v1/generations", headers=caller.headers,
                       json={"input_type": "text", "input_content": TIPS, "output_formats": ["og"], **body})


def used(client, caller) -> int:
    return client.get("/api/v1/usage", headers=caller.headers).get_json()["used"]


def test_a_text_generation_makes_templates_and_one_render_per_page(client, alice, jobs):
    answer = start(client, alice, output_formats=["og", "linkedin_carousel"], metadata={"post": 7})
    assert answer.status_code == 202, answer.get_json()
    queued = answer.get_json()
    assert queued["id"].startswith("gen_") and queued["status"] == "queued"
    assert answer.headers["Location"] == f"/api/v1/generations/{queued['id']}"
    assert (queued["extracted"], queued["outputs"], queued["error"], queued["completed_at"]) == (None, [], None, None)
    jobs.run()
    done = client.get(f"/api/v1/generations/{queued['id']}", headers=alice.headers).get_json()
    assert done["status"] == "completed", done["error"]
    assert done["extracted"]["title"] == "5 tips for remote work"
    assert [o["format"] for o in done["outputs"]] == ["og", "linkedin_carousel"]
    og, carousel = done["outputs"]
    assert (og["pages"], len(og["render_ids"]), len(og["urls"])) == (1, 1, 1)
    assert (carousel["pages"], len(carousel["render_ids"]), len(carousel["urls"])) == (5, 5, 5)
    assert done["credits"] == 6 and used(client, alice) == 6
    assert done["metadata"] == {"post": 7} and done["visual_style"] == "modern" and done["brand_id"].startswith("brd_")
    assert set(done["timings"]) >= {"fetch_ms", "extract_ms", "plan_ms", "render_ms", "total_ms"}
    for output, size in ((og, (1200, 630)), (carousel, (1080, 1350))):
        template = client.get(f"/api/v1/templates/{output['template_id']}", headers=alice.headers)
        assert template.status_code == 200
        for url in output["urls"]:
            png = client.get(url.removeprefix(BASE))
            assert png.status_code == 200 and Image.open(io.BytesIO(png.data)).size == size
        for render_id in output["render_ids"]:
            render = client.get(f"/api/v1/renders/{render_id}", headers=alice.headers).get_json()
            assert render["status"] == "completed" and render["template_id"] == output["template_id"]
    listed = client.get("/api/v1/generations", headers=alice.headers).get_json()
    assert [g["id"] for g in listed] == [done["id"]] and listed[0] == done


@pytest.mark.parametrize(("body", "field"), [
    ({"input_type": "video"}, "input_type"),
    ({"input_content": ""}, "input_content"),
    ({"input_content": "x" * 20_001}, "input_content"),
    ({"input_type": "url"}, "input_url"),
    ({"input_type": "url", "input_url": "ftp://example.com/a"}, "input_url"),
    ({"input_type": "url", "input_url": "http://localhost/a"}, "input_url"),
    ({"input_type": "pdf", "input_url": "http://intranet/a.pdf"}, "input_url"),
    ({"output_formats": []}, "output_formats"),
    ({"output_formats": ["og", "nope"]}, "output_formats"),
    ({"output_formats": ["og"] * 2}, "output_formats"),
    ({"output_formats": ["og", "x_post", "instagram_post", "instagram_story", "instagram_portrait",
                         "linkedin_post", "facebook_post", "pinterest_pin", "youtube_thumbnail", "square_small",
                         "linkedin_carousel"]}, "output_formats"),
    ({"carousel_slides": {"og": 3}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"linkedin_carousel": 2}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"linkedin_carousel": 11}}, "carousel_slides"),
    ({"output_formats": ["linkedin_carousel"], "carousel_slides": {"instagram_carousel": 2}}, "carousel_slides"),
    ({"visual_style": "baroque"}, "visual_style"),
    ({"brand_id": "brd_0000000000000000000000"}, "brand_id"),
    ({"webhook_url": "http://10.0.0.1/hook"}, "webhook_url"),
    ({"metadata": {"note": "x" * 4100}}, "metadata"),
])
def test_bad_requests_are_422s_naming_the_field_and_store_nothing(make_app, alice_strict, body, field):
    client, caller = alice_strict
    answer = client.post("/api/v1/generations", headers=caller.headers,
                         json={"input_type": "text", "input_content": TIPS, "output_formats": ["og"], **body})
    error = assert_envelope(answer, 422, "validation_failed")
    assert field in error["message"] or field in str(error.get("details")), error
    assert client.get("/api/v1/generations", headers=caller.headers).get_json() == []


@pytest.fixture
def alice_strict(make_app):
    """An app whose fetcher refuses private addresses, as a real server's does."""
    app = make_app(public_url=BASE)
    return app.test_client(), Caller(app.extensions["platen"], "Alice")


def test_formats_may_come_as_one_comma_separated_string(client, alice):
    made = start(client, alice, output_formats="og, linkedin_carousel").get_json()
    assert made["output_formats"] == ["og", "linkedin_carousel"]


def test_a_generation_is_its_accounts_alone(client, alice, bob):
    made = start(client, alice).get_json()
    for path in (f"/api/v1/generations/{made['id']}", "/api/v1/generations/gen_nope"):
        assert_envelope(client.get(path, headers=bob.headers), 404, "not_found")
    assert client.get("/api/v1/generations", headers=bob.headers).get_json() == []


def test_credits_are_checked_up_front_and_test_keys_are_free(client, alice, jobs, conn):
    conn.redis.hset(f"{conn.settings.redis_prefix}:account:{alice.account.id}", "monthly_credits", 3)
    assert_envelope(start(client, alice, output_formats=["og", "linkedin_carousel"]), 402, "insufficient_credits")
    _, test_secret = conn.accounts.create_key(alice.account.id, mode="test")
    answer = client.post("/api/v1/generations", headers={"X-API-Key": test_secret}, json={
        "input_type": "text", "input_content": TIPS, "output_formats": ["og", "linkedin_carousel"]})
    assert answer.status_code == 202
    jobs.run()
    done = client.get(answer.headers["Location"], headers={"X-API-Key": test_secret}).get_json()
    assert (done["status"], done["credits"], done["mode"]) == ("completed", 0, "test")
    assert used(client, alice) == 0


def test_a_pdf_upload_is_checked_and_kept(client, alice):
    form = {"output_formats": "og,linkedin_carousel", "carousel_slides": '{"linkedin_carousel": 4}',
            "visual_style": "dark", "file": (io.BytesIO(b"not a pdf"), "report.pdf")}
    assert_envelope(client.post("/api/v1/generations", headers=alice.headers, data=form,
                                content_type="multipart/form-data"), 422, "validation_failed")
    form["file"] = (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "report.pdf")
    answer = client.post("/api/v1/generations", headers=alice.headers, data=form, content_type="multipart/form-data")
    assert answer.status_code == 202, answer.get_json()
    made = answer.get_json()
    assert (made["input_type"], made["output_formats"], made["visual_style"]) == \
        ("pdf", ["og", "linkedin_carousel"], "dark")
    bad_json = dict(form, file=(io.BytesIO(b"%PDF-1.4\n"), "r.pdf"), carousel_slides="{five}")
    assert_envelope(client.post("/api/v1/generations", headers=alice.headers, data=bad_json,
                                content_type="multipart/form-data"), 422, "validation_failed")


def test_an_idempotency_key_makes_one_generation(client, alice):
    headers = {**alice.headers, "Idempotency-Key": "gen-1"}
    body = {"input_type": "text", "input_content": TIPS, "output_formats": ["og"]}
    first = client.post("/api/v1/generations", headers=headers, json=body)
    second = client.post("/api/v1/generations", headers=headers, json=body)
    assert first.status_code == second.status_code == 202
    assert second.headers["Idempotent-Replayed"] == "true" and first.get_json()["id"] == second.get_json()["id"]
    assert len(client.get("/api/v1/generations", headers=alice.headers).get_json()) == 1


ARTICLE = b"""<!doctype html><html lang="en"><head><title>Remote work, done well | The Desk</title>
<meta property="og:title" content="Remote work, done well"><meta property="og:site_name" content="The Desk">
<meta property="og:description" content="Five habits that make working from home work."></head>
<body><article><h1>Remote work, done well</h1><p>Working from home works when the day has a shape. These five
habits give it one, and they cost nothing to start.</p><ul><li>Keep a routine</li><li>Take real breaks</li>
<li>Over-communicate</li><li>Set up a real desk</li><li>Log off on time</li></ul><p>Start with one habit this
week and add the next one when it sticks.</p></article></body></html>"""


@pytest.fixture
def pages():
    """A web server on 127.0.0.1: /article is a blog post, anything else a 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            found = self.path == "/article"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            body = ARTICLE if found else b"<h1>Not found</h1>"
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


def test_a_web_page_is_fetched_read_and_designed(client, alice, jobs, pages):
    answer = start(client, alice, input_type="url", input_url=f"{pages}/article", input_content=None,
                   output_formats=["instagram_post"], visual_style="bold")
    assert answer.status_code == 202, answer.get_json()
    jobs.run()
    done = client.get(answer.headers["Location"], headers=alice.headers).get_json()
    assert done["status"] == "completed", done["error"]
    assert done["extracted"]["title"] == "Remote work, done well"
    assert done["extracted"]["site_name"] == "The Desk"
    assert done["credits"] == 1 and len(done["outputs"][0]["urls"]) == 1
    assert done["timings"]["fetch_ms"] >= 0 and done["timings"]["extract_ms"] >= 0


def test_a_failed_generation_says_why_and_fires_its_events(client, alice, jobs, pages, receiver, conn):
    hook = client.post("/api/v1/hooks", headers=alice.headers, json={
        "target_url": receiver.answer("/failed"), "event": "generation.failed"}).get_json()
    answer = start(client, alice, input_type="url", input_url=f"{pages}/gone", input_content=None,
                   webhook_url=receiver.answer("/callback"))
    assert answer.status_code == 202, answer.get_json()
    jobs.run()
    failed = client.get(answer.headers["Location"], headers=alice.headers).get_json()
    assert failed["status"] == "failed" and failed["completed_at"] and failed["credits"] == 0
    assert failed["error"]["error"] in ("input_unreachable", "input_unreadable") and "404" in failed["error"]["message"]
    polled = client.get("/api/v1/triggers/generation.failed", headers=alice.headers).get_json()
    assert polled == [failed]
    assert client.get("/api/v1/triggers/generation.completed", headers=alice.headers).get_json() == []
    for path, secret in (("/failed", hook["secret"]), ("/callback", None)):
        [got] = receiver.wait(path)
        assert got.json()["type"] == "generation.failed" and got.json()["data"] == failed
        if secret:
            Webhook(secret).verify(got.body, got.headers)
    [callback] = client.get(f"/api/v1/generations/{failed['id']}/deliveries", headers=alice.headers).get_json()
    assert (callback["event_type"], callback["target_url"]) == ("generation.failed", receiver.answer("/callback"))
    assert_envelope(client.get(f"/api/v1/generations/{failed['id']}/deliveries", headers=Caller(
        conn, "Bob").headers), 404, "not_found")


def test_a_completed_generation_reaches_the_trigger_hooks_and_its_webhook_url(client, alice, jobs, receiver):
    hook = client.post("/api/v1/hooks", headers=alice.headers, json={
        "target_url": receiver.answer("/done"), "event": "generation.completed"}).get_json()
    answer = start(client, alice, webhook_url=receiver.answer("/callback"), metadata={"post": 1})
    jobs.run()
    done = client.get(answer.headers["Location"], headers=alice.headers).get_json()
    assert done["status"] == "completed"
    polled = client.get("/api/v1/triggers/generation.completed", headers=alice.headers).get_json()
    assert polled == [done]
    newer = client.get(f"/api/v1/triggers/generation.completed?since={done['id']}", headers=alice.headers)
    assert newer.get_json() == []
    for path in ("/done", "/callback"):
        [got] = receiver.wait(path)
        assert got.json()["type"] == "generation.completed" and got.json()["data"] == done
    Webhook(hook["secret"]).verify(receiver.got("/done")[0].body, receiver.got("/done")[0].headers)
    sample = client.post(f"/api/v1/hooks/{hook['id']}/test", headers=alice.headers)
    assert sample.status_code in (200, 201, 202), sample.get_json()


def test_a_hooks_test_event_carries_a_generation_object_before_any_generation(client, alice, jobs, receiver):
    for event in ("generation.completed", "generation.failed"):
        hook = client.post("/api/v1/hooks", headers=alice.headers, json={
            "target_url": receiver.answer(f"/{event}"), "event": event}).get_json()
        assert client.post(f"/api/v1/hooks/{hook['id']}/test", headers=alice.headers).status_code in (200, 201, 202)
    jobs.run()
    for event in ("generation.completed", "generation.failed"):
        [got] = receiver.wait(f"/{event}")
        body = got.json()
        assert body["type"] == event and body["test"] is True
        sample = body["data"]
        assert sample["id"].startswith("gen_") and sample["status"] == event.split(".")[1]
        assert set(sample) == set(start(client, alice).get_json()), "the real object's shape"
