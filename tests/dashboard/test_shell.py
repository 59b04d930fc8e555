"""The dashboard's shell and sign-in, in a real browser against a real Platen: CSP, the key in the address,
the navigation, and user text shown as text."""

from __future__ import annotations

import re

import requests
from playwright.sync_api import expect

from dashboard import PAGES

from .conftest import sign_in

NAV = ["Templates", "Generate", "Renders", "Batches", "Webhooks", "API keys", "Usage", "API docs"]


def test_every_dashboard_path_serves_the_shell_under_a_strict_csp(instance):
    for path in [p.replace("<template>", "tpl_0abc") for p in PAGES]:
        answer = requests.get(f"{instance.base}{path}", timeout=10)
        assert answer.status_code == 200, path
        assert answer.headers["Content-Type"].startswith("text/html")
        policy = answer.headers["Content-Security-Policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'",
                          "base-uri 'none'", "frame-ancestors 'none'", "style-src 'self'"):
            assert directive in policy, (path, directive)
        assert re.search(r"img-src 'self' data: blob: .*http://127\.0\.0\.1:\d+", policy)
        assert "<script>" not in answer.text and " style=" not in answer.text   # nothing inline
    # the API and the rest keep their own answers
    assert requests.get(f"{instance.base}/healthz", timeout=10).json() == {"status": "ok"}
    me = requests.get(f"{instance.base}/api/v1/me", timeout=10)
    assert me.status_code == 401 and me.json()["error"] == "unauthorized"
    assert requests.get(f"{instance.base}/api/v1/templates", timeout=10).status_code == 401
    assert requests.get(f"{instance.base}/nowhere", timeout=10).status_code == 404
    script = requests.get(f"{instance.base}/dashboard/app.js", timeout=10)
    assert script.status_code == 200 and "javascript" in script.headers["Content-Type"]


def test_sign_in_with_the_field_shows_the_account_and_sign_out_forgets_the_key(page, instance, watch):
    watch.allow("401")   # the browser logs the refused key's 401 by itself
    page.goto("/")
    page.get_by_label("API key").fill("plt_live_not-a-real-key")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("That is not a Platen API key")   # the API's message
    assert page.evaluate("sessionStorage.getItem('platen.key')") is None
    page.get_by_label("API key").fill(instance.secret)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".account-name")).to_have_text("Dashboard Co")
    expect(page.locator(".account .badge")).to_have_text("live")
    assert page.evaluate("sessionStorage.getItem('platen.key')") == instance.secret
    page.reload()   # the tab keeps its key
    expect(page.locator(".account-name")).to_have_text("Dashboard Co")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("API key")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('platen.key')") is None


def test_the_key_in_the_address_signs_in_and_leaves_the_address_bar(page, instance):
    page.goto(f"/usage#key={instance.secret}")
    expect(page.get_by_role("heading", name="Usage")).to_be_visible()
    expect(page.locator(".account-name")).to_have_text("Dashboard Co")
    assert page.url == f"{instance.base}/usage"
    assert instance.secret not in page.evaluate("location.href + JSON.stringify(history.state)")


def test_a_revoked_key_in_the_address_brings_back_the_form_with_the_reason(page, instance, watch):
    watch.allow("401")   # the browser logs the refused key's 401 by itself
    key = instance.account("Revoked")
    [record] = instance.api("GET", "/keys", key=key).json()
    assert instance.api("DELETE", f"/keys/{record['id']}", key=key).status_code == 204
    page.goto(f"/renders#key={key}")
    expect(page.get_by_role("alert")).to_contain_text("revoked")
    expect(page.get_by_label("API key")).to_be_visible()
    assert page.url == f"{instance.base}/renders"
    assert page.evaluate("sessionStorage.getItem('platen.key')") is None


def test_the_navigation_links_open_their_pages(page, instance):
    sign_in(page, instance.secret)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link")).to_have_text(NAV)
    for label, path, heading in [("Renders", "/renders", "Renders"), ("Batches", "/batches", "Batches"),
                                 ("Webhooks", "/webhooks", "Webhooks"), ("API keys", "/keys", "API keys"),
                                 ("Usage", "/usage", "Usage"), ("Templates", "/templates", "Templates")]:
        nav.get_by_role("link", name=label, exact=True).click()
        expect(page).to_have_url(f"{instance.base}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(nav.get_by_role("link", name=label, exact=True)).to_have_attribute("aria-current", "page")
    page.go_back()   # history works like any site's
    expect(page).to_have_url(f"{instance.base}/usage")
    docs = nav.get_by_role("link", name="API docs")
    expect(docs).to_have_attribute("href", "/api/v1/docs")
    with page.context.expect_page() as opened:
        docs.click()
    opened.value.wait_for_load_state()
    assert opened.value.url == f"{instance.base}/api/v1/docs"
    opened.value.close()


def test_user_text_is_shown_as_text_never_as_html(page, instance):
    key = instance.account("Mallory")
    hostile = "<img src=x onerror=alert(1)>"
    assert instance.api("POST", "/templates", key=key, json={
        "name": hostile, "width": 400, "height": 200,
        "layers": [{"type": "text", "name": "title", "text": hostile, "x": 0, "y": 0, "width": 400,
                    "height": 200}]}).status_code == 201
    sign_in(page, key)
    expect(page.locator(".card-title")).to_have_text(hostile)
    page.locator(".card").get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(hostile)
    # the editor: the name in the canvas settings, the layer's text in Properties and on the Sample data form
    expect(page.get_by_role("form", name="Canvas settings").get_by_label("Name", exact=True)).to_have_value(hostile)
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    expect(page.get_by_role("form", name="Properties").get_by_label("Text", exact=True)).to_have_value(hostile)
    expect(page.get_by_role("region", name="Canvas").locator("img[src^='data:image/jpeg']")).to_be_visible()
    assert page.locator("img[src='x']").count() == 0   # no element injected; the page's fixture checks no dialog
