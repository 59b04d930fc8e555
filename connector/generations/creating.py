"""Accepting a generation (the web side): every check that can be made before its job runs, each a 4xx naming the
field, then the generation stored, watched and queued."""

from __future__ import annotations

from connector.generations.designs import DEFAULT_SLIDES, STYLES
from connector.generations.extracting import MAX_TEXT
from connector.generations.record import INPUT_TYPES, GenerationRecord, GenerationStatus
from connector.renders.creating import check_metadata
from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import InsufficientCredits, PayloadTooLarge, ValidationFailed
from connector.storage import new_key
from connector.templates.formats import BY_NAME, FORMATS
from connector.webhooks.hooks import check_url

MAX_FORMATS = 10
MIN_SLIDES, MAX_SLIDES = 3, 10
MAX_PDF_BYTES = 20 * 1024 * 1024


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {message}", details={"fields": {field: [message]}})


def by_fields(exc: ValidationFailed) -> ValidationFailed:
    """A 422 in the generations' one convention, like a schema's for one bad field: the message starts with the
    field's name and ``details.fields`` is ``{field: [the problem]}`` (shared checks say ``details.field``)."""
    field = exc.details.get("field")
    if not field or "fields" in exc.details:
        return exc
    problem = exc.message.removeprefix(f"{field}: ").removeprefix(f"{field} ")   # "metadata is larger …"
    return ValidationFailed(f"{field}: {problem}", details={"fields": {field: [problem]}}, headers=exc.headers)


def normal_id(value):
    """A format, style or input type id as a no-code tool may send it ("Modern ", "OG"): trimmed, lower case."""
    return value.strip().lower() if isinstance(value, str) else value


def check_formats(formats) -> list[str]:
    if not isinstance(formats, list) or not formats:
        raise _invalid("output_formats", "give at least one format id from GET /api/v1/formats, e.g. "
                                         "[\"og\", \"linkedin_carousel\"].")
    formats = [normal_id(name) for name in formats]
    if len(formats) > MAX_FORMATS:
        raise _invalid("output_formats", f"{len(formats)} formats is more than the {MAX_FORMATS} one generation "
                                         "makes; split them into several generations.")
    for name in formats:
        if name not in BY_NAME:
            raise _invalid("output_formats", f"\"{str(name)[:40]}\" is not a format; use one of "
                                             f"{', '.join(f.name for f in FORMATS)}.")
    if len(set(formats)) != len(formats):
        raise _invalid("output_formats", "names a format twice; name each once.")
    return list(formats)


def check_slides(slides, formats: list[str]) -> dict:
    """{format: pages} for every carousel format asked for (DEFAULT_SLIDES where not given). A count for a carousel
    not asked for is ignored (a form may keep it while its format is unticked); for any other format it is a 422."""
    slides = slides or {}
    if not isinstance(slides, dict):
        raise _invalid("carousel_slides", "must be an object of format -> number of slides, e.g. "
                                          "{\"linkedin_carousel\": 5}.")
    slides = {normal_id(name): count for name, count in slides.items()}
    carousels = [f for f in formats if BY_NAME[f].pages]
    for name, count in slides.items():
        if name not in BY_NAME or not BY_NAME[name].pages:
            every = [f.name for f in FORMATS if f.pages]
            every = ", ".join(every[:-1]) + " and " + every[-1] if len(every) > 1 else every[0]
            raise _invalid("carousel_slides", f"{str(name)[:40]} is not a carousel format; slides apply to "
                                              f"{every}.")
        if isinstance(count, bool) or not isinstance(count, int) or not MIN_SLIDES <= count <= MAX_SLIDES:
            raise _invalid("carousel_slides", f"{name}: the number of slides must be a whole number from "
                                              f"{MIN_SLIDES} to {MAX_SLIDES}, not {str(count)[:20]}.")
    return {name: slides.get(name, DEFAULT_SLIDES) for name in carousels}


def check_input(conn, data: dict, upload: bytes | None) -> None:
    kind = data.get("input_type")
    if kind not in INPUT_TYPES:
        kinds = f"{', '.join(INPUT_TYPES[:-1])} or {INPUT_TYPES[-1]}"
        raise _invalid("input_type", f"is required: use {kinds}." if kind in (None, "") else
                       f"\"{str(kind)[:20]}\" is not an input type; use {kinds}.")
    if kind == "text":
        text = data.get("input_content")
        if not isinstance(text, str) or not text.strip():
            raise _invalid("input_content", "is required for input_type text: paste the text to design from.")
        if len(text) > MAX_TEXT:
            raise _invalid("input_content", f"is {len(text):,} characters, more than the {MAX_TEXT:,} a generation "
                                            "reads; send the first part, or the page's URL (input_type url).")
        return
    if kind == "pdf" and upload is not None:
        if len(upload) > MAX_PDF_BYTES:
            raise PayloadTooLarge(f"file: the PDF is {len(upload) / 2**20:.1f} MB, larger than the 20 MB a "
                                  "generation reads.", details={"field": "file"})
        if not upload.startswith(b"%PDF-"):
            raise _invalid("file", "is not a PDF (it does not start with %PDF-); send a PDF file.")
        return
    url = data.get("input_url")
    if not isinstance(url, str) or not url.strip():
        what = "the web page's address" if kind == "url" else "the PDF's address, or upload it as the form's 'file'"
        raise _invalid("input_url", f"is required for input_type {kind}: give {what}.")
    check_url(conn, url.strip(), "input_url")


def needed_pages(formats: list[str], slides: dict) -> int:
    return sum(slides.get(name, 1) for name in formats)


def accept(conn, principal, data: dict, upload: bytes | None = None) -> GenerationRecord:
    """Check ``data`` (the request as the schema loaded it) and a PDF ``upload``; store and queue the generation."""
    account_id = principal.account.id
    data = {**data, "input_type": normal_id(data.get("input_type"))}
    check_input(conn, data, upload)
    formats = check_formats(data.get("output_formats"))
    slides = check_slides(data.get("carousel_slides"), formats)
    style = normal_id(data.get("visual_style")) or "modern"
    if style not in STYLES:
        raise _invalid("visual_style", f"\"{str(style)[:20]}\" is not a style; use one of {', '.join(STYLES)}.")
    conn.brands.check_id(account_id, data.get("brand_id") or None)
    if data.get("webhook_url"):
        check_url(conn, data["webhook_url"], "webhook_url")
    check_metadata(data.get("metadata"))
    pages = needed_pages(formats, slides)
    if principal.key.mode != "test":
        usage = conn.credits.usage(principal.account)
        if usage.remaining < pages:
            raise InsufficientCredits(
                f"This generation renders {pages} pages (one credit each) and {usage.remaining:,} of this month's "
                f"{usage.limit:,} credits remain. Ask for fewer formats or slides, or wait until "
                f"{usage.period_end[:10]}.", details={"needed": pages, "remaining": usage.remaining})
    record = GenerationRecord(
        id=new_id("gen"), account_id=account_id, key_id=principal.key.id, mode=principal.key.mode,
        status=GenerationStatus.QUEUED.value, input_type=data["input_type"],
        input_content=data.get("input_content") if data["input_type"] == "text" else None,
        input_url=(data.get("input_url") or "").strip() or None if data["input_type"] != "text" else None,
        output_formats=formats, carousel_slides=slides, visual_style=style, brand_id=data.get("brand_id") or None,
        webhook_url=data.get("webhook_url") or None, metadata=data.get("metadata"), created_at=isoformat(utcnow()))
    if upload is not None and record.input_type == "pdf":
        record.input_url = None
        record.upload_key = conn.files.put(new_key(record.id, "pdf"), upload, "application/pdf").key
    return conn.generations.create(record)
