"""The editor's canvas in a real browser against a real Platen: the preview image under one handle per layer;
select, drag, resize, rotate, snap, box-select and group move by mouse; the keyboard; zoom. Each change is read
back from what the editor sends next (the working copy in the next POST /templates/preview), never from timing."""

from __future__ import annotations

import re

import pytest
import requests
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


def test_drag_a_handle_moves_the_layer_by_the_template_distance_in_one_undo_step(editor):
    page = editor
    zoom = zoom_of(page)
    start = centre(handle(page, "box"))
    with page.expect_request(is_preview) as sent:
        drag(page, start, (start[0] + 50 * zoom, start[1] + 40 * zoom))
    moved = layers_of(sent.value)["box"]
    assert moved["x"] == pytest.approx(150, abs=1) and moved["y"] == pytest.approx(140, abs=1)
    assert isinstance(moved["x"], int) and isinstance(moved["y"], int)   # template pixels, whatever the zoom
    assert (moved["width"], moved["height"]) == (120, 80)
    expect(handle(page, "box")).to_have_attribute("aria-pressed", "true")   # dragging selected it
    # the handle stays where it was dropped, and the picture follows it
    stage = page.locator(".canvas-stage").bounding_box()
    assert handle(page, "box").bounding_box()["x"] - stage["x"] == pytest.approx(moved["x"] * zoom, abs=1)
    with page.expect_request(is_preview) as sent:
        page.get_by_role("button", name="Undo").click()   # the whole drag is one step
    assert (layers_of(sent.value)["box"]["x"], layers_of(sent.value)["box"]["y"]) == (100, 100)


def test_resize_and_rotate_with_the_handles_controls(editor):
    page = editor
    zoom = zoom_of(page)
    handle(page, "box").click()
    corner = page.locator(".canvas-moveable .moveable-control.moveable-se")
    expect(corner).to_be_visible()
    start = centre(corner)
    with page.expect_request(is_preview) as sent:
        drag(page, start, (start[0] + 40 * zoom, start[1] + 20 * zoom))
    resized = layers_of(sent.value)["box"]
    assert resized["width"] == pytest.approx(160, abs=1) and resized["height"] == pytest.approx(100, abs=1)
    assert (resized["x"], resized["y"]) == (100, 100)   # the opposite corner stays put

    knob = page.locator(".canvas-moveable .moveable-rotation-control")
    expect(knob).to_be_visible()
    middle = centre(handle(page, "box"))
    grip = centre(knob)
    radius = middle[1] - grip[1]
    with page.expect_request(is_preview) as sent:   # a quarter turn clockwise: from above the centre to its right
        drag(page, grip, (middle[0] + radius, middle[1]), steps=12)
    rotated = layers_of(sent.value)["box"]
    assert rotated["rotation"] == pytest.approx(90, abs=1.5)
    assert (rotated["width"], rotated["height"]) == (resized["width"], resized["height"])


def test_snapping_puts_an_edge_on_the_canvas_centre_with_a_guide(editor):
    page = editor
    zoom = zoom_of(page)
    start = centre(handle(page, "title"))
    page.mouse.move(*start)
    page.mouse.down()
    # 97 template px to the right: the left edge comes within 3 px of the centre line (400) and snaps onto it
    page.mouse.move(start[0] + 97 * zoom, start[1] + 30 * zoom, steps=10)
    expect(page.locator(".canvas-moveable .moveable-guideline").first).to_be_visible()
    with page.expect_request(is_preview) as sent:
        page.mouse.up()
    title = layers_of(sent.value)["title"]
    assert title["x"] == 400
    assert title["y"] == pytest.approx(290, abs=1)
    expect(page.locator(".canvas-moveable .moveable-guideline")).to_have_count(0)

    # resizing snaps too: box's right edge (220) pulled to 2 px short of the centre line ends on it
    handle(page, "box").click()
    corner = centre(page.locator(".canvas-moveable .moveable-control.moveable-e"))
    with page.expect_request(is_preview) as sent:
        drag(page, corner, (corner[0] + 178 * zoom, corner[1]), steps=10)
    box = layers_of(sent.value)["box"]
    assert (box["x"], box["y"], box["width"], box["height"]) == (100, 100, 300, 80)


def test_the_keyboard_nudges_deletes_duplicates_undoes_and_redoes(editor):
    page = editor
    handle(page, "box").click()
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("ArrowRight")
    assert layers_of(sent.value)["box"]["x"] == 101
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Shift+ArrowDown")
    assert (layers_of(sent.value)["box"]["x"], layers_of(sent.value)["box"]["y"]) == (101, 110)

    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Delete")
    assert "box" not in layers_of(sent.value)
    expect(handle(page, "box")).to_have_count(0)
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Control+z")
    assert layers_of(sent.value)["box"]["y"] == 110
    expect(handle(page, "box")).to_have_count(1)
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Control+Shift+z")
    assert "box" not in layers_of(sent.value)
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Control+z")
    assert "box" in layers_of(sent.value)
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Control+y")   # Ctrl+Y redoes too
    assert "box" not in layers_of(sent.value)

    handle(page, "title").click()
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("Control+d")
    copies = layers_of(sent.value)
    assert (copies["title_1"]["x"], copies["title_1"]["y"]) == (320, 280)
    expect(handle(page, "title_1")).to_have_attribute("aria-pressed", "true")   # the copy is selected
    page.keyboard.press("Escape")
    expect(handle(page, "title_1")).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Control+a")   # every layer of the page: title, dot and the copy
    expect(page.locator(".canvas-handle[aria-pressed='true']")).to_have_count(3)
    expect(handle(page, "title_1")).to_have_attribute("aria-pressed", "true")


def test_box_select_two_layers_and_move_both(editor):
    page = editor
    zoom = zoom_of(page)
    stage = page.locator(".canvas-stage").bounding_box()
    at = lambda x, y: (stage["x"] + x * zoom, stage["y"] + y * zoom)   # noqa: E731
    drag(page, at(80, 40), at(690, 200), steps=10)   # around box and dot, not title
    expect(handle(page, "box")).to_have_attribute("aria-pressed", "true")
    expect(handle(page, "dot")).to_have_attribute("aria-pressed", "true")
    expect(handle(page, "title")).to_have_attribute("aria-pressed", "false")
    start = centre(handle(page, "box"))
    with page.expect_request(is_preview) as sent:
        drag(page, start, (start[0] + 40 * zoom, start[1] + 20 * zoom), steps=10)
    layers = layers_of(sent.value)
    assert layers["box"]["x"] == pytest.approx(140, abs=1) and layers["box"]["y"] == pytest.approx(120, abs=1)
    assert layers["dot"]["x"] - layers["box"]["x"] == 500 and layers["dot"]["y"] - layers["box"]["y"] == -40
    assert (layers["title"]["x"], layers["title"]["y"]) == (300, 260)
    # a click on empty canvas deselects
    page.mouse.click(stage["x"] + 10, stage["y"] + stage["height"] - 10)
    expect(page.locator(".canvas-handle[aria-pressed='true']")).to_have_count(0)


def test_fit_and_100_percent(editor):
    page = editor
    region = page.get_by_role("region", name="Canvas")
    zoom = page.locator(".toolbar-zoom")
    fitted = page.locator(".canvas-stage").bounding_box()
    area = region.bounding_box()
    assert fitted["width"] < 800 and fitted["x"] >= area["x"]
    assert fitted["x"] + fitted["width"] <= area["x"] + area["width"]
    assert fitted["y"] + fitted["height"] <= area["y"] + area["height"]
    expect(zoom.get_by_role("button", name="Fit")).to_have_attribute("aria-pressed", "true")
    shown = int(zoom.locator("output").inner_text().rstrip("%"))
    assert abs(shown - fitted["width"] / 8) <= 1
    zoom.get_by_role("button", name="100%").click()
    expect(zoom.locator("output")).to_have_text("100%")
    expect(page.locator(".canvas-stage")).to_have_css("width", "800px")
    box = handle(page, "box").bounding_box()
    assert (box["width"], box["height"]) == (120, 80)
    zoom.get_by_role("button", name="Fit").click()
    expect(page.locator(".canvas-stage")).not_to_have_css("width", "800px")
    assert page.locator(".canvas-stage").bounding_box()["width"] == pytest.approx(fitted["width"], abs=1)


def test_hidden_layers_have_no_handle_and_locked_ones_select_but_do_not_move(page, instance):
    key = instance.account("Locks")
    template = {**TEMPLATE, "layers": [
        {**TEMPLATE["layers"][0], "locked": True},
        {**TEMPLATE["layers"][1], "hidden": True},
        TEMPLATE["layers"][2],
    ]}
    answer = instance.api("POST", "/templates", key=key, json=template)
    assert answer.status_code == 201, answer.text
    sign_in(page, key)
    page.goto(f"/templates/{answer.json()['id']}/edit")
    expect(page.locator(".canvas-image[src^='data:image/']")).to_be_visible()
    expect(handle(page, "title")).to_be_hidden()
    expect(handle(page, "dot")).to_be_visible()
    zoom = zoom_of(page)
    start = centre(handle(page, "box"))
    drag(page, start, (start[0] + 60 * zoom, start[1] + 60 * zoom))
    expect(handle(page, "box")).to_have_attribute("aria-pressed", "true")   # selected…
    expect(page.locator(".canvas-moveable .moveable-control")).to_have_count(0)   # …with nothing to pull
    page.keyboard.press("ArrowRight")   # no nudge either
    handle(page, "dot").click()
    with page.expect_request(is_preview) as sent:
        page.keyboard.press("ArrowDown")
    layers = layers_of(sent.value)
    assert (layers["box"]["x"], layers["box"]["y"]) == (100, 100)
    assert layers["dot"]["y"] == 61


def test_a_preview_error_is_shown_over_the_last_image_until_the_next_good_one(editor, watch):
    page = editor
    watch.allow("422")   # the browser logs the refused preview by itself
    image = page.locator(".canvas-image").get_attribute("src")
    body = {"error": "validation_failed", "status": 422, "message": "Font size must be at least 1 <b>px</b>.",
            "details": {"path": "layers[1].font_size"}}
    page.route("**/api/v1/templates/preview", lambda route: route.fulfill(status=422, json=body))
    handle(page, "title").click()
    page.keyboard.press("ArrowLeft")
    alert = page.get_by_role("region", name="Canvas").get_by_role("alert")
    expect(alert).to_have_text("Font size must be at least 1 <b>px</b>. (layers[1].font_size)")   # text, not HTML
    assert page.locator(".canvas-image").get_attribute("src") == image   # the last good picture stays
    page.unroute("**/api/v1/templates/preview")
    page.keyboard.press("ArrowLeft")
    expect(alert).to_be_hidden()
    expect(page.locator(".canvas-image")).not_to_have_attribute("src", image)


def test_ctrl_wheel_zooms(editor):
    page = editor
    zoom = page.locator(".toolbar-zoom")
    before = int(zoom.locator("output").inner_text().rstrip("%"))
    page.mouse.move(*centre(page.locator(".canvas-stage")))
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    expect(zoom.get_by_role("button", name="Fit")).to_have_attribute("aria-pressed", "false")
    assert int(zoom.locator("output").inner_text().rstrip("%")) > before


def test_the_shell_gives_each_page_its_own_style_nonce_and_scripts_none(instance):
    seen = set()
    for _ in range(2):
        answer = requests.get(f"{instance.base}/templates/tpl_0abc/edit", timeout=10)
        policy = answer.headers["Content-Security-Policy"]
        [nonce] = re.findall(r'<meta name="csp-nonce" content="([^"]+)">', answer.text)
        assert f"style-src 'self' 'nonce-{nonce}';" in policy
        assert "script-src 'self';" in policy and "unsafe" not in policy
        assert answer.headers["Cache-Control"] == "no-store"
        seen.add(nonce)
    assert len(seen) == 2
    script = requests.get(f"{instance.base}/dashboard/app.js", timeout=10)
    assert "nonce" not in script.headers["Content-Security-Policy"]


def test_a_layer_whose_preview_had_warnings_is_marked_on_its_handle(page, instance):
    key = instance.account("Warnings")
    long = "A headline far too long for its little box, so the renderer has to shrink it " * 3
    template = {**TEMPLATE, "layers": [
        TEMPLATE["layers"][0],
        {**TEMPLATE["layers"][1], "text": long, "width": 160, "height": 40, "overflow": "shrink", "min_font_size": 8},
    ]}
    answer = instance.api("POST", "/templates", key=key, json=template)
    assert answer.status_code == 201, answer.text
    sign_in(page, key)
    page.goto(f"/templates/{answer.json()['id']}/edit")
    expect(handle(page, "title")).to_have_class(re.compile("has-warnings"))
    expect(handle(page, "title")).to_have_attribute("title", re.compile(r"^title: .+"))
    expect(handle(page, "box")).not_to_have_class(re.compile("has-warnings"))


def test_shift_click_adds_and_removes_layers_from_the_selection(editor):
    page = editor
    handle(page, "box").click()
    handle(page, "dot").click(modifiers=["Shift"])
    expect(page.locator(".canvas-handle[aria-pressed='true']")).to_have_count(2)
    # now moveable's group area lies over both: a click goes through it to the layer under the pointer
    page.keyboard.down("Shift")
    page.mouse.click(*centre(handle(page, "box")))
    page.keyboard.up("Shift")
    expect(handle(page, "box")).to_have_attribute("aria-pressed", "false")
    expect(handle(page, "dot")).to_have_attribute("aria-pressed", "true")
    handle(page, "title").click(modifiers=["Control"])
    expect(page.locator(".canvas-handle[aria-pressed='true']")).to_have_count(2)
    zoom = zoom_of(page)
    start = centre(handle(page, "dot"))   # the two move together, title and dot
    with page.expect_request(is_preview) as sent:
        drag(page, start, (start[0] - 30 * zoom, start[1] + 20 * zoom), steps=10)
    layers = layers_of(sent.value)
    assert layers["dot"]["x"] == pytest.approx(570, abs=1) and layers["title"]["x"] - layers["dot"]["x"] == -300
    assert (layers["box"]["x"], layers["box"]["y"]) == (100, 100)
    page.mouse.click(*centre(handle(page, "title")))   # a plain click in the group: that layer alone
    expect(page.locator(".canvas-handle[aria-pressed='true']")).to_have_count(1)
    expect(handle(page, "title")).to_have_attribute("aria-pressed", "true")
    handle(page, "title").click(modifiers=["Control"])   # and out again
    expect(page.locator(".canvas-handle[aria-pressed='true']")).to_have_count(0)
    handle(page, "title").click()
    expect(handle(page, "title")).to_have_attribute("aria-pressed", "true")


def test_a_preview_under_way_shows_a_busy_bar(editor):
    page = editor
    held = []
    page.route("**/api/v1/templates/preview", lambda route: held.append(route))
    handle(page, "box").click()
    page.keyboard.press("ArrowRight")
    region = page.get_by_role("region", name="Canvas")
    expect(region).to_have_class(re.compile("is-busy"))   # held: the answer has not come yet
    expect(region.get_by_role("status").filter(has_text="Updating the preview")).to_have_count(1)
    image = page.locator(".canvas-image").get_attribute("src")
    for _ in range(300):   # until the held request has reached the route (a condition, not a delay)
        if held:
            break
        page.wait_for_timeout(50)
    assert held
    for route in held:
        route.continue_()
    page.unroute("**/api/v1/templates/preview")
    expect(region).not_to_have_class(re.compile("is-busy"))
    expect(page.locator(".canvas-image")).not_to_have_attribute("src", image)


def test_the_handles_are_those_of_the_page_shown(page, instance):
    key = instance.account("Pages")
    template = {"name": "Carousel", "width": 600, "height": 600, "pages": [
        [{"type": "rect", "name": "first", "x": 10, "y": 10, "width": 100, "height": 100, "fill": "#000000"}],
        [{"type": "ellipse", "name": "second", "x": 300, "y": 300, "width": 50, "height": 50, "fill": "#ff0000"},
         {"type": "line", "name": "rule", "x": 50, "y": 500, "width": 500, "stroke_width": 4}],
    ]}
    answer = instance.api("POST", "/templates", key=key, json=template)
    assert answer.status_code == 201, answer.text
    sign_in(page, key)
    page.goto(f"/templates/{answer.json()['id']}/edit")
    expect(page.locator(".canvas-image[src^='data:image/']")).to_be_visible()
    canvas = page.get_by_role("region", name="Canvas")
    expect(canvas.locator("[data-layer]")).to_have_count(1)
    expect(handle(page, "first")).to_be_visible()
    with page.expect_request(is_preview) as sent:
        page.get_by_role("button", name="Page 2").click()
    assert sent.value.post_data_json["page"] == 1
    expect(canvas.locator("[data-layer]")).to_have_count(2)
    # a line (height 0) still has a strip to grab, centred on it
    stage = page.locator(".canvas-stage").bounding_box()
    zoom = stage["width"] / 600
    rule = handle(page, "rule").bounding_box()
    assert rule["height"] == pytest.approx(12, abs=0.5)
    assert rule["y"] + rule["height"] / 2 - stage["y"] == pytest.approx(500 * zoom, abs=1)
    start = centre(handle(page, "rule"))
    with page.expect_request(is_preview) as sent:
        drag(page, start, (start[0], start[1] - 40 * zoom))
    rule_now = sent.value.post_data_json["template"]["pages"][1][1]
    assert rule_now["y"] == pytest.approx(460, abs=1) and rule_now.get("height", 0) == 0


def test_a_double_click_on_a_text_layer_goes_to_its_text(editor):
    page = editor
    handle(page, "title").dblclick()
    text = page.get_by_role("form", name="Properties").get_by_label("Text", exact=True)
    expect(text).to_be_focused()
    expect(text).to_have_value("Hello")
