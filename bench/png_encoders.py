"""PNG encoders on the reference card's 1200x630 photo background: median ms, bytes, size against Pillow level 1."""

from __future__ import annotations

import io
import math
import statistics
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402

from renderer.png import encode_png  # noqa: E402

PHOTO = Path("/work/shared/bench/assets/bg.jpg")
SIZE = (1200, 630)
RUNS = 30


def cover(path: Path, size: tuple[int, int]) -> Image.Image:
    """Cover-crop exactly as /work/shared/bench/reference_pillow.py does (JPEG draft, then bicubic with a box)."""
    width, height = size
    image = Image.open(path)
    scale = max(width / image.width, height / image.height)
    image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    scale = max(width / image.width, height / image.height)
    crop_w, crop_h = width / scale, height / scale
    box = ((image.width - crop_w) / 2, (image.height - crop_h) / 2,
           (image.width + crop_w) / 2, (image.height + crop_h) / 2)
    return image.convert("RGB").resize(size, Image.BICUBIC, box=box)


def pillow(**options):
    def encode(image: Image.Image) -> bytes:
        buf = io.BytesIO()
        image.save(buf, "PNG", **options)
        return buf.getvalue()

    return encode


ENCODERS = {
    "pillow level 1": pillow(compress_level=1),
    "pillow level 6": pillow(compress_level=6),
    "pillow Z_RLE": pillow(compress_level=6, compress_type=zlib.Z_RLE),
    "platen fast": lambda image: encode_png(image, "fast"),
    "platen balanced": lambda image: encode_png(image, "balanced"),
}


def measure(encode, image: Image.Image, runs: int) -> tuple[float, int]:
    data = encode(image)  # warm-up: first-call imports and allocations are not the steady state
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        encode(image)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(data)


def main() -> None:
    image = cover(PHOTO, SIZE)
    results = {name: measure(encode, image, RUNS) for name, encode in ENCODERS.items()}
    baseline = results["pillow level 1"][1]
    print(f"{image.width}x{image.height} RGB from {PHOTO.name}, median of {RUNS} runs, single thread\n")
    print("| encoder | median ms | bytes | size vs Pillow level 1 |")
    print("|---|--:|--:|--:|")
    for name, (ms, size) in results.items():
        print(f"| {name} | {ms:.1f} | {size:,} | {size / baseline:.3f} |")


if __name__ == "__main__":
    main()
