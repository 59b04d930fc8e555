"""The browsable API docs' own files: Swagger UI from its pinned PyPI package, so /api/v1/docs works offline."""

from __future__ import annotations

from flask import Blueprint, send_from_directory
from swagger_ui_bundle import swagger_ui_path

ASSETS_URL = "/api/v1/docs/assets/"   # no key needed (app.OPEN_PREFIXES): a browser loads them for the docs page

blp = Blueprint("api-docs-assets", __name__)   # named like flask-smorest's own docs routes


@blp.get(f"{ASSETS_URL}<path:filename>")
def asset(filename: str):
    # send_from_directory refuses paths outside the folder; the files change only with the package's pin
    return send_from_directory(str(swagger_ui_path), filename, max_age=86400)
