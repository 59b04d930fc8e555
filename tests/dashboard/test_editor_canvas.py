"""The editor's canvas in a real browser against a real Platen: the preview image under one handle per layer;
select, drag, resize, rotate, snap, box-select and group move by mouse; the keyboard; zoom. Each change is read
back from what the editor sends next (the working copy in the next POST /templates/preview), never from timing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

TEMPLATE = {
    "name": "Canvas test", "width": 800, "height": 500, "background": "#f1f5f9",
    "layers": [
        {"type": "rect", "name": "box", "x": 100, "y": 100, "width": 120, "height": 80, "fill": "#6366f1"},
        {"type": "text", "name": "title", "x": 300, "y": 260, "width": 300, "height": 100, "text": "Hello",
         "font_size": 40, "color": "#111827"},
        {"type": "ellipse", "name": "dot", "x": 600, "y": 60, "width": 60, "height": 60, "fill": "#f59e0b"},
    ],
}


def is_preview(request) -> bool:
    return request.method == "POST" and request.url.endswith("/api/v1/templates/preview")


def layers_of(request) -> dict[str, dict]:
    return {layer["name"]: layer for layer in request.post_data_json["template"]["layers"]}


@pytest.fixture
def editor(page, instance):
    """The editor open on TEMPLATE (a fresh account), its first preview shown; yields (page, key, template id)."""
    key = instance.account("Canvas")
    answer = instance.api("POST", "/templates", key=key, json=TEMPLATE)
    assert answer.status_code == 201, answer.text
    template_id = answer.json()["id"]
    sign_in(page, key)
    page.goto(f"/templates/{template_id}/edit")
    expect(page.locator(".canvas-image[src^='data:image/']")).to_be_visible()
    return page


def handle(page, name):
    return page.get_by_role("region", name="Canvas").locator(f"[data-layer='{name}']")


def zoom_of(page) -> float:
    return page.locator(".canvas-stage").evaluate("el => el.getBoundingClientRect().width") / TEMPLATE["width"]


def centre(locator):
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def drag(page, start, end, steps=8):
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=steps)
    page.mouse.up()


def test_one_handle_per_layer_over_the_preview_and_a_click_selects(editor):
    page = editor
    canvas = page.get_by_role("region", name="Canvas")
    expect(canvas.locator("[data-layer]")).to_have_count(3)
    for name in ("box", "title", "dot"):
        expect(handle(page, name)).to_have_attribute("aria-label", f"Layer {name}")
    zoom = zoom_of(page)
    stage = page.locator(".canvas-stage").bounding_box()
    box = handle(page, "box").bounding_box()
    assert box["x"] - stage["x"] == pytest.approx(100 * zoom, abs=1)
    assert box["width"] == pytest.approx(120 * zoom, abs=1)
    handle(page, "box").click()
    expect(handle(page, "box")).to_have_attribute("aria-pressed", "true")
    expect(handle(page, "box")).to_have_class(re.compile("is-selected"))
    page.screenshot(path="/tmp/canvas-select.png")
