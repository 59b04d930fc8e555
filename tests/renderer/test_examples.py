"""The starter templates in examples/: valid, clean to render, stable against golden images, usable as forms.

Golden images live in tests/renderer/golden/ and are made by ``examples/render_gallery.py --update-golden`` (one PNG
per page). A render matches its golden when it has exactly the golden's size and, comparing each pixel with the
closest golden pixel within 1 px (``near_difference`` in tests/support/golden.py, the largest channel difference):

* the mean of that difference is below ``MAX_MEAN`` (0.5 of 255): no overall colour or tone drift;
* fewer than ``MAX_SOFT_SHARE`` (0.02 %) of pixels are off by more than 16: no area changed visibly;
* fewer than ``MAX_HARD_SHARE`` (0.001 %, 7 px of a 1200×630 card) are off by more than 64: no glyph changed.

Why not a plain per-pixel tolerance (e.g. mean < 1.0 and < 0.5 % of pixels off by more than 32): it is both too
loose and too strict. Too loose, because one changed digit of a title is 0.07 % of the pixels and a recoloured
accent bar 0.03 %: both pass. Too strict, because a FreeType/raqm update that moves every baseline by 1 px (a
rounding change) puts 0.6-1.9 % of the pixels off by more than 32 and the mean up to 1.6: every golden fails.
The 1 px neighbourhood (looked for both ways round, so a vanished thin stroke counts like a new one) absorbs such
shifts: with all text of every example moved 1 px left, right, up or down, or every photo re-encoded at another JPEG
quality (standing in for a libjpeg change), no pixel is off by more than 64 and at most 0.001 % by more than 16.
Yet one changed digit in a 20 px line still leaves 12 px off by more than 64 (0.0016 %), and a hidden 2 px divider
line 0.28 % off by more than 16.
test_golden_tolerance_catches_small_changes and test_golden_tolerance_forgives_a_1px_shift keep both sides honest.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from connector.fetch.sources import local_loader
from renderer import FieldError, Template, apply_fields, render, template_fields
from tests.support.golden import compare, decode, near_difference

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
sys.path.insert(0, str(EXAMPLES))

from render_gallery import load_example, page_names, render_example  # noqa: E402

# Warnings a starter template must never produce with its own defaults: each means it looks broken.
FORBIDDEN = {"glyph_missing", "font_substituted", "image_hidden", "image_upscaled", "text_truncated",
             "qr_too_small"}

EXPECTED = ["og-blog-card", "instagram-quote", "event-badge", "certificate", "product-banner",
            "youtube-thumbnail", "arabic-hebrew-card", "japanese-emoji-card", "linkedin-carousel"]
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json"))

# Realistic values at both ends: what people paste into Zapier/Make. Every example must take them without an
# error, a missing glyph or a substituted font (shrinking and truncating are what the templates are built for).
LONG = {
    "og-blog-card": {"title": "The complete, slightly opinionated guide to running background jobs in Python "
                              "web apps without losing your mind (or your data)", "author": "Maximilian "
                     "Alexander von Hohenberg-Castellanos", "category": "Infrastructure & operations"},
    "instagram-quote": {"quote": "The best way to get started is to quit talking and begin doing. The secret of "
                                 "getting ahead is getting started, and the secret of getting started is breaking "
                                 "your complex, overwhelming tasks into small manageable ones.",
                        "author": "Walt Disney", "author_title": "Founder of a company you may have heard of, "
                                                                 "and several theme parks"},
    "event-badge": {"name": "Maximiliana Rodríguez-Fernández", "company": "International Business Machines "
                    "Corporation", "role": "Volunteer", "ticket": "https://tickets.devsummit.io/t/" + "X" * 120},
    "certificate": {"recipient": "Aleksandra Konstantinopoulou-Wiśniewska", "course": "Foundations of Machine "
                    "Learning Engineering: from notebooks to production systems at scale"},
    "product-banner": {"product_name": "Aura Pro Max Wireless Over-Ear Noise Cancelling Headphones (2025 "
                                       "edition)", "price": "$1,299.99", "old_price": "$1,899"},
    "youtube-thumbnail": {"headline": "I built a startup in 24 hours with no code", "highlight": "it made money",
                          "sticker": "Part 2"},
    "arabic-hebrew-card": {"headline_ar": "اكتشف أجمل الشواطئ مع SkyLine واحصل على خصم خاص عند الحجز المبكر "
                                          "لجميع الرحلات العائلية في 2025",
                           "headline_he": "גלו את החופים היפים ביותר עם SkyLine וקבלו הנחה מיוחדת בהזמנה מוקדמת"},
    "japanese-emoji-card": {"headline": "週末限定！浅草と隅田川をめぐる、屋形船ディナークルーズ🚢✨",
                            "body": "江戸の風情が残る浅草を散策したあと、屋形船で天ぷらとお寿司を楽しむ贅沢な夜。"
                                    "スカイツリー🗼のライトアップも間近に見られます。"},
    "linkedin-carousel": {"cover_title": "Seven uncomfortable lessons about hiring senior engineers in a fully "
                                         "remote company", "tip1_title": "Write every decision down before the "
                                                                         "meeting where you would make it",
                          "tip2_body": "Short. "},
}
SHORT = {
    "og-blog-card": {"title": "Hello", "author": "Al"},
    "instagram-quote": {"quote": "Ship it.", "author": "Anonymous"},
    "event-badge": {"name": "Li", "company": "", "role": "Staff"},
    "certificate": {"recipient": "Bo", "course": "SQL"},
    "product-banner": {"product_name": "Mug", "price": "$9"},
    "youtube-thumbnail": {"headline": "Wow", "highlight": "!"},
    "arabic-hebrew-card": {"headline_ar": "مرحبا", "headline_he": "שלום"},
    "japanese-emoji-card": {"headline": "乾杯🍻", "body": "すぐ予約🎉"},
    "linkedin-carousel": {"cover_title": "Go", "tip3_title": "Sleep"},
}

# Right-to-left values in left-to-right designs (and the reverse): what a shop in Tel Aviv or Cairo sends.
RTL = {
    "og-blog-card": {"title": "كيف نشغّل المهام الخلفية في تطبيقات الويب دون أن نفقد البيانات", "author": "ليلى حداد",
                     "category": "البنية التحتية"},
    "instagram-quote": {"quote": "הדרך הטובה ביותר להתחיל היא להפסיק לדבר ולהתחיל לעשות.", "author": "וולט דיסני"},
    "event-badge": {"name": "محمد عبد الرحمن", "company": "شركة الحلول الرقمية", "role": "متحدث"},
    "certificate": {"recipient": "נועה כהן-לוי", "course": "יסודות הנדסת למידת מכונה"},
    "product-banner": {"product_name": "سماعات أورا برو اللاسلكية", "price": "١٣٩ $", "old_price": "١٩٩ $"},
    "youtube-thumbnail": {"headline": "בניתי סטארטאפ ב-24 שעות", "highlight": "וזה הרוויח"},
    "arabic-hebrew-card": {"headline_ar": "SkyLine: 40 destinations this summer", "headline_he": "Book by 31 August"},
    "japanese-emoji-card": {"headline": "今だけ30%オフ！週末限定セール開催中", "body": "オンラインストア限定。"},
    "linkedin-carousel": {"cover_title": "سبعة دروس عن توظيف المهندسين", "author": "مايا تشن"},
}


@pytest.fixture(scope="module")
def renders() -> dict:
    """Each example rendered once with its defaults (PNG, every page)."""
    return {name: render_example(load_example(name)) for name in NAMES}


def layer_of(template: dict, name: str) -> dict:
    return next(layer for layer in template["layers"] if layer["name"] == name)


# --- the set of examples ------------------------------------------------------------------------------------------
def test_the_nine_starters_are_there():
    assert set(EXPECTED) <= set(NAMES), f"missing: {sorted(set(EXPECTED) - set(NAMES))}"


@pytest.mark.parametrize("name", NAMES)
def test_example_validates_and_is_documented(name):
    data = load_example(name)
    tpl = Template.from_dict(data)
    assert tpl.name and tpl.description, "a starter needs a name and a description for the gallery"
    layers = tpl.layers
    assert len({layer.name for layer in layers}) == len(layers)
    for layer in layers:
        if layer.editable:
            assert layer.label, f"{layer.name}: an editable layer needs a label for the forms"
    assert any(layer.required for layer in layers), "the field people must fill is marked required"
    assert any(not layer.editable for layer in layers), "decoration is kept out of the forms"
    json.dumps(tpl.to_dict())   # serialisable back


def test_examples_are_pretty_printed_utf8():
    """Stored the way people read them: two-space indent, real characters rather than \\u escapes."""
    for name in NAMES:
        text = (EXAMPLES / f"{name}.json").read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", name


# --- rendering ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_example_renders_clean(name, renders):
    result = renders[name]
    tpl = Template.from_dict(load_example(name))
    assert (result.width, result.height) == (tpl.width, tpl.height)
    assert len(result.pages) == len(tpl.pages)
    bad = [w for w in result.warnings if w["code"] in FORBIDDEN]
    assert not bad, bad


@pytest.mark.parametrize("name", NAMES)
def test_example_matches_golden(name, renders, tmp_path):
    result = renders[name]
    for page, data in zip(page_names(name, len(result.pages)), result.pages, strict=True):
        path = GOLDEN / f"{page}.png"
        assert path.exists(), f"no golden image {path.name}: run examples/render_gallery.py --update-golden"
        actual = decode(data)
        golden = decode(path.read_bytes())
        ok, measured = compare(actual, golden)
        if not ok:
            Image.fromarray(actual.astype(np.uint8), "RGBA").save(tmp_path / f"{page}-actual.png")
            if actual.shape == golden.shape:
                diff = near_difference(actual, golden).clip(0, 255).astype(np.uint8)
                Image.fromarray(255 - diff, "L").save(tmp_path / f"{page}-diff.png")
            pytest.fail(f"{page} differs from its golden image: {measured}. The render and a diff are in "
                        f"{tmp_path}; if the change is intended, run examples/render_gallery.py --update-golden")


def test_golden_tolerance_catches_small_changes():
    """One changed digit, one changed letter, a recoloured accent, a 2 px nudge, a fainter rule: all caught."""
    template = load_example("og-blog-card")
    golden = decode((GOLDEN / "og-blog-card.png").read_bytes())
    changes = {
        "one digit": {"title": layer_of(template, "title")["text"].replace("2 seconds", "3 seconds")},
        "one letter": {"author": "Maye Chen"},
        "accent colour": {"accent.fill": "#f43f5e"},
        "moved 2 px": {"title.x": 82},
        "brighter divider": {"divider.fill": "#ffffff55"},
        "no divider": {"divider.hidden": True},
        "one digit of the date": {"meta": "13 March 2025 · 6 min read"},
        "darker wash": {"shade.fill": "#0b1220f8"},
    }
    for label, fields in changes.items():
        ok, measured = compare(decode(render_example(template, fields).data), golden)
        assert not ok, f"{label} went unnoticed: {measured}"


def test_golden_tolerance_forgives_a_1px_shift():
    """What a FreeType or raqm update does (every baseline 1 px lower) is not a regression."""
    template = copy.deepcopy(load_example("og-blog-card"))
    for layer in template["layers"]:
        if layer["type"] == "text":
            layer["y"] += 1
    ok, measured = compare(decode(render_example(template).data), decode((GOLDEN / "og-blog-card.png").read_bytes()))
    assert ok, measured


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("values", [LONG, SHORT, RTL], ids=["long", "short", "rtl"])
def test_example_takes_long_and_short_values(name, values):
    fields = values.get(name, {})
    result = render_example(load_example(name), fields)
    bad = [w for w in result.warnings if w["code"] in FORBIDDEN - {"text_truncated"}]
    assert not bad, bad


# --- fields -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_example_fields_list(name):
    tpl = Template.from_dict(load_example(name))
    fields = template_fields(tpl)
    names = [f.name for f in fields]
    assert len(names) == len(set(names))
    editable = [layer.name for layer in tpl.layers if layer.editable]
    assert [n for n in names if "." not in n] == editable
    assert any("." in n for n in names), "each starter offers at least one extra property (a colour or size)"
    for field in fields:
        assert field.label and field.help, field.name
        if field.default is not None:
            try:
                apply_fields(tpl, {field.name: field.default})
            except FieldError as exc:   # pragma: no cover - the message is the point
                pytest.fail(f"{name}: field {field.name} refuses its own default: {exc}")
    assert any(f.required for f in fields)


# --- particular promises ------------------------------------------------------------------------------------------
def test_carousel_is_a_five_page_pdf():
    result = render_example(load_example("linkedin-carousel"), format="pdf")
    assert result.data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", result.data)) == 5


def test_carousel_names_are_unique_across_pages():
    data = load_example("linkedin-carousel")
    assert len(data["pages"]) == 5
    names = [layer["name"] for page in data["pages"] for layer in page]
    assert len(names) == len(set(names))


def test_rtl_text_sits_on_the_right(renders):
    """align "start" resolves to right for Arabic and Hebrew: the ink hugs the right edge of the box."""
    image = decode(renders["arabic-hebrew-card"].data)
    data = load_example("arabic-hebrew-card")
    for layer in data["layers"]:
        if layer["name"] not in ("headline_ar", "sub_ar", "headline_he", "sub_he"):
            continue
        x, y, w, h = layer["x"], layer["y"], layer["width"], layer["height"]
        box = image[y:y + h, x:x + w, :3]
        background = np.array([0x0c, 0x1e, 0x3c])
        ink = np.abs(box - background).max(axis=-1) > 60
        rows = np.nonzero(ink.any(axis=1))[0]
        assert len(rows), f"{layer['name']}: no text drawn"
        last_line = ink[rows.min() + (rows.max() - rows.min()) * 6 // 10:]   # the bottom of the last line
        columns = np.nonzero(last_line.any(axis=0))[0]
        right_gap, left_gap = w - 1 - columns.max(), columns.min()
        assert right_gap < 12 and left_gap > 100, f"{layer['name']}: {left_gap}px free on the left, {right_gap}px " \
                                                  "on the right"


def test_emoji_are_drawn_in_colour(renders):
    """The Japanese card's text is near-black ink, so saturated pixels in its boxes can only be colour emoji."""
    image = decode(renders["japanese-emoji-card"].data)
    for layer in load_example("japanese-emoji-card")["layers"]:
        if layer["name"] not in ("headline", "body", "tag"):
            continue
        x, y, w, h = layer["x"], layer["y"], layer["width"], layer["height"]
        box = image[y:y + h, x:x + w, :3]
        saturation = box.max(axis=-1) - box.min(axis=-1)
        assert (saturation > 120).sum() > 150, f"{layer['name']}: no colour emoji found"


def test_every_source_is_a_shipped_asset():
    for name in NAMES:
        data = load_example(name)
        layers = [layer for page in data.get("pages", [data.get("layers", [])]) for layer in page]
        for layer in layers:
            if layer["type"] == "image":
                assert (EXAMPLES / layer["src"]).is_file(), f"{name}.{layer['name']}: {layer['src']}"
                assert (EXAMPLES / layer["src"]).stat().st_size < 300 * 1024


def test_pages_render_one_by_one_as_png():
    result = render(load_example("linkedin-carousel"), load_image=local_loader(str(EXAMPLES)), page=3)
    assert len(result.pages) == 1 and result.data.startswith(b"\x89PNG")


def blank_fields(name: str) -> dict:
    """Every optional text and image field of a starter sent empty (what an automation sends for missing data)."""
    tpl = Template.from_dict(load_example(name))
    return {layer.name: "" for layer in tpl.layers
            if layer.editable and not layer.required and layer.type in ("text", "image")}


@pytest.mark.parametrize("name", NAMES)
def test_example_takes_blank_values(name):
    result = render_example(load_example(name), blank_fields(name))
    assert not [w for w in result.warnings if w["code"] in FORBIDDEN], result.warnings


@pytest.mark.parametrize("name, blank, frame", [
    ("event-badge", "photo", "photo_ring"), ("event-badge", "role", "role_pill"),
    ("og-blog-card", "avatar", "avatar_ring"), ("og-blog-card", "category", "accent"),
    ("instagram-quote", "avatar", "avatar_ring"), ("linkedin-carousel", "avatar", "avatar_ring"),
    ("product-banner", "cta", "cta_button"), ("japanese-emoji-card", "tag", "tag_bg"),
])
def test_a_blank_field_leaves_no_empty_frame(name, blank, frame):
    """A blank photo leaves no white disc, a blank label no empty pill: as if the frame were not there."""
    template = load_example(name)
    shown = render_example(template, {blank: ""}, page=1).data
    without_frame = render_example(template, {blank: "", f"{frame}.hidden": True}, page=1).data
    assert decode(shown).tolist() == decode(without_frame).tolist()


def shrunk_to(result, layer: str) -> float | None:
    for warning in result.warnings:
        if warning["code"] == "text_shrunk" and warning["layer"] == layer:
            return float(re.search(r"to ([0-9.]+) px", warning["message"]).group(1))
    return None


@pytest.mark.parametrize("role", ["Volunteer coordinator", "Speaker & workshop host",
                                  "Keynote speaker and panel moderator"])
def test_a_long_badge_role_stays_readable(role):
    result = render_example(load_example("event-badge"), {"role": role})
    assert (shrunk_to(result, "role") or 40) >= 26, "the role must stay readable from a metre away"


@pytest.mark.parametrize("old_price", ["$19", "$199", "$1,899.99", "€ 12.499,00"])
def test_the_old_price_is_struck_through_from_end_to_end(old_price):
    image = decode(render_example(load_example("product-banner"), {"old_price": old_price}).data)
    box = image[352:396, 72:632, :3]
    grey = np.abs(box - np.array([0x78, 0x71, 0x6c])).max(axis=-1) < 40
    columns = np.nonzero(grey.any(axis=0))[0]
    longest = max(_longest_run(row) for row in grey)
    assert longest >= 0.95 * (columns.max() - columns.min() + 1), f"{old_price}: the strike covers {longest} of " \
        f"{columns.max() - columns.min() + 1} px"


def _longest_run(row) -> int:
    best = run = 0
    for value in row:
        run = run + 1 if value else 0
        best = max(best, run)
    return best


@pytest.mark.parametrize("name, avatar, author", [("og-blog-card", "avatar", "author"),
                                                  ("instagram-quote", "avatar", "author"),
                                                  ("linkedin-carousel", "avatar", "author")])
def test_a_right_to_left_name_stays_beside_its_avatar(name, avatar, author):
    """A name set next to a photo reads as a caption in any script: it starts beside the photo, not far right."""
    template = load_example(name)
    tpl = Template.from_dict(template)
    box = tpl.layer(author)
    image = decode(render_example(template, {author: RTL[name][author]}, page=1).data)
    plain = decode(render_example(template, {author: ""}, page=1).data)
    x, y, w, h = int(box.x), int(box.y), int(box.width), int(box.height)
    ink = np.abs(image[y:y + h, x:x + w, :3] - plain[y:y + h, x:x + w, :3]).max(axis=-1) > 60
    columns = np.nonzero(ink.any(axis=0))[0]
    assert len(columns) and columns.min() < 12, f"{name}: the name starts {columns.min()} px from the avatar side"
