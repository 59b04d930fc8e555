"""In-memory storage for tests: a dict in one process, gone when it exits."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from connector.storage import FileMissing, FileStorage, StoredFile, swept


class MemoryStorage(FileStorage):
    """Keeps files in a dict; ``clock`` lets tests age files without sleeping."""

    def __init__(self, public_url: str = "http://127.0.0.1:8000", clock: Callable[[], float] = time.time):
        super().__init__(public_url)
        self.clock = clock
        self._files: dict[str, tuple[bytes, StoredFile]] = {}
        # The sweep iterates while workers' threads may put.
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings) -> MemoryStorage:
        return cls(settings.public_url)

    def _put(self, key: str, data: bytes, content_type: str) -> StoredFile:
        stored = StoredFile(key, len(data), content_type, self.clock())
        with self._lock:
            self._files[key] = (data, stored)
        return stored

    def _get(self, key: str) -> tuple[bytes, str]:
        with self._lock:
            entry = self._files.get(key)
        if entry is None:
            raise FileMissing(key)
        return entry[0], entry[1].content_type

    def _delete(self, key: str) -> bool:
        with self._lock:
            return self._files.pop(key, None) is not None

    def delete_older_than(self, cutoff_epoch: float) -> int:
        with self._lock:
            old = [key for key, (_data, stored) in self._files.items()
                   if stored.created_at < cutoff_epoch and swept(key)]
            for key in old:
                del self._files[key]
        return len(old)

    def check(self) -> None:
        return None
