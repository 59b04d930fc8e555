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


def sent_after(page, action, check=lambda template: True):
    """The working copy of the first POST /templates/preview after ``action`` whose template passes ``check``."""
    def wanted(request):
        if not (request.url.endswith("/api/v1/templates/preview") and request.method == "POST"):
            return False
        return bool(check(request.post_data_json["template"]))
    with page.expect_request(wanted) as req:
        action()
    return req.value.post_data_json["template"]


def by_name(template, name, page_index=None):
    layers = template["pages"][page_index] if page_index is not None else template.get("layers") or \
        [layer for p in template.get("pages", []) for layer in p]
    return next((layer for layer in layers if layer["name"] == name), None)


def properties(page):
    return page.get_by_role("form", name="Properties")


def canvas_image(page):
    return page.get_by_role("region", name="Canvas").locator("img.canvas-image")


def wait_for_preview(page):
    expect(canvas_image(page)).to_have_attribute("src", re.compile(r"^data:image/"))
    return canvas_image(page).get_attribute("src")


TEXT = {"type": "text", "name": "title", "x": 20, "y": 20, "width": 400, "height": 120, "text": "Hello",
        "font_size": 40, "color": "#111111"}


def test_each_add_button_adds_a_layer_of_its_type_and_selects_it(page, instance):
    key = instance.account("Add")
    open_editor(page, instance, key, make_template(instance, key))
    panel = page.get_by_role("region", name="Layers")
    expect(panel).to_contain_text("Add a layer with the buttons above")
    buttons = [("Add text", "text"), ("Add image", "image"), ("Add rectangle", "rect"), ("Add ellipse", "ellipse"),
               ("Add line", "line"), ("Add QR code", "qr")]
    for count, (label, kind) in enumerate(buttons, start=1):
        sent = sent_after(page, lambda label=label: panel.get_by_role("button", name=label, exact=True).click(),
                          lambda t, count=count: len(t["layers"]) == count)
        assert sent["layers"][-1]["type"] == kind
        name = sent["layers"][-1]["name"]
        expect(layer_rows(page)).to_have_count(count)
        expect(layer_rows(page).first).to_have_attribute("data-layer", name)   # front-most first
        expect(layer_rows(page).first).to_have_class(re.compile("selected"))
        expect(properties(page).get_by_label("Name", exact=True)).to_have_value(name)
    expect(panel).not_to_contain_text("Add a layer with the buttons above")


def test_renaming_checks_the_name_rules_as_you_type(page, instance):
    key = instance.account("Rename")
    open_editor(page, instance, key, make_template(instance, key, layers=[
        TEXT, {"type": "rect", "name": "box", "fill": "#eeeeee", "shown_with": "title"}]))
    row = layer_rows(page).filter(has=page.locator("[data-layer='title']")).or_(
        page.locator(".layer-row[data-layer='title']"))
    row.locator(".layer-name").click()
    row.get_by_role("button", name="Rename title").click()
    box = page.get_by_label("New name for title")
    expect(box).to_be_focused()
    box.fill("big title")
    expect(row).to_contain_text("Use 1–64 letters, digits, _ or - (no spaces).")
    box.fill("format")
    expect(row).to_contain_text("reserved")
    box.fill("BOX")
    expect(row).to_contain_text('Another layer is already named "box".')
    box.press("Enter")            # refused: still renaming
    expect(box).to_be_visible()
    box.press("Escape")           # cancelled: the old name
    expect(page.locator(".layer-row[data-layer='title'] .layer-name")).to_have_text("title")
    page.locator(".layer-row[data-layer='title'] .layer-name").dblclick()
    sent = sent_after(page, lambda: (page.get_by_label("New name for title").fill("headline"),
                                     page.get_by_label("New name for title").press("Enter")),
                      lambda t: by_name(t, "headline") is not None)
    assert by_name(sent, "title") is None
    assert by_name(sent, "box")["shown_with"] == "headline"   # what pointed at it follows
    expect(page.locator(".layer-row[data-layer='headline'] .layer-name")).to_have_text("headline")
    expect(properties(page).get_by_label("Name", exact=True)).to_have_value("headline")


def test_hide_lock_reorder_and_delete(page, instance):
    key = instance.account("Rows")
    layers = [{"type": "rect", "name": name, "x": 10 * i, "y": 10, "width": 50, "height": 50, "fill": "#3366ff"}
              for i, name in enumerate(("back", "middle", "front"))]
    open_editor(page, instance, key, make_template(instance, key, layers=layers))
    expect(layer_rows(page)).to_have_count(3)
    names = lambda: [r.get_attribute("data-layer") for r in layer_rows(page).all()]  # noqa: E731
    assert names() == ["front", "middle", "back"]
    panel = page.get_by_role("region", name="Layers")

    sent = sent_after(page, lambda: panel.get_by_role("button", name="Hide middle").click(),
                      lambda t: by_name(t, "middle").get("hidden"))
    assert by_name(sent, "middle")["hidden"] is True
    expect(page.locator(".layer-row[data-layer='middle']")).to_have_class(re.compile("is-hidden"))
    sent = sent_after(page, lambda: panel.get_by_role("button", name="Show middle").click(),
                      lambda t: "hidden" not in by_name(t, "middle"))
    sent = sent_after(page, lambda: panel.get_by_role("button", name="Lock back").click(),
                      lambda t: by_name(t, "back").get("locked"))
    assert by_name(sent, "back")["locked"] is True
    expect(panel.get_by_role("button", name="Unlock back")).to_have_attribute("aria-pressed", "true")

    page.locator(".layer-row[data-layer='back'] .layer-name").click()
    sent = sent_after(page, lambda: panel.get_by_role("button", name="Move back up").click(),
                      lambda t: [x["name"] for x in t["layers"]] == ["middle", "back", "front"])
    expect(layer_rows(page)).to_have_count(3)
    assert names() == ["front", "back", "middle"]
    expect(panel.get_by_role("button", name="Move back up")).to_be_focused()   # the keyboard stays on it
    sent_after(page, lambda: page.keyboard.press("Enter"),
               lambda t: [x["name"] for x in t["layers"]] == ["middle", "front", "back"])
    expect(panel.get_by_role("button", name="Move back up")).to_be_disabled()

    # drag and drop: "middle" dropped on the upper half of "front" goes just in front of it
    target = page.locator(".layer-row[data-layer='front']")
    sent = sent_after(page, lambda: page.locator(".layer-row[data-layer='middle'] .layer-icon").drag_to(
        target, target_position={"x": 30, "y": 4}),
        lambda t: [x["name"] for x in t["layers"]] == ["front", "middle", "back"])
    assert names() == ["back", "middle", "front"]

    page.locator(".layer-row[data-layer='middle'] .layer-name").click()
    sent = sent_after(page, lambda: panel.get_by_role("button", name="Delete middle").click(),
                      lambda t: len(t["layers"]) == 2)
    assert [x["name"] for x in sent["layers"]] == ["front", "back"]
    assert names() == ["back", "front"]


def test_locked_round_trips_through_the_api(instance):
    key = instance.account("Locked")
    template_id = make_template(instance, key, layers=[{**TEXT, "locked": True}])
    assert instance.api("GET", f"/templates/{template_id}", key=key).json()["layers"][0]["locked"] is True
    answer = instance.api("PUT", f"/templates/{template_id}", key=key,
                          json={"name": "Panels", "width": 600, "height": 400, "layers": [{**TEXT, "locked": 1}]})
    assert answer.status_code == 422
    assert answer.json()["details"]["path"] == "layers[0].locked"


def test_editing_text_size_and_colour_changes_the_preview(page, instance):
    key = instance.account("Props")
    open_editor(page, instance, key, make_template(instance, key, layers=[TEXT]))
    before = wait_for_preview(page)
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    form = properties(page)
    expect(form.get_by_label("Text", exact=True)).to_have_value("Hello")
    for label in ("X", "Y", "Width", "Height", "Font size", "Color"):
        expect(form.get_by_label(label, exact=True)).to_be_visible()

    sent_after(page, lambda: form.get_by_label("Text", exact=True).fill("Goodbye, world"),
               lambda t: by_name(t, "title")["text"] == "Goodbye, world")
    expect(canvas_image(page)).not_to_have_attribute("src", before)
    after_text = canvas_image(page).get_attribute("src")
    sent_after(page, lambda: form.get_by_label("Font size", exact=True).fill("22"),
               lambda t: by_name(t, "title")["font_size"] == 22)
    expect(canvas_image(page)).not_to_have_attribute("src", after_text)
    after_size = canvas_image(page).get_attribute("src")
    sent_after(page, lambda: form.get_by_label("Color", exact=True).fill("#e11d48"),
               lambda t: by_name(t, "title")["color"] == "#e11d48")
    expect(canvas_image(page)).not_to_have_attribute("src", after_size)
    expect(form.get_by_label("Choose text colour")).to_have_value("#e11d48")
    # a colour name or hex without # is taken as the colour it names; something else says what to type
    sent_after(page, lambda: form.get_by_label("Color", exact=True).fill("gold"),
               lambda t: by_name(t, "title")["color"] == "#ffd700")
    form.get_by_label("Color", exact=True).blur()
    expect(form.get_by_label("Color", exact=True)).to_have_value("#ffd700")
    sent_after(page, lambda: form.get_by_label("Color", exact=True).fill("e11d48"),
               lambda t: by_name(t, "title")["color"] == "#e11d48")
    form.get_by_label("Color", exact=True).fill("reddish")
    expect(form).to_contain_text("Type a colour like #ffd166 or a name like gold, or pick one with the swatch.")
    expect(form.get_by_label("Color", exact=True)).to_have_attribute("aria-invalid", "")

    # typing key by key while previews come back: the caret stays, every key lands, and it is one undo step
    box = form.get_by_label("Text", exact=True)
    box.press("End")
    sent_after(page, lambda: box.press_sequentially(" there", delay=40),
               lambda t: by_name(t, "title")["text"] == "Goodbye, world there")
    expect(box).to_have_value("Goodbye, world there")
    expect(box).to_be_focused()
    page.get_by_role("button", name="Undo").click()
    expect(box).to_have_value("Goodbye, world")
    # a negative number typed from its minus sign
    x = form.get_by_label("X", exact=True)
    x.fill("")
    sent_after(page, lambda: (x.focus(), page.keyboard.type("-15")), lambda t: by_name(t, "title").get("x") == -15)
    # a cleared optional box goes back to the default, shown as its placeholder
    sent_after(page, lambda: form.get_by_label("Font size", exact=True).fill(""),
               lambda t: "font_size" not in by_name(t, "title"))
    expect(form.get_by_label("Font size", exact=True)).to_have_attribute("placeholder", "48")
    # a select: the default is left out of the template
    sent_after(page, lambda: form.get_by_label("Align", exact=True).select_option("center"),
               lambda t: by_name(t, "title").get("align") == "center")
    # Undo puts the form back without a reload
    page.get_by_role("button", name="Undo").click()
    expect(form.get_by_label("Align", exact=True)).to_have_value("start")
    page.get_by_role("button", name="Undo").click()
    expect(form.get_by_label("Font size", exact=True)).to_have_value("22")


def test_a_warning_from_the_preview_shows_beside_its_layer(page, instance):
    key = instance.account("Warn")
    long = {**TEXT, "width": 120, "height": 40, "text": "A title far too long for its little box, " * 3}
    open_editor(page, instance, key, make_template(instance, key, layers=[long]))
    badge = page.locator(".layer-row[data-layer='title']").get_by_role("img", name=re.compile("Warnings for title"))
    expect(badge).to_be_visible()
    assert badge.get_attribute("title")


def test_canvas_size_from_a_preset_or_custom(page, instance, tmp_path):
    key = instance.account("Size")
    formats = instance.api("GET", "/formats", key=key).json()
    square = next(f for f in formats if f["name"] == "instagram_post")
    open_editor(page, instance, key, make_template(instance, key))
    settings = page.get_by_role("form", name="Canvas settings")
    expect(settings.get_by_label("Size")).to_have_value("custom")   # 600×400 is no preset
    sent = sent_after(page, lambda: settings.get_by_label("Size").select_option("instagram_post"),
                      lambda t: t["width"] == square["width"])
    assert (sent["width"], sent["height"]) == (square["width"], square["height"])
    expect(settings.get_by_label("Width", exact=True)).to_have_value(str(square["width"]))
    sent = sent_after(page, lambda: settings.get_by_label("Width", exact=True).fill("700"),
                      lambda t: t["width"] == 700)
    expect(settings.get_by_label("Size")).to_have_value("custom")
    sent = sent_after(page, lambda: settings.get_by_label("Background colour", exact=True).fill("#0f172a"),
                      lambda t: t["background"] == "#0f172a")
    sent = sent_after(page, lambda: settings.get_by_label("Background type").select_option("gradient"),
                      lambda t: isinstance(t["background"], dict))
    assert sent["background"]["type"] == "linear" and len(sent["background"]["stops"]) == 2
    sent = sent_after(page, lambda: settings.get_by_label("Angle").fill("90"),
                      lambda t: isinstance(t["background"], dict) and t["background"]["angle"] == 90)
    backdrop = tmp_path / "backdrop.png"
    backdrop.write_bytes(png(60, 40, (10, 10, 80)))
    sent_after(page, lambda: settings.get_by_label("Background type").select_option("image"),
               lambda t: isinstance(t["background"], dict) and "src" in t["background"])
    sent = sent_after(page, lambda: settings.get_by_label("Upload background image").set_input_files(str(backdrop)),
                      lambda t: t["background"].get("src"))
    assert re.search(r"/files/assets/.+\.png$", sent["background"]["src"])
    sent_after(page, lambda: settings.get_by_label("DPI").fill("300"), lambda t: t.get("dpi") == 300)
    sent_after(page, lambda: settings.get_by_label("Public").check(), lambda t: t.get("public") is True)


def test_pages_are_added_switched_and_deleted(page, instance):
    key = instance.account("Pages")
    open_editor(page, instance, key, make_template(instance, key, layers=[TEXT]))
    strip = page.get_by_role("navigation", name="Pages")
    expect(strip.get_by_role("button")).to_have_text(["Page 1", "Add page"])
    sent = sent_after(page, lambda: strip.get_by_role("button", name="Add page").click(),
                      lambda t: "pages" in t)
    assert len(sent["pages"]) == 2 and sent["pages"][1] == []
    expect(strip.get_by_role("button", name="Page 2")).to_have_attribute("aria-current", "true")
    expect(layer_rows(page)).to_have_count(0)
    page.get_by_role("button", name="Add ellipse").click()
    expect(layer_rows(page)).to_have_count(1)
    strip.get_by_role("button", name="Page 1").click()
    expect(strip.get_by_role("button", name="Page 1")).to_have_attribute("aria-current", "true")
    expect(layer_rows(page)).to_have_count(1)
    expect(layer_rows(page).first).to_have_attribute("data-layer", "title")
    sent = sent_after(page, lambda: strip.get_by_role("button", name="Move page right").click(),
                      lambda t: "pages" in t and t["pages"][1] and t["pages"][1][0]["name"] == "title")
    expect(strip.get_by_role("button", name="Page 2")).to_have_attribute("aria-current", "true")
    strip.get_by_role("button", name="Delete page").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Delete page 2 and its 1 layer?")
    sent = sent_after(page, lambda: dialog.get_by_role("button", name="Delete").click(), lambda t: "layers" in t)
    assert [x["type"] for x in sent["layers"]] == ["ellipse"]
    expect(strip.get_by_role("button")).to_have_text(["Page 1", "Add page"])


def test_an_image_is_uploaded_by_file_input_and_by_a_drop(page, instance, watch, tmp_path):
    key = instance.account("Assets")
    open_editor(page, instance, key, make_template(instance, key))
    wait_for_preview(page)
    page.get_by_role("button", name="Add image").click()
    form = properties(page)
    photo = tmp_path / "photo.png"
    photo.write_bytes(png(60, 30))
    sent = sent_after(page, lambda: form.get_by_label("Upload image").set_input_files(str(photo)),
                      lambda t: t["layers"][0].get("src"))
    url = sent["layers"][0]["src"]
    assert re.search(r"/files/assets/.+\.png$", url)
    expect(form.get_by_label("Image URL")).to_have_value(url)

    # a drop on the canvas: a new image layer where it fell, sized to the picture (2:1)
    drop = """([bytes, name, type]) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type }));
        const region = document.querySelector("[aria-label='Canvas']");
        const box = region.getBoundingClientRect();
        const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, dataTransfer: data,
                     bubbles: true, cancelable: true };
        region.dispatchEvent(new DragEvent("dragover", at));
        region.dispatchEvent(new DragEvent("drop", at));
    }"""
    sent = sent_after(page, lambda: page.evaluate(drop, [list(png(80, 40, (0, 128, 0))), "Logo mark.png",
                                                         "image/png"]),
                      lambda t: len(t["layers"]) == 2)
    dropped = sent["layers"][1]
    assert dropped["type"] == "image" and re.search(r"/files/assets/.+\.png$", dropped["src"])
    assert dropped["name"].startswith("Logo_mark")
    assert dropped["width"] == 2 * dropped["height"]
    expect(layer_rows(page).first).to_have_attribute("data-layer", dropped["name"])
    # a refused upload says why, with the API's message
    watch.allow("415")
    page.evaluate(drop, [list(b"%PDF-1.4 not an image"), "notes.png", "image/png"])
    expect(page.get_by_role("region", name="Layers").get_by_role("alert")).to_contain_text(
        "notes.png was not uploaded")
    expect(layer_rows(page)).to_have_count(2)


def test_a_font_is_uploaded_and_used(page, instance, watch, tmp_path):
    assert FONT is not None, "no .ttf under /usr/share/fonts"
    key = instance.account("Fonts")
    open_editor(page, instance, key, make_template(instance, key, layers=[TEXT]))
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    form = properties(page)
    sent = sent_after(page, lambda: form.get_by_label("Upload a font").set_input_files(str(FONT)),
                      lambda t: by_name(t, "title").get("font"))
    [font] = instance.api("GET", "/fonts", key=key).json()
    assert by_name(sent, "title")["font"] == font["family"]
    expect(form.get_by_label("Font", exact=True)).to_have_value(font["family"])
    sent = sent_after(page, lambda: form.get_by_label("Font", exact=True).select_option("Noto Sans"),
                      lambda t: by_name(t, "title").get("font") == "Noto Sans")
    # every family the instance has (GET /fonts/families) is offered, beyond the common ones
    installed = [f["family"] for f in instance.api("GET", "/fonts/families", key=key).json()
                 if f["source"] == "installed"]
    assert "Noto Serif Display" in installed
    select = form.get_by_label("Font", exact=True)
    expect(select.locator("optgroup[label='All installed'] option[value='Noto Serif Display']")).to_have_count(1)
    expect(select.locator("optgroup[label='Uploaded'] option")).to_have_text([font["family"]])
    sent_after(page, lambda: form.get_by_label("Font", exact=True).select_option(font["family"]),
               lambda t: by_name(t, "title").get("font") == font["family"])
    # a file that is no font is refused with the API's message, and the font stays
    watch.allow("status of 4")
    not_font = tmp_path / "logo.ttf"
    not_font.write_bytes(png())
    form.get_by_label("Upload a font").set_input_files(str(not_font))
    expect(form.get_by_role("alert")).to_contain_text("logo.ttf was not uploaded: ")
    expect(form.get_by_label("Font", exact=True)).to_have_value(font["family"])


def test_user_strings_in_the_panels_stay_text(page, instance):
    key = instance.account("Strings")
    evil = "<img src=x onerror=alert(1)>"
    open_editor(page, instance, key, make_template(instance, key, name=evil, layers=[{**TEXT, "text": evil}]))
    expect(page.get_by_role("form", name="Canvas settings").get_by_label("Name", exact=True)).to_have_value(evil)
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    expect(properties(page).get_by_label("Text", exact=True)).to_have_value(evil)
    assert page.locator("img[src='x']").count() == 0


def test_several_selected_layers_are_aligned_duplicated_and_deleted(page, instance):
    key = instance.account("Many")
    layers = [{"type": "rect", "name": name, "x": x, "y": y, "width": 50, "height": 40, "fill": "#3366ff"}
              for name, x, y in (("one", 30, 20), ("two", 200, 150))]
    open_editor(page, instance, key, make_template(instance, key, layers=layers))
    wait_for_preview(page)
    page.locator(".layer-row[data-layer='one'] .layer-name").click()
    page.locator(".layer-row[data-layer='two'] .layer-name").click(modifiers=["Shift"])
    expect(page.locator(".layer-row.selected")).to_have_count(2)
    side = page.get_by_role("tabpanel", name="Design")
    expect(side).to_contain_text("2 layers selected")
    sent = sent_after(page, lambda: side.get_by_role("button", name="Align left").click(),
                      lambda t: by_name(t, "two")["x"] == 30)
    assert by_name(sent, "one")["x"] == 30 and by_name(sent, "two")["y"] == 150
    sent = sent_after(page, lambda: side.get_by_role("button", name="Duplicate").click(),
                      lambda t: len(t["layers"]) == 4)
    expect(page.locator(".layer-row.selected")).to_have_count(2)
    sent = sent_after(page, lambda: side.get_by_role("button", name="Delete").click(),
                      lambda t: len(t["layers"]) == 2)
    assert sorted(x["name"] for x in sent["layers"]) == ["one", "two"]
    expect(page.get_by_role("form", name="Canvas settings")).to_be_visible()
