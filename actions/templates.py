"""Templates: create, list, read, replace, patch and delete them, and discover their fields for each platform."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.templates.examples import list_examples, load_example
from connector.templates.fields import fields_as
from connector.templates.store import validate_template

from .common import connector, documents, idempotent, principal, requires
from .field_schemas import FIELDS_RESPONSE
from .template_schemas import (
    ExampleCopySchema,
    ExampleSchema,
    FieldsOfTemplateSchema,
    FieldsQueryArgsSchema,
    TemplateCreateSchema,
    TemplatePatchSchema,
    TemplateQueryArgsSchema,
    TemplateReadArgsSchema,
    TemplateSchema,
    TemplateSummarySchema,
)
from .template_versions import IF_MATCH_DOC, expected_version

blp = Blueprint("templates", __name__, url_prefix="/api/v1/templates",
                description="Templates and their fields (scopes `templates:read`, `templates:write`).")

_LIST_RESPONSE = {200: {"content": {"application/json": {"schema": {"anyOf": [
    {"type": "array", "items": TemplateSchema, "description": "`view=full` (the default)"},
    {"type": "array", "items": TemplateSummarySchema, "description": "`view=summary`"}]}}}}}


@blp.route("")
class Templates(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp)
    @blp.arguments(TemplateQueryArgsSchema, location="query")
    @blp.response(200, description="The templates, newest first: whole, or summaries with `view=summary`.")
    @blp.doc(responses=_LIST_RESPONSE)
    def get(self, args):
        """List templates

        Newest first. `q` keeps those whose name contains it (ignoring case); `view=summary` leaves the layers
        out: what a Zapier, Make or n8n template dropdown calls.
        """
        records = connector().templates.list(principal().account.id, q=args["q"], limit=args["limit"],
                                             page=args["page"])
        if args["view"] == "summary":
            return TemplateSummarySchema(many=True).dump([r.summary() for r in records])
        return TemplateSchema(many=True).dump([r.to_dict() for r in records])

    @requires(Scope.TEMPLATES_WRITE)
    @idempotent(blp)
    @documents(blp, 409)
    @blp.arguments(TemplateCreateSchema)
    @blp.response(201, TemplateSchema)
    def post(self, data):
        """Create a template

        The template is checked in full: a problem is a 422 whose message and `details.path` name the exact
        place (`layers[3].font_size`). The new template is version 1.
        """
        _check_brand(data)
        return connector().templates.create(principal().account.id, data).to_dict()


def _check_brand(data: dict) -> None:
    """A template's ``brand_id`` must be one of this account's brands (a 422 naming it); null or none is the
    default brand."""
    if isinstance(data, dict) and isinstance(data.get("brand_id"), str):
        connector().brands.check_id(principal().account.id, data["brand_id"])


@blp.route("/<template_id>")
class TemplateById(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.arguments(TemplateReadArgsSchema, location="query")
    @blp.response(200, TemplateSchema)
    def get(self, args, template_id):
        """Show a template

        The latest version, or with `?version=` any saved one (a version it never had is a 404).
        """
        templates, account_id = connector().templates, principal().account.id
        if args.get("version") is not None:
            return templates.at_version(account_id, template_id, args["version"]).to_dict()
        return templates.get(account_id, template_id).to_dict()

    @requires(Scope.TEMPLATES_WRITE)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @documents(blp, 400, 404, 409)
    @blp.arguments(TemplateCreateSchema)
    @blp.response(200, TemplateSchema)
    def put(self, data, template_id):
        """Replace a template

        The body is the whole new template. A change makes a new `version`; sending the template unchanged
        keeps the version it has. Every earlier version stays readable and renderable (GET …/versions). With
        `If-Match: <version>`, a template saved by someone else since that version is a 409 `conflict`.
        """
        _check_brand(data)
        return connector().templates.replace(principal().account.id, template_id, data,
                                             expected_version()).to_dict()

    @requires(Scope.TEMPLATES_WRITE)
    @blp.doc(parameters=[IF_MATCH_DOC])
    @documents(blp, 400, 404, 409)
    @blp.arguments(TemplatePatchSchema)
    @blp.response(200, TemplateSchema)
    def patch(self, data, template_id):
        """Change part of a template

        A JSON merge patch (RFC 7396): send only what changes, `null` to remove a property; arrays such as
        `layers` are replaced whole. A new `version` is made only when the template actually changes. Takes
        `If-Match: <version>` like PUT.
        """
        _check_brand(data)
        return connector().templates.patch(principal().account.id, template_id, data, expected_version()).to_dict()

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 404)
    @blp.response(204)
    def delete(self, template_id):
        """Delete a template

        It disappears from lists and can no longer be rendered by id; renders made from it keep their files.
        Deleting it again, or deleting another account's template, is a 404.
        """
        connector().templates.delete(principal().account.id, template_id)


@blp.route("/<template_id>/fields")
class TemplateFields(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.arguments(FieldsQueryArgsSchema, location="query")
    @blp.response(200, description="The fields, in layer order, in the requested format.")
    @blp.doc(responses=FIELDS_RESPONSE)
    def get(self, args, template_id):
        """List a template's fields for Zapier, Make, n8n or a form

        One field per editable layer, plus one per property a layer lists in `fields` (named `layer.property`).
        Every `key`, `name` or `id` returned is exactly what `POST /renders` accepts in `fields`.
        """
        record = connector().templates.get(principal().account.id, template_id)
        return fields_as(record.template, args["format"])


@blp.route("/fields", methods=["POST"])
@requires(Scope.TEMPLATES_READ)
@documents(blp, 422)
@blp.arguments(FieldsQueryArgsSchema, location="query")
@blp.arguments(FieldsOfTemplateSchema)
@blp.response(200, description="The fields, in layer order, in the requested format.")
@blp.doc(responses=FIELDS_RESPONSE)
def fields_of_template(args, data):
    """List the fields of a template body (saved or not)

    The same answer as GET /templates/{id}/fields, for a template sent in the body: what a form builder (the
    dashboard editor's sample data) needs while the template is still being edited. Nothing is stored. A template
    that does not validate is a 422 whose `details.path` names the property (`layers[2].font_size`).
    """
    return fields_as(validate_template(data["template"]), args["format"])


@blp.route("/examples")
class Examples(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp)
    @blp.response(200, ExampleSchema(many=True))
    def get(self):
        """List starter templates

        The nine starter templates that ship with Platen (OG card, Instagram quote, certificate, carousel, …);
        copy one into your account with POST /templates/examples/{name}.
        """
        return list_examples()


@blp.route("/examples/<name>")
class ExampleCopy(MethodView):
    @requires(Scope.TEMPLATES_WRITE)
    @idempotent(blp)
    @documents(blp, 404, 409)
    @blp.arguments(ExampleCopySchema)
    @blp.response(201, TemplateSchema)
    def post(self, data, name):
        """Copy a starter template

        Creates a template of your own from a starter template, its images included (as `data:` URLs), ready to
        render and to edit. `name` renames the copy.
        """
        template = load_example(name)
        if data.get("name"):
            template["name"] = data["name"]
        return connector().templates.create(principal().account.id, template).to_dict()
