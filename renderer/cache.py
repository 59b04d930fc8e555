"""A bounded, thread-safe LRU cache for what renders repeat: decoded images, text layouts and masks, gradients."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from PIL import Image


def size_of(value) -> int:
    """Rough bytes held by a cached value (images dominate; everything else counts a little)."""
    if isinstance(value, Image.Image):
        return value.width * value.height * len(value.getbands())
    if isinstance(value, tuple | list):
        return sum(size_of(v) for v in value) + 64
    if hasattr(value, "lines"):   # a text layout: a few objects per unit
        return 512 + 256 * sum(len(line) for line in value.lines)
    return getattr(value, "nbytes", 256)


class RenderCache:
    """Keeps values by key until ``max_bytes`` is reached, then drops the least recently used.

    Keys are built from content (a digest of image bytes, the full text spec, geometry), never from who asked, so
    sharing one cache between accounts leaks nothing: equal keys mean equal inputs.
    """

    def __init__(self, max_bytes: int = 256 * 1024 * 1024):
        self.max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._seen: OrderedDict = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key, build: Callable[[], object], *, second_sight: bool = False):
        """The cached value, else ``build()``'s. With ``second_sight`` a value is kept only when its key comes
        back (text that changes every render would otherwise push out what does repeat)."""
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return item[0]
            self.misses += 1
            if second_sight and key not in self._seen:
                self._seen[key] = None
                if len(self._seen) > 1024:
                    self._seen.popitem(last=False)
                keep = False
            else:
                keep = True
        value = build()
        if not keep:
            return value
        nbytes = size_of(value)
        if nbytes > self.max_bytes // 4:
            return value   # one huge value would push everything else out
        with self._lock:
            if key not in self._items:
                self._items[key] = (value, nbytes)
                self._bytes += nbytes
                while self._bytes > self.max_bytes and self._items:
                    _, (_, dropped) = self._items.popitem(last=False)
                    self._bytes -= dropped
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)


class NoCache(RenderCache):
    """Builds every time (benchmarks of cold renders, and callers that want no memory kept)."""

    def __init__(self):
        super().__init__(0)

    def get(self, key, build, *, second_sight: bool = False):
        return build()
