"""render(): formats, determinism, pages, scale, shapes, opacity, rotation, watermark, cache."""

import base64
import io
import re

import pytest
from PIL import Image

from renderer import InvalidTemplate, OutputError, RenderCache, Template, render

CARD = {"width": 320, "height": 180, "background": {"type": "linear", "angle": 90, "stops": ["#0f172a", "#4c1d95"]},
        "layers": [
            {"type": "rect", "name": "box", "x": 20, "y": 20, "width": 120, "height": 80, "fill": "#f43f5e",
             "radius": 16, "stroke": "#ffffff", "stroke_width": 4},
            {"type": "ellipse", "name": "dot", "x": 200, "y": 20, "width": 80, "height": 80, "fill": "#22c55e"},
            {"type": "line", "name": "rule", "x": 20, "y": 130, "width": 280, "height": 0, "fill": "#ffffff"},
            {"type": "text", "name": "title", "x": 20, "y": 140, "width": 200, "height": 30, "text": "Hello",
             "font_size": 24, "color": "#ffffff"},
            {"type": "qr", "name": "code", "x": 250, "y": 110, "width": 60, "height": 60, "data": "https://x.test"},
        ]}
MAGIC = {"png": b"\x89PNG", "jpeg": b"\xff\xd8\xff", "webp": b"RIFF", "pdf": b"%PDF"}


def pixels(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGBA")


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp", "pdf"])
def test_every_format_is_deterministic(fmt):
    first = render(CARD, format=fmt, cache=False)
    again = render(CARD, format=fmt, cache=RenderCache())
    assert first.data.startswith(MAGIC[fmt]) and first.media_type.endswith(fmt)
    assert first.data == again.data, "same inputs, same bytes (cached or not)"
    assert (first.width, first.height) == (320, 180)


def test_quality_scale_and_progressive():
    small = render(CARD, format="jpeg", quality=20)
    big = render(CARD, format="jpeg", quality=95)
    assert len(small.data) < len(big.data)
    retina = render(CARD, scale=2)
    assert pixels(retina.data).size == (640, 360) and (retina.width, retina.height) == (640, 360)
    assert render(CARD, format="jpeg", progressive=True).data != big.data


@pytest.mark.parametrize("kwargs, path", [
    ({"format": "gif"}, "format"), ({"quality": 0}, "quality"), ({"scale": 5}, "scale"),
    ({"page": 2}, "page"), ({"png_compression": "max"}, "png_compression"),
])
def test_bad_output_options_name_the_option(kwargs, path):
    with pytest.raises(OutputError) as caught:
        render(CARD, **kwargs)
    assert caught.value.path == path


def test_png_compression_trades_speed_for_size_with_equal_pixels():
    fast = render(CARD, png_compression="fast")
    small = render(CARD, png_compression="small")
    assert pixels(fast.data).tobytes() == pixels(small.data).tobytes()
    assert len(small.data) <= len(fast.data)


def test_pages_make_multi_page_pdfs_or_one_image_per_page():
    paged = {"width": 200, "height": 100, "pages": [
        [{"type": "text", "name": f"t{i}", "text": f"Page {i}", "font_size": 30}] for i in range(1, 6)]}
    pdf = render(paged, format="pdf")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf.data)) == 5
    images = render(paged)
    assert len(images.pages) == 5 and images.data == images.pages[0]
    assert len({p for p in images.pages}) == 5
    third = render(paged, page=3)
    assert third.pages == [images.pages[2]]


def test_shapes_land_where_the_template_says():
    im = pixels(render(CARD).data)
    assert im.getpixel((80, 60))[:3] == (244, 63, 94)          # rect fill
    assert im.getpixel((22, 60))[:3] == (255, 255, 255)        # its stroke, inside the box
    assert im.getpixel((21, 21))[:3] != (255, 255, 255)        # rounded corner: the background shows
    assert im.getpixel((240, 60))[:3] == (34, 197, 94)         # ellipse centre
    assert im.getpixel((201, 21))[:3] != (34, 197, 94)         # outside the ellipse, inside its box
    assert im.getpixel((100, 130))[:3] == (255, 255, 255)      # the line


def test_opacity_rotation_and_hidden():
    base = {"width": 100, "height": 100, "background": "#000000", "layers": [
        {"type": "rect", "name": "r", "x": 25, "y": 45, "width": 50, "height": 10, "fill": "#ffffff"}]}
    faded = dict(base, layers=[dict(base["layers"][0], opacity=0.5)])
    assert pixels(render(faded).data).getpixel((50, 50))[0] == pytest.approx(128, abs=1)
    turned = dict(base, layers=[dict(base["layers"][0], rotation=90)])
    im = pixels(render(turned).data)
    assert im.getpixel((50, 30))[0] > 200 and im.getpixel((30, 50))[0] < 50
    hidden = dict(base, layers=[dict(base["layers"][0], hidden=True)])
    assert pixels(render(hidden).data).getpixel((50, 50))[:3] == (0, 0, 0)
    assert pixels(render(base, {"r.hidden": "true"}).data).getpixel((50, 50))[:3] == (0, 0, 0)


def test_transparent_backgrounds_stay_transparent_in_png_and_flatten_to_white_in_jpeg():
    tpl = {"width": 60, "height": 60, "background": "transparent", "layers": [
        {"type": "ellipse", "name": "e", "fill": "#ff0000"}]}
    png = pixels(render(tpl).data)
    assert png.getpixel((1, 1))[3] == 0 and png.getpixel((30, 30)) == (255, 0, 0, 255)
    edges = [p for p in png.get_flattened_data() if 0 < p[3] < 255]
    assert edges and all(p[0] > 240 for p in edges), "anti-aliased edges carry no dark fringe"
    jpeg = pixels(render(tpl, format="jpeg").data)
    assert min(jpeg.getpixel((1, 1))[:3]) > 245


def test_test_mode_watermark_is_visible():
    plain = pixels(render(CARD).data)
    marked = pixels(render(CARD, watermark="TEST").data)
    changed = sum(1 for a, b in zip(plain.get_flattened_data(), marked.get_flattened_data(), strict=True) if a != b)
    assert changed > 320 * 180 * 0.05


def test_the_cache_serves_repeats_and_stays_bounded():
    cache = RenderCache(max_bytes=2 * 1024 * 1024)
    render(CARD, cache=cache)
    render(CARD, cache=cache)   # text masks are kept the second time they are seen
    misses = cache.misses
    render(CARD, cache=cache)
    assert cache.misses == misses and cache.hits > 0
    for i in range(30):
        render(CARD, {"title": f"Title {i}"}, cache=cache)
    assert cache.bytes <= 2 * 1024 * 1024


# --- a layer that goes with another -------------------------------------------------------------------------------
def data_url(image: Image.Image) -> str:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


RED_DOT = data_url(Image.new("RGB", (8, 8), "#ff0000"))
FRAMED = {"width": 100, "height": 100, "background": "#000000", "layers": [
    {"type": "ellipse", "name": "frame", "x": 10, "y": 10, "width": 80, "height": 80, "fill": "#ffffff",
     "shown_with": "photo"},
    {"type": "image", "name": "photo", "x": 20, "y": 20, "width": 60, "height": 60, "src": RED_DOT, "radius": 30},
    {"type": "rect", "name": "pill", "x": 0, "y": 90, "width": 100, "height": 10, "fill": "#ffffff",
     "shown_with": "label"},
    {"type": "text", "name": "label", "x": 0, "y": 90, "width": 100, "height": 10, "text": "x", "font_size": 8}]}


@pytest.mark.parametrize("fields, frame, pill", [
    ({}, True, True),
    ({"photo": ""}, False, True),                # a blank photo leaves no empty white disc
    ({"photo.hidden": True}, False, True),
    ({"label": "  "}, True, False),              # a blank label leaves no empty pill
])
def test_a_layer_shown_with_another_is_drawn_only_when_that_one_shows(fields, frame, pill):
    image = pixels(render(FRAMED, fields).data)
    assert (image.getpixel((14, 50))[:3] == (255, 255, 255)) is frame   # the frame's rim, outside the photo
    assert (image.getpixel((98, 92))[:3] == (255, 255, 255)) is pill


@pytest.mark.parametrize("source", ["https://example.invalid/me.jpg", "data:image/png;base64,AAAA"])
def test_an_image_left_out_because_it_failed_takes_its_frame_with_it(source):
    # a mistyped avatar URL from a zap: the photo is hidden (on_error), and so is its white disc
    layers = [FRAMED["layers"][0], {**FRAMED["layers"][1], "on_error": "hide"}, *FRAMED["layers"][2:]]
    result = render({**FRAMED, "layers": layers}, {"photo": source})
    assert [w["code"] for w in result.warnings] == ["image_hidden"]
    image = pixels(result.data)
    assert image.getpixel((14, 50))[:3] != (255, 255, 255) and image.getpixel((50, 50))[:3] != (255, 0, 0)
    assert image.getpixel((98, 92))[:3] == (255, 255, 255)   # other ties are untouched


@pytest.mark.parametrize("tie, words", [("nobody", "not another layer"), ("frame", "not another layer"),
                                        ("pill", "circle")])
def test_shown_with_names_another_layer_without_going_round(tie, words):
    template = {**FRAMED, "layers": [{**FRAMED["layers"][0], "shown_with": tie}, *FRAMED["layers"][1:]]}
    if tie == "pill":
        template["layers"][2] = {**template["layers"][2], "shown_with": "frame"}
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict(template)
    assert words in str(caught.value) and caught.value.path.endswith(".shown_with")


def test_shown_with_is_not_a_field():
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict({"width": 10, "height": 10, "layers": [{"type": "rect", "name": "a",
                                                                   "fields": ["shown_with"]}]})
    assert caught.value.path == "layers[0].fields[0]" and "part of the design" in str(caught.value)
