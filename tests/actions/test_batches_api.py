"""Batches over HTTP (SPEC section 7), against real Redis; the worker's jobs are run in-process by ``drain``."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

from connector.batches import expanding as batchjobs
from connector.batches import record as batchrecord
from connector.batches import store as batches
from connector.jobs import queues
from connector.jobs.watched import GRACE, JobStates
from connector.renders.running import run_render
from tests.actions.batch_support import CARD, drain, post_csv
from tests.conftest import Caller, assert_envelope


def test_json_rows_become_renders_and_a_bad_row_fails_alone(client, conn, alice, template_id):
    rows = [{"title": "One"}, {"titel": "Typo"}, {"title": "Three", "badge": "#ff0000"}]
    answer = client.post("/api/v1/batches", json={"template_id": template_id, "rows": rows}, headers=alice.headers)
    assert answer.status_code == 202, answer.get_json()
    batch = answer.get_json()
    assert batch["id"].startswith("bat_") and answer.headers["Location"] == f"/api/v1/batches/{batch['id']}"
    assert (batch["status"], batch["total"], batch["completed"], batch["failed"]) == ("queued", 3, 0, 0)
    assert batch["template_version"] == 1 and batch["completed_at"] is None
    drain(conn)
    done = client.get(f"/api/v1/batches/{batch['id']}", headers=alice.headers).get_json()
    assert (done["status"], done["completed"], done["failed"]) == ("completed", 2, 1)
    assert done["completed_at"] >= done["created_at"]
    renders = client.get(f"/api/v1/batches/{batch['id']}/renders", headers=alice.headers).get_json()
    assert [r["metadata"]["row"] for r in renders] == [1, 2, 3]
    assert all(r["batch_id"] == batch["id"] for r in renders)
    assert [r["status"] for r in renders] == ["completed", "failed", "completed"]
    assert "Row 2" in renders[1]["error"]["message"] and "titel" in renders[1]["error"]["message"]
    assert renders[1]["error"]["error"] == "validation_failed"
    assert client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 2, "the bad row cost nothing"
    listed = client.get(f"/api/v1/renders?batch_id={batch['id']}", headers=alice.headers).get_json()
    assert sorted(r["id"] for r in listed) == sorted(r["id"] for r in renders)
    polled = client.get("/api/v1/triggers/batch.completed", headers=alice.headers).get_json()
    assert polled == [done], "batch.completed carries the batch object, as GET shows it"
    failed = client.get("/api/v1/triggers/render.failed", headers=alice.headers).get_json()
    assert [r["id"] for r in failed] == [renders[1]["id"]]
    second_page = client.get(f"/api/v1/batches/{batch['id']}/renders?limit=2&page=1", headers=alice.headers)
    assert [r["metadata"]["row"] for r in second_page.get_json()] == [3]
    newest = client.get(f"/api/v1/batches/{batch['id']}/renders?order=newest", headers=alice.headers).get_json()
    assert [r["metadata"]["row"] for r in newest] == [3, 2, 1]
    newest = client.get(f"/api/v1/batches/{batch['id']}/renders?order=newest&status=completed&limit=1&page=1",
                        headers=alice.headers).get_json()
    assert [r["metadata"]["row"] for r in newest] == [1]
    assert client.get(f"/api/v1/batches/{batch['id']}/renders?order=newest&page=3",
                      headers=alice.headers).get_json() == []
    assert client.get("/api/v1/batches", headers=alice.headers).get_json()[0]["id"] == batch["id"]


def test_bad_batches_are_refused_before_anything_is_made(client, conn, alice, bob, template_id, make_app):
    def post(body, who=alice):
        return client.post("/api/v1/batches", json=body, headers=who.headers)

    assert "rows" in assert_envelope(post({"template_id": template_id, "rows": []}), 422,
                                     "validation_failed")["message"]
    assert_envelope(post({"rows": [{}]}), 422, "validation_failed")
    assert_envelope(post({"template_id": template_id, "rows": [{}]}, who=bob), 404, "not_found")
    assert_envelope(post({"template_id": template_id, "rows": [{}], "format": "gif"}), 422, "validation_failed")
    assert_envelope(post({"template_id": template_id, "rows": [{}], "webhook_url": "http://127.0.0.1/x"}), 422,
                    "validation_failed")
    missing = client.post("/api/v1/batches", data={"template_id": template_id}, headers=alice.headers,
                          content_type="multipart/form-data")
    assert "file is required" in assert_envelope(missing, 422, "validation_failed")["message"]
    bad_mapping = post_csv(client, alice, template_id, "title\nA\n", mapping="[1]")
    assert "mapping must be a JSON object" in assert_envelope(bad_mapping, 422, "validation_failed")["message"]
    big = {"note": "x" * 4100}
    for answer in (post({"template_id": template_id, "rows": [{}], "metadata": big}),
                   post_csv(client, alice, template_id, "title\nA\n", metadata=json.dumps(big))):
        refused = assert_envelope(answer, 422, "validation_failed")
        assert "metadata is larger than 4 KB" in refused["message"] and refused["details"]["field"] == "metadata"
    assert conn.batches.list(alice.account.id) == [], "nothing was made"
    made = post({"template_id": template_id, "rows": [{}]}).get_json()
    for path in ("", "/renders", "/results.csv", "/archive.zip"):
        assert_envelope(client.get(f"/api/v1/batches/{made['id']}{path}", headers=bob.headers), 404, "not_found")
    running = client.get(f"/api/v1/batches/{made['id']}/archive.zip", headers=alice.headers)
    assert "still queued" in assert_envelope(running, 409, "conflict")["message"]


def test_too_many_rows_and_too_few_credits(make_app):
    app = make_app(batch_max_rows=3, monthly_credits=2)
    client, conn = app.test_client(), app.extensions["platen"]
    alice = Caller(conn, "Alice")
    tpl = client.post("/api/v1/templates", json=CARD, headers=alice.headers).get_json()["id"]
    four = client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{}] * 4}, headers=alice.headers)
    assert "more than the 3 one batch takes" in assert_envelope(four, 422, "validation_failed")["message"]
    csv_four = post_csv(client, alice, tpl, "title\na\nb\nc\nd\n")
    assert "more than 3 rows" in assert_envelope(csv_four, 422, "validation_failed")["message"]
    three = client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{}] * 3}, headers=alice.headers)
    body = assert_envelope(three, 402, "insufficient_credits")
    assert body["details"]["needed"] == 3 and body["details"]["remaining"] == 2
    two = client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{}] * 2}, headers=alice.headers)
    assert two.status_code == 202
    again = client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{"title": "x"}]},
                        headers=alice.headers)
    body = assert_envelope(again, 402, "insufficient_credits")
    assert body["details"]["promised"] == 2 and "promised to rows of your batches still running" in body["message"]
    _, test_secret = conn.accounts.create_key(alice.account.id, mode="test")
    free = client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{}] * 3},
                       headers={"X-API-Key": test_secret})
    assert free.status_code == 202, "test keys use no credits"


def test_batches_sent_at_the_same_moment_are_not_promised_the_same_credits(make_app, monkeypatch):
    """Eight 3-row batches at once against 10 credits: three are accepted, five refused. The credit check is slowed
    down so that, without the per-account lock, every one of them would see the credits free."""
    app = make_app(monthly_credits=10)
    conn = app.extensions["platen"]
    alice = Caller(conn, "Alice")
    tpl = app.test_client().post("/api/v1/templates", json=CARD, headers=alice.headers).get_json()["id"]
    counted = conn.batches.promised_credits

    def slow_promised(account_id, *args, **kwargs):
        promised = counted(account_id, *args, **kwargs)
        time.sleep(0.05)
        return promised

    monkeypatch.setattr(conn.batches, "promised_credits", slow_promised)
    barrier = threading.Barrier(8)

    def send(_):
        client = app.test_client()
        barrier.wait()
        return client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{}] * 3},
                           headers=alice.headers).status_code

    with ThreadPoolExecutor(8) as pool:
        answers = sorted(pool.map(send, range(8)))
    assert answers == [202] * 3 + [402] * 5


def test_a_chunk_run_twice_makes_no_duplicate_and_charges_once(client, conn, alice, template_id, monkeypatch):
    monkeypatch.setattr(batchjobs, "CHUNK", 2)
    rows = [{"title": f"Row {i}"} for i in range(5)]
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": rows},
                        headers=alice.headers).get_json()
    first_job = conn.batches.load(batch["id"]).job_id
    batchjobs.expand(conn, batch["id"], job_id=first_job)   # rows 1-2, then the next chunk is queued
    assert conn.batches.load(batch["id"]).expanded == 2
    conn.redis.hset(conn.batches.key(batch["id"]), "expanded", 0)   # as if its worker died before saying so
    batchjobs.expand(conn, batch["id"])
    ran = drain(conn)
    # the first job (never taken) and the one the first run queued are stale and do nothing; two chunks remain
    assert ran["batch"] == 4
    done = conn.batches.load(batch["id"])
    assert (done.status, done.completed, done.failed) == ("completed", 5, 0)
    assert client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 5
    assert len(conn.render_store.list(alice.account.id, batch_id=batch["id"], limit=100)) == 5


def test_row_renders_wait_behind_single_renders(client, conn, alice, template_id):
    assert queues.ALL.index(queues.RENDERS) < queues.ALL.index(queues.BATCHES)
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{"title": "b"}]},
                        headers=alice.headers).get_json()
    batchjobs.expand(conn, batch["id"])
    single = client.post("/api/v1/renders", json={"template_id": template_id, "wait": False},
                         headers=alice.headers).get_json()
    assert conn.queue(queues.RENDERS).job_ids == [conn.render_store.load(single["id"]).job_id]
    row = conn.render_store.list(alice.account.id, batch_id=batch["id"])[0]
    assert row.job_id in conn.queue(queues.BATCHES).job_ids


def test_the_reconciler_requeues_a_batch_whose_job_was_lost(client, conn, alice, template_id):
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{}]},
                        headers=alice.headers).get_json()
    chunks = conn.batches.chunks
    later = chunks.watched.now() + batches.JOB_TIMEOUT + GRACE + 1   # on Redis's clock
    assert chunks.reconcile_overdue(JobStates(conn.rq_redis), later) == {"requeued": 0, "waiting": 1}
    conn.rq_redis.lpop(conn.queue(queues.BATCHES).key)   # its worker died holding it
    assert chunks.reconcile_overdue(JobStates(conn.rq_redis), later + 1000) == {"requeued": 0, "waiting": 1}
    assert chunks.reconcile_overdue(JobStates(conn.rq_redis), later + 2000) == {"requeued": 1, "waiting": 0}
    drain(conn)
    assert conn.batches.load(batch["id"]).status == "completed"


def test_keyless_signed_links_a_status_filter_and_the_callback_log(client, conn, alice, template_id):
    rows = [{"title": "ok"}, {"badge": "not a colour"}, {"title": "=HYPERLINK(\"http://evil.test\",\"x\")"},
            None, {"title": "-5"}]
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": rows, "scale": 2},
                        headers=alice.headers).get_json()
    assert batch.get("scale") == 2 and batch["total"] == 5, batch
    early = client.get(batch["archive_url"].removeprefix("http://127.0.0.1:8000"))
    assert_envelope(early, 409, "conflict")
    assert early.headers["Retry-After"] == "10"
    drain(conn)
    done = client.get(f"/api/v1/batches/{batch['id']}", headers=alice.headers).get_json()
    assert (done["completed"], done["failed"]) == (3, 2)
    assert done["results_url"] == batch["results_url"] and "?s=" in done["archive_url"]
    keyless = client.get(done["results_url"].removeprefix("http://127.0.0.1:8000"))
    assert keyless.status_code == 200 and keyless.mimetype == "text/csv"
    text = keyless.get_data(as_text=True)   # a streamed answer: read before the next request
    with_key = client.get(f"/api/v1/batches/{batch['id']}/results.csv", headers=alice.headers)
    assert text == with_key.get_data(as_text=True)
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[2]["title"].startswith("'=HYPERLINK"), "a formula is neutralised for spreadsheets"
    assert table[4]["title"] == "-5", "a number stays a number"
    assert "not an object of field values" in table[3]["error"]
    assert table[1]["error"].startswith("Row 2: badge") and table[0]["status"] == "completed"
    zipped = client.get(done["archive_url"].removeprefix("http://127.0.0.1:8000"))
    with zipfile.ZipFile(io.BytesIO(zipped.data)) as zf:
        assert zf.namelist() == ["00001.png", "00003.png", "00005.png", "results.csv"]
        assert {info.external_attr >> 16 for info in zf.infolist()} == {0o100644}, "unzips readable, not 0600"
        from PIL import Image

        assert Image.open(io.BytesIO(zf.read("00001.png"))).size == (240, 120), "scale 2"
    forged = done["archive_url"].removeprefix("http://127.0.0.1:8000").replace("archive.zip", "results.csv")
    assert_envelope(client.get(forged), 403, "forbidden")
    assert_envelope(client.get(f"/batches/{done['id']}/results.csv"), 403, "forbidden")
    failed = client.get(f"/api/v1/batches/{batch['id']}/renders?status=failed", headers=alice.headers).get_json()
    assert [r["metadata"]["row"] for r in failed] == [2, 4]
    second = client.get(f"/api/v1/batches/{batch['id']}/renders?status=failed&limit=1&page=1",
                        headers=alice.headers).get_json()
    assert [r["metadata"]["row"] for r in second] == [4]
    assert client.get(f"/api/v1/batches/{batch['id']}/deliveries", headers=alice.headers).get_json() == []


def test_malformed_ids_are_404s_not_errors(client, alice):
    for path in ("/api/v1/batches/bat_x:rows", "/api/v1/renders/rnd_x:done", "/api/v1/templates/tpl_a:b",
                 "/api/v1/batches/bat_0123456789012345678901:done/renders"):
        assert_envelope(client.get(path, headers=alice.headers), 404, "not_found")


def test_a_template_deleted_mid_batch_fails_the_rows_not_yet_made(client, conn, alice, template_id, monkeypatch):
    monkeypatch.setattr(batchjobs, "CHUNK", 2)
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{"title": str(i)}
                                                                                     for i in range(5)]},
                        headers=alice.headers).get_json()
    batchjobs.expand(conn, batch["id"], job_id=conn.batches.load(batch["id"]).job_id)
    assert client.delete(f"/api/v1/templates/{template_id}", headers=alice.headers).status_code == 204
    drain(conn)
    done = conn.batches.load(batch["id"])
    assert (done.status, done.completed, done.failed) == ("completed", 2, 3), "rows already queued still render"
    failed = client.get(f"/api/v1/batches/{batch['id']}/renders?status=failed", headers=alice.headers).get_json()
    assert "was deleted while the batch ran" in failed[0]["error"]["message"]
    assert client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 2


def test_a_replayed_chunk_refunds_a_row_that_turned_into_a_cache_hit(client, conn, alice, template_id):
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{"title": "same"}]},
                        headers=alice.headers).get_json()
    row_id = batchrecord.row_render_id(batch["id"], 0)
    conn.credits.charge(alice.account, 1, row_id)   # charged, then the worker died before saving the row
    assert client.post("/api/v1/renders", json={"template_id": template_id, "fields": {"title": "same"},
                                                "wait": False}, headers=alice.headers).status_code == 202
    drain(conn)   # the single render fills the cache; the replayed chunk finds the row cached
    assert conn.render_store.load(row_id).cached is True
    assert client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 1, "only the single render"


def test_json_rows_naming_too_many_fields_are_refused(client, alice, template_id):
    rows = [{f"f{i}": "x" for i in range(501)}]
    answer = client.post("/api/v1/batches", json={"template_id": template_id, "rows": rows}, headers=alice.headers)
    assert "at most 500" in assert_envelope(answer, 422, "validation_failed")["message"]


def test_cancelling_fails_the_rows_not_rendered_and_gives_their_credit_back(client, conn, alice, bob, template_id,
                                                                             monkeypatch):
    monkeypatch.setattr(batchjobs, "CHUNK", 3)
    rows = [{"title": f"Row {i}"} for i in range(10)]
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": rows},
                        headers=alice.headers).get_json()
    batchjobs.expand(conn, batch["id"], job_id=conn.batches.load(batch["id"]).job_id)   # rows 1-3 made, queued
    run_render(conn, batchrecord.row_render_id(batch["id"], 0))                          # row 1 rendered
    assert_envelope(client.post(f"/api/v1/batches/{batch['id']}/cancel", headers=bob.headers), 404, "not_found")
    answer = client.post(f"/api/v1/batches/{batch['id']}/cancel", headers=alice.headers)
    assert answer.status_code == 202 and answer.get_json()["cancelled_at"]
    again = client.post(f"/api/v1/batches/{batch['id']}/cancel", headers=alice.headers).get_json()
    assert again["cancelled_at"] == answer.get_json()["cancelled_at"]
    drain(conn)
    done = client.get(f"/api/v1/batches/{batch['id']}", headers=alice.headers).get_json()
    assert (done["status"], done["completed"], done["failed"]) == ("completed", 1, 9)
    failed = client.get(f"/api/v1/batches/{batch['id']}/renders?status=failed", headers=alice.headers).get_json()
    assert {r["error"]["error"] for r in failed} == {"cancelled"} and "Row 2" in failed[0]["error"]["message"]
    assert client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 1, "only row 1 paid"
    assert client.get("/api/v1/triggers/batch.completed", headers=alice.headers).get_json()[0]["id"] == batch["id"]
    late = client.post(f"/api/v1/batches/{batch['id']}/cancel", headers=alice.headers)
    assert "already completed" in assert_envelope(late, 409, "conflict")["message"]


def test_a_batch_hooks_test_event_carries_a_batch_object_of_the_real_shape(client, conn, alice, template_id):
    hook = conn.hooks.create(alice.account.id, "https://example.com/b", "batch.completed")
    sample = conn.deliveries.sample(hook)
    real = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{}]},
                       headers=alice.headers).get_json()
    assert set(sample) == set(real)
    assert sample["status"] == "completed" and sample["total"] == sample["completed"] == 2
