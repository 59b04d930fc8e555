"""GET /templates/examples/{name}/preview.jpg: a thumbnail of each starter, for a gallery of starters."""

from __future__ import annotations

import io

from PIL import Image

from tests.conftest import assert_envelope


def test_every_starter_has_a_thumbnail_at_most_640_px_wide(client, alice):
    starters = client.get("/api/v1/templates/examples", headers=alice.headers).get_json()
    assert len(starters) >= 9
    for starter in starters:
        answer = client.get(f"/api/v1/templates/examples/{starter['name']}/preview.jpg", headers=alice.headers)
        assert answer.status_code == 200, answer.get_data(as_text=True)
        assert answer.mimetype == "image/jpeg"
        image = Image.open(io.BytesIO(answer.data))
        assert image.width == min(640, starter["width"])
        ratio = starter["height"] / starter["width"]
        assert abs(image.height - round(image.width * ratio)) <= 1, (starter["name"], image.size)


def test_a_thumbnail_is_drawn_once_and_revalidates_with_its_etag(client, alice):
    path = "/api/v1/templates/examples/og-blog-card/preview.jpg"
    first = client.get(path, headers=alice.headers)
    again = client.get(path, headers=alice.headers)
    assert first.data == again.data and first.headers["ETag"] == again.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, max-age=3600"
    unchanged = client.get(path, headers={**alice.headers, "If-None-Match": first.headers["ETag"]})
    assert unchanged.status_code == 304 and not unchanged.data


def test_an_unknown_starter_is_a_404_naming_the_real_ones_and_a_key_is_needed(client, alice):
    body = assert_envelope(client.get("/api/v1/templates/examples/nope/preview.jpg", headers=alice.headers), 404,
                           "not_found")
    assert "og-blog-card" in body["message"]
    assert_envelope(client.get("/api/v1/templates/examples/og-blog-card/preview.jpg"), 401, "unauthorized")


def test_it_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/templates/examples/{name}/preview.jpg"]["get"]
    assert "JPEG" in operation["responses"]["200"]["description"]
    assert operation["responses"]["200"]["content"] == {"image/jpeg": {"schema": {"type": "string",
                                                                                  "format": "binary"}}}


def test_an_accounts_font_upload_is_never_drawn_into_the_thumbnail_others_see(client, alice, bob):
    from actions import urls
    from tests.support.fonts import brand_font

    path = "/api/v1/templates/examples/og-blog-card/preview.jpg"   # drawn in Noto Sans
    urls._starter_thumbs.clear()
    plain = client.get(path, headers=bob.headers).data
    mono = brand_font("Noto Sans", source="DejaVuSansMono.ttf")   # Alice's own "Noto Sans", a monospace one
    upload = client.post("/api/v1/fonts", data={"file": (io.BytesIO(mono), "NotoSans-Regular.ttf")},
                         content_type="multipart/form-data", headers=alice.headers)
    assert upload.status_code == 201, upload.get_json()
    urls._starter_thumbs.clear()   # Alice asks first in a fresh process
    assert client.get(path, headers=alice.headers).data == plain
    assert client.get(path, headers=bob.headers).data == plain
