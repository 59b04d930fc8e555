"""A batch as stored and as the API shows it (SPEC section 7), and the ids of its rows' renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from connector.runtime.records import StoredRecord


class BatchStatus(StrEnum):
    QUEUED = "queued"         # accepted; no row made into a render yet
    RUNNING = "running"       # rows being rendered
    COMPLETED = "completed"   # every row completed or failed


@dataclass
class BatchRecord(StoredRecord):
    id: str
    account_id: str
    key_id: str
    mode: str
    status: str
    template_id: str
    template_version: int
    format: str
    quality: int | None = None
    scale: float = 1.0
    webhook_url: str | None = None
    metadata: dict | None = None
    source: str = "json"          # json | csv | xlsx
    columns: list = field(default_factory=list)          # the CSV's header (or the JSON rows' keys)
    extra_columns: list = field(default_factory=list)    # names for cells some CSV lines have beyond the header
    mapping: dict = field(default_factory=dict)           # CSV column -> the field it fills
    delimiter: str = ","          # the CSV's; results.csv is written with it (Excel in many locales wants ";")
    total: int = 0
    completed: int = 0
    failed: int = 0
    expanded: int = 0             # rows made into renders so far
    row_credits: int = 1          # what a fresh row costs (0 for test keys; a PDF: its pages)
    job_id: str | None = None
    created_at: str = ""
    completed_at: str | None = None
    cancelled_at: str | None = None
    brand_id: str | None = None   # the brand its rows' tokens draw (None: the template's, else the default)

    _JSON = ("metadata", "columns", "extra_columns", "mapping")

    @property
    def ignored_columns(self) -> list[str]:
        """The file's named columns that fill no field (unnamed ones, Excel's trailing `;`, go unmentioned)."""
        return [c for c in self.columns if c and c not in self.mapping] if self.source != "json" else []

    def to_api(self, links: dict | None = None) -> dict:
        """The batch object of SPEC section 7 (also the ``data`` of ``batch.completed``); ``links`` are its
        ``results_url`` and ``archive_url``."""
        return {"id": self.id, "status": self.status, "template_id": self.template_id,
                "template_version": self.template_version, "format": self.format, "scale": self.scale,
                "total": self.total,
                "completed": self.completed, "failed": self.failed, "ignored_columns": self.ignored_columns,
                "metadata": self.metadata, "brand_id": self.brand_id, **(links or {}), "created_at": self.created_at,
                "completed_at": self.completed_at, "cancelled_at": self.cancelled_at, "mode": self.mode}


def row_render_id(batch_id: str, index: int) -> str:
    """Row ``index`` (0-based) of a batch: ``rnd_<the batch id's tail><index, 5 digits>``."""
    return f"rnd_{batch_id.split('_', 1)[1]}{index:05d}"
