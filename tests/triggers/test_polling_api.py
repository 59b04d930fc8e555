"""Polling triggers over HTTP, in-process with jobs run for real: every finished render is an event, newest first."""

from __future__ import annotations

import pytest

from tests.conftest import Caller, assert_envelope
from tests.support.receiver import Receiver

CARD = {"name": "Card", "width": 120, "height": 60, "background": "#0f172a", "layers": [
    {"type": "image", "name": "logo", "x": 0, "y": 0, "width": 20, "height": 20, "src": ""},
    {"type": "text", "name": "title", "x": 20, "y": 0, "width": 100, "height": 60, "text": "Hello"}]}


@pytest.fixture
def app(make_app):
    return make_app(allow_private_networks=True)


def template(client, caller, data=None) -> str:
    answer = client.post("/api/v1/templates", json=data or CARD, headers=caller.headers)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()["id"]


def render(client, caller, **body) -> dict:
    answer = client.post("/api/v1/renders", json={"wait": False, **body}, headers=caller.headers)
    assert answer.status_code == 202, answer.get_json()
    return answer.get_json()


def test_polling_returns_the_render_objects_newest_first(app, client, alice, jobs):
    bob = Caller(app.extensions["platen"], "Bob")
    tpl = template(client, alice)
    other = template(client, alice, {**CARD, "name": "Other"})
    made = []
    for body in [{"template_id": tpl, "fields": {"title": str(i)}} for i in range(3)] + [{"template_id": other}]:
        made.append(render(client, alice, **body))
        jobs.run()   # one at a time: each finishes, and so is an event, in the order made
    repeat = render(client, alice, template_id=tpl, fields={"title": "0"})
    assert repeat["cached"] is True
    polled = client.get("/api/v1/triggers/render.completed", headers=alice.headers).get_json()
    assert [r["id"] for r in polled] == [repeat["id"], made[3]["id"], made[2]["id"], made[1]["id"], made[0]["id"]]
    assert polled[1] == client.get(f"/api/v1/renders/{made[3]['id']}", headers=alice.headers).get_json()
    by_template = client.get(f"/api/v1/triggers/render.completed?template_id={other}",
                             headers=alice.headers).get_json()
    assert [r["id"] for r in by_template] == [made[3]["id"]]
    newer = client.get(f"/api/v1/triggers/render.completed?since={made[2]['id']}&limit=1",
                       headers=alice.headers).get_json()
    assert [r["id"] for r in newer] == [repeat["id"]]
    assert client.get("/api/v1/triggers/render.completed", headers=bob.headers).get_json() == []
    assert_envelope(client.get("/api/v1/triggers/render.exploded", headers=alice.headers), 404, "not_found")


def test_failed_renders_are_render_failed_events(client, alice, jobs):
    tpl = template(client, alice)
    nowhere = Receiver()   # answers POSTs only: fetching an image from it fails
    try:
        failed = render(client, alice, template_id=tpl, fields={"logo": f"{nowhere.base}/missing.png"})
        jobs.run()
    finally:
        nowhere.close()
    polled = client.get("/api/v1/triggers/render.failed", headers=alice.headers).get_json()
    assert [r["id"] for r in polled] == [failed["id"]]
    assert polled[0]["status"] == "failed" and polled[0]["error"]["error"] == "image_failed"
    assert client.get("/api/v1/triggers/render.completed", headers=alice.headers).get_json() == []
