"""Callbacks: the delivery log of the ``webhook_url`` a render, a batch or a generation was created with."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from actions.common import connector, documents, principal, requires
from connector.accounts.keys import Scope

from .hook_schemas import DeliverySchema

blp = Blueprint("callbacks", __name__, url_prefix="/api/v1/renders",
                description="Deliveries to the `webhook_url` a render was created with.")


@blp.route("/<render_id>/deliveries")
class RenderDeliveries(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(blp, 404)
    @blp.response(200, DeliverySchema(many=True))
    def get(self, render_id):
        """A render's callback deliveries

        Every attempt to call the `webhook_url` given when the render was created: status code, duration,
        error and the start of the reply. `[]` when the render had no `webhook_url` or has not finished.
        """
        conn = connector()
        account_id = principal().account.id
        conn.render_store.get(account_id, render_id)   # another account's render: 404
        return conn.deliveries.for_object(account_id, render_id, ("render.completed", "render.failed"))


batch_callbacks = Blueprint("batch_callbacks", __name__, url_prefix="/api/v1/batches",
                            description="Deliveries to the `webhook_url` a batch was created with.")


@batch_callbacks.route("/<batch_id>/deliveries")
class BatchDeliveries(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(batch_callbacks, 404)
    @batch_callbacks.response(200, DeliverySchema(many=True))
    def get(self, batch_id):
        """A batch's callback deliveries

        Every attempt to deliver `batch.completed` to the batch's own `webhook_url`. `[]` when it had none or is
        still running.
        """
        conn = connector()
        account_id = principal().account.id
        conn.batches.get(account_id, batch_id)   # another account's batch: 404
        return conn.deliveries.for_object(account_id, batch_id, ("batch.completed",))


generation_callbacks = Blueprint("generation_callbacks", __name__, url_prefix="/api/v1/generations",
                                 description="Deliveries to the `webhook_url` a generation was created with.")


@generation_callbacks.route("/<generation_id>/deliveries")
class GenerationDeliveries(MethodView):
    @requires(Scope.RENDERS_READ)
    @documents(generation_callbacks, 404)
    @generation_callbacks.response(200, DeliverySchema(many=True))
    def get(self, generation_id):
        """A generation's callback deliveries

        Every attempt to deliver `generation.completed` or `generation.failed` to the generation's own
        `webhook_url`. `[]` when it had none or has not finished.
        """
        conn = connector()
        account_id = principal().account.id
        conn.generations.get(account_id, generation_id)   # another account's generation: 404
        return conn.deliveries.for_object(account_id, generation_id, ("generation.completed", "generation.failed"))
