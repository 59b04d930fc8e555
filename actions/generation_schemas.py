"""Schemas of generations over HTTP: the request (JSON, or a multipart form with a PDF) and the generation object."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from connector.generations.creating import MAX_FORMATS, MAX_SLIDES, MIN_SLIDES
from connector.generations.designs import DEFAULT_SLIDES, STYLES
from connector.generations.extracting import MAX_TEXT
from connector.generations.record import INPUT_TYPES, GenerationStatus
from connector.templates.formats import FORMATS

from .schemas import mode_field, one_of

FORMAT_IDS = [f.name for f in FORMATS]
CAROUSELS = [f.name for f in FORMATS if f.pages]
_STYLE_DOC = "The look: " + ", ".join(f"`{s}`" for s in STYLES) + " (default `modern`)."


class WholeNumber(fields.Integer):
    """An integer, or a string of one ("5", as a form sends it); 5.5 is refused, not cut to 5."""

    def _validated(self, value):
        if isinstance(value, float) and not value.is_integer():
            raise self.make_error("invalid")
        return super()._validated(value)


class GenerationCreateSchema(ma.Schema):
    """Designs from content: a text, a web page or a PDF, laid out in every format asked for."""

    # Ids are checked (in any case, trimmed) when the generation is accepted, so that every refusal says the bad
    # value in one sentence with details.fields; the enums here document them.
    input_type = fields.String(required=True, metadata={"enum": list(INPUT_TYPES),
        "description": "`text`: `input_content`; `url`: the web page at `input_url`; `pdf`: the PDF at `input_url`, "
                       "or uploaded as the multipart form's `file`.", "example": "text"})
    input_content = fields.String(allow_none=True, metadata={
        "description": f"For `text`: the text (at most {MAX_TEXT:,} characters). Its first line is the title; "
                       "list items (`- `, `1. `) become points.",
        "example": "5 tips for remote work\n- Keep a routine\n- Take real breaks\n- Over-communicate"})
    input_url = fields.String(allow_none=True, validate=validate.Length(max=2048), metadata={
        "description": "For `url` and `pdf`: an http(s) address, fetched by the server (private and local "
                       "addresses are refused).", "example": "https://example.com/blog/remote-work"})
    output_formats = fields.List(fields.String(metadata={"enum": FORMAT_IDS}), required=True, metadata={
        "description": f"1 to {MAX_FORMATS} format ids from GET /formats; each becomes a template and its "
                       "rendered pages. A comma-separated string is taken too.",
        "example": ["og", "instagram_post", "linkedin_carousel"]})
    carousel_slides = fields.Dict(
        keys=fields.String(metadata={"enum": CAROUSELS}), values=WholeNumber(), allow_none=True,
        metadata={"description": f"Slides per carousel format, {MIN_SLIDES} to {MAX_SLIDES} (default "
                                 f"{DEFAULT_SLIDES}).", "example": {"linkedin_carousel": 5}})
    visual_style = fields.String(load_default="modern", metadata={"enum": list(STYLES), "description": _STYLE_DOC,
                                                                  "example": "modern"})
    brand_id = fields.String(allow_none=True, metadata={
        "description": "The brand (`brd_…`) the designs use; default the account's default brand. Not one of "
                       "yours: a 422.", "example": "brd_0mhq3k2x1a2b3c4d5e6f7g8h"})
    webhook_url = fields.String(allow_none=True, validate=validate.Length(max=2048), metadata={
        "description": "Called (signed, like hooks) with `generation.completed` or `generation.failed`."})
    metadata = fields.Dict(allow_none=True, metadata={
        "description": "Echoed back on the generation and its events; at most 4 KB.", "example": {"post_id": "42"}})


CREATE_BODY = {
    "required": True,
    "description": "JSON, or a multipart form with the PDF as `file` (`curl -F file=@report.pdf -F input_type=pdf "
                   "-F output_formats=og,linkedin_carousel`).",
    "content": {
        "application/json": {"schema": GenerationCreateSchema},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file", "output_formats"], "properties": {
            "file": {"type": "string", "format": "binary", "description": "A PDF of at most 20 MB."},
            "input_type": {"type": "string", "enum": ["pdf"], "default": "pdf"},
            "output_formats": {"type": "string", "description": "Format ids, comma-separated (or the part "
                                                                "repeated, or a JSON array).",
                               "example": "og,linkedin_carousel"},
            "carousel_slides": {"type": "string", "description": "A JSON object.",
                                "example": "{\"linkedin_carousel\": 5}"},
            "visual_style": {"type": "string", "enum": list(STYLES), "default": "modern"},
            "brand_id": {"type": "string"},
            "webhook_url": {"type": "string"},
            "metadata": {"type": "string", "description": "A JSON object, echoed back."}}}},
    },
}


class OutputSchema(ma.Schema):
    format = fields.String(required=True, metadata={"example": "linkedin_carousel"})
    template_id = fields.String(allow_none=True, metadata={
        "description": "The design, saved as an ordinary template: open it in the editor, render it again.",
        "example": "tpl_0mhq3k2x1a2b3c4d5e6f7g8h"})
    render_ids = fields.List(fields.String(), required=True, metadata={"description": "One render per page."})
    urls = fields.List(fields.String(), required=True, metadata={
        "description": "The rendered PNGs, one per page, once completed.",
        "example": ["https://platen.example.com/files/2026/12/06/…/rnd_….png"]})
    pages = fields.Integer(required=True, metadata={"example": 5})


class ExtractedSchema(ma.Schema):
    title = fields.String(required=True, metadata={"example": "5 tips for remote work"})
    summary = fields.String(metadata={"example": "Working from home works when the day has a shape."})
    points = fields.List(fields.String(), metadata={"example": ["Keep a routine", "Take real breaks"]})
    image = fields.String(allow_none=True, metadata={"description": "The lead image's URL (a PDF's: an asset)."})
    site_name = fields.String(allow_none=True)
    author = fields.String(allow_none=True)
    url = fields.String(allow_none=True, metadata={"description": "The page's canonical address."})


class GenerationErrorSchema(ma.Schema):
    error = fields.String(required=True, metadata={"example": "input_unreachable"})
    message = fields.String(required=True)


class TimingsSchema(ma.Schema):
    """Milliseconds spent by the job (the last start of it) in each step; null for a step not (yet) measured: a
    queued generation's are all null, a failed one has those of the steps it reached."""

    fetch_ms = fields.Integer(required=True, allow_none=True, metadata={
        "description": "Fetching the page or PDF (0 for a text; timed too when the fetch failed)."})
    extract_ms = fields.Integer(required=True, allow_none=True, metadata={
        "description": "Reading it into title, summary and points."})
    plan_ms = fields.Integer(required=True, allow_none=True, metadata={
        "description": "Designing every format and saving the templates."})
    render_ms = fields.Integer(required=True, allow_none=True, metadata={"description": "Rendering every page."})
    total_ms = fields.Integer(required=True, allow_none=True, metadata={
        "description": "The job from start to finish; set when it completed."})


class GenerationSchema(ma.Schema):
    """A generation. `status` is queued, running, completed or failed."""

    id = fields.String(required=True, metadata={"example": "gen_0mhq3k2x1a2b3c4d5e6f7g8h"})
    status = fields.String(required=True, validate=one_of(GenerationStatus))
    input_type = fields.String(required=True, validate=validate.OneOf(INPUT_TYPES))
    output_formats = fields.List(fields.String(), required=True, metadata={"example": ["og", "linkedin_carousel"]})
    visual_style = fields.String(required=True, metadata={"example": "modern"})
    brand_id = fields.String(allow_none=True, metadata={
        "description": "The brand asked for; once running, the brand the designs are drawn in."})
    extracted = fields.Nested(ExtractedSchema, allow_none=True, metadata={
        "description": "What was read from the input; null until then."})
    outputs = fields.List(fields.Nested(OutputSchema), required=True, metadata={
        "description": "One per format, in the order asked, filled in as they are made."})
    credits = fields.Integer(required=True, metadata={"description": "One per page rendered (test keys: none)."})
    error = fields.Nested(GenerationErrorSchema, allow_none=True, metadata={
        "description": "Why it failed: `input_empty`, `input_unreadable`, `input_unreachable`, `render_failed`, "
                       "`insufficient_credits`, `generation_failed`, …"})
    metadata = fields.Dict(allow_none=True)
    timings = fields.Nested(TimingsSchema, required=True)
    created_at = fields.String(required=True)
    completed_at = fields.String(allow_none=True)
    mode = mode_field()

