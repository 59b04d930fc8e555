"""The Python client's brand kits (`platen.brands`) against a live Platen: list, get, create, update, make default,
delete, errors, paging, and renders and batches drawing the brand they name."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from platen_client import Conflict, NotFound, Platen, ValidationFailed

SWATCH = {"name": "Swatch", "width": 8, "height": 8, "background": "@brand.primary", "layers": [
    {"type": "text", "name": "title", "text": "", "font_size": 4, "color": "@brand.text"}]}


@pytest.fixture(scope="module")
def platen(live):
    with Platen(live.base, live.account("Python client brands")) as client:
        yield client


def colour_of(png: bytes) -> tuple[int, int, int]:
    return Image.open(io.BytesIO(png)).convert("RGB").getpixel((0, 0))


def test_the_default_brand_then_create_get_and_list(platen):
    [neutral] = platen.brands.list()
    assert neutral.default and neutral.name == "Default" and neutral.version == 1
    assert platen.brands.default().id == neutral.id
    acme = platen.brands.create("Acme", colors={"primary": "#FF0055"}, fonts={"heading": "DejaVu Sans"})
    assert acme.id.startswith("brd_") and not acme.default and acme.version == 1
    assert acme.colors.primary == "#ff0055", "stored lowercase"
    assert acme.colors.secondary == neutral.colors.secondary, "what was left out comes from the neutral default"
    assert (acme.fonts.heading, acme.logo) == ("DejaVu Sans", None)
    found = platen.brands.get(acme.id)
    assert found.to_dict() == acme.to_dict()
    assert [b.id for b in platen.brands.list()] == [acme.id, neutral.id], "newest first"
    assert [b.id for b in platen.brands.list(limit=1, page=1)] == [neutral.id]
    assert [b.id for b in platen.brands.all()] == [acme.id, neutral.id]
    platen.brands.delete(acme)


def test_update_merges_colours_bumps_the_version_and_removes_a_logo(platen):
    brand = platen.brands.create("Patchy", colors={"primary": "#111111", "accent": "#222222"},
                                 logo="https://example.com/logo.png")
    changed = platen.brands.update(brand, colors={"primary": "#0ea5e9"})
    assert (changed.colors.primary, changed.colors.accent, changed.version) == ("#0ea5e9", "#222222", 2)
    renamed = platen.brands.update(brand.id, {"name": "Patchy 2"}, logo=None)
    assert (renamed.name, renamed.logo, renamed.version) == ("Patchy 2", None, 3)
    assert renamed.colors.primary == "#0ea5e9"
    with pytest.raises(ValueError):
        platen.brands.update(brand)
    platen.brands.delete(brand)


def test_making_another_brand_the_default_and_deleting(platen):
    neutral = platen.brands.default()
    acme = platen.brands.create("Acme default")
    made = platen.brands.make_default(acme)
    assert made.default and platen.brands.default().id == acme.id
    assert not platen.brands.get(neutral.id).default, "the old default stops being it"
    with pytest.raises(Conflict) as refused:
        platen.brands.delete(acme)
    assert refused.value.status == 409 and "default" in refused.value.message
    platen.brands.make_default(neutral.id)
    platen.brands.delete(acme.id)
    with pytest.raises(NotFound):
        platen.brands.get(acme.id)
    with pytest.raises(NotFound) as again:
        platen.brands.delete(acme.id)
    assert acme.id in again.value.message


def test_bad_values_name_the_field(platen, live):
    with pytest.raises(ValidationFailed) as bad_colour:
        platen.brands.create("Bad", colors={"primary": "not a colour"})
    assert bad_colour.value.status == 422 and "colors.primary" in bad_colour.value.message
    with pytest.raises(ValidationFailed) as bad_font:
        platen.brands.create("Bad", fonts={"heading": "No Such Family"})
    assert "fonts.heading" in bad_font.value.message
    with pytest.raises(NotFound):   # another account's brand is a 404 like a missing one
        other = live.api("POST", "/brands", json={"name": "Theirs"}).json()["id"]
        platen.brands.get(other)


def test_renders_and_batches_draw_the_brand_they_name(platen):
    red = platen.brands.create("Red", colors={"primary": "#ff0000"})
    blue = platen.brands.create("Blue", colors={"primary": "#0000ff"})
    swatch = platen.templates.create({**SWATCH, "brand_id": red.id})
    assert colour_of(platen.renders.image(swatch.id)) == (255, 0, 0), "the template's brand"
    assert colour_of(platen.renders.image(swatch.id, brand_id=blue.id)) == (0, 0, 255), "the request's"
    render = platen.renders.create(swatch.id, {"title": "x"}, brand_id=blue.id)
    assert colour_of(platen.renders.download(render)) == (0, 0, 255)
    platen.brands.update(blue, colors={"primary": "#00ff00"})
    assert colour_of(platen.renders.image(swatch.id, {"title": "x"}, brand_id=blue.id)) == (0, 255, 0), \
        "an edited brand renders afresh, not from the cache"
    batch = platen.batches.run(swatch.id, [{"title": "a"}, {"title": "b"}], brand_id=blue.id, progress=False)
    assert batch.brand_id == blue.id and batch.completed == 2
    assert {colour_of(platen.renders.download(r)) for r in platen.batches.renders(batch)} == {(0, 255, 0)}
    from_csv = platen.batches.run(swatch.id, file=b"title\nc\n", file_name="rows.csv", brand_id=red.id,
                                  progress=False)
    assert from_csv.brand_id == red.id
    assert colour_of(platen.renders.download(platen.batches.renders(from_csv)[0])) == (255, 0, 0)
    with pytest.raises(ValidationFailed) as unknown:
        platen.renders.create(swatch.id, {}, brand_id="brd_0000000000000000000000")
    assert "brand_id" in unknown.value.message
