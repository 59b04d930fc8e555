"""Templates in Redis: metadata in a hash per template and a list per account; versions are in versions.py."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import redis as redislib

from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import Conflict, NotFound, ValidationFailed
from renderer import InvalidTemplate, Template

from .versions import VersionStore

_TEMPLATE_ID = re.compile(r"tpl_[0-9a-z]{1,40}")

MAX_TEMPLATE_BYTES = 1_000_000   # the JSON of one template; larger ones are refused with a 422


def validate_template(data) -> Template:
    """A validated template, or ValidationFailed naming the path of the first problem (``layers[3].font_size``)."""
    if isinstance(data, Template):
        return data
    try:
        size = len(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode())
    except (TypeError, ValueError):
        raise ValidationFailed("The template must be plain JSON: objects, lists, text, numbers, true/false, null.",
                               details={"path": ""}) from None
    if size > MAX_TEMPLATE_BYTES:
        raise ValidationFailed(f"The template is too large: {size:,} bytes of JSON, the limit is "
                               f"{MAX_TEMPLATE_BYTES:,}. Host images and fonts elsewhere and link to them.",
                               details={"path": ""})
    try:
        return Template.from_dict(data)
    except InvalidTemplate as exc:
        message = f"{exc.path}: {exc.reason}" if exc.path else exc.reason
        raise ValidationFailed(message, details={"path": exc.path}) from None


def merge_patch(target, patch):
    """RFC 7396 JSON merge patch: objects merge recursively, null deletes, anything else (arrays too) replaces."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


@dataclass(frozen=True)
class TemplateRecord:
    id: str
    account_id: str
    name: str
    public: bool
    version: int
    created_at: str
    updated_at: str
    template: Template   # the current version, validated

    def to_dict(self) -> dict:
        """The API object: the model's own dict between the id and the version/timestamps."""
        model = self.template.to_dict()
        out = {"id": self.id, "name": model.pop("name"), "description": model.pop("description", "")}
        out.update(model)
        out.update(version=self.version, created_at=self.created_at, updated_at=self.updated_at)
        return out

    def summary(self) -> dict:
        """What a template dropdown needs, without the layers (which may carry inlined images)."""
        return {"id": self.id, "name": self.name, "description": self.template.description,
                "width": self.template.width, "height": self.template.height, "public": self.public,
                "page_count": len(self.template.pages), "version": self.version, "created_at": self.created_at,
                "updated_at": self.updated_at}


class TemplateStore:
    """``<prefix>:template:<id>`` (hash: metadata and current version) and ``<prefix>:account:<id>:templates``
    (sorted set by creation time, for listing); ``versions`` keeps every version's content."""

    def __init__(self, redis, prefix: str):
        self.redis = redis
        self.p = prefix
        self.versions = VersionStore(redis, prefix)

    def _meta(self, template_id: str) -> str:
        if not _TEMPLATE_ID.fullmatch(template_id):   # tpl_x:v:1 would name a version key: a 404, not a 500
            raise _not_found(template_id)
        return f"{self.p}:template:{template_id}"

    def _index(self, account_id: str) -> str:
        return f"{self.p}:account:{account_id}:templates"

    # --- reading --------------------------------------------------------------------------------------------
    def get(self, account_id: str, template_id: str) -> TemplateRecord:
        """This account's live template; missing, deleted and another account's all read the same 404."""
        return self._live(account_id, template_id, self.redis.hgetall(self._meta(template_id)))

    def get_with(self, account_id: str, template_id: str, keys=()) -> tuple[TemplateRecord, list]:
        """``get``, and the values of other ``keys`` read in the same round trip (a render's generations)."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self._meta(template_id))
        if keys:
            pipe.mget(keys)
        meta, *values = pipe.execute()
        return self._live(account_id, template_id, meta), values[0] if values else []

    def _live(self, account_id: str, template_id: str, meta: dict) -> TemplateRecord:
        if not meta or meta.get("deleted_at") or meta.get("account_id") != account_id:
            raise _not_found(template_id)
        return self._record(meta)

    def get_public(self, template_id: str) -> TemplateRecord:
        """A live template by id alone (public and signed URLs decide access themselves)."""
        meta = self.redis.hgetall(self._meta(template_id))
        if not meta or meta.get("deleted_at"):
            raise _not_found(template_id)
        return self._record(meta)

    def version(self, template_id: str, version: int) -> Template:
        """Any version ever stored, even of a deleted template: renders that used it stay renderable."""
        return self.versions.get(template_id, version)

    def at_version(self, account_id: str, template_id: str, version: int) -> TemplateRecord:
        """This account's live template as saved at ``version`` (``updated_at``: when that version was saved)."""
        record = self.get(account_id, template_id)
        if not 1 <= version <= record.version:
            raise NotFound(f"Template {template_id} has no version {version}; its versions are 1 to "
                           f"{record.version}.", details={"latest_version": record.version})
        if version == record.version:
            return record
        return replace(record, version=version, template=self.versions.get(template_id, version),
                       updated_at=self.versions.saved_at(template_id, version) or record.created_at)

    def history(self, account_id: str, template_id: str, *, limit: int = 20, page: int = 0) -> list[dict]:
        """``{"version", "created_at", "name", "size_bytes"}`` of each version, newest first."""
        return self.versions.history(self.get(account_id, template_id), limit=limit, page=page)

    def list(self, account_id: str, *, q: str = "", limit: int = 20, page: int = 0) -> list[TemplateRecord]:
        """Newest first; ``q`` keeps templates whose name contains it, ignoring case."""
        start = page * limit
        if not q:
            ids = self.redis.zrevrange(self._index(account_id), start, start + limit - 1)
        else:
            every = self.redis.zrevrange(self._index(account_id), 0, -1)
            pipe = self.redis.pipeline(transaction=False)
            for template_id in every:
                pipe.hget(self._meta(template_id), "name")
            needle = q.casefold()
            ids = [i for i, name in zip(every, pipe.execute(), strict=True) if needle in (name or "").casefold()]
            ids = ids[start:start + limit]
        pipe = self.redis.pipeline(transaction=False)
        for template_id in ids:
            pipe.hgetall(self._meta(template_id))
        return [self._record(meta) for meta in pipe.execute() if meta and not meta.get("deleted_at")]

    def _record(self, meta: dict) -> TemplateRecord:
        version = int(meta["version"])
        return TemplateRecord(id=meta["id"], account_id=meta["account_id"], name=meta.get("name", ""),
                              public=meta.get("public") == "1", version=version, created_at=meta["created_at"],
                              updated_at=meta["updated_at"], template=self.versions.get(meta["id"], version))

    # --- writing --------------------------------------------------------------------------------------------
    def create(self, account_id: str, data: dict, template_id: str | None = None) -> TemplateRecord:
        """Validate and store as version 1; ``template_id``: one the caller derived (a generation's design, so
        that making it again finds it), else a new one."""
        template = _named(validate_template(data))
        now = utcnow()
        template_id, stamp = template_id or new_id("tpl"), isoformat(now)
        meta = {"id": template_id, "account_id": account_id, "version": "1", "created_at": stamp,
                "updated_at": stamp, **_summary(template)}
        pipe = self.redis.pipeline()
        self.versions.add(pipe, template_id, 1, stamp, template)
        pipe.hset(self._meta(template_id), mapping=meta)
        pipe.zadd(self._index(account_id), {template_id: now.timestamp()})
        pipe.execute()
        self.versions.remember(template_id, 1, template)
        return self._record(meta)

    def replace(self, account_id: str, template_id: str, data: dict, expected: int | None = None) -> TemplateRecord:
        """PUT: the body is the whole new template; a new version unless it is identical to the current one.
        ``expected`` (If-Match): the version the client edited; another one saved meanwhile is a Conflict."""
        return self._update(account_id, template_id, lambda _current: data, expected)

    def patch(self, account_id: str, template_id: str, data: dict, expected: int | None = None) -> TemplateRecord:
        """PATCH: a JSON merge patch (RFC 7396) onto the current template; a new version only if it changes it."""
        if not isinstance(data, dict):
            raise ValidationFailed("A PATCH body must be a JSON object (a JSON merge patch): the properties to "
                                   "change, null for those to remove.", details={"path": ""})
        return self._update(account_id, template_id, lambda current: merge_patch(current, data), expected)

    def restore(self, account_id: str, template_id: str, version: int, expected: int | None = None) -> TemplateRecord:
        """Save version ``version``'s content as a new version (none when it is the current content already)."""
        old = self.at_version(account_id, template_id, version).template.to_dict()
        return self._update(account_id, template_id, lambda _current: old, expected)

    def delete(self, account_id: str, template_id: str) -> None:
        """Gone from lists and lookups at once; its versions stay for the renders that used them."""
        meta_key = self._meta(template_id)

        def mark(pipe) -> None:
            meta = pipe.hgetall(meta_key)
            if not meta or meta.get("deleted_at") or meta.get("account_id") != account_id:
                raise _not_found(template_id)
            pipe.multi()
            pipe.hset(meta_key, "deleted_at", isoformat(utcnow()))
            pipe.zrem(self._index(account_id), template_id)

        self.redis.transaction(mark, meta_key)

    def _update(self, account_id: str, template_id: str, change: Callable[[dict], object],
                expected: int | None = None) -> TemplateRecord:
        """Read, change and write under WATCH, so two concurrent edits never share or skip a version number."""
        meta_key = self._meta(template_id)
        for _ in range(20):
            with self.redis.pipeline() as pipe:
                try:
                    pipe.watch(meta_key)
                    meta = pipe.hgetall(meta_key)
                    if not meta or meta.get("deleted_at") or meta.get("account_id") != account_id:
                        raise _not_found(template_id)
                    version = int(meta["version"])
                    if expected is not None and expected != version:
                        raise Conflict(f"Template {template_id} is at version {version}, not {expected}: someone "
                                       f"saved it since you loaded version {expected}. Load version {version}, "
                                       "apply your change to it, and save again.",
                                       details={"current_version": version, "expected_version": expected})
                    current = self.versions.get(template_id, version).to_dict()
                    template = _named(validate_template(change(current)))
                    if template.to_dict() == current:
                        return self._record(meta)
                    stamp = isoformat(utcnow())
                    meta.update(version=str(version + 1), updated_at=stamp, **_summary(template))
                    pipe.multi()
                    self.versions.add(pipe, template_id, version + 1, stamp, template)
                    pipe.hset(meta_key, mapping=meta)
                    pipe.execute()
                    self.versions.remember(template_id, version + 1, template)
                    return self._record(meta)
                except redislib.WatchError:
                    continue
        raise Conflict(f"Template {template_id} is being changed by another request right now; try again.")


def _named(template: Template) -> Template:
    """A stored template needs a name: lists, dropdowns in Zapier, Make and n8n, and `?q=` show nothing else."""
    if not template.name.strip():
        raise ValidationFailed("name: is required: give the template a name (shown in lists and in Zapier, Make "
                               "and n8n dropdowns).", details={"path": "name"})
    return template


def _summary(template: Template) -> dict:
    return {"name": template.name, "public": "1" if template.public else "0"}


def _not_found(template_id: str) -> NotFound:
    return NotFound(f"There is no template {template_id}.")
