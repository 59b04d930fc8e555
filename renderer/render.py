"""``render()``: template + field values → image bytes, drawing layer after layer onto one canvas per page."""

from __future__ import annotations

import base64
import binascii
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

from PIL import Image, ImageDraw

from .brand import with_brand
from .cache import NoCache, RenderCache
from .colors import is_opaque, rgba
from .encode import Output, encode, encode_pdf
from .errors import OutputError, RendererError
from .fields import apply_fields
from .fonts import FontRegistry, default_registry
from .images import paint_image
from .paint import Tile, gradient, pixel_box, place
from .shapes import paint_ellipse, paint_line, paint_qr, paint_rect
from .template import DEFAULT_DPI, Template
from .textdraw import paint_text

MAX_OUTPUT_SIDE = 8192
PAINTERS = {"text": paint_text, "image": lambda ctx, layer, box: [t for t in [paint_image(ctx, layer, box)] if t],
            "rect": paint_rect, "ellipse": paint_ellipse, "line": paint_line, "qr": paint_qr}
_default_cache: RenderCache | None = None
_cache_lock = threading.Lock()


@dataclass
class Rendered:
    """The result: ``data`` (the first page for image formats), every page's bytes, size and warnings."""

    data: bytes
    media_type: str
    width: int
    height: int
    format: str
    warnings: list[dict] = field(default_factory=list)
    pages: list[bytes] = field(default_factory=list)
    # per rendered page, every layer as drawn (see ``layer_entry``): where it is, and for text the size it was
    # drawn at and its lines, so an editor draws handles over the real render instead of imitating its layout
    layout: list[list[dict]] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))


class Context:
    """What painters share during one render: fonts, cache, the image loader, the scale, the warnings."""

    def __init__(self, fonts: FontRegistry, cache: RenderCache, load_image, scale: float, text_layer: bool = False):
        self.fonts, self.cache, self.load_image, self.scale = fonts, cache, load_image, scale
        self.warnings: list[dict] = []
        # the laid-out lines of the page being drawn, when a PDF wants them for its searchable text layer
        self.text_lines: list | None = [] if text_layer else None
        self.current: dict | None = None   # the layout entry of the layer being drawn (text painters fill it in)

    def warn(self, code: str, layer: str | None, message: str) -> None:
        entry = {"code": code, "layer": layer, "message": message}
        if entry not in self.warnings:
            self.warnings.append(entry)


def default_cache() -> RenderCache:
    """The process-wide cache renders share unless told otherwise (bounded: 256 MB)."""
    global _default_cache
    with _cache_lock:
        if _default_cache is None:
            _default_cache = RenderCache()
        return _default_cache


def load_data_url(url: str) -> bytes:
    """The loader used when none is given: ``data:`` URLs only (the renderer itself never touches the network)."""
    if not url.startswith("data:"):
        raise ValueError("only data: URLs can be loaded here (no image loader was given)")
    header, _, payload = url[5:].partition(",")
    try:
        return base64.b64decode(payload, validate=False) if header.endswith(";base64") else unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        raise ValueError("the data: URL is not valid base64") from None


def render(template, fields: dict | None = None, *, format: str = "png", quality: int | None = None,  # noqa: A002
           load_image=None, scale: float = 1.0, page: int | None = None, png_compression: str = "fast",
           progressive: bool = False, watermark: str | None = None, fonts: FontRegistry | None = None,
           cache: RenderCache | bool | None = None, brand: dict | None = None) -> Rendered:
    """Render ``template`` (a dict or Template) with ``fields`` applied.

    ``page`` (1-based) picks one page of a multi-page template; without it a PDF holds every page and image
    formats return every page in ``.pages`` (``.data`` is the first). ``cache``: None shares the process-wide
    cache, False keeps nothing, or pass a RenderCache. ``brand``: the values of the brand tokens (``primary``,
    ``heading``, ``logo``, …) the template and fields use; tokens without a value draw neutral (``brand.NEUTRAL``).
    """
    out = Output.of(format, quality, progressive, png_compression)
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0.1 <= scale <= 4:
        raise OutputError("scale must be a number from 0.1 to 4 (2 for retina)", "scale")
    tpl = with_brand(apply_fields(Template.from_dict(template), fields), brand)
    width, height = round(tpl.width * scale), round(tpl.height * scale)
    if max(width, height) > MAX_OUTPUT_SIDE:
        raise OutputError(f"the output would be {width}×{height} px; at most {MAX_OUTPUT_SIDE} px a side", "scale")
    pages = list(range(len(tpl.pages)))
    if page is not None:
        if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= len(tpl.pages):
            raise OutputError(f"page must be from 1 to {len(tpl.pages)}", "page")
        pages = [page - 1]
    store = NoCache() if cache is False else default_cache() if cache in (None, True) else cache
    ctx = Context(fonts or default_registry(), store, load_image or load_data_url, scale, out.format == "pdf")
    canvases, lines, described = [], [], []
    for index in pages:
        entries: list[dict] = []
        canvases.append(draw_page(ctx, tpl, index, (width, height), out.opaque, watermark, entries))
        described.append(entries)
        if ctx.text_lines is not None:
            lines.append(ctx.text_lines)
            ctx.text_lines = []
    if out.format == "pdf":
        data = encode_pdf(canvases, out, tpl.dpi * scale, lines)
        encoded = [data]
    else:
        printed = tpl.dpi * scale if tpl.dpi != DEFAULT_DPI else None   # unset: no dpi written, as ever
        encoded = [encode(canvas, out, printed) for canvas in canvases]
        data = encoded[0]
    return Rendered(data=data, media_type=out.media_type, width=width, height=height, format=out.format,
                    warnings=ctx.warnings, pages=encoded, layout=described)


def draw_page(ctx: Context, tpl: Template, index: int, size: tuple[int, int], opaque: bool,
              watermark: str | None, entries: list[dict] | None = None) -> Image.Image:
    background = tpl.background
    image_background = hasattr(background, "src")
    paint = "#ffffff" if image_background else background   # an image background sits on white
    mode = "RGB" if opaque or is_opaque(paint) else "RGBA"
    if isinstance(paint, str):
        colour = rgba(paint)
        canvas = Image.new(mode, size, colour[:3] if mode == "RGB" else colour)
        if mode == "RGB" and colour[3] < 255:   # a translucent background on an opaque format: over white
            canvas = Image.new("RGB", size, (255, 255, 255))
            place(canvas, Tile(colour, (0, 0, *size)))
    else:
        canvas = Image.new(mode, size, (255, 255, 255) if mode == "RGB" else (0, 0, 0, 0))
        place(canvas, Tile(ctx.cache.get(("gradient", *size, str(paint)), lambda: gradient(*size, paint)),
                           (0, 0, *size)))
    if image_background:
        _draw(ctx, canvas, background)
    layers = tpl.pages[index]
    painted = _paint_framed_images(ctx, tpl, layers)
    failed = frozenset(name for name, tiles in painted.items() if not tiles)
    for layer in layers:
        drawn = not layer.shown_with or shows(tpl, tpl.layer(layer.shown_with), frozenset({layer.name}), failed)
        ctx.current = layer_entry(layer, drawn and not layer.hidden and layer.opacity > 0)
        if entries is not None:
            entries.append(ctx.current)
        if drawn:
            _draw(ctx, canvas, layer, painted.get(layer.name))
    ctx.current = None
    for entry in entries or ():
        entry["warnings"] = [w for w in ctx.warnings if w["layer"] == entry["name"]]
    if watermark:
        _watermark(ctx, canvas, watermark)
    return canvas


def layer_entry(layer, drawn: bool) -> dict:
    """A layer as placed, in template pixels: ``drawn`` is False for a hidden layer and for one left out by
    ``shown_with`` (still listed, so an editor can select it). Text layers get ``font_size`` and ``lines`` (None
    and [] until drawn, see ``textdraw.line_boxes``)."""
    entry = {"name": layer.name, "type": layer.type, "box": [layer.x, layer.y, layer.width, layer.height],
             "rotation": layer.rotation, "drawn": drawn, "warnings": []}
    if layer.type == "text":
        entry.update(font_size=None, lines=[])
    return entry


def shows(tpl: Template, layer, seen: frozenset = frozenset(), failed: frozenset = frozenset()) -> bool:
    """Whether a layer has something to show: not hidden, and text that is not blank, an image source or QR data,
    and not an image in ``failed`` (left out by ``on_error: hide``). A layer ``shown_with`` another is drawn only
    when that one shows (so a blank or broken photo leaves no empty frame)."""
    if layer is None or layer.hidden or layer.opacity <= 0 or layer.name in seen or layer.name in failed:
        return False
    content = {"text": "text", "image": "src", "qr": "data"}.get(layer.type)
    if content and not getattr(layer, content).strip():
        return False
    return not layer.shown_with or shows(tpl, tpl.layer(layer.shown_with), seen | {layer.name}, failed)


def _paint_framed_images(ctx: Context, tpl: Template, layers) -> dict[str, list]:
    """The tiles of the images another layer is ``shown_with`` that may be left out on error, painted before any
    layer is drawn: their frames come first in the stack and must know whether the image loaded."""
    targets = {layer.shown_with for layer in layers if layer.shown_with}
    return {layer.name: _paint(ctx, layer) for layer in layers
            if layer.name in targets and layer.type == "image" and layer.on_error == "hide" and shows(tpl, layer)}


def _draw(ctx: Context, canvas: Image.Image, layer, tiles: list | None = None) -> None:
    if layer.hidden or layer.opacity <= 0:
        return
    for tile in _paint(ctx, layer) if tiles is None else tiles:
        place(canvas, tile, layer.opacity, layer.rotation)


def _paint(ctx: Context, layer) -> list:
    box = pixel_box(layer.x, layer.y, layer.width, layer.height, ctx.scale)
    try:
        tiles = PAINTERS[layer.type](ctx, layer, box)
    except RendererError:
        raise
    except ValueError as exc:
        raise RendererError(str(exc), f"layer '{layer.name}'") from None
    return tiles


def _watermark(ctx: Context, canvas: Image.Image, text: str) -> None:
    """A diagonal, repeated, translucent word over everything: test renders must not pass for real ones."""
    w, h = canvas.size
    face, _ = ctx.fonts.match(None, 700)
    size = max(12, min(w, h) // 6)
    font = ctx.fonts.font(face, size)
    stamp = Image.new("L", (w * 2, h * 2), 0)
    draw = ImageDraw.Draw(stamp)
    step_x, step_y = int(font.getlength(text + "   ")) or size, int(size * 2.2)
    for row, y in enumerate(range(0, h * 2, step_y)):
        for x in range(-(row % 2) * step_x // 2, w * 2, step_x):
            draw.text((x, y), text, font=font, fill=255)
    stamp = stamp.rotate(30, resample=Image.BICUBIC).crop((w // 2, h // 2, w // 2 + w, h // 2 + h))
    place(canvas, Tile((225, 29, 72, 255), (0, 0, w, h), stamp), opacity=0.35)
