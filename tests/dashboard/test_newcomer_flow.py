"""The newcomer's first session, end to end, as the issue's "done when" puts it: copy a starter, change its text
and a colour, drag the title, upload a logo, save, render it and run a small CSV batch — by mouse and keyboard
only, against a real Platen and worker. Each step checks what the API then holds, not only what the page shows."""

from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import expect

from .conftest import sign_in


def logo_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (64, 64), (236, 72, 153, 255)).save(out, "PNG")
    return out.getvalue()


def test_a_newcomer_copies_a_starter_edits_it_renders_it_and_runs_a_batch(page, instance, tmp_path):
    key = instance.account("Newcomer")
    sign_in(page, key)

    # copy a starter from the gallery; it appears among the templates, and Edit opens the editor
    page.locator(".starter[data-example='og-blog-card']").get_by_role("button", name="Copy").click()
    card = page.locator(".card").filter(has_text="Blog post OG card")
    expect(card).to_have_count(1)
    card.get_by_role("link", name="Edit").click()
    expect(page).to_have_url(re.compile(r"/templates/tpl_\w+/edit$"))
    template_id = page.url.rstrip("/").split("/")[-2]
    canvas = page.get_by_role("region", name="Canvas")
    first_image = canvas.locator("img.canvas-image")
    expect(first_image).to_have_attribute("src", re.compile(r"^data:image/"))
    before = instance.api("GET", f"/templates/{template_id}", key=key).json()
    title_before = next(layer for layer in before["layers"] if layer["name"] == "title")

    # select the title on the canvas; change its text and colour in Properties: the preview follows
    canvas.locator("[data-layer='title']").click()
    form = page.get_by_role("form", name="Properties")
    shown = first_image.get_attribute("src")
    form.get_by_label("Text", exact=True).fill("Our spring launch is here")
    expect(first_image).not_to_have_attribute("src", shown)
    form.get_by_label("Color", exact=True).fill("#fde047")
    expect(form.get_by_label("Color", exact=True)).to_have_value("#fde047")

    # drag the title 60 screen pixels right and 30 down
    zoom = page.locator(".canvas-stage").evaluate("el => el.getBoundingClientRect().width") / before["width"]
    box = canvas.locator("[data-layer='title']").bounding_box()
    start = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 60, start[1] + 30, steps=10)
    page.mouse.up()
    expect(form.get_by_label("X", exact=True)).not_to_have_value(str(title_before["x"]))

    # upload a logo into the starter's logo layer, chosen in the Layers panel
    page.get_by_role("region", name="Layers").locator(".layer-row[data-layer='logo'] .layer-name").click()
    logo = tmp_path / "our-logo.png"
    logo.write_bytes(logo_png())
    with page.expect_file_chooser() as chooser:   # as a person does it: the button, then the file dialog
        form.locator("label.file-button", has_text="Upload an image…").click()
    chooser.value.set_files(str(logo))
    expect(form.get_by_label("Image URL")).to_have_value(re.compile(r"/files/assets/.+\.png$"))

    # save: the stored template has every change
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Saved version")).to_have_text(
        f"Saved version {before['version'] + 1}")
    saved = instance.api("GET", f"/templates/{template_id}", key=key).json()
    layers = {layer["name"]: layer for layer in saved["layers"]}
    assert saved["version"] == before["version"] + 1
    assert layers["title"]["text"] == "Our spring launch is here"
    assert layers["title"]["color"] == "#fde047"
    # the drag moved the title by the screen distance at the editor's zoom (snapping may take a few pixels)
    assert abs(layers["title"]["x"] - (title_before["x"] + 60 / zoom)) <= 12
    assert abs(layers["title"]["y"] - (title_before["y"] + 30 / zoom)) <= 12
    assert re.search(r"/files/assets/.+\.png$", layers["logo"]["src"])

    # render it: the result shows in "Use it", and the API has the completed render of this template
    page.get_by_role("button", name="Render", exact=True).click()
    result = page.get_by_role("tabpanel", name="Use it").locator(".render-result img")
    expect(result).to_be_visible(timeout=60_000)
    [render] = instance.api("GET", f"/renders?template_id={template_id}", key=key).json()
    assert render["status"] == "completed"

    # a small CSV batch from the Batches page: mapped, run to completion, results downloaded
    rows = tmp_path / "launch.csv"
    rows.write_text("title,author\nSpring launch,Ada\nSummer sale,Grace\nAutumn notes,Katherine\n")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Batches").click()
    page.get_by_label("Template").select_option(template_id)
    page.get_by_label("CSV or Excel file").set_input_files(str(rows))
    expect(page.get_by_label("Field for column title")).to_have_value("title")
    page.get_by_role("button", name="Start batch").click()
    batch = page.locator(".list-row").first
    expect(batch).to_have_attribute("data-status", "completed", timeout=90_000)
    expect(batch.locator(".progress-text")).to_have_text("3 of 3 rows")
    with page.expect_download() as download:
        batch.get_by_role("button", name="results.csv").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert [line.split(",")[0] for line in text.splitlines()[1:]] == ["Spring launch", "Summer sale", "Autumn notes"]
    assert all(",completed," in line for line in text.splitlines()[1:])
