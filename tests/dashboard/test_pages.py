"""The dashboard's pages against a real Platen and worker: templates, keys, batches, renders, webhooks, usage."""

from __future__ import annotations

import datetime as dt
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from .conftest import sign_in


def test_copy_a_starter_and_see_it_in_the_gallery_with_its_preview(page, instance, watch):
    key = instance.account("Starter")
    sign_in(page, key)
    expect(page.get_by_text("No templates yet.")).to_be_visible()
    starters = instance.api("GET", "/templates/examples", key=key).json()
    first = starters[0]
    page.locator(f".starter[data-example='{first['name']}']").get_by_role("button", name="Copy").click()
    card = page.locator(".card")
    expect(card).to_have_count(1)
    [copied] = instance.api("GET", "/templates", key=key).json()
    expect(card.locator(".card-title")).to_have_text(copied["name"])
    expect(card.locator("img.thumb-img[src^='blob:']")).to_be_visible()   # fetched with the key
    # visible is not loaded: decode() waits for the image (and fails the test if it cannot load)
    assert card.locator("img.thumb-img").evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    # shown, and its blob given back: a gallery visited again and again does not pile up the images' bytes
    watch.allow("ERR_FILE_NOT_FOUND @ {'url': 'blob:")   # the probe below, loading the freed blob: URL again
    expect(card.locator(".thumb")).not_to_have_class(re.compile("loading-thumb"))
    assert card.locator("img.thumb-img").evaluate(
        "img => new Promise(done => { const again = new Image(); again.onload = () => done('kept');"
        " again.onerror = () => done('freed'); again.src = img.src; })") == "freed"


def test_starter_cards_show_their_thumbnails_sorted_by_title(page, instance):
    key = instance.account("Starter cards")
    sign_in(page, key)
    starters = instance.api("GET", "/templates/examples", key=key).json()
    titles = sorted((s["title"] for s in starters), key=str.casefold)
    cards = page.locator(".starter")
    expect(cards.locator("h3")).to_have_text(titles)   # by the name on the card, not the file name
    assert titles != [s["title"] for s in sorted(starters, key=lambda s: s["name"])]   # the order differs
    thumbs = cards.locator("img.thumb-img")
    for i in range(len(starters)):   # each drawn from GET /templates/examples/{name}/preview.jpg, with the key
        expect(thumbs.nth(i)).to_have_attribute("src", re.compile("^blob:"), timeout=60_000)
        expect(cards.nth(i).locator(".thumb")).not_to_have_class(re.compile("loading-thumb|thumb-failed"))
    widths = thumbs.evaluate_all("imgs => Promise.all(imgs.map(img => img.decode().then(() => img.naturalWidth)))")
    assert all(0 < w <= 640 for w in widths), widths
    expect(thumbs.first).to_have_attribute("alt", titles[0])


def test_search_duplicate_and_delete_a_template(page, instance):
    key = instance.account("Gallery")
    for name in ("Summer sale", "Winter sale", "Webinar"):
        assert instance.api("POST", "/templates", key=key,
                            json={"name": name, "width": 300, "height": 200, "layers": []}).status_code == 201
    sign_in(page, key)
    expect(page.locator(".card")).to_have_count(3)
    page.get_by_label("Search templates").fill("sale")
    expect(page.locator(".card-title")).to_have_text(["Winter sale", "Summer sale"])
    expect(page).to_have_url(f"{instance.base}/templates?q=sale")
    page.get_by_label("Search templates").fill("nothing like it")
    expect(page.get_by_text("No template's name contains")).to_be_visible()
    page.get_by_label("Search templates").fill("Webinar")
    expect(page.locator(".card")).to_have_count(1)
    page.locator(".card").get_by_role("button", name="Duplicate").click()
    expect(page.locator(".card-title")).to_have_text(["Copy of Webinar", "Webinar"])
    page.locator(".card", has_text="Copy of Webinar").get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Delete “Copy of Webinar”?")
    dialog.get_by_role("button", name="Delete").click()
    expect(page.locator(".card-title")).to_have_text(["Webinar"])
    names = [t["name"] for t in instance.api("GET", "/templates", key=key).json()]
    assert sorted(names) == ["Summer sale", "Webinar", "Winter sale"]


def test_a_new_template_from_a_preset_opens_its_edit_page(page, instance):
    key = instance.account("Presets")
    sign_in(page, key)
    page.get_by_role("button", name="New template").first.click()
    dialog = page.get_by_role("dialog", name="New template")
    dialog.get_by_label("Name").fill("Launch card")
    dialog.get_by_label("Size").select_option("instagram_post")
    dialog.get_by_role("button", name="Create").click()
    expect(page).to_have_url(re.compile(r"/templates/tpl_\w+/edit$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Launch card")
    [tpl] = instance.api("GET", "/templates", key=key).json()
    assert (tpl["name"], tpl["width"], tpl["height"]) == ("Launch card", 1080, 1080)
    assert page.url == f"{instance.base}/templates/{tpl['id']}/edit"
    expect(page.get_by_role("region", name="Canvas")).to_be_visible()


def test_an_api_error_is_shown_with_its_message(page, instance, watch):
    watch.allow("404")   # the browser logs the API's 404 by itself
    key = instance.account("Errors")
    sign_in(page, key, "/templates/tpl_doesnotexist/edit")
    expect(page.get_by_role("alert")).to_contain_text("tpl_doesnotexist")


def test_create_a_key_see_its_secret_once_and_revoke_it(page, instance):
    key = instance.account("Keys")
    sign_in(page, key, "/keys")
    expect(page.locator("tbody tr")).to_have_count(1)
    page.get_by_role("button", name="New key").click()
    dialog = page.get_by_role("dialog", name="New API key")
    dialog.get_by_label("Label").fill("Zapier")
    dialog.get_by_label("Mode").select_option("test")
    dialog.get_by_label("keys:write").uncheck()
    dialog.get_by_label("hooks:write").uncheck()
    dialog.get_by_role("button", name="Create key").click()
    secret = page.locator("#secret-value")
    expect(secret).to_have_text(re.compile(r"^plt_test_\S+$"))
    new_secret = secret.inner_text()
    me = instance.api("GET", "/me", key=new_secret).json()
    assert (me["key_label"], me["mode"]) == ("Zapier", "test")
    assert "hooks:write" not in me["scopes"] and "keys:write" not in me["scopes"]
    row = page.locator("tbody tr", has_text="Zapier")
    expect(row).to_contain_text(new_secret[-4:])
    page.reload()   # shown once: gone after a reload, and the list never has it
    expect(page.locator("tbody tr")).to_have_count(2)
    assert new_secret not in page.content()
    page.locator("tbody tr", has_text="Zapier").get_by_role("button", name="Revoke").click()
    page.get_by_role("dialog").get_by_role("button", name="Revoke").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    assert instance.api("GET", "/me", key=new_secret).status_code == 401


def test_each_scope_checkbox_sits_beside_its_name(page, instance):
    # The dialog's inputs are full width; a checkbox stretched so was drawn a column away from its name.
    sign_in(page, instance.account("Scopes"), "/keys")
    page.get_by_role("button", name="New key").click()
    checks = page.get_by_role("dialog", name="New API key").locator("label.check")
    expect(checks).to_have_count(7)
    for i in range(7):
        label = checks.nth(i).bounding_box()
        box = checks.nth(i).locator("input").bounding_box()
        assert box["width"] < 30 and box["x"] - label["x"] < 8, (checks.nth(i).inner_text(), box, label)


def test_a_csv_batch_runs_to_completion_and_its_results_download(page, instance, tmp_path):
    key = instance.account("Batch")
    tpl = instance.api("POST", "/templates", key=key, json={
        "name": "Badge", "width": 200, "height": 100,
        "layers": [{"type": "text", "name": "title", "text": "Hi", "x": 0, "y": 0, "width": 200,
                    "height": 100}]}).json()
    rows = tmp_path / "people.csv"
    rows.write_text("title\nAda\nGrace\nKatherine\n")
    sign_in(page, key, "/batches")
    expect(page.get_by_text("No batches yet.")).to_be_visible()
    page.get_by_label("Template").select_option(tpl["id"])
    page.get_by_label("CSV or Excel file").set_input_files(str(rows))
    page.get_by_role("button", name="Start batch").click()
    batch = page.locator(".list-row")
    expect(batch).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(batch.locator(".progress-text")).to_have_text("3 of 3 rows")
    assert batch.locator("progress").evaluate("p => p.value === p.max")
    with page.expect_download() as download:
        batch.get_by_role("button", name="results.csv").click()
    path = download.value.path()
    text = open(path, encoding="utf-8-sig").read()
    assert text.splitlines()[0].startswith("title,render_id,status,url")
    assert [line.split(",")[0] for line in text.splitlines()[1:]] == ["Ada", "Grace", "Katherine"]
    assert download.value.suggested_filename.endswith("results.csv")
    # the renders page lists them, with thumbnails from the hosted files, and filters by status
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Renders").click()
    expect(page.locator(".list-row")).to_have_count(3)
    expect(page.locator(".list-row img").first).to_be_visible()
    # visible is not loaded (a race the CI lost once): decode() waits for the image, or fails if it cannot load
    assert page.locator(".list-row img").first.evaluate("img => img.decode().then(() => img.naturalWidth)") == 200
    # "Open file" opens the rendered file itself, in a new tab
    newest = instance.api("GET", "/renders?limit=1", key=key).json()[0]
    with page.expect_popup() as popup:
        page.locator(f".list-row[data-render-id='{newest['id']}']").get_by_role("link", name="Open file").click()
    opened = popup.value
    expect(opened).to_have_url(newest["url"])   # a new tab starts at about:blank: wait for it to get there
    opened.wait_for_load_state()
    assert opened.evaluate("document.contentType") == "image/png"
    opened.close()
    # a row's batch narrows the list to that batch, and the address keeps the filter
    page.locator(".list-row").first.get_by_role("button", name=re.compile(r"^row [123] of a batch$")).click()
    expect(page.get_by_text("Only the renders of batch")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/renders\?batch_id=bat_\w+$"))
    expect(page.locator(".list-row")).to_have_count(3)
    page.get_by_label("Status").select_option("failed")
    expect(page.get_by_text("No renders match these filters.")).to_be_visible()


def test_a_batch_refused_by_the_api_says_why(page, instance, tmp_path, watch):
    watch.allow("422")   # the browser logs the API's refusal by itself
    key = instance.account("Refused")
    tpl = instance.api("POST", "/templates", key=key, json={"name": "T", "width": 100, "height": 100,
                                                              "layers": []}).json()
    bad = tmp_path / "header-only.csv"
    bad.write_text("title\n")
    sign_in(page, key, "/batches")
    page.get_by_label("Template").select_option(tpl["id"])
    page.get_by_label("CSV or Excel file").set_input_files(str(bad))
    expect(page.locator("form .form-error")).to_have_text("file: the CSV has a header but no rows.")
    expect(page.get_by_role("button", name="Start batch")).to_be_disabled()
    # a table none of whose columns is a field cannot start, and says what to do instead
    notes = tmp_path / "notes.txt"
    notes.write_text("not a table\nsome text\n")
    page.get_by_label("CSV or Excel file").set_input_files(str(notes))
    expect(page.locator("form .form-error")).to_be_empty()
    expect(page.get_by_role("group", name="Column mapping")).to_contain_text(
        "No column fills a field yet: choose a field for at least one column.")
    expect(page.get_by_label("Field for column not a table")).to_have_value("")
    expect(page.get_by_role("button", name="Start batch")).to_be_disabled()
    assert instance.api("GET", "/batches", key=key).json() == []


@pytest.fixture
def receiver():
    """A webhook endpoint on loopback that answers 200."""
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"thanks")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()
    server.server_close()


def test_a_webhook_is_created_tested_retried_and_deleted(page, instance, receiver):
    key = instance.account("Hooks")
    sign_in(page, key, "/webhooks")
    expect(page.get_by_text("No webhooks yet.")).to_be_visible()
    page.get_by_role("button", name="New webhook").first.click()
    dialog = page.get_by_role("dialog", name="New webhook")
    dialog.get_by_label("Target URL").fill(receiver)
    dialog.get_by_label("Event").select_option("batch.completed")
    dialog.get_by_role("button", name="Create webhook").click()
    hook = page.locator(".list-row")
    expect(hook).to_contain_text(receiver)
    expect(hook).to_contain_text("batch.completed")
    hook.get_by_role("button", name="Send test event").click()
    delivery = hook.locator("tbody tr")
    _wait_delivered(page, hook, "200")
    delivery.get_by_role("button", name="Retry").click()
    _wait_delivered(page, hook, "200, 200")
    hook.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete").click()
    expect(page.get_by_text("No webhooks yet.")).to_be_visible()
    assert instance.api("GET", "/hooks", key=key).json() == []


def _wait_delivered(page, hook, answers: str) -> None:
    """The worker delivers; the open log follows a pending delivery until it is answered."""
    expect(hook.locator("tbody tr").first.locator("td").nth(2)).to_have_text(answers, timeout=30_000)
    expect(hook.locator("tbody tr").first.locator("td").nth(1)).to_have_text("succeeded")


def test_usage_shows_credits_used_and_left(page, instance):
    key = instance.account("Usage")
    usage = instance.api("GET", "/usage", key=key).json()
    sign_in(page, key, "/usage")
    stats = page.get_by_role("region", name="Credits")
    expect(stats).to_contain_text("Credits used")
    expect(stats.locator(".stat-value").nth(1)).to_have_text(f"{usage['remaining']:,}")
    start = dt.datetime.fromisoformat(usage["period_start"].replace("Z", "+00:00"))
    last_day = dt.datetime.fromisoformat(usage["period_end"].replace("Z", "+00:00")) - dt.timedelta(milliseconds=1)
    expect(page.get_by_text("This period:")).to_have_text(
        f"This period: {start:%B} {start.day}, {start.year} to {last_day:%B} {last_day.day}, {last_day.year} (UTC).")


def test_a_failed_action_says_why_on_the_page(page, instance, watch):
    watch.allow("404")   # the browser logs the API's 404 by itself
    key = instance.account("Gone")
    tpl = instance.api("POST", "/templates", key=key, json={"name": "Short-lived", "width": 100, "height": 100,
                                                              "layers": []}).json()
    sign_in(page, key)
    expect(page.locator(".card")).to_have_count(1)
    assert instance.api("DELETE", f"/templates/{tpl['id']}", key=key).status_code == 204   # from elsewhere
    page.locator(".card").get_by_role("button", name="Duplicate").click()
    expect(page.locator(".toast")).to_contain_text(f"There is no template {tpl['id']}")


@pytest.fixture
def held_image():
    """An image server on loopback whose answers wait until the test lets them go: a batch row in progress."""
    import io

    from PIL import Image

    release = threading.Event()
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    body = buffer.getvalue()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            release.wait(30)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", release
    release.set()
    server.shutdown()
    server.server_close()


def test_a_running_batch_can_be_cancelled(page, instance, tmp_path, held_image):
    base, release = held_image
    key = instance.account("Cancel")
    tpl = instance.api("POST", "/templates", key=key, json={
        "name": "Photo", "width": 100, "height": 100,
        "layers": [{"type": "image", "name": "photo", "src": f"{base}/default.png", "x": 0, "y": 0, "width": 100,
                    "height": 100}]}).json()
    rows = tmp_path / "photos.csv"
    rows.write_text("photo\n" + "".join(f"{base}/{i}.png\n" for i in range(5)))
    sign_in(page, key, "/batches")
    page.get_by_label("Template").select_option(tpl["id"])
    page.get_by_label("CSV or Excel file").set_input_files(str(rows))
    page.get_by_role("button", name="Start batch").click()
    batch = page.locator(".list-row")
    batch.get_by_role("button", name="Cancel").click()
    expect(batch.locator(".progress-text")).to_contain_text("cancelled")
    [record] = instance.api("GET", "/batches", key=key).json()
    assert record["cancelled_at"]
    release.set()   # a row the worker had started finishes; the others fail as cancelled
    expect(batch).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(batch.get_by_role("button", name="Cancel")).to_have_count(0)
    [record] = instance.api("GET", "/batches", key=key).json()
    assert record["failed"] >= 4 and record["completed"] + record["failed"] == 5
    # the failed rows, each with its reason, one click away
    batch.get_by_role("link", name="See the failed rows and why").click()
    expect(page).to_have_url(f"{instance.base}/renders?status=failed&batch_id={record['id']}")
    expect(page.get_by_label("Status")).to_have_value("failed")
    rows = page.locator(".list-row")
    expect(rows).to_have_count(record["failed"])
    expect(rows.locator(".error-text")).to_have_count(record["failed"])
    expect(rows.first.locator(".thumb")).to_have_text("No image")
