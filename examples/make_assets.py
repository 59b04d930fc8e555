"""Make the pictures the example templates use: photos, avatars, a product cut-out, logos and a signature.

Pillow and numpy only, no network, seeded: the same machine makes the same files every time. Run it from anywhere:

    .venv/bin/python examples/make_assets.py

The files land in examples/assets/ (JPEG for photos, PNG with alpha for cut-outs and logos, each under 300 KB).
Everything is drawn from soft gradients, blurred shapes and flat illustration, so the examples look like real
products without shipping anybody's photos.

The drawing lives next to this file, one module per family: asset_photos.py, asset_people.py (avatars and the
presenter), asset_graphics.py (the product, logos and signature), all built on the helpers in asset_drawing.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:   # the sibling modules below, also when this file is not run as a script
    sys.path.insert(0, str(HERE))

from asset_graphics import headphones, logo_mark, logo_white, signature  # noqa: E402
from asset_people import avatar, presenter  # noqa: E402
from asset_photos import city_photo, coast_photo, workspace_photo  # noqa: E402

ASSETS = HERE / "assets"
MAX_BYTES = 300 * 1024


def save(image: Image.Image, name: str, **options) -> None:
    path = ASSETS / name
    if name.endswith(".jpg"):
        image.convert("RGB").save(path, "JPEG", quality=options.get("quality", 86), optimize=True,
                                  progressive=False)
    else:
        image.save(path, "PNG", optimize=True)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{name} is {size // 1024} KB, more than {MAX_BYTES // 1024} KB")
    print(f"{name:28} {image.width:5}×{image.height:<5} {size // 1024:4} KB")


def main() -> None:
    ASSETS.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20250301)
    save(workspace_photo(rng), "photo-workspace.jpg")
    save(city_photo(rng), "photo-city.jpg")
    save(coast_photo(rng), "photo-coast.jpg")
    save(avatar(rng, ("#fde68a", "#f59e0b"), skin="#c68863", hair="#1f1410", shirt="#0f766e", style="short"),
         "avatar-daniel.jpg")
    save(avatar(rng, ("#c7d2fe", "#818cf8"), skin="#f1c7a6", hair="#8a4b2a", shirt="#be123c", style="long"),
         "avatar-maya.jpg")
    save(avatar(rng, ("#bbf7d0", "#34d399"), skin="#8d5a3b", hair="#120c0a", shirt="#1e3a8a", style="curly"),
         "avatar-kofi.jpg")
    save(avatar(rng, ("#fbcfe8", "#f472b6"), skin="#f3d1b5", hair="#2a2a2e", shirt="#334155", style="bun"),
         "avatar-yui.jpg")
    save(presenter(), "presenter.png")
    save(headphones(), "product-headphones.png")
    save(logo_mark(), "logo-mark.png")
    save(logo_white(), "logo-white.png")
    save(signature(rng), "signature.png")


if __name__ == "__main__":
    main()
