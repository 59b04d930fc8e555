"""A gradient's stops take brand colours like every other colour control: the brand's swatches under each stop write
its token (``@brand.<name>``) into that stop, shown as a chip, drawn in the brand's colour and saved as the token."""

from __future__ import annotations

import base64
import io

from PIL import Image
from playwright.sync_api import expect

from .conftest import sign_in

RED = "#e11d1d"
BAR = {"type": "rect", "name": "bar", "x": 0, "y": 0, "width": 400, "height": 300,
       "fill": {"type": "linear", "angle": 90, "stops": ["#000000", "#ffffff"]}}


def stop_color(stop) -> str:
    return stop["color"] if isinstance(stop, dict) else stop


def left_edge(answer: dict) -> tuple[int, int, int]:
    """The colour at the left edge of the preview (a 90° gradient starts there with stop 1)."""
    data = answer["image"].split(",", 1)[1]
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    return image.getpixel((2, image.height // 2))


def test_a_brand_swatch_on_a_gradient_stop_stores_the_token_in_the_stop(page, instance):
    key = instance.account("Gradient brand")
    [default] = [b for b in instance.api("GET", "/brands", key=key).json() if b["default"]]
    assert instance.api("PATCH", f"/brands/{default['id']}", key=key, json={"colors": {"primary": RED}}).ok
    made = instance.api("POST", "/templates", key=key, json={"name": "Gradient", "width": 400, "height": 300,
                                                             "layers": [BAR]})
    assert made.status_code == 201, made.text
    template_id = made.json()["id"]
    sign_in(page, key, f"/templates/{template_id}/edit")
    page.locator(".layer-row[data-layer='bar'] .layer-name").click()
    form = page.get_by_role("form", name="Properties")
    swatches = form.get_by_role("group", name="Brand colours for stop 1")
    expect(swatches.get_by_role("button")).to_have_count(5)
    expect(form.get_by_role("group", name="Brand colours for stop 2")).to_be_visible()

    def wanted(response):
        request = response.request
        if not (request.url.endswith("/api/v1/templates/preview") and request.method == "POST" and response.ok):
            return False
        [bar] = request.post_data_json["template"]["layers"]
        return stop_color(bar["fill"]["stops"][0]) == "@brand.primary"

    with page.expect_response(wanted) as answer:
        swatches.get_by_role("button", name="Brand primary for stop 1").click()
    [bar] = answer.value.request.post_data_json["template"]["layers"]
    assert stop_color(bar["fill"]["stops"][1]) == "#ffffff"   # the other stop is untouched
    assert all(abs(a - b) <= 24 for a, b in zip(left_edge(answer.value.json()), (0xe1, 0x1d, 0x1d), strict=True))
    expect(form.locator(".stop-row").first.locator(".token-chip")).to_contain_text(f"Brand primary · {RED}")
    expect(form.locator(".stop-row").first.locator("input.hex")).to_be_hidden()

    with page.expect_response(lambda r: r.url.endswith(f"/api/v1/templates/{template_id}")
                              and r.request.method == "PUT") as saved:
        page.get_by_role("button", name="Save", exact=True).click()
    assert saved.value.status == 200, saved.value.text()
    stored = instance.api("GET", f"/templates/{template_id}", key=key).json()
    assert stop_color(stored["layers"][0]["fill"]["stops"][0]) == "@brand.primary"

    # the chip's × puts the brand's colour back as plain hex in that stop
    with page.expect_response(lambda r: r.url.endswith("/api/v1/templates/preview")
                              and stop_color(r.request.post_data_json["template"]["layers"][0]["fill"]["stops"][0])
                              .lower() == RED):
        form.get_by_role("button", name="Use a custom stop 1 colour").click()
    expect(form.locator(".stop-row").first.locator("input.hex")).to_have_value(RED)
