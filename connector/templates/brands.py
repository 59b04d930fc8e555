"""Brand kits in Redis: colours, fonts and a logo per brand, and each account's default brand (created on first need).

Keys: ``<prefix>:brand:<id>`` (the brand as JSON), ``<prefix>:account:<id>:brands`` (sorted set by creation time,
for listing) and ``<prefix>:account:<id>:brands:default`` (the default brand's id: exactly one per account).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import redis as redislib

from connector.runtime.clock import isoformat, new_id, utcnow
from connector.runtime.errors import Conflict, NotFound, ValidationFailed
from renderer.brand import COLOR_TOKENS, FONT_TOKENS, NEUTRAL
from renderer.colors import normalize_color
from renderer.layers import ImageLayer

_BRAND_ID = re.compile(r"brd_[0-9a-z]{1,40}")
_LOGO_SCHEMES = ("https://", "http://", "data:image/")
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
        self._for_render = redis.register_script(_FOR_RENDER)

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
    """What the brand tokens draw as: the renderer's flat {primary, …, heading, body, logo}."""
    return {**brand["colors"], **brand["fonts"], "logo": brand.get("logo") or ""}


def _checked(data: dict, families: list[str], family: str, create: bool = False) -> dict:
    """name, colors, fonts and logo validated and normalised; ValidationFailed names the field."""
    name = data.get("name")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= 100:
        raise _invalid("name", "must be text of 1 to 100 characters (the brand's name in lists and the editor)")
    colors = data.get("colors") or {}
    fonts = data.get("fonts") or {}
    for group, value, allowed in (("colors", colors, COLOR_TOKENS), ("fonts", fonts, FONT_TOKENS)):
        if not isinstance(value, dict):
            raise _invalid(group, f"must be an object with {', '.join(allowed)}")
        for extra in set(value) - set(allowed):
            raise _invalid(f"{group}.{extra}", f"is not a brand {group[:-1]}: use {', '.join(allowed)}")
    out_colors = {}
    for token in COLOR_TOKENS:
        try:
            out_colors[token] = normalize_color(colors.get(token, NEUTRAL[token]))
        except ValueError as exc:
            raise _invalid(f"colors.{token}", str(exc)) from None
    known = {f.casefold(): f for f in families}
    out_fonts = {}
    for token in FONT_TOKENS:
        value = fonts.get(token) or family
        if not isinstance(value, str):
            raise _invalid(f"fonts.{token}", "must be a font family's name")
        if known and value.casefold() not in known:
            shown = ", ".join(families[:8]) + (" …" if len(families) > 8 else "")
            raise _invalid(f"fonts.{token}", f"{value!r} is not a font family of this account (upload it with "
                                             f"POST /api/v1/fonts, or use one of {shown})")
        out_fonts[token] = known.get(value.casefold(), value)
    logo = data.get("logo") or ""
    if logo:
        try:
            logo = ImageLayer.props()["src"].check(logo)
        except ValueError as exc:
            raise _invalid("logo", str(exc)) from None
        if not logo.startswith(_LOGO_SCHEMES):
            raise _invalid("logo", "must be an image URL (https://…, an asset's url from POST /api/v1/assets) "
                                   "or a data:image/… URL")
    return {"name": name.strip(), "colors": out_colors, "fonts": out_fonts, "logo": logo}


def _mine(raw, account_id: str) -> dict | None:
    if not raw:
        return None
    brand = json.loads(raw)
    return brand if brand.get("account_id") == account_id else None


def _api(brand: dict, default_id: str | None) -> dict:
    return {"id": brand["id"], "name": brand["name"], "colors": brand["colors"], "fonts": brand["fonts"],
            "logo": brand["logo"] or None, "default": brand["id"] == default_id, "version": brand["version"],
            "created_at": brand["created_at"], "updated_at": brand["updated_at"]}


def _invalid(field: str, reason: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {reason}", details={"field": field})


def _not_found(brand_id: str) -> NotFound:
    return NotFound(f"There is no brand {brand_id}.")
