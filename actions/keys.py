"""API keys: list, create (the secret shown once), revoke, validate."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from connector.accounts.keys import Scope
from connector.accounts.store import problem_message

from .common import connector, documents, idempotent, principal, requires
from .schemas import (
    KeyCreatedSchema,
    KeyCreateSchema,
    KeySchema,
    KeyValidateSchema,
    KeyValidationSchema,
    ListArgsSchema,
)

blp = Blueprint("keys", __name__, url_prefix="/api/v1/keys", description="API keys (scope `keys:write`).")

REPLAY_NOTE = ("This answer replays an earlier request with the same Idempotency-Key, which created this key and "
               "showed its secret that once. Platen stores only a digest of a key, so it cannot show it again: if "
               "the secret was lost, revoke {id} (DELETE /api/v1/keys/{id}) and create a new key.")


def _without_secret(body: dict) -> dict:
    """What an Idempotency-Key keeps of a new key for a replay: everything but the secret, and why it is missing."""
    return {**body, "key": None, "note": REPLAY_NOTE.format(id=body["id"])}


@blp.route("")
class Keys(MethodView):
    @requires(Scope.KEYS_WRITE)
    @documents(blp)
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, KeySchema(many=True))
    def get(self, args):
        """List this account's API keys

        Newest first. Secrets are never shown again; `hint` tells keys apart. Revoked keys are not listed.
        """
        return connector().accounts.list_keys(principal().account.id, limit=args["limit"], page=args["page"])

    @requires(Scope.KEYS_WRITE)
    @idempotent(blp, kept=_without_secret)
    @documents(blp, 409)
    @blp.arguments(KeyCreateSchema, required=False)
    @blp.response(201, KeyCreatedSchema)
    def post(self, data):
        """Create an API key

        The answer holds the secret `key`: this is the only time it is shown, so store it now.
        Without `scopes` the new key gets the scopes of the key making the call, and never more;
        without `mode` it gets that key's mode (a test key creates only test keys).
        A retry with the same `Idempotency-Key` creates nothing and answers the same key with `key: null` and a
        `note`: the secret is never stored, so it cannot be replayed.
        """
        caller = principal()
        key, secret = connector().accounts.create_key(
            caller.account.id, mode=data.get("mode", caller.key.mode), scopes=data.get("scopes"),
            label=data["label"], creator=caller.key)
        return {**key.to_dict(), "key": secret}


@blp.route("/<key_id>")
class KeyById(MethodView):
    @requires(Scope.KEYS_WRITE)
    @documents(blp, 404)
    @blp.response(200, KeySchema)
    def get(self, key_id):
        """Show one API key"""
        return connector().accounts.get_key(principal().account.id, key_id)

    @requires(Scope.KEYS_WRITE)
    @documents(blp, 404)
    @blp.response(204)
    def delete(self, key_id):
        """Revoke an API key

        Takes effect at once: the next call with that key is a 401 saying it was revoked.
        Revoking a key that is already revoked, or another account's, is a 404.
        """
        connector().accounts.revoke_key(principal().account.id, key_id)


@blp.route("/validate")
class KeyValidation(MethodView):
    @documents(blp)
    @blp.arguments(KeyValidateSchema, required=False)
    @blp.response(200, KeyValidationSchema)
    def post(self, data):
        """Check whether a key works

        Tells a typo (`checksum_mismatch`) from a `revoked` or `unknown` key, and shows what a valid key is
        (account, mode, scopes, label). Never returns the secret. Without `key`, checks the calling key.
        """
        caller = principal()
        if "key" not in data:
            key = caller.key
            problem = None
        else:
            problem, key = connector().accounts.inspect(data["key"])
        if problem is not None:
            return {"valid": False, "reason": problem.value, "message": problem_message(problem), "key_id": None,
                    "account_id": None, "mode": None, "label": None, "scopes": [], "created_at": None}
        return {"valid": True, "reason": "ok", "message": "This key is valid.", "key_id": key.id,
                "account_id": key.account_id, "mode": key.mode, "label": key.label, "scopes": list(key.scopes),
                "created_at": key.created_at}
