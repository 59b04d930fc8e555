"""Screenshots of every dashboard page at 1280×800 (and the templates page at 1440×900) into docs/screenshots/.

Starts its own Platen (embedded Redis in a temporary folder, a web process, a worker), fills an account with
starters, a batch, a hook and a key, and drives Debian's chromium.
Run: .venv/bin/python scripts/dashboard_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from connector import Connector, embedded  # noqa: E402
from connector.settings import Settings  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.dashboard.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.integration.processes import settings_env, wait_for, web, worker  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def seed(base: str, key: str) -> None:
    def api(method, path, **kwargs):
        answer = requests.request(method, f"{base}/api/v1{path}", headers={"X-API-Key": key}, timeout=60, **kwargs)
        answer.raise_for_status()
        return answer.json() if answer.content else None

    names = [e["name"] for e in api("GET", "/templates/examples")]
    for name in names[:5]:
        api("POST", f"/templates/examples/{name}", json={})
    tpl = api("GET", "/templates?view=summary")[0]
    fields = [f["name"] for f in api("GET", f"/templates/{tpl['id']}/fields") if f["type"] == "text"][:1]
    column = fields[0] if fields else "title"
    rows = "\n".join([column, "Ship faster with Platen", "Ten ideas for your launch", "Notes from the road"])
    batch = api("POST", "/batches", data={"template_id": tpl["id"]}, files={"file": ("posts.csv", rows.encode())})
    deadline = time.monotonic() + 120
    while api("GET", f"/batches/{batch['id']}")["status"] != "completed":
        assert time.monotonic() < deadline, "the batch did not finish"
        time.sleep(0.3)
    api("POST", "/renders", json={"template_id": tpl["id"], "fields": {column: "x" * 400}})
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
                shoot(sync_playwright, base, secret)
        finally:
            conn.close()
            embedded.stop(server)
    return 0


def shoot(sync_playwright, base: str, secret: str) -> None:
    from playwright.sync_api import expect

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for width, height in ((1280, 800), (1440, 900)):
            page = browser.new_page(viewport={"width": width, "height": height}, base_url=base)
            page.goto("/")
            page.get_by_label("API key").wait_for()
            if width == 1280:
                page.screenshot(path=OUT / "sign-in.png")
            page.goto(f"/templates#key={secret}")
            page.locator(".card img[src^='blob:']").first.wait_for()
            expect(page.locator(".card .loading-thumb")).to_have_count(0, timeout=60_000)
            failed = page.locator(".thumb-failed").evaluate_all("els => els.map(e => e.title)")
            assert not failed, f"previews failed: {failed}"
            page.screenshot(path=OUT / f"templates-{width}.png" if width != 1280 else OUT / "templates.png")
            if width != 1280:
                page.close()
                continue
            page.get_by_role("button", name="New template").first.click()
            page.get_by_role("dialog").wait_for()
            page.screenshot(path=OUT / "new-template.png")
            page.keyboard.press("Escape")
            page.locator(".card").first.get_by_role("link", name="Edit").click()
            page.locator(".edit-layout img[src^='blob:']").wait_for()
            expect(page.locator(".loading-thumb")).to_have_count(0, timeout=60_000)
            page.screenshot(path=OUT / "template-edit.png")
            for name, path, ready in (("renders", "/renders", ".list-row"), ("batches", "/batches", ".list-row"),
                                      ("webhooks", "/webhooks", ".list-row"), ("keys", "/keys", "tbody tr"),
                                      ("usage", "/usage", ".stat")):
                page.goto(path)
                page.locator(ready).first.wait_for()
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
