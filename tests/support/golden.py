"""Comparing a render with a golden image: the tolerance the renderer's golden tests use (see
tests/renderer/test_examples.py for why these numbers): each pixel against the closest golden pixel within 1 px."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

MAX_MEAN = 0.5
SOFT, MAX_SOFT_SHARE = 16, 0.0002
HARD, MAX_HARD_SHARE = 64, 0.00001


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"), dtype=np.int16)


def _nearest(actual: np.ndarray, golden: np.ndarray) -> np.ndarray:
    h, w = golden.shape[:2]
    padded = np.pad(golden, ((1, 1), (1, 1), (0, 0)), mode="edge")
    best = None
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            diff = np.abs(actual - padded[dy:dy + h, dx:dx + w]).max(axis=-1)
            best = diff if best is None else np.minimum(best, diff)
    return best


def near_difference(actual: np.ndarray, golden: np.ndarray) -> np.ndarray:
    """Per pixel, the largest channel difference to the best-matching pixel within 1 px, both ways round (so a
    thin stroke that vanished counts as much as one that appeared)."""
    return np.maximum(_nearest(actual, golden), _nearest(golden, actual))


def compare(actual: np.ndarray, golden: np.ndarray) -> tuple[bool, str]:
    """(whether ``actual`` matches ``golden`` within the tolerance, the measurements as text)."""
    if actual.shape != golden.shape:
        return False, f"{actual.shape[1]}×{actual.shape[0]} px, golden {golden.shape[1]}×{golden.shape[0]} px"
    if np.array_equal(actual, golden):   # the usual case on the machine that made the goldens
        return True, "identical"
    near = near_difference(actual, golden)
    mean, soft, hard = float(near.mean()), float((near > SOFT).mean()), float((near > HARD).mean())
    ok = mean < MAX_MEAN and soft < MAX_SOFT_SHARE and hard < MAX_HARD_SHARE
    return ok, (f"mean {mean:.3f} (limit {MAX_MEAN}), {soft:.4%} off by more than {SOFT} (limit "
                f"{MAX_SOFT_SHARE:.2%}), {hard:.5%} off by more than {HARD} (limit {MAX_HARD_SHARE:.3%})")
