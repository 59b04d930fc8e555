"""A batch's results as files: ``results.csv`` (the input rows plus ``render_id,status,url,error``) and a ZIP of its
images. Both are generators, written as they are read: a 10,000-row batch never sits in memory whole."""

from __future__ import annotations

import csv
import io
import json
import stat
import zipfile
from collections.abc import Iterator

from connector.batches.csvrows import row_cells
from connector.batches.record import BatchRecord, row_render_id
from connector.renders.record import extension
from connector.runtime.clock import parse_iso
from connector.storage import FileMissing

READ_CHUNK = 500
RESULT_COLUMNS = ("render_id", "status", "url", "error", "warnings")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A value as a spreadsheet cell that cannot run as a formula (``=HYPERLINK(…)`` from a web form): text
    starting like one gets a leading apostrophe, which spreadsheets hide; numbers such as -5 stay numbers."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if text.startswith(_FORMULA_START):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def result_columns(batch: BatchRecord) -> list[str]:
    """``render_id,status,url,error,warnings`` — prefixed ``platen_`` when the rows have a column of one of those
    names."""
    clash = set(RESULT_COLUMNS) & set(batch.columns)
    return [f"platen_{c}" if clash else c for c in RESULT_COLUMNS]


def results_csv(conn, batch: BatchRecord) -> Iterator[str]:
    """UTF-8 CSV (with a BOM, so Excel reads accents right), with the uploaded CSV's delimiter: the batch's columns
    as sent (with ``column_5``, … for cells a line had beyond the header), then the results."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=batch.delimiter, lineterminator="\r\n")
    columns = [*batch.columns, *batch.extra_columns]
    writer.writerow([*columns, *result_columns(batch)])
    yield "\ufeff" + buffer.getvalue()
    for start in range(0, batch.total, READ_CHUNK):
        buffer.seek(0)
        buffer.truncate()
        rows = conn.batches.rows(batch.id, start, READ_CHUNK)
        records = {r.id: r for r in conn.batches.renders(batch, start, READ_CHUNK)}
        for index, row in enumerate(rows, start=start):
            values = row_cells(row, columns)
            render_id = row_render_id(batch.id, index)
            record = records.get(render_id)
            # a row made into a render whose record is gone has outlived the retention period
            status = record.status if record else ("expired" if index < batch.expanded else "queued")
            url = conn.files.url(record.file_key) if record and record.file_key else ""
            error = record.error["message"] if record and record.error else ""
            # what the renderer had to do (an image left out by on_error: hide, text shrunk), one per line
            warnings = "\n".join(w["message"] for w in record.warnings) if record else ""
            writer.writerow([_cell(values.get(c, "")) for c in columns] +
                            [render_id, status, url, _cell(error), _cell(warnings)])
        yield buffer.getvalue()


class _Sink(io.RawIOBase):
    """An unseekable stream zipfile writes into; what it wrote is taken out piece by piece."""

    def __init__(self):
        super().__init__()
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out, self.parts = b"".join(self.parts), []
        return out


def _entry(name: str, moment: tuple) -> zipfile.ZipInfo:
    """A ZIP entry that unpacks readable by everyone (rw-r--r--), like a downloaded file; zipfile's default is 0600."""
    info = zipfile.ZipInfo(name, date_time=moment)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def archive(conn, batch: BatchRecord) -> Iterator[bytes]:
    """A ZIP (stored, not deflated: images are compressed already) of every completed row's file, named by row
    (``00001.png``; pages of a multi-page image ``00001-p2.png``), plus ``results.csv``."""
    sink = _Sink()
    moment = parse_iso(batch.completed_at or batch.created_at).timetuple()[:6]
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as zf:
        for start in range(0, batch.total, READ_CHUNK):
            for record in conn.batches.renders(batch, start, READ_CHUNK):
                if record.status != "completed" or not record.file_key:
                    continue
                row = (record.metadata or {}).get("row") or int(record.id[-5:]) + 1
                ext = extension(record.format)
                for page, key in enumerate(record.page_keys or [record.file_key], start=1):
                    try:
                        data, _ = conn.files.get(key)
                    except FileMissing:
                        continue   # removed by retention
                    suffix = f"-p{page}" if page > 1 else ""
                    zf.writestr(_entry(f"{row:05d}{suffix}.{ext}", moment), data)
                    yield sink.take()
        with zf.open(_entry("results.csv", moment), "w", force_zip64=True) as out:
            for part in results_csv(conn, batch):
                out.write(part.encode())
                yield sink.take()
    yield sink.take()
