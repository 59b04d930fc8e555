"""A generation end to end with a real worker process: text in, templates saved, every page rendered by that one
worker (it never waits on another), credits charged per page, generation.completed delivered to a real hook."""

from __future__ import annotations

import io
import os
import signal
import time

from PIL import Image
from standardwebhooks import Webhook

TIPS = "5 tips for remote work\nWorking from home works when the day has a shape.\n- Keep a routine\n" \
       "- Take real breaks\n- Over-communicate\n- Set up a real desk\n- Log off on time"


def wait_generation(stack, caller, location, timeout=90) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        generation = stack.client.get(location, headers=caller.headers).get_json()
        if generation["status"] in ("completed", "failed"):
            return generation
        if time.monotonic() > deadline:
            raise AssertionError(f"generation still {generation}\n{stack.worker.output()[-3000:]}")
        time.sleep(0.2)


def test_a_text_generation_completes_on_one_worker_and_fires_its_event(stack, receiver):
    alice = stack.caller()
    hook = stack.hook(alice, receiver.answer("/generations"), event="generation.completed")
    answer = stack.client.post("/api/v1/generations", headers=alice.headers, json={
        "input_type": "text", "input_content": TIPS, "output_formats": ["og", "linkedin_carousel"],
        "visual_style": "minimal"})
    assert answer.status_code == 202, answer.get_json()
    done = wait_generation(stack, alice, answer.headers["Location"])
    assert done["status"] == "completed", done["error"]
    assert [(o["format"], o["pages"], len(o["urls"])) for o in done["outputs"]] == \
        [("og", 1, 1), ("linkedin_carousel", 5, 5)]
    assert done["credits"] == 6
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 6
    for output, size in zip(done["outputs"], ((1200, 630), (1080, 1350)), strict=True):
        assert stack.client.get(f"/api/v1/templates/{output['template_id']}", headers=alice.headers).status_code == 200
        for url in output["urls"]:
            png = stack.client.get(url.removeprefix("http://platen.test"))
            assert png.status_code == 200 and Image.open(io.BytesIO(png.data)).size == size
    [delivered] = receiver.wait("/generations")
    payload = Webhook(hook["secret"]).verify(delivered.body, delivered.headers)
    assert payload["type"] == "generation.completed" and payload["data"] == done


MANY = ["a4_portrait", "a4_landscape", "letter_portrait", "linkedin_carousel", "instagram_carousel",
        "instagram_story", "pinterest_pin", "youtube_thumbnail", "x_post", "og"]


def test_a_generation_survives_its_worker_being_killed(stack):
    alice = stack.caller()
    answer = stack.client.post("/api/v1/generations", headers=alice.headers, json={
        "input_type": "text", "input_content": TIPS, "output_formats": MANY,
        "carousel_slides": {"linkedin_carousel": 10, "instagram_carousel": 10}})
    assert answer.status_code == 202, answer.get_json()
    deadline = time.monotonic() + 60
    while True:   # killed once its first design is saved: the rest is still to draw
        running = stack.client.get(answer.headers["Location"], headers=alice.headers).get_json()
        if running["outputs"]:
            break
        assert running["status"] in ("queued", "running") and time.monotonic() < deadline, \
            stack.worker.output()[-3000:]
        time.sleep(0.02)
    os.killpg(stack.worker.pid, signal.SIGKILL)
    stack.worker.popen.wait()
    assert stack.client.get(answer.headers["Location"], headers=alice.headers).get_json()["status"] == "running", \
        "killed mid-generation"
    stack.start_worker("worker2")
    done = wait_generation(stack, alice, answer.headers["Location"], timeout=120)
    assert done["status"] == "completed", done["error"]
    pages = 3 + 10 + 10 + 5
    assert sum(o["pages"] for o in done["outputs"]) == pages and done["credits"] == pages
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == pages, "charged once each"
    templates = stack.client.get("/api/v1/templates?limit=100", headers=alice.headers).get_json()
    assert sorted(t["id"] for t in templates) == sorted(o["template_id"] for o in done["outputs"]), \
        "no design saved twice"
    assert all(len(o["urls"]) == o["pages"] for o in done["outputs"])
