"""Dataclasses kept as Redis hashes of strings (renders, batches): one encoding, one decoding."""

from __future__ import annotations

import json
from dataclasses import MISSING, fields


class StoredRecord:
    """Mixed into a dataclass: ``to_redis``/``from_redis``. Fields named in ``_JSON`` are JSON; the others are
    text, ``"1"``/``"0"`` for flags and ``""`` for None. Reading back goes by each field's annotation: ``int``,
    ``float`` and ``bool`` are converted; an empty value is None where the annotation allows it, else the field's
    default (``""`` for text without one)."""

    _JSON: tuple[str, ...] = ()

    def to_redis(self) -> dict:
        return {f.name: self.encode(f.name, getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def encode(cls, name: str, value) -> str:
        if name in cls._JSON:
            return json.dumps(value, separators=(",", ":"))
        if isinstance(value, bool):
            return "1" if value else "0"
        return "" if value is None else str(value)

    @classmethod
    def from_redis(cls, raw: dict):
        values: dict = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            text, kind = raw[f.name], str(f.type)
            if f.name in cls._JSON:
                value = json.loads(text) if text else None
                if value is None and f.default_factory is not MISSING:
                    value = f.default_factory()
            elif text == "":
                if "None" in kind:
                    value = None
                elif f.default is not MISSING:
                    value = f.default
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    value = ""
            elif kind.startswith("bool"):
                value = text == "1"
            elif kind.startswith("int"):
                value = int(text)
            elif kind.startswith("float"):
                value = float(text)
            else:
                value = text
            values[f.name] = value
        return cls(**values)
