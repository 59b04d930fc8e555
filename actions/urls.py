"""Templates as URLs: previews, signed render URLs, public rendering on GET, and the size presets."""

from __future__ import annotations

import hashlib
import math
import time
from urllib.parse import urlencode

import limits
import marshmallow as ma
from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields, validate

from connector.accounts.keys import Scope
from connector.accounts.store import ApiKey, Principal
from connector.renders import signing
from connector.renders.creating import UNKNOWN, plan, render_and_wait
from connector.renders.record import RenderRequest, RenderStatus
from connector.runtime.errors import Forbidden, NotFound, RateLimited, RenderFailed, Unavailable, ValidationFailed
from connector.templates.examples import example_path, load_example
from connector.templates.formats import FORMATS as SIZES
from renderer import render
from renderer.encode import FORMATS, NAMES
from renderer.fields import not_public

from .common import connector, documents, principal, requires
from .openapi_shapes import BINARY, binary
from .render_schemas import FormatField

blp = Blueprint("urls", __name__, description="Templates as URLs: previews, signed and public render URLs.")
PUBLIC_WAIT = 25
PUBLIC_MAX_AGE = 86400
EXTENSIONS = NAMES   # a render URL ends in any name of a format: .png, .jpg, .jpeg, .webp, .pdf


class SignedUrlArgsSchema(ma.Schema):
    fields_ = fields.Dict(data_key="fields", load_default=dict, metadata={"example": {"title": "Hello"}})
    format = FormatField()
    quality = fields.Integer(validate=validate.Range(1, 100))
    scale = fields.Float(validate=validate.Range(0.1, 4))


class SignedUrlSchema(ma.Schema):
    url = fields.String(required=True, metadata={"description": "Absolute; renders on GET; cached."})


class FormatSchema(ma.Schema):
    name = fields.String(required=True, metadata={"example": "og"})
    label = fields.String(required=True)
    width = fields.Integer(required=True)
    height = fields.Integer(required=True)
    dpi = fields.Integer(required=True, metadata={
        "description": "Pixels per inch on paper: 300 for the print sizes (give the template this `dpi` and its PDF "
                       "is a page of that paper size), 72 for screens.", "example": 72})
    pages = fields.Boolean(required=True, metadata={
        "description": "A carousel: a generation makes several pages of this size (one image each, or one PDF).",
        "example": False})


RENDER_URL_PARAMETERS = [
    {"in": "path", "name": "ext", "required": True, "schema": {"type": "string", "enum": list(EXTENSIONS)},
     "description": "The format: png, jpg (or jpeg), webp or pdf."},
    {"in": "query", "name": signing.SIGNATURE_PARAM, "required": False, "schema": {"type": "string"},
     "description": "The signature POST /templates/{id}/signed-url put in the URL (an HMAC of the path and the "
                    "sorted query). Not needed for a public template; missing or wrong on any other, a 403."},
    {"in": "query", "name": signing.FIELDS_PARAM, "required": False, "schema": {"type": "string"},
     "description": "Field values as one JSON object, for values that are objects: "
                    "`{\"subtitle\": {\"font_size\": 30}}`.", "example": "{\"subtitle\":{\"font_size\":30}}"},
    {"in": "query", "name": "quality", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100},
     "description": "JPEG/WebP quality."},
    {"in": "query", "name": "scale", "required": False, "schema": {"type": "number", "minimum": 0.1, "maximum": 4},
     "description": "2 renders at twice the size; not taken by an unsigned URL of a public template."},
    {"in": "query", "name": "page", "required": False, "schema": {"type": "integer", "minimum": 1},
     "description": "One page of a multi-page template (1-based)."},
    {"in": "query", "name": "field_values", "required": False, "style": "form", "explode": True,
     "schema": {"type": "object", "additionalProperties": {"type": "string"}},
     "description": "Every other parameter is a field value, named as GET /templates/{id}/fields lists them: "
                    "`title=Hello&title.color=%23ff0055` (this name itself never appears in the URL)."},
]


def _image(conn, record, cache_control: str, etag: str):
    if record.status == RenderStatus.FAILED.value:
        raise RenderFailed(f"The render failed: {record.error['message']}", details={"render_id": record.id})
    if record.status != RenderStatus.COMPLETED.value:
        raise Unavailable("The image is still being drawn; retry in a few seconds.", headers={"Retry-After": "2"})
    data, media_type = conn.files.get(record.file_key)
    response = current_app.response_class(data, mimetype=media_type)
    response.set_etag(etag)
    response.headers["Cache-Control"] = cache_control
    response.headers["X-Render-Id"] = record.id
    return response


@blp.route("/api/v1/templates/<template_id>/preview.png")
class Preview(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404, 422, 503)
    @blp.response(200, BINARY, description="A PNG of the template with its default values.",
                  content_type="image/png")
    def get(self, template_id):
        """Preview a template

        The current version drawn with its default values, as a PNG. Previews use no credits and do not show
        up among renders or fire events.
        """
        conn = connector()
        record = render_and_wait(conn, principal(), RenderRequest(template_id=template_id, preview=True), PUBLIC_WAIT)
        return _image(conn, record, "private, max-age=60", record.cache_key)


STARTER_THUMB_WIDTH = 640
_starter_thumbs: dict[tuple[str, int], tuple[bytes, str]] = {}   # (name, file mtime) -> (JPEG, ETag)


@blp.route("/api/v1/templates/examples/<name>/preview.jpg")
class StarterPreview(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.response(200, BINARY, description="A JPEG of the starter's first page, at most 640 px wide.",
                  content_type="image/jpeg")
    def get(self, name):
        """Preview a starter template

        The starter's first page drawn with its default values, at most 640 pixels wide: a thumbnail for a
        gallery of starters (GET /templates/examples). Free, stored nowhere; an unknown starter is a 404 that lists
        the real names.
        """
        data, etag = _starter_thumb(name)
        response = current_app.response_class(data, mimetype="image/jpeg")
        response.set_etag(etag)
        response.headers["Cache-Control"] = "private, max-age=3600"
        return response.make_conditional(request)


def _starter_thumb(name: str) -> tuple[bytes, str]:
    """Starters are files that change only with Platen itself: each is drawn once per process (and again if its
    file changes), shared by every account, so with the base fonts only (an account's upload of a family the
    starter uses would otherwise be drawn into, and shown to, every other account)."""
    path = example_path(name)
    key = (name, path.stat().st_mtime_ns)
    if key not in _starter_thumbs:
        template = load_example(name)
        scale = max(0.1, min(1.0, STARTER_THUMB_WIDTH / template["width"]))
        result = render(template, {}, format="jpeg", quality=85, scale=scale, page=1,
                        fonts=connector().fonts_for(""), cache=False)
        _starter_thumbs[key] = (result.data, hashlib.sha256(result.data).hexdigest()[:32])
    return _starter_thumbs[key]


@blp.route("/api/v1/templates/<template_id>/signed-url")
class SignedUrl(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404, 422)
    @blp.arguments(SignedUrlArgsSchema)
    @blp.response(200, SignedUrlSchema)
    def post(self, data, template_id):
        """Make a signed render URL

        A URL anyone can GET (an `<img>` tag, an `og:image`) that renders this template with these fields,
        signed with the account's secret so nobody can change the fields. It stays valid while the template
        exists; editing the template changes the image behind the same URL.
        """
        caller, conn = principal(), connector()
        conn.templates.get(caller.account.id, template_id)
        fmt = "jpg" if data["format"] == "jpeg" else data["format"]
        params = signing.field_params(data["fields_"])
        params += [(k, str(data[k])) for k in signing.OPTION_PARAMS if data.get(k) is not None]
        # The fields must fit the template now, not when someone opens the URL.
        plan(conn, caller, _public_request(template_id, fmt, params))
        path = f"/render/{template_id}.{fmt}"
        params.append((signing.SIGNATURE_PARAM, signing.sign(caller.account.signing_secret, path, params)))
        return {"url": f"{conn.settings.public_url.rstrip('/')}{path}?{urlencode(params)}"}


def _public_request(template_id: str, ext: str, params: list[tuple[str, str]],
                    anonymous: bool = False) -> RenderRequest:
    try:
        values = signing.fields_from_params(params)
    except ValueError as exc:
        raise ValidationFailed(str(exc), details={"field": "fields"}) from None
    options = dict(p for p in params if p[0] in signing.OPTION_PARAMS)
    try:
        quality = int(options["quality"]) if "quality" in options else None
        scale = float(options.get("scale", 1))
        page = int(options["page"]) if "page" in options else None
    except ValueError:
        raise ValidationFailed("quality, scale and page must be numbers.") from None
    return RenderRequest(template_id=template_id, fields=values, format=EXTENSIONS[ext], quality=quality,
                         scale=scale, page=page, metadata={"source": "url"}, anonymous=anonymous)


@blp.record_once
def _check_public_rate(state) -> None:
    """A mistyped PLATEN_PUBLIC_RENDER_RATE stops the start, not every public render later."""
    rate = state.app.extensions["platen"].settings.public_render_rate.strip()
    try:
        if rate:
            limits.parse(rate)
    except ValueError:
        raise ValueError(f"setting PLATEN_PUBLIC_RENDER_RATE must read like '30 per minute', got {rate!r}") from None


# An unsigned URL of a public template is anyone's to call: what it may ask for is bounded (SPEC section 6).
def _refuse_unsigned(template, req: RenderRequest, params: list[tuple[str, str]]) -> None:
    """No ``scale`` (a 4x render costs 16 times the work), and only the template's ``public_fields``."""
    make_one = f"make a signed URL with POST /api/v1/templates/{req.template_id}/signed-url"
    if any(name == "scale" for name, _ in params):
        raise Forbidden(f"scale is not accepted on an unsigned URL of a public template; {make_one} to render at "
                        "another scale.", details={"field": "scale"})
    refused = not_public(template, req.fields)
    if refused is not None:
        listed = ", ".join(template.public_fields) or "none"
        raise Forbidden(f"{refused}: this template's public URLs may set only its public_fields ({listed}); "
                        f"{make_one} to set other fields.", details={"field": refused})


def _count_anonymous_render(conn) -> None:
    """One new image drawn for an unsigned URL, counted per client address; past PLATEN_PUBLIC_RENDER_RATE a 429.
    Counted with the limiter's own storage and strategy (Redis), so every web process shares the count."""
    limiter = next(iter(current_app.extensions.get("limiter", ())), None)
    rate = conn.settings.public_render_rate.strip()
    if not rate or limiter is None or not limiter.enabled:
        return
    item = limits.parse(rate)
    who = (conn.settings.redis_prefix, "public-renders", request.remote_addr or "unknown")
    if limiter.limiter.hit(item, *who):
        return
    retry = max(1, math.ceil(limiter.limiter.get_window_stats(item, *who).reset_time - time.time()))
    raise RateLimited(f"Too many new images from public URLs for this address (at most {rate}); wait for the time "
                      "in the Retry-After header. Images made before are served as usual.",
                      headers={"Retry-After": str(retry)})


@blp.route("/render/<template_id>.<ext>")
@blp.doc(security=[], parameters=RENDER_URL_PARAMETERS,
         responses={200: {"content": binary(*FORMATS.values())},
                    304: {"description": "Not modified: the `If-None-Match` ETag is still this image's."}})
@blp.response(200, description="The rendered image, in the format the extension names.")
@blp.alt_response(402, response="PAYMENT_REQUIRED")
@blp.alt_response(403, response="FORBIDDEN")
@blp.alt_response(404, response="NOT_FOUND")
@blp.alt_response(429, response="TOO_MANY_REQUESTS")
def public_render(template_id, ext):
    """Render a template from its URL

    `GET /render/tpl_….png?title=Hello&s=…`: public templates need no signature; any other template needs
    the `s` that POST /templates/{id}/signed-url made. Cached: the same URL renders once.
    An unsigned URL of a public template is bounded: no `scale`, only the template's `public_fields` (403
    otherwise), new images rate-limited per client address (429), and at most a share of the account's credits
    (402).
    """
    if ext not in EXTENSIONS:
        raise NotFound(f"Render URLs end in .png, .jpg, .webp or .pdf, not .{ext}.")
    conn = connector()
    record = conn.templates.get_public(template_id)
    account = conn.accounts.get_account(record.account_id)
    params = list(request.args.items(multi=True))
    signed = signing.verify(account.signing_secret, request.path, params, request.args.get(signing.SIGNATURE_PARAM))
    if not record.public and not signed:
        raise Forbidden("This render URL's signature is missing or wrong. Make one with "
                        "POST /api/v1/templates/{id}/signed-url, or mark the template public.")
    who = Principal(account, ApiKey(id="url", account_id=account.id, label="render URL", mode="live", scopes=(),
                                    hint="", created_at=record.created_at))
    req = _public_request(template_id, ext, params, anonymous=not signed)
    planned = plan(conn, who, req)
    if not signed:
        _refuse_unsigned(planned[0], req, params)
    key = planned[4]
    if request.if_none_match.contains(key):
        response = current_app.response_class(status=304)
        response.set_etag(key)
        return response
    if not signed:
        if planned[5] is UNKNOWN:   # plan did not read it: read here, and handed on so the render need not again
            planned = (*planned[:5], conn.render_store.cached_json(account.id, key))
        if planned[5] is None:
            _count_anonymous_render(conn)
    cache_control = f"public, max-age={PUBLIC_MAX_AGE}"
    return _image(conn, render_and_wait(conn, who, req, PUBLIC_WAIT, planned), cache_control, key)


@blp.route("/api/v1/formats")
class Formats(MethodView):
    @documents(blp)
    @blp.response(200, FormatSchema(many=True))
    def get(self):
        """Size presets

        Common canvas sizes (width × height in px) for new templates and the `output_formats` of generations,
        with the `dpi` that makes the print sizes' PDFs real A4 or Letter pages; `pages: true` marks a carousel,
        which a generation makes as one template with a page per slide.
        """
        return [size.to_api() for size in SIZES]
