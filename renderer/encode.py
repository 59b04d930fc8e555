"""Encoders: PNG (fast by default), JPEG, WebP and multi-page PDF; the same pixels always give the same bytes."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from .errors import OutputError
from .pdf import Page, TextLine, write_pdf
from .png import encode_png

# The output formats, listed here only: the API's schemas, render URLs and storage derive theirs from these.
FORMATS = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp", "pdf": "application/pdf"}
ALIASES = {"jpg": "jpeg"}
EXTENSIONS = {"png": "png", "jpeg": "jpg", "webp": "webp", "pdf": "pdf"}
NAMES = {name: fmt for fmt in FORMATS for name in (EXTENSIONS[fmt], fmt)}   # every name a format goes by
IMAGE_FORMATS = tuple(fmt for fmt, media_type in FORMATS.items() if media_type.startswith("image/"))
PNG_COMPRESSION = ("fast", "balanced", "small")
DEFAULT_QUALITY = {"jpeg": 85, "webp": 80}   # a PDF is lossless unless a quality is asked for


@dataclass(frozen=True)
class Output:
    """How to encode: format, quality (JPEG/WebP/PDF), progressive JPEG, PNG speed/size trade-off."""

    format: str = "png"
    quality: int | None = None
    progressive: bool = False
    png_compression: str = "fast"

    @classmethod
    def of(cls, format: str = "png", quality=None, progressive: bool = False,  # noqa: A002
           png_compression: str = "fast") -> Output:
        fmt = ALIASES.get(str(format).lower(), str(format).lower())
        if fmt not in FORMATS:
            raise OutputError(f"format must be one of {', '.join(FORMATS)} (got {format!r})", "format")
        if quality is not None and (isinstance(quality, bool) or not isinstance(quality, int)
                                    or not 1 <= quality <= 100):
            raise OutputError("quality must be a whole number from 1 to 100", "quality")
        if png_compression not in PNG_COMPRESSION:
            raise OutputError(f"png_compression must be one of {', '.join(PNG_COMPRESSION)}", "png_compression")
        return cls(fmt, quality, bool(progressive), png_compression)

    @property
    def media_type(self) -> str:
        return FORMATS[self.format]

    @property
    def opaque(self) -> bool:
        """JPEG and PDF have no transparency: pages are flattened onto white."""
        return self.format in ("jpeg", "pdf")


def flatten(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    base = Image.new("RGB", image.size, (255, 255, 255))
    base.paste(image, mask=image.getchannel("A"))
    return base


def encode(image: Image.Image, out: Output, dpi: float | None = None) -> bytes:
    """One image; a template's ``dpi`` (when it sets one) is recorded in PNG and JPEG files for print software."""
    if out.format == "png":
        return encode_png(image, out.png_compression, dpi)
    if out.format == "pdf":
        return encode_pdf([image], out, dpi or 72.0)
    buf = io.BytesIO()
    quality = out.quality or DEFAULT_QUALITY[out.format]
    if out.format == "jpeg":
        extra = {"dpi": (dpi, dpi)} if dpi else {}
        flatten(image).save(buf, "JPEG", quality=quality, progressive=out.progressive, optimize=out.progressive,
                            **extra)
    elif out.format == "webp":
        image.save(buf, "WEBP", quality=quality, lossless=quality == 100)
    return buf.getvalue()


def encode_pdf(pages: list[Image.Image], out: Output, dpi: float = 72.0,
               lines: list[list[TextLine]] | None = None) -> bytes:
    """One PDF page per image, each ``dpi`` px to the inch (72: a px is a point), each under its invisible text
    ``lines``. Lossless unless ``out.quality`` (1-99) asks for JPEG."""
    lines = lines or [[] for _ in pages]
    return write_pdf([Page(flatten(image), page_lines) for image, page_lines in zip(pages, lines, strict=True)],
                     72.0 / dpi, out.quality)
