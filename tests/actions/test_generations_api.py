"""POST/GET /api/v1/generations, in-process: validation at once, then the job run for real (extraction, designs
saved as templates, one render per page, credits, events, hooks and the webhook_url callback)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.conftest import assert_envelope
from tests.support.receiver import Receiver

BASE = "http://platen.test"
TIPS = "5 tips for remote work\nWorking from home works when the day has a shape.\n- Keep a routine\n" \
       "- Take real breaks\n- Over-communicate\n- Set up a real desk\n- Log off on time"


@pytest.fixture
def app(make_app):
    return make_app(allow_private_networks=True, public_url=BASE)


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def start(client, caller, **body):
    return client.post("/api/v1/generations", headers=caller.headers,
                       json={"input_type": "text", "input_content": TIPS, "output_formats": ["og"], **body})


def used(client, caller) -> int:
    return client.get("/api/v1/usage", headers=caller.headers).get_json()["used"]


def test_a_text_generation_makes_templates_and_one_render_per_page(client, alice, jobs):
    answer = start(client, alice, output_formats=["og", "linkedin_carousel"], metadata={"post": 7})
    assert answer.status_code == 202, answer.get_json()
    queued = answer.get_json()
    assert queued["id"].startswith("gen_") and queued["status"] == "queued"
    assert answer.headers["Location"] == f"/api/v1/generations/{queued['id']}"
    assert (queued["extracted"], queued["outputs"], queued["error"], queued["completed_at"]) == (None, [], None, None)
    jobs.run()
    done = client.get(f"/api/v1/generations/{queued['id']}", headers=alice.headers).get_json()
    assert done["status"] == "completed", done["error"]
    assert done["extracted"]["title"] == "5 tips for remote work"
    assert [o["format"] for o in done["outputs"]] == ["og", "linkedin_carousel"]
    og, carousel = done["outputs"]
    assert (og["pages"], len(og["render_ids"]), len(og["urls"])) == (1, 1, 1)
    assert (carousel["pages"], len(carousel["render_ids"]), len(carousel["urls"])) == (5, 5, 5)
    assert done["credits"] == 6 and used(client, alice) == 6
    assert done["metadata"] == {"post": 7} and done["visual_style"] == "modern" and done["brand_id"].startswith("brd_")
    assert set(done["timings"]) >= {"fetch_ms", "extract_ms", "plan_ms", "render_ms", "total_ms"}
    for output, size in ((og, (1200, 630)), (carousel, (1080, 1350))):
        template = client.get(f"/api/v1/templates/{output['template_id']}", headers=alice.headers)
        assert template.status_code == 200
        for url in output["urls"]:
            png = client.get(url.removeprefix(BASE))
            assert png.status_code == 200 and Image.open(io.BytesIO(png.data)).size == size
        for render_id in output["render_ids"]:
            render = client.get(f"/api/v1/renders/{render_id}", headers=alice.headers).get_json()
            assert render["status"] == "completed" and render["template_id"] == output["template_id"]
    listed = client.get("/api/v1/generations", headers=alice.headers).get_json()
    assert [g["id"] for g in listed] == [done["id"]] and listed[0] == done
