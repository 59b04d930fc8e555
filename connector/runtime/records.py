"""Dataclasses kept as Redis hashes of strings (renders, batches): one encoding, one decoding."""

from __future__ import annotations

import json
from dataclasses import MISSING, fields

_dumps = json.JSONEncoder(separators=(",", ":")).encode   # json.dumps with separators builds an encoder per call
_TEXT, _JSON_KIND, _BOOL, _INT, _FLOAT = range(5)


class StoredRecord:
    """Mixed into a dataclass: ``to_redis``/``from_redis``. Fields named in ``_JSON`` are JSON; the others are
    text, ``"1"``/``"0"`` for flags and ``""`` for None. Reading back goes by each field's annotation: ``int``,
    ``float`` and ``bool`` are converted; an empty value is None where the annotation allows it, else the field's
    default (``""`` for text without one)."""

    _JSON: tuple[str, ...] = ()

    def to_redis(self) -> dict:
        encode = self.encode
        return {name: encode(name, getattr(self, name)) for name, *_ in _plan(type(self))}

    @classmethod
    def encode(cls, name: str, value) -> str:
        if name in cls._JSON:
            return _dumps(value)
        if isinstance(value, bool):
            return "1" if value else "0"
        return "" if value is None else str(value)

    @classmethod
    def from_redis(cls, raw: dict):
        values: dict = {}
        for name, kind, empty in _plan(cls):
            if name not in raw:
                continue
            text = raw[name]
            if kind == _JSON_KIND:
                value = json.loads(text) if text else None
                if value is None and empty is not None:
                    value = empty()
            elif text == "":
                value = empty() if empty is not None else None
            elif kind == _BOOL:
                value = text == "1"
            elif kind == _INT:
                value = int(text)
            elif kind == _FLOAT:
                value = float(text)
            else:
                value = text
            values[name] = value
        return cls(**values)


_plans: dict[type, tuple] = {}


def _plan(cls) -> tuple:
    """Per class, once: (name, kind, what an empty value reads as — a callable, or None for None) of each field.
    An empty JSON value is None unless the field has a default factory."""
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = tuple(_field_plan(cls, f) for f in fields(cls))
    return plan


def _field_plan(cls, f) -> tuple:
    kind = str(f.type)
    if f.name in cls._JSON:
        return f.name, _JSON_KIND, (f.default_factory if f.default_factory is not MISSING else None)
    code = _BOOL if kind.startswith("bool") else _INT if kind.startswith("int") else \
        _FLOAT if kind.startswith("float") else _TEXT
    if "None" in kind:
        empty = None
    elif f.default is not MISSING:
        empty = (lambda value: lambda: value)(f.default)
    elif f.default_factory is not MISSING:
        empty = f.default_factory
    else:
        empty = str   # str() is ""
    return f.name, code, empty
