"""``platen.generations``: designs from content — a text, a web page or a PDF made into finished images in several
formats at once (an OG card, a carousel's slides…), each also saved as an ordinary template."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .client import as_file, drop_none, new_idempotency_key, pages
from .core.api.generations import get_generation, list_generations
from .core.models import Generation
from .errors import GenerationFailed

if TYPE_CHECKING:
    from .client import Platen

PATH = "/api/v1/generations"
FINISHED = ("completed", "failed")


def _id(generation: Generation | str) -> str:
    return generation if isinstance(generation, str) else generation.id


def _status(generation: Generation) -> str:
    return getattr(generation.status, "value", generation.status)


def slides_for(output_formats: Iterable[str], carousel_slides: int | Mapping[str, int] | None) -> dict | None:
    """``carousel_slides`` as the API takes it: a number applies to every ``…_carousel`` format asked for."""
    if carousel_slides is None or isinstance(carousel_slides, Mapping):
        return dict(carousel_slides) if carousel_slides is not None else None
    return {name: int(carousel_slides) for name in output_formats if name.endswith("_carousel")}


class Generations:
    def __init__(self, platen: Platen):
        self.platen = platen

    def create(self, text: str | None = None, *, url: str | None = None, pdf: str | Path | bytes | None = None,
               pdf_url: str | None = None, output_formats: Iterable[str] = ("og",),
               carousel_slides: int | Mapping[str, int] | None = None, visual_style: str | None = None,
               brand_id: str | None = None, webhook_url: str | None = None, metadata: dict | None = None,
               file_name: str | None = None, wait: bool = False, timeout: float = 180) -> Generation:
        """Starts a generation from one input: ``text`` (at most 20,000 characters), ``url`` (a web page),
        ``pdf`` (a PDF's path, or its bytes, uploaded) or ``pdf_url`` (a PDF on the web). ``output_formats``
        are ids from GET /formats (``og``, ``instagram_post``, ``linkedin_carousel``…); ``carousel_slides`` a
        number of slides for every carousel format asked for, or ``{"linkedin_carousel": 5}``; ``visual_style``
        one of modern, minimal, bold, elegant, playful, corporate, creative, dark. Returns at once (``queued``);
        ``wait=True`` returns it finished (see ``wait``)."""
        given = [name for name, value in (("text", text), ("url", url), ("pdf", pdf), ("pdf_url", pdf_url))
                 if value is not None]
        if len(given) != 1:
            raise ValueError("give exactly one input: text, url, pdf (a path or bytes) or pdf_url")
        formats = list(output_formats)
        options = drop_none({"output_formats": formats, "carousel_slides": slides_for(formats, carousel_slides),
                             "visual_style": visual_style, "brand_id": brand_id, "webhook_url": webhook_url,
                             "metadata": metadata})
        headers = {"Idempotency-Key": new_idempotency_key()}
        if pdf is not None:
            upload = as_file(pdf, file_name or (None if isinstance(pdf, str | Path) else "upload.pdf"),
                             "application/pdf")
            form = {"input_type": "pdf", **{k: v if isinstance(v, str) else json.dumps(v)
                                           for k, v in options.items()}}
            answer = self.platen.request("POST", PATH, data=form, files={"file": upload.to_tuple()}, headers=headers)
        else:
            kind, value = {"text": ("text", text), "url": ("url", url), "pdf_url": ("pdf", pdf_url)}[given[0]]
            body = {"input_type": kind, "input_content" if kind == "text" else "input_url": value, **options}
            answer = self.platen.request("POST", PATH, json=body, headers=headers)
        generation = Generation.from_dict(answer.json())
        return self.wait(generation, timeout=timeout) if wait else generation

    def get(self, generation_id: str) -> Generation:
        return self.platen.call(get_generation, generation_id=generation_id)

    def list(self, *, limit: int = 20, page: int = 0) -> list[Generation]:
        """Newest first."""
        return self.platen.call(list_generations, limit=limit, page=page)

    def all(self) -> Iterator[Generation]:
        """Every generation of the account, newest first, page after page."""
        return pages(lambda page, limit: self.list(limit=limit, page=page))

    def wait(self, generation: Generation | str, timeout: float = 180, interval: float = 0.2,
             max_interval: float = 2.0) -> Generation:
        """The generation once it has finished, asking again after ``interval`` seconds, then half as long again
        each time up to ``max_interval``. A failed one raises ``GenerationFailed`` (its ``generation`` and the
        error's ``code`` and ``message``); still running after ``timeout`` seconds, ``TimeoutError``."""
        generation_id = _id(generation)
        deadline = time.monotonic() + timeout
        while True:
            found = self.get(generation_id)
            if _status(found) == "failed":
                raise GenerationFailed.of(found)
            if _status(found) == "completed":
                return found
            if time.monotonic() > deadline:
                raise TimeoutError(f"generation {generation_id} is still {_status(found)} after {timeout} s")
            time.sleep(min(interval, max(0.0, deadline - time.monotonic()) + 0.01))
            interval = min(interval * 1.5, max_interval)

    def images(self, generation: Generation | str) -> dict[str, list[bytes]]:
        """Every image a finished generation made, by format: ``{"og": [png], "linkedin_carousel": [slide 1,
        slide 2, …]}`` (a 409 ``Conflict`` while it runs)."""
        found = self.get(generation) if isinstance(generation, str) else generation
        out: dict[str, list[bytes]] = {}
        for output in found.outputs or []:
            out[output.format_] = [self.platen.renders.download(render_id) for render_id in output.render_ids]
        return out

    def download(self, generation: Generation | str, directory: str | Path) -> list[Path]:
        """Writes every image to ``directory`` as ``<format>-<n>.<ext>`` (``linkedin_carousel-1.png``…), in
        order; returns the paths."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, files in self.images(generation).items():
            for n, data in enumerate(files, 1):
                path = folder / f"{name}-{n}.{_extension(data)}"
                path.write_bytes(data)
                written.append(path)
        return written


def _extension(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[8:12] == b"WEBP":
        return "webp"
    return "pdf" if data.startswith(b"%PDF") else "bin"


__all__ = ["Generations", "slides_for"]
