"""Local disk storage: one file per key under ``files_dir``, served by Platen at ``/files/<key>``."""

from __future__ import annotations

import contextlib
import os
import tempfile

from connector.storage import FileMissing, FileStorage, StorageUnavailable, StoredFile, content_type_of, swept


class LocalStorage(FileStorage):
    """Files under one folder; the content type comes from the extension, the creation time from the mtime."""

    def __init__(self, root: str, public_url: str = "http://127.0.0.1:8000"):
        super().__init__(public_url)
        self.root = os.path.abspath(root)

    @classmethod
    def from_settings(cls, settings) -> LocalStorage:
        return cls(settings.files_dir or os.path.join(settings.data_dir, "files"), settings.public_url)

    def _path(self, key: str) -> str:
        # safe_key() (checked by the base) already keeps keys inside root: no "..", no leading "/".
        return os.path.join(self.root, *key.split("/"))

    def _put(self, key: str, data: bytes, content_type: str) -> StoredFile:
        path = self._path(key)
        try:
            try:
                self._write(path, data)
            except FileNotFoundError:
                # A concurrent sweep may prune the freshly made, still empty folder; once more is enough.
                self._write(path, data)
            stat = os.stat(path)
        except OSError as exc:  # disk full, read-only mount: the operator's problem, a 503 for the client
            raise StorageUnavailable(f"cannot write {key} under {self.root}: {exc}") from exc
        return StoredFile(key, stat.st_size, content_type_of(key), stat.st_mtime)

    @staticmethod
    def _write(path: str, data: bytes) -> None:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        # Temp file + rename: a reader (or a second web process) never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            # mkstemp makes 0600; the files are public anyway and a front proxy may serve them directly.
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _get(self, key: str) -> tuple[bytes, str]:
        try:
            with open(self._path(key), "rb") as src:
                return src.read(), content_type_of(key)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise FileMissing(key) from None

    def _delete(self, key: str) -> bool:
        path = self._path(key)
        try:
            os.remove(path)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return False
        self._prune(os.path.dirname(path))
        return True

    def _prune(self, folder: str) -> None:
        # Each key has its own token folder, so without pruning every deleted file would leave one behind.
        while folder != self.root and folder.startswith(self.root + os.sep):
            try:
                os.rmdir(folder)
            except OSError:
                return
            folder = os.path.dirname(folder)

    def delete_older_than(self, cutoff_epoch: float) -> int:
        deleted = 0
        for folder, _dirs, files in os.walk(self.root, topdown=False):
            if not swept(os.path.relpath(folder, self.root).replace(os.sep, "/") + "/"):
                continue   # uploaded assets stay until deleted
            for name in files:
                path = os.path.join(folder, name)
                try:
                    if os.stat(path).st_mtime < cutoff_epoch:
                        os.remove(path)
                        deleted += 1
                except FileNotFoundError:
                    continue  # deleted by someone else meanwhile
            if folder != self.root:
                with contextlib.suppress(OSError):
                    os.rmdir(folder)  # only succeeds when empty
        return deleted

    def check(self) -> None:
        try:
            os.makedirs(self.root, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.root):
                pass
        except OSError as exc:
            raise StorageUnavailable(f"files folder {self.root} is not writable: {exc}") from exc
