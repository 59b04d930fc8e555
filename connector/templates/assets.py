"""Uploaded images per account: checked by content, kept with the hosted files, read by renders from storage."""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import warnings as pywarnings
from dataclasses import asdict, dataclass
from urllib.parse import unquote, urlsplit

from PIL import Image

from connector.fonts.files import _size
from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed
from connector.storage import ASSETS_DIR, FileMissing
from renderer.images import FORMATS, MAX_PIXELS, decode

MAX_ASSET_BYTES = 10 * 1024 * 1024   # SPEC §12
MEDIA = {"PNG": ("image/png", "png"), "JPEG": ("image/jpeg", "jpg"), "WEBP": ("image/webp", "webp"),
         "GIF": ("image/gif", "gif")}
_FIELDS = ("id", "account_id", "key", "media_type", "width", "height", "size_bytes", "sha256", "created_at")
_ID = re.compile(r"ast_[0-9a-z]{1,64}")
_FILE = re.compile(r"(ast_[0-9a-z]{1,64})\.(?:png|jpg|webp|gif)")
GONE = ("it is an uploaded image (asset) that no longer exists; it was deleted. Upload the image again and use its "
        "new url")


def image_format(data: bytes) -> str | None:
    """PNG, JPEG, WEBP or GIF by the file's first bytes (a quick look; ``AssetStore.check`` decodes it)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    return "WEBP" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else None


@dataclass(frozen=True)
class AssetRecord:
    id: str
    account_id: str
    key: str             # where the file is in storage: assets/<random token>/<id>.<ext>, so its URL is unguessable
    media_type: str
    width: int
    height: int
    size_bytes: int
    sha256: str
    created_at: str

    def to_dict(self, url_of) -> dict:
        return {"id": self.id, "url": url_of(self.key), "media_type": self.media_type, "width": self.width,
                "height": self.height, "size_bytes": self.size_bytes, "sha256": self.sha256,
                "created_at": self.created_at}


class AssetStore:
    """``<prefix>:asset:<id>`` (hash: metadata), ``<prefix>:account:<id>:assets`` (sorted set by creation time),
    ``<prefix>:account:<id>:assets:sha256`` (hash: sha256 -> id, so the same bytes are one asset) and
    ``<prefix>:assets:<account>:gen`` (bumped on delete: cached renders that used an asset are not reused).
    The files themselves live in the file storage under ``assets/``, which the retention sweep leaves alone."""

    def __init__(self, redis, prefix: str, files, max_bytes: int = MAX_ASSET_BYTES):
        self.redis, self.p, self.max_bytes = redis, prefix, max_bytes
        self._files = files   # a callable: the storage is built on first use

    @property
    def files(self):
        return self._files()

    def _meta(self, asset_id: str) -> str:
        return f"{self.p}:asset:{asset_id}"

    def _index(self, account_id: str) -> str:
        return f"{self.p}:account:{account_id}:assets"

    def _hashes(self, account_id: str) -> str:
        return f"{self.p}:account:{account_id}:assets:sha256"

    def generation_key(self, account_id: str) -> str:
        return f"{self.p}:assets:{account_id}:gen"

    def url(self, record: AssetRecord) -> str:
        return self.files.url(record.key)

    # --- writing --------------------------------------------------------------------------------------------
    def upload(self, account_id: str, data: bytes) -> tuple[AssetRecord, bool]:
        """Check the bytes are an image we can render and store them: (the asset, True). The same bytes uploaded
        again by this account: (the asset stored the first time, False)."""
        digest = hashlib.sha256(data).hexdigest()
        existing = self._same_file(account_id, digest)
        if existing is not None:
            return existing, False
        fmt, width, height = self.check(data)
        media_type, ext = MEDIA[fmt]
        asset_id, now = new_id("ast"), utcnow()
        key = f"{ASSETS_DIR}{secrets.token_urlsafe(16)}/{asset_id}.{ext}"
        record = AssetRecord(id=asset_id, account_id=account_id, key=key, media_type=media_type, width=width,
                             height=height, size_bytes=len(data), sha256=digest, created_at=isoformat(now))
        self.files.put(key, data, media_type)   # first: an asset listed is always readable
        index, hashes = self._index(account_id), self._hashes(account_id)

        def store(pipe) -> str:
            same = pipe.hget(hashes, digest)
            if same and pipe.exists(self._meta(same)):   # the same bytes, stored meanwhile by a concurrent upload
                return same
            pipe.multi()
            pipe.hset(self._meta(asset_id), mapping={k: str(v) for k, v in asdict(record).items()})
            pipe.zadd(index, {asset_id: now.timestamp()})
            pipe.hset(hashes, digest, asset_id)
            return asset_id

        stored = self.redis.transaction(store, hashes, value_from_callable=True)
        if stored == asset_id:
            return record, True
        self.files.delete(key)
        return self.get(account_id, stored), False

    def check(self, data: bytes) -> tuple[str, int, int]:
        """(format, width, height) of an image we can render, or the 4xx saying in plain words why not."""
        if len(data) > self.max_bytes:
            raise PayloadTooLarge(f"The image is {_size(len(data))}, larger than {_size(self.max_bytes)}. "
                                  "Make it smaller (fewer pixels, or JPEG/WebP) and upload it again.",
                                  details={"field": "file", "size_bytes": len(data), "limit_bytes": self.max_bytes})
        try:
            with pywarnings.catch_warnings():
                pywarnings.simplefilter("ignore", Image.DecompressionBombWarning)   # judged below, in megapixels
                with Image.open(io.BytesIO(data), formats=FORMATS) as im:
                    fmt, width, height = im.format, im.width, im.height
        except (Image.UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
            raise UnsupportedMediaType("The upload is not an image Platen can use: send a PNG, JPEG, WebP or GIF "
                                       "file.", details={"field": "file"}) from None
        if width * height > MAX_PIXELS:
            raise ValidationFailed(f"The image is {width}×{height} px, more than {MAX_PIXELS // 1_000_000} megapixels."
                                   " Scale it down and upload it again.",
                                   details={"field": "file", "width": width, "height": height})
        try:
            decode(data)
        except ValueError as exc:
            raise ValidationFailed(f"The image cannot be used: {exc}.", details={"field": "file"}) from None
        return fmt, width, height

    def delete(self, account_id: str, asset_id: str) -> None:
        """Gone from lists and storage; templates still naming its url render with the layer's ``on_error``."""
        meta_key = self._meta(_checked_id(asset_id))

        def remove(pipe) -> str:
            owner, digest, key = pipe.hmget(meta_key, "account_id", "sha256", "key")
            if owner != account_id:
                raise _not_found(asset_id)
            pipe.multi()
            pipe.hdel(self._hashes(account_id), digest)
            pipe.delete(meta_key)
            pipe.zrem(self._index(account_id), asset_id)
            pipe.incr(self.generation_key(account_id))
            return key

        key = self.redis.transaction(remove, meta_key, value_from_callable=True)
        self.files.delete(key)

    # --- reading --------------------------------------------------------------------------------------------
    def get(self, account_id: str, asset_id: str) -> AssetRecord:
        record = self._load(_checked_id(asset_id))
        if record is None or record.account_id != account_id:
            raise _not_found(asset_id)
        return record

    def list(self, account_id: str, limit: int = 20, page: int = 0) -> list[AssetRecord]:
        """Newest first."""
        start = page * limit
        ids = self.redis.zrevrange(self._index(account_id), start, start + limit - 1)
        pipe = self.redis.pipeline(transaction=False)
        for asset_id in ids:
            pipe.hmget(self._meta(asset_id), _FIELDS)
        return [_record(dict(zip(_FIELDS, values, strict=True))) for values in pipe.execute() if values[0]]

    def generation(self, account_id: str) -> str:
        """Changes whenever one of the account's assets goes: part of the key of anything cached from a render."""
        return self.redis.get(self.generation_key(account_id)) or "0"

    def _load(self, asset_id: str) -> AssetRecord | None:
        values = self.redis.hmget(self._meta(asset_id), _FIELDS)
        return _record(dict(zip(_FIELDS, values, strict=True))) if values[0] else None

    def _same_file(self, account_id: str, digest: str) -> AssetRecord | None:
        asset_id = self.redis.hget(self._hashes(account_id), digest)
        record = self._load(asset_id) if asset_id else None
        return record if record is not None and record.account_id == account_id else None

    # --- rendering ------------------------------------------------------------------------------------------
    def loader(self, account_id: str, fetcher):
        """``load_image`` for this account's renders: its own assets straight from storage (no HTTP round trip),
        another account's (or a deleted) asset refused with the reason, anything else through the guarded
        ``fetcher``. An asset is known by its file name wherever the url says it is (another
        spelling of the host, a CDN in front) and wherever a fetch was redirected to."""
        prefix = self.files.url(ASSETS_DIR)

        def load(url: str) -> bytes:
            if url.startswith("data:"):
                return fetcher.load_image(url)
            record = self._named_in(url)
            if record is not None:
                return self._read(account_id, record)
            if url.startswith(prefix):   # one of ours by its address, but no asset by that name (any longer)
                raise ValueError(GONE)
            fetched = fetcher.get(url)
            if url != fetched.final_url and (record := self._named_in(fetched.final_url)) is not None:
                self._owned(account_id, record)
            return fetched.data

        return load

    def _named_in(self, url: str) -> AssetRecord | None:
        """The asset whose file a url names, if any: its last path segment is ``ast_<id>.<ext>``."""
        try:
            name = unquote(urlsplit(url).path).rpartition("/")[2]
        except ValueError:
            return None
        found = _FILE.fullmatch(name)
        return self._load(found.group(1)) if found else None

    def _owned(self, account_id: str, record: AssetRecord) -> None:
        if record.account_id != account_id:
            raise ValueError("it is an image uploaded by another account; Platen does not load other accounts' "
                             "assets. Upload the image to this account and use its url")

    def _read(self, account_id: str, record: AssetRecord) -> bytes:
        self._owned(account_id, record)
        try:
            return self.files.get(record.key)[0]
        except FileMissing:
            raise ValueError(GONE) from None


def _record(meta: dict) -> AssetRecord:
    return AssetRecord(**{**meta, "width": int(meta["width"]), "height": int(meta["height"]),
                          "size_bytes": int(meta["size_bytes"])})


def _checked_id(asset_id: str) -> str:
    """Only ids we make: anything else would reach another kind of key (a 500, not a 404)."""
    if not _ID.fullmatch(asset_id or ""):
        raise _not_found(asset_id)
    return asset_id


def _not_found(asset_id: str) -> NotFound:
    return NotFound(f"There is no asset {asset_id}.")
