"""Polling triggers: ``GET /api/v1/triggers/{event}`` — what Zapier's performList and Make's polling trigger call."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields

from actions.common import connector, documents, principal, requires
from actions.schemas import ListArgsSchema, since_field
from connector.accounts.keys import Scope
from connector.events.store import EVENT_TYPES

blp = Blueprint("triggers", __name__, url_prefix="/api/v1/triggers",
                description="Polling triggers: the objects webhooks deliver as `data`, newest first.")


class TriggerArgsSchema(ListArgsSchema):
    since = since_field("An ISO 8601 time, or the id of an object (or event) this trigger returned: only newer "
                        "ones.", "evt", "rnd", "bat", "gen")
    template_id = fields.String(metadata={"description": "Only events of renders of this template."})


_OBJECTS = ("Render objects (`render.*`), batch objects (`batch.completed`) or generation objects "
            "(`generation.*`), newest first.")
_SCHEMA = {"type": "array", "items": {"oneOf": [{"$ref": "#/components/schemas/Render"},
                                                {"$ref": "#/components/schemas/Batch"},
                                                {"$ref": "#/components/schemas/Generation"}]}}


# Not an `any` converter: a typo gets a 404 that lists the triggers. The path parameter is documented here, on the
# route: a `parameters` list in the view's doc would replace the query parameters that `arguments` documents.
@blp.route("/<event>", parameters=[{"in": "path", "name": "event", "required": True,
                                    "schema": {"type": "string", "enum": list(EVENT_TYPES)}}])
class Trigger(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404, 422)
    @blp.arguments(TriggerArgsSchema, location="query")
    @blp.response(200, description=_OBJECTS)
    @blp.doc(responses={"200": {"description": _OBJECTS, "content": {"application/json": {"schema": _SCHEMA}}}})
    def get(self, args, event):
        """Poll a trigger

        A bare array of the objects that webhooks deliver as `data` for this event (`render.completed`,
        `render.failed`: render objects; `batch.completed`: batch objects; `generation.completed`,
        `generation.failed`: generation objects), newest first by when the event
        happened, each with its `id` (what Zapier and Make deduplicate on).
        """
        caller = principal()
        return connector().events.poll(caller.account.id, event, limit=args["limit"], page=args["page"],
                                       since=args.get("since"), template_id=args.get("template_id"),
                                       mode=caller.key.mode)
