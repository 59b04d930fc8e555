"""Brand fonts in Redis: checked on upload, per account, and in every machine's registry from the next render on."""

import hashlib
import os
import shutil
import struct

import pytest

from connector.fonts.store import AccountFontRegistry, FontStore, base_registry
from connector.runtime.errors import NotFound, PayloadTooLarge, ValidationFailed
from renderer import render
from tests.support.fonts import BRAND, DEJAVU, brand_font

CARD = {"width": 400, "height": 120, "layers": [
    {"type": "text", "name": "title", "x": 10, "y": 10, "width": 380, "height": 100, "text": "Hello brand",
     "font": BRAND, "font_size": 40}]}

pytestmark = pytest.mark.skipif(not os.path.exists(f"{DEJAVU}/DejaVuSans.ttf"), reason="needs DejaVu fonts")


@pytest.fixture(scope="module")
def brand_ttf():
    return brand_font()


@pytest.fixture(scope="module")
def brand_woff2():
    return brand_font(flavor="woff2")


@pytest.fixture
def store(conn, tmp_path):
    return FontStore(conn.redis, conn.settings.redis_prefix, str(tmp_path / "fonts"))


def test_a_ttf_upload_is_read_and_stored(store, brand_ttf):
    record = store.add("acct_a", "Brand-Regular.ttf", brand_ttf)
    assert record.id.startswith("fnt_")
    assert record.to_dict() == {"id": record.id, "family": BRAND, "weight": 400, "style": "normal",
                                "filename": "Brand-Regular.ttf", "format": "ttf", "size_bytes": len(brand_ttf),
                                "sha256": hashlib.sha256(brand_ttf).hexdigest(), "created_at": record.created_at}
    assert (record.full_name, record.postscript_name) == (BRAND, "PlatenTestBrand")
    assert store.get("acct_a", record.id) == record
    assert store.list("acct_a") == [record]


def test_woff2_and_an_installed_bold_are_read_too(store, brand_woff2):
    woff2 = store.add("acct_a", "brand.woff2", brand_woff2)
    assert (woff2.family, woff2.format, woff2.weight) == (BRAND, "woff2", 400)
    with open(f"{DEJAVU}/DejaVuSerif-Bold.ttf", "rb") as fh:
        serif = store.add("acct_a", "C:\\fonts\\DejaVuSerif-Bold.ttf", fh.read())
    assert (serif.family, serif.weight, serif.to_dict()["style"], serif.filename) == \
        ("DejaVu Serif", 700, "normal", "DejaVuSerif-Bold.ttf")
    assert [r.id for r in store.list("acct_a")] == [serif.id, woff2.id]   # newest first
    assert [r.id for r in store.list("acct_a", limit=1, page=1)] == [woff2.id]
    assert store.list("acct_a", limit=1, page=5) == []


@pytest.mark.parametrize("data", [b"hello, I am not a font" * 10, b"\x00\x01\x00\x00" + b"\x00" * 300,
                                  b"wOF2" + os.urandom(300), b""])
def test_garbage_is_a_422(store, data):
    with pytest.raises(ValidationFailed) as caught:
        store.add("acct_a", "evil.ttf", data)
    assert caught.value.status == 422 and "not a font file" in caught.value.message
    assert store.list("acct_a") == []


def test_too_large_is_a_413(conn, tmp_path, brand_ttf):
    small = FontStore(conn.redis, conn.settings.redis_prefix, str(tmp_path / "f"), max_bytes=len(brand_ttf) - 1)
    with pytest.raises(PayloadTooLarge, match="larger than"):
        small.add("acct_a", "big.ttf", brand_ttf)
    with pytest.raises(PayloadTooLarge, match=r"larger than 10 MB"):
        FontStore(conn.redis, conn.settings.redis_prefix, str(tmp_path)).add("acct_a", "x.ttf", b"OTTO" * 2_700_000)


def test_a_font_that_unpacks_to_far_more_than_the_limit_is_a_422(conn, tmp_path):
    store = FontStore(conn.redis, conn.settings.redis_prefix, str(tmp_path), max_bytes=200_000)
    honest = brand_font(flavor="woff2", padding=3_000_000)
    assert len(honest) < 200_000
    with pytest.raises(ValidationFailed, match="unpacks to more than"):
        store.add("acct_a", "bomb.woff2", honest)
    # A WOFF whose directory understates what its padding table unpacks to: caught while unpacking, bounded.
    woff = bytearray(brand_font(flavor="woff", padding=3_000_000))
    (count,) = struct.unpack_from(">H", woff, 12)
    entry = next(44 + 20 * i for i in range(count) if woff[44 + 20 * i:48 + 20 * i] == b"ZZZZ")
    (packed,) = struct.unpack_from(">I", woff, entry + 8)
    struct.pack_into(">I", woff, entry + 12, packed + 1000)
    with pytest.raises(ValidationFailed, match="unpacks to more than"):
        store.add("acct_a", "liar.woff", bytes(woff))
    assert store.add("acct_a", "fine.woff2", brand_font(flavor="woff2", padding=100_000)).format == "woff2"


def test_an_account_has_at_most_max_fonts(conn, tmp_path, brand_ttf):
    store = FontStore(conn.redis, conn.settings.redis_prefix, str(tmp_path), max_fonts=2)
    first = store.add("acct_a", "1.ttf", brand_ttf)
    store.add("acct_a", "2.ttf", brand_font(weight=700))
    with pytest.raises(ValidationFailed, match="2 fonts"):
        store.add("acct_a", "3.ttf", brand_font(weight=300))
    assert store.upload("acct_a", "again.ttf", brand_ttf) == (first, False)   # the same file: no room needed
    store.add("acct_b", "1.ttf", brand_ttf)


def test_the_same_file_uploaded_twice_is_one_font(store, brand_ttf):
    first, created = store.upload("acct_a", "Brand.ttf", brand_ttf)
    again, created_again = store.upload("acct_a", "Brand-copy.ttf", brand_ttf)
    assert (created, created_again) == (True, False) and again == first and again.filename == "Brand.ttf"
    assert first.sha256 == hashlib.sha256(brand_ttf).hexdigest()
    assert [f.id for f in store.list("acct_a")] == [first.id]
    theirs, created_theirs = store.upload("acct_b", "Brand.ttf", brand_ttf)   # per account
    assert created_theirs and theirs.id != first.id
    store.delete("acct_a", first.id)
    fresh, created = store.upload("acct_a", "Brand.ttf", brand_ttf)   # deleted: uploading it makes it anew
    assert created and fresh.id != first.id


def test_another_accounts_font_is_not_found_like_a_missing_one(store, brand_ttf):
    record = store.add("acct_a", "brand.ttf", brand_ttf)
    for call in (store.get, store.delete):
        with pytest.raises(NotFound) as theirs:
            call("acct_b", record.id)
        with pytest.raises(NotFound) as missing:
            call("acct_a", "fnt_missing")
        assert theirs.value.message.replace(record.id, "ID") == missing.value.message.replace("fnt_missing", "ID")
    for odd in (f"{record.id}:data", "../x", ""):   # ids we never made, some naming other keys
        with pytest.raises(NotFound):
            store.get("acct_a", odd)
    store.delete("acct_a", record.id)
    with pytest.raises(NotFound):
        store.delete("acct_a", record.id)
    with pytest.raises(NotFound):
        store.get("acct_a", record.id)
    assert store.list("acct_a") == []


def test_an_accounts_registry_has_its_fonts_and_no_one_elses(store, brand_ttf):
    assert store.registry_for("acct_a") is base_registry()   # no fonts: the shared registry
    store.add("acct_a", "brand.ttf", brand_ttf)
    mine, theirs = store.registry_for("acct_a"), store.registry_for("acct_b")
    face, substituted = mine.match(BRAND)
    assert (face.family, substituted) == (BRAND, False)
    assert face.path.startswith(store.cache_dir) and "acct_a" in face.path
    assert BRAND in mine.families() and "DejaVu Sans" in mine.families()
    assert theirs is base_registry() and BRAND not in theirs.families()
    assert theirs.match(BRAND)[1] is True


def test_the_system_scan_and_its_loaded_fonts_are_shared(store, brand_ttf):
    store.add("acct_a", "brand.ttf", brand_ttf)
    mine, base = store.registry_for("acct_a"), base_registry()
    assert isinstance(mine, AccountFontRegistry)
    system_face, _ = mine.match("DejaVu Sans", 700)
    assert system_face == base.match("DejaVu Sans", 700)[0]
    assert mine.font(system_face, 20) is base.font(system_face, 20)
    assert mine.coverage(mine.match(BRAND)[0]) >= {ord("A"), ord("z")}


def test_an_uploaded_family_replaces_the_installed_one_for_that_account_only(store):
    store.add("acct_a", "mine.ttf", brand_font("DejaVu Sans"))
    mine, theirs = store.registry_for("acct_a"), store.registry_for("acct_b")
    for weight in (400, 700):   # the installed bold is not mixed in with the account's family
        assert mine.match("DejaVu Sans", weight)[0].path.startswith(store.cache_dir)
    assert theirs.match("DejaVu Sans", 700)[0].path.startswith("/usr/share/fonts")


def test_a_newer_upload_of_the_same_style_wins(store):
    store.add("acct_a", "v1.ttf", brand_font())
    newer = store.add("acct_a", "v2.ttf", brand_font(padding=16))   # another file of the same family and style
    assert os.path.basename(store.registry_for("acct_a").match(BRAND)[0].path) == f"{newer.id}.ttf"


def test_every_change_rebuilds_the_registry_on_every_machine(conn, store, tmp_path, brand_ttf, brand_woff2):
    elsewhere = FontStore(conn.redis, conn.settings.redis_prefix, str(tmp_path / "other-machine"))
    record = store.add("acct_a", "brand.ttf", brand_ttf)
    first = store.registry_for("acct_a")
    assert store.registry_for("acct_a") is first   # unchanged: cached
    assert elsewhere.registry_for("acct_a").match(BRAND)[1] is False   # fetched from Redis onto its disk
    bold = store.add("acct_a", "brand-bold.woff2", brand_font(flavor="woff2", weight=700))
    assert bold.format == "woff2" and bold.weight == 700
    for where in (store, elsewhere):
        second = where.registry_for("acct_a")
        face, substituted = second.match(BRAND, 700)
        assert not substituted and face.weight == 700 and face.path.endswith(".woff2.sfnt")
    assert store.registry_for("acct_a") is not first
    store.delete("acct_a", record.id)
    store.delete("acct_a", bold.id)
    assert elsewhere.registry_for("acct_a").match(BRAND)[1] is True
    assert store.registry_for("acct_a") is base_registry()
    assert not any(name.startswith(record.id) for name in os.listdir(os.path.join(store.cache_dir, "acct_a")))


def test_a_lost_cache_file_is_fetched_again(store, brand_ttf):
    store.add("acct_a", "brand.ttf", brand_ttf)
    store.registry_for("acct_a")
    shutil.rmtree(store.cache_dir)
    fresh = FontStore(store.redis, store.p, store.cache_dir)
    assert fresh.registry_for("acct_a").match(BRAND)[1] is False


def test_renders_use_the_accounts_fonts(store):
    # Serif glyphs, so the pixels tell the brand font from the default (DejaVu Sans) standing in for it.
    store.add("acct_a", "brand.ttf", brand_font(source="DejaVuSerif.ttf"))
    mine = render(CARD, fonts=store.registry_for("acct_a"), cache=False)
    theirs = render(CARD, fonts=store.registry_for("acct_b"), cache=False)
    assert [w["code"] for w in mine.warnings] == []
    assert [w["code"] for w in theirs.warnings] == ["font_substituted"]
    assert mine.data != theirs.data


def test_base_dirs_are_under_every_accounts_fonts(store, tmp_path, brand_ttf):
    shared = tmp_path / "house-fonts"
    shared.mkdir()
    (shared / "house.ttf").write_bytes(brand_font("Platen House"))
    store.add("acct_a", "brand.ttf", brand_ttf)
    mine, theirs = store.registry_for("acct_a", [str(shared)]), store.registry_for("acct_b", [str(shared)])
    assert theirs is base_registry([str(shared)])
    assert mine.match("Platen House")[1] is False and theirs.match("Platen House")[1] is False
    assert mine.match(BRAND)[1] is False and theirs.match(BRAND)[1] is True
    assert store.registry_for("acct_a") is not mine   # other base dirs, another registry


def test_the_generation_changes_with_every_change(store, brand_ttf):
    assert store.generation("acct_a") == "0"
    record = store.add("acct_a", "brand.ttf", brand_ttf)
    after_add = store.generation("acct_a")
    store.delete("acct_a", record.id)
    assert len({"0", after_add, store.generation("acct_a")}) == 3
    assert store.generation("acct_b") == "0"
