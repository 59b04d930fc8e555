"""Batches end to end: a CSV or a workbook through the API, a real worker, real images, real webhook receivers."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import time
import zipfile

import openpyxl
from PIL import Image
from standardwebhooks import Webhook

from .stacks import CARD


def wait_batch(stack, caller, batch_id, timeout=60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        batch = stack.client.get(f"/api/v1/batches/{batch_id}", headers=caller.headers).get_json()
        if batch["status"] == "completed":
            return batch
        if time.monotonic() > deadline:
            raise AssertionError(f"batch still {batch}\n{stack.worker.output()[-3000:]}")
        time.sleep(0.2)


def test_a_csv_batch_renders_every_row_and_fires_batch_completed(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice)
    hook = stack.hook(alice, receiver.answer("/batches"), event="batch.completed")
    colours = ["red", "green", "blue", "orange", "purple"] * 4
    lines = ["Name;Picture"] + [f"Person {i};{stack.images.base}/{c}.png" for i, c in enumerate(colours)]
    lines.append(f"Nobody;{stack.images.base}/missing.png")   # its image is a 404: that row alone fails
    csv_bytes = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()
    answer = stack.client.post("/api/v1/batches", headers=alice.headers, content_type="multipart/form-data", data={
        "template_id": tpl, "mapping": '{"Name": "title", "Picture": "logo"}',
        "webhook_url": receiver.answer("/mine"), "file": (io.BytesIO(csv_bytes), "people.csv")})
    assert answer.status_code == 202, answer.get_json()
    batch = wait_batch(stack, alice, answer.get_json()["id"])
    assert (batch["total"], batch["completed"], batch["failed"]) == (21, 20, 1)
    [delivered] = receiver.wait("/batches")
    payload = Webhook(hook["secret"]).verify(delivered.body, delivered.headers)
    assert payload["type"] == "batch.completed" and payload["data"] == batch
    secret = stack.client.get("/api/v1/hooks/signing-secret", headers=alice.headers).get_json()["signing_secret"]
    [mine] = receiver.wait("/mine")
    assert Webhook(secret).verify(mine.body, mine.headers)["data"]["id"] == batch["id"]
    renders = stack.client.get(f"/api/v1/batches/{batch['id']}/renders?limit=100", headers=alice.headers).get_json()
    assert renders[-1]["status"] == "failed" and "missing.png" in renders[-1]["error"]["message"]
    archive = stack.client.get(f"/api/v1/batches/{batch['id']}/archive.zip", headers=alice.headers)
    with zipfile.ZipFile(io.BytesIO(archive.data)) as zf:
        names = zf.namelist()
        assert names == [f"{row:05d}.png" for row in range(1, 21)] + ["results.csv"]
        for name, colour in zip(names, colours, strict=False):
            image = Image.open(io.BytesIO(zf.read(name))).convert("RGB")
            expected = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
            assert image.getpixel((60, 60)) == expected, f"{name} has its own row's picture"
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 20


def test_an_excel_batch_renders_the_named_sheet(stack):
    alice = stack.caller()
    tpl = stack.template(alice)
    book = openpyxl.Workbook()
    book.active.append(["Name", "Picture"])
    book.active.append(["Not this sheet", f"{stack.images.base}/red.png"])
    sheet = book.create_sheet("People")
    colours = ["green", "blue", "orange"]
    sheet.append(["Name", "Picture", "Born"])
    for i, colour in enumerate(colours):
        sheet.append([f"Person {i}", f"{stack.images.base}/{colour}.png", dt.date(1990 + i, 1, 31)])
    buffer = io.BytesIO()
    book.save(buffer)
    answer = stack.client.post("/api/v1/batches", headers=alice.headers, content_type="multipart/form-data", data={
        "template_id": tpl, "mapping": '{"Name": "title", "Picture": "logo"}', "sheet": "People",
        "file": (io.BytesIO(buffer.getvalue()), "people.xlsx")})
    assert answer.status_code == 202, answer.get_json()
    batch = wait_batch(stack, alice, answer.get_json()["id"])
    assert (batch["total"], batch["completed"], batch["failed"], batch["ignored_columns"]) == (3, 3, 0, ["Born"])
    archive = stack.client.get(f"/api/v1/batches/{batch['id']}/archive.zip", headers=alice.headers)
    with zipfile.ZipFile(io.BytesIO(archive.data)) as zf:
        for row, colour in enumerate(colours, start=1):
            image = Image.open(io.BytesIO(zf.read(f"{row:05d}.png"))).convert("RGB")
            assert image.getpixel((60, 60)) == Image.new("RGB", (1, 1), colour).getpixel((0, 0))
        results = zf.read("results.csv").decode("utf-8-sig").splitlines()
    assert results[0] == "Name,Picture,Born,render_id,status,url,error,warnings"
    assert results[1].startswith(f"Person 0,{stack.images.base}/green.png,1990-01-31,rnd_")


def test_a_batch_survives_its_worker_being_killed(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice, {**CARD, "layers": CARD["layers"][1:]})
    stack.hook(alice, receiver.answer("/done"), event="batch.completed")
    rows = [{"title": f"Row {i}"} for i in range(300)]
    batch = stack.client.post("/api/v1/batches", json={"template_id": tpl, "rows": rows},
                              headers=alice.headers).get_json()
    deadline = time.monotonic() + 60
    while stack.client.get(f"/api/v1/batches/{batch['id']}", headers=alice.headers).get_json()["completed"] < 30:
        assert time.monotonic() < deadline, stack.worker.output()[-3000:]
        time.sleep(0.05)
    os.killpg(stack.worker.pid, signal.SIGKILL)   # mid-batch: rows being made, rendered and counted
    stack.worker.popen.wait()
    stack.start_worker("worker2")
    done = wait_batch(stack, alice, batch["id"], timeout=120)
    assert (done["completed"], done["failed"]) == (300, 0)
    delivered = receiver.wait("/done")
    assert {d.headers["webhook-id"] for d in delivered} == {delivered[0].headers["webhook-id"]}, \
        "one batch.completed event (a retry would carry the same id)"
    assert stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"] == 300, "charged once each"


def test_a_running_batch_can_be_cancelled(stack, receiver):
    alice = stack.caller()
    tpl = stack.template(alice, {**CARD, "layers": CARD["layers"][1:]})
    stack.hook(alice, receiver.answer("/done"), event="batch.completed")
    batch = stack.client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{"title": f"Row {i}"}
                                                                                    for i in range(400)]},
                              headers=alice.headers).get_json()
    deadline = time.monotonic() + 60
    while stack.client.get(f"/api/v1/batches/{batch['id']}", headers=alice.headers).get_json()["completed"] < 10:
        assert time.monotonic() < deadline, stack.worker.output()[-3000:]
        time.sleep(0.05)
    answer = stack.client.post(f"/api/v1/batches/{batch['id']}/cancel", headers=alice.headers)
    assert answer.status_code == 202
    done = wait_batch(stack, alice, batch["id"])
    assert done["cancelled_at"] and done["completed"] + done["failed"] == 400 and done["failed"] > 200
    [delivered] = receiver.wait("/done")
    assert delivered.json()["data"]["cancelled_at"] == done["cancelled_at"]
    used = stack.client.get("/api/v1/usage", headers=alice.headers).get_json()["used"]
    assert used == done["completed"], "cancelled rows cost nothing"
