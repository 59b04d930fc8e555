"""Brand kits: colours, fonts and a logo that templates use through `@brand.…` tokens; a default one per account."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope

from .brand_schemas import BrandCreateSchema, BrandPatchSchema, BrandSchema
from .common import connector, documents, idempotent, principal, requires
from .schemas import ListArgsSchema

blp = Blueprint("brands", __name__, url_prefix="/api/v1/brands",
                description="Brand kits: colours, fonts and a logo for `@brand.…` tokens in templates (scopes "
                            "`templates:read`, `templates:write`).")


@blp.route("")
class Brands(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, BrandSchema(many=True))
    def get(self, args):
        """List brands

        Newest first. Every account has a default brand (`"default": true`; neutral colours and the installed
        default font until changed), made on first need.
        """
        return connector().brands.list(principal().account.id, limit=args["limit"], page=args["page"])

    @requires(Scope.TEMPLATES_WRITE)
    @idempotent(blp)
    @documents(blp, 422)
    @blp.arguments(BrandCreateSchema)
    @blp.response(201, BrandSchema)
    def post(self, data):
        """Create a brand

        Colours and fonts left out come from the neutral default. Fonts must be families this account can use
        (installed or uploaded with POST /fonts); a problem is a 422 naming the field (`colors.primary`).
        """
        return connector().brands.create(principal().account.id, data)


@blp.route("/<brand_id>")
class BrandById(MethodView):
    @requires(Scope.TEMPLATES_READ)
    @documents(blp, 404)
    @blp.response(200, BrandSchema)
    def get(self, brand_id):
        """Show a brand"""
        return connector().brands.get(principal().account.id, brand_id)

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 404, 409, 422)
    @blp.arguments(BrandPatchSchema)
    @blp.response(200, BrandSchema)
    def patch(self, data, brand_id):
        """Change a brand

        Send only what changes (colours and fonts merge by name; `"logo": null` removes the logo). Every change
        adds one to `version`, so the next render of a template using the brand draws the new values.
        `"default": true` makes it the account's default brand.
        """
        return connector().brands.patch(principal().account.id, brand_id, data)

    @requires(Scope.TEMPLATES_WRITE)
    @documents(blp, 404, 409)
    @blp.response(204)
    def delete(self, brand_id):
        """Delete a brand

        The default brand cannot be deleted (a 409: make another brand the default first). Templates that named
        this brand render with the account's default brand from then on.
        """
        connector().brands.delete(principal().account.id, brand_id)
