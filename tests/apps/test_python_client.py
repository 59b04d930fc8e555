"""The Python client (clients/python, `platen_client`) against a live Platen: its generated core matches the
document, and templates, renders, batches, hooks, errors, retries and the `platen` command work for real."""

from __future__ import annotations

import csv
import http.server
import importlib.util
import io
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import httpx
import platen_client  # noqa: E402  (installed from clients/python by requirements-dev.txt)
import pytest
import requests
from openpyxl import Workbook
from platen_client import (  # noqa: E402
    NotFound,
    Platen,
    PlatenError,
    RenderFailed,
    Unauthorized,
    Unavailable,
    ValidationFailed,
    WebhookVerificationError,
    verify_webhook,
)

from tests.apps.conftest import ROOT

CLIENT = ROOT / "clients" / "python"
CARD = {"name": "Client card", "width": 120, "height": 60, "background": "#0f172a", "layers": [
    {"type": "text", "name": "title", "text": "Hello", "font_size": 20, "color": "#ffffff", "fields": ["color"]},
    {"type": "image", "name": "photo", "x": 90, "y": 0, "width": 30, "height": 30, "on_error": "fail"}]}


@pytest.fixture(scope="module")
def key(live) -> str:
    return live.account("Python client")


@pytest.fixture(scope="module")
def platen(live, key):
    with Platen(live.base, key) as client:
        yield client


@pytest.fixture(scope="module")
def card(platen):
    return platen.templates.create(CARD)


def test_the_committed_core_is_what_the_document_generates(live, tmp_path):
    spec = importlib.util.spec_from_file_location("platen_generate", CLIENT / "generate.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    said = generator.generate(generator.document_at(live.base), tmp_path / "core")
    assert not generator.warned(said), said

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts}

    fresh, committed = files(tmp_path / "core"), files(CLIENT / "platen_client" / "core")
    changed = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not changed, ("platen_client/core is not what the document generates; run "
                         f"`.venv/bin/python clients/python/generate.py`. Differs: {changed[:10]}")
    assert Path(platen_client.__file__).resolve().parent == CLIENT / "platen_client", "the checkout's client"


def test_templates(platen, card):
    assert card.id.startswith("tpl_") and card.version == 1 and card.name == "Client card"
    summaries = platen.templates.list(summary=True)
    assert [t.id for t in summaries] == [card.id] and summaries[0].page_count == 1
    assert platen.templates.list(q="client")[0].background == "#0f172a"
    assert [f.name for f in platen.templates.fields(card.id)] == ["title", "title.color", "photo"]
    assert [f.key for f in platen.templates.fields(card.id, format="zapier")][:2] == ["title", "title.color"]
    changed = platen.templates.update(card.id, {"name": "Client card 2"})
    assert (changed.name, changed.version) == ("Client card 2", 2)
    assert platen.templates.get(card.id, version=1).name == "Client card"
    platen.templates.update(card.id, {"name": "Client card"})
    me = platen.me()
    assert me.account_name == "Python client" and me.mode.value == "live"


def test_the_generated_core_serves_asyncio_code_too(platen):
    import asyncio

    from platen_client.core.api.account import get_me
    from platen_client.core.api.templates import get_template
    from platen_client.core.models import Error

    async def both():
        async with platen.core.get_async_httpx_client():   # one event loop, one connection pool
            return (await get_me.asyncio(client=platen.core),
                    await get_template.asyncio("tpl_0000000000000000000000", client=platen.core))

    me, missing = asyncio.run(both())
    assert me.account_name == "Python client"
    assert isinstance(missing, Error) and missing.error == "not_found"


def test_a_sync_render_its_download_and_its_bytes(platen, card, tmp_path):
    render = platen.renders.create(card.id, {"title": "Sync", "title.color": "#ff0055"})
    assert render.status.value == "completed" and render.url.startswith("http") and render.width == 120
    data = platen.renders.download(render, tmp_path / "sync.png")
    assert data.startswith(b"\x89PNG") and (tmp_path / "sync.png").read_bytes() == data
    assert requests.get(render.url, timeout=30).content == data   # the hosted file, no key
    jpeg = platen.renders.image(card.id, {"title": "Bytes"}, format="jpeg")
    assert jpeg.startswith(b"\xff\xd8\xff")


def test_an_async_render_then_waiting_for_it(platen, card):
    queued = platen.renders.create_async(card.id, {"title": "Async"})
    assert queued.status.value in ("queued", "rendering", "completed")
    done = platen.renders.wait(queued)
    assert done.id == queued.id and done.status.value == "completed" and done.size_bytes > 0
    assert queued.id in [r.id for r in platen.renders.list(template_id=card.id, limit=100)]


def test_errors_are_exceptions_carrying_the_envelope(platen, card, live):
    with pytest.raises(NotFound) as missing:
        platen.templates.get("tpl_0000000000000000000000")
    assert (missing.value.status, missing.value.code) == (404, "not_found")
    assert "tpl_0000000000000000000000" in missing.value.message and missing.value.request_id.startswith("req_")
    with pytest.raises(ValidationFailed) as invalid:
        platen.renders.create(card.id, {"title.color": "not a colour"})
    assert invalid.value.status == 422 and "title.color" in invalid.value.message
    with pytest.raises(RenderFailed) as failed:   # an image that can't be fetched, on_error: fail
        platen.renders.create(card.id, {"photo": f"{live.base}/files/nothing-here.png"})
    assert failed.value.code == "render_failed" and failed.value.details["render_id"].startswith("rnd_")
    with pytest.raises(Unauthorized) as refused:
        Platen(live.base, "plt_live_nope").me()
    assert refused.value.code == "unauthorized" and isinstance(refused.value, PlatenError)


class Recorder(httpx.BaseTransport):
    """The real transport, remembering each request; ``answers`` are given first instead (a 429, a 503...)."""

    def __init__(self, answers=()):
        self.inner = httpx.HTTPTransport()
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def handle_request(self, request):
        self.requests.append(request)
        if self.answers:
            status, headers = self.answers.pop(0)
            body = {"error": "rate_limited" if status == 429 else "unavailable", "message": "Wait.", "status": status,
                    "details": {}, "request_id": "req_test"}
            return httpx.Response(status, headers=headers, json=body)
        return self.inner.handle_request(request)


def test_every_create_carries_its_own_idempotency_key(live, key, card):
    recorder = Recorder()
    with Platen(live.base, key, transport=recorder) as platen:
        platen.renders.create(card.id, {"title": "Key 1"})
        platen.renders.create(card.id, {"title": "Key 2"})
        hook = platen.hooks.create("https://example.com/platen-hook")
        platen.hooks.delete(hook.id)
    posts = [r for r in recorder.requests if r.method == "POST"]
    keys = [r.headers.get("Idempotency-Key") for r in posts]
    assert len(posts) == 3 and all(keys) and len(set(keys)) == 3


def test_429_and_503_are_retried_after_what_retry_after_says(live, key, card, monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr("platen_client.client.time.sleep", slept.append)
    recorder = Recorder([(429, {"Retry-After": "3"}), (503, {"Retry-After": "1"})])
    with Platen(live.base, key, transport=recorder) as platen:
        render = platen.renders.create(card.id, {"title": "Retried"})
    assert render.status.value == "completed" and slept == [3.0, 1.0]
    keys = {r.headers["Idempotency-Key"] for r in recorder.requests}
    assert len(recorder.requests) == 3 and len(keys) == 1, "the same create, so it is made once"
    slept.clear()
    with Platen(live.base, key, transport=Recorder([(503, {})] * 3), retries=2) as platen:
        with pytest.raises(Unavailable) as gave_up:
            platen.me()
    assert gave_up.value.status == 503 and slept == [1.0, 2.0]


def test_a_batch_from_rows_with_a_progress_bar_results_and_zip(platen, card, tmp_path):
    shown = io.StringIO()
    batch = platen.batches.run(card.id, [{"title": "One"}, {"title": "Two"}, {"title.color": "bad"}], out=shown)
    assert (batch.status.value, batch.total, batch.completed, batch.failed) == ("completed", 3, 2, 1)
    bar = shown.getvalue()
    assert f"Batch {batch.id}" in bar and "3/3" in bar and "failed=1" in bar
    renders = platen.batches.renders(batch)
    assert [r.status.value for r in renders] == ["completed", "completed", "failed"]
    assert [r.id for r in platen.batches.renders(batch, status="failed")] == [renders[2].id]
    rows = list(csv.DictReader(io.StringIO(platen.batches.results_csv(batch))))
    assert [row["status"] for row in rows] == ["completed", "completed", "failed"] and rows[0]["url"]
    names = zipfile.ZipFile(platen.batches.download_zip(batch, tmp_path / "images.zip")).namelist()
    assert {"00001.png", "00002.png", "results.csv"} <= set(names)


def test_batches_from_csv_and_xlsx_paths(platen, card, tmp_path):
    (tmp_path / "rows.csv").write_text("Headline,title.color\nFrom CSV,#ff0055\nSecond,#00ff00\n")
    book = Workbook()
    book.active.append(["title", "extra"])
    book.active.append(["From Excel", "x"])
    book.save(tmp_path / "rows.xlsx")
    from_csv = platen.batches.run(card.id, file=tmp_path / "rows.csv", mapping={"Headline": "title"},
                                  progress=False)
    assert (from_csv.total, from_csv.completed) == (2, 2)
    started = platen.batches.create(card.id, file=tmp_path / "rows.xlsx")
    assert started.ignored_columns == ["extra"]
    done = platen.batches.wait(started, progress=False)
    assert (done.total, done.completed, done.failed) == (1, 1, 0)


class Receiver(http.server.BaseHTTPRequestHandler):
    deliveries: list[tuple[bytes, dict]] = []
    arrived = threading.Condition()

    def do_POST(self):   # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with self.arrived:
            self.deliveries.append((body, dict(self.headers)))
            self.arrived.notify_all()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_hooks_and_verifying_what_they_deliver(platen, card):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{server.server_port}/platen"
    try:
        hook = platen.hooks.create(target, event="render.completed", template_id=card.id)
        assert hook.secret.startswith("whsec_") and [h.id for h in platen.hooks.list(target_url=target)] == [hook.id]
        render = platen.renders.create(card.id, {"title": "Hooked"})
        with Receiver.arrived:
            assert Receiver.arrived.wait_for(lambda: Receiver.deliveries, timeout=120), "no delivery"
        body, headers = Receiver.deliveries[0]
        event = verify_webhook(body, headers, hook.secret)
        assert event["type"] == "render.completed" and event["data"]["id"] == render.id
        with pytest.raises(WebhookVerificationError):
            verify_webhook(body.replace(b"Hooked", b"Forged") if b"Hooked" in body else body + b" ", headers,
                           hook.secret)
        with pytest.raises(WebhookVerificationError):
            verify_webhook(body, headers, "whsec_" + "A" * 32)
        platen.hooks.delete(hook.id)
        with pytest.raises(NotFound):
            platen.hooks.get(hook.id)
    finally:
        server.shutdown()


def test_the_platen_batch_command(live, key, card, tmp_path):
    (tmp_path / "rows.csv").write_text("title\nCommand one\nCommand two\n")
    command = [str(Path(sys.executable).parent / "platen"), "batch", str(tmp_path / "rows.csv"), "--template",
               card.id, "--zip", str(tmp_path / "out.zip"), "--results", str(tmp_path / "results.csv")]
    env = {**os.environ, "PLATEN_BASE_URL": live.base, "PLATEN_API_KEY": key}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "2 of 2 rendered, 0 failed" in done.stdout and "100%" in done.stderr and "2/2" in done.stderr
    assert {"00001.png", "00002.png"} <= set(zipfile.ZipFile(tmp_path / "out.zip").namelist())
    assert "render_id" in (tmp_path / "results.csv").read_text()
    bad = subprocess.run(command[:4] + ["tpl_0000000000000000000000", "--no-progress"], env=env,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and "not_found" in bad.stderr and "HTTP 404" in bad.stderr
    missing = subprocess.run(command[:5], env={k: v for k, v in env.items() if k != "PLATEN_API_KEY"},
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "--api-key" in missing.stderr


def test_the_readme_examples_name_real_methods():
    readme = (CLIENT / "README.md").read_text()
    for name in ("templates.list", "templates.copy_example", "templates.fields", "renders.create",
                 "renders.create_async", "renders.wait", "renders.download", "renders.image", "batches.run",
                 "batches.renders", "batches.download_zip", "batches.results_csv", "hooks.create"):
        assert f"platen.{name}(" in readme, name
        resource, method = name.split(".")
        assert callable(getattr(getattr(Platen("http://x", "k"), resource), method)), name
