"""Brand kits in Redis: colours, fonts and a logo per brand, and each account's default brand (created on first need).

Keys: ``<prefix>:brand:<id>`` (the brand as JSON), ``<prefix>:account:<id>:brands`` (sorted set by creation time,
for listing) and ``<prefix>:account:<id>:brands:default`` (the default brand's id: exactly one per account).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace

import redis as redislib

from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import Conflict, NotFound, ValidationFailed
from connector.runtime.scripts import Script
from renderer.tokens import PREFIX

from .brandvalues import checked as _checked
from .brandvalues import invalid as _invalid

_BRAND_ID = re.compile(r"brd_[0-9a-z]{1,40}")
DEFAULT_NAME = "Default"

# One round trip for a render: the brand asked for, else the account's default (through its pointer).
_FOR_RENDER = """
local asked = redis.call('GET', KEYS[1])
if asked then return {asked, ''} end
local id = redis.call('GET', KEYS[2])
if not id then return {'', ''} end
return {'', redis.call('GET', ARGV[1] .. id) or ''}
"""


class BrandStore:
    """Brands of each account. ``families(account_id)`` lists the font families the account may use (the system's
    and its uploads): brand fonts must be one of them, and the default brand uses the renderer's default family."""

    def __init__(self, redis, prefix: str, families: Callable[[str], tuple[list[str], str]] | None = None):
        self.redis = redis
        self.p = prefix
        self.families = families or (lambda _account_id: ([], ""))
        self._for_render = Script(redis, _FOR_RENDER)

    def _key(self, brand_id: str) -> str:
        return f"{self.p}:brand:{brand_id}"

    def _index(self, account_id: str) -> str:
        return f"{self.p}:account:{account_id}:brands"

    def _default(self, account_id: str) -> str:
        return f"{self.p}:account:{account_id}:brands:default"

    # --- reading --------------------------------------------------------------------------------------------
    def get(self, account_id: str, brand_id: str) -> dict:
        """The API object of this account's brand; missing and another account's both read as a 404."""
        if not _BRAND_ID.fullmatch(brand_id or ""):
            raise _not_found(brand_id)
        pipe = self.redis.pipeline(transaction=False)
        pipe.get(self._key(brand_id))
        pipe.get(self._default(account_id))
        raw, default_id = pipe.execute()
        brand = _mine(raw, account_id)
        if brand is None:
            raise _not_found(brand_id)
        return _api(brand, default_id)

    def list(self, account_id: str, *, limit: int = 20, page: int = 0) -> list[dict]:
        """Newest first; the default brand is made first if the account has none yet."""
        default_id = self.ensure_default(account_id)
        ids = self.redis.zrevrange(self._index(account_id), page * limit, page * limit + limit - 1)
        raws = self.redis.mget([self._key(i) for i in ids]) if ids else []
        return [_api(brand, default_id) for raw in raws if (brand := _mine(raw, account_id)) is not None]

    def for_render(self, account_id: str, brand_id: str | None = None, *, strict: bool = False) -> dict:
        """The brand a render uses (its stored JSON as a dict): ``brand_id``'s, else the default. ``strict``: a
        ``brand_id`` that is not this account's is a 422 naming it (the request named it) rather than the default
        (a template's brand since deleted). One round trip, unless the default brand must first be made."""
        asked_key = self._key(brand_id) if brand_id and _BRAND_ID.fullmatch(brand_id) else self._key("")
        asked, default = self._for_render(keys=[asked_key, self._default(account_id)], args=[self._key("")])
        brand = _mine(asked, account_id)
        if brand is not None:
            return brand
        if brand_id and strict:
            raise ValidationFailed(f"brand_id: there is no brand {brand_id} in this account; GET /api/v1/brands "
                                   "lists yours.", details={"field": "brand_id"})
        brand = _mine(default, account_id) if not asked else None
        if brand is None:   # no default yet (or the asked brand was another account's): read it plainly
            brand = _mine(self.redis.get(self._key(self.ensure_default(account_id))), account_id)
        return brand

    def prefetch_keys(self, account_id: str, brand_id: str | None) -> tuple[str, str]:
        """Keys whose values ``pick`` takes: read with a template in its round trip, they spare the brand one of its
        own when ``brand_id`` (the one a render asks for, or the one its template's last render used) is right."""
        return (self._key(brand_id if brand_id and _BRAND_ID.fullmatch(brand_id) else ""),
                self._default(account_id))

    def prefetch(self, account_id: str, brand_id: str | None, last=None) -> tuple:
        """``prefetch_keys`` for the brand a render expects: the one it asks for, else the one ``last`` (its
        template as the last render of it planned it) drew; () when none is expected."""
        expected = brand_id or (last.brand["id"] if last is not None and last.brand else None)
        return self.prefetch_keys(account_id, expected) if expected else ()

    def pick(self, account_id: str, brand_id: str | None, prefetched=(), *, strict: bool = False) -> dict:
        """``for_render``, answered from ``prefetch_keys``' values when they hold the brand it would pick (the
        asked one, or without one the default); else one round trip."""
        if prefetched:
            brand, default_id = _mine(prefetched[0], account_id), prefetched[1]
            if brand is not None and (brand["id"] == brand_id if brand_id else brand["id"] == default_id):
                return brand
        return self.for_render(account_id, brand_id, strict=strict)

    def branded(self, account_id: str, template, brand_id: str | None = None, prefetched=(), fields=None, *,
                strict: bool = True):
        """``template`` with the brand its tokens draw set on it (``Template.brand``: ``token_values``, whose id and
        version name it in render cache keys), picked from ``brand_id`` (a render's: another account's is a 422
        naming it, unless not ``strict``), else the template's own, else the account's default. A template without
        tokens comes back as it is (a ``brand_id`` is still checked); ``fields`` (a render's values, or a list of
        them) may bring tokens into one."""
        uses = bool(template.brand_tokens) or (bool(fields) and PREFIX in json.dumps(fields, default=str))
        if template.brand is not None or not (uses or brand_id):
            return template
        brand = self.pick(account_id, brand_id or template.brand_id, prefetched, strict=strict and bool(brand_id))
        return replace(template, brand=token_values(brand)) if uses else template

    def check_id(self, account_id: str, brand_id: str | None) -> None:
        """A 422 naming ``brand_id`` unless it is None or this account's brand (a template's or a batch's)."""
        if brand_id is not None and _mine(self.redis.get(self._key(brand_id)) if _BRAND_ID.fullmatch(brand_id)
                                          else None, account_id) is None:
            raise ValidationFailed(f"brand_id: there is no brand {brand_id} in this account; GET /api/v1/brands "
                                   "lists yours.", details={"field": "brand_id"})

    # --- writing --------------------------------------------------------------------------------------------
    def ensure_default(self, account_id: str) -> str:
        """The default brand's id, made (neutral colours, the default font family) if the account has none;
        concurrent callers all get the same one."""
        pointer = self._default(account_id)
        default_id = self.redis.get(pointer)
        if default_id:
            return default_id
        families, family = self.families(account_id)
        brand = self._new(account_id, {"name": DEFAULT_NAME, "fonts": {"heading": family, "body": family}},
                          families, family)
        with self.redis.pipeline() as pipe:
            try:
                pipe.watch(pointer)
                default_id = pipe.get(pointer)
                if default_id:
                    return default_id
                pipe.multi()
                self._store(pipe, brand)
                pipe.set(pointer, brand["id"])
                pipe.execute()
                return brand["id"]
            except redislib.WatchError:   # another request made it first: use theirs
                return self.redis.get(pointer)

    def create(self, account_id: str, data: dict) -> dict:
        """Validate and store a new brand (the account's default brand is made first if it has none)."""
        default_id = self.ensure_default(account_id)
        families, family = self.families(account_id)
        brand = self._new(account_id, data, families, family)
        pipe = self.redis.pipeline()
        self._store(pipe, brand)
        if data.get("default"):
            pipe.set(self._default(account_id), brand["id"])
            default_id = brand["id"]
        pipe.execute()
        return _api(brand, default_id)

    def patch(self, account_id: str, brand_id: str, data: dict) -> dict:
        """Change some of a brand (colours and fonts merge by name); every change bumps its ``version``, which is
        part of render cache keys. ``"default": true`` makes it the account's default."""
        self.ensure_default(account_id)
        key = self._key(brand_id) if _BRAND_ID.fullmatch(brand_id or "") else None
        if key is None:
            raise _not_found(brand_id)
        for group in ("colors", "fonts"):
            if data.get(group) is not None and not isinstance(data[group], dict):
                raise _invalid(group, "must be an object: only the names given change")
        families, family = self.families(account_id)
        for _ in range(20):
            with self.redis.pipeline() as pipe:
                try:
                    pipe.watch(key, self._default(account_id))
                    brand = _mine(pipe.get(key), account_id)
                    if brand is None:
                        raise _not_found(brand_id)
                    default_id = pipe.get(self._default(account_id))
                    if data.get("default") is False and default_id == brand_id:
                        raise ValidationFailed("default: a brand stops being the default only when another one "
                                               "becomes it: PATCH that brand with {\"default\": true}.",
                                               details={"field": "default"})
                    changed = _checked({**data, "colors": {**brand["colors"], **(data.get("colors") or {})},
                                        "fonts": {**brand["fonts"], **(data.get("fonts") or {})},
                                        "name": data.get("name", brand["name"]),
                                        "logo": data["logo"] if "logo" in data else brand["logo"]},
                                       families, family)
                    brand.update(changed, version=brand["version"] + 1, updated_at=isoformat(utcnow()))
                    pipe.multi()
                    pipe.set(key, json.dumps(brand, separators=(",", ":")))
                    if data.get("default"):
                        pipe.set(self._default(account_id), brand_id)
                        default_id = brand_id
                    pipe.execute()
                    return _api(brand, default_id)
                except redislib.WatchError:
                    continue
        raise Conflict(f"Brand {brand_id} is being changed by another request right now; try again.")

    def delete(self, account_id: str, brand_id: str) -> None:
        """Gone at once. Templates naming it render with the default brand; the default itself cannot go."""
        default_id = self.ensure_default(account_id)
        if _mine(self.redis.get(self._key(brand_id)) if _BRAND_ID.fullmatch(brand_id or "") else None,
                 account_id) is None:
            raise _not_found(brand_id)
        if brand_id == default_id:
            raise Conflict(f"Brand {brand_id} is the account's default brand, which cannot be deleted. Make another "
                           "brand the default first (PATCH it with {\"default\": true}), then delete this one.",
                           details={"brand_id": brand_id})
        pipe = self.redis.pipeline()
        pipe.delete(self._key(brand_id))
        pipe.zrem(self._index(account_id), brand_id)
        pipe.execute()

    def _new(self, account_id: str, data: dict, families: list[str], family: str) -> dict:
        stamp = isoformat(utcnow())
        return {"id": new_id("brd"), "account_id": account_id, **_checked(data, families, family, create=True),
                "version": 1, "created_at": stamp, "updated_at": stamp}

    def _store(self, pipe, brand: dict) -> None:
        pipe.set(self._key(brand["id"]), json.dumps(brand, separators=(",", ":")))
        pipe.zadd(self._index(brand["account_id"]), {brand["id"]: utcnow().timestamp()})


def token_values(brand: dict) -> dict:
    """What the brand tokens draw as: the renderer's flat {primary, …, heading, body, logo}, with the brand's id
    and version (which the renderer ignores): ``ref``, ``brd_…@<version>``, names the values in render cache keys,
    and the version grows with every PATCH, so editing a brand re-renders."""
    return {**brand["colors"], **brand["fonts"], "logo": brand.get("logo") or "", "id": brand["id"],
            "version": brand["version"], "ref": f"{brand['id']}@{brand['version']}"}


def _mine(raw, account_id: str) -> dict | None:
    if not raw:
        return None
    brand = json.loads(raw)
    return brand if brand.get("account_id") == account_id else None


def _api(brand: dict, default_id: str | None) -> dict:
    return {"id": brand["id"], "name": brand["name"], "colors": brand["colors"], "fonts": brand["fonts"],
            "logo": brand["logo"] or None, "default": brand["id"] == default_id, "version": brand["version"],
            "created_at": brand["created_at"], "updated_at": brand["updated_at"]}


def _not_found(brand_id: str) -> NotFound:
    return NotFound(f"There is no brand {brand_id}.")
