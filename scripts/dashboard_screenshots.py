"""Screenshots of every dashboard page at 1280×800 (and the templates page at 1440×900) into docs/screenshots/.

Starts its own Platen (embedded Redis in a temporary folder, a web process, a worker), fills an account with
starters, a batch, a hook and a key, and drives Debian's chromium.
Run: .venv/bin/python scripts/dashboard_screenshots.py [NAME …]   (names: sign-in, templates, templates-1440,
new-template, template-edit, template-edit-selected, template-edit-data, template-edit-use, template-edit-brand,
template-edit-brand-token, batches, generate (at 1280×1060: the whole results), renders, webhooks, keys, usage;
without names, all of them)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from connector import Connector  # noqa: E402
from connector.runtime import embedded  # noqa: E402
from connector.runtime.settings import Settings  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.dashboard.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.integration.processes import settings_env, wait_for, web, worker  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
POSTS = """Headline,Author,Category
Ship faster with Platen,Ada Lovelace,Product
Ten ideas for your launch,Grace Hopper,Marketing
Notes from the road,Katherine Johnson,Travel
A year of open-source design,,Engineering
"""

TIPS = """5 habits of teams that ship every week

Small batches, clear owners and a calm review make releases boring, and boring is good.

- Keep every change small enough to review in ten minutes
- Give each release one owner who says when it goes
- Write the release note before the code
- Automate the checks nobody enjoys doing by hand
- Celebrate the boring releases
"""

def seed(base: str, key: str) -> None:
    def api(method, path, **kwargs):
        answer = requests.request(method, f"{base}/api/v1{path}", headers={"X-API-Key": key}, timeout=60, **kwargs)
        answer.raise_for_status()
        return answer.json() if answer.content else None

    for name in ("certificate", "event-badge", "instagram-quote", "product-banner", "og-blog-card"):
        api("POST", f"/templates/examples/{name}", json={})
    tpl = api("GET", "/templates?view=summary")[0]   # the blog card, copied last
    # "Headline" is mapped by hand (the blog card's field is "title"); one row's colour is broken, so it fails alone
    rows = "\n".join(f"{line},{extra}" for line, extra in zip(POSTS.splitlines(),
                                                            ["accent.fill", "", "", "not-a-colour", ""], strict=True))
    batch = api("POST", "/batches", data={"template_id": tpl["id"], "mapping": '{"Headline": "title"}'},
                files={"file": ("posts.csv", rows.encode())})
    deadline = time.monotonic() + 120
    while api("GET", f"/batches/{batch['id']}")["status"] != "completed":
        assert time.monotonic() < deadline, "the batch did not finish"
        time.sleep(0.3)
    api("POST", "/renders", json={"template_id": tpl["id"], "fields": {"title": "A title far too long " * 12}})
    api("POST", "/hooks", json={"target_url": "https://hooks.example.com/platen", "event": "render.completed"})
    api("POST", "/keys", json={"label": "Zapier – blog posts", "mode": "live",
                               "scopes": ["templates:read", "renders:write", "renders:read"]})


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = embedded.start(f"{tmp}/redis")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        settings = Settings.from_env({}, redis_url=embedded.url_of(server), data_dir=f"{tmp}/data", public_url=base)
        conn = Connector(settings)
        _account, _key, secret = conn.accounts.create_account("Acme Marketing", "team@acme.test")
        env = settings_env(settings)
        try:
            with web(port, env, Path(tmp, "web.log")) as w, worker(env, Path(tmp, "worker.log")) as rq:
                wait_for(f"{base}/healthz", w)
                wait_for(f"{base}/readyz", rq)
                seed(base, secret)
                shoot(sync_playwright, base, secret, set(sys.argv[1:]))
        finally:
            conn.close()
            embedded.stop(server)
    return 0


def shoot(sync_playwright, base: str, secret: str, only: set[str]) -> None:
    """Each picture whose name is in ``only`` (all of them when it is empty)."""
    from playwright.sync_api import expect

    def wanted(*names: str) -> bool:
        return not only or any(name in only for name in names)

    def settled(page) -> None:
        """Every thumbnail drawn (none still loading, none failed) and nothing left to load."""
        expect(page.locator(".loading-thumb")).to_have_count(0, timeout=60_000)
        failed = page.locator(".thumb-failed").evaluate_all("els => els.map(e => e.title)")
        assert not failed, f"previews failed: {failed}"
        page.wait_for_load_state("networkidle")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for width, height in ((1280, 800), (1440, 900)):
            page = browser.new_page(viewport={"width": width, "height": height}, base_url=base)
            page.goto("/")
            page.get_by_label("API key").wait_for()
            if width == 1280 and wanted("sign-in"):
                page.screenshot(path=OUT / "sign-in.png")
            page.goto(f"/templates#key={secret}")
            page.locator(".card img[src^='blob:']").first.wait_for()
            page.locator(".starter img[src^='blob:']").first.wait_for()
            settled(page)
            name = "templates" if width == 1280 else f"templates-{width}"
            if wanted(name):
                page.screenshot(path=OUT / f"{name}.png")
            if width != 1280:
                page.close()
                continue
            if wanted("new-template"):
                page.get_by_role("button", name="New template").first.click()
                page.get_by_role("dialog").wait_for()
                page.screenshot(path=OUT / "new-template.png")
                page.keyboard.press("Escape")
            if wanted("template-edit"):
                page.locator(".card").first.get_by_role("link", name="Edit").click()
                page.get_by_role("region", name="Canvas").locator("img[src^='data:']").wait_for()
                settled(page)
                page.screenshot(path=OUT / "template-edit.png")
            if wanted("template-edit-selected", "template-edit-data", "template-edit-use"):
                page.goto("/templates")
                page.locator(".card").first.get_by_role("link", name="Edit").click()
                canvas = page.get_by_role("region", name="Canvas")
                canvas.locator("img[src^='data:']").wait_for()
                canvas.locator("[data-layer='title']").click()
                settled(page)
                if wanted("template-edit-selected"):
                    page.screenshot(path=OUT / "template-edit-selected.png")
                if wanted("template-edit-data"):
                    page.get_by_role("tab", name="Sample data").click()
                    with page.expect_response(lambda r: r.url.endswith("/templates/preview")):
                        page.get_by_role("button", name="Long text").click()
                    settled(page)
                    page.screenshot(path=OUT / "template-edit-data.png")
                if wanted("template-edit-use"):
                    page.get_by_role("tab", name="Use it").click()
                    page.get_by_role("button", name="Render", exact=True).click()
                    page.locator(".render-result img").wait_for()
                    settled(page)
                    page.screenshot(path=OUT / "template-edit-use.png")
            if wanted("template-edit-brand", "template-edit-brand-token"):
                # a new brand made in the Brand tab, its primary colour applied to the title as a token
                page.goto("/templates")
                page.locator(".card").first.get_by_role("link", name="Edit").click()
                canvas = page.get_by_role("region", name="Canvas")
                canvas.locator("img[src^='data:']").wait_for()
                page.get_by_role("tab", name="Brand").click()
                panel = page.get_by_role("tabpanel", name="Brand")
                panel.get_by_role("button", name="New brand").click()
                panel.get_by_label("Brand name").fill("Acme Sunrise")
                for name, value in (("primary", "#f59e0b"), ("secondary", "#0f172a"), ("accent", "#ec4899")):
                    panel.get_by_label(f"Brand {name} colour", exact=True).fill(value)
                panel.get_by_label("Heading font").select_option("DejaVu Serif")
                with page.expect_response(lambda r: "/api/v1/brands/" in r.url and r.request.method == "PATCH"):
                    panel.get_by_role("button", name="Save brand").click()
                page.get_by_role("tab", name="Design").click()
                canvas.locator("[data-layer='title']").click()
                form = page.get_by_role("form", name="Properties")
                form.get_by_label("Font", exact=True).select_option("@brand.heading")
                with page.expect_response(lambda r: r.url.endswith("/templates/preview")):
                    form.get_by_role("button", name="Brand primary for text").click()
                settled(page)
                if wanted("template-edit-brand-token"):
                    page.locator(".token-chip:visible").first.scroll_into_view_if_needed()
                    page.screenshot(path=OUT / "template-edit-brand-token.png")
                if wanted("template-edit-brand"):
                    page.get_by_role("tab", name="Brand").click()
                    panel.get_by_label("Template brand").scroll_into_view_if_needed()
                    settled(page)
                    page.screenshot(path=OUT / "template-edit-brand.png")
            if wanted("batches"):   # the mapping step: "Headline" mapped by hand to the blog card's title
                page.goto("/batches")
                page.locator(".list-row").first.wait_for()
                page.get_by_label("CSV or Excel file").set_input_files(
                    files=[{"name": "posts.csv", "mimeType": "text/csv", "buffer": POSTS.encode()}])
                page.get_by_label("Field for column Headline").select_option("title")
                page.locator("table.mapping-preview").wait_for()
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / "batches.png")
            if wanted("generate"):   # a pasted tip list made into an OG card, an Instagram post and a carousel
                page.goto("/generate")
                page.get_by_label("Text", exact=True).fill(TIPS)
                page.get_by_label("Slides for LinkedIn carousel").fill("4")
                page.get_by_text("Bold", exact=True).click()
                page.get_by_role("button", name="Generate", exact=True).click()
                page.locator(".gen-result[data-status='completed']").wait_for(timeout=120_000)
                page.wait_for_function("[...document.querySelectorAll('.gen-image img')]"
                                       ".every(img => img.complete && img.naturalWidth > 0)")
                page.get_by_label("Text", exact=True).evaluate("box => { box.scrollTop = 0; }")
                page.evaluate("window.scrollTo(0, 0)")
                page.wait_for_load_state("networkidle")
                page.set_viewport_size({"width": 1280, "height": 1060})   # the results column whole
                page.screenshot(path=OUT / "generate.png")
                page.set_viewport_size({"width": 1280, "height": 800})
            for name, path, ready in (("renders", "/renders", ".list-row img"), ("webhooks", "/webhooks", ".list-row"),
                                      ("keys", "/keys", "tbody tr"), ("usage", "/usage", ".stat")):
                if wanted(name):
                    page.goto(path)
                    page.locator(ready).first.wait_for()
                    settled(page)
                    page.screenshot(path=OUT / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
