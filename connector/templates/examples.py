"""The starter templates in ``examples/``, ready to copy into an account: their images (relative paths next to
the template) are inlined as ``data:`` URLs, so the copy renders on any server without hosting them anywhere."""

from __future__ import annotations

import base64
import json
import mimetypes
from pathlib import Path

from connector.runtime.errors import NotFound

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"


def _files() -> dict[str, Path]:
    return {path.stem: path for path in sorted(EXAMPLES_DIR.glob("*.json"))}


def list_examples() -> list[dict]:
    """``[{"name", "title", "description", "width", "height", "pages"}]``, by name."""
    out = []
    for name, path in _files().items():
        data = json.loads(path.read_text())
        out.append({"name": name, "title": data.get("name", name), "description": data.get("description", ""),
                    "width": data["width"], "height": data["height"], "pages": len(data.get("pages") or [1])})
    return out


def example_path(name: str) -> Path:
    """The file of the starter ``name``; a 404 that lists the real names if there is none."""
    path = _files().get(name)
    if path is None:
        raise NotFound(f"There is no starter template {name!r}; they are {', '.join(_files())}.")
    return path


def load_example(name: str) -> dict:
    """The template ``name`` with every local image inlined."""
    path = example_path(name)
    return _inline(json.loads(path.read_text()), path.parent)


def _inline(value, base: Path):
    if isinstance(value, list):
        return [_inline(item, base) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: _inline(item, base) for key, item in value.items()}
    src = out.get("src")
    if isinstance(src, str) and src and ":" not in src:
        file = (base / src).resolve()
        if file.is_file() and file.is_relative_to(base):
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            out["src"] = f"data:{kind};base64,{base64.b64encode(file.read_bytes()).decode()}"
    return out
