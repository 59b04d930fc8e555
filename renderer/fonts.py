"""Font registry: the faces found in some directories, matched by family/weight/style the CSS way, loaded as Pillow
fonts, with their coverage and fallback chains. Reading a font file is ``renderer.fontfiles``."""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable

from fontTools.ttLib import TTFont
from PIL import ImageFont

# FontFace is imported from here by the renderer and the connector, as before the file half moved out.
from .fontfiles import SFNT_EXTENSIONS, WEB_EXTENSIONS, WEB_MAGICS, FontFace, decompress_web_font, read_faces

log = logging.getLogger(__name__)

SYSTEM_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
# Emoji sits right after CJK: later fonts (Symbols, DejaVu Sans Mono) have monochrome glyphs for many emoji.
FALLBACK_FAMILIES = (
    "Noto Sans", "DejaVu Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans CJK JP", "Noto Color Emoji",
    "Noto Sans Thai", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Armenian",
    "Noto Sans Georgian", "Noto Sans Ethiopic", "Noto Sans Symbols", "Noto Sans Symbols 2", "Noto Sans Math",
    "DejaVu Sans Mono",
)
PREFERRED_DEFAULTS = ("DejaVu Sans", "Noto Sans")
FONT_CACHE_SIZE = 512
_TOKENS = itertools.count(1)


def _norm(family: str) -> str:
    return "".join(ch for ch in family.casefold() if ch not in " -_")


def _weight_rank(have: int, want: int) -> tuple[int, int]:
    """CSS Fonts 4 §5.2 weight order as a sort key: lower is better."""
    if 400 <= want <= 500:
        if want <= have <= 500:
            return 0, have - want
        return (1, want - have) if have < want else (2, have - want)
    if want < 400:
        return (0, want - have) if have <= want else (1, have - want)
    return (0, have - want) if have >= want else (1, want - have)


class FontRegistry:
    """The faces in some directories (and the system's), plus uploaded files; safe to share between threads."""

    def __init__(self, dirs: Iterable[str] = (), system: bool = True):
        # Caches key work by registry (an account's fonts differ); id() can be reused, this never is.
        self.token = next(_TOKENS)
        # (directory, ours): web fonts are converted only in our own dirs, as that writes a file beside them.
        self._roots = [(os.path.expanduser(os.fspath(d)), True) for d in dirs]
        self._roots += [(os.path.expanduser(d), False) for d in SYSTEM_DIRS] if system else []
        self._lock = threading.RLock()
        self._scanned = False
        self._by_family: dict[str, list[FontFace]] = {}
        self._names: dict[str, str] = {}  # normalised -> as the font spells it, in the order found
        self._widths: dict[FontFace, int] = {}
        self._default: str | None = None
        self._coverage: dict[FontFace, frozenset[int]] = {}
        self._chains: dict[FontFace, list[FontFace]] = {}
        self._generation = 0  # bumped whenever chains may change, so a chain built meanwhile is not cached
        self._fonts: OrderedDict[tuple[str, int, float], ImageFont.FreeTypeFont] = OrderedDict()

    def _ensure_scanned(self) -> None:
        if self._scanned:
            return
        with self._lock:
            if self._scanned:
                return
            seen_dirs, seen_files = set[str](), set[str]()
            for root, own in self._roots:
                self._scan_dir(root, own, seen_dirs, seen_files)
            self._scanned = True

    def _scan_dir(self, root: str, own: bool, seen_dirs: set[str], seen_files: set[str]) -> None:
        extensions = SFNT_EXTENSIONS + WEB_EXTENSIONS if own else SFNT_EXTENSIONS
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(dirpath)
            if real in seen_dirs:  # symlink loops, and the same tree reachable twice
                dirnames[:] = []
                continue
            seen_dirs.add(real)
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                if not filename.lower().endswith(extensions) or os.path.realpath(path) in seen_files:
                    continue
                seen_files.add(os.path.realpath(path))
                try:
                    if filename.lower().endswith(WEB_EXTENSIONS):
                        path = decompress_web_font(path)
                    for face, width in read_faces(path):
                        self._index(face, width)
                except Exception as exc:  # fontTools raises all sorts on damaged files
                    log.debug("skipping font %s: %s", path, exc)

    def _index(self, face: FontFace, width: int) -> None:
        with self._lock:
            if face in self._widths:
                return
            key = _norm(face.family)
            self._by_family.setdefault(key, []).append(face)
            self._names.setdefault(key, face.family)
            self._widths[face] = width
            self._generation += 1  # a new family can join existing chains
            self._chains.clear()

    def add_file(self, path: str) -> list[FontFace]:
        """Register an uploaded TTF/OTF/TTC/WOFF/WOFF2 file; WOFF* gets an sfnt copy at `path + ".sfnt"`."""
        path = os.fspath(path)
        with open(path, "rb") as fh:  # a missing file is the caller's bug, not a bad font: let OSError through
            magic = fh.read(4)
        if magic in WEB_MAGICS:
            path = decompress_web_font(path)
        try:
            described = read_faces(path)
        except Exception as exc:
            raise ValueError(f"not a font file I can read: {path}: {exc}") from exc
        for face, width in described:
            self._index(face, width)
        return [face for face, _ in described]

    def families(self) -> list[str]:
        self._ensure_scanned()
        return sorted(self._names.values())

    def family_faces(self) -> list[tuple[str, list[FontFace]]]:
        """Each family (as the font spells it, sorted) with its faces, thinnest upright first."""
        self._ensure_scanned()
        return [(self._names[key], sorted(self._by_family[key], key=lambda f: (f.italic, f.weight, f.path, f.index)))
                for key in sorted(self._names, key=lambda k: self._names[k].casefold())]

    @property
    def default_family(self) -> str:
        """Explicitly set, else DejaVu Sans, else Noto Sans, else the first family found ("" when there is none)."""
        if self._default is not None:
            return self._default
        self._ensure_scanned()
        for family in PREFERRED_DEFAULTS:
            if _norm(family) in self._names:
                return self._names[_norm(family)]
        return next(iter(self._names.values()), "")

    @default_family.setter
    def default_family(self, family: str) -> None:
        self._ensure_scanned()
        if _norm(family) not in self._names:
            raise ValueError(f"no such font family: {family!r}")
        with self._lock:
            self._default = self._names[_norm(family)]
            self._generation += 1
            self._chains.clear()

    def match(self, family: str | None, weight: int = 400, italic: bool = False) -> tuple[FontFace, bool]:
        """The best face for family/weight/italic, and whether the default family stood in for a missing one."""
        self._ensure_scanned()
        faces = self._by_family.get(_norm(family or ""))
        substituted = False
        if not faces:
            substituted = bool(family)
            faces = self._by_family.get(_norm(self.default_family))
            if not faces:
                raise LookupError("no fonts registered")
        # CSS matches style before weight: an upright face only stands in when there is no italic one.
        pool = [f for f in faces if f.italic == italic] or faces
        best = min(pool, key=lambda f: (_weight_rank(f.weight, weight), abs(self._widths[f] - 5), f.path, f.index))
        return best, substituted

    def font(self, face: FontFace, size: float) -> ImageFont.FreeTypeFont:
        """A Pillow font for face at size px; bitmap faces always come at their one strike size."""
        size = face.bitmap_size or size  # FreeType says "invalid pixel size" for any other size
        key = (face.path, face.index, size)
        with self._lock:
            if (cached := self._fonts.get(key)) is not None:
                self._fonts.move_to_end(key)
                return cached
        # Loaded outside the lock: a slow CJK load should not stall other threads' lookups.
        loaded = ImageFont.truetype(face.path, size, index=face.index, layout_engine=ImageFont.Layout.RAQM)
        with self._lock:
            self._fonts[key] = loaded
            while len(self._fonts) > FONT_CACHE_SIZE:
                self._fonts.popitem(last=False)
        return loaded

    def coverage(self, face: FontFace) -> frozenset[int]:
        cached = self._coverage.get(face)
        if cached is None:
            with TTFont(face.path, lazy=True, fontNumber=face.index) as font:
                cached = frozenset(font.getBestCmap() or ()) if "cmap" in font else frozenset()
            self._coverage[face] = cached  # a racing thread computes the same set; either one is fine
        return cached

    def covers(self, face: FontFace, char: str) -> bool:
        """Whether face has a glyph for char (for several characters: for each of them)."""
        cov = self.coverage(face)
        return bool(char) and all(ord(c) in cov for c in char)

    def fallback_chain(self, face: FontFace) -> list[FontFace]:
        """face, then the same weight/style of each fallback family present, for per-character fallback."""
        chain = self._chains.get(face)
        if chain is None:
            generation = self._generation
            chain = [face]
            # A Noto face (Arabic, Hebrew, CJK …) falls back to Noto Sans first, so Latin words and digits inside
            # it share its design instead of jumping to the default family.
            first = ("Noto Sans",) if face.family.lower().startswith("noto") else ()
            for family in (*first, self.default_family, *FALLBACK_FAMILIES):
                if _norm(family) in self._by_family:
                    candidate, _ = self.match(family, face.weight, face.italic)
                    if candidate not in chain:
                        chain.append(candidate)
            with self._lock:
                if generation == self._generation:
                    self._chains[face] = chain
        return list(chain)


_default_registry: FontRegistry | None = None
_default_registry_lock = threading.Lock()


def default_registry() -> FontRegistry:
    """The process-wide registry of system fonts (scanned on first lookup)."""
    global _default_registry
    with _default_registry_lock:
        if _default_registry is None:
            _default_registry = FontRegistry()
        return _default_registry
