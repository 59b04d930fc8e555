"""Image layers: fit modes with focus, rounded masks, EXIF, allowed formats, size limits, load failures."""

import io

import pytest
from PIL import Image

from renderer import ImageSourceError, render


def encoded(image: Image.Image, fmt: str = "PNG", **save) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **save)
    return buf.getvalue()


def quadrants(w=200, h=100) -> Image.Image:
    """Red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    im = Image.new("RGB", (w, h))
    for box, colour in (((0, 0, w // 2, h // 2), "red"), ((w // 2, 0, w, h // 2), "lime"),
                        ((0, h // 2, w // 2, h), "blue"), ((w // 2, h // 2, w, h), "yellow")):
        im.paste(colour, box)
    return im


def draw(layer: dict, source: bytes, size=(100, 100), **kw) -> tuple[Image.Image, list]:
    tpl = {"width": size[0], "height": size[1], "background": "#ffffff",
           "layers": [{"type": "image", "name": "pic", "src": "https://img.test/a", **layer}]}
    result = render(tpl, load_image=lambda url: source, cache=False, **kw)
    return Image.open(io.BytesIO(result.data)).convert("RGB"), result.warnings


def near(pixel, colour, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(pixel, colour, strict=False))


RED, GREEN, BLUE, YELLOW, WHITE = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (255, 255, 255)


def test_cover_fills_the_box_and_crops_around_the_focus():
    src = encoded(quadrants())
    centre, _ = draw({"fit": "cover"}, src)
    assert near(centre.getpixel((2, 2)), RED) and near(centre.getpixel((97, 2)), GREEN)
    left, _ = draw({"fit": "cover", "focus_x": 0}, src)
    assert near(left.getpixel((2, 2)), RED) and near(left.getpixel((97, 2)), RED)
    right, _ = draw({"fit": "cover", "focus_x": 1}, src)
    assert near(right.getpixel((2, 2)), GREEN) and near(right.getpixel((97, 97)), YELLOW)


def test_contain_letterboxes_fill_stretches_none_keeps_natural_size():
    src = encoded(quadrants())
    contain, _ = draw({"fit": "contain"}, src)
    assert contain.getpixel((50, 10)) == WHITE and near(contain.getpixel((10, 30)), RED)
    bottom, _ = draw({"fit": "contain", "focus_y": 1}, src)
    assert bottom.getpixel((50, 40)) == WHITE and near(bottom.getpixel((10, 60)), RED)
    fill, _ = draw({"fit": "fill"}, src)
    assert near(fill.getpixel((10, 10)), RED) and near(fill.getpixel((90, 90)), YELLOW)
    none, _ = draw({"fit": "none", "focus_x": 0, "focus_y": 0}, src)
    assert near(none.getpixel((10, 10)), RED) and near(none.getpixel((99, 40)), RED)
    assert near(none.getpixel((99, 60)), BLUE), "natural size: the 200×100 source is cut, not scaled"


def test_radius_makes_anti_aliased_circles():
    im, _ = draw({"radius": 50}, encoded(Image.new("RGB", (100, 100), "red")))
    assert im.getpixel((1, 1)) == WHITE and near(im.getpixel((50, 50)), RED, 2)
    diagonal = [im.getpixel((i, i)) for i in range(10, 20)]
    assert any(p != WHITE and not near(p, RED, 2) for p in diagonal), "the circle's edge should be blended"


def test_exif_orientation_is_respected():
    tall = Image.new("RGB", (60, 120), "blue")
    tall.paste("red", (0, 0, 60, 60))    # red on top when upright
    sideways = tall.rotate(90, expand=True)   # stored lying down, tagged to be turned back (orientation 6)
    exif = Image.Exif()
    exif[0x0112] = 6
    im, _ = draw({"fit": "fill"}, encoded(sideways, "JPEG", exif=exif, quality=95))
    assert near(im.getpixel((50, 10)), RED) and near(im.getpixel((50, 90)), BLUE)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_the_four_formats_decode(fmt):
    im, _ = draw({}, encoded(Image.new("RGB", (100, 100), "blue"), fmt))
    assert near(im.getpixel((50, 50)), BLUE)


def test_gif_uses_the_first_frame():
    frames = [Image.new("RGB", (100, 100), c) for c in ("blue", "red")]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    im, _ = draw({}, buf.getvalue())
    assert near(im.getpixel((50, 50)), BLUE)


@pytest.mark.parametrize("data, words", [
    (encoded(Image.new("RGB", (10, 10)), "BMP"), "not a PNG, JPEG, WebP or GIF"),
    (encoded(Image.new("RGB", (10, 10)), "TIFF"), "not a PNG, JPEG, WebP or GIF"),
    (b"<html>nope</html>", "not a PNG, JPEG, WebP or GIF"),
    (b"", "empty"),
    (encoded(Image.new("1", (8000, 6000))), "megapixels"),
    (encoded(Image.new("RGB", (200, 200), "red"))[:300], "damaged or truncated"),
])
def test_bad_sources_fail_naming_the_layer_and_url(data, words):
    with pytest.raises(ImageSourceError) as caught:
        draw({}, data)
    message = str(caught.value)
    assert "layer 'pic'" in message and "https://img.test/a" in message and words in message


def test_a_failing_loader_fails_the_render_or_hides_the_layer_when_asked():
    def broken(url):
        raise OSError("connection refused")

    tpl = {"width": 50, "height": 50, "layers": [{"type": "image", "name": "pic", "src": "https://img.test/x"}]}
    with pytest.raises(ImageSourceError, match="connection refused"):
        render(tpl, load_image=broken)
    tpl["layers"][0]["on_error"] = "hide"
    result = render(tpl, load_image=broken)
    assert result.warnings == [{"code": "image_hidden", "layer": "pic", "message": result.warnings[0]["message"]}]
    assert "connection refused" in result.warnings[0]["message"]


def test_upscaling_warns_and_empty_source_draws_nothing():
    _, warnings = draw({"fit": "cover"}, encoded(Image.new("RGB", (20, 20), "red")))
    assert warnings[0]["code"] == "image_upscaled" and "20×20" in warnings[0]["message"]
    tpl = {"width": 50, "height": 50, "layers": [{"type": "image", "name": "pic", "src": ""}]}
    assert render(tpl, load_image=lambda url: pytest.fail("nothing to load")).warnings == []


def test_transparent_png_keeps_its_transparency():
    logo = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    logo.paste((255, 0, 0, 255), (25, 25, 75, 75))
    im, _ = draw({"fit": "fill"}, encoded(logo))
    assert im.getpixel((5, 5)) == WHITE and near(im.getpixel((50, 50)), RED, 2)


def test_data_urls_load_without_a_loader():
    import base64

    url = "data:image/png;base64," + base64.b64encode(encoded(Image.new("RGB", (10, 10), "blue"))).decode()
    tpl = {"width": 10, "height": 10, "layers": [{"type": "image", "name": "pic", "src": url}]}
    im = Image.open(io.BytesIO(render(tpl).data)).convert("RGB")
    assert near(im.getpixel((5, 5)), BLUE)
