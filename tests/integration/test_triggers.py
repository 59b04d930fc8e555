"""Polling triggers over HTTP with a real worker: every finished render is an event, newest first."""

from __future__ import annotations

from tests.conftest import assert_envelope

from .stacks import CARD


def test_polling_returns_the_render_objects_newest_first(stack):
    alice, bob = stack.caller(), stack.caller("Bob")
    tpl = stack.template(alice)
    other = stack.template(alice, {**CARD, "name": "Other"})
    made = [stack.render(alice, template_id=tpl, fields={"title": str(i)}).get_json() for i in range(3)]
    made.append(stack.render(alice, template_id=other).get_json())
    repeat = stack.render(alice, template_id=tpl, fields={"title": "0"}).get_json()
    assert repeat["cached"] is True
    polled = stack.client.get("/api/v1/triggers/render.completed", headers=alice.headers).get_json()
    assert [r["id"] for r in polled] == [repeat["id"], made[3]["id"], made[2]["id"], made[1]["id"], made[0]["id"]]
    assert polled[1] == stack.client.get(f"/api/v1/renders/{made[3]['id']}", headers=alice.headers).get_json()
    by_template = stack.client.get(f"/api/v1/triggers/render.completed?template_id={other}",
                                   headers=alice.headers).get_json()
    assert [r["id"] for r in by_template] == [made[3]["id"]]
    newer = stack.client.get(f"/api/v1/triggers/render.completed?since={made[2]['id']}&limit=1",
                             headers=alice.headers).get_json()
    assert [r["id"] for r in newer] == [repeat["id"]]
    assert stack.client.get("/api/v1/triggers/render.completed", headers=bob.headers).get_json() == []
    assert_envelope(stack.client.get("/api/v1/triggers/render.exploded", headers=alice.headers), 404, "not_found")


def test_failed_renders_are_render_failed_events(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    failed = stack.render(alice, template_id=tpl, fields={"logo": f"{stack.images.base}/missing.png"})
    render_id = failed.get_json()["details"]["render_id"]
    polled = stack.client.get("/api/v1/triggers/render.failed", headers=alice.headers).get_json()
    assert [r["id"] for r in polled] == [render_id]
    assert polled[0]["status"] == "failed" and polled[0]["error"]["error"] == "image_failed"
    assert stack.client.get("/api/v1/triggers/render.completed", headers=alice.headers).get_json() == []
