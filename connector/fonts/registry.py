"""Per-account font registries: an account's uploaded fonts layered over the shared system scan."""

from __future__ import annotations

import collections
import logging
import threading

from PIL import ImageFont

from renderer.fonts import FontFace, FontRegistry, default_registry

log = logging.getLogger(__name__)

_bases: dict[tuple[str, ...], FontRegistry] = {}
_bases_lock = threading.Lock()


def base_registry(base_dirs=()) -> FontRegistry:
    """The process-wide registry of the system fonts plus ``base_dirs``: scanned once, shared by every account."""
    dirs = tuple(d for d in base_dirs if d)
    if not dirs:
        return default_registry()
    with _bases_lock:
        if dirs not in _bases:
            _bases[dirs] = FontRegistry(dirs)
        return _bases[dirs]


class AccountFontRegistry(FontRegistry):
    """A base registry with an account's uploads on top, without rescanning the base.

    An uploaded family replaces the base's family of that name (as a CSS ``@font-face`` shadows a local font), for
    this registry only; every other lookup falls through to the base, whose loaded fonts and coverage are shared.
    """

    def __init__(self, base: FontRegistry, paths: list[str]):
        super().__init__(dirs=(), system=False)
        self._base = base
        self._own = FontRegistry(dirs=(), system=False)
        base.families()   # the one system scan of this process, if it has not happened yet
        for path in paths:   # newest first, so a newer upload wins over an older one of the same style
            try:
                self._own.add_file(path)
            except (OSError, ValueError) as exc:
                log.warning("skipping uploaded font %s: %s", path, exc)
        for key, faces in self._own._by_family.items():
            seen, kept = set(), []
            for face in faces:
                style = (face.weight, face.italic, self._own._widths[face])
                if style not in seen:
                    seen.add(style)
                    kept.append(face)
            self._own._by_family[key] = kept
        self._by_family = collections.ChainMap(self._own._by_family, base._by_family)
        self._names = collections.ChainMap(self._own._names, base._names)
        self._widths = collections.ChainMap(self._own._widths, base._widths)
        self._default = base._default
        self._scanned = True

    def owns(self, face: FontFace) -> bool:
        return face in self._own._widths

    def add_file(self, path: str) -> list[FontFace]:
        faces = self._own.add_file(path)   # into our own maps: the base's lists must never grow
        with self._lock:
            self._generation += 1
            self._chains.clear()
        return faces

    def font(self, face: FontFace, size: float) -> ImageFont.FreeTypeFont:
        return (self._own if self.owns(face) else self._base).font(face, size)

    def coverage(self, face: FontFace) -> frozenset[int]:
        return (self._own if self.owns(face) else self._base).coverage(face)

    def retire(self) -> None:
        """Let go of loaded fonts; a render still holding this registry just loads them again."""
        with self._own._lock:
            self._own._fonts.clear()
