"""The web dashboard: one HTML shell for every dashboard path, its ES modules and CSS, under a strict CSP."""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, send_from_directory

STATIC = Path(__file__).resolve().parent / "static"
ASSETS_URL = "/dashboard/"   # the shell's scripts and styles; nothing under /api/v1, so no key is asked for them
# Every path a person may open, bookmark or reload: each gets the same shell, whose router draws the page.
PAGES = ("/", "/templates", "/templates/<template>/edit", "/renders", "/batches", "/webhooks", "/keys", "/usage",
         "/generate")


def content_security_policy(image_origins: tuple[str, ...] = (), style_nonce: str | None = None) -> str:
    """Scripts, styles and API calls from this instance alone; images also from data:, blob: (previews fetched
    with the key) and the origins hosted files are served from (renders' `url`). ``style_nonce``: the shell's
    per-response nonce for the <style> elements the editor's handle library (moveable, selecto) adds at run time;
    scripts never get one."""
    images = " ".join(["'self'", "data:", "blob:", *sorted(set(image_origins))])
    styles = f"'self' 'nonce-{style_nonce}'" if style_nonce else "'self'"
    return (f"default-src 'self'; script-src 'self'; style-src {styles}; "
            f"img-src {images}; connect-src 'self'; font-src 'self'; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def origin_of(url: str) -> str | None:
    """``https://media.example.com`` of ``https://media.example.com/files/x.png``; None for what is not an http URL."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def create_blueprint(file_urls: tuple[str, ...] = ()) -> Blueprint:
    """The dashboard's routes; ``file_urls`` are the base URLs hosted files are served from (PLATEN_PUBLIC_URL,
    an S3 public URL), allowed as image sources."""
    origins = tuple(o for o in map(origin_of, file_urls) if o)
    policy = content_security_policy(origins)
    blp = Blueprint("dashboard", __name__)

    def shell(template: str | None = None) -> Response:
        # A fresh style nonce each time, in the CSP header and in a <meta> the editor passes to moveable/selecto
        # (their <style> elements carry it). So the page is built per request and never stored (no-store).
        nonce = secrets.token_urlsafe(18)
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        html = html.replace("<head>", f'<head>\n  <meta name="csp-nonce" content="{nonce}">', 1)
        response = Response(html, mimetype="text/html")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Content-Security-Policy"] = content_security_policy(origins, style_nonce=nonce)
        return response

    for number, path in enumerate(PAGES):
        blp.add_url_rule(path, f"page{number}", shell, methods=["GET"])

    @blp.get(f"{ASSETS_URL}<path:filename>")
    def asset(filename: str) -> Response:
        # no-cache: revalidated by ETag on each load, so an upgrade is seen at once (no build step, no hashes)
        response = send_from_directory(STATIC, filename, max_age=0)
        response.headers["Cache-Control"] = "no-cache"
        return response

    @blp.get("/favicon.ico")
    def favicon() -> Response:
        # browsers ask for it on pages without an icon link (the API docs, an image opened alone): no 404 there
        return send_from_directory(STATIC, "favicon.svg", mimetype="image/svg+xml", max_age=86400)

    @blp.after_request
    def protect(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", policy)   # the shell's carries its nonce
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    return blp
