"""The render as stored (``RenderRecord``), what a client asks for (``RenderRequest``) and its cache key."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum

from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.records import StoredRecord
from renderer.encode import ALIASES, EXTENSIONS


class RenderStatus(StrEnum):
    QUEUED = "queued"
    RENDERING = "rendering"
    COMPLETED = "completed"
    FAILED = "failed"


TERMINAL = (RenderStatus.COMPLETED.value, RenderStatus.FAILED.value)


@dataclass
class RenderRecord(StoredRecord):
    """A render as stored. JSON-ish fields (fields, metadata, warnings, error, pages) are kept as JSON strings."""

    id: str
    account_id: str
    key_id: str
    mode: str
    status: str
    template_id: str | None
    template_version: int | None
    format: str
    quality: int | None = None
    scale: float = 1.0
    page: int | None = None
    fields: dict = field(default_factory=dict)
    metadata: dict | None = None
    inline_template: dict | None = None
    webhook_url: str | None = None
    batch_id: str | None = None
    brand: dict | None = None   # the values its template's brand tokens draw (renderer.brand), fixed when planned
    cache_key: str = ""
    credits: int = 0
    width: int | None = None
    height: int | None = None
    size_bytes: int | None = None
    file_key: str | None = None
    page_keys: list = field(default_factory=list)
    cached: bool = False
    preview: bool = False
    warnings: list = field(default_factory=list)
    error: dict | None = None
    attempts: int = 0
    job_id: str | None = None
    created_at: str = ""
    started_at: str | None = None
    completed_at: str | None = None
    duration_ms: int | None = None

    _JSON = ("fields", "metadata", "inline_template", "page_keys", "warnings", "error", "brand")

    def to_api(self, url_of) -> dict:
        """The render object of SPEC section 4 (plus ``page_urls`` for multi-page image renders)."""
        return {
            "id": self.id, "status": self.status, "template_id": self.template_id,
            "template_version": self.template_version, "format": self.format, "width": self.width,
            "height": self.height, "size_bytes": self.size_bytes,
            "url": url_of(self.file_key) if self.file_key else None,
            "page_urls": [url_of(k) for k in self.page_keys],
            "cached": self.cached, "warnings": self.warnings, "metadata": self.metadata, "batch_id": self.batch_id,
            "error": self.error, "created_at": self.created_at, "completed_at": self.completed_at,
            "duration_ms": self.duration_ms, "mode": self.mode,
        }


@dataclass(frozen=True)
class RenderRequest:
    """What a client asked for, already shaped by the HTTP schema."""

    template_id: str | None = None
    template: dict | None = None
    template_version: int | None = None   # a saved version to render (a batch's rows: the batch's); None: latest
    fields: dict = field(default_factory=dict)
    format: str = "png"
    quality: int | None = None
    scale: float = 1.0
    page: int | None = None
    metadata: dict | None = None
    webhook_url: str | None = None
    batch_id: str | None = None
    preview: bool = False   # a template preview: free, not listed, no events
    anonymous: bool = False   # an unsigned public URL: may use only the public share of the account's credits
    brand_id: str | None = None   # the brand its tokens draw, instead of the template's or the account's default


def _without_nulls(value):
    """A field value as it changes the output: ``null`` keeps the template's value, so it is as if not sent."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    return value


def cache_key(template_ref: str, fields: dict, fmt: str, quality, scale, page, test_mode: bool) -> str:
    """Everything that changes the output bytes, and nothing else."""
    canonical = json.dumps({"t": template_ref, "f": _without_nulls(fields), "o": [fmt, quality, scale, page,
                                                                                    test_mode]},
                           sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def new_record(principal, req: RenderRequest, template_id, version, key: str, credits: int,
               render_id: str | None = None, brand: dict | None = None) -> RenderRecord:
    fmt = ALIASES.get(req.format, req.format)
    return RenderRecord(
        id=render_id or new_id("rnd"), account_id=principal.account.id, key_id=principal.key.id,
        mode=principal.key.mode,
        status=RenderStatus.QUEUED.value, template_id=template_id, template_version=version, format=fmt,
        quality=req.quality, scale=req.scale, page=req.page, fields=req.fields or {}, metadata=req.metadata,
        inline_template=req.template if template_id is None else None, webhook_url=req.webhook_url,
        batch_id=req.batch_id, brand=brand, cache_key=key, credits=credits, preview=req.preview,
        created_at=isoformat(utcnow()))


def extension(fmt: str) -> str:
    return EXTENSIONS[ALIASES.get(fmt, fmt)]
