"""The editor's panels against a real Platen and worker: the Layers panel (add, rename, hide, lock, reorder,
delete, warnings), the Properties form, canvas settings, the page strip, image and font uploads."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect

from .conftest import sign_in

FONT = next((p for p in (Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
                         *Path("/usr/share/fonts").rglob("*.ttf")) if p.exists()), None)


def make_template(instance, key, **body) -> str:
    template = {"name": "Panels", "width": 600, "height": 400, "background": "#ffffff", "layers": [], **body}
    answer = instance.api("POST", "/templates", key=key, json=template)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def open_editor(page, instance, key, template_id):
    sign_in(page, key, f"/templates/{template_id}/edit")
    expect(page.get_by_role("region", name="Layers")).to_be_visible()


def preview_after(page, action):
    """The working copy the next POST /templates/preview sends after ``action``."""
    with page.expect_request(lambda r: r.url.endswith("/api/v1/templates/preview") and r.method == "POST") as req:
        action()
    return req.value.post_data_json["template"]


def layer_rows(page):
    return page.get_by_role("region", name="Layers").locator(".layer-row")


def png(width=40, height=20, color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def test_a_starter_open_in_the_editor_looks_right(page, instance):
    key = instance.account("Look")
    answer = instance.api("POST", "/templates/examples/og-blog-card", key=key, json={"name": "OG card"})
    assert answer.status_code == 201, answer.text
    tpl = answer.json()
    open_editor(page, instance, key, tpl["id"])
    expect(layer_rows(page)).to_have_count(len(tpl["layers"]))
    page.screenshot(path="/tmp/panels-canvas.png")
    layer_rows(page).filter(has_text="title").first.locator(".layer-name").click()
    expect(page.get_by_role("form", name="Properties")).to_be_visible()
    page.screenshot(path="/tmp/panels-text.png")
    page.get_by_role("form", name="Properties").screenshot(path="/tmp/panels-text-form.png")
