"""``platen batch FILE --template ID``: one image per row of a CSV or Excel file, with a progress bar."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .client import Platen
from .errors import PlatenError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="platen", description="Command-line client for a Platen instance.")
    parser.add_argument("--base-url", default=os.environ.get("PLATEN_BASE_URL"),
                        help="the instance's address (default: $PLATEN_BASE_URL)")
    parser.add_argument("--api-key", default=os.environ.get("PLATEN_API_KEY"),
                        help="an API key (default: $PLATEN_API_KEY)")
    commands = parser.add_subparsers(dest="command", required=True)
    batch = commands.add_parser("batch", help="render one image per row of a CSV or .xlsx file",
                                description="Starts a batch from FILE, shows its progress until every row is done, "
                                            "then prints where the results are.")
    batch.add_argument("file", type=Path, help="a CSV or Excel .xlsx file; its first row names the fields")
    batch.add_argument("--template", required=True, help="the template's id (tpl_…)")
    batch.add_argument("--mapping", help='JSON renaming columns to fields, e.g. \'{"Headline": "title"}\'')
    batch.add_argument("--sheet", help="for an .xlsx: the sheet to read (default: the first)")
    batch.add_argument("--format", choices=["png", "jpeg", "webp", "pdf"], help="the images' format")
    batch.add_argument("--zip", type=Path, help="download every image as one ZIP to this path when done")
    batch.add_argument("--results", type=Path, help="save results.csv (each row's render, url, error) here")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.base_url or not args.api_key:
        print("platen: give --base-url and --api-key (or set PLATEN_BASE_URL and PLATEN_API_KEY).", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"platen: {args.file} is not a file.", file=sys.stderr)
        return 2
    try:
        mapping = json.loads(args.mapping) if args.mapping else None
    except ValueError:
        print("platen: --mapping must be JSON, like '{\"Headline\": \"title\"}'.", file=sys.stderr)
        return 2
    try:
        with Platen(args.base_url, args.api_key) as platen:
            return _batch(platen, args, mapping)
    except PlatenError as error:
        print(f"platen: {error.message} ({error.code}, HTTP {error.status})", file=sys.stderr)
        return 1


def _batch(platen: Platen, args, mapping) -> int:
    started = platen.batches.create(args.template, file=args.file, mapping=mapping, sheet=args.sheet,
                                    format=args.format)
    if started.ignored_columns:
        print(f"Ignored columns (no field of that name): {', '.join(started.ignored_columns)}", file=sys.stderr)
    batch = platen.batches.wait(started, progress=not args.no_progress)
    print(f"Batch {batch.id}: {batch.completed} of {batch.total} rendered, {batch.failed} failed.")
    for render in platen.batches.renders(batch, status="failed") if batch.failed else []:
        print(f"  {render.id} failed: {render.error.message if render.error else 'no reason given'}")
    if args.results:
        args.results.write_text(platen.batches.results_csv(batch), encoding="utf-8")
        print(f"Results: {args.results}")
    if args.zip:
        platen.batches.download_zip(batch, args.zip)
        print(f"Images: {args.zip}")
    print(f"Results CSV: {batch.results_url}")
    print(f"All images (ZIP): {batch.archive_url}")
    return 0 if batch.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
