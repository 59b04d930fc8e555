"""The editor's preview: ``POST /api/v1/templates/preview`` draws a template at once and says where each layer went."""

from __future__ import annotations

from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.renders.previews import preview

from .common import connector, documents, principal, requires
from .preview_schemas import PreviewCreateSchema, PreviewSchema

blp = Blueprint("previews", __name__, url_prefix="/api/v1/templates/preview",
                description="The editor's live preview (scope `templates:read`).")


@blp.route("", methods=["POST"])
@requires(Scope.TEMPLATES_READ)
@documents(blp, 400, 422)
@blp.arguments(PreviewCreateSchema)
@blp.response(200, PreviewSchema)
def create_preview(data):
    """Preview a template

    Draws one page of a template, saved or not, with the given field values, exactly as a render would (this
    account's fonts and assets, text fitting, fallback fonts), and answers at once with the image as a data URL
    and where every layer went: `box` (`[x, y, width, height]`), and for text the `font_size` it was drawn at
    after fitting and its `lines` as laid out. Boxes are in template pixels whatever `scale`, before the layer's
    rotation. Hidden layers, and layers left out by `shown_with`, are listed with `drawn: false`.

    Nothing is stored, no credit is spent and test keys get no watermark: a preview is not an output. Previews
    have a rate limit of their own (`PLATEN_RATE_LIMIT_PREVIEWS`, 1200 a minute per key by default), apart from
    renders. A template that does not validate is a 422 whose `details.path` names the property
    (`layers[2].font_size`); an image layer with `on_error: fail` whose source cannot be used is a 422
    `render_failed`.
    """
    return preview(connector(), principal().account.id, data["template"], data["fields_"], page=data["page"],
                   scale=data["scale"], format=data["format"], brand_id=data.get("brand_id"))
