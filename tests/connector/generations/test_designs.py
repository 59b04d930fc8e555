"""Designs: every format × style a valid template with brand tokens, text at or above the readable floor, nothing
outside the canvas or overlapping once rendered, carousel page counts and headed slides, the styles' own type
unless the brand has fonts, ink that reads on what is under it, no lone last word, determinism, RTL, goldens.

Goldens: tests/connector/generations/golden/, made by running this module with PLATEN_UPDATE_GOLDEN=1."""

from __future__ import annotations

import base64
import io
import os
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from connector.fetch.sources import local_loader
from connector.generations.content import Extracted, Section
from connector.generations.designs import DEFAULT_SLIDES, STYLES, design
from connector.generations.layouts.styles import brand_values, contrast, value_of
from connector.generations.planning import floor_px
from connector.templates.formats import BY_NAME, FORMATS
from renderer import Template, render
from tests.support.golden import compare, decode

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = Path(__file__).resolve().parent / "golden"
ASSETS = ROOT / "examples" / "assets"
LOAD = local_loader(str(ASSETS))
MAIN = ("og", "instagram_post", "linkedin_carousel")
BAD = {"text_truncated", "glyph_missing", "font_substituted"}

TIPS = Extracted(
    title="5 habits of remote teams that ship faster",
    summary="Small rituals beat big processes. Here is what the fastest distributed teams we studied do every week.",
    points=["Write decisions down where everyone can find them", "Default to asynchronous updates",
            "Protect four hours of focus a day", "Demo something every Friday", "Keep meetings to 25 minutes"],
    sections=[Section("Why it matters", ["Teams spread over time zones cannot rely on hallway talk. Writing is "
                                         "the hallway. Decisions that are written down are decisions that stick."])],
    image="photo-workspace.jpg", site_name="Platen Blog", author="Maya Chen", url="https://www.example.com/blog/x")
LONG = Extracted(
    title="The complete, slightly opinionated guide to running background jobs in Python without losing sleep, "
          "data or your weekend",
    summary=" ".join(["Queues fail in ways that are boring to prevent and exciting to debug."] * 12),
    points=[f"Point number {n} says something that takes a whole line or two to say properly" for n in range(14)],
    sections=[Section(f"Heading {n}", ["A paragraph. " * 40]) for n in range(4)], url="https://example.org/a")
ARABIC = Extracted(title="خمس نصائح للعمل عن بعد",
                   summary="العمل من المنزل يمنحك حرية كبيرة، لكنه يحتاج إلى عادات واضحة.",
                   points=["حدد وقتاً ثابتاً لبداية يومك ونهايته.", "خصص مكاناً هادئاً للعمل فقط."],
                   language="ar", site_name="مدونة")
BARE = Extracted(title="Hello")
ARTICLE = Extracted(
    title="The quiet art of remote meetings", summary="Distributed teams that meet less share a few habits.",
    points=["Give every meeting an owner", "Put the decision at the top", "End five minutes early"],
    sections=[Section("Start with the why", ["Most meetings fail before they start. Nobody knows what they are for."]),
              Section("Five habits", [], ["Give every meeting an owner", "Put the decision at the top",
                                          "End five minutes early"]),
              Section("When not to meet", ["Status updates belong in writing. A meeting is for deciding."])],
    url="https://journal.example.com/a", site_name="Northwind Journal", author="Maya Lindqvist")


def text_layers(data: dict) -> list[dict]:
    pages = data.get("pages") or [data["layers"]]
    return [layer for page in pages for layer in page if layer["type"] == "text"]


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
@pytest.mark.parametrize("style", STYLES)
def test_every_format_and_style_is_a_valid_branded_template(fmt, style):
    size = BY_NAME[fmt]
    for extracted in (TIPS, BARE):
        data = design(extracted, fmt, style)
        tpl = Template.from_dict(data)
        assert (tpl.width, tpl.height) == (size.width, size.height)
        assert len(tpl.pages) == (DEFAULT_SLIDES if size.pages else 1)
        assert tpl.brand_tokens & {"background", "text", "primary", "accent", "secondary"}
        floor = floor_px(size.width, size.height)
        for layer in text_layers(data):
            assert layer["font_size"] >= floor and layer["min_font_size"] >= floor, (layer["name"], floor)
            assert 0 <= layer["x"] and layer["x"] + layer["width"] <= size.width, layer["name"]
            assert 0 <= layer["y"] and layer["y"] + layer["height"] <= size.height, layer["name"]
    names = [layer.name for layer in Template.from_dict(design(TIPS, fmt, style)).layers]
    assert "title" in names and "logo" in names


def test_styles_set_their_own_type_unless_the_brand_has_fonts():
    fonts = {}
    for style in STYLES:
        data = design(TIPS, "instagram_post", style)
        title = next(layer for layer in data["layers"] if layer["name"] == "title")
        fonts[style] = title["font"]
        assert not title["font"].startswith("@brand.")   # every style's default family is installed by the repo
        branded = design(TIPS, "instagram_post", style, brand={"heading": "DejaVu Sans", "body": "DejaVu Sans"})
        assert {"heading", "body"} <= Template.from_dict(branded).brand_tokens
    assert fonts["elegant"] != fonts["bold"] != fonts["modern"] and len(set(fonts.values())) >= 4


def test_text_reads_on_what_is_under_it():
    brand = {"accent": "#fde047", "primary": "#fef08a", "background": "#ffffff", "text": "#111827"}
    for style in ("playful", "bold", "corporate", "modern"):
        data = design(TIPS, "linkedin_carousel", style, brand=brand)
        for layer in text_layers(data):
            assert layer["color"] != "@brand.accent" or style == "bold", (style, layer["name"])


def test_a_title_does_not_end_on_a_lone_word():
    for title in ("The Quiet Art of Remote Meetings", "Why every remote team should write things down first"):
        for style in ("modern", "elegant"):
            data = design(Extracted(title=title, summary="A short summary."), "instagram_post", style)
            entry = next(e for e in render(data, cache=False).layout[0] if e["name"] == "title")
            words = [line["text"] for line in entry["lines"]]
            assert len(entry["lines"]) == 1 or " " in words[-1].strip(), (title, style, words)


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw - 1 and bx < ax + aw - 1 and ay < by + bh - 1 and by < ay + ah - 1


@pytest.mark.parametrize("fmt", MAIN)
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("extracted", [TIPS, LONG, ARABIC, BARE], ids=["tips", "long", "arabic", "bare"])
def test_rendered_text_is_whole_inside_and_apart(fmt, style, extracted):
    data = design(extracted, fmt, style)
    result = render(data, load_image=LOAD, cache=False)
    assert not [w for w in result.warnings if w["code"] in BAD], result.warnings
    w, h = data["width"], data["height"]
    for page in result.layout:
        boxes = []
        for entry in page:
            if entry["type"] != "text" or not entry["drawn"]:
                continue
            for line in entry["lines"]:
                x, y, lw, lh = line["box"]
                assert x >= 0 and y >= 0 and x + lw <= w + 1 and y + lh <= h + 1, (entry["name"], line)
            boxes.append((entry["name"], entry["box"]))
        for i, (name, box) in enumerate(boxes):
            for other, obox in boxes[i + 1:]:
                assert not _overlap(box, obox), f"{name} overlaps {other} on {fmt}/{style}"


@pytest.mark.parametrize("count", [3, 5, 10])
def test_carousels_have_the_pages_asked_for(count):
    for fmt in ("linkedin_carousel", "instagram_carousel"):
        data = design(LONG, fmt, "modern", slides=count)
        tpl = Template.from_dict(data)   # names unique across pages, or this raises
        assert len(tpl.pages) == count
        assert tpl.layer("closing_title") is not None and tpl.layer(f"slide_no_{count}") is not None
    assert len(design(TIPS, "linkedin_carousel", "bold", slides=99)["pages"]) == 10
    assert len(design(BARE, "linkedin_carousel", "bold", slides=1)["pages"]) == 3


def test_a_carousel_says_the_points_then_closes():
    data = design(TIPS, "linkedin_carousel", "modern", slides=7)
    said = " ".join(layer["text"] for layer in text_layers(data))
    for point in TIPS.points:
        assert point in said
    assert "Read more at example.com" in said and "2/7" in said
    closing = {layer["name"]: layer for layer in data["pages"][-1] if layer["type"] == "text"}
    assert closing["closing_title"]["text"] == TIPS.title


def test_body_slides_carry_headings_and_lists_number_on():
    data = design(ARTICLE, "linkedin_carousel", "modern", slides=5)
    for n, page in enumerate(data["pages"][1:-1], 2):
        names = {layer["name"]: layer for layer in page if layer["type"] == "text"}
        assert f"heading_{n}" in names, n
    said = [layer["text"] for page in data["pages"] for layer in page if layer["name"].startswith("bullet")]
    shared = design(Extracted(title="Ten tips", points=[f"Tip number {n}" for n in range(1, 11)]),
                    "linkedin_carousel", "modern", slides=4)
    numbers = [layer["text"] for page in shared["pages"] for layer in page if layer["name"].startswith("bullet")]
    assert numbers == [f"{n:02d}" for n in range(1, 11)], numbers
    assert said


def test_same_input_same_design_same_image():
    one, two = design(TIPS, "instagram_post", "creative"), design(TIPS, "instagram_post", "creative")
    assert one == two
    assert render(one, load_image=LOAD, cache=False).data == render(two, load_image=LOAD, cache=False).data


def test_arabic_is_mirrored_and_aligned_right():
    data = design(ARABIC, "instagram_post", "modern")
    title = next(layer for layer in data["layers"] if layer["name"] == "title")
    assert title["align"] == "start" and title["language"] == "ar"
    result = render(data, cache=False)
    entry = next(e for e in result.layout[0] if e["name"] == "title")
    right = entry["box"][0] + entry["box"][2]
    assert all(abs(line["box"][0] + line["box"][2] - right) < 2 for line in entry["lines"])
    edge = next(layer for layer in data["layers"] if layer["name"] == "edge")
    assert edge["x"] + edge["width"] == data["width"]   # modern's edge strip moved to the right


def test_the_brand_restyles_and_an_empty_logo_shows_nothing():
    data = design(TIPS, "og", "corporate")
    logo = next(layer for layer in data["layers"] if layer["name"] == "logo")
    assert logo["src"] == "@brand.logo" and logo["on_error"] == "hide"
    plain = render(data, load_image=LOAD, cache=False)
    assert not plain.warnings
    png = (ASSETS / "logo-white.png").read_bytes()
    brand = {"primary": "#7c2d12", "accent": "#f59e0b", "logo": "data:image/png;base64," +
             base64.b64encode(png).decode()}
    branded = render(data, load_image=LOAD, cache=False, brand=brand)
    assert branded.data != plain.data
    band = Image.open(io.BytesIO(branded.data)).convert("RGB").getpixel((5, 5))
    assert band == (0x7c, 0x2d, 0x12)


GOLDENS = [("tips", TIPS, "og", "modern"), ("tips", TIPS, "instagram_post", "bold"),
           ("arabic", ARABIC, "instagram_post", "elegant"), ("long", LONG, "og", "dark"),
           ("tips", TIPS, "linkedin_carousel", "playful")]


@pytest.mark.parametrize("label,extracted,fmt,style", GOLDENS, ids=[f"{g[0]}-{g[2]}-{g[3]}" for g in GOLDENS])
def test_designs_match_their_golden_images(label, extracted, fmt, style, tmp_path):
    result = render(design(extracted, fmt, style), load_image=LOAD, cache=False)
    for n, data in enumerate(result.pages, 1):
        path = GOLDEN / f"{label}-{fmt}-{style}{f'-p{n}' if len(result.pages) > 1 else ''}.png"
        if os.environ.get("PLATEN_UPDATE_GOLDEN"):
            path.write_bytes(data)
        assert path.exists(), f"no golden {path.name}: run with PLATEN_UPDATE_GOLDEN=1"
        ok, why = compare(decode(data), decode(path.read_bytes()))
        if not ok:
            (tmp_path / path.name).write_bytes(data)
        assert ok, f"{path.name}: {why} (the render is in {tmp_path})"


@pytest.mark.parametrize("fmt", ["youtube_thumbnail", "a4_portrait"])
def test_the_lead_image_is_drawn_in_every_style(fmt):
    for style in STYLES:
        result = render(design(TIPS, fmt, style), load_image=LOAD, cache=False)
        assert not [w for w in result.warnings if w["code"] == "image_hidden"], (style, result.warnings)


SEVEN = Extracted(title="7 habits of teams that run better meetings",
                  points=["Keep a fixed start and end to your day", "Set up a desk that is only for work",
                          "Write things down: decisions, plans, questions", "Take a real lunch break away from it",
                          "Say hello on the team chat every morning", "Keep meetings to 25 minutes",
                          "Demo something every Friday afternoon"])
RED_LOGO = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
RED_LOGO.paste((0xdc, 0x26, 0x26, 255), (0, 10, 290, 90))
RED = {"primary": "#dc2626", "background": "#fdf6e3", "text": "#1f2937", "accent": "#f59e0b",
       "heading": "Noto Serif Display", "logo": "data:image/png;base64," + base64.b64encode(
           (lambda b: (RED_LOGO.save(b, "PNG"), b.getvalue())[1])(io.BytesIO())).decode()}


def _pixels(png: bytes, box) -> Counter:
    x, y, w, h = (round(v) for v in box)
    crop = Image.open(io.BytesIO(png)).convert("RGB").crop((x, y, x + w, y + h))
    return Counter({colour: count for count, colour in crop.getcolors(w * h)})


def _hex(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


@pytest.mark.parametrize("style", ["creative", "bold", "modern"])
def test_letter_tails_stay_inside_their_boxes(style):
    """Tightly led titles (creative 1.0, bold 1.02) in a serif brand face: every line's ascent-to-descent box is
    inside its layer's box, so a g or y on the last line is not cut flat."""
    tails = Extracted(title="The quiet art of remote meetings", summary="Churn fell by 52% in a year.",
                      points=["Keep meetings shy of 25 minutes, agenda first"])
    for fmt in MAIN:
        result = render(design(tails, fmt, style, brand=RED, slides=3), cache=False, brand=RED)
        for entry in (e for page in result.layout for e in page if e["type"] == "text" and e["drawn"]):
            if entry["name"].startswith("quote_mark"):
                continue
            _, top, _, height = entry["box"]
            for line in entry["lines"]:
                assert line["box"][1] >= top - 0.5 and line["box"][1] + line["box"][3] <= top + height + 0.5, \
                    (fmt, entry["name"], line)


@pytest.mark.parametrize("style", ["corporate", "playful", "creative", "dark"])
def test_slide_numbers_read_on_what_is_under_them(style):
    for brand in (None, RED):
        data = design(SEVEN, "linkedin_carousel", style, brand=brand)
        result = render(data, cache=False, brand=brand)
        values = brand_values(brand)
        for n in (2, 3):
            layer = next(la for la in data["pages"][n - 1] if la["name"] == f"slide_no_{n}")
            pixels = _pixels(result.pages[n - 1], (layer["x"], layer["y"], layer["width"], layer["height"]))
            under = _hex(pixels.most_common(1)[0][0])
            assert contrast(value_of(layer["color"], values), under) >= 4.5, (style, brand and "red", n, under)


def test_a_logo_in_the_primary_colour_shows_on_primary_areas():
    """Bold's primary canvas, corporate's band, dark's canvas: the logo sits on a plate of the brand's background,
    drawn only with the logo; elsewhere it sits on the background itself."""
    for style in STYLES:
        for fmt, page in (("og", 0), ("linkedin_carousel", 1)):
            data = design(SEVEN, fmt, style, brand=RED)
            result = render(data, load_image=LOAD, cache=False, brand=RED)
            layers = data["pages"][page] if page else data["layers"]
            for logo in (la for la in layers if la["name"].startswith("logo") and la["type"] == "image"):
                pixels = _pixels(result.pages[page], (logo["x"], logo["y"], logo["width"], logo["height"]))
                counts = pixels
                assert any(contrast(_hex(p), "#dc2626") < 1.1 for p in counts), (style, fmt, "no logo drawn")
                ground = next(_hex(p) for p, _ in counts.most_common() if contrast(_hex(p), "#dc2626") >= 1.1)
                assert contrast(ground, "#dc2626") >= 3, (style, fmt, ground)
    plain = render(design(SEVEN, "og", "bold"), cache=False)
    assert not any(la["name"].endswith("_plate") and la["drawn"] for la in plain.layout[0])   # no logo, no plate


def _circle_hits(circle: dict, box) -> bool:
    r = circle["width"] / 2
    cx, cy = circle["x"] + r, circle["y"] + r
    x, y, w, h = box
    nx, ny = min(max(cx, x), x + w), min(max(cy, y), y + h)
    return (nx - cx) ** 2 + (ny - cy) ** 2 < r * r


def test_playfuls_corner_circle_stays_clear_of_text_on_every_format():
    for fmt in FORMATS:
        data = design(TIPS, fmt.name, "playful", slides=3)
        for page in data.get("pages") or [data["layers"]]:
            circle = next(la for la in page if la["name"].startswith("blob") and la["y"] > 0)
            for layer in (la for la in page if la["type"] == "text"):
                box = (layer["x"], layer["y"], layer["width"], layer["height"])
                assert not _circle_hits(circle, box), (fmt.name, layer["name"])


def test_points_are_shared_out_evenly_and_numbered_on():
    for style in ("modern", "corporate"):
        data = design(SEVEN, "linkedin_carousel", style, slides=5)
        counts = [sum(la["name"].startswith(f"slide{n}_point_") for la in page)
                  for n, page in enumerate(data["pages"][1:-1], 2)]
        assert counts == [3, 2, 2], (style, counts)
    numbered = design(SEVEN, "linkedin_carousel", "modern", slides=5)
    assert [la["text"] for page in numbered["pages"] for la in page if la["name"].startswith("bullet")] == \
        [f"{n:02d}" for n in range(1, 8)]


@pytest.mark.parametrize("style", STYLES)
def test_a_cards_points_are_readable_or_counted(style):
    """A card's list is set at a readable size for the card (og: at least its body size, not the 14 px floor); the
    points that do not fit at it are counted ("+3 more") rather than all set tiny."""
    for fmt, low in (("og", 20), ("instagram_post", 30)):
        data = design(SEVEN, fmt, style, brand=RED)
        points = [la for la in data["layers"] if la["name"].startswith("point_")]
        assert points, (fmt, style)
        assert min(la["font_size"] for la in points) >= low, (fmt, style, [la["font_size"] for la in points])
        more = [la["text"] for la in data["layers"] if la["name"] == "more_points"]
        assert more == ([f"+{7 - len(points)} more"] if len(points) < 7 else []), (fmt, style, more)


def test_corporate_without_a_site_name_or_logo_has_a_thin_band():
    bare = design(BARE, "og", "corporate")
    band = next(la for la in bare["layers"] if la["name"] == "band")
    assert band["height"] < 0.05 * 630 and not any(la["name"] == "kicker" for la in bare["layers"])
    assert any(la["name"] == "logo" and la["y"] > 630 / 2 for la in bare["layers"])   # the logo: in the footer
    branded = design(BARE, "og", "corporate", brand=RED)
    assert next(la for la in branded["layers"] if la["name"] == "band")["height"] > 0.1 * 630
    assert next(la for la in branded["layers"] if la["name"] == "logo")["y"] < 0.11 * 630
