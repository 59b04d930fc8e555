"""The web application: ``create_app(config=None)`` wires settings, the Connector, the API, auth, limits and errors."""

from __future__ import annotations

import json
import logging
import re
import secrets
import time

from flask import Flask, g, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from actions import (
    account,
    assets,
    batches,
    brands,
    docs,
    files,
    fonts,
    generations,
    keys,
    previews,
    renders,
    system,
    template_versions,
    templates,
    urls,
)
from actions.common import connector
from actions.errors import envelope, from_http_exception
from actions.openapi_shapes import ClientShapes, ObjectShapes
from actions.ratelimits import LIMITER_RETRY_HEADER, limiter
from actions.routing import ApiFlask
from actions.schemas import ErrorSchema
from connector.lazy import LazyConnector
from connector.runtime.errors import (
    BadRequest,
    NotFound,
    PlatenError,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
)
from connector.runtime.logs import configure_logging, request_id
from connector.runtime.outage import REDIS_DOWN, RETRY_AFTER
from connector.runtime.settings import Settings
from dashboard import create_blueprint as dashboard_blueprint
from triggers import callbacks, hooks, polling

log = logging.getLogger("platen.http")

API_PREFIX = "/api/v1/"
OPEN_PATHS = ("/api/v1/openapi.json", "/api/v1/docs")
OPEN_PREFIXES = (docs.ASSETS_URL,)   # the docs page's scripts and styles
SECRET_PARAMS = {"api_key", "apikey", "key", "token", "access_token", "s", "signature"}
WELL_FORMED_ID = re.compile(r"[a-z]{2,8}_[0-9a-z]{1,64}")


class PlatenApi(Api):
    """flask-smorest's Api, answering and documenting errors with Platen's envelope."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        return from_http_exception(error)


def create_app(config: dict | None = None) -> Flask:
    """Build the app. ``config`` may hold Flask settings, ``SETTINGS`` (a Settings) and ``CONNECTOR``."""
    config = dict(config or {})
    settings = config.pop("SETTINGS", None) or Settings.from_env()
    configure_logging(settings.log_level)
    app = ApiFlask(__name__)   # its URL map never redirects and names an empty id in a path
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        API_TITLE="Platen", API_VERSION="v1", OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/api/v1", OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs", OPENAPI_SWAGGER_UI_URL=docs.ASSETS_URL,   # the pinned package: no CDN
        API_SPEC_OPTIONS={
            "info": {"description": "Self-hostable image generation for automations. Send your key as "
                                    "`X-API-Key` or `Authorization: Bearer`. Every error is the envelope below."},
            "components": {"securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
                "Bearer": {"type": "http", "scheme": "bearer"}}},
            "security": [{"ApiKey": []}, {"Bearer": []}],
        },
    )
    app.config.update(config)
    app.json.sort_keys = False
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies,
                                x_host=settings.trusted_proxies)
    # Built on first use: `flask --app app --help` and `flask --app app render` need no Redis and start none.
    conn = app.config.get("CONNECTOR") or LazyConnector(settings)
    app.extensions["platen"] = conn

    app.before_request(_identify)
    app.after_request(_finish)   # registered before the limiter's, so it runs after it
    app.teardown_request(_forget)
    limiter(settings, conn).init_app(app)
    app.before_request(_enforce)
    app.before_request(_json_without_content_type)
    app.before_request(_refuse_broken_text)
    app.before_request(_refuse_too_deep)

    app.register_error_handler(PlatenError, lambda e: envelope(e.status, e.code, e.message, e.details, e.headers))
    app.register_error_handler(Exception, _unexpected)
    for error in REDIS_DOWN:
        app.register_error_handler(error, _redis_down)
    # closed request bodies, open answers; operationIds, servers, headers and nullables for client generators
    api = PlatenApi(app, spec_kwargs={"extra_plugins": [ObjectShapes(), ClientShapes(settings.public_url)]})
    for blueprint in (account.blp, keys.blp, previews.blp, templates.blp, template_versions.blp, renders.blp,
                      batches.blp, batches.downloads, generations.blp, urls.blp, fonts.blp, assets.blp, brands.blp,
                      files.blp,
                      polling.blp, hooks.blp, callbacks.blp, callbacks.batch_callbacks, callbacks.generation_callbacks,
                      system.blp):
        api.register_blueprint(blueprint)

    from cli import register

    register(app)
    app.register_blueprint(docs.blp)   # plain Flask: files, not part of the API's OpenAPI
    app.register_blueprint(dashboard_blueprint((settings.public_url, settings.s3_public_url)))   # SPEC §15
    return app


def _presented_key() -> str:
    key = request.headers.get("X-API-Key")
    if key is None:
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        key = value if scheme.lower() == "bearer" else ""
    return key.strip()


def _identify() -> None:
    """Give the request its id and resolve its key; refusing comes later, after the rate limiter counted it."""
    g.started = time.perf_counter()
    g.request_id = "req_" + secrets.token_hex(8)
    g.token = request_id.set(g.request_id)
    g.principal = None
    g.auth_error = None
    if not request.path.startswith(API_PREFIX) or request.path.rstrip("/") in OPEN_PATHS \
            or request.path.startswith(OPEN_PREFIXES):
        return
    if request.url_rule is None:
        return  # unknown route or wrong method: 404/405 tell more than 401
    secret = _presented_key()
    if not secret and ("api_key" in request.args or "key" in request.args):
        g.auth_error = Unauthorized("API keys are not accepted in the query string (they end up in logs); "
                                    "send the key in the X-API-Key header.")
        return
    try:
        g.principal = connector().accounts.authenticate(secret)
    except Unauthorized as exc:
        g.auth_error = exc


def _enforce() -> None:
    if g.get("auth_error") is not None:
        raise g.auth_error
    # Ids go into Redis key names: anything but `<prefix>_<base36>` (say `bat_…:rows`) names nothing of ours.
    for name, value in (request.view_args or {}).items():
        if name.endswith("_id") and not WELL_FORMED_ID.fullmatch(value):
            raise NotFound(f"There is no {name[:-3]} {value[:100]}.")


def _json_without_content_type() -> None:
    """`curl -d '{…}'` without `-H 'Content-Type: application/json'` says it sends a form; the body says JSON.
    Take it as the JSON it is (silently ignoring it would, say, make a live key when a test key was asked for);
    a body that is not JSON either is a 415 that says what to send. Font and asset uploads read their own bodies."""
    if request.method not in ("POST", "PUT", "PATCH") or not request.path.startswith(API_PREFIX) \
            or request.url_rule is None or request.path.startswith(("/api/v1/fonts", "/api/v1/assets")) \
            or request.is_json \
            or request.mimetype == "multipart/form-data":
        return   # (an unknown route or method: its 404 or 405 says more)
    data = request.get_data(cache=True)
    if not data.strip():
        return
    try:
        json.loads(data)
    except RecursionError:
        raise BadRequest("The body is nested too deeply to be read.") from None
    except ValueError:
        raise UnsupportedMediaType("Send the body as JSON with the header Content-Type: application/json "
                                   "(curl: -H 'Content-Type: application/json').") from None
    request.environ["CONTENT_TYPE"] = "application/json"
    request.__dict__.pop("_parsed_content_type", None)   # Werkzeug caches the parsed header


# A lone UTF-16 surrogate (``"\\ud83d"`` without its pair: text cut in the middle of an emoji by an earlier step)
# is valid JSON but no text at all: it can be neither stored nor drawn. Cheap test on the raw body first.
_SURROGATE_HINT = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_too_deep() -> None:
    """JSON nested past Python's recursion limit makes a view's parser raise RecursionError, a 500: a 400 here. Only
    a body with enough brackets to be that deep is parsed to see."""
    if request.method not in ("POST", "PUT", "PATCH") or not request.is_json:
        return
    data = request.get_data(cache=True)
    if data.count(b"[") + data.count(b"{") < 500:
        return
    try:
        json.loads(data)
    except RecursionError:
        raise BadRequest("The body is nested too deeply to be read.") from None
    except ValueError:
        return   # the view's own parsing says what is wrong with it


def _refuse_broken_text() -> None:
    if request.method not in ("POST", "PUT", "PATCH") or not request.is_json:
        return
    if not _SURROGATE_HINT.search(request.get_data(cache=True)):
        return
    try:
        body = json.loads(request.get_data(cache=True))
    except (ValueError, RecursionError):
        return   # the view's own parsing says what is wrong with it
    path = _broken_text_at(body, "")
    if path is not None:
        raise ValidationFailed(f"{path or 'body'}: contains a broken character (half of an emoji or other "
                               "symbol, often left by cutting text short); remove it or send the whole character.",
                               details={"field": path})


def _broken_text_at(value, path: str) -> str | None:
    """The path (``fields.title``, ``rows[3].name``) of the first text with a lone surrogate, or None."""
    if isinstance(value, str):
        return path if _SURROGATE.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and _SURROGATE.search(key):
            return f"{path}.{key!a}".lstrip(".")
        found = _broken_text_at(item, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip("."))
        if found is not None:
            return found
    return None


def _finish(response):
    response.headers["X-Request-Id"] = g.get("request_id", "")
    if response.status_code == 204:   # no body, so no type either (flask-smorest sets JSON's)
        response.headers.pop("Content-Type", None)
    # The limiter computes a Retry-After for every answer; it only belongs on a 429.
    limiter_retry = response.headers.pop(LIMITER_RETRY_HEADER, None)
    if response.status_code == 429 and limiter_retry is not None and "Retry-After" not in response.headers:
        response.headers["Retry-After"] = limiter_retry   # (a 429 of another limit brings its own)
    seconds = time.perf_counter() - g.get("started", time.perf_counter())
    system.observe(request.endpoint, request.method, response.status_code, seconds)
    key_id = g.principal.key.id if g.get("principal") else "-"
    log.info("%s %s %s %.1fms key=%s", request.method, _loggable_path(), response.status_code, seconds * 1000, key_id)
    return response


def _loggable_path() -> str:
    """The path and query, with anything secret-looking in the query blanked out (keys must never reach logs)."""
    if not request.args:
        return request.path
    shown = "&".join(f"{name}={'***' if name.lower() in SECRET_PARAMS else value}"
                     for name, value in request.args.items(multi=True))
    return f"{request.path}?{shown}"


def _forget(_exc=None) -> None:
    token = g.pop("token", None)
    if token is not None:
        request_id.reset(token)


def _unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return from_http_exception(error)
    log.exception("unexpected error")
    return envelope(500, "internal_error", "Something went wrong on our side; the error has been logged. "
                                           "Retry, and quote the request_id if it keeps happening.")


def _redis_down(error: Exception):
    """Redis refused, dropped or timed out: a passing outage, not a bug. Clients retry after Retry-After."""
    log.warning("Redis unavailable: %s", error)
    return envelope(503, "unavailable", "Platen cannot reach its database right now (it may be restarting). "
                                        f"Retry in {RETRY_AFTER} seconds.", headers={"Retry-After": RETRY_AFTER})
