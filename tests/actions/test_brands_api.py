"""Brand kits over HTTP (SPEC §13): CRUD, one default per account, isolation, tokens in templates and renders."""

import io

import pytest
from PIL import Image

from tests.conftest import assert_envelope

URL = "/api/v1/brands"
ACME = {"name": "Acme", "colors": {"primary": "#ff0055", "secondary": "#222222", "accent": "#00ff00",
                                   "background": "#0000ff", "text": "#ffffff"},
        "fonts": {"heading": "DejaVu Sans", "body": "DejaVu Sans"}, "logo": "https://example.com/logo.png"}
TOKENED = {"name": "Branded", "width": 40, "height": 20, "background": "@brand.background", "layers": [
    {"type": "rect", "name": "box", "x": 0, "y": 0, "width": 20, "height": 20, "fill": "@brand.primary"},
    {"type": "text", "name": "title", "x": 20, "y": 0, "width": 20, "height": 20, "text": "",
     "font": "@brand.heading", "color": "@brand.text"}]}


def make(client, caller, body=ACME):
    answer = client.post(URL, json=body, headers=caller.headers)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def test_create_list_show_patch_delete(client, alice):
    brand = make(client, alice)
    assert brand["id"].startswith("brd_") and brand["created_at"].endswith("Z") and brand["updated_at"]
    assert brand["colors"] == ACME["colors"] and brand["fonts"] == ACME["fonts"] and brand["logo"] == ACME["logo"]
    assert brand["default"] is False and brand["version"] == 1
    listed = client.get(URL, headers=alice.headers).get_json()
    assert [b["id"] for b in listed][0] == brand["id"] and [b["default"] for b in listed] == [False, True]
    assert client.get(f"{URL}?limit=1&page=5", headers=alice.headers).get_json() == []
    assert client.get(f"{URL}/{brand['id']}", headers=alice.headers).get_json() == brand
    patched = client.patch(f"{URL}/{brand['id']}", json={"colors": {"primary": "#123"}, "logo": None},
                           headers=alice.headers).get_json()
    assert patched["colors"]["primary"] == "#112233" and patched["colors"]["accent"] == "#00ff00"
    assert patched["logo"] is None and patched["version"] == 2
    assert client.delete(f"{URL}/{brand['id']}", headers=alice.headers).status_code == 204
    assert_envelope(client.delete(f"{URL}/{brand['id']}", headers=alice.headers), 404, "not_found")


def test_exactly_one_default_and_it_cannot_be_deleted(client, alice):
    brand = make(client, alice)
    [default] = [b for b in client.get(URL, headers=alice.headers).get_json() if b["default"]]
    body = assert_envelope(client.delete(f"{URL}/{default['id']}", headers=alice.headers), 409, "conflict")
    assert '{"default": true}' in body["message"]
    assert client.patch(f"{URL}/{brand['id']}", json={"default": True}, headers=alice.headers).get_json()["default"]
    assert [b["id"] for b in client.get(URL, headers=alice.headers).get_json() if b["default"]] == [brand["id"]]
    assert client.delete(f"{URL}/{default['id']}", headers=alice.headers).status_code == 204


def test_another_accounts_brand_is_a_404(client, alice, bob):
    brand = make(client, alice)
    for answer in (client.get(f"{URL}/{brand['id']}", headers=bob.headers),
                   client.patch(f"{URL}/{brand['id']}", json={"name": "Mine"}, headers=bob.headers),
                   client.delete(f"{URL}/{brand['id']}", headers=bob.headers)):
        assert_envelope(answer, 404, "not_found")
    assert brand["id"] not in [b["id"] for b in client.get(URL, headers=bob.headers).get_json()]


@pytest.mark.parametrize(("body", "field"), [
    ({"colors": {"primary": "pink"}}, "colors.primary"),
    ({"fonts": {"heading": "Comic Nope"}}, "fonts.heading"),
    ({"logo": "javascript:alert(1)"}, "logo"),
])
def test_bad_values_are_a_422_naming_the_field(client, alice, body, field):
    answer = assert_envelope(client.post(URL, json={**ACME, **body}, headers=alice.headers), 422,
                             "validation_failed")
    assert field in answer["message"]


def test_read_and_write_scopes_are_the_templates(client, alice):
    reader = client.post("/api/v1/keys", json={"scopes": ["templates:read"]}, headers=alice.headers).get_json()
    headers = {"X-API-Key": reader["key"]}
    assert client.get(URL, headers=headers).status_code == 200
    body = assert_envelope(client.post(URL, json=ACME, headers=headers), 403, "forbidden")
    assert body["details"]["missing_scope"] == "templates:write"


def test_templates_keep_tokens_and_check_their_brand_id(client, alice, bob):
    brand = make(client, alice)
    saved = client.post("/api/v1/templates", json={**TOKENED, "brand_id": brand["id"]}, headers=alice.headers)
    assert saved.status_code == 201, saved.get_json()
    template = saved.get_json()
    assert template["brand_id"] == brand["id"] and template["layers"][0]["fill"] == "@brand.primary"
    bad = {**TOKENED, "layers": [*TOKENED["layers"], {"type": "rect", "name": "x", "fill": "@brand.nope"}]}
    answer = assert_envelope(client.post("/api/v1/templates", json=bad, headers=alice.headers), 422,
                             "validation_failed")
    assert answer["details"]["path"] == "layers[2].fill" and "@brand.nope" in answer["message"]
    foreign = assert_envelope(client.post("/api/v1/templates", json={**TOKENED, "brand_id": brand["id"]},
                                          headers=bob.headers), 422, "validation_failed")
    assert "brand_id" in foreign["message"]
    patched = client.patch(f"/api/v1/templates/{template['id']}", json={"brand_id": None}, headers=alice.headers)
    assert "brand_id" not in patched.get_json()


def pixel(data: bytes, xy=(5, 5)):
    return Image.open(io.BytesIO(data)).convert("RGB").getpixel(xy)
