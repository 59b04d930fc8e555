"""The generation job (the worker side): extract, design each format, save each as a template, render its pages in
this very process (a worker never waits on another: ``make run`` has one), and finish with an event.

Safe to run again after a crash: what was extracted and the templates made are recorded on the generation as they
are made and reused, and its renders have ids derived from the generation's (``page_render_id``), so nothing is
made or charged twice. Bad input (``ExtractionFailed``, a URL the guard refuses or that cannot be fetched) fails it
with the reason; an unexpected error is tried again, at most MAX_ATTEMPTS starts in all.
"""

from __future__ import annotations

import logging
import time

from connector.accounts.store import ApiKey, Principal
from connector.fetch.fetcher import FetchError
from connector.generations import extracting
from connector.generations.content import Extracted
from connector.generations.designs import design
from connector.generations.record import (
    TERMINAL,
    GenerationRecord,
    GenerationStatus,
    design_template_id,
    page_render_id,
)
from connector.generations.store import MAX_ATTEMPTS
from connector.renders.creating import create_many, resolve_template
from connector.renders.record import TERMINAL as RENDER_TERMINAL
from connector.renders.record import RenderRequest
from connector.renders.running import run_render
from connector.runtime.clock import isoformat, utcnow
from connector.runtime.errors import NotFound, PlatenError, ValidationFailed
from connector.runtime.outage import REDIS_DOWN
from connector.templates.brands import token_values
from connector.templates.formats import BY_NAME

log = logging.getLogger(__name__)

RETRY_DELAYS = (2, 10)   # seconds before the 2nd and 3rd start after an unexpected error
INTERNAL_FAILURE = "The generation failed on our side after several attempts; it has been logged. Try again."
INTERRUPTED = "The generation was interrupted {n} times (a worker stopped while making it). Try again."


class GenerationFailed(Exception):
    """A generation that cannot succeed: ``code`` and a message a no-code user can act on."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def run_generation(conn, generation_id: str, job_id: str | None = None) -> None:
    """The job. A finished generation is left alone; a job superseded by a newer one (the reconciler queued it
    again) does nothing."""
    store = conn.generations
    record = store.load(generation_id)
    if record is None or record.status in TERMINAL:
        store.watched.unwatch(generation_id)
        return
    if job_id and record.job_id and job_id != record.job_id:
        return
    started, record = store.start(generation_id, isoformat(utcnow()))
    if not started:
        return
    if record.attempts > MAX_ATTEMPTS:
        fail(conn, record, "generation_failed", INTERRUPTED.format(n=record.attempts - 1))
        return
    try:
        make(conn, record)
    except extracting.ExtractionFailed as exc:
        fail(conn, record, exc.code, exc.message)
    except FetchError as exc:
        fail(conn, record, "input_unreachable", f"input_url: {exc}.")
    except GenerationFailed as exc:
        fail(conn, record, exc.code, exc.message)
    except REDIS_DOWN:
        raise   # not the generation's fault: the worker waits for Redis and runs this job again
    except Exception as exc:
        log.exception("generation %s failed unexpectedly (attempt %s)", generation_id, record.attempts)
        said = str(exc).strip().rstrip(".")[:200]
        message = INTERNAL_FAILURE if not said else INTERNAL_FAILURE.replace("; it has", f" ({said}); it has")
        retry_or_fail(conn, record, message, RETRY_DELAYS[min(record.attempts, len(RETRY_DELAYS)) - 1])


def make(conn, record: GenerationRecord) -> None:
    clock = time.perf_counter()
    store, account_id = conn.generations, record.account_id
    timings = record.timings = dict(record.timings or {})   # on the record: a failure keeps what was measured
    if record.extracted is None:
        extracted = extract(conn, record, timings)
        record.extracted = extracted.to_dict()
        store.update(record, "extracted", "timings")
        store.alive(record.id)
    else:
        extracted = Extracted.from_dict(record.extracted)
    brand = conn.brands.for_render(account_id, record.brand_id)
    record.brand_id = brand["id"]
    started = time.perf_counter()
    fonts, values = conn.fonts_for(account_id), token_values(brand)
    for index, name in enumerate(record.output_formats):
        if index < len(record.outputs) and record.outputs[index].get("template_id"):
            continue   # made by an earlier start of this job
        record.outputs[index:index + 1] = [save_design(conn, record, extracted, index, name, fonts, values)]
        store.update(record, "outputs", "brand_id")
        store.alive(record.id)
    timings["plan_ms"] = ms(started)
    started = time.perf_counter()
    principal = as_principal(conn, record)
    record.credits = sum(render_output(conn, principal, record, output) for output in record.outputs)
    timings["render_ms"] = ms(started)
    timings["total_ms"] = ms(clock)
    record.status, record.completed_at = GenerationStatus.COMPLETED.value, isoformat(utcnow())
    store.finish(record)


def extract(conn, record: GenerationRecord, timings: dict) -> Extracted:
    """The input read into ``Extracted``; an image found inside it stored as an asset of the account."""
    started = time.perf_counter()
    timings["fetch_ms"] = 0
    if record.input_type == "text":
        extracted = extracting.from_text(record.input_content or "")
    else:
        try:
            if record.upload_key:
                data, final_url, content_type = conn.files.get(record.upload_key)[0], None, "application/pdf"
            else:
                fetched = extracting.fetch(conn.fetcher, record.input_url, record.input_type)
                data, final_url, content_type = fetched.data, fetched.final_url, fetched.content_type
        finally:   # a fetch that failed is timed too
            timings["fetch_ms"] = ms(started)
        started = time.perf_counter()
        extracted = extracting.from_html(data, final_url, content_type) if record.input_type == "url" else \
            extracting.from_pdf(data, final_url)
    timings["extract_ms"] = ms(started)
    if extracted.image_data:
        try:
            asset, _ = conn.assets.upload(record.account_id, extracted.image_data)
            extracted.image = conn.assets.url(asset)
        except PlatenError as exc:   # an image the renderer cannot draw: the designs go without it
            log.info("generation %s: its input's image was not kept (%s)", record.id, exc.message)
    return extracted


def save_design(conn, record: GenerationRecord, extracted: Extracted, index: int, name: str, fonts,
                values: dict) -> dict:
    """One format designed and saved as an ordinary template of the account (its id derived from the generation's:
    one a start that died just after saving it made is found, not made again); the output as recorded."""
    template_id = design_template_id(record.id, index)
    try:
        template = conn.templates.get(record.account_id, template_id)
    except NotFound:
        slides = record.carousel_slides.get(name) if BY_NAME[name].pages else None
        data = design(extracted, name, record.visual_style, slides=slides, fonts=fonts, brand=values)
        data["brand_id"] = record.brand_id
        data.setdefault("name", f"{extracted.title[:60]} · {BY_NAME[name].label}")
        try:
            template = conn.templates.create(record.account_id, data, template_id)
        except ValidationFailed as exc:
            log.error("generation %s: the design for %s is not a valid template: %s", record.id, name, exc.message)
            raise GenerationFailed("design_failed", f"The {name} design could not be made ({exc.message}); this "
                                                    "is a bug on our side, and it has been logged.") from None
    pages = len(template.template.pages)
    return {"format": name, "template_id": template.id, "pages": pages,
            "render_ids": [page_render_id(record.id, index, page) for page in range(1, pages + 1)], "file_keys": []}


def render_output(conn, principal: Principal, record: GenerationRecord, output: dict) -> int:
    """Every page of one output rendered (PNG) through the normal render path, drawn here; its credits.

    Each page is stored, watched and charged just before it is drawn, but never queued: this job draws it (a
    worker never waits on another), and its deadline runs from then. Should this process die in between, the
    reconciler finds the render's job missing and queues it, as for any render."""
    account_id, ids, pages = record.account_id, output["render_ids"], output["pages"]
    existing = conn.render_store.existing(ids)
    resolved = _resolved(conn, account_id, output) if len(existing) < len(ids) else None
    for page, render_id in enumerate(ids, start=1):
        if render_id not in existing:
            req = RenderRequest(template_id=output["template_id"], format="png", page=page if pages > 1 else None,
                                metadata={"generation_id": record.id, "format": output["format"], "page": page})
            for _, _, exc in create_many(conn, principal, [(render_id, req)], resolved, None):
                raise GenerationFailed(exc.code, f"{output['format']} page {page}: {exc.message}")
        found = conn.render_store.load(render_id)
        for _ in range(3):   # a render tried again after an unexpected error is queued again: drawn here at once
            if found is None or found.status in RENDER_TERMINAL:
                break
            run_render(conn, render_id, account_id)
            found = conn.render_store.load(render_id)
        if found is None or found.status != "completed":
            reason = found.error["message"] if found is not None and found.error else "it did not finish"
            raise GenerationFailed("render_failed", f"{output['format']} page {page} did not render: {reason}")
        conn.generations.alive(record.id)
    records = conn.render_store.load_many(ids)
    output["file_keys"] = [render.file_key for render in records]
    return sum(render.credits for render in records)


def _resolved(conn, account_id: str, output: dict) -> tuple:
    """The output's template as ``create_many`` takes it (with the account's generations and its brand)."""
    try:
        resolved = resolve_template(conn.templates, account_id, RenderRequest(template_id=output["template_id"]),
                                    (conn.fonts.generation_key(account_id), conn.assets.generation_key(account_id)))
    except NotFound:
        raise GenerationFailed("template_deleted", f"The {output['format']} design (template "
                                                   f"{output['template_id']}) was deleted before its pages were "
                                                   "rendered; start the generation again.") from None
    return (conn.brands.branded(account_id, resolved[0], None, (), None, strict=False), *resolved[1:])


def as_principal(conn, record: GenerationRecord) -> Principal:
    """Who its renders are made as: its account and key as they were when it was accepted."""
    account = conn.accounts.get_account(record.account_id)
    key = ApiKey(id=record.key_id, account_id=record.account_id, label="", mode=record.mode, scopes=(), hint="",
                 created_at=record.created_at)
    return Principal(account, key)


def fail(conn, record: GenerationRecord, code: str, message: str) -> None:
    record.status, record.completed_at = GenerationStatus.FAILED.value, isoformat(utcnow())
    record.error = {"error": code, "message": message}
    conn.generations.finish(record)


def retry_or_fail(conn, record: GenerationRecord, message: str, delay: float = 0) -> bool:
    """Started fewer than MAX_ATTEMPTS times: queued again after ``delay`` seconds; else failed with ``message``."""
    if (record.attempts or 0) >= MAX_ATTEMPTS:
        fail(conn, record, "generation_failed", message)
        return False
    conn.generations.requeue(record.id, delay)
    return True


def ms(since: float) -> int:
    return round((time.perf_counter() - since) * 1000)
