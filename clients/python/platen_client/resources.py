"""The operations of ``Platen``: templates, renders, batches and hooks, on the generated core."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tqdm import tqdm

from .client import as_file, drop_none, json_text, new_idempotency_key, pages
from .core.api.batches import (
    cancel_batch,
    create_batch,
    get_batch,
    get_batch_archive_zip,
    get_batch_results_csv,
    list_batch_renders,
    list_batches,
)
from .core.api.hooks import create_hook, delete_hook, get_hook, list_hooks
from .core.api.renders import create_render, get_render, get_render_file, list_renders
from .core.api.templates import (
    copy_template_example,
    create_template,
    delete_template,
    get_template,
    list_template_fields,
    list_templates,
    update_template,
)
from .core.models import (
    Batch,
    BatchCreate,
    CreateBatchFilesBody,
    ExampleCopy,
    Hook,
    HookCreate,
    ListTemplateFieldsFormat,
    ListTemplatesView,
    Render,
    RenderCreate,
    RenderStatus,
    Template,
    TemplateCreate,
    TemplatePatch,
)
from .core.types import UNSET
from .errors import PlatenError, RenderFailed

if TYPE_CHECKING:
    from .client import Platen

FINISHED = (RenderStatus.COMPLETED, RenderStatus.FAILED)


def _opt(value):
    return UNSET if value is None else value


class Templates:
    def __init__(self, platen: Platen):
        self.platen = platen

    def list(self, q: str | None = None, *, summary: bool = False, limit: int = 20, page: int = 0) -> list:
        """Newest first; ``summary=True`` leaves layers out (``TemplateSummary`` items, what a dropdown needs)."""
        view = ListTemplatesView.SUMMARY if summary else ListTemplatesView.FULL
        return self.platen.call(list_templates, q=_opt(q), view=view, limit=limit, page=page)

    def get(self, template_id: str, version: int | None = None) -> Template:
        return self.platen.call(get_template, template_id=template_id, version=_opt(version))

    def create(self, template: dict[str, Any]) -> Template:
        """A template as a dict (``name``, ``width``, ``height``, ``layers``…): version 1."""
        return self.platen.create(create_template, body=TemplateCreate.from_dict(template))

    def update(self, template_id: str, changes: dict[str, Any]) -> Template:
        """A JSON merge patch: only what changes (``None`` removes a property)."""
        return self.platen.call(update_template, template_id=template_id, body=TemplatePatch.from_dict(changes))

    def delete(self, template_id: str) -> None:
        self.platen.call(delete_template, template_id=template_id)

    def fields(self, template_id: str, format: str = "native") -> Any:
        """The fields to fill: ``native`` (``Field`` items), ``zapier``, ``make``, ``n8n`` or ``jsonschema``."""
        return self.platen.call(list_template_fields, template_id=template_id,
                                format_=ListTemplateFieldsFormat(format))

    def copy_example(self, name: str, new_name: str | None = None) -> Template:
        """A template of your own from a starter (GET /templates/examples lists them)."""
        return self.platen.create(copy_template_example, name=name,
                                  body=ExampleCopy.from_dict(drop_none({"name": new_name})))


class Renders:
    def __init__(self, platen: Platen):
        self.platen = platen

    @staticmethod
    def _body(template_id, fields, options: dict[str, Any]) -> dict[str, Any]:
        return drop_none({"template_id": template_id, "fields": dict(fields or {}), **options})

    def create(self, template_id: str | None = None, fields: dict[str, Any] | None = None, *, wait: bool = True,
               timeout: float = 25, format: str | None = None, quality: int | None = None,
               template: dict | None = None, template_version: int | None = None, metadata: dict | None = None,
               webhook_url: str | None = None, brand_id: str | None = None) -> Render:
        """Renders ``template_id`` (or an inline ``template``) with ``fields``. ``wait=True`` (sync) returns the
        finished render when it finishes within ``timeout`` seconds (else still ``queued``/``rendering``: see
        ``wait``); a failed sync render raises ``RenderFailed``. ``wait=False`` (async) returns at once.
        ``brand_id``: the brand its ``@brand.…`` tokens draw (default: the template's, else the account's)."""
        body = self._body(template_id, fields, {
            "template": template, "format": format, "quality": quality, "template_version": template_version,
            "metadata": metadata, "webhook_url": webhook_url, "wait": wait, "timeout": timeout,
            "brand_id": brand_id})
        return self.platen.create(create_render, body=RenderCreate.from_dict(body))

    def create_async(self, template_id: str, fields: dict[str, Any] | None = None, **options) -> Render:
        """Queues the render and returns at once (``status`` queued); ``wait`` for it, or hear it by webhook."""
        return self.create(template_id, fields, wait=False, **options)

    def wait(self, render: Render | str, timeout: float = 120, interval: float = 0.5) -> Render:
        """The render once it has finished; a failed one raises ``RenderFailed`` (``details.render_id``)."""
        render_id = render if isinstance(render, str) else render.id
        deadline = time.monotonic() + timeout
        while True:
            found = self.get(render_id)
            if found.status == RenderStatus.FAILED:
                error = found.error.message if found.error else "unknown"
                raise RenderFailed("render_failed", f"The render failed: {error}", 422,
                                   {"render_id": found.id, "error": found.error.error if found.error else ""})
            if found.status == RenderStatus.COMPLETED:
                return found
            if time.monotonic() > deadline:
                raise TimeoutError(f"render {render_id} is still {found.status.value} after {timeout} s")
            time.sleep(interval)

    def image(self, template_id: str, fields: dict[str, Any] | None = None, *, format: str | None = None,
              **options) -> bytes:
        """The rendered file's bytes in one call (``output: binary``)."""
        body = self._body(template_id, fields, {"format": format, "output": "binary", **options})
        answer = self.platen.request("POST", "/api/v1/renders", json=body,
                                     headers={"Idempotency-Key": new_idempotency_key()})
        if answer.status_code == 202:   # not finished within its timeout: wait, then download
            return self.download(self.wait(answer.json()["id"]))
        return answer.content

    def get(self, render_id: str) -> Render:
        return self.platen.call(get_render, render_id=render_id)

    def list(self, *, status: str | None = None, template_id: str | None = None, batch_id: str | None = None,
             since: str | None = None, limit: int = 20, page: int = 0) -> list[Render]:
        from .core.models import ListRendersStatus

        return self.platen.call(list_renders, status=ListRendersStatus(status) if status else UNSET,
                                template_id=_opt(template_id), batch_id=_opt(batch_id), since=_opt(since),
                                limit=limit, page=page)

    def download(self, render: Render | str, path: str | Path | None = None) -> bytes:
        """The render's file (a 409 ``Conflict`` while it is not finished); written to ``path`` when given."""
        render_id = render if isinstance(render, str) else render.id
        data = self.platen.call(get_render_file, render_id=render_id).payload.read()
        if path is not None:
            Path(path).write_bytes(data)
        return data


class Batches:
    def __init__(self, platen: Platen):
        self.platen = platen

    def create(self, template_id: str, rows: list[dict[str, Any]] | None = None, *,
               file: str | Path | bytes | None = None, file_name: str | None = None,
               mapping: dict[str, str | None] | None = None, sheet: str | None = None, format: str | None = None,
               quality: int | None = None, webhook_url: str | None = None, metadata: dict | None = None,
               brand_id: str | None = None) -> Batch:
        """One render per row: ``rows`` (dicts of field values), or ``file``, a CSV or Excel .xlsx path (or its
        bytes with ``file_name``) whose columns name fields (``mapping`` renames columns: ``{"Headline":
        "title"}``; ``sheet`` picks an .xlsx sheet; ``brand_id`` the brand every row draws). Returns the batch at
        once (``queued``): see ``wait``."""
        if (rows is None) == (file is None):
            raise ValueError("give either rows or file")
        options = drop_none({"format": format, "quality": quality, "webhook_url": webhook_url, "brand_id": brand_id})
        if rows is not None:
            body = BatchCreate.from_dict({"template_id": template_id, "rows": list(rows), **options,
                                          **drop_none({"metadata": metadata})})
        else:
            from .core.models import CreateBatchFilesBodyFormat

            body = CreateBatchFilesBody(file=as_file(file, file_name), template_id=template_id, **drop_none({
                "format_": CreateBatchFilesBodyFormat(format) if format else None, "quality": quality,
                "webhook_url": webhook_url, "mapping": json_text(mapping), "sheet": sheet,
                "metadata": json_text(metadata)}))
            if brand_id is not None:
                body.additional_properties["brand_id"] = brand_id
        return self.platen.create(create_batch, body=body)

    def get(self, batch_id: str) -> Batch:
        return self.platen.call(get_batch, batch_id=batch_id)

    def list(self, *, limit: int = 20, page: int = 0) -> list[Batch]:
        return self.platen.call(list_batches, limit=limit, page=page)

    def wait(self, batch: Batch | str, *, progress: bool = True, interval: float = 1.0,
             timeout: float | None = None, out: IO[str] | None = None) -> Batch:
        """The batch once every row is done, with a tqdm progress bar (rows done of total, failures) meanwhile
        (``progress=False``: none; ``out``: where it is drawn, stderr by default)."""
        batch_id = batch if isinstance(batch, str) else batch.id
        found = self.get(batch_id)
        deadline = None if timeout is None else time.monotonic() + timeout
        with tqdm(total=found.total, desc=f"Batch {batch_id}", unit="row", disable=not progress,
                  file=out or sys.stderr, dynamic_ncols=True) as bar:
            while True:
                bar.update(found.completed + found.failed - bar.n)
                bar.set_postfix(failed=found.failed, refresh=True)
                if found.status.value == "completed":
                    return found
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"batch {batch_id} is still {found.status.value} after {timeout} s")
                time.sleep(interval)
                found = self.get(batch_id)

    def run(self, template_id: str, rows: list[dict[str, Any]] | None = None, *, progress: bool = True,
            out: IO[str] | None = None, **options) -> Batch:
        """``create`` then ``wait``: the finished batch."""
        return self.wait(self.create(template_id, rows, **options), progress=progress, out=out)

    def renders(self, batch: Batch | str, status: str | None = None) -> list[Render]:
        """Every render of the batch, in row order (``status="failed"``: the rows to fix, each saying why)."""
        from .core.models import ListBatchRendersStatus

        batch_id = batch if isinstance(batch, str) else batch.id
        wanted = ListBatchRendersStatus(status) if status else UNSET
        return list(pages(lambda page, limit: self.platen.call(list_batch_renders, batch_id=batch_id,
                                                                 status=wanted, page=page, limit=limit)))

    def results_csv(self, batch: Batch | str) -> str:
        """The rows as sent plus ``render_id``, ``status``, ``url``, ``error`` and ``warnings``."""
        return self.platen.call(get_batch_results_csv, batch_id=batch if isinstance(batch, str) else batch.id)

    def download_zip(self, batch: Batch | str, path: str | Path) -> Path:
        """Every image in one ZIP (with results.csv), written to ``path`` (a 409 while the batch runs)."""
        batch_id = batch if isinstance(batch, str) else batch.id
        Path(path).write_bytes(self.platen.call(get_batch_archive_zip, batch_id=batch_id).payload.read())
        return Path(path)

    def cancel(self, batch: Batch | str) -> Batch:
        return self.platen.call(cancel_batch, batch_id=batch if isinstance(batch, str) else batch.id)


class Hooks:
    def __init__(self, platen: Platen):
        self.platen = platen

    def create(self, target_url: str, event: str = "render.completed", template_id: str | None = None) -> Hook:
        """Subscribes ``target_url``: Platen POSTs each event there, signed with the hook's ``secret`` (check it
        with ``verify_webhook``)."""
        body = HookCreate.from_dict(drop_none({"target_url": target_url, "event": event, "template_id": template_id}))
        return self.platen.create(create_hook, body=body)

    def list(self, target_url: str | None = None, *, limit: int = 20, page: int = 0) -> list[Hook]:
        return self.platen.call(list_hooks, target_url=_opt(target_url), limit=limit, page=page)

    def get(self, hook_id: str) -> Hook:
        return self.platen.call(get_hook, hook_id=hook_id)

    def delete(self, hook_id: str) -> None:
        """Unsubscribes; a hook already gone raises ``NotFound`` (treat it as done)."""
        self.platen.call(delete_hook, hook_id=hook_id)


__all__ = ["Batches", "Hooks", "PlatenError", "Renders", "Templates"]
