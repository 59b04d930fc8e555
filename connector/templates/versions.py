"""Template versions in Redis: every version's JSON under its own key, never overwritten, and a log of them."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from connector.runtime.errors import NotFound
from renderer import Template

_PARSED_CACHE_SIZE = 256   # versions never change, so parsed ones can be kept per process


def dump(template: Template) -> str:
    return json.dumps(template.to_dict(), separators=(",", ":"), ensure_ascii=False)


class VersionStore:
    """``<prefix>:template:<id>:v:<n>`` (one version's JSON) and ``<prefix>:template:<id>:versions`` (hash:
    version number -> ``{"created_at", "name", "size_bytes"}``, what lists show)."""

    def __init__(self, redis, prefix: str):
        self.redis = redis
        self.p = prefix
        self._parsed: OrderedDict[tuple[str, int], Template] = OrderedDict()
        self._parsed_lock = threading.Lock()

    def _key(self, template_id: str, version: int) -> str:
        return f"{self.p}:template:{template_id}:v:{version}"

    def _log(self, template_id: str) -> str:
        return f"{self.p}:template:{template_id}:versions"

    def add(self, pipe, template_id: str, version: int, stamp: str, template: Template) -> None:
        """Queue version ``version`` on ``pipe`` (the caller's transaction); ``remember`` it once that ran."""
        dumped = dump(template)
        pipe.set(self._key(template_id, version), dumped, nx=True)
        pipe.hset(self._log(template_id), str(version), json.dumps(
            {"created_at": stamp, "name": template.name, "size_bytes": len(dumped.encode())}))

    def remember(self, template_id: str, version: int, template: Template) -> Template:
        with self._parsed_lock:
            self._parsed[(template_id, version)] = template
            if len(self._parsed) > _PARSED_CACHE_SIZE:
                self._parsed.popitem(last=False)
        return template

    def get(self, template_id: str, version: int) -> Template:
        """Any version ever stored, even of a deleted template: renders that used it stay renderable."""
        cache_key = (template_id, int(version))
        with self._parsed_lock:
            cached = self._parsed.get(cache_key)
            if cached is not None:
                self._parsed.move_to_end(cache_key)
                return cached
        raw = self.redis.get(self._key(template_id, int(version)))
        if raw is None:
            raise NotFound(f"There is no version {version} of template {template_id}.")
        return self.remember(template_id, int(version), Template.from_dict(json.loads(raw)))

    def saved_at(self, template_id: str, version: int) -> str | None:
        saved = self.redis.hget(self._log(template_id), str(version))
        return json.loads(saved)["created_at"] if saved else None

    def history(self, record, *, limit: int = 20, page: int = 0) -> list[dict]:
        """``{"version", "created_at", "name", "size_bytes"}`` of each version of ``record``, newest first."""
        template_id = record.id
        top = record.version - page * limit
        numbers = list(range(top, max(0, top - limit), -1))
        if not numbers:
            return []
        logged = dict(zip(numbers, self.redis.hmget(self._log(template_id), numbers), strict=True))
        # Saved before versions were logged: what the versions themselves say, all read in one round trip.
        unlogged = [number for number, saved in logged.items() if saved is None]
        raws = dict(zip(unlogged, self.redis.mget([self._key(template_id, n) for n in unlogged]), strict=True)) \
            if unlogged else {}
        out = []
        for number, saved in logged.items():
            if saved is not None:
                out.append({"version": number, **json.loads(saved)})
                continue
            raw = raws[number] or "{}"
            out.append({"version": number,
                        "created_at": record.updated_at if number == record.version else record.created_at,
                        "name": json.loads(raw).get("name", ""), "size_bytes": len(raw.encode())})
        return out
