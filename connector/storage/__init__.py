"""File storage for rendered outputs: a tiny base, one module per backend, chosen by ``PLATEN_STORAGE``.

Backends: ``local`` (files under ``files_dir``, served at ``/files/<key>``), ``s3`` (any S3-compatible store, for
several machines) and ``memory`` (tests).
"""

from __future__ import annotations

import importlib
import re
import secrets
import time
from dataclasses import dataclass

from renderer.encode import FORMATS, NAMES

# Rendered files by any name of their format (the renderer lists those), uploaded GIFs, a batch's ZIP and CSV.
CONTENT_TYPES = {**{name: FORMATS[fmt] for name, fmt in NAMES.items()},
                 "gif": "image/gif", "zip": "application/zip", "csv": "text/csv"}
# Uploaded images (assets) live here, beside the rendered files: kept until deleted, never swept by retention.
ASSETS_DIR = "assets/"
MAX_KEY_LENGTH = 300
_KEY_CHARS = re.compile(r"[A-Za-z0-9/_.\-]+")

# Imported lazily so a local install never pays for importing boto3.
BACKENDS = {"local": "connector.storage.local:LocalStorage",
            "s3": "connector.storage.s3:S3Storage",
            "memory": "connector.storage.memory:MemoryStorage"}


class StorageError(Exception):
    """Base of every storage failure."""


class FileMissing(StorageError, KeyError):
    """No file under that key (or a key that could never exist)."""


class StorageUnavailable(StorageError):
    """The backend cannot be used right now (bucket missing, folder not writable, endpoint down)."""


@dataclass(frozen=True)
class StoredFile:
    """What ``put`` stored: its key, size in bytes, content type and creation time (epoch seconds)."""

    key: str
    size: int
    content_type: str
    created_at: float


def safe_key(key: str) -> bool:
    """True for keys that stay inside the store: relative, no ``..``, no empty segments, ``[A-Za-z0-9/_.-]``."""
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH or not _KEY_CHARS.fullmatch(key):
        return False
    if ".." in key or key.startswith("/"):
        return False
    # Empty and "." segments are harmless on disk but make two spellings of one file.
    return all(part not in ("", ".") for part in key.split("/"))


def swept(key: str) -> bool:
    """Whether the retention sweep may delete ``key``: every file but uploaded assets."""
    return not key.startswith(ASSETS_DIR)


def new_key(render_id: str, extension: str) -> str:
    """``<yyyy>/<mm>/<dd>/<token>/<render_id>.<ext>``: the 128-bit token makes the URL unguessable."""
    key = f"{time.strftime('%Y/%m/%d', time.gmtime())}/{secrets.token_urlsafe(16)}/{render_id}.{extension.lstrip('.')}"
    if not safe_key(key):
        raise ValueError(f"cannot make a file key from render id {render_id!r} and extension {extension!r}")
    return key


def content_type_of(key: str) -> str:
    """The content type a key's extension stands for (``application/octet-stream`` when unknown)."""
    return CONTENT_TYPES.get(key.rpartition(".")[2].lower(), "application/octet-stream")


class FileStorage:
    """Base of every backend: validates keys here once, so backends only move bytes."""

    def __init__(self, public_url: str = "http://127.0.0.1:8000"):
        self.public_url = public_url.rstrip("/")

    def put(self, key: str, data: bytes, content_type: str) -> StoredFile:
        """Store ``data`` under ``key`` (overwriting) and describe what was stored."""
        if not safe_key(key):
            raise ValueError(f"unsafe file key {key!r}")
        return self._put(key, bytes(data), content_type)

    def get(self, key: str) -> tuple[bytes, str]:
        """``(data, content_type)``; raises ``FileMissing`` when there is no such file."""
        if not safe_key(key):
            raise FileMissing(key)
        return self._get(key)

    def delete(self, key: str) -> bool:
        """Remove the file; False when it was not there."""
        return safe_key(key) and self._delete(key)

    def url(self, key: str) -> str:
        """Absolute public URL; by default Platen serves the file itself at ``/files/<key>``."""
        return f"{self.public_url}/files/{key}"

    def delete_older_than(self, cutoff_epoch: float) -> int:
        """Retention sweep: delete every file created before ``cutoff_epoch`` (but ``swept`` says which may go);
        returns how many went."""
        raise NotImplementedError

    def check(self) -> None:
        """Raise ``StorageUnavailable`` when the backend cannot store files (readiness)."""
        raise NotImplementedError

    def _put(self, key: str, data: bytes, content_type: str) -> StoredFile:
        raise NotImplementedError

    def _get(self, key: str) -> tuple[bytes, str]:
        raise NotImplementedError

    def _delete(self, key: str) -> bool:
        raise NotImplementedError


def storage_from_settings(settings) -> FileStorage:
    """The backend ``settings.storage`` names (``local``, ``s3``; ``memory`` for tests), built from settings."""
    alias = (settings.storage or "local").strip().lower()
    if alias not in BACKENDS:
        raise ValueError(f"PLATEN_STORAGE={settings.storage!r} is not a storage backend; "
                         f"use one of: {', '.join(sorted(BACKENDS))}")
    module, _, name = BACKENDS[alias].partition(":")
    return getattr(importlib.import_module(module), name).from_settings(settings)
