"""The editor's data side against a real Platen and worker: sample data driving the preview, test rows and warnings,
Save with If-Match and its conflicts, the Versions tab, and Use it (render, curl, signed URLs)."""

from __future__ import annotations

import json
import re

import requests
from playwright.sync_api import expect

from .conftest import sign_in

LONG_BOX = {"type": "text", "name": "title", "x": 20, "y": 20, "width": 200, "height": 50, "text": "Hello",
            "font_size": 32, "min_font_size": 10, "color": "#111827", "fields": ["color"]}
CARD = {"name": "Data card", "width": 480, "height": 270, "background": "#f8fafc", "layers": [
    LONG_BOX, {"type": "image", "name": "logo", "x": 360, "y": 150, "width": 100, "height": 100, "src": ""}]}


def create(instance, key, template=CARD) -> dict:
    answer = instance.api("POST", "/templates", key=key, json=template)
    assert answer.status_code == 201, answer.text
    return answer.json()


def open_editor(page, instance, key, template=CARD) -> dict:
    tpl = create(instance, key, template)
    sign_in(page, key, f"/templates/{tpl['id']}/edit")
    expect(page.get_by_role("region", name="Canvas").locator("img.canvas-image")).to_have_attribute(
        "src", re.compile("^data:image/"))
    expect(page.locator(".save-status")).to_have_text("All changes saved")
    return tpl


def latest(instance, key, tpl) -> dict:
    return instance.api("GET", f"/templates/{tpl['id']}", key=key).json()


def is_preview(request) -> bool:
    return request.method == "POST" and request.url.endswith("/api/v1/templates/preview")


def test_the_sample_form_shows_the_fields_and_drives_the_preview(page, instance):
    key = instance.account("Sample form")
    open_editor(page, instance, key)
    page.get_by_role("tab", name="Sample data").click()
    form = page.get_by_role("form", name="Sample data")
    expect(form.locator(".sample-field")).to_have_count(3)
    assert form.locator(".sample-field").evaluate_all("els => els.map(e => e.dataset.field)") == [
        "title", "title.color", "logo"]
    title = form.locator("[data-field='title'] textarea")
    expect(title).to_have_value("Hello")   # the template's own value until the user types
    canvas_image = page.locator("img.canvas-image")
    before = canvas_image.get_attribute("src")
    with page.expect_request(lambda r: is_preview(r) and "Goodbye" in (r.post_data or "")) as sent:
        title.fill("Goodbye world")
    assert json.loads(sent.value.post_data)["fields"] == {"title": "Goodbye world"}
    page.wait_for_function("old => document.querySelector('img.canvas-image').src !== old", arg=before)
    # the working copy gains a layer: the form follows, and what was typed stays
    page.get_by_role("button", name="Add text").click()
    expect(form.locator(".sample-field")).to_have_count(4)
    expect(title).to_have_value("Goodbye world")
    colour = form.locator("[data-field='title.color'] input[type=text]")
    colour.fill("#ff00")   # half-typed: marked, and not sent (the preview would refuse it)
    expect(colour).to_have_attribute("aria-invalid", "true")
    with page.expect_request(lambda r: is_preview(r) and "#ff0055" in (r.post_data or "")) as sent:
        colour.fill("#ff0055")
    expect(colour).not_to_have_attribute("aria-invalid", "true")
    assert json.loads(sent.value.post_data)["fields"] == {"title": "Goodbye world", "title.color": "#ff0055"}


def test_test_rows_switch_the_values_and_warnings_name_the_layer(page, instance):
    key = instance.account("Test rows")
    open_editor(page, instance, key)
    page.get_by_role("tab", name="Sample data").click()
    form = page.get_by_role("form", name="Sample data")
    title = form.locator("[data-field='title'] textarea")
    expect(page.locator(".sample-warnings")).to_contain_text("No warnings")
    rows = page.get_by_role("group", name="Test rows")
    with page.expect_request(lambda r: is_preview(r) and "much longer" in (r.post_data or "")):
        rows.get_by_role("button", name="Long text").click()
    expect(title).to_have_value(re.compile("^This is a much longer piece of text"))
    warning = page.locator(".sample-warnings .warning-item[data-layer='title']")
    expect(warning).to_be_visible()
    expect(warning.locator(".warning-text").first).to_have_attribute("data-code",
                                                                     re.compile("text_shrunk|text_truncated"))
    expect(warning).to_contain_text(re.compile("shrunk|truncated|cut", re.I))
    warning.get_by_role("button", name="title").click()
    expect(page.locator(".canvas-handle[data-layer='title']")).to_have_attribute("aria-pressed", "true")

    rows.get_by_role("button", name="Arabic (RTL)").click()
    expect(title).to_have_value(re.compile("مرحبا"))
    rows.get_by_role("button", name="Japanese").click()
    expect(title).to_have_value(re.compile("新しい"))
    with page.expect_request(lambda r: is_preview(r) and json.loads(r.post_data)["fields"] == {"logo": ""}):
        rows.get_by_role("button", name="Empty image").click()
    expect(title).to_have_value("Hello")
    # the user's own row: kept in this browser, one click brings the values back
    title.fill("Our own headline")
    rows.get_by_role("button", name="Add test row").click()
    dialog = page.get_by_role("dialog", name="Add test row")
    dialog.get_by_label("Name").fill("Launch")
    dialog.get_by_role("button", name="Add").click()
    rows.get_by_role("button", name="Defaults").click()
    expect(title).to_have_value("Hello")
    rows.get_by_role("button", name="Launch", exact=True).click()
    expect(title).to_have_value("Our own headline")
    page.reload()
    page.get_by_role("tab", name="Sample data").click()
    expect(page.get_by_role("group", name="Test rows").get_by_role("button", name="Launch", exact=True)).to_be_visible()


def test_save_sends_if_match_and_leaving_with_unsaved_changes_asks(page, instance):
    key = instance.account("Save")
    tpl = open_editor(page, instance, key)
    page.get_by_role("button", name="Add text").click()
    expect(page.locator(".save-status")).to_have_text("Unsaved changes")
    with page.expect_request(lambda r: r.method == "PUT") as sent:
        page.get_by_role("button", name="Save", exact=True).click()
    assert sent.value.headers["if-match"] == "1"
    expect(page.locator(".save-status")).to_have_text("Saved version 2")
    saved = latest(instance, key, tpl)
    assert saved["version"] == 2 and [layer["name"] for layer in saved["layers"]] == ["title", "logo", "text_1"]
    # Ctrl+S saves too, with the new version in If-Match
    page.get_by_role("button", name="Add text").click()
    with page.expect_request(lambda r: r.method == "PUT") as sent:
        page.keyboard.press("Control+s")
    assert sent.value.headers["if-match"] == "2"
    expect(page.locator(".save-status")).to_have_text("Saved version 3")
    assert len(latest(instance, key, tpl)["layers"]) == 4
    # an in-app link with unsaved changes asks first (the page's own dialog, never window.confirm)
    page.get_by_role("button", name="Add text").click()
    page.locator(".editor-toolbar a.crumb").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Leave without saving?")
    dialog.get_by_role("button", name="Cancel").click()
    assert page.url.endswith(f"/templates/{tpl['id']}/edit")
    page.locator(".editor-toolbar a.crumb").click()
    page.get_by_role("dialog").get_by_role("button", name="Leave without saving").click()
    expect(page).to_have_url(f"{instance.base}/templates")
    assert latest(instance, key, tpl)["version"] == 3
    # Back/Forward with unsaved changes asks too (the Navigation API's navigate event, before the router's popstate)
    page.evaluate("window.sameDocument = true; history.back()")
    expect(page.locator(".save-status")).to_have_text("All changes saved")
    page.get_by_role("button", name="Add text").click()
    expect(page.locator(".save-status")).to_have_text("Unsaved changes")
    page.evaluate("history.forward()")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Leave without saving?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page).to_have_url(f"{instance.base}/templates/{tpl['id']}/edit")
    expect(page.locator(".save-status")).to_have_text("Unsaved changes")
    page.get_by_role("tab", name="Versions").click()   # a user's gesture: a cancelled Back needs a new one
    # (Chromium drops a script's history.forward() right after a cancelled one; navigation.forward() goes through)
    page.evaluate("navigation.forward().committed.catch(() => {}); null")
    page.get_by_role("dialog").get_by_role("button", name="Leave without saving").click()
    expect(page).to_have_url(f"{instance.base}/templates")
    expect(page.locator(".card")).to_have_count(1)
    assert page.evaluate("window.sameDocument") is True   # all in the page: no reload, no beforeunload


def test_a_template_the_api_refuses_shows_its_message_and_selects_the_layer(page, instance, watch):
    watch.allow("status of 422")   # the browser logs the refused save by itself
    key = instance.account("Refused")
    tpl = open_editor(page, instance, key)
    page.get_by_role("button", name="Add text").click()
    # The editor checks as it goes, so the server's 422 is rare; it is stood in for here, as the API words it.
    refusal = {"error": "validation_failed", "status": 422, "request_id": "req_test",
               "message": "layers[1].src: must be an http(s) or data: URL.", "details": {"path": "layers[1].src"}}
    page.route(f"**/api/v1/templates/{tpl['id']}", lambda route: route.fulfill(status=422, json=refusal)
               if route.request.method == "PUT" else route.fallback())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".save-status")).to_have_text("Not saved: layers[1].src: must be an http(s) or data: URL.")
    expect(page.locator(".canvas-handle[data-layer='logo']")).to_have_attribute("aria-pressed", "true")
    assert latest(instance, key, tpl)["version"] == 1


def test_a_render_that_fails_says_why(page, instance, watch):
    watch.allow("status of 422")   # the failed render (and the preview refusing the same picture)
    key = instance.account("Render fails")
    failing = {**CARD, "layers": [LONG_BOX, {**CARD["layers"][1], "on_error": "fail"}]}
    open_editor(page, instance, key, failing)
    page.get_by_role("tab", name="Sample data").click()
    page.get_by_role("form", name="Sample data").locator("[data-field='logo'] input").fill(
        f"{instance.base}/files/no-such-picture.png")
    page.get_by_role("button", name="Render", exact=True).click()
    error = page.get_by_role("tabpanel", name="Use it").locator(".render-result .error-text")
    expect(error).to_contain_text(re.compile(r"^Render failed: .*logo", re.I), timeout=60_000)


def test_a_version_conflict_reloads_theirs_or_overwrites_with_mine(page, instance, watch):
    watch.allow("409 (CONFLICT)")   # the browser logs the API's 409 by itself
    key = instance.account("Conflict")
    tpl = open_editor(page, instance, key)
    page.get_by_role("button", name="Add text").click()
    theirs = instance.api("PATCH", f"/templates/{tpl['id']}", key=key, json={"background": "#111827"})
    assert theirs.json()["version"] == 2
    page.get_by_role("button", name="Save", exact=True).click()
    dialog = page.get_by_role("dialog", name="Someone else saved this template")
    expect(dialog).to_contain_text("Version 2 is on the server now; you started from version 1.")
    dialog.get_by_role("button", name="Reload theirs").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".save-status")).to_have_text("Reloaded version 2")
    expect(page.locator(".canvas-handle[data-layer='text_1']")).to_have_count(0)
    now = latest(instance, key, tpl)
    assert now["version"] == 2 and now["background"] == "#111827" and len(now["layers"]) == 2

    page.get_by_role("button", name="Add text").click()
    assert instance.api("PATCH", f"/templates/{tpl['id']}", key=key, json={"name": "Renamed"}).json()["version"] == 3
    page.get_by_role("button", name="Save", exact=True).click()
    dialog = page.get_by_role("dialog", name="Someone else saved this template")
    expect(dialog).to_contain_text("Version 3 is on the server now; you started from version 2.")
    with page.expect_request(lambda r: r.method == "PUT") as sent:
        dialog.get_by_role("button", name="Overwrite with mine").click()
    assert sent.value.headers["if-match"] == "3"
    expect(page.locator(".save-status")).to_have_text("Saved version 4")
    now = latest(instance, key, tpl)
    assert now["version"] == 4 and now["name"] == "Data card"
    assert [layer["name"] for layer in now["layers"]] == ["title", "logo", "text_1"]


def test_versions_lists_previews_and_restores(page, instance, watch):
    key = instance.account("Versions")
    tpl = create(instance, key)
    second = {**CARD, "layers": [{**LONG_BOX, "text": "Second"}, CARD["layers"][1]]}
    assert instance.api("PUT", f"/templates/{tpl['id']}", key=key, json=second).json()["version"] == 2
    sign_in(page, key, f"/templates/{tpl['id']}/edit")
    page.get_by_role("tab", name="Versions").click()
    versions = page.get_by_role("list", name="Saved versions")
    expect(versions.locator("li")).to_have_count(2)
    assert versions.locator("li").evaluate_all("els => els.map(e => e.dataset.version)") == ["2", "1"]
    expect(versions.locator("li[data-version='2']")).to_contain_text("current")
    versions.get_by_role("button", name="Version 1").click()
    expect(page.locator("img.version-image")).to_have_attribute("src", re.compile("^data:image/jpeg;base64,"))
    assert page.locator("img.version-image").evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    # unsaved changes: restoring asks first
    page.get_by_role("button", name="Add text").click()
    page.get_by_role("button", name="Restore this version").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text("Restore version 1?")
    expect(dialog).to_contain_text("Your unsaved changes will be lost.")
    dialog.get_by_role("button", name="Restore", exact=True).click()
    expect(versions.locator("li")).to_have_count(3)
    expect(versions.locator("li").first).to_have_attribute("data-version", "3")
    expect(page.locator(".save-status")).to_have_text("All changes saved")
    now = latest(instance, key, tpl)
    assert now["version"] == 3 and now["layers"][0]["text"] == "Hello" and len(now["layers"]) == 2
    expect(page.locator(".canvas-handle[data-layer='text_1']")).to_have_count(0)


def test_render_shows_the_result_curl_and_a_signed_url_that_answers_an_image(page, instance):
    key = instance.account("Use it")
    tpl = open_editor(page, instance, key)
    page.get_by_role("tab", name="Sample data").click()
    page.get_by_role("group", name="Test rows").get_by_role("button", name="Long text").click()
    page.get_by_role("button", name="Add text").click()   # unsaved: Render saves first
    page.get_by_role("button", name="Render", exact=True).click()
    use = page.get_by_role("tabpanel", name="Use it")
    expect(use).to_be_visible()
    image = use.locator("img.render-image")
    expect(image).to_be_visible(timeout=60_000)
    assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") == 480
    expect(use.locator(".render-result .warning-text").first).to_contain_text(re.compile("title: .*(shrunk|truncat)",
                                                                                         re.I))
    href = use.get_by_role("link", name="Open the file").get_attribute("href")
    got = requests.get(href, timeout=30)
    assert got.status_code == 200 and got.headers["Content-Type"] == "image/png"
    assert latest(instance, key, tpl)["version"] == 2   # saved before rendering
    [render] = instance.api("GET", "/renders", key=key).json()
    assert render["template_version"] == 2 and render["url"] == href

    expect(use.locator(".template-id")).to_have_text(tpl["id"])
    curl = use.locator("pre.curl").inner_text()
    assert tpl["id"] in curl and "$PLATEN_API_KEY" in curl and "much longer" in curl
    assert f"{instance.base}/api/v1/renders" in curl

    signed = use.get_by_role("form", name="Signed URL builder")
    signed.locator(".signed-field[data-field='title'] input[type=text]").fill("Signed hello")
    expect(signed.get_by_label("Include Title", exact=True)).to_be_checked()
    signed.get_by_label("Format").select_option("jpeg")
    signed.get_by_role("button", name="Get signed URL").click()
    url = signed.get_by_role("textbox", name="Signed URL").input_value()
    assert url.startswith(f"{instance.base}/render/{tpl['id']}.jpg?") and "s=" in url
    got = requests.get(url, timeout=60)
    assert got.status_code == 200 and got.headers["Content-Type"] == "image/jpeg" and got.content[:2] == b"\xff\xd8"
    expect(signed.get_by_role("link", name="Open")).to_have_attribute("href", url)
