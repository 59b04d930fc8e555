"""The editor preview (SPEC §11): an image and every layer's layout at once, nothing stored, no credit, own limit."""

import base64
import io

import pytest
from PIL import Image

from tests.conftest import Caller, assert_envelope

URL = "/api/v1/templates/preview"
TITLE = "A long headline that cannot fit at its full size"
TEMPLATE = {"name": "Editor card", "width": 400, "height": 200, "background": "#0f172a", "layers": [
    {"type": "rect", "name": "panel", "x": 10, "y": 10, "width": 380, "height": 180, "fill": "#1e293b"},
    {"type": "text", "name": "title", "x": 20, "y": 30, "width": 300, "height": 90, "text": TITLE,
     "font_size": 64, "min_font_size": 8, "color": "#ffffff", "overflow": "shrink", "rotation": 5},
    {"type": "rect", "name": "secret", "hidden": True, "fill": "#ff0000"},
    {"type": "image", "name": "photo", "x": 300, "y": 100, "width": 80, "height": 80, "src": ""},
    {"type": "rect", "name": "frame", "x": 296, "y": 96, "width": 88, "height": 88, "fill": "#ffffff",
     "shown_with": "photo"}]}


def preview(client, caller, template=TEMPLATE, **body):
    return client.post(URL, json={"template": template, **body}, headers=caller.headers)


def image_of(answer: dict) -> Image.Image:
    header, _, payload = answer["image"].partition(",")
    return Image.open(io.BytesIO(base64.b64decode(payload)))


def test_the_preview_is_the_image_and_every_layer_as_laid_out(client, alice):
    answer = preview(client, alice, fields={"title": TITLE})
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert body["image"].startswith("data:image/jpeg;base64,")
    picture = image_of(body)
    assert picture.format == "JPEG" and picture.size == (400, 200) == (body["width"], body["height"])
    assert [layer["name"] for layer in body["layers"]] == ["panel", "title", "secret", "photo", "frame"]
    panel, title, secret, photo, frame = body["layers"]
    assert panel == {"name": "panel", "type": "rect", "box": [10, 10, 380, 180], "rotation": 0, "drawn": True,
                     "warnings": []}
    # hidden, and left out with its (blank) photo: still listed, for the editor to select
    assert (secret["drawn"], frame["drawn"], photo["box"]) == (False, False, [300, 100, 80, 80])
    # the text shrank: the size it was drawn at, its lines inside its box, in template pixels
    assert title["box"] == [20, 30, 300, 90] and title["rotation"] == 5
    assert 8 <= title["font_size"] < 64
    assert [w["code"] for w in title["warnings"]] == ["text_shrunk"]
    assert any(w["code"] == "text_shrunk" and w["layer"] == "title" for w in body["warnings"])
    assert len(title["lines"]) >= 2 and " ".join(line["text"] for line in title["lines"]) == TITLE
    for line in title["lines"]:
        x, y, w, h = line["box"]
        assert 20 <= x and x + w <= 320.01 and 0 < w and 0 < h <= title["font_size"] * 1.5
        assert 30 - 0.2 * h <= y and y + h <= 120 + 0.2 * h
    tops = [line["box"][1] for line in title["lines"]]
    assert tops == sorted(tops)


def test_boxes_stay_in_template_pixels_whatever_the_scale(client, alice):
    one = preview(client, alice).get_json()
    two = preview(client, alice, scale=2, format="png").get_json()
    assert (two["width"], two["height"]) == (800, 400) and image_of(two).format == "PNG"
    assert image_of(two).size == (800, 400)
    title_one, title_two = one["layers"][1], two["layers"][1]
    assert title_two["box"] == title_one["box"]
    assert title_two["font_size"] == pytest.approx(title_one["font_size"], abs=1)
    for a, b in zip(title_one["lines"], title_two["lines"], strict=True):
        assert a["text"] == b["text"]
        assert b["box"] == pytest.approx(a["box"], rel=0.05, abs=2)   # fitting at 2× may land a hair apart


def test_webp_and_every_page_of_a_carousel(client, alice):
    carousel = {"width": 100, "height": 100, "pages": [
        [{"type": "text", "name": "one", "text": "First"}], [{"type": "text", "name": "two", "text": "Second"}]]}
    second = preview(client, alice, carousel, page=1, format="webp").get_json()
    assert second["image"].startswith("data:image/webp;base64,") and image_of(second).format == "WEBP"
    assert [layer["name"] for layer in second["layers"]] == ["two"]
    assert second["layers"][0]["lines"][0]["text"] == "Second"
    body = assert_envelope(preview(client, alice, carousel, page=2), 422, "validation_failed")
    assert body["details"]["path"] == "page" and "0 to 1" in body["message"]


def test_a_template_that_does_not_validate_is_a_422_naming_the_property(client, alice):
    layers = [{"type": "rect", "name": "a"}, {"type": "rect", "name": "b"},
              {"type": "text", "name": "c", "font_size": "huge"}]
    body = assert_envelope(preview(client, alice, {"width": 100, "height": 100, "layers": layers}), 422,
                           "validation_failed")
    assert body["details"]["path"] == "layers[2].font_size" and body["message"].startswith("layers[2].font_size")
    body = assert_envelope(preview(client, alice, {"width": 100, "height": 100, "pages": [
        [{"type": "text", "name": "t"}], [{"type": "text", "name": "u", "colour": "#fff"}]]}), 422,
        "validation_failed")
    assert body["details"]["path"] == "pages[1][0].colour"
    body = assert_envelope(preview(client, alice, {"width": 100, "height": 100, "background": {"src": "x",
                                                                                              "fit": "no"}}), 422,
                           "validation_failed")
    assert body["details"]["path"] == "background.fit"
    body = assert_envelope(preview(client, alice, fields={"nope": "x"}), 422, "validation_failed")
    assert body["details"]["path"].startswith("fields.")
    body = assert_envelope(preview(client, alice, scale=9), 422, "validation_failed")
    assert body["details"]["path"] == "scale"


def test_pdf_is_no_preview(client, alice):
    body = assert_envelope(preview(client, alice, format="pdf"), 422, "validation_failed")
    assert body["details"]["path"] == "format" and "png, jpeg or webp" in body["message"]
    assert_envelope(preview(client, alice, format="gif"), 422, "validation_failed")


def test_nothing_is_stored_and_no_credit_spent(app, client, alice):
    before = client.get("/api/v1/usage", headers=alice.headers).get_json()
    for n in range(3):
        assert preview(client, alice, fields={"title": f"Take {n}"}).status_code == 200
    after = client.get("/api/v1/usage", headers=alice.headers).get_json()
    assert after["used"] == before["used"] == 0
    assert client.get("/api/v1/renders", headers=alice.headers).get_json() == []
    conn = app.extensions["platen"]
    assert all(len(conn.queue(name)) == 0 for name in ("renders", "batches", "webhooks"))


def test_a_test_key_gets_no_watermark(app, client, alice):
    _, test_secret = app.extensions["platen"].accounts.create_key(alice.account.id, mode="test")
    live = preview(client, alice, format="png").get_json()
    test = client.post(URL, json={"template": TEMPLATE, "format": "png"},
                       headers={"X-API-Key": test_secret}).get_json()
    assert image_of(test).tobytes() == image_of(live).tobytes()


def test_an_image_that_fails_is_a_render_failed_or_the_layers_on_error(client, alice, bob):
    asset = Image.new("RGB", (8, 8), (0, 0, 255))
    buf = io.BytesIO()
    asset.save(buf, "PNG")
    url = client.post("/api/v1/assets", data={"file": (io.BytesIO(buf.getvalue()), "a.png")},
                      content_type="multipart/form-data", headers=alice.headers).get_json()["url"]
    card = {"width": 40, "height": 20, "layers": [{"type": "image", "name": "logo", "src": url, "fit": "fill"}]}
    own = preview(client, alice, card, format="png").get_json()
    assert image_of(own).convert("RGB").getpixel((20, 10)) == (0, 0, 255)
    body = assert_envelope(preview(client, bob, card), 422, "render_failed")
    assert "another account" in body["message"] and body["details"]["path"] == "layer 'logo'"
    card["layers"][0]["on_error"] = "hide"
    hidden = preview(client, bob, card).get_json()
    assert [w["code"] for w in hidden["layers"][0]["warnings"]] == ["image_hidden"]


def test_scopes_and_auth(app, client, alice):
    _, renderer = app.extensions["platen"].accounts.create_key(alice.account.id, scopes=["renders:write"])
    _, reader = app.extensions["platen"].accounts.create_key(alice.account.id, scopes=["templates:read"])
    assert client.post(URL, json={"template": TEMPLATE}, headers={"X-API-Key": reader}).status_code == 200
    body = assert_envelope(client.post(URL, json={"template": TEMPLATE}, headers={"X-API-Key": renderer}), 403,
                           "forbidden")
    assert body["details"]["missing_scope"] == "templates:read"
    assert_envelope(client.post(URL, json={"template": TEMPLATE}), 401, "unauthorized")
    body = assert_envelope(client.post(URL, json={}, headers=alice.headers), 422, "validation_failed")
    assert "template" in body["details"]["fields"]


def test_previews_have_a_rate_class_of_their_own(make_app):
    app = make_app(rate_limit_previews="3 per minute", rate_limit_renders="2 per minute",
                   rate_limit_writes="5 per minute")
    conn, client = app.extensions["platen"], app.test_client()
    alice = Caller(conn, "Alice")
    small = {"width": 10, "height": 10}
    limits = [preview(client, alice, small) for _ in range(3)]
    assert [r.status_code for r in limits] == [200, 200, 200]
    assert [r.headers["X-RateLimit-Limit"] for r in limits] == ["3"] * 3
    assert [r.headers["X-RateLimit-Remaining"] for r in limits] == ["2", "1", "0"]
    assert_envelope(preview(client, alice, small), 429, "rate_limited")
    # the render budget is untouched by previews, and previews are untouched by renders
    render = client.post("/api/v1/renders", json={"wait": False, "template": small}, headers=alice.headers)
    assert render.status_code in (201, 202) and render.headers["X-RateLimit-Limit"] == "2"
    assert render.headers["X-RateLimit-Remaining"] == "1"
    bob = Caller(conn, "Bob")
    client.post("/api/v1/renders", json={"wait": False, "template": small}, headers=bob.headers)
    assert preview(client, bob, small).headers["X-RateLimit-Remaining"] == "2"


def test_documented_in_openapi(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/templates/preview"]["post"]
    assert post["summary"] == "Preview a template"
    assert {"200", "403", "422", "429"} <= set(post["responses"])
