"""Brand fonts per account: the files in Redis, and a font registry per account built from them on any machine."""

from __future__ import annotations

import collections
import hashlib
import logging
import os
import re
import threading
from dataclasses import asdict, dataclass

from redis.client import NEVER_DECODE

from connector.fonts.files import _named, _size, check_unpacked_size, describe_upload, font_format
from connector.fonts.registry import AccountFontRegistry, base_registry
from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import NotFound, PayloadTooLarge, ValidationFailed
from renderer.fonts import FontRegistry

log = logging.getLogger(__name__)

MAX_FONT_BYTES = 10 * 1024 * 1024   # SPEC §10
MAX_FONTS_PER_ACCOUNT = 50
MAX_UNPACK_RATIO = 8                # a WOFF/WOFF2 may unpack to 8× the upload limit, no more (no zip bombs)
_REGISTRIES_KEPT = 64               # accounts whose registry a process keeps ready

_META_FIELDS = ("id", "account_id", "family", "weight", "italic", "full_name", "postscript_name", "filename",
                "format", "size_bytes", "created_at", "sha256")
_SAFE_NAME = re.compile(r"[^\w.\- ()+]")
_ID = re.compile(r"fnt_[0-9a-z]{1,64}")


@dataclass(frozen=True)
class FontRecord:
    id: str
    account_id: str
    family: str
    weight: int
    italic: bool
    full_name: str
    postscript_name: str
    filename: str
    format: str          # ttf, otf, woff, woff2 or ttc: what the bytes are, whatever the file was called
    size_bytes: int
    created_at: str
    sha256: str = ""     # of the file: the same file uploaded again is this font (empty for fonts stored before)

    def to_dict(self) -> dict:
        return {"id": self.id, "family": self.family, "weight": self.weight,
                "style": "italic" if self.italic else "normal", "filename": self.filename, "format": self.format,
                "size_bytes": self.size_bytes, "sha256": self.sha256, "created_at": self.created_at}


UNREAD = object()   # registry_for: the generation is not known yet (read it)


class FontStore:
    """``<prefix>:font:<id>`` (hash: metadata), ``<prefix>:font:<id>:data`` (the file's bytes, apart from the hash
    because the store's client decodes replies to str), ``<prefix>:account:<id>:fonts`` (sorted set by creation
    time) and ``<prefix>:fonts:<account>:gen`` (bumped on every change, so every process notices at its next render).
    """

    def __init__(self, redis, prefix: str, cache_dir: str, max_bytes: int = MAX_FONT_BYTES, *,
                 max_fonts: int = MAX_FONTS_PER_ACCOUNT):
        self.redis = redis
        self.p = prefix
        self.cache_dir = cache_dir
        self.max_bytes = max_bytes
        self.max_fonts = max_fonts
        self._registries: collections.OrderedDict[str, tuple[tuple, FontRegistry]] = collections.OrderedDict()
        self._lock = threading.Lock()

    def _meta(self, font_id: str) -> str:
        return f"{self.p}:font:{font_id}"

    def _data(self, font_id: str) -> str:
        return f"{self.p}:font:{font_id}:data"

    def _index(self, account_id: str) -> str:
        return f"{self.p}:account:{account_id}:fonts"

    def _gen(self, account_id: str) -> str:
        return f"{self.p}:fonts:{account_id}:gen"

    generation_key = _gen   # renders read it together with the assets' generation, in one round trip

    def _hashes(self, account_id: str) -> str:
        """Hash: sha256 of a file -> the id of this account's font made from it (the same file is one font)."""
        return f"{self.p}:account:{account_id}:fonts:sha256"

    # --- writing --------------------------------------------------------------------------------------------
    def add(self, account_id: str, filename: str, data: bytes) -> FontRecord:
        return self.upload(account_id, filename, data)[0]

    def upload(self, account_id: str, filename: str, data: bytes) -> tuple[FontRecord, bool]:
        """Check the file is a font we can render with, read its family and style, and store it: (the font, True).
        The same bytes uploaded again by this account: (the font stored the first time, False)."""
        filename = _clean_filename(filename)
        index, hashes, digest = self._index(account_id), self._hashes(account_id), hashlib.sha256(data).hexdigest()
        existing = self._same_file(account_id, digest)
        if existing is not None:
            return existing, False
        if self.redis.zcard(index) >= self.max_fonts:   # before the slow part; checked again when storing
            raise self._full()
        fmt = self._check(filename, data)
        check_unpacked_size(filename, fmt, data, self.max_bytes * MAX_UNPACK_RATIO)
        described = describe_upload(filename, fmt, data)
        now = utcnow()
        record = FontRecord(id=new_id("fnt"), account_id=account_id, filename=filename or f"font.{fmt}", format=fmt,
                            size_bytes=len(data), created_at=isoformat(now), sha256=digest, **described)
        meta = {k: str(v) for k, v in asdict(record).items()}
        meta["italic"] = "1" if record.italic else "0"

        def store(pipe) -> str:
            same = pipe.hget(hashes, digest)
            if same and pipe.exists(self._meta(same)):   # the same file, stored meanwhile by a concurrent upload
                return same
            if pipe.zcard(index) >= self.max_fonts:
                raise self._full()
            pipe.multi()
            pipe.set(self._data(record.id), data)
            pipe.hset(self._meta(record.id), mapping=meta)
            pipe.zadd(index, {record.id: now.timestamp()})
            pipe.hset(hashes, digest, record.id)
            pipe.incr(self._gen(account_id))
            return record.id

        stored = self.redis.transaction(store, index, hashes, value_from_callable=True)
        return (record, True) if stored == record.id else (self.get(account_id, stored), False)

    def _same_file(self, account_id: str, digest: str) -> FontRecord | None:
        font_id = self.redis.hget(self._hashes(account_id), digest)
        if not font_id:
            return None
        try:
            return self.get(account_id, font_id)
        except NotFound:   # deleted since; its hash entry goes with the next upload of the file
            return None

    def _full(self) -> ValidationFailed:
        return ValidationFailed(f"This account already has {self.max_fonts} fonts, the most it may have. Delete "
                                "fonts you no longer use, then upload again.",
                                details={"field": "file", "limit": self.max_fonts})

    def _check(self, filename: str, data: bytes) -> str:
        named = _named(filename)
        if len(data) > self.max_bytes:
            raise PayloadTooLarge(f"The font file {named} is {_size(len(data))}, larger than {_size(self.max_bytes)}.",
                                  details={"field": "file", "size_bytes": len(data), "limit_bytes": self.max_bytes})
        fmt = font_format(data)
        if fmt is None:
            raise ValidationFailed(f"The upload is not a font file: {named} is not TTF, OTF, WOFF or WOFF2.",
                                   details={"field": "file"})
        return fmt

    def delete(self, account_id: str, font_id: str) -> None:
        """Gone from lists, and from this account's renders from the next one on, on every machine."""
        meta_key = self._meta(_checked_id(font_id))

        def remove(pipe) -> None:
            owner, digest = pipe.hmget(meta_key, "account_id", "sha256")
            if owner != account_id:
                raise _not_found(font_id)
            pipe.multi()
            if digest:
                pipe.hdel(self._hashes(account_id), digest)
            pipe.delete(meta_key, self._data(font_id))
            pipe.zrem(self._index(account_id), font_id)
            pipe.incr(self._gen(account_id))

        self.redis.transaction(remove, meta_key)
        folder = self._folder(account_id)
        for name in os.listdir(folder) if os.path.isdir(folder) else ():
            if name.startswith(font_id + "."):
                try:
                    os.unlink(os.path.join(folder, name))
                except OSError:
                    pass   # another process got there first; a leftover file is ignored anyway

    # --- reading --------------------------------------------------------------------------------------------
    def get(self, account_id: str, font_id: str) -> FontRecord:
        meta = dict(zip(_META_FIELDS, self.redis.hmget(self._meta(_checked_id(font_id)), _META_FIELDS), strict=True))
        if meta["account_id"] != account_id:
            raise _not_found(font_id)
        return _record(meta)

    def list(self, account_id: str, limit: int = 20, page: int = 0) -> list[FontRecord]:
        """Newest first."""
        start = page * limit
        return self._records(self.redis.zrevrange(self._index(account_id), start, start + limit - 1))

    def _records(self, ids) -> list[FontRecord]:
        pipe = self.redis.pipeline(transaction=False)
        for font_id in ids:
            pipe.hmget(self._meta(font_id), _META_FIELDS)
        metas = (dict(zip(_META_FIELDS, values, strict=True)) for values in pipe.execute())
        return [_record(meta) for meta in metas if meta["id"]]

    # --- rendering ------------------------------------------------------------------------------------------
    def generation(self, account_id: str) -> str:
        """Changes whenever the account's fonts do: put it in the key of anything cached from a render."""
        return self.redis.get(self._gen(account_id)) or "0"

    def registry_for(self, account_id: str, base_dirs=(), generation=UNREAD) -> FontRegistry:
        """The fonts this account's renders use: the base (system fonts and ``base_dirs``) plus its uploads.

        One Redis GET per call, none when the caller read the account's ``generation`` already (a render's worker
        reads it with the rest); the registry is rebuilt when the account's fonts changed anywhere.
        """
        base = base_registry(base_dirs)
        if generation is UNREAD:
            generation = self.redis.get(self._gen(account_id)) if account_id else None
        elif not account_id:
            generation = None
        if generation is None:
            return base
        stamp = (generation, tuple(base_dirs))
        with self._lock:
            cached = self._registries.get(account_id)
            if cached is not None and cached[0] == stamp:
                self._registries.move_to_end(account_id)
                return cached[1]
        records = self._records(self.redis.zrevrange(self._index(account_id), 0, -1))
        registry = AccountFontRegistry(base, self._materialise(account_id, records)) if records else base
        with self._lock:
            old = self._registries.pop(account_id, None)
            self._registries[account_id] = (stamp, registry)
            dropped = [old[1]] if old is not None else []
            while len(self._registries) > _REGISTRIES_KEPT:
                dropped.append(self._registries.popitem(last=False)[1][1])
        for gone in dropped:
            if isinstance(gone, AccountFontRegistry) and gone is not registry:
                gone.retire()   # render caches key by the registry's token, never reused: nothing to keep alive
        return registry

    def _folder(self, account_id: str) -> str:
        if not re.fullmatch(r"[\w-]+", account_id):
            raise ValueError(f"not an account id: {account_id!r}")
        return os.path.join(self.cache_dir, account_id)

    def _materialise(self, account_id: str, records: list[FontRecord]) -> list[str]:
        """The files of ``records`` on this machine's disk, fetched from Redis when missing (written atomically)."""
        folder = self._folder(account_id)
        os.makedirs(folder, exist_ok=True)
        paths = {r.id: os.path.join(folder, f"{r.id}.{r.format}") for r in records}
        missing = [r for r in records if not _has_file(paths[r.id], r.size_bytes)]
        if missing:
            pipe = self.redis.pipeline(transaction=False)
            for record in missing:
                pipe.execute_command("GET", self._data(record.id), **{NEVER_DECODE: True})
            for record, data in zip(missing, pipe.execute(), strict=True):
                if data is None:   # deleted meanwhile: the next generation drops it
                    paths.pop(record.id)
                    continue
                tmp = f"{paths[record.id]}.{os.getpid()}.{threading.get_ident()}.tmp"
                try:
                    with open(tmp, "wb") as fh:
                        fh.write(data)
                    os.replace(tmp, paths[record.id])
                finally:
                    if os.path.exists(tmp):
                        os.unlink(tmp)
        return [paths[r.id] for r in records if r.id in paths]


def _record(meta: dict) -> FontRecord:
    return FontRecord(id=meta["id"], account_id=meta["account_id"], family=meta["family"], weight=int(meta["weight"]),
                      italic=meta["italic"] == "1", full_name=meta["full_name"] or "",
                      postscript_name=meta["postscript_name"] or "", filename=meta["filename"], format=meta["format"],
                      size_bytes=int(meta["size_bytes"]), created_at=meta["created_at"], sha256=meta["sha256"] or "")


def _clean_filename(filename: str | None) -> str:
    base = os.path.basename((filename or "").replace("\\", "/")).strip()
    return _SAFE_NAME.sub("_", base)[:200]


def _has_file(path: str, size: int) -> bool:
    try:
        return os.path.getsize(path) == size
    except OSError:
        return False


def _checked_id(font_id: str) -> str:
    """Only ids we make: ``fnt_x:data`` would otherwise reach another kind of key (a 500, not a 404)."""
    if not _ID.fullmatch(font_id):
        raise _not_found(font_id)
    return font_id


def _not_found(font_id: str) -> NotFound:
    return NotFound(f"There is no font {font_id}.")
