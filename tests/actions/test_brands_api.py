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
    unbranded = client.post("/api/v1/templates", json={**TOKENED, "brand_id": None}, headers=alice.headers)
    assert unbranded.status_code == 201 and "brand_id" not in unbranded.get_json()   # null: the default brand


def pixel(data: bytes, xy=(5, 5)):
    return Image.open(io.BytesIO(data)).convert("RGB").getpixel(xy)


# --- renders: the brand's colours in real pixels, the cache key following the brand --------------------------------
BASE = "http://platen.test"


@pytest.fixture
def app(make_app):
    return make_app(allow_private_networks=True, public_url=BASE)


def rendered(client, caller, jobs, cached=False, **body) -> tuple[dict, bytes]:
    """A render made by the in-process worker, or (``cached``) answered from the cache without a job."""
    post = lambda: client.post("/api/v1/renders", headers=caller.headers, json=body)  # noqa: E731
    answer = post() if cached else jobs.during(post)
    assert answer.status_code == 201, answer.get_json()
    render = answer.get_json()
    data = client.get(render["url"].removeprefix(BASE))
    assert data.status_code == 200
    return render, data.data


def test_a_render_draws_the_request_brand_else_the_template_brand_else_the_default(client, alice, jobs):
    acme = make(client, alice)
    other = make(client, alice, {**ACME, "name": "Other", "colors": {"primary": "#00ffff"}})
    template_id = client.post("/api/v1/templates", json={**TOKENED, "brand_id": acme["id"]},
                              headers=alice.headers).get_json()["id"]
    render, data = rendered(client, alice, jobs, template_id=template_id)
    assert pixel(data) == (255, 0, 85) and pixel(data, (30, 10)) == (0, 0, 255)   # primary, background
    _, data = rendered(client, alice, jobs, template_id=template_id, brand_id=other["id"])
    assert pixel(data) == (0, 255, 255)
    client.patch(f"/api/v1/templates/{template_id}", json={"brand_id": None}, headers=alice.headers)
    _, data = rendered(client, alice, jobs, template_id=template_id)
    assert pixel(data) == (0x1e, 0x29, 0x3b)   # the neutral default brand
    # an inline template with tokens renders too, and a bad token there is a 422 naming the path
    inline, data = rendered(client, alice, jobs, template=TOKENED, brand_id=acme["id"])
    assert pixel(data) == (255, 0, 85)
    bad = {**TOKENED, "layers": [TOKENED["layers"][0], {**TOKENED["layers"][1], "color": "@brand.nope"}]}
    answer = assert_envelope(client.post("/api/v1/renders", json={"template": bad}, headers=alice.headers), 422,
                             "validation_failed")
    assert "layers[1].color" in answer["message"]


def test_editing_the_brand_changes_the_cache_key_and_the_pixels(client, alice, jobs):
    acme = make(client, alice)
    template_id = client.post("/api/v1/templates", json={**TOKENED, "brand_id": acme["id"]},
                              headers=alice.headers).get_json()["id"]
    first, _ = rendered(client, alice, jobs, template_id=template_id)
    again, _ = rendered(client, alice, jobs, cached=True, template_id=template_id)
    assert again["cached"] is True
    client.patch(f"{URL}/{acme['id']}", json={"colors": {"primary": "#00ff00"}}, headers=alice.headers)
    after, data = rendered(client, alice, jobs, template_id=template_id)
    assert after["cached"] is False and pixel(data) == (0, 255, 0)
    conn = client.application.extensions["platen"]
    keys = [conn.render_store.get(alice.account.id, r["id"]).cache_key for r in (first, again, after)]
    assert keys[0] == keys[1] != keys[2]


def test_a_foreign_brand_id_on_a_render_or_a_preview_is_a_422(client, alice, bob, jobs):
    acme = make(client, alice)
    template_id = client.post("/api/v1/templates", json=TOKENED, headers=bob.headers).get_json()["id"]
    answer = assert_envelope(client.post("/api/v1/renders", json={"template_id": template_id, "brand_id": acme["id"]},
                                         headers=bob.headers), 422, "validation_failed")
    assert "brand_id" in answer["message"]
    preview = client.post("/api/v1/templates/preview", json={"template": TOKENED, "brand_id": acme["id"]},
                          headers=bob.headers)
    assert_envelope(preview, 422, "validation_failed")


def test_the_preview_switches_between_brands(client, alice):
    acme = make(client, alice)
    for brand_id, colour in ((acme["id"], (255, 0, 85)), (None, (0x1e, 0x29, 0x3b))):
        answer = client.post("/api/v1/templates/preview", json={"template": TOKENED, "brand_id": brand_id,
                                                                "format": "png"}, headers=alice.headers)
        assert answer.status_code == 200, answer.get_json()
        import base64
        assert pixel(base64.b64decode(answer.get_json()["image"].split(",", 1)[1])) == colour


def test_a_batch_draws_its_brand_in_every_row(client, alice):
    from tests.actions.batch_support import drain

    acme = make(client, alice)
    template_id = client.post("/api/v1/templates", json=TOKENED, headers=alice.headers).get_json()["id"]
    answer = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{}, {"box": "@brand.accent"}],
                                                  "brand_id": acme["id"]}, headers=alice.headers)
    assert answer.status_code == 202, answer.get_json()
    assert answer.get_json()["brand_id"] == acme["id"]
    conn = client.application.extensions["platen"]
    drain(conn)
    renders = client.get(f"/api/v1/batches/{answer.get_json()['id']}/renders", headers=alice.headers).get_json()
    colours = [pixel(client.get(r["url"].removeprefix(BASE)).data) for r in renders]
    assert colours == [(255, 0, 85), (0, 255, 0)]
    foreign = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{}], "brand_id": "brd_x1"},
                          headers=alice.headers)
    assert "brand_id" in assert_envelope(foreign, 422, "validation_failed")["message"]


def test_a_field_value_may_be_a_token_and_draws_the_brand(client, alice, jobs):
    acme = make(client, alice)
    plain = {**TOKENED, "background": "#ffffff", "layers": [{**TOKENED["layers"][0], "fill": "#000000"}]}
    template_id = client.post("/api/v1/templates", json=plain, headers=alice.headers).get_json()["id"]
    first, data = rendered(client, alice, jobs, template_id=template_id, fields={"box": "@brand.primary"},
                           brand_id=acme["id"])
    assert pixel(data) == (255, 0, 85)
    other, data = rendered(client, alice, jobs, template_id=template_id, fields={"box": "@brand.primary"})
    assert other["cached"] is False and pixel(data) == (0x1e, 0x29, 0x3b)   # the default brand: another image
    bad = client.post("/api/v1/renders", json={"template_id": template_id, "fields": {"box": "@brand.nope"}},
                      headers=alice.headers)
    assert "box" in assert_envelope(bad, 422, "validation_failed")["message"]
