"""A real Platen (gunicorn + an RQ worker) and one headless Chromium for all the dashboard tests; a fresh page per
test that fails the test on a console error, a page error, a dialog or a request to any host but the instance."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.integration.processes import live_platen

CHROMIUM = os.environ.get("PLATEN_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000


@pytest.fixture(scope="package")
def instance(redis_url, tmp_path_factory):
    with live_platen(redis_url, tmp_path_factory.mktemp("dashboard"), "Dashboard Co", "team@example.test") as platen:
        yield platen


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    # Fails, never skips, without Chromium: `make install` (scripts/install-browser.sh) installs it.
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make install` (scripts/install-browser.sh)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did that a test must not see: console errors, uncaught errors, dialogs, foreign requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    allowed_errors: list[str] = field(default_factory=list)

    def allow(self, text: str) -> None:
        """A console error the test provokes on purpose (a 401 the browser logs for a bad key)."""
        self.allowed_errors.append(text)

    def check(self) -> None:
        unexpected = [e for e in self.console_errors if not any(a in e for a in self.allowed_errors)]
        assert not unexpected, f"console errors: {unexpected}"
        assert not self.page_errors, f"uncaught errors: {self.page_errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"
        assert not self.foreign, f"requests to other hosts: {self.foreign}"


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser, instance, watch):
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=instance.base, locale="en-US",
                                  accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    host = urlsplit(instance.base).netloc

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            watch.foreign.append(request.url)

    context.on("request", on_request)
    # Nothing leaves the instance, even if asked: such a request is recorded above and then refused here.
    context.route(lambda url: urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != host,
                  lambda route: route.abort())
    tab = context.new_page()
    tab.on("console", lambda msg: watch.console_errors.append(f"{msg.text} @ {msg.location}")
           if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))

    def on_dialog(dialog):
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    context.close()
    watch.check()


def sign_in(page, key: str, path: str = "/templates") -> None:
    """Through the address: `/#key=` (the sign-in form has its own test)."""
    page.goto(f"{path}#key={key}")
    page.get_by_role("button", name="Sign out").wait_for()
