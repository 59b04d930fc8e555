"""A generation as stored and as the API shows it: its request, what was extracted and the outputs made so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from connector.runtime.records import StoredRecord


class GenerationStatus(StrEnum):
    QUEUED = "queued"         # accepted, its job not started
    RUNNING = "running"       # extracting, designing, rendering
    COMPLETED = "completed"   # every output rendered
    FAILED = "failed"         # see error


TERMINAL = (GenerationStatus.COMPLETED.value, GenerationStatus.FAILED.value)
INPUT_TYPES = ("text", "url", "pdf")
TIMINGS = ("fetch_ms", "extract_ms", "plan_ms", "render_ms", "total_ms")   # each null until measured


@dataclass
class GenerationRecord(StoredRecord):
    id: str
    account_id: str
    key_id: str
    mode: str
    status: str
    input_type: str
    input_content: str | None = None
    input_url: str | None = None
    upload_key: str | None = None           # an uploaded PDF, in file storage
    output_formats: list = field(default_factory=list)
    carousel_slides: dict = field(default_factory=dict)   # format -> pages, as asked (defaults filled in)
    visual_style: str = "modern"
    brand_id: str | None = None             # asked for; once running, the brand it is drawn in
    webhook_url: str | None = None
    metadata: dict | None = None
    extracted: dict | None = None           # Extracted.to_dict(), once extracted
    outputs: list = field(default_factory=list)   # [{format, template_id, render_ids, file_keys, pages}]
    credits: int = 0
    error: dict | None = None
    timings: dict = field(default_factory=dict)    # milliseconds: fetch, extract, plan, render, total
    attempts: int = 0
    job_id: str | None = None
    created_at: str = ""
    started_at: str | None = None
    completed_at: str | None = None

    _JSON = ("output_formats", "carousel_slides", "metadata", "extracted", "outputs", "error", "timings")

    def to_api(self, url_of) -> dict:
        """The generation object (also the ``data`` of ``generation.completed`` and ``generation.failed``)."""
        extracted = None
        if self.extracted is not None:
            extracted = {name: self.extracted.get(name) for name in
                         ("title", "summary", "points", "image", "site_name", "author", "url")}
        outputs = [{"format": o["format"], "template_id": o.get("template_id"),
                    "render_ids": list(o.get("render_ids") or []),
                    "urls": [url_of(k) for k in o.get("file_keys") or [] if k], "pages": o.get("pages", 1)}
                   for o in self.outputs]
        return {"id": self.id, "status": self.status, "input_type": self.input_type,
                "output_formats": list(self.output_formats), "visual_style": self.visual_style,
                "brand_id": self.brand_id, "extracted": extracted, "outputs": outputs, "credits": self.credits,
                "error": self.error, "metadata": self.metadata,
                "timings": {name: (self.timings or {}).get(name) for name in TIMINGS},
                "created_at": self.created_at, "completed_at": self.completed_at, "mode": self.mode}


def design_template_id(generation_id: str, output: int) -> str:
    """The template saved for output ``output`` (0-based): derived like its renders' ids, so a job that died right
    after saving it finds it instead of saving another."""
    return f"tpl_{generation_id.split('_', 1)[1]}t{output:02d}"


def page_render_id(generation_id: str, output: int, page: int) -> str:
    """The render of page ``page`` (1-based) of output ``output`` (0-based): derived from the generation's id, so
    a job run again finds the renders it made instead of making (and charging) them twice."""
    return f"rnd_{generation_id.split('_', 1)[1]}{output:02d}{page:03d}"
