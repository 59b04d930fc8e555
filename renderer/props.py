"""Property specs: one declaration per layer property gives its type, range, default and field type."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .colors import COLOR_HELP, normalize_color, normalize_paint
from .tokens import PREFIX as TOKEN_PREFIX
from .tokens import check_token

_TOKEN_KIND = {"color": "color", "paint": "color", "src": "image"}
_TRUE = {"true", "yes", "on", "1", "y"}
_FALSE = {"false", "no", "off", "0", "n"}
MAX_DATA_URL = 3 * 1024 * 1024   # characters of an inline (data:) image source: ~2.2 MB of image


@dataclass(frozen=True)
class Prop:
    """What one property accepts. ``kind`` is int, number, bool, str, text, src, color, paint, enum or names."""

    kind: str
    default: Any = None
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    nullable: bool = False
    max_len: int = 200
    help: str = ""
    tokens: str = ""   # the brand tokens it takes besides colours and image sources (which take theirs): "font"

    def check(self, value, *, lenient: bool = False):
        """The normalised value, or ValueError with a sentence a no-code user can act on.

        ``lenient`` (field values from Zapier/Make/forms) also takes numbers and booleans written as text.
        """
        if value is None:
            if self.nullable:
                return None
            raise ValueError(f"must not be null ({self.describe()})")
        kind = self.kind
        if isinstance(value, str) and value.startswith(TOKEN_PREFIX) and (self.tokens or kind not in ("str", "text")):
            # a brand token, kept as written until a render resolves it (text and names stay literal text)
            return check_token(value, self.tokens or _TOKEN_KIND.get(kind, ""))
        if kind in ("int", "number"):
            return self._number(value, lenient)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            if lenient and isinstance(value, str | int) and str(value).strip().lower() in _TRUE | _FALSE:
                return str(value).strip().lower() in _TRUE
            raise ValueError("must be true or false")
        if kind == "color":
            return normalize_color(value)
        if kind == "paint":
            return normalize_paint(value)
        if kind == "enum":
            text = value.strip().lower() if isinstance(value, str) else value
            if text not in self.choices:
                raise ValueError(f"must be one of {', '.join(self.choices)} (got {value!r})")
            return text
        if kind == "names":
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ValueError("must be a list of property names, e.g. [\"color\", \"font_size\"]")
            return tuple(value)
        # str, text, src
        if lenient and isinstance(value, int | float) and not isinstance(value, bool):
            value = format(value, "g")
        if not isinstance(value, str):
            raise ValueError(f"must be text ({self.describe()})")
        if kind == "src" and value.startswith("data:"):
            if len(value) > MAX_DATA_URL:   # an image inlined in the template: a logo, not a photo album
                raise ValueError(f"is a data: URL of {len(value):,} characters; at most {MAX_DATA_URL:,} (about "
                                 f"{MAX_DATA_URL * 3 // 4 // 1024 // 1024} MB of image) — host larger images")
            return value
        if len(value) > self.max_len:
            raise ValueError(f"is too long: at most {self.max_len:,} characters (got {len(value):,})")
        return value

    def _number(self, value, lenient: bool):
        if isinstance(value, str) and lenient:
            text = value.strip().removesuffix("px").strip()
            try:
                value = float(text) if text else None
            except ValueError:
                value = None
            if value is None:
                raise ValueError(f"must be a number ({self.describe()})")
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"must be a number ({self.describe()})")
        if self.kind == "int":
            if value != int(value):
                raise ValueError(f"must be a whole number ({self.describe()})")
            value = int(value)
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            raise ValueError(f"must be between {_n(self.min)} and {_n(self.max)} (got {_n(value)})")
        return value

    def describe(self) -> str:
        if self.kind in ("int", "number"):
            whole = "a whole number" if self.kind == "int" else "a number"
            return f"{whole} from {_n(self.min)} to {_n(self.max)}"
        if self.kind == "color":
            return COLOR_HELP
        if self.kind == "enum":
            return "one of " + ", ".join(self.choices)
        if self.kind == "bool":
            return "true or false"
        return "text"

    @property
    def field_type(self) -> str:
        """The native field type (SPEC section 5) of a field that sets this property."""
        return {"int": "integer", "number": "number", "bool": "boolean", "color": "color", "paint": "color",
                "enum": "select", "src": "image", "text": "textarea"}.get(self.kind, "text")


def prop(kind: str, default=None, **spec) -> Any:
    """A dataclass field whose metadata is the property's spec."""
    return field(default=default, metadata={"prop": Prop(kind, default, **spec)})


def _n(value) -> str:
    return format(value, ",g") if value is not None else "…"


def spec_of(f) -> Prop:
    return f.metadata["prop"]
