"""Brand fonts over HTTP: multipart and raw uploads, 422s a person can act on, scopes, 404s and idempotent retries."""

import io

import pytest

from actions import fonts
from app import create_app
from connector.fonts.store import FontStore
from tests.conftest import assert_envelope
from tests.support.fonts import BRAND, brand_font

URL = "/api/v1/fonts"


def wired(settings):
    """The app with the fonts blueprint and store, wired here until app.py and Connector do it themselves."""
    app = create_app({"SETTINGS": settings, "TESTING": True})
    conn = app.extensions["platen"]
    if not hasattr(conn, "fonts"):
        conn.fonts = FontStore(conn.redis, settings.redis_prefix, f"{settings.data_dir}/fonts")
    if "fonts" not in app.blueprints:
        api = next(iter(app.extensions["flask-smorest"]["blp_name_to_api"].values()))
        api.register_blueprint(fonts.blp)
    return app


@pytest.fixture
def app(settings):
    return wired(settings)


@pytest.fixture(scope="module")
def ttf():
    return brand_font()


def upload(client, caller, data, filename="Brand-Regular.ttf", **headers):
    return client.post(URL, data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data",
                       headers={**caller.headers, **headers})


def test_a_multipart_upload_answers_201_with_the_font(client, alice, ttf):
    response = upload(client, alice, ttf)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["id"].startswith("fnt_")
    assert {k: body[k] for k in ("family", "weight", "style", "filename", "format", "size_bytes")} == {
        "family": BRAND, "weight": 400, "style": "normal", "filename": "Brand-Regular.ttf", "format": "ttf",
        "size_bytes": len(ttf)}
    assert body["created_at"].endswith("Z")
    assert client.get(f"{URL}/{body['id']}", headers=alice.headers).get_json() == body
    assert client.get(URL, headers=alice.headers).get_json() == [body]


def test_a_raw_body_upload_takes_its_name_from_the_query(client, alice):
    data = brand_font(flavor="woff2", weight=700)
    response = client.post(f"{URL}?filename=Brand-Bold.woff2", data=data, content_type="font/woff2",
                           headers=alice.headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["format"], body["weight"], body["filename"], body["family"]) == ("woff2", 700, "Brand-Bold.woff2",
                                                                                BRAND)
    octets = client.post(URL, data=brand_font(weight=500), content_type="application/octet-stream",
                         headers=alice.headers)
    assert octets.status_code == 201 and octets.get_json()["filename"] == "font.ttf"
    # What `curl --data-binary @Brand.otf` sends when no Content-Type is given: the bytes are judged instead.
    curl = client.post(f"{URL}?filename=Brand.ttf", data=brand_font(weight=600), headers=alice.headers,
                       content_type="application/x-www-form-urlencoded")
    assert curl.status_code == 201 and curl.get_json()["filename"] == "Brand.ttf"


def test_the_font_is_in_the_accounts_registry_at_once(app, client, alice, bob, ttf):
    upload(client, alice, ttf)
    store = app.extensions["platen"].fonts
    assert store.registry_for(alice.account.id).match(BRAND)[1] is False
    assert store.registry_for(bob.account.id).match(BRAND)[1] is True


@pytest.mark.parametrize("kwargs", [
    {"data": {"other": (io.BytesIO(b"x"), "a.ttf")}, "content_type": "multipart/form-data"},
    {"data": {"file": (io.BytesIO(b""), "a.ttf")}, "content_type": "multipart/form-data"},
    {"json": {"file": "https://example.com/a.ttf"}},
    {"data": b"", "content_type": "font/ttf"},
    {"data": "file=https://example.com/a.ttf", "content_type": "application/x-www-form-urlencoded"},
    {},
])
def test_a_missing_file_is_a_422_naming_it(client, alice, kwargs):
    body = assert_envelope(client.post(URL, headers=alice.headers, **kwargs), 422, "validation_failed")
    assert body["message"].startswith("file: ")
    assert "file" in body["details"]["fields"]


def test_a_file_that_is_not_a_font_is_a_422(client, alice):
    body = assert_envelope(upload(client, alice, b"<html>not a font</html>", "brand.ttf"), 422, "validation_failed")
    assert "not a font file" in body["message"] and "brand.ttf" in body["message"]
    assert client.get(URL, headers=alice.headers).get_json() == []


def test_too_large_is_a_413(app, client, alice, ttf):
    store = app.extensions["platen"].fonts
    store.max_bytes = len(ttf) - 1
    body = assert_envelope(upload(client, alice, ttf), 413, "payload_too_large")
    assert "larger than" in body["message"]
    store.max_bytes = 1000   # far past the limit (and the room left for the multipart wrapping): never read
    assert_envelope(upload(client, alice, ttf + bytes(100_000)), 413, "payload_too_large")


def test_fonts_may_be_larger_than_other_request_bodies(make_settings, alice, ttf):
    app = wired(make_settings(max_body_bytes=len(ttf) // 2))
    _, _, secret = app.extensions["platen"].accounts.create_account("Big")
    response = app.test_client().post(URL, data={"file": (io.BytesIO(ttf), "b.ttf")},
                                      content_type="multipart/form-data", headers={"X-API-Key": secret})
    assert response.status_code == 201, response.get_json()


def test_another_accounts_font_is_a_404_exactly_like_a_missing_one(client, alice, bob, ttf):
    bobs = upload(client, bob, ttf).get_json()["id"]
    missing = "fnt_0000000000000000000000"
    for method in ("get", "delete"):
        theirs = assert_envelope(getattr(client, method)(f"{URL}/{bobs}", headers=alice.headers), 404, "not_found")
        absent = assert_envelope(getattr(client, method)(f"{URL}/{missing}", headers=alice.headers), 404,
                                 "not_found")
        assert theirs["message"].replace(bobs, "ID") == absent["message"].replace(missing, "ID")
    assert client.get(URL, headers=alice.headers).get_json() == []
    assert client.get(f"{URL}/{bobs}", headers=bob.headers).status_code == 200


def test_delete_answers_204_then_404(client, alice, ttf):
    font_id = upload(client, alice, ttf).get_json()["id"]
    response = client.delete(f"{URL}/{font_id}", headers=alice.headers)
    assert response.status_code == 204 and response.data == b""
    assert_envelope(client.delete(f"{URL}/{font_id}", headers=alice.headers), 404, "not_found")
    assert client.get(URL, headers=alice.headers).get_json() == []


def test_list_is_paged_newest_first(client, alice):
    ids = [upload(client, alice, brand_font(weight=w), f"{w}.ttf").get_json()["id"] for w in (300, 400, 500)]
    assert [f["id"] for f in client.get(URL, headers=alice.headers).get_json()] == ids[::-1]
    assert [f["id"] for f in client.get(f"{URL}?limit=2&page=1", headers=alice.headers).get_json()] == [ids[0]]
    assert client.get(f"{URL}?page=9", headers=alice.headers).get_json() == []


def test_scopes(app, client, alice, ttf):
    _, reader = app.extensions["platen"].accounts.create_key(alice.account.id, scopes=["templates:read"])
    _, renderer = app.extensions["platen"].accounts.create_key(alice.account.id, scopes=["renders:write"])
    font_id = upload(client, alice, ttf).get_json()["id"]
    read_only = {"X-API-Key": reader}
    assert client.get(URL, headers=read_only).status_code == 200
    body = assert_envelope(client.post(URL, data={"file": (io.BytesIO(ttf), "a.ttf")},
                                       content_type="multipart/form-data", headers=read_only), 403, "forbidden")
    assert body["details"]["missing_scope"] == "templates:write"
    assert_envelope(client.delete(f"{URL}/{font_id}", headers=read_only), 403, "forbidden")
    assert_envelope(client.get(URL, headers={"X-API-Key": renderer}), 403, "forbidden")
    assert_envelope(client.post(URL), 401, "unauthorized")


def test_a_retried_multipart_upload_is_replayed_not_stored_twice(client, alice, ttf):
    first = upload(client, alice, ttf, **{"Idempotency-Key": "font-1"})
    again = upload(client, alice, ttf, **{"Idempotency-Key": "font-1"})   # a new multipart boundary
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.get_json() == first.get_json()
    assert len(client.get(URL, headers=alice.headers).get_json()) == 1
    other = upload(client, alice, brand_font(weight=700), **{"Idempotency-Key": "font-1"})
    assert_envelope(other, 422, "idempotency_key_reused")


def test_the_upload_is_documented_in_openapi(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/fonts"]["post"]
    content = post["requestBody"]["content"]
    assert content["multipart/form-data"]["schema"]["required"] == ["file"]
    assert {"font/ttf", "font/woff2"} <= set(content)
    assert any(p["name"] == "Idempotency-Key" for p in post["parameters"])
    assert any(p["name"] == "filename" and p["in"] == "query" for p in post["parameters"])
    assert {"201", "401", "403", "413", "422", "429"} <= set(post["responses"])
    assert {"get", "delete"} <= set(spec["paths"]["/api/v1/fonts/{font_id}"])


def test_the_same_file_uploaded_again_answers_200_with_the_first_font(client, alice, bob, ttf):
    first = upload(client, alice, ttf, "Brand.ttf")
    assert first.status_code == 201
    again = client.post(f"{URL}?filename=Copy.ttf", data=ttf, content_type="font/ttf", headers=alice.headers)
    assert again.status_code == 200 and again.get_json() == first.get_json()
    assert [f["id"] for f in client.get(URL, headers=alice.headers).get_json()] == [first.get_json()["id"]]
    assert upload(client, bob, ttf).status_code == 201   # another account's fonts are its own


def test_families_list_installed_fonts_and_this_accounts_uploads(client, alice, bob, ttf):
    assert upload(client, alice, ttf).status_code == 201
    mine = client.get(f"{URL}/families", headers=alice.headers)
    assert mine.status_code == 200
    families = {f["family"]: f for f in mine.get_json()}
    assert families[BRAND]["source"] == "uploaded"
    assert families[BRAND]["faces"] == [{"weight": 400, "style": "normal"}]
    dejavu = families["DejaVu Sans"]   # installed by scripts/install-fonts.sh, for every account
    assert dejavu["source"] == "installed"
    assert {"weight": 700, "style": "normal"} in dejavu["faces"]
    names = [f["family"] for f in mine.get_json()]
    assert names == sorted(names, key=str.casefold)
    # another account sees the installed fonts, never this account's upload
    theirs = {f["family"] for f in client.get(f"{URL}/families", headers=bob.headers).get_json()}
    assert "DejaVu Sans" in theirs and BRAND not in theirs


def test_families_is_a_fixed_path_beside_font_ids(client, alice):
    assert client.delete(f"{URL}/families", headers=alice.headers).status_code == 405
    assert client.get(f"{URL}/families", headers={"X-API-Key": "plt_live_nope"}).status_code == 401
