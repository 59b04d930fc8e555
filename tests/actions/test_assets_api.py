"""Assets over HTTP (SPEC §12): upload by content, dedupe, list/show/delete, and what renders make of their urls."""

import io

import pytest
from PIL import Image

from tests.actions.batch_support import drain
from tests.conftest import assert_envelope

URL = "/api/v1/assets"


def picture(fmt: str = "PNG", size=(64, 32), colour="red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    return out.getvalue()


def upload(client, caller, data: bytes, name: str = "logo.png", **headers):
    return client.post(URL, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       headers={**caller.headers, **headers})


def local(url: str) -> str:
    """The path of an absolute Platen url, for the test client."""
    return url.split("://", 1)[1].partition("/")[2].join(["/", ""])


@pytest.mark.parametrize(("fmt", "media_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"),
                                                 ("WEBP", "image/webp"), ("GIF", "image/gif")])
def test_an_upload_answers_201_with_the_asset_judged_by_content(app, client, alice, fmt, media_type):
    data = picture(fmt)
    answer = upload(client, alice, data, name="misnamed.txt")
    assert answer.status_code == 201, answer.get_json()
    asset = answer.get_json()
    assert asset["id"].startswith("ast_") and asset["media_type"] == media_type
    assert (asset["width"], asset["height"], asset["size_bytes"]) == (64, 32, len(data))
    assert asset["created_at"].endswith("Z") and len(asset["sha256"]) == 64
    public = app.extensions["platen"].settings.public_url
    assert asset["url"].startswith(f"{public}/files/assets/") and asset["id"] in asset["url"]
    served = client.get(local(asset["url"]))   # no key: like a hosted render file
    assert served.status_code == 200 and served.data == data and served.mimetype == media_type


def test_a_raw_body_upload_works_too(client, alice):
    answer = client.post(URL, data=picture(), headers={**alice.headers, "Content-Type": "image/png"})
    assert answer.status_code == 201 and answer.get_json()["media_type"] == "image/png"
    # `curl --data-binary @logo.webp` without a Content-Type says it sends a form: the bytes say otherwise
    bare = client.post(URL, data=picture("WEBP"), headers=alice.headers,
                       content_type="application/x-www-form-urlencoded")
    assert bare.status_code == 201 and bare.get_json()["media_type"] == "image/webp"
    body = assert_envelope(client.post(URL, data=b"title=Hi", headers=alice.headers,
                                       content_type="application/x-www-form-urlencoded"), 422, "validation_failed")
    assert "multipart form field 'file'" in body["message"]


def test_the_same_bytes_again_answer_200_with_the_first_asset_per_account(client, alice, bob):
    data = picture()
    first = upload(client, alice, data).get_json()
    again = upload(client, alice, data, name="other-name.png")
    assert again.status_code == 200 and again.get_json() == first
    assert len(client.get(URL, headers=alice.headers).get_json()) == 1
    bobs = upload(client, bob, data)   # another account's copy is its own
    assert bobs.status_code == 201 and bobs.get_json()["id"] != first["id"]
    assert bobs.get_json()["url"] != first["url"]


def test_not_an_image_is_a_415_and_a_damaged_one_a_422(client, alice):
    body = assert_envelope(upload(client, alice, b"%PDF-1.7 not an image", name="x.png"), 415,
                           "unsupported_media_type")
    assert "PNG, JPEG, WebP or GIF" in body["message"]
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    assert_envelope(upload(client, alice, svg, name="x.svg"), 415, "unsupported_media_type")
    truncated = picture("PNG", (400, 400), "blue")[:-30]   # cut inside its pixel data
    body = assert_envelope(upload(client, alice, truncated), 422, "validation_failed")
    assert "cannot be used" in body["message"]
    assert client.get(URL, headers=alice.headers).get_json() == []


def test_a_missing_or_empty_file_is_a_422_naming_it(client, alice):
    body = assert_envelope(client.post(URL, data={"other": "x"}, content_type="multipart/form-data",
                                       headers=alice.headers), 422, "validation_failed")
    assert "file" in body["details"]["fields"]
    assert_envelope(upload(client, alice, b""), 422, "validation_failed")


def test_too_large_is_a_413_and_too_many_pixels_a_422(app, client, alice):
    store = app.extensions["platen"].assets
    data = picture()
    store.max_bytes = len(data) - 1
    body = assert_envelope(upload(client, alice, data), 413, "payload_too_large")
    assert "larger than" in body["message"]
    store.max_bytes = 1000   # far past the limit (and the room for the multipart wrapping): refused unread
    assert_envelope(upload(client, alice, picture(size=(2000, 2000)) + bytes(200_000)), 413, "payload_too_large")
    store.max_bytes = 10 * 1024 * 1024
    huge = io.BytesIO()
    Image.new("1", (8000, 5001)).save(huge, "PNG")   # 40.008 megapixels, a few KB
    body = assert_envelope(upload(client, alice, huge.getvalue()), 422, "validation_failed")
    assert "8000×5001" in body["message"] and "megapixels" in body["message"]


def test_assets_are_larger_than_other_request_bodies_may_be(make_app):
    app = make_app(max_body_bytes=1000)
    _, _, secret = app.extensions["platen"].accounts.create_account("Big")
    data = picture("PNG", (300, 300))
    noisy = Image.frombytes("RGB", (300, 300), bytes(range(256)) * 1055)
    buf = io.BytesIO()
    noisy.save(buf, "PNG")
    assert len(buf.getvalue()) > 1000 and len(data) > 0
    response = app.test_client().post(URL, data={"file": (io.BytesIO(buf.getvalue()), "n.png")},
                                      content_type="multipart/form-data", headers={"X-API-Key": secret})
    assert response.status_code == 201, response.get_json()


def test_list_show_delete_and_another_accounts_asset_is_a_404(client, alice, bob):
    ids = [upload(client, alice, picture(colour=c)).get_json()["id"] for c in ("red", "green", "blue")]
    assert [a["id"] for a in client.get(URL, headers=alice.headers).get_json()] == ids[::-1]
    assert [a["id"] for a in client.get(f"{URL}?limit=2&page=1", headers=alice.headers).get_json()] == [ids[0]]
    assert client.get(f"{URL}?page=9", headers=alice.headers).get_json() == []
    shown = client.get(f"{URL}/{ids[1]}", headers=alice.headers)
    assert shown.status_code == 200 and shown.get_json()["id"] == ids[1]
    missing = "ast_0000000000000000000000"
    for method in ("get", "delete"):
        theirs = assert_envelope(getattr(client, method)(f"{URL}/{ids[0]}", headers=bob.headers), 404, "not_found")
        absent = assert_envelope(getattr(client, method)(f"{URL}/{missing}", headers=bob.headers), 404, "not_found")
        assert theirs["message"].replace(ids[0], "ID") == absent["message"].replace(missing, "ID")
    assert client.get(URL, headers=bob.headers).get_json() == []
    url = client.get(f"{URL}/{ids[0]}", headers=alice.headers).get_json()["url"]
    deleted = client.delete(f"{URL}/{ids[0]}", headers=alice.headers)
    assert deleted.status_code == 204 and deleted.data == b""
    assert_envelope(client.delete(f"{URL}/{ids[0]}", headers=alice.headers), 404, "not_found")
    assert client.get(local(url)).status_code == 404   # the file went with it
    assert [a["id"] for a in client.get(URL, headers=alice.headers).get_json()] == ids[:0:-1]


def test_scopes(app, client, alice):
    accounts = app.extensions["platen"].accounts
    _, reader = accounts.create_key(alice.account.id, scopes=["templates:read"])
    _, renderer = accounts.create_key(alice.account.id, scopes=["renders:write"])
    asset_id = upload(client, alice, picture()).get_json()["id"]
    read_only = {"X-API-Key": reader}
    assert client.get(URL, headers=read_only).status_code == 200
    body = assert_envelope(client.post(URL, data={"file": (io.BytesIO(picture()), "a.png")},
                                       content_type="multipart/form-data", headers=read_only), 403, "forbidden")
    assert body["details"]["missing_scope"] == "templates:write"
    assert_envelope(client.delete(f"{URL}/{asset_id}", headers=read_only), 403, "forbidden")
    assert_envelope(client.get(URL, headers={"X-API-Key": renderer}), 403, "forbidden")
    assert_envelope(client.post(URL), 401, "unauthorized")


def test_a_retried_upload_is_replayed(client, alice):
    data = picture()
    first = upload(client, alice, data, **{"Idempotency-Key": "asset-1"})
    again = upload(client, alice, data, **{"Idempotency-Key": "asset-1"})   # a new multipart boundary
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers.get("Idempotent-Replayed") == "true" and again.get_json() == first.get_json()


def card(src: str, on_error: str = "fail") -> dict:
    return {"name": "Logo card", "width": 40, "height": 20, "background": "#ffffff", "layers": [
        {"type": "image", "name": "logo", "src": src, "fit": "fill", "on_error": on_error}]}


def render(client, conn, caller, template: dict) -> dict:
    answer = client.post("/api/v1/renders", json={"wait": False, "template": template, "format": "png"},
                         headers=caller.headers)
    assert answer.status_code in (201, 202), answer.get_json()
    drain(conn)
    return client.get(f"/api/v1/renders/{answer.get_json()['id']}", headers=caller.headers).get_json()


def pixel(client, done: dict) -> tuple:
    return Image.open(io.BytesIO(client.get(local(done["url"])).data)).convert("RGB").getpixel((20, 10))


def test_a_render_reads_the_accounts_own_asset_from_storage_without_http(client, conn, alice, monkeypatch):
    url = upload(client, alice, picture(colour=(0, 0, 255))).get_json()["url"]

    def no_http(src):
        raise AssertionError(f"fetched {src} over HTTP")

    monkeypatch.setattr(conn.fetcher, "get", no_http)   # the default public url is not even served here
    done = render(client, conn, alice, card(url))
    assert done["status"] == "completed", done
    assert pixel(client, done) == (0, 0, 255)


def test_another_accounts_asset_url_is_refused_by_a_real_render(client, conn, alice, bob):
    url = upload(client, alice, picture(colour=(0, 0, 255))).get_json()["url"]
    failed = render(client, conn, bob, card(url))
    assert failed["status"] == "failed"
    assert failed["error"]["error"] == "image_failed" and "another account" in failed["error"]["message"]
    hidden = render(client, conn, bob, card(url, on_error="hide"))
    assert hidden["status"] == "completed" and pixel(client, hidden) == (255, 255, 255)
    assert [w["code"] for w in hidden["warnings"]] == ["image_hidden"]
    assert "another account" in hidden["warnings"][0]["message"]


def test_after_delete_a_template_using_it_renders_with_its_on_error(client, conn, alice):
    asset = upload(client, alice, picture(colour=(0, 0, 255))).get_json()
    template_id = client.post("/api/v1/templates", json=card(asset["url"], on_error="hide"),
                              headers=alice.headers).get_json()["id"]

    def by_id() -> dict:
        answer = client.post("/api/v1/renders", json={"wait": False, "template_id": template_id},
                             headers=alice.headers)
        drain(conn)
        return client.get(f"/api/v1/renders/{answer.get_json()['id']}", headers=alice.headers).get_json()

    before = by_id()
    assert before["status"] == "completed" and pixel(client, before) == (0, 0, 255)
    assert client.delete(f"{URL}/{asset['id']}", headers=alice.headers).status_code == 204
    after = by_id()   # the same template and fields: not answered from the render cache
    assert after["id"] != before["id"] and after["url"] != before["url"]
    assert after["status"] == "completed" and pixel(client, after) == (255, 255, 255)
    assert [w["code"] for w in after["warnings"]] == ["image_hidden"] and "deleted" in after["warnings"][0]["message"]
    failing = render(client, conn, alice, card(asset["url"]))
    assert failing["status"] == "failed" and "deleted" in failing["error"]["message"]


def test_the_upload_is_documented_in_openapi(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/assets"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert {"200", "201", "413", "415", "422"} <= set(post["responses"])
    assert set(spec["paths"]["/api/v1/assets/{asset_id}"]) >= {"get", "delete"}
