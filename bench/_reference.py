"""The performance reference the benchmarks share: where its card and assets are, and loaders for its images."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("PLATEN_BENCH_DIR", "/work/shared/bench"))
REFERENCE = SHARED / "reference_pillow.py"
CARD = SHARED / "reference_card.json"
ASSETS = SHARED / "assets"
URL_PREFIX = "https://bench.invalid/"


def asset_path(url: str) -> Path:
    """The file behind one of the card's ``https://bench.invalid/<file>`` sources."""
    path = ASSETS / url[len(URL_PREFIX):]
    if not url.startswith(URL_PREFIX) or path.parent != ASSETS:
        raise ValueError(f"unexpected image source {url!r}")
    return path


def read_from_disk(url: str) -> bytes:
    """Cold loader: the bytes read from disk on every call, as the reference re-reads its files."""
    with open(asset_path(url), "rb") as fh:
        return fh.read()


def in_memory_loader():
    """Warm loader: the bytes read once and handed out from memory."""
    held: dict[str, bytes] = {}

    def load(url: str) -> bytes:
        data = held.get(url)
        if data is None:
            data = held[url] = read_from_disk(url)
        return data

    return load


def text_only(card: dict) -> dict:
    """The card without its image layers: text and shapes only (the renderer draws it in a few ms, so what the
    service adds around it shows)."""
    return {**card, "name": card.get("name", "card") + " (text only)",
            "layers": [layer for layer in card["layers"] if layer.get("type") != "image"]}
