"""The font registry, against this machine's fonts (DejaVu, Noto core/CJK/emoji) and fonts made in the test."""

from __future__ import annotations

import io
import os
import shutil
import threading
from pathlib import Path

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from PIL import ImageFont

from renderer import fonts
from renderer.fonts import FontFace, FontRegistry, default_registry

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU = DEJAVU_DIR / "DejaVuSans.ttf"


@pytest.fixture(scope="module")
def system() -> FontRegistry:
    return FontRegistry()


@pytest.fixture(scope="module")
def small_font() -> bytes:
    """DejaVu Sans cut down to a few glyphs, so that making test fonts (WOFF2 above all) is fast."""
    font = TTFont(DEJAVU)
    subsetter = subset.Subsetter()
    subsetter.populate(text="Hello")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def make_font(small_font: bytes, path: Path, family: str, weight: int = 400, italic: bool = False,
              flavor: str | None = None, width: int = 5) -> Path:
    font = TTFont(io.BytesIO(small_font))
    name = font["name"]
    for name_id in (1, 16):
        name.setName(family, name_id, 3, 1, 0x409)
    font["OS/2"].usWeightClass = weight
    font["OS/2"].usWidthClass = width
    font["OS/2"].fsSelection = 0x01 if italic else 0x40
    font["head"].macStyle = 0x02 if italic else 0
    font.flavor = flavor
    font.save(path)
    return path


def by_file(registry: FontRegistry, family: str, filename: str) -> FontFace:
    face, _ = registry.match(family)  # makes sure the registry has scanned
    return next(f for f in registry._by_family[fonts._norm(family)] if os.path.basename(f.path) == filename)


# -- this machine's fonts ---------------------------------------------------------------------------


def test_noto_color_emoji_is_a_bitmap_font_loaded_at_its_strike_size(system):
    face, substituted = system.match("Noto Color Emoji", 400)
    assert not substituted
    assert face.bitmap_size == 109
    with pytest.raises(OSError, match="invalid pixel size"):  # why bitmap_size exists
        ImageFont.truetype(face.path, 40)
    font = system.font(face, 40)
    assert font.size == 109
    assert font.getbbox("😀")[2] > 0


def test_scalable_fonts_have_no_bitmap_size(system):
    assert system.match("DejaVu Sans")[0].bitmap_size is None
    assert system.match("Noto Sans CJK JP")[0].bitmap_size is None


def test_noto_sans_cjk_jp_is_found_inside_its_collection(system):
    face, substituted = system.match("Noto Sans CJK JP", 400)
    assert not substituted
    assert face.path.endswith(".ttc") and face.family == "Noto Sans CJK JP"
    with TTFont(face.path, lazy=True, fontNumber=face.index) as font:
        assert font["name"].getDebugName(1) == "Noto Sans CJK JP"  # no name ID 16 in these
    assert system.font(face, 20).getname()[0] == "Noto Sans CJK JP"
    assert system.match("Noto Sans CJK JP", 700)[0].weight == 700


def test_dejavu_weights_and_styles(system):
    assert by_file(system, "DejaVu Sans", "DejaVuSans-Bold.ttf").weight == 700
    assert by_file(system, "DejaVu Sans", "DejaVuSans-ExtraLight.ttf").weight == 200
    assert by_file(system, "DejaVu Sans", "DejaVuSans-Oblique.ttf").italic
    assert not by_file(system, "DejaVu Sans", "DejaVuSans.ttf").italic


def test_unknown_family_falls_back_to_default_and_says_so(system):
    face, substituted = system.match("Inter", 700)
    assert (os.path.basename(face.path), substituted) == ("DejaVuSans-Bold.ttf", True)


@pytest.mark.parametrize("spelling", ["dejavu sans", "DejaVu Sans", "dejavusans", "DejaVu-Sans", "DEJAVU_SANS"])
def test_family_names_ignore_case_spaces_and_hyphens(system, spelling):
    face, substituted = system.match(spelling, 700)
    # DejaVu Sans Condensed shares the typographic family: the normal width wins the tie.
    assert (os.path.basename(face.path), substituted) == ("DejaVuSans-Bold.ttf", False)


def test_no_family_means_the_default_family_unsubstituted(system):
    assert system.default_family == "DejaVu Sans"
    for family in (None, ""):
        face, substituted = system.match(family)
        assert (os.path.basename(face.path), substituted) == ("DejaVuSans.ttf", False)


def test_weight_between_faces_goes_heavier_above_500(system):
    face, _ = system.match("Noto Sans", 650)
    assert (face.family, face.weight, face.italic) == ("Noto Sans", 700, False)


def test_italic_preferred_when_asked(system):
    face, _ = system.match("DejaVu Sans", 700, italic=True)
    assert os.path.basename(face.path) == "DejaVuSans-BoldOblique.ttf"
    assert system.match("Noto Color Emoji", italic=True)[0].bitmap_size == 109  # no italic: upright stands in


@pytest.mark.parametrize(
    ("char", "family"),
    [("A", "DejaVu Sans"), ("ع", "Noto Sans Arabic"), ("中", "Noto Sans CJK JP"), ("😀", "Noto Color Emoji")],
)
def test_covers(system, char, family):
    assert system.covers(system.match(family)[0], char)


def test_coverage_is_a_frozenset_and_misses_are_false(system):
    dejavu = system.match("DejaVu Sans")[0]
    assert isinstance(system.coverage(dejavu), frozenset) and ord("A") in system.coverage(dejavu)
    assert not system.covers(dejavu, "中")
    assert not system.covers(dejavu, "")


def test_fallback_chain_order(system):
    face = system.match("Noto Sans CJK JP", 700)[0]
    chain = system.fallback_chain(face)
    families = [f.family for f in chain]
    assert chain[0] == face and len(set(chain)) == len(chain)
    assert families[:4] == ["Noto Sans CJK JP", "Noto Sans", "DejaVu Sans", "Noto Sans Arabic"]
    assert families.index("Noto Color Emoji") < families.index("Noto Sans Symbols")
    assert families.index("Noto Sans Symbols") < families.index("Noto Sans Math") < families.index("DejaVu Sans Mono")
    assert "Noto Sans Symbols2" in families  # the font spells it without the space
    assert next(f for f in chain if f.family == "Noto Sans Arabic").weight == 700  # same weight as the face
    assert next(f for f in chain if f.family == "Noto Sans CJK JP") is face  # not repeated
    chain.append(face)  # callers get a copy
    assert system.fallback_chain(face) == chain[:-1]


def test_fonts_are_cached(system, monkeypatch):
    face = system.match("DejaVu Sans")[0]
    assert system.font(face, 20) is system.font(face, 20)
    monkeypatch.setattr(fonts, "FONT_CACHE_SIZE", 2)
    first = system.font(face, 21)
    system.font(face, 22)
    system.font(face, 23)
    assert system.font(face, 21) is not first


def test_default_registry_is_one_instance_across_threads(monkeypatch):
    monkeypatch.setattr(fonts, "_default_registry", None)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(default_registry())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(r) for r in seen}) == 1 and seen[0] is default_registry()


# -- registries of our own -------------------------------------------------------------------------


def test_dir_registry_finds_only_what_is_there(tmp_path):
    registry = FontRegistry(dirs=[str(tmp_path)], system=False)
    # The scan happens on first lookup, so files arriving before it are seen.
    shutil.copy(DEJAVU, tmp_path / "DejaVuSans.ttf")
    (tmp_path / "sub").mkdir()
    shutil.copy(DEJAVU_DIR / "DejaVuSansMono.ttf", tmp_path / "sub" / "mono.ttf")
    (tmp_path / "broken.ttf").write_bytes(b"\0\1\0\0 and then nothing useful")
    (tmp_path / "notes.txt").write_text("not a font")
    assert registry.families() == ["DejaVu Sans", "DejaVu Sans Mono"]
    assert registry.default_family == "DejaVu Sans"
    face, substituted = registry.match("Noto Sans")
    assert face.path == str(tmp_path / "DejaVuSans.ttf") and substituted


def test_symlinks_neither_loop_nor_duplicate(tmp_path):
    shutil.copy(DEJAVU, tmp_path / "DejaVuSans.ttf")
    (tmp_path / "alias.ttf").symlink_to(tmp_path / "DejaVuSans.ttf")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    registry = FontRegistry(dirs=[tmp_path, tmp_path / "loop"], system=False)
    assert registry.families() == ["DejaVu Sans"]
    assert len(registry._by_family["dejavusans"]) == 1


def test_empty_registry(tmp_path):
    registry = FontRegistry(dirs=[str(tmp_path / "missing")], system=False)
    assert registry.families() == [] and registry.default_family == ""
    with pytest.raises(LookupError):
        registry.match("DejaVu Sans")


def test_default_family_is_settable(tmp_path, small_font):
    make_font(small_font, tmp_path / "a.ttf", "Alpha")
    make_font(small_font, tmp_path / "b.ttf", "Beta")
    registry = FontRegistry(dirs=[tmp_path], system=False)
    assert registry.default_family == "Alpha"  # no DejaVu/Noto: the first found
    registry.default_family = "beta"
    assert registry.default_family == "Beta"
    assert registry.match("Gamma") == (registry.match("Beta")[0], True)
    assert registry.fallback_chain(registry.match("Alpha")[0])[1].family == "Beta"
    with pytest.raises(ValueError):
        registry.default_family = "Gamma"


@pytest.mark.parametrize(
    ("available", "wanted", "expected"),
    [
        ({100, 300, 600, 900}, 400, 300),  # 400: 500, then lighter, then heavier
        ({100, 300, 600, 900}, 500, 300),
        ({300, 500}, 400, 500),
        ({400, 600}, 500, 400),  # 500: 400 first
        ({100, 300, 600, 900}, 200, 100),  # below 400: lighter first
        ({300, 600}, 200, 300),
        ({100, 300, 600, 900}, 550, 600),  # above 500: heavier first
        ({100, 300, 600, 900}, 700, 900),
        ({100, 300, 600}, 800, 600),
    ],
)
def test_css_weight_matching(tmp_path, small_font, available, wanted, expected):
    for weight in available:
        make_font(small_font, tmp_path / f"w{weight}.ttf", "Weights", weight)
    registry = FontRegistry(dirs=[tmp_path], system=False)
    assert registry.match("Weights", wanted)[0].weight == expected


def test_style_is_matched_before_weight(tmp_path, small_font):
    make_font(small_font, tmp_path / "upright.ttf", "Styles", 400)
    make_font(small_font, tmp_path / "italic.ttf", "Styles", 900, italic=True)
    registry = FontRegistry(dirs=[tmp_path], system=False)
    assert registry.match("Styles", 400, italic=True)[0].weight == 900
    assert registry.match("Styles", 900, italic=False)[0].weight == 400


def test_normal_width_wins_a_tie(tmp_path, small_font):
    make_font(small_font, tmp_path / "a-condensed.ttf", "Widths", 700, width=3)
    make_font(small_font, tmp_path / "b-normal.ttf", "Widths", 700, width=5)
    make_font(small_font, tmp_path / "c-expanded.ttf", "Widths", 700, width=7)
    registry = FontRegistry(dirs=[tmp_path], system=False)
    assert os.path.basename(registry.match("Widths", 700)[0].path) == "b-normal.ttf"


@pytest.mark.parametrize(("raw", "weight"), [(250, 300), (350, 400), (5, 500), (0, 400), (1000, 900), (700, 700)])
def test_odd_weight_classes_are_rounded(tmp_path, small_font, raw, weight):
    registry = FontRegistry(system=False)
    assert registry.add_file(str(make_font(small_font, tmp_path / "odd.ttf", "Odd", raw)))[0].weight == weight


@pytest.mark.parametrize("flavor", ["woff2", "woff"])
def test_add_web_font(tmp_path, small_font, flavor):
    path = make_font(small_font, tmp_path / f"upload.{flavor}", "Uploaded Sans", 700, flavor=flavor)
    registry = FontRegistry(system=False)
    [face] = registry.add_file(str(path))
    assert face == FontFace(f"{path}.sfnt", 0, "Uploaded Sans", 700, False)
    assert registry.families() == ["Uploaded Sans"]
    assert registry.match("uploaded-sans", 700) == (face, False)
    assert registry.covers(face, "H") and not registry.covers(face, "Z")
    assert registry.font(face, 30).getbbox("Hello")[2] > 0
    converted = os.stat(face.path).st_mtime_ns
    assert registry.add_file(str(path)) == [face]  # converted once
    assert os.stat(face.path).st_mtime_ns == converted
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_web_fonts_in_our_dirs_are_converted(tmp_path, small_font):
    make_font(small_font, tmp_path / "a.woff2", "Web Sans", flavor="woff2")
    registry = FontRegistry(dirs=[tmp_path], system=False)
    assert registry.families() == ["Web Sans"]
    assert (tmp_path / "a.woff2.sfnt").exists()


def test_add_collection(system):
    cjk = system.match("Noto Sans CJK JP")[0]
    registry = FontRegistry(system=False)
    faces = registry.add_file(cjk.path)
    assert [f.index for f in faces] == list(range(len(faces))) and len(faces) > 1
    assert cjk in faces
    assert registry.match("Noto Sans CJK JP") == (cjk, False)


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, I am not a font at all", b"wOF2" + b"\0" * 100, b"wOFF" + b"\xff" * 100, b"ttcf\0\1\0\0\0\0\0\x09"],
)
def test_garbage_is_refused(tmp_path, content):
    path = tmp_path / "garbage.ttf"
    path.write_bytes(content)
    registry = FontRegistry(system=False)
    with pytest.raises(ValueError, match="not a font file I can read"):
        registry.add_file(str(path))
    assert registry.families() == []
