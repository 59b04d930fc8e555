"""POST /api/v1/renders that succeed, in-process: the app, its own queues and a burst rq SimpleWorker running the
jobs for real (images drawn, files stored, callbacks sent to a real receiver on 127.0.0.1)."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image
from standardwebhooks import Webhook

from tests.conftest import Caller
from tests.support.receiver import Receiver

BASE = "http://platen.test"


@pytest.fixture
def app(make_app):
    return make_app(allow_private_networks=True, public_url=BASE)


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def hosted(client, render: dict) -> bytes:
    answer = client.get(render["url"].removeprefix(BASE))
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.data


def used(client, caller) -> int:
    return client.get("/api/v1/usage", headers=caller.headers).get_json()["used"]


def test_a_sync_render_answers_201_with_the_finished_image(client, alice, template_id, jobs):
    answer = jobs.during(lambda: client.post("/api/v1/renders", headers=alice.headers, json={
        "template_id": template_id, "fields": {"title": "Hi", "badge.fill": "#ff0000"}}))
    assert answer.status_code == 201, answer.get_json()
    render = answer.get_json()
    assert (render["status"], render["cached"], render["error"], render["template_version"]) == \
        ("completed", False, None, 1)
    assert (render["width"], render["height"], render["format"], render["mode"]) == (120, 60, "png", "live")
    data = hosted(client, render)
    assert len(data) == render["size_bytes"] and data.startswith(b"\x89PNG")
    assert image(data).getpixel((110, 5)) == (255, 0, 0), "the badge was drawn with the field's colour"
    assert used(client, alice) == 1
    assert jobs.queued() == 0


@pytest.mark.parametrize("output", ["base64", "binary"])
def test_a_sync_render_hands_over_the_bytes(client, alice, template_id, jobs, output):
    answer = jobs.during(lambda: client.post("/api/v1/renders", headers=alice.headers, json={
        "template_id": template_id, "format": "jpg", "output": output}))
    assert answer.status_code == 201
    if output == "binary":
        assert answer.mimetype == "image/jpeg" and answer.data.startswith(b"\xff\xd8")
        assert answer.headers["X-Render-Cached"] == "false"
        assert answer.headers["Content-Disposition"].endswith('.jpg"')
    else:
        body = answer.get_json()
        assert body["format"] == "jpeg" and base64.b64decode(body["base64"]) == hosted(client, body)


def test_an_async_render_answers_202_then_reads_completed(client, alice, template_id, jobs):
    answer = client.post("/api/v1/renders", headers=alice.headers,
                         json={"template_id": template_id, "wait": False, "format": "webp"})
    assert answer.status_code == 202
    queued = answer.get_json()
    assert queued["status"] == "queued" and answer.headers["Location"] == f"/api/v1/renders/{queued['id']}"
    assert jobs.run() == 1
    render = client.get(f"/api/v1/renders/{queued['id']}", headers=alice.headers).get_json()
    assert render["status"] == "completed" and render["completed_at"] and render["duration_ms"] >= 0
    file = client.get(f"/api/v1/renders/{queued['id']}/file", headers=alice.headers)
    assert file.status_code == 200 and file.mimetype == "image/webp" and file.data == hosted(client, render)
    listed = client.get("/api/v1/renders?status=completed", headers=alice.headers).get_json()
    assert [r["id"] for r in listed] == [queued["id"]]


def test_a_repeat_comes_from_the_cache_and_is_free(client, alice, template_id, jobs):
    body = {"template_id": template_id, "fields": {"title": "Same"}}
    first = jobs.during(lambda: client.post("/api/v1/renders", headers=alice.headers, json=body)).get_json()
    again = client.post("/api/v1/renders", headers=alice.headers, json=body)
    assert again.status_code == 201 and jobs.queued() == 0, "a repeat needs no job"
    repeat = again.get_json()
    assert repeat["cached"] is True and repeat["id"] != first["id"] and repeat["url"] == first["url"]
    assert used(client, alice) == 1
    later = client.post("/api/v1/renders", headers=alice.headers, json={**body, "wait": False})
    assert later.status_code == 202 and later.get_json()["status"] == "completed" and later.get_json()["cached"]
    other = client.post("/api/v1/renders", headers=alice.headers, json={**body, "format": "jpeg", "wait": False})
    assert other.get_json()["cached"] is False and jobs.run() == 1, "another format is another render"
    assert used(client, alice) == 2


def test_a_test_key_render_is_watermarked_and_free(app, client, alice, template_id, jobs):
    conn = app.extensions["platen"]
    _, secret = conn.accounts.create_key(alice.account.id, mode="test")
    tester = {"X-API-Key": secret}
    body = {"template_id": template_id, "fields": {"title": "Mode"}}
    live = jobs.during(lambda: client.post("/api/v1/renders", headers=alice.headers, json=body)).get_json()
    test = jobs.during(lambda: client.post("/api/v1/renders", headers=tester, json=body)).get_json()
    assert (live["mode"], test["mode"]) == ("live", "test") and test["cached"] is False
    assert image(hosted(client, live)).tobytes() != image(hosted(client, test)).tobytes(), "TEST is drawn on it"
    assert used(client, alice) == 1, "only the live render used a credit"


def test_a_webhook_url_hears_the_finished_render_once_the_webhooks_queue_runs(app, client, alice, template_id, jobs,
                                                                              receiver):
    url = receiver.answer("/callback?job=7")
    answer = client.post("/api/v1/renders", headers=alice.headers,
                         json={"template_id": template_id, "wait": False, "webhook_url": url})
    render = answer.get_json()
    jobs.run("renders")
    assert receiver.got("/callback?job=7") == [], "nothing is sent before the webhooks queue runs"
    jobs.run("webhooks")
    [got] = receiver.got("/callback?job=7")
    secret = client.get("/api/v1/hooks/signing-secret", headers=alice.headers).get_json()["signing_secret"]
    payload = Webhook(secret).verify(got.body, got.headers)
    assert payload["type"] == "render.completed" and payload["data"]["id"] == render["id"]
    assert payload["data"]["status"] == "completed" and payload["data"]["url"].startswith(f"{BASE}/files/")
    log = client.get(f"/api/v1/renders/{render['id']}/deliveries", headers=alice.headers).get_json()
    assert [(d["status"], d["hook_id"], d["event_id"]) for d in log] == [("succeeded", None, got.webhook_id)]


def test_a_webhook_url_that_platen_will_not_call_is_a_422(client, alice, template_id, jobs):
    answer = client.post("/api/v1/renders", headers=alice.headers,
                         json={"template_id": template_id, "webhook_url": "ftp://example.com/x"})
    assert answer.status_code == 422 and answer.get_json()["details"] == {"field": "webhook_url"}
    assert answer.get_json()["message"].startswith("webhook_url: ")
    assert jobs.queued() == 0 and used(client, alice) == 0


def test_a_batch_runs_every_row_and_calls_back_when_done(app, client, alice, template_id, jobs, receiver):
    url = receiver.answer("/batch")
    answer = client.post("/api/v1/batches", headers=alice.headers, json={
        "template_id": template_id, "rows": [{"title": f"Row {i}"} for i in range(3)],
        "webhook_url": url})
    assert answer.status_code == 202, answer.get_json()
    batch_id = answer.get_json()["id"]
    jobs.run()
    batch = client.get(f"/api/v1/batches/{batch_id}", headers=alice.headers).get_json()
    assert (batch["status"], batch["total"], batch["completed"], batch["failed"]) == ("completed", 3, 3, 0)
    renders = client.get(f"/api/v1/batches/{batch_id}/renders", headers=alice.headers).get_json()
    assert [r["status"] for r in renders] == ["completed"] * 3 and all(r["batch_id"] == batch_id for r in renders)
    assert len({hosted(client, r) for r in renders}) == 3, "three rows, three different images"
    assert used(client, alice) == 3
    [got] = receiver.got("/batch")
    assert got.json()["type"] == "batch.completed" and got.json()["data"]["id"] == batch_id


def test_other_accounts_see_none_of_it(client, alice, template_id, jobs, app):
    render = jobs.during(lambda: client.post("/api/v1/renders", headers=alice.headers,
                                             json={"template_id": template_id})).get_json()
    bob = Caller(app.extensions["platen"], "Bob")
    assert client.get(f"/api/v1/renders/{render['id']}", headers=bob.headers).status_code == 404
    assert client.get(f"/api/v1/renders/{render['id']}/file", headers=bob.headers).status_code == 404
    assert client.get("/api/v1/renders", headers=bob.headers).get_json() == []
