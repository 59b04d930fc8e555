"""Unsigned URLs of public templates are bounded (SPEC section 6): no scale, only public_fields, new images
rate-limited per client address, and only a share of the account's credits. Signed URLs are not bounded."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from actions import urls
from tests.actions.batch_support import CARD, drain
from tests.conftest import Caller, assert_envelope

PUBLIC = {**CARD, "public": True}


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    """A public GET answers at once: 503 while its render is queued (no worker here), then ``drain`` runs it."""
    monkeypatch.setattr(urls, "PUBLIC_WAIT", 0)


class Site:
    def __init__(self, app):
        self.app, self.conn, self.client = app, app.extensions["platen"], app.test_client()
        self.alice = Caller(self.conn, "Alice")

    def template(self, data=PUBLIC) -> str:
        answer = self.client.post("/api/v1/templates", json=data, headers=self.alice.headers)
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()["id"]

    def signed(self, tpl: str, fields: dict, **options) -> str:
        made = self.client.post(f"/api/v1/templates/{tpl}/signed-url", headers=self.alice.headers,
                                json={"fields": fields, **options})
        assert made.status_code == 200, made.get_json()
        return made.get_json()["url"].removeprefix(self.conn.settings.public_url.rstrip("/"))

    def accepted(self, path: str, **kwargs) -> None:
        """The URL was accepted: its render is queued (503 until drawn); once drawn, the image."""
        answer = self.client.get(path, **kwargs)
        assert answer.status_code == 503, answer.get_data(as_text=True)
        drain(self.conn)
        assert self.client.get(path, **kwargs).status_code == 200

    def used(self) -> int:
        return self.client.get("/api/v1/usage", headers=self.alice.headers).get_json()["used"]


@pytest.fixture
def site(make_app):
    return Site(make_app())


def test_unsigned_urls_take_no_scale_but_signed_ones_do(site):
    tpl = site.template()
    body = assert_envelope(site.client.get(f"/render/{tpl}.png?title=Big&scale=4"), 403, "forbidden")
    assert "scale" in body["message"] and "signed-url" in body["message"] and body["details"]["field"] == "scale"
    assert site.used() == 0, "a refused URL costs nothing"
    site.accepted(site.signed(tpl, {"title": "Big"}, scale=2))


def test_public_fields_round_trip_and_are_checked_when_saved(site):
    tpl = site.template({**PUBLIC, "public_fields": ["title", "title.color"]})
    shown = site.client.get(f"/api/v1/templates/{tpl}", headers=site.alice.headers).get_json()
    assert shown["public_fields"] == ["title", "title.color"]
    again = site.client.put(f"/api/v1/templates/{tpl}", json=shown, headers=site.alice.headers)
    assert again.status_code == 200 and again.get_json()["public_fields"] == ["title", "title.color"]
    removed = site.client.patch(f"/api/v1/templates/{tpl}", json={"public_fields": None}, headers=site.alice.headers)
    assert "public_fields" not in removed.get_json()
    bad = site.client.post("/api/v1/templates", json={**PUBLIC, "public_fields": ["title", "subtitle"]},
                           headers=site.alice.headers)
    body = assert_envelope(bad, 422, "validation_failed")
    assert body["message"].startswith("public_fields[1]:") and "subtitle" in body["message"]
    gone = site.client.patch(f"/api/v1/templates/{tpl}", headers=site.alice.headers,
                             json={"public_fields": ["badge"], "layers": CARD["layers"][:1]})
    assert "public_fields[0]" in assert_envelope(gone, 422, "validation_failed")["message"]
    schemas = site.client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert schemas["Template"]["properties"]["public_fields"]["type"] == "array"
    assert "public_fields" in schemas["TemplateCreate"]["properties"]


def test_unsigned_urls_set_only_the_public_fields(site):
    tpl = site.template({**PUBLIC, "public_fields": ["title"]})
    for query, field in (("badge=%23ff0000", "badge"), ("title=Hi&title.color=%23ff0000", "title.color"),
                         ("fields=" + quote(json.dumps({"title": {"color": "#ff0000"}})), "title.color")):
        body = assert_envelope(site.client.get(f"/render/{tpl}.png?{query}"), 403, "forbidden")
        assert body["details"]["field"] == field and body["message"].startswith(f"{field}:")
        assert "public_fields (title)" in body["message"]
    site.accepted(f"/render/{tpl}.png?title=Hi")
    site.accepted(f"/render/{tpl}.png?" + "fields=" + quote(json.dumps({"title": {"text": "Nested"}})))
    site.accepted(site.signed(tpl, {"title": "Hi", "badge": "#ff0000"}))   # a signature may set any field
    unknown = assert_envelope(site.client.get(f"/render/{tpl}.png?titel=x"), 422, "validation_failed")
    assert "titel" in unknown["message"], "a field the template lacks is named as such, not as not public"


def test_new_anonymous_images_are_rate_limited_per_address_and_cached_ones_are_not(make_app):
    site = Site(make_app(public_render_rate="2 per minute"))
    tpl = site.template()
    site.accepted(f"/render/{tpl}.png?title=a")
    assert site.client.get(f"/render/{tpl}.png?title=b").status_code == 503
    limited = site.client.get(f"/render/{tpl}.png?title=c")
    body = assert_envelope(limited, 429, "rate_limited")
    assert 0 < int(limited.headers["Retry-After"]) <= 60 and "Retry-After" in body["message"]
    assert site.used() == 2, "the refused render was not made"
    for _ in range(3):   # what is drawn already is served to anyone, however often
        assert site.client.get(f"/render/{tpl}.png?title=a").status_code == 200
    site.accepted(site.signed(tpl, {"title": "c"}))                        # signed URLs are not limited
    site.accepted(f"/render/{tpl}.png?title=d", environ_base={"REMOTE_ADDR": "203.0.113.9"})   # another address


def test_anonymous_renders_stop_at_their_share_of_the_credits(make_app):
    site = Site(make_app(monthly_credits=5, public_credit_share=0.5))
    tpl = site.template()
    site.accepted(f"/render/{tpl}.png?title=one")
    site.accepted(f"/render/{tpl}.png?title=two")
    refused = assert_envelope(site.client.get(f"/render/{tpl}.png?title=three"), 402, "insufficient_credits")
    assert "public" in refused["message"] and "signed URLs" in refused["message"]
    assert site.client.get(f"/render/{tpl}.png?title=one").status_code == 200, "cached images cost nothing"
    site.accepted(site.signed(tpl, {"title": "three"}))
    rendered = site.client.post("/api/v1/renders", json={"template_id": tpl, "fields": {"title": "four"},
                                                         "wait": False}, headers=site.alice.headers)
    assert rendered.status_code == 202 and site.used() == 4
    usage = site.client.get("/api/v1/usage", headers=site.alice.headers).get_json()
    assert (usage["used"], usage["public_used"], usage["public_limit"]) == (4, 2, 2)


def test_a_mistyped_public_rate_stops_the_start(make_app):
    with pytest.raises(ValueError, match="PLATEN_PUBLIC_RENDER_RATE"):
        make_app(public_render_rate="thirty a minute")
    with pytest.raises(ValueError, match="PLATEN_PUBLIC_CREDIT_SHARE"):
        make_app(public_credit_share=2.0)
