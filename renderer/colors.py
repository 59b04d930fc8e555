"""Colours (``#rgb``, ``#rrggbb``, ``#rrggbbaa``, ``transparent``) and paints (a colour or a linear gradient)."""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import check_token, token_name

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
COLOR_HELP = "a colour like #ff0055, #f05 or #ff005580 (with transparency)"


def normalize_color(value) -> str:
    """The canonical lowercase ``#rrggbb`` / ``#rrggbbaa`` form; ValueError with a plain message otherwise."""
    if not isinstance(value, str):
        raise ValueError(f"must be {COLOR_HELP}")
    text = value.strip()
    if text.lower() == "transparent":
        return "#00000000"
    match = _HEX.fullmatch(text)
    if not match:
        raise ValueError(f"{value!r} is not a colour: use {COLOR_HELP}")
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    if digits.endswith("ff") and len(digits) == 8:
        digits = digits[:6]
    return "#" + digits


@lru_cache(maxsize=1024)
def rgba(color: str) -> tuple[int, int, int, int]:
    """A canonical colour as an (r, g, b, a) tuple."""
    digits = color[1:]
    values = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
    return (*values, 255) if len(values) == 3 else tuple(values)


def normalize_paint(value):
    """A colour, or ``{"type": "linear", "angle": deg, "stops": [colour | {"color", "offset"}, ...]}``."""
    if isinstance(value, str):
        return check_token(value, "color") if token_name(value) is not None else normalize_color(value)
    if not isinstance(value, dict):
        raise ValueError(f"must be {COLOR_HELP}, or a gradient {{\"type\": \"linear\", \"angle\": 90, "
                         "\"stops\": [\"#ff0055\", \"#0055ff\"]}")
    unknown = set(value) - {"type", "angle", "stops"}
    if unknown:
        raise ValueError(f"a gradient has no property {sorted(unknown)[0]!r} (it has type, angle, stops)")
    if value.get("type", "linear") != "linear":
        raise ValueError("only \"linear\" gradients are supported")
    angle = value.get("angle", 180)
    if isinstance(angle, bool) or not isinstance(angle, int | float) or not -360 <= angle <= 360:
        raise ValueError("gradient angle must be a number of degrees between -360 and 360 (0 points up, 90 right)")
    stops = value.get("stops")
    if not isinstance(stops, list) or not 2 <= len(stops) <= 16:
        raise ValueError("a gradient needs 2 to 16 stops, e.g. [\"#ff0055\", \"#0055ff\"]")
    out = []
    for i, stop in enumerate(stops):
        if isinstance(stop, str):
            offset = i / (len(stops) - 1)
            color = stop
        elif isinstance(stop, dict) and "color" in stop:
            offset = stop.get("offset", i / (len(stops) - 1))
            color = stop["color"]
            if isinstance(offset, bool) or not isinstance(offset, int | float) or not 0 <= offset <= 1:
                raise ValueError(f"stops[{i}].offset must be a number from 0 to 1")
        else:
            raise ValueError(f"stops[{i}] must be a colour or {{\"color\": \"#…\", \"offset\": 0.5}}")
        try:
            color = check_token(color, "color") if token_name(color) is not None else normalize_color(color)
            out.append({"color": color, "offset": round(float(offset), 4)})
        except ValueError as exc:
            raise ValueError(f"stops[{i}]: {exc}") from None
    if any(b["offset"] < a["offset"] for a, b in zip(out, out[1:], strict=False)):
        raise ValueError("gradient stop offsets must not decrease")
    return {"type": "linear", "angle": angle, "stops": out}


def is_opaque(paint) -> bool:
    if isinstance(paint, str):
        return rgba(paint)[3] == 255
    return all(rgba(s["color"])[3] == 255 for s in paint["stops"])
