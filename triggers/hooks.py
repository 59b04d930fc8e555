"""REST hooks: subscribe and unsubscribe (Zapier, Make, n8n), the delivery log, redelivery and test events."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from actions.common import connector, documents, idempotent, principal, requires
from actions.schemas import ListArgsSchema
from connector.accounts.keys import Scope
from connector.webhooks.hooks import account_secret, subscribe

from .hook_schemas import DeliverySchema, HookCreateSchema, HookQueryArgsSchema, HookSchema, SigningSecretSchema

blp = Blueprint("hooks", __name__, url_prefix="/api/v1/hooks",
                description="REST-hook subscriptions and their deliveries (scopes `hooks:read`, `hooks:write`). "
                            "Each delivery is a `POST` of `{\"type\", \"timestamp\", \"data\"}` signed per Standard "
                            "Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`).")


def _without_secret(body: dict) -> dict:
    """What an Idempotency-Key keeps of a new hook: not its secret, which would otherwise outlive an unsubscribe
    there for a day; a replay reads it from the hook itself, the one place it has to be readable (to sign)."""
    return {**body, "secret": None}


def _with_secret(body: dict) -> dict:
    """A replayed subscription, with the hook's secret as it is now (``null`` once the hook is deleted)."""
    hook = connector().hooks.load(body["id"])
    mine = hook is not None and hook.account_id == principal().account.id
    return {**body, "secret": hook.secret if mine else None}


@blp.route("")
class Hooks(MethodView):
    @requires(Scope.HOOKS_READ)
    @documents(blp)
    @blp.arguments(HookQueryArgsSchema, location="query")
    @blp.response(200, HookSchema(many=True))
    def get(self, args):
        """List hooks

        Newest first. `target_url` keeps the hooks with exactly that address (what n8n's `checkExists` asks).
        """
        return [h.to_dict() for h in connector().hooks.list(principal().account.id, args.get("target_url"),
                                                             limit=args["limit"], page=args["page"])]

    @requires(Scope.HOOKS_WRITE)
    @idempotent(blp, kept=_without_secret, replayed=_with_secret)
    @documents(blp, 422)
    @blp.arguments(HookCreateSchema)
    @blp.response(201, HookSchema)
    def post(self, data):
        """Subscribe a URL to an event

        Zapier's `performSubscribe`, Make's `attach`, n8n's `create`. The answer holds the hook's `secret`
        (`whsec_…`) to verify deliveries with any Standard Webhooks library. A private, loopback or link-local
        address, or a local name such as `localhost`, is refused (422 naming `target_url`).
        """
        caller = principal()
        return subscribe(connector(), caller.account.id, data["target_url"], data["event"], data.get("template_id"),
                         caller.key.mode).to_dict()


@blp.route("/signing-secret")
class SigningSecret(MethodView):
    @requires(Scope.HOOKS_READ)
    @documents(blp)
    @blp.response(200, SigningSecretSchema)
    def get(self):
        """Show the secret that signs per-render callbacks

        Deliveries to a render's own `webhook_url` are signed with this `whsec_…` secret, the same way hooks'
        deliveries are signed with each hook's `secret`.
        """
        return {"signing_secret": account_secret(principal().account)}


@blp.route("/<hook_id>")
class HookById(MethodView):
    @requires(Scope.HOOKS_READ)
    @documents(blp, 404)
    @blp.response(200, HookSchema)
    def get(self, hook_id):
        """Show a hook (with its secret)"""
        return connector().hooks.get(principal().account.id, hook_id).to_dict()

    @requires(Scope.HOOKS_WRITE)
    @documents(blp, 404)
    @blp.response(204)
    def delete(self, hook_id):
        """Unsubscribe

        Zapier's `performUnsubscribe`, Make's `detach`, n8n's `delete`. Deleting a hook that is already gone
        (or that a `410 Gone` answer removed) is a 404: treat it as done.
        """
        connector().hooks.delete(principal().account.id, hook_id)


@blp.route("/<hook_id>/deliveries")
class HookDeliveries(MethodView):
    @requires(Scope.HOOKS_READ)
    @documents(blp, 404)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, DeliverySchema(many=True))
    def get(self, args, hook_id):
        """List a hook's deliveries and their attempts

        Newest first, kept 30 days. Each attempt records its time, the status code (null when there was no
        answer), the duration, the error and the first 500 bytes of the answer.
        """
        return connector().deliveries.list(principal().account.id, hook_id, limit=args["limit"], page=args["page"])


@blp.route("/<hook_id>/deliveries/<delivery_id>")
class HookDelivery(MethodView):
    @requires(Scope.HOOKS_READ)
    @documents(blp, 404)
    @blp.response(200, DeliverySchema)
    def get(self, hook_id, delivery_id):
        """Show one delivery"""
        return connector().deliveries.get(principal().account.id, hook_id, delivery_id)


@blp.route("/<hook_id>/deliveries/<delivery_id>/retry")
class HookDeliveryRetry(MethodView):
    @requires(Scope.HOOKS_WRITE)
    @documents(blp, 404, 409)
    @blp.response(202, DeliverySchema)
    def post(self, hook_id, delivery_id):
        """Deliver again now

        A new attempt of the same delivery, whatever its status: same body, same `webhook-id`, a fresh
        timestamp and signature. A disabled hook sends nothing (409).
        """
        return connector().deliveries.retry(principal().account.id, hook_id, delivery_id)


@blp.route("/<hook_id>/test")
class HookTest(MethodView):
    @requires(Scope.HOOKS_WRITE)
    @documents(blp, 404, 409)
    @blp.response(202, DeliverySchema)
    def post(self, hook_id):
        """Send a test event

        Delivered like any other: the hook's event type, with the newest real object of that type as `data`
        (a realistic sample when there is none yet) and `"test": true` beside `type`, under a new `webhook-id`.
        """
        return connector().deliveries.send_test(principal().account.id, hook_id)
