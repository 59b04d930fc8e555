"""renderer.png: pixel-exact round trips, valid chunks, determinism, and size against Pillow level 1."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from renderer.png import COMPRESSIONS, encode_png

BENCH_PHOTO = Path("/work/shared/bench/assets/bg.jpg")
CHANNELS = {"L": 1, "LA": 2, "RGB": 3, "RGBA": 4}


def noise(mode: str, size: tuple[int, int], seed: int = 0) -> Image.Image:
    width, height = size
    shape = (height, width, CHANNELS[mode]) if CHANNELS[mode] > 1 else (height, width)
    return Image.fromarray(np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8), mode)


def photo_like(size: tuple[int, int] = (1200, 630)) -> Image.Image:
    """Smooth colour fields plus sensor-like grain and a few hard edges: what a cover photo looks like to deflate."""
    width, height = size
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    base = np.stack([120 + 90 * np.sin(x / 97 + y / 151), 110 + 80 * np.cos(x / 61 - y / 83),
                     100 + 70 * np.sin((x + y) / 131)], axis=-1)
    grain = np.random.default_rng(7).normal(0, 6, base.shape)
    image = Image.fromarray(np.clip(base + grain, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((width // 5, height // 4, width // 2, height * 3 // 4), fill=(240, 220, 180))
    draw.rectangle((width * 3 // 5, height // 8, width * 9 // 10, height // 2), fill=(30, 60, 90))
    return image.filter(ImageFilter.GaussianBlur(1.2))


def gradient(direction: str) -> Image.Image:
    ramp = Image.linear_gradient("L").resize((1200, 630), Image.BICUBIC)
    if direction == "horizontal":
        ramp = ramp.transpose(Image.Transpose.ROTATE_90).resize((1200, 630))
    return Image.composite(Image.new("RGB", ramp.size, (236, 132, 58)), Image.new("RGB", ramp.size, (18, 40, 96)), ramp)


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG"
    return image


def assert_same_pixels(data: bytes, expected: Image.Image) -> None:
    decoded = decode(data)
    assert decoded.mode == expected.mode and decoded.size == expected.size
    assert np.array_equal(np.asarray(decoded), np.asarray(expected))


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Parse every chunk, checking its CRC with zlib (Pillow does not check IDAT CRCs when decoding)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC on {kind!r} at byte {pos}"
        found.append((kind, body))
        pos += 12 + length
    assert pos == len(data)
    return found


def pillow_size(image: Image.Image, level: int = 1) -> int:
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=level)
    return len(buf.getvalue())


@pytest.mark.parametrize("mode", list(CHANNELS))
@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_noise_round_trips_pixel_exact(mode, compression):
    image = noise(mode, (173, 61))
    assert_same_pixels(encode_png(image, compression), image)


@pytest.mark.parametrize("mode", list(CHANNELS))
@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_flat_image_round_trips(mode, compression):
    image = Image.new(mode, (320, 200), (17, 200, 90, 128)[:CHANNELS[mode]] if CHANNELS[mode] > 1 else 200)
    data = encode_png(image, compression)
    assert_same_pixels(data, image)
    assert len(data) < 2000


@pytest.mark.parametrize("mode", list(CHANNELS))
@pytest.mark.parametrize("size", [(1, 1), (1, 4096), (4096, 1), (2, 2), (3, 5)])
def test_extreme_shapes_round_trip(mode, size):
    image = noise(mode, size, seed=size[0] * 7 + size[1])
    assert_same_pixels(encode_png(image), image)


@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_photo_like_round_trips(compression):
    image = photo_like((400, 210))
    assert_same_pixels(encode_png(image, compression), image)


@pytest.mark.parametrize("direction", ["vertical", "horizontal"])
def test_gradients_round_trip_without_blowing_up(direction):
    # A single fixed filter is 10x Pillow's size on one of these two; the per-image choice must avoid that.
    image = gradient(direction)
    data = encode_png(image)
    assert_same_pixels(data, image)
    assert len(data) <= 1.2 * pillow_size(image)


@pytest.mark.parametrize(("source", "expected_mode"), [
    (Image.new("P", (40, 30), 3), "RGB"),
    (Image.new("1", (40, 30), 1), "RGB"),
    (Image.new("CMYK", (40, 30), (10, 20, 30, 40)), "RGB"),
    (Image.new("PA", (40, 30), (3, 100)), "RGBA"),
    (Image.new("RGBa", (40, 30), (90, 100, 20, 128)), "RGBA"),
    (Image.new("La", (40, 30), (90, 100)), "LA"),
    (Image.new("I;16", (40, 30), 300), "RGB"),
])
@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_other_modes_are_converted(source, expected_mode, compression):
    assert_same_pixels(encode_png(source, compression), source.convert(expected_mode))


@pytest.mark.parametrize("mode", ["P", "L", "RGB"])
def test_transparency_info_becomes_alpha(mode):
    image = noise("L", (30, 20)).convert(mode) if mode != "RGB" else noise("RGB", (30, 20))
    image.info["transparency"] = image.getpixel((0, 0))
    data = encode_png(image)
    assert_same_pixels(data, image.convert("RGBA"))
    assert decode(data).getpixel((0, 0))[3] == 0


@pytest.mark.parametrize(("mode", "colour_type"), [("L", 0), ("RGB", 2), ("LA", 4), ("RGBA", 6)])
def test_fast_chunks_are_valid(mode, colour_type):
    image = noise(mode, (1200, 630))
    found = chunks(encode_png(image))
    kinds = [kind for kind, _ in found]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and set(kinds[1:-1]) == {b"IDAT"}
    assert struct.unpack(">IIBBBBB", found[0][1]) == (1200, 630, 8, colour_type, 0, 0, 0)
    assert found[-1][1] == b""
    if mode != "L":
        assert len(kinds) > 3, "1200x630 noise is over 1 MiB compressed, so IDAT must be split"
    raw = zlib.decompress(b"".join(body for kind, body in found if kind == b"IDAT"))
    stride = 1200 * CHANNELS[mode] + 1
    assert len(raw) == 630 * stride
    assert set(raw[::stride]) <= {1, 2}, "the fast path uses one filter per image, Sub or Up"


@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_pillow_choices_produce_valid_chunks(compression):
    chunks(encode_png(photo_like((200, 100)), compression))


@pytest.mark.parametrize("compression", COMPRESSIONS)
def test_output_is_deterministic(compression):
    image = photo_like((300, 160))
    first = encode_png(image, compression)
    assert encode_png(image.copy(), compression) == first
    assert encode_png(Image.frombytes("RGB", image.size, image.tobytes()), compression) == first


def test_default_is_fast():
    image = noise("RGBA", (64, 48))
    assert encode_png(image) == encode_png(image, "fast")


def test_smaller_choices_are_not_larger():
    image = photo_like((600, 315))
    fast, balanced, small = (len(encode_png(image, choice)) for choice in COMPRESSIONS)
    assert small <= balanced <= fast


@pytest.mark.parametrize("bad", ["", "FAST", "zip", "level1", None])
def test_unknown_compression_is_refused(bad):
    with pytest.raises(ValueError, match="fast, balanced, small"):
        encode_png(Image.new("RGB", (4, 4)), bad)


@pytest.mark.parametrize("size", [(0, 0), (0, 10), (10, 0)])
def test_empty_image_is_refused(size):
    with pytest.raises(ValueError, match="empty"):
        encode_png(Image.new("RGB", size))


def test_fast_photo_is_within_15_percent_of_pillow_level_1():
    image = photo_like()
    data = encode_png(image)
    assert_same_pixels(data, image)
    assert len(data) <= 1.15 * pillow_size(image)


@pytest.mark.skipif(not BENCH_PHOTO.exists(), reason="shared bench assets not present")
def test_fast_bench_photo_is_within_15_percent_of_pillow_level_1():
    image = ImageOps.fit(Image.open(BENCH_PHOTO).convert("RGB"), (1200, 630), Image.BICUBIC)
    data = encode_png(image)
    assert_same_pixels(data, image)
    assert len(data) <= 1.15 * pillow_size(image)
