"""The generation job: it makes templates and renders once however often it runs, keeps an image found in the
input as an asset, fails bad input with its reason, and tries an unexpected error again at most three starts."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from rq.job import Job

from connector.accounts.store import Principal
from connector.generations import extracting, running
from connector.generations.content import Extracted
from connector.generations.creating import accept
from connector.generations.running import run_generation
from connector.jobs import queues
from connector.jobs.watched import GRACE, JobStates
from tests.support.jobs import Jobs

TEXT = {"input_type": "text", "input_content": "Five tips\nA short line.\n- One\n- Two\n- Three",
        "output_formats": ["og", "linkedin_carousel"], "carousel_slides": {"linkedin_carousel": 3}}


@pytest.fixture
def who(conn):
    account, key, _ = conn.accounts.create_account("Generator")
    return Principal(account, key)


@pytest.fixture
def jobs(conn):
    with Jobs(conn) as running_jobs:
        yield running_jobs


def used(conn, who) -> int:
    return conn.credits.usage(conn.accounts.get_account(who.account.id)).used


def test_a_job_run_again_after_a_crash_makes_and_charges_nothing_twice(conn, who, jobs):
    record = accept(conn, who, TEXT)
    jobs.run()
    done = conn.generations.load(record.id)
    assert done.status == "completed" and done.credits == 4 and used(conn, who) == 4
    templates = {t.id for t in conn.templates.list(who.account.id)}
    assert templates == {o["template_id"] for o in done.outputs}
    # as if its worker died just before finishing: the job is queued again and runs from the start
    conn.redis.hset(conn.generations.key(record.id), mapping={"status": "running", "completed_at": ""})
    conn.generations.requeue(record.id)
    jobs.run()
    again = conn.generations.load(record.id)
    assert again.status == "completed" and again.outputs == done.outputs and again.credits == 4
    assert {t.id for t in conn.templates.list(who.account.id)} == templates, "no template made twice"
    assert used(conn, who) == 4, "no page charged twice"
    run_generation(conn, record.id)   # a finished generation's job run once more: nothing happens
    assert conn.generations.load(record.id).to_redis() == again.to_redis()


def test_a_superseded_job_does_nothing(conn, who, jobs):
    record = accept(conn, who, TEXT)
    run_generation(conn, record.id, job_id="generations-old-job")
    assert conn.generations.load(record.id).status == "queued"


def test_an_image_inside_the_input_is_kept_as_an_asset_of_the_account(conn, who, jobs, monkeypatch):
    png = io.BytesIO()
    Image.new("RGB", (64, 48), "#3366ff").save(png, "PNG")
    monkeypatch.setattr(extracting, "from_pdf", lambda data, url=None: Extracted(
        title="A report", summary="In short.", points=["One"], image_data=png.getvalue()))
    record = accept(conn, who, {"input_type": "pdf", "output_formats": ["og"]}, upload=b"%PDF-1.4\n%fake\n")
    assert record.upload_key and record.input_url is None
    jobs.run()
    done = conn.generations.load(record.id)
    assert done.status == "completed", done.error
    [asset] = conn.assets.list(who.account.id)
    assert done.extracted["image"] == conn.assets.url(asset) and (asset.width, asset.height) == (64, 48)


def test_bad_input_fails_with_its_reason_and_costs_nothing(conn, who, jobs, monkeypatch):
    def unreadable(data, url=None, content_type=None):
        raise extracting.ExtractionFailed("input_unreadable", "The PDF has no text to read.")

    monkeypatch.setattr(extracting, "from_pdf", unreadable)
    record = accept(conn, who, {"input_type": "pdf", "output_formats": ["og"]}, upload=b"%PDF-1.4\n")
    jobs.run()
    failed = conn.generations.load(record.id)
    assert (failed.status, failed.error) == ("failed", {"error": "input_unreadable",
                                                        "message": "The PDF has no text to read."})
    assert failed.completed_at and failed.credits == 0 and used(conn, who) == 0
    assert record.id not in conn.generations.watched


def test_an_unexpected_error_is_tried_again_then_fails_after_three_starts(conn, who, jobs, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the layout blew up")

    monkeypatch.setattr(running, "design", broken)
    record = accept(conn, who, TEXT)
    for attempt in (1, 2):
        run_generation(conn, conn.generations.load(record.id).id)
        retried = conn.generations.load(record.id)
        assert (retried.status, retried.attempts) == ("queued", attempt)
        assert record.id in conn.generations.watched
        assert retried.job_id in conn.queue(queues.RENDERS).scheduled_job_registry.get_job_ids()
    run_generation(conn, record.id)
    failed = conn.generations.load(record.id)
    assert failed.status == "failed" and failed.error["error"] == "generation_failed"
    assert "the layout blew up" in failed.error["message"] and record.id not in conn.generations.watched


def test_a_generation_whose_workers_kept_dying_fails_with_a_reason(conn, who, jobs):
    record = accept(conn, who, TEXT)
    conn.redis.hset(conn.generations.key(record.id), mapping={"status": "running", "attempts": 3})
    run_generation(conn, record.id)
    failed = conn.generations.load(record.id)
    assert failed.status == "failed" and "interrupted 3 times" in failed.error["message"]


def test_an_abandoned_generation_is_queued_again_by_the_reconciler_and_completes(conn, who, jobs):
    record = accept(conn, who, TEXT)
    # a worker took its job and died running it: RQ still says started, and nobody will finish it
    conn.rq_redis.delete(conn.queue(queues.RENDERS).key)
    conn.rq_redis.hset(Job.key_for(record.job_id), "status", "started")
    conn.redis.hset(conn.generations.key(record.id), mapping={"status": "running", "attempts": 1})
    later = conn.generations.watched.now() + conn.generations.watched.timeout + GRACE + 1
    assert conn.generations.reconcile_overdue(JobStates(conn.rq_redis), later) == {"requeued": 1, "waiting": 0}
    jobs.run()
    assert conn.generations.load(record.id).status == "completed"


def test_a_fan_out_cut_off_is_finished_by_the_outbox_sweep(conn, who, jobs, monkeypatch):
    hook = conn.hooks.create(who.account.id, "https://example.com/g", "generation.completed")
    record = accept(conn, who, TEXT)
    monkeypatch.setattr(conn.generations, "fan_out", lambda *args: None)   # the process stops before its fan-out
    jobs.run("renders")
    assert conn.redis.zscore(conn.outbox.key, record.id) is not None
    assert conn.deliveries.list(who.account.id, hook.id) == []
    monkeypatch.undo()
    assert conn.outbox.sweep(grace=-60) >= 1
    assert conn.redis.zscore(conn.outbox.key, record.id) is None
    [delivery] = conn.deliveries.list(who.account.id, hook.id)
    assert delivery["event_type"] == "generation.completed"


def test_a_page_that_does_not_render_fails_the_generation_and_its_credit_comes_back(conn, who, jobs, monkeypatch):
    broken = {"name": "Broken", "width": 200, "height": 100, "layers": [
        {"type": "image", "name": "photo", "x": 0, "y": 0, "width": 200, "height": 100,
         "src": "http://127.0.0.1:9/photo.png", "on_error": "fail"}]}
    monkeypatch.setattr(running, "design", lambda *args, **kwargs: dict(broken))
    record = accept(conn, who, dict(TEXT, output_formats=["og"]))
    jobs.run()
    failed = conn.generations.load(record.id)
    assert failed.status == "failed" and failed.error["error"] == "render_failed", failed.error
    assert failed.error["message"].startswith("og page 1 did not render: ")
    assert used(conn, who) == 0 and conn.render_store.load(failed.outputs[0]["render_ids"][0]).status == "failed"


def test_a_job_that_died_right_after_saving_a_design_finds_it(conn, who, jobs, monkeypatch):
    record = accept(conn, who, dict(TEXT, output_formats=["og"]))
    saved = []
    real_update = conn.generations.update

    def die_after_the_template(rec, *names, pipe=None):
        if "outputs" in names and not saved:
            saved.append(rec.outputs[0]["template_id"])
            raise RuntimeError("the worker died")   # the template is saved, the generation does not know yet
        return real_update(rec, *names, pipe=pipe)

    monkeypatch.setattr(conn.generations, "update", die_after_the_template)
    run_generation(conn, record.id)
    assert conn.generations.load(record.id).outputs == []
    run_generation(conn, record.id)
    done = conn.generations.load(record.id)
    assert done.status == "completed" and done.outputs[0]["template_id"] == saved[0]
    assert [t.id for t in conn.templates.list(who.account.id)] == saved, "the design was not saved twice"
