"""Renders end to end: the Flask app in-process, a real RQ worker process, real Redis, real images over HTTP."""

from __future__ import annotations

import base64
import io
import os
import signal
import time

import pytest

from tests.conftest import assert_envelope

from .stacks import CARD, pixels


def test_sync_render_hosts_the_file_and_draws_one_credit(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    answer = stack.render(alice, template_id=tpl, fields={"title": "Hi there", "logo": f"{stack.images.base}/red.png"})
    assert answer.status_code == 201, answer.get_json()
    render = answer.get_json()
    assert render["status"] == "completed" and render["cached"] is False and render["template_version"] == 1
    assert (render["width"], render["height"], render["format"]) == (400, 200, "png")
    assert render["url"].startswith("http://platen.test/files/") and render["error"] is None
    hosted = stack.client.get(render["url"].removeprefix("http://platen.test"))
    assert hosted.status_code == 200 and hosted.mimetype == "image/png"
    assert "immutable" in hosted.headers["Cache-Control"] and len(hosted.data) == render["size_bytes"]
    assert pixels(hosted.data).getpixel((60, 60))[0] > 200, "the logo came from the image server"
    usage = stack.client.get("/api/v1/usage", headers=alice.headers).get_json()
    assert usage["used"] == 1


def test_a_repeat_comes_from_the_cache_free_and_fast(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    first = stack.render(alice, template_id=tpl, fields={"title": "Same"}).get_json()
    again = stack.render(alice, template_id=tpl, fields={"title": "Same"})
    assert again.status_code == 201
    repeat = again.get_json()
    assert repeat["cached"] is True and repeat["id"] != first["id"] and repeat["url"] == first["url"]
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 1
    other = stack.render(alice, template_id=tpl, fields={"title": "Same"}, format="jpeg").get_json()
    assert other["cached"] is False, "another format is another render"
    # wait: false always answers 202 with the render object, even when the cache has it done already
    later = stack.render(alice, template_id=tpl, fields={"title": "Same"}, wait=False, output="binary")
    assert later.status_code == 202 and later.mimetype == "application/json"
    assert later.get_json()["status"] == "completed" and later.get_json()["cached"] is True


def test_field_values_may_stand_beside_the_request_properties(stack):
    """As Zapier and Make send them: {"template_id": ..., "title": ...} is the same render as fields={...}."""
    alice = stack.caller()
    tpl = stack.template(alice)
    flat = stack.render(alice, template_id=tpl, title="Flat", **{"title.color": "#ff0000"}, format="jpeg")
    assert flat.status_code == 201, flat.get_json()
    nested = stack.render(alice, template_id=tpl, fields={"title": "Flat", "title.color": "#ff0000"}, format="jpeg")
    assert nested.get_json()["cached"] is True and nested.get_json()["url"] == flat.get_json()["url"]
    mixed = stack.render(alice, template_id=tpl, fields={"title": "Flat"}, **{"title.color": "#ff0000"},
                         format="jpeg")
    assert mixed.get_json()["cached"] is True
    typo = stack.render(alice, template_id=tpl, titel="Oops")
    assert "titel" in assert_envelope(typo, 422, "validation_failed")["message"]
    twice = stack.render(alice, template_id=tpl, title="One", fields={"title": "Two"})
    assert "title: is given twice" in assert_envelope(twice, 422, "validation_failed")["message"]


def test_async_render_answers_202_and_completes(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    answer = stack.render(alice, template_id=tpl, wait=False)
    assert answer.status_code == 202 and answer.headers["Location"].endswith(answer.get_json()["id"])
    assert answer.get_json()["status"] in ("queued", "rendering")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        render = stack.client.get(f"/api/v1/renders/{answer.get_json()['id']}", headers=alice.headers).get_json()
        if render["status"] == "completed":
            break
        time.sleep(0.1)
    assert render["status"] == "completed" and render["duration_ms"] >= 0


@pytest.mark.parametrize("fmt, media, magic", [("jpeg", "image/jpeg", b"\xff\xd8"), ("webp", "image/webp", b"RIFF"),
                                                ("pdf", "application/pdf", b"%PDF")])
def test_every_format_and_output_mode(stack, fmt, media, magic):
    alice = stack.caller()
    tpl = stack.template(alice)
    binary = stack.render(alice, template_id=tpl, format=fmt, output="binary")
    assert binary.status_code == 201 and binary.mimetype == media and binary.data.startswith(magic)
    assert binary.headers["X-Render-Id"].startswith("rnd_")
    b64 = stack.render(alice, template_id=tpl, format=fmt, output="base64").get_json()
    assert base64.b64decode(b64["base64"]) == binary.data and b64["cached"] is True
    download = stack.client.get(f"/api/v1/renders/{b64['id']}/file", headers=alice.headers)
    assert download.data == binary.data and "attachment; filename=" in download.headers["Content-Disposition"]


def test_inline_templates_and_test_keys(stack):
    alice = stack.caller()
    account_id = alice.account.id
    _, test_secret = stack.conn.accounts.create_key(account_id, mode="test")
    tester = type("T", (), {"headers": {"X-API-Key": test_secret}})()
    live = stack.render(alice, template=CARD).get_json()
    test = stack.render(tester, template=CARD).get_json()
    assert live["status"] == test["status"] == "completed" and live["template_id"] is None
    assert (live["mode"], test["mode"]) == ("live", "test")
    polled = {who: [r["id"] for r in stack.client.get("/api/v1/triggers/render.completed",
                                                       headers=caller.headers).get_json()]
              for who, caller in (("live", alice), ("test", tester))}
    assert polled == {"live": [live["id"]], "test": [test["id"]]}, "test renders never reach live triggers"
    live_px, test_px = (pixels(stack.client.get(r["url"].removeprefix("http://platen.test")).data)
                        for r in (live, test))
    assert live_px.tobytes() != test_px.tobytes(), "test renders carry the TEST watermark"
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 1


def test_bad_input_is_a_4xx_naming_the_problem_and_costs_nothing(stack):
    alice, bob = stack.caller(), stack.caller("Bob")
    tpl = stack.template(alice)
    assert_envelope(stack.render(alice, template_id=tpl, fields={"titel": "x"}), 422, "validation_failed")
    body = stack.render(alice, template_id=tpl, fields={"title.color": "red"}).get_json()
    assert body["message"].startswith("fields.title.color:") and body["details"]["field"] == "title.color"
    assert_envelope(stack.render(bob, template_id=tpl), 404, "not_found")
    assert_envelope(stack.render(alice), 422, "validation_failed")
    assert_envelope(stack.render(alice, template_id=tpl, format="gif"), 422, "validation_failed")
    assert_envelope(stack.render(alice, template_id=tpl, webhook_url="ftp://example.com/x"), 422,
                    "validation_failed")
    failed = stack.render(alice, template_id=tpl, fields={"logo": f"{stack.images.base}/missing.png"})
    body = assert_envelope(failed, 422, "render_failed")
    assert "logo" in body["message"] and "404" in body["message"]
    render = stack.client.get(f"/api/v1/renders/{body['details']['render_id']}", headers=alice.headers).get_json()
    assert render["status"] == "failed" and render["error"]["error"] == "image_failed"
    conflict = stack.client.get(f"/api/v1/renders/{render['id']}/file", headers=alice.headers)
    assert_envelope(conflict, 409, "conflict")
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 0, "refunded"
    # a failed render is an outcome: the same Idempotency-Key replays it instead of rendering (and failing) again
    once = {"Idempotency-Key": "fail-once", **alice.headers}
    body = {"template_id": tpl, "fields": {"logo": f"{stack.images.base}/missing.png", "title": "idem"}}
    first = stack.client.post("/api/v1/renders", json=body, headers=once)
    again = stack.client.post("/api/v1/renders", json=body, headers=once)
    assert first.status_code == again.status_code == 422 and again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json() == first.get_json()
    failures = stack.client.get("/api/v1/renders?status=failed", headers=alice.headers).get_json()
    assert len(failures) == 2, "one from above, one for both idempotent requests"


def test_credits_run_out_with_a_402(stack):
    alice = stack.caller()
    stack.conn.redis.hset(f"{stack.settings.redis_prefix}:account:{alice.account.id}", "monthly_credits", "2")
    tpl = stack.template(alice)
    assert stack.render(alice, template_id=tpl, fields={"title": "1"}).status_code == 201
    assert stack.render(alice, template_id=tpl, fields={"title": "2"}).status_code == 201
    body = assert_envelope(stack.render(alice, template_id=tpl, fields={"title": "3"}), 402, "insufficient_credits")
    assert "2 of its 2 credits" in body["message"]
    assert stack.render(alice, template_id=tpl, fields={"title": "1"}).get_json()["cached"] is True


def test_listing_filters_and_isolation(stack):
    alice, bob = stack.caller(), stack.caller("Bob")
    tpl = stack.template(alice)
    ids = [stack.render(alice, template_id=tpl, fields={"title": str(i)}).get_json()["id"] for i in range(3)]
    listed = stack.client.get("/api/v1/renders?limit=2", headers=alice.headers).get_json()
    assert [r["id"] for r in listed] == ids[::-1][:2]
    assert stack.client.get("/api/v1/renders?page=5", headers=alice.headers).get_json() == []
    assert len(stack.client.get(f"/api/v1/renders?template_id={tpl}&status=completed",
                                headers=alice.headers).get_json()) == 3
    assert [r["id"] for r in stack.client.get(f"/api/v1/renders?since={ids[0]}",
                                              headers=alice.headers).get_json()] == ids[:0:-1]
    assert stack.client.get("/api/v1/renders", headers=bob.headers).get_json() == []
    assert_envelope(stack.client.get(f"/api/v1/renders/{ids[0]}", headers=bob.headers), 404, "not_found")
    assert_envelope(stack.client.get(f"/api/v1/renders/{ids[0]}/file", headers=bob.headers), 404, "not_found")


def test_template_versions_stay_renderable(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    first = stack.render(alice, template_id=tpl, wait=False).get_json()
    patched = stack.client.patch(f"/api/v1/templates/{tpl}", json={"background": "#ff0000"}, headers=alice.headers)
    assert patched.get_json()["version"] == 2
    second = stack.render(alice, template_id=tpl).get_json()
    assert second["template_version"] == 2 and second["cached"] is False
    assert stack.client.delete(f"/api/v1/templates/{tpl}", headers=alice.headers).status_code == 204
    deadline = time.monotonic() + 20
    while stack.client.get(f"/api/v1/renders/{first['id']}", headers=alice.headers).get_json()["status"] != \
            "completed" and time.monotonic() < deadline:
        time.sleep(0.1)
    old = stack.client.get(f"/api/v1/renders/{first['id']}", headers=alice.headers).get_json()
    assert old["status"] == "completed" and old["template_version"] == 1


def test_a_render_survives_its_worker_being_killed(stack):
    """kill -9 the worker mid-render: the reconciler in the next worker queues it again and it completes."""
    alice = stack.caller()
    tpl = stack.template(alice)
    stack.images.delay, stack.images.gate = 30, __import__("threading").Event()
    answer = stack.render(alice, template_id=tpl, fields={"logo": f"{stack.images.base}/slow.png"}, wait=False)
    render_id = answer.get_json()["id"]
    deadline = time.monotonic() + 20
    while "/slow.png" not in stack.images.hits and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "/slow.png" in stack.images.hits, "the worker started the render"
    os.killpg(stack.worker.pid, signal.SIGKILL)
    stack.worker.popen.wait()
    stack.images.gate.set()   # the image answers at once from now on
    stack.start_worker("worker2")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        render = stack.client.get(f"/api/v1/renders/{render_id}", headers=alice.headers).get_json()
        if render["status"] in ("completed", "failed"):
            break
        time.sleep(0.2)
    assert render["status"] == "completed", render
    assert stack.conn.render_store.load(render_id).attempts == 2


def test_preview_is_free_and_unlisted(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    preview = stack.client.get(f"/api/v1/templates/{tpl}/preview.png", headers=alice.headers)
    assert preview.status_code == 200 and preview.mimetype == "image/png" and preview.data.startswith(b"\x89PNG")
    assert pixels(preview.data).size == (400, 200)
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 0
    assert stack.client.get("/api/v1/renders", headers=alice.headers).get_json() == []
    assert_envelope(stack.client.get(f"/api/v1/templates/{tpl}/preview.png", headers=stack.caller("Bob").headers),
                    404, "not_found")


def test_signed_urls_render_on_get_and_refuse_tampering(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    made = stack.client.post(f"/api/v1/templates/{tpl}/signed-url", headers=alice.headers,
                             json={"fields": {"title": "Signed", "logo": ""},
                                   "format": "jpeg"})
    assert made.status_code == 200, made.get_json()
    url = made.get_json()["url"]
    assert url.startswith(f"http://platen.test/render/{tpl}.jpg?") and "s=" in url
    path = url.removeprefix("http://platen.test")
    first = stack.client.get(path)
    assert first.status_code == 200 and first.mimetype == "image/jpeg"
    assert first.headers["Cache-Control"].startswith("public, max-age=") and first.headers["ETag"]
    assert stack.client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    again = stack.client.get(path)
    assert again.data == first.data
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 1, "the repeat was free"
    assert_envelope(stack.client.get(path.replace("title=Signed", "title=Forged")), 403, "forbidden")
    assert_envelope(stack.client.get(path.split("&s=")[0].split("?s=")[0]), 403, "forbidden")
    assert_envelope(stack.client.get(f"/render/{tpl}.gif"), 404, "not_found")
    assert_envelope(stack.client.get("/render/tpl_missing.png"), 404, "not_found")
    bad = stack.client.post(f"/api/v1/templates/{tpl}/signed-url", headers=alice.headers,
                            json={"fields": {"titel": "x"}})
    assert_envelope(bad, 422, "validation_failed")


def test_public_templates_need_no_signature(stack):
    alice = stack.caller()
    tpl = stack.template(alice, {**CARD, "public": True})
    answer = stack.client.get(f"/render/{tpl}.png?title=Open")
    assert answer.status_code == 200 and answer.mimetype == "image/png"
    nested = stack.client.get(f'/render/{tpl}.webp?fields={{"title":{{"text":"Nested","color":"%23ff0000"}}}}')
    assert nested.status_code == 200 and nested.mimetype == "image/webp"
    assert_envelope(stack.client.get(f"/render/{tpl}.png?titel=x"), 422, "validation_failed")


def test_formats_lists_the_size_presets(stack):
    alice = stack.caller()
    formats = stack.client.get("/api/v1/formats", headers=alice.headers).get_json()
    assert {"name": "og", "label": "Open Graph / link preview", "width": 1200, "height": 630, "dpi": 72,
            "pages": False} in formats
    assert {f["name"] for f in formats} >= {"instagram_post", "instagram_story", "linkedin_post", "x_post",
                                            "pinterest_pin", "a4_portrait", "instagram_carousel"}
    by_name = {f["name"]: f for f in formats}
    assert {name for name, f in by_name.items() if f["pages"]} == {"linkedin_carousel", "instagram_carousel"}
    assert (by_name["linkedin_carousel"]["width"], by_name["linkedin_carousel"]["height"]) == (1080, 1350)
    for name in ("a4_portrait", "a4_landscape", "letter_portrait"):   # a print size is a paper page in a PDF
        assert by_name[name]["dpi"] == 300, name


def brand_font(path) -> bytes:
    """DejaVu Sans renamed to a family no system has, so only an upload can provide it."""
    from fontTools.ttLib import TTFont

    font = TTFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Platen Brand Sans"
        elif record.nameID == 6:
            record.string = "PlatenBrandSans"
    font.save(path)
    return path.read_bytes()


def test_an_uploaded_font_is_used_by_the_next_render(stack):
    alice = stack.caller()
    tpl = stack.template(alice, {**CARD, "layers": [{**CARD["layers"][1], "font": "Platen Brand Sans"}]})
    before = stack.render(alice, template_id=tpl).get_json()
    assert [w["code"] for w in before["warnings"]] == ["font_substituted"]
    uploaded = stack.client.post("/api/v1/fonts", headers=alice.headers, content_type="multipart/form-data",
                                 data={"file": (io.BytesIO(brand_font(stack.tmp / "brand.ttf")), "brand.ttf")})
    assert uploaded.status_code == 201, uploaded.get_json()
    assert uploaded.get_json()["family"] == "Platen Brand Sans"
    after = stack.render(alice, template_id=tpl).get_json()
    assert after["cached"] is False and after["warnings"] == [], "the new font, not the cached old image"
    bob = stack.caller("Bob")
    other = stack.render(bob, template={**CARD, "layers": [{**CARD["layers"][1], "font": "Platen Brand Sans"}]})
    assert [w["code"] for w in other.get_json()["warnings"]] == ["font_substituted"], "fonts are per account"
