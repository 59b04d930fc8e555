"""Template versions: the history of a template, any saved version in full, restoring one, and If-Match."""

from __future__ import annotations

import re

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.runtime.errors import BadRequest

from .common import IDEMPOTENCY_HEADER_DOC, connector, documents, idempotent, principal, requires
from .schemas import ListArgsSchema
from .template_schemas import TemplateSchema, TemplateVersionSchema

blp = Blueprint("template_versions", __name__, url_prefix="/api/v1/templates",
                description="Every saved version of a template stays readable and renderable; restore brings one "
                            "back as a new version (scopes `templates:read`, `templates:write`).")

# The one spelling of a version in If-Match, for the server and the OpenAPI document alike: 3, "3", W/"3" (what
# an HTTP client echoing an ETag sends); leading zeros aside, 1 to 18 digits (a version is at least 1).
_VERSION_TEXT = r'(?:W/)?"?0*([1-9][0-9]{0,17})"?'
_VERSION = re.compile(_VERSION_TEXT)

IF_MATCH_DOC = {
    "in": "header", "name": "If-Match", "required": False,
    "schema": {"type": "string", "pattern": rf"^(?:\*|{_VERSION_TEXT})$", "example": "3"},
    "description": "The `version` you loaded and edited (`3`, or `\"3\"`). When the template has been saved since, "
                   "the change is refused with a 409 `conflict` naming both versions, so no edit is lost silently. "
                   "`*` or no header: save whatever the current version is."}


def expected_version() -> int | None:
    """The version ``If-Match`` names, None without one (or ``*``); anything else is a 400 saying what to send."""
    value = request.headers.get("If-Match")
    if value is None or value.strip() == "*":
        return None
    match = _VERSION.fullmatch(value.strip())
    if match is None:
        raise BadRequest(f"If-Match must be the template version you edited, a whole number such as 3 (or \"3\"), "
                         f"not {value[:40]!r}.", details={"header": "If-Match"})
    return int(match.group(1))


@blp.route("/<template_id>/versions")
class TemplateVersions(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, TemplateVersionSchema(many=True))
    def get(self, args, template_id):
        """List a template's versions

        Newest first: `version`, when it was saved, the template's `name` then and the size of its JSON. Every
        version is kept, even after the template changes; each can be read, rendered (`template_version` on
        POST /renders) and restored.
        """
        return connector().templates.history(principal().account.id, template_id, limit=args["limit"],
                                             page=args["page"])


@blp.route("/<template_id>/versions/<int:version>")
class TemplateVersion(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.response(200, TemplateSchema)
    def get(self, template_id, version):
        """Show a version of a template

        The whole template as saved at that version (`updated_at` is when that version was saved). A version
        the template never had is a 404.
        """
        return connector().templates.at_version(principal().account.id, template_id, version).to_dict()


@blp.route("/<template_id>/versions/<int:version>/restore")
class TemplateVersionRestore(MethodView):
    @requires(Scope.TEMPLATES_WRITE)
    @blp.doc(parameters=[IF_MATCH_DOC, IDEMPOTENCY_HEADER_DOC])   # (a list given twice: the outer one is kept)
    @idempotent(blp)
    @documents(blp, 400, 404, 409)
    @blp.response(201, TemplateSchema)
    def post(self, template_id, version):
        """Restore a version

        Saves that version's content as a new version and answers with the template. Restoring the content
        the template has now makes no new version. Takes `If-Match` like PUT.
        """
        return connector().templates.restore(principal().account.id, template_id, version,
                                             expected_version()).to_dict()
