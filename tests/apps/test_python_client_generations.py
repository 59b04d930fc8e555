"""The Python client's generations (`platen.generations`) against a live Platen: from a text, a web page on loopback
and an uploaded PDF; waiting with backoff; the images downloaded; a failed generation as GenerationFailed; bad
input refused up front; the webhook_url called."""

from __future__ import annotations

import functools
import http.server
import io
import threading

import httpx
import pytest
from PIL import Image
from platen_client import GenerationFailed, Platen, ValidationFailed, verify_webhook
from platen_client.generations import slides_for

from tests.apps.conftest import ROOT
from tests.support.receiver import Receiver

DATA = ROOT / "tests" / "connector" / "generations" / "data"
TIPS = "5 tips for remote work\n- Keep a routine\n- Take real breaks\n- Over-communicate\n- Write things down"
PNG = b"\x89PNG"


@pytest.fixture(scope="module")
def platen(live):
    with Platen(live.base, live.account("Python client generations")) as client:
        yield client


@pytest.fixture(scope="module")
def pages():
    """tests/connector/generations/data over HTTP on 127.0.0.1 (the article page, the PDF)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(DATA))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def size_of(png: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(png)).size


def test_carousel_slides_as_a_number_go_to_every_carousel_format():
    assert slides_for(["og", "linkedin_carousel", "instagram_carousel"], 3) == {
        "linkedin_carousel": 3, "instagram_carousel": 3}
    assert slides_for(["og"], {"linkedin_carousel": 4}) == {"linkedin_carousel": 4}
    assert slides_for(["og"], None) is None


def test_a_text_into_an_og_card_and_a_three_slide_carousel(platen, tmp_path):
    gen = platen.generations.create(TIPS, output_formats=["og", "linkedin_carousel"], carousel_slides=3,
                                    visual_style="bold", metadata={"post": "42"}, wait=True)
    assert gen.id.startswith("gen_") and gen.status.value == "completed" and gen.input_type.value == "text"
    assert gen.visual_style == "bold" and gen.extracted.title == "5 tips for remote work"
    assert [(o.format_, o.pages, len(o.render_ids), len(o.urls)) for o in gen.outputs] == [
        ("og", 1, 1, 1), ("linkedin_carousel", 3, 3, 3)]
    assert gen.credits_ == 4 and gen.completed_at and gen.metadata.to_dict() == {"post": "42"}
    images = platen.generations.images(gen)
    assert list(images) == ["og", "linkedin_carousel"]
    assert [size_of(png) for png in images["og"]] == [(1200, 630)]
    assert [size_of(png) for png in images["linkedin_carousel"]] == [(1080, 1350)] * 3
    assert len({png for png in images["linkedin_carousel"]}) == 3, "three different slides"
    paths = platen.generations.download(gen.id, tmp_path / "out")
    assert [p.name for p in paths] == ["og-1.png", "linkedin_carousel-1.png", "linkedin_carousel-2.png",
                                       "linkedin_carousel-3.png"]
    assert paths[1].read_bytes() == images["linkedin_carousel"][0]
    carousel = platen.templates.get(gen.outputs[1].template_id)   # saved as an ordinary template
    assert (carousel.width, carousel.height) == (1080, 1350)
    assert platen.generations.get(gen.id).to_dict() == gen.to_dict()
    assert gen.id in [g.id for g in platen.generations.list(limit=100)]


def test_started_then_waited_for_from_a_web_page_on_loopback(platen, pages):
    started = platen.generations.create(url=f"{pages}/article.html", output_formats=["og"])
    assert started.status.value in ("queued", "running", "completed") and started.input_type.value == "url"
    done = platen.generations.wait(started, timeout=180)
    assert done.id == started.id and done.status.value == "completed"
    assert done.extracted.title and done.extracted.url
    [og] = platen.generations.images(done)["og"]
    assert og.startswith(PNG) and size_of(og) == (1200, 630)


def test_an_uploaded_pdf_path_and_bytes(platen):
    pdf = DATA / "document.pdf"
    from_path = platen.generations.create(pdf=pdf, output_formats=["instagram_post"], wait=True)
    assert from_path.input_type.value == "pdf" and from_path.extracted.title
    [post] = platen.generations.images(from_path)["instagram_post"]
    assert size_of(post) == (1080, 1080)
    from_bytes = platen.generations.create(pdf=pdf.read_bytes(), output_formats=["og"], visual_style="dark",
                                           wait=True)
    assert from_bytes.extracted.title == from_path.extracted.title and from_bytes.visual_style == "dark"


def test_a_failed_generation_raises_with_its_error(platen, pages):
    with pytest.raises(GenerationFailed) as failed:
        platen.generations.create(url=f"{pages}/no-such-page.html", output_formats=["og"], wait=True)
    error = failed.value
    assert error.code.startswith("input_") and "no-such-page" in error.message
    assert error.details["generation_id"] == error.generation.id and error.generation.status.value == "failed"
    assert platen.generations.get(error.generation.id).error.error == error.code


def test_bad_input_is_refused_up_front(platen):
    with pytest.raises(ValidationFailed) as unknown:
        platen.generations.create(TIPS, output_formats=["postcard"])
    assert unknown.value.status == 422 and "output_formats" in str(unknown.value.details) + unknown.value.message
    with pytest.raises(ValidationFailed) as brand:
        platen.generations.create(TIPS, brand_id="brd_0000000000000000000000")
    assert "brand_id" in str(brand.value.details) + brand.value.message
    with pytest.raises(ValueError):
        platen.generations.create(TIPS, url="https://example.com/")
    with pytest.raises(ValueError):
        platen.generations.create()


def test_a_brand_and_the_webhook_url(platen):
    receiver = Receiver()
    try:
        brand = platen.brands.create("Generated", colors={"background": "#ff0000"})
        hook = platen.hooks.create(receiver.base + "/subscribed", event="generation.completed")
        gen = platen.generations.create(TIPS, output_formats=["og"], brand_id=brand.id,
                                        webhook_url=receiver.base + "/callback", wait=True)
        assert gen.brand_id == brand.id
        [called] = receiver.wait("/callback", timeout=120)
        [delivered] = receiver.wait("/subscribed", timeout=120)
        event = verify_webhook(delivered.body, delivered.headers, hook.secret)
        assert event["type"] == "generation.completed" and event["data"]["id"] == gen.id
        assert called.json()["data"]["id"] == gen.id
    finally:
        receiver.close()


class Recorder(httpx.BaseTransport):
    """The real transport, remembering each request."""

    def __init__(self):
        self.inner, self.requests = httpx.HTTPTransport(), []

    def handle_request(self, request):
        self.requests.append(request)
        return self.inner.handle_request(request)


def test_every_create_carries_its_own_idempotency_key_json_or_multipart(live):
    recorder = Recorder()
    with Platen(live.base, live.account("Python client generation keys"), transport=recorder) as client:
        client.generations.create(TIPS, output_formats=["og"])
        client.generations.create(TIPS, output_formats=["og"])
        client.generations.create(pdf=(DATA / "document.pdf").read_bytes(), output_formats=["og"])
    posts = [r for r in recorder.requests if r.method == "POST"]
    assert [r.headers["Content-Type"].split(";")[0] for r in posts] == [
        "application/json", "application/json", "multipart/form-data"]
    assert len({r.headers["Idempotency-Key"] for r in posts}) == 3


def test_the_readme_names_real_methods():
    readme = (ROOT / "clients" / "python" / "README.md").read_text()
    client = Platen("http://x", "k")
    for name in ("brands.create", "brands.update", "brands.make_default", "brands.default", "brands.list",
                 "brands.delete", "generations.create", "generations.wait", "generations.download",
                 "generations.images", "generations.list"):
        assert f"platen.{name}(" in readme, name
        resource, method = name.split(".")
        assert callable(getattr(getattr(client, resource), method)), name
