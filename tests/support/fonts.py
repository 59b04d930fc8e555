"""Brand fonts for tests: DejaVu cut down to ASCII and renamed, so a test can upload a font it knows by name."""

from __future__ import annotations

import io
import os

from fontTools import subset
from fontTools.ttLib import TTFont, newTable

DEJAVU = "/usr/share/fonts/truetype/dejavu"
BRAND = "Platen Test Brand"
HAVE_DEJAVU = os.path.exists(f"{DEJAVU}/DejaVuSans.ttf")


def brand_font(family: str = BRAND, flavor: str | None = None, weight: int | None = None,
               source: str = "DejaVuSans.ttf", padding: int = 0) -> bytes:
    """A DejaVu font cut down to ASCII (small and quick), renamed ``family``; WOFF/WOFF2 with ``flavor``."""
    font = TTFont(f"{DEJAVU}/{source}")
    options = subset.Options()
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=range(0x20, 0x7F))
    subsetter.subset(font)
    names = font["name"]
    for name_id, value in ((1, family), (4, family), (6, family.replace(" ", "")), (16, family)):
        names.removeNames(nameID=name_id)
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    if weight is not None:
        font["OS/2"].usWeightClass = weight
    if padding:   # zeros: they compress to almost nothing
        font["ZZZZ"] = newTable("ZZZZ")
        font["ZZZZ"].data = bytes(padding)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
