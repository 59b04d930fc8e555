"""Render every example template to examples/gallery/ and print what it cost and what it warned about.

    .venv/bin/python examples/render_gallery.py                   # all examples → examples/gallery/
    .venv/bin/python examples/render_gallery.py og-blog-card       # just one (or a few)
    .venv/bin/python examples/render_gallery.py --update-golden    # also refresh tests/renderer/golden/
    .venv/bin/python examples/render_gallery.py og-blog-card --field title="A much longer title …"

A one-page template becomes ``gallery/<name>.png``; a multi-page one ``gallery/<name>.png`` (its first page, for
an overview) and ``gallery/<name>-p<N>.png`` for every page. Golden images are named the same way (pages only).
Relative image sources (``assets/photo.jpg``) are read from this folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from connector.fetch.sources import local_loader  # noqa: E402
from renderer import render  # noqa: E402

GALLERY = HERE / "gallery"
GOLDEN = ROOT / "tests" / "renderer" / "golden"


def example_paths() -> list[Path]:
    """Every example template, in name order."""
    return sorted(HERE.glob("*.json"))


def load_example(name: str) -> dict:
    with open(HERE / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def render_example(template: dict, fields: dict | None = None, **options):
    """Render one example the way the gallery and the golden tests do (PNG, images from this folder)."""
    options.setdefault("load_image", local_loader(str(HERE)))
    return render(template, fields, **options)


def page_names(name: str, pages: int) -> list[str]:
    """The image names of a render: ``name`` for one page, ``name-p1`` … for several."""
    return [name] if pages == 1 else [f"{name}-p{n}" for n in range(1, pages + 1)]


def _parse_fields(pairs: list[str]) -> dict:
    fields = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--field wants NAME=VALUE (got {pair!r})")
        fields[key] = value.replace("\\n", "\n")
    return fields


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="example names (default: all)")
    parser.add_argument("--update-golden", action="store_true", help="also write tests/renderer/golden/")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE",
                        help="a field value to render with (gallery images get a -custom suffix)")
    parser.add_argument("--out", type=Path, default=GALLERY, help="where to write the images")
    args = parser.parse_args(argv)

    available = {p.stem: p for p in example_paths()}
    names = args.names or list(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        parser.error(f"no such example: {', '.join(unknown)} (there are {', '.join(available)})")
    fields = _parse_fields(args.field)
    if fields and args.update_golden:
        parser.error("golden images are the templates' defaults: --update-golden takes no --field")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)

    print(f"{'example':24} {'size':>11} {'pages':>5} {'ms':>7} {'KB':>6}  warnings")
    failed = 0
    for name in names:
        template = load_example(name)
        started = time.perf_counter()
        try:
            result = render_example(template, fields or None)
        except Exception as exc:   # report and go on: one broken example should not hide the others
            print(f"{name:24} FAILED: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        ms = (time.perf_counter() - started) * 1000
        outputs = page_names(name + ("-custom" if fields else ""), len(result.pages))
        for out_name, data in zip(outputs, result.pages, strict=True):
            (args.out / f"{out_name}.png").write_bytes(data)
        if len(result.pages) > 1:
            (args.out / f"{name}{'-custom' if fields else ''}.png").write_bytes(result.pages[0])
        if args.update_golden:
            golden = render_example(template, png_compression="small")
            for out_name, data in zip(page_names(name, len(golden.pages)), golden.pages, strict=True):
                (GOLDEN / f"{out_name}.png").write_bytes(data)
        size_kb = sum(len(p) for p in result.pages) / 1024
        warned = ", ".join(f"{w['code']}({w['layer']})" for w in result.warnings) or "-"
        print(f"{name:24} {result.width:>5}×{result.height:<5} {len(result.pages):>5} {ms:>7.0f} {size_kb:>6.0f}  "
              f"{warned}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
