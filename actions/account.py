"""The calling account: who am I (the auth test) and how many credits are left."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from .common import connector, documents, principal
from .schemas import MeSchema, UsageSchema

blp = Blueprint("account", __name__, url_prefix="/api/v1", description="The calling account and its credits.")


@blp.route("/me")
class Me(MethodView):
    @documents(blp)
    @blp.response(200, MeSchema)
    def get(self):
        """Who this key is (the connection test)

        Zapier, Make and n8n call this to test a connection. A flat object; strings are never null.
        """
        caller = principal()
        usage = connector().credits.usage(caller.account)
        return {"account_id": caller.account.id, "account_name": caller.account.name, "email": caller.account.email,
                "key_id": caller.key.id, "key_label": caller.key.label, "mode": caller.key.mode,
                "scopes": list(caller.key.scopes), "credits_remaining": usage.remaining}


@blp.route("/usage")
class Usage(MethodView):
    @documents(blp)
    @blp.response(200, UsageSchema)
    def get(self):
        """This month's credits

        The allowance renews on the first of each month (UTC). A fresh render draws one credit (a PDF one
        per page); a cached repeat and any render made with a test key draw none. `public_used` of them were
        drawn by unsigned URLs of public templates, which stop at `public_limit`.
        """
        conn, account = connector(), principal().account
        return {**conn.credits.usage(account).to_dict(),
                **conn.credits.public_usage(account, conn.settings.public_credit_share)}
