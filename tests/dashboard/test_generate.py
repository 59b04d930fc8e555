"""The Generate page against a real Platen and worker: a pasted text made into an OG card and a carousel whose
images load and open in the editor, a web page on loopback, a PDF upload, a refused input shown by its field and
a failed generation's reason."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

DONE_MS = 90_000   # a generation renders several pages on a busy machine
TIPS = """Five habits of teams that ship every week

Small batches, clear owners and a calm review make releases boring.

- Keep every change small enough to review
- Give each release one owner
- Write the release note first
"""
ARTICLE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Plain title | Loopback Blog</title>
<meta property="og:title" content="Why loopback pages make good tests">
<meta property="og:description" content="A page served on 127.0.0.1, read by the server's guarded fetcher.">
<meta property="og:site_name" content="Loopback Blog">
</head><body><article><h1>Why loopback pages make good tests</h1>
<p>A test that serves its own page knows exactly what the reader should find in it, and nothing leaves the machine.</p>
<h2>They are fast</h2><p>No network, no waiting on somebody else's server, no flaky answers.</p>
<h2>They are exact</h2><p>The title, the description and every paragraph are written by the test itself.</p>
</article></body></html>"""
PDF = Path(__file__).resolve().parents[1] / "connector" / "generations" / "data" / "document.pdf"


class Site(str):
    """The loopback server's base URL; ``release`` lets /slow/article.html answer (it waits until then)."""

    release: threading.Event


@pytest.fixture
def site():
    """A web server on loopback: /article.html is a blog post, /slow/article.html the same once the test releases
    it; anything else is a 404."""
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/slow/article.html":
                release.wait(60)
                self.path = "/article.html"
            if self.path == "/article.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(ARTICLE)))
                self.end_headers()
                self.wfile.write(ARTICLE)
            else:
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"no such page")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = Site(f"http://127.0.0.1:{server.server_port}")
    base.release = release
    yield base
    release.set()
    server.shutdown()
    server.server_close()


def choose_formats(page, *names: str) -> None:
    """Exactly these formats ticked (by their ids, as in GET /formats)."""
    boxes = page.get_by_role("group", name="Formats").get_by_role("checkbox")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        box.set_checked(box.get_attribute("value") in names)


def loaded_widths(images) -> list[int]:
    """Each image's natural width once every one has loaded (0 for one that failed)."""
    images.first.page.wait_for_function(
        "imgs => imgs.every(img => img.complete)", arg=images.element_handles(), timeout=30_000)
    return images.evaluate_all("imgs => imgs.map(img => img.naturalWidth)")


def test_a_pasted_text_becomes_an_og_card_and_a_carousel_that_opens_in_the_editor(page, instance):
    key = instance.account("Generate text")
    sign_in(page, key, "/generate")
    expect(page.get_by_role("heading", level=1)).to_have_text("Generate")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Generate")).to_have_attribute("aria-current", "page")
    # the defaults: three formats ticked, the first style chosen, the account's default brand
    form = page.get_by_role("form", name="Generate")
    ticked = form.get_by_role("group", name="Formats").locator("input:checked")
    expect(ticked).to_have_count(3)
    assert sorted(ticked.evaluate_all("els => els.map(e => e.value)")) == ["instagram_post", "linkedin_carousel", "og"]
    expect(form.get_by_role("radio", name="Modern")).to_be_checked()
    expect(form.get_by_role("radio")).to_have_count(3 + 8)   # where from, and the eight styles
    [default] = [b for b in instance.api("GET", "/brands", key=key).json() if b["default"]]
    expect(form.get_by_label("Brand", exact=True)).to_have_value(default["id"])

    form.get_by_label("Text", exact=True).fill(TIPS)
    choose_formats(page, "og", "linkedin_carousel")
    form.get_by_label("Slides for LinkedIn carousel").fill("3")
    form.get_by_text("Bold", exact=True).click()   # the card; its radio is drawn by the card
    expect(form.get_by_role("radio", name="Bold")).to_be_checked()
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations") and r.request.method == "POST") as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 202, sent.value.text()
    body = sent.value.request.post_data_json
    assert body["input_type"] == "text" and body["input_content"] == TIPS
    assert body["output_formats"] == ["og", "linkedin_carousel"] and body["carousel_slides"] == {"linkedin_carousel": 3}
    assert body["visual_style"] == "bold" and body["brand_id"] == default["id"]
    gen_id = sent.value.json()["id"]
    expect(page).to_have_url(f"{instance.base}/generate?id={gen_id}")

    results = page.get_by_role("region", name="Results")
    expect(results.locator(".gen-result")).to_have_attribute("data-status", "completed", timeout=DONE_MS)
    gen = instance.api("GET", f"/generations/{gen_id}", key=key).json()
    assert gen["status"] == "completed", gen
    expect(results.get_by_role("region", name="What Platen read")).to_contain_text(gen["extracted"]["title"])
    expect(results).to_contain_text(f"{gen['credits']} credits used")
    og = results.locator(".gen-output[data-format='og'] img")
    carousel = results.locator(".gen-output[data-format='linkedin_carousel'] img")
    expect(og).to_have_count(1)
    expect(carousel).to_have_count(3)
    [output] = [o for o in gen["outputs"] if o["format"] == "linkedin_carousel"]
    assert carousel.evaluate_all("imgs => imgs.map(img => img.getAttribute('src'))") == output["urls"]   # in order
    expect(carousel.nth(1)).to_have_attribute("alt", "LinkedIn carousel, page 2 of 3")
    widths = loaded_widths(results.locator(".gen-image img"))
    assert widths == [1200, 1080, 1080, 1080], widths
    # the generation is listed among the recent ones
    expect(page.get_by_role("region", name="Recent generations").locator(f"[data-generation-id='{gen_id}']")) \
        .to_be_visible()

    results.get_by_role("link", name="Open LinkedIn carousel in editor").click()
    expect(page).to_have_url(f"{instance.base}/templates/{output['template_id']}/edit")
    expect(page.get_by_role("region", name="Layers")).to_be_visible()
    expect(page.get_by_role("button", name="Page 3")).to_be_visible()

    # back: the results are drawn again from the address
    page.go_back()
    expect(page.get_by_role("region", name="Results").locator(".gen-image img")).to_have_count(4)


def test_a_web_page_on_loopback_is_read_and_designed(page, instance, site):
    key = instance.account("Generate page")
    sign_in(page, key, "/generate")
    form = page.get_by_role("form", name="Generate")
    form.get_by_text("From a web page").click()
    expect(form.get_by_label("Text", exact=True)).to_be_hidden()
    form.get_by_label("Web page address").fill(f"{site}/slow/article.html")
    choose_formats(page, "og")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations") and r.request.method == "POST") as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 202, sent.value.text()
    assert sent.value.request.post_data_json["input_url"] == f"{site}/slow/article.html"
    # while the page is being fetched: under way, with a progress bar, and nothing drawn yet
    results = page.get_by_role("region", name="Results")
    expect(results.locator(".gen-result")).to_have_attribute("data-status", "running", timeout=DONE_MS)
    expect(results.get_by_role("progressbar", name="Generation under way")).to_be_visible()
    expect(results).to_contain_text("Reading the content and designing the images…")
    site.release.set()
    expect(results.locator(".gen-result")).to_have_attribute("data-status", "completed", timeout=DONE_MS)
    read = results.get_by_role("region", name="What Platen read")
    expect(read.get_by_role("heading")).to_have_text("Why loopback pages make good tests")
    expect(read).to_contain_text("Loopback Blog")
    assert loaded_widths(results.locator(".gen-image img")) == [1200]
    expect(results.get_by_role("progressbar")).to_have_count(0)


def test_a_pdf_is_uploaded_and_designed(page, instance):
    key = instance.account("Generate PDF")
    sign_in(page, key, "/generate")
    form = page.get_by_role("form", name="Generate")
    form.get_by_text("From a PDF").click()
    form.get_by_label("PDF file").set_input_files(str(PDF))
    choose_formats(page, "instagram_post")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations") and r.request.method == "POST") as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 202, sent.value.text()
    assert "multipart/form-data" in sent.value.request.headers["content-type"]
    results = page.get_by_role("region", name="Results")
    expect(results.locator(".gen-result")).to_have_attribute("data-status", "completed", timeout=DONE_MS)
    assert loaded_widths(results.locator(".gen-image img")) == [1080]


def test_a_refused_input_is_shown_by_its_field(page, instance, watch):
    key = instance.account("Generate refused")
    sign_in(page, key, "/generate")
    watch.allow("the server responded with a status of 422")
    form = page.get_by_role("form", name="Generate")
    # nothing pasted: the API's 422 names input_content, shown under the Text box in the form's words
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations")) as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 422, sent.value.text()
    text = form.get_by_label("Text", exact=True)
    expect(text).to_have_attribute("aria-invalid", "true")
    problem = form.locator("#gen-input_content-error")
    expect(problem).to_have_text("Paste the text to design from: a title on the first line, then paragraphs or a list.")
    expect(text).to_be_focused()
    summary = form.locator("#gen-summary-error")
    expect(summary).to_have_text("Fix the 1 field above.")
    expect(page.get_by_role("region", name="Results")).to_contain_text("Your images will appear here.")

    # no format ticked: said under the formats
    text.fill(TIPS)
    choose_formats(page)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations")) as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 422, sent.value.text()
    expect(form.locator("#gen-output_formats-error")).to_have_text("Tick at least one format.")
    expect(page.get_by_role("group", name="Formats").get_by_role("checkbox").first).to_be_focused()
    expect(problem).to_be_empty()

    # too many slides: the API's reason under that carousel's slides box, in the form's words (the format's label,
    # no API ids); the box focused and in view, the Generate button's summary saying there is a field to fix
    choose_formats(page, "og", "linkedin_carousel")
    slides_box = form.get_by_label("Slides for LinkedIn carousel")
    slides_box.fill("12")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations")) as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 422, sent.value.text()
    slides = form.locator("[data-format='linkedin_carousel'] + #gen-carousel_slides-error")
    expect(slides).to_have_text("LinkedIn carousel: the number of slides must be a whole number from 3 to 10, not 12.")
    expect(slides_box).to_have_attribute("aria-invalid", "true")
    expect(slides_box).to_be_focused()
    expect(slides_box).to_be_in_viewport()
    expect(summary).to_have_text("Fix the 1 field above.")
    expect(form.locator("#gen-output_formats-error")).to_be_empty()
    expect(text).not_to_have_attribute("aria-invalid", "true")
    assert instance.api("GET", "/generations", key=key).json() == []


def test_a_failed_generation_shows_its_reason(page, instance, site, watch):
    key = instance.account("Generate failed")
    sign_in(page, key, "/generate")
    form = page.get_by_role("form", name="Generate")
    form.get_by_text("From a web page").click()
    form.get_by_label("Web page address").fill(f"{site}/gone.html")
    choose_formats(page, "og")
    form.get_by_role("button", name="Generate").click()
    results = page.get_by_role("region", name="Results")
    expect(results.locator(".gen-result")).to_have_attribute("data-status", "failed", timeout=DONE_MS)
    [gen] = instance.api("GET", "/generations", key=key).json()
    assert gen["status"] == "failed" and gen["error"]["message"].startswith(f"input_url: {site}/gone.html"), gen
    # the reason names the form's box, not the API's field
    said = "Web page address: " + gen["error"]["message"].removeprefix("input_url: ")
    expect(results.get_by_role("alert")).to_have_text(said)
    expect(results.locator(".gen-image")).to_have_count(0)
    row = page.get_by_role("region", name="Recent generations").locator(f"[data-generation-id='{gen['id']}']")
    expect(row).to_contain_text(said)
    expect(row).not_to_contain_text("input_url")


def test_what_was_read_stays_text_and_the_brand_chosen_is_sent(page, instance):
    key = instance.account("Generate brand")
    made = instance.api("POST", "/brands", key=key, json={"name": "Sunset", "colors": {"primary": "#e11d1d"}})
    assert made.status_code == 201, made.text
    sunset = made.json()
    sign_in(page, key, "/generate")
    form = page.get_by_role("form", name="Generate")
    form.get_by_label("Brand", exact=True).select_option(label="Sunset")
    # the style sketches are drawn in the chosen brand's colours
    styles = form.get_by_role("group", name="Style")
    assert styles.evaluate("el => el.style.getPropertyValue('--brand-p')") == "#e11d1d"
    title = "<img src=x onerror=alert(1)>"
    form.get_by_label("Text", exact=True).fill(f"{title}\n\n<b>Not bold</b>, just text.")
    choose_formats(page, "og")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/generations") and r.request.method == "POST") as sent:
        form.get_by_role("button", name="Generate").click()
    assert sent.value.status == 202, sent.value.text()
    assert sent.value.request.post_data_json["brand_id"] == sunset["id"]
    results = page.get_by_role("region", name="Results")
    expect(results.locator(".gen-result")).to_have_attribute("data-status", "completed", timeout=DONE_MS)
    read = results.get_by_role("region", name="What Platen read")
    expect(read.get_by_role("heading")).to_have_text(title)
    expect(read).to_contain_text("<b>Not bold</b>, just text.")
    expect(results.locator("img[src='x']")).to_have_count(0)
    expect(page.get_by_role("region", name="Recent generations").locator(".list-row strong")).to_have_text([title])
