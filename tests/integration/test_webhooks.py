"""Webhooks end to end: the app in-process, a real worker process, real Redis and real HTTP receivers on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import time

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from tests.conftest import assert_envelope

from .stacks import CARD


def test_a_subscriber_gets_a_verifiable_delivery_whose_data_is_the_render(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    hook = stack.hook(alice, receiver.answer("/ok"))
    assert hook["id"].startswith("hook_") and hook["secret"].startswith("whsec_") and hook["status"] == "active"
    render = stack.render(alice, template_id=tpl, fields={"title": "Hooked"}).get_json()
    [got] = receiver.wait("/ok")
    payload = Webhook(hook["secret"]).verify(got.body, got.headers)   # raises unless signed right
    assert payload["type"] == "render.completed" and payload["timestamp"].endswith("Z")
    shown = stack.client.get(f"/api/v1/renders/{render['id']}", headers=alice.headers).get_json()
    assert payload["data"] == shown
    polled = stack.client.get("/api/v1/triggers/render.completed", headers=alice.headers).get_json()
    assert polled[0] == payload["data"], "polling returns exactly what the webhook delivered"
    assert got.headers["webhook-id"].startswith("evt_") and got.headers["Content-Type"] == "application/json"
    assert got.headers["User-Agent"].startswith("Platen-Webhooks/")
    assert abs(int(got.headers["webhook-timestamp"]) - time.time()) < 30
    with pytest.raises(WebhookVerificationError):
        Webhook(stack.hook(alice, receiver.base + "/other")["secret"]).verify(got.body, got.headers)
    [delivery] = stack.settled(alice, hook["id"])
    assert delivery["status"] == "succeeded" and delivery["event_id"] == got.headers["webhook-id"]
    assert delivery["event_type"] == "render.completed" and delivery["next_attempt_at"] is None
    [attempt] = delivery["attempts"]
    assert attempt["attempt"] == 1 and attempt["status_code"] == 200 and attempt["response_body"] == "thanks"
    assert attempt["error"] is None and attempt["duration_ms"] >= 0


def test_a_failed_render_fires_render_failed(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    completed = stack.hook(alice, receiver.answer("/completed"))
    failed = stack.hook(alice, receiver.answer("/failed"), event="render.failed")
    answer = stack.render(alice, template_id=tpl, fields={"logo": f"{stack.images.base}/missing.png"})
    assert answer.status_code == 422
    [got] = receiver.wait("/failed")
    payload = Webhook(failed["secret"]).verify(got.body, got.headers)
    assert payload["type"] == "render.failed" and payload["data"]["status"] == "failed"
    assert payload["data"]["error"]["error"] == "image_failed"
    assert receiver.got("/completed") == [] and stack.deliveries(alice, completed["id"]) == []


def test_410_gone_unsubscribes_after_one_attempt(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    hook = stack.hook(alice, receiver.answer("/gone", (410, {}, b"no such zap")))
    stack.render(alice, template_id=tpl)
    receiver.wait("/gone")
    deadline = time.monotonic() + 10
    while stack.client.get(f"/api/v1/hooks/{hook['id']}", headers=alice.headers).status_code != 404:
        assert time.monotonic() < deadline, "the hook was not deleted"
        time.sleep(0.1)
    stack.render(alice, template_id=tpl, fields={"title": "again"})
    time.sleep(3)   # longer than the whole retry schedule of this test's worker
    assert len(receiver.got("/gone")) == 1
    assert_envelope(stack.client.delete(f"/api/v1/hooks/{hook['id']}", headers=alice.headers), 404, "not_found")


def test_a_failing_receiver_sees_retries_with_one_webhook_id_and_every_attempt_is_logged(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    hook = stack.hook(alice, receiver.answer("/down", (500, {}, b"x" * 2000)))
    stack.render(alice, template_id=tpl)
    got = receiver.wait("/down", 4)
    assert len({r.headers["webhook-id"] for r in got}) == 1
    for request in got:   # each attempt is signed afresh, and every signature checks out
        Webhook(hook["secret"]).verify(request.body, request.headers)
    assert [r.body for r in got] == [got[0].body] * 4
    [delivery] = stack.settled(alice, hook["id"])
    assert delivery["status"] == "failed" and delivery["next_attempt_at"] is None
    assert [a["attempt"] for a in delivery["attempts"]] == [1, 2, 3, 4]
    assert all(a["status_code"] == 500 and a["error"] for a in delivery["attempts"])
    assert all(a["response_body"] == "x" * 500 for a in delivery["attempts"]), "the first 500 bytes are kept"
    gaps = [b.at - a.at for a, b in zip(got, got[1:], strict=False)]
    assert all(gap >= 0.8 for gap in gaps), gaps
    time.sleep(2)
    assert len(receiver.got("/down")) == 4, "no attempt after the last one"
    # A manual retry re-sends now: a fifth attempt of the same delivery, the same webhook-id.
    receiver.answer("/down", (200, {}, b"back up"))
    retried = stack.client.post(f"/api/v1/hooks/{hook['id']}/deliveries/{delivery['id']}/retry",
                                headers=alice.headers)
    assert retried.status_code == 202 and retried.get_json()["status"] == "pending"
    fifth = receiver.wait("/down", 5)[-1]
    assert fifth.headers["webhook-id"] == got[0].headers["webhook-id"]
    [delivery] = stack.settled(alice, hook["id"])
    assert delivery["status"] == "succeeded" and delivery["attempts"][-1]["status_code"] == 200


def test_retry_after_is_honoured(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    hook = stack.hook(alice, receiver.answer("/busy", (429, {"Retry-After": "3"}, b"slow down"), (200, {}, b"ok")))
    stack.render(alice, template_id=tpl)
    first, second = receiver.wait("/busy", 2)
    assert second.at - first.at >= 2.9, "the schedule says 1 s; Retry-After said 3"
    [delivery] = stack.settled(alice, hook["id"])
    assert [a["status_code"] for a in delivery["attempts"]] == [429, 200] and delivery["status"] == "succeeded"


def test_a_redirect_is_a_failure_and_is_not_followed(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    target = receiver.answer("/moved-here")
    hook = stack.hook(alice, receiver.answer("/moved", (302, {"Location": target}, b"")))
    stack.render(alice, template_id=tpl)
    receiver.wait("/moved", 4)
    [delivery] = stack.settled(alice, hook["id"])
    assert delivery["status"] == "failed" and {a["status_code"] for a in delivery["attempts"]} == {302}
    assert "Redirects are not followed" in delivery["attempts"][0]["error"]
    assert receiver.got("/moved-here") == []


def test_a_render_callback_is_signed_with_the_account_signing_secret(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    answer = stack.client.get("/api/v1/hooks/signing-secret", headers=alice.headers)
    assert answer.status_code == 200
    secret = answer.get_json()["signing_secret"]
    assert secret.startswith("whsec_") and secret != alice.account.signing_secret
    render = stack.render(alice, template_id=tpl, webhook_url=receiver.answer("/callback?job=42"),
                          wait=False).get_json()
    [got] = receiver.wait("/callback?job=42")
    payload = Webhook(secret).verify(got.body, got.headers)
    assert payload["type"] == "render.completed" and payload["data"]["id"] == render["id"]
    bob = stack.caller("Bob")
    bobs = stack.client.get("/api/v1/hooks/signing-secret", headers=bob.headers).get_json()["signing_secret"]
    with pytest.raises(WebhookVerificationError):
        Webhook(bobs).verify(got.body, got.headers)
    deadline = time.monotonic() + 10   # the attempt is logged just after the receiver answered
    while time.monotonic() < deadline:
        log = stack.client.get(f"/api/v1/renders/{render['id']}/deliveries", headers=alice.headers).get_json()
        if log and log[0]["status"] == "succeeded":
            break
        time.sleep(0.1)
    assert [(d["event_type"], d["status"], d["hook_id"]) for d in log] == [("render.completed", "succeeded", None)]
    assert log[0]["attempts"][0]["status_code"] == 200
    assert log[0]["event_id"] == got.headers["webhook-id"]
    assert stack.client.get(f"/api/v1/renders/{render['id']}/deliveries", headers=bob.headers).status_code == 404


def test_a_hook_with_a_template_filter_hears_only_that_template(stack, receiver):
    alice = stack.caller()
    first, second = stack.template(alice), stack.template(alice, {**CARD, "name": "Other"})
    stack.hook(alice, receiver.answer("/first"), template_id=first)
    stack.hook(alice, receiver.answer("/any"))
    stack.render(alice, template_id=second)
    stack.render(alice, template_id=first)
    [only] = receiver.wait("/first")
    assert only.json()["data"]["template_id"] == first
    assert len(receiver.wait("/any", 2)) == 2
    time.sleep(1)
    assert len(receiver.got("/first")) == 1


def test_a_test_event_on_demand(stack, receiver):
    alice = stack.caller()
    hook = stack.hook(alice, receiver.answer("/zap"), event="render.failed")
    answer = stack.client.post(f"/api/v1/hooks/{hook['id']}/test", headers=alice.headers)
    assert answer.status_code == 202, answer.get_json()
    [got] = receiver.wait("/zap")
    payload = Webhook(hook["secret"]).verify(got.body, got.headers)
    assert payload["test"] is True and payload["type"] == "render.failed"
    assert payload["data"]["id"].startswith("rnd_") and payload["data"]["status"] == "failed"
    assert got.headers["webhook-id"] == answer.get_json()["event_id"]
    [delivery] = stack.settled(alice, hook["id"])
    assert delivery["status"] == "succeeded"


def test_a_delivery_survives_its_worker_being_killed(stack, receiver):
    """kill -9 the worker mid-delivery: the reconciler in the next worker queues it again; same webhook-id."""
    alice = stack.caller()
    tpl = stack.template(alice)
    gate = receiver.hold("/slow")
    hook = stack.hook(alice, receiver.answer("/slow"))
    stack.render(alice, template_id=tpl)
    [first] = receiver.wait("/slow")
    os.killpg(stack.worker.pid, signal.SIGKILL)
    stack.worker.popen.wait()
    gate.set()   # the receiver answers at once from now on; the killed worker never hears it
    stack.start_worker("worker2")
    second = receiver.wait("/slow", 2, timeout=60)[1]
    assert second.headers["webhook-id"] == first.headers["webhook-id"] and second.body == first.body
    [delivery] = stack.settled(alice, hook["id"])
    assert delivery["status"] == "succeeded" and [a["status_code"] for a in delivery["attempts"]] == [200]
