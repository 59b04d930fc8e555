"""Image loaders handed to the renderer: local files (and, through the guarded fetcher, URLs) for the designer's
CLI and the examples gallery."""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from renderer.render import load_data_url

MAX_IMAGE_BYTES = 20 * 1024 * 1024


def local_loader(base_dir: str, fetch=None):
    """``load_image`` for templates on disk: paths (relative to ``base_dir``), ``file:`` and ``data:`` URLs, and
    http(s) URLs through ``fetch`` (the guarded fetcher's ``load_image``, the very rules the server applies).
    Without ``fetch`` (the examples gallery works offline) http(s) sources are refused with a message saying so.
    """
    base = os.path.abspath(base_dir)

    def load(src: str) -> bytes:
        if src.startswith("data:"):
            return load_data_url(src)
        parsed = urlparse(src)
        if parsed.scheme in ("http", "https"):
            if fetch is not None:
                return fetch(src)
            raise ValueError("remote images are fetched by the Platen server; here, use a local file path "
                             "(relative to the template) or pass the file with --field NAME=path/to/file.png")
        path = unquote(parsed.path) if parsed.scheme == "file" else src
        if parsed.scheme not in ("", "file"):
            raise ValueError(f"unsupported source {src!r}: use a file path, a file: URL or a data: URL")
        path = os.path.join(base, os.path.expanduser(path))
        if not os.path.isfile(path):
            raise ValueError(f"there is no file {path}")
        if os.path.getsize(path) > MAX_IMAGE_BYTES:
            raise ValueError(f"{path} is larger than {MAX_IMAGE_BYTES // 1024 // 1024} MB")
        with open(path, "rb") as fh:
            return fh.read()

    return load
