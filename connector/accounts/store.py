"""Accounts and their API keys, kept in Redis; keys only as digests."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass

from connector.accounts import keys as keyfmt
from connector.accounts.keys import KeyMode, KeyProblem
from connector.runtime.clock import isoformat, new_id, parse_iso, utcnow
from connector.runtime.errors import Forbidden, NotFound, Unauthorized, ValidationFailed

LAST_USED_RESOLUTION = 60  # seconds: last_used_at is refreshed at most this often, not on every call

_PROBLEM_MESSAGES = {
    KeyProblem.MISSING: "Send your API key in the X-API-Key header (or as 'Authorization: Bearer <key>').",
    KeyProblem.MALFORMED: "That is not a Platen API key: keys look like plt_live_… or plt_test_…; copy the whole key.",
    KeyProblem.CHECKSUM: "That API key has a typo: its checksum does not match. Copy the key again, in full.",
    KeyProblem.UNKNOWN: "That API key is not recognised. Create a key and use it instead.",
    KeyProblem.REVOKED: "That API key has been revoked. Create a new key and use it instead.",
}


def problem_message(problem: KeyProblem) -> str:
    return _PROBLEM_MESSAGES[problem]


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    email: str
    monthly_credits: int | None
    signing_secret: str
    created_at: str

    @classmethod
    def from_redis(cls, raw: dict) -> Account:
        credits = raw.get("monthly_credits", "")
        return cls(id=raw["id"], name=raw["name"], email=raw.get("email", ""),
                   monthly_credits=int(credits) if credits else None,
                   signing_secret=raw["signing_secret"], created_at=raw["created_at"])


@dataclass(frozen=True)
class ApiKey:
    id: str
    account_id: str
    label: str
    mode: str
    scopes: tuple[str, ...]
    hint: str
    created_at: str
    last_used_at: str | None = None
    revoked_at: str | None = None

    @classmethod
    def from_redis(cls, raw: dict) -> ApiKey:
        return cls(id=raw["id"], account_id=raw["account_id"], label=raw.get("label", ""), mode=raw["mode"],
                   scopes=tuple(s for s in raw.get("scopes", "").split(" ") if s), hint=raw["hint"],
                   created_at=raw["created_at"], last_used_at=raw.get("last_used_at") or None,
                   revoked_at=raw.get("revoked_at") or None)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["scopes"] = list(self.scopes)
        return out


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key that authenticated the request and its account."""

    account: Account
    key: ApiKey

    def require(self, scope: str) -> None:
        if scope not in self.key.scopes:
            raise Forbidden(f"This API key lacks the '{scope}' scope. Use a key that has it, or create one that does.",
                            details={"missing_scope": scope})


# A key's digest -> its record and its account's, in one round trip (every authenticated request does this).
# The key and account names are built here, from the prefix: Platen runs on one Redis, not a cluster.
_LOOKUP = """
local key_id = redis.call('GET', KEYS[1])
if not key_id then return {} end
local key = redis.call('HGETALL', ARGV[1] .. ':key:' .. key_id)
if #key == 0 then return {} end
local account_id = redis.call('HGET', ARGV[1] .. ':key:' .. key_id, 'account_id')
return {key, redis.call('HGETALL', ARGV[1] .. ':account:' .. account_id)}
"""


def _pairs(flat: list) -> dict:
    return dict(zip(flat[::2], flat[1::2], strict=True))


class AccountStore:
    """Accounts and keys under ``<prefix>:account:*`` and ``<prefix>:key:*``."""

    def __init__(self, redis, prefix: str):
        self.redis = redis
        self.p = prefix
        self._lookup = redis.register_script(_LOOKUP)

    # --- accounts -------------------------------------------------------------------------------------------
    def create_account(self, name: str, email: str = "",
                       monthly_credits: int | None = None) -> tuple[Account, ApiKey, str]:
        """A new account with its first live key, which holds every scope. Returns the key's secret once."""
        name = (name or "").strip()
        if not name:
            raise ValidationFailed("The account needs a name.", details={"field": "name"})
        now = utcnow()
        account = Account(id=new_id("acct"), name=name, email=(email or "").strip(), monthly_credits=monthly_credits,
                          signing_secret="whsec_" + secrets.token_urlsafe(32), created_at=isoformat(now))
        raw = {k: ("" if v is None else str(v)) for k, v in asdict(account).items()}
        pipe = self.redis.pipeline()
        pipe.hset(f"{self.p}:account:{account.id}", mapping=raw)
        pipe.zadd(f"{self.p}:accounts", {account.id: now.timestamp()})
        pipe.execute()
        key, secret = self.create_key(account.id, mode=KeyMode.LIVE, scopes=keyfmt.ALL_SCOPES, label="first key")
        return account, key, secret

    def get_account(self, account_id: str) -> Account:
        raw = self.redis.hgetall(f"{self.p}:account:{account_id}")
        if not raw:
            raise NotFound(f"There is no account {account_id}.")
        return Account.from_redis(raw)

    def count_accounts(self) -> int:
        return self.redis.zcard(f"{self.p}:accounts")

    def list_accounts(self) -> list[Account]:
        ids = self.redis.zrange(f"{self.p}:accounts", 0, -1)
        return [self.get_account(i) for i in ids]

    # --- keys -----------------------------------------------------------------------------------------------
    def create_key(self, account_id: str, *, mode: KeyMode | str = KeyMode.LIVE, scopes=None, label: str = "",
                   creator: ApiKey | None = None) -> tuple[ApiKey, str]:
        """A new key for ``account_id``. Without ``scopes`` it gets its creator's (or all, from the CLI).

        A key can never grant more than its creator holds, and a test key creates only test keys.
        """
        self.get_account(account_id)
        try:
            mode = KeyMode(mode)
        except ValueError:
            raise ValidationFailed("mode must be 'live' or 'test'.", details={"field": "mode"}) from None
        if creator is not None and creator.mode == KeyMode.TEST.value and mode is KeyMode.LIVE:
            raise Forbidden("A test-mode key can only create test-mode keys.", details={"field": "mode"})
        if scopes is None:
            scopes = creator.scopes if creator is not None else keyfmt.ALL_SCOPES
        try:
            scopes = keyfmt.normalize_scopes(scopes)
        except ValueError as exc:
            raise ValidationFailed(f"scopes: {exc}.", details={"field": "scopes"}) from None
        if creator is not None:
            beyond = [s for s in scopes if s not in creator.scopes]
            if beyond:
                raise Forbidden(f"A key cannot grant scopes it does not hold itself: {', '.join(beyond)}.",
                                details={"field": "scopes", "missing_scope": beyond[0]})
        label = (label or "").strip()
        if len(label) > 100:
            raise ValidationFailed("label: at most 100 characters.", details={"field": "label"})
        secret = keyfmt.generate(mode)
        now = utcnow()
        key = ApiKey(id=new_id("key"), account_id=account_id, label=label, mode=mode.value, scopes=tuple(scopes),
                     hint=keyfmt.hint(secret), created_at=isoformat(now))
        pipe = self.redis.pipeline()
        pipe.hset(f"{self.p}:key:{key.id}", mapping={
            "id": key.id, "account_id": account_id, "label": label, "mode": key.mode, "scopes": " ".join(scopes),
            "hint": key.hint, "created_at": key.created_at, "digest": keyfmt.digest(secret)})
        pipe.set(f"{self.p}:keydigest:{keyfmt.digest(secret)}", key.id)
        pipe.zadd(f"{self.p}:account:{account_id}:keys", {key.id: now.timestamp()})
        pipe.execute()
        return key, secret

    def _load_key(self, key_id: str) -> tuple[ApiKey, str] | None:
        raw = self.redis.hgetall(f"{self.p}:key:{key_id}")
        return (ApiKey.from_redis(raw), raw.get("digest", "")) if raw else None

    def get_key(self, account_id: str, key_id: str) -> ApiKey:
        """A live (not revoked) key of this account; anything else is a 404."""
        found = self._load_key(key_id)
        if not found or found[0].account_id != account_id or found[0].revoked_at:
            raise NotFound(f"There is no API key {key_id}.")
        return found[0]

    def list_keys(self, account_id: str, *, limit: int = 20, page: int = 0) -> list[ApiKey]:
        ids = self.redis.zrevrange(f"{self.p}:account:{account_id}:keys", page * limit, page * limit + limit - 1)
        return [found[0] for found in (self._load_key(i) for i in ids) if found]

    def revoke_key(self, account_id: str, key_id: str) -> ApiKey:
        """Revoke at once: the next request with it is a 401 that says it was revoked."""
        key = self.get_key(account_id, key_id)
        pipe = self.redis.pipeline()
        pipe.hset(f"{self.p}:key:{key_id}", "revoked_at", isoformat(utcnow()))
        pipe.zrem(f"{self.p}:account:{account_id}:keys", key_id)
        pipe.execute()
        return key

    def inspect(self, secret: str) -> tuple[KeyProblem | None, ApiKey | None]:
        """What a key string is: its problem (or ``None``) and, when it exists, its record."""
        problem, key, _ = self._find(secret)
        return problem, key

    def _find(self, secret: str) -> tuple[KeyProblem | None, ApiKey | None, dict]:
        """``inspect``, plus the key's account as stored ({} when there is no such key or account)."""
        problem = keyfmt.check_format(secret)
        if problem:
            return problem, None, {}
        wanted = keyfmt.digest(secret)
        found = self._lookup(keys=[f"{self.p}:keydigest:{wanted}"], args=[self.p])
        key_raw = _pairs(found[0]) if found else {}
        if not key_raw or not secrets.compare_digest(key_raw.get("digest", ""), wanted):
            return KeyProblem.UNKNOWN, None, {}
        key = ApiKey.from_redis(key_raw)
        return (KeyProblem.REVOKED if key.revoked_at else None), key, _pairs(found[1])

    def authenticate(self, secret: str) -> Principal:
        """The principal for a key, or ``Unauthorized`` saying why not. One round trip to Redis (two when the
        key's ``last_used_at`` is due for an update)."""
        problem, key, account_raw = self._find(secret)
        if problem:
            raise Unauthorized(problem_message(problem), details={"reason": problem.value})
        if not account_raw:
            raise Unauthorized(problem_message(KeyProblem.UNKNOWN), details={"reason": KeyProblem.UNKNOWN.value})
        self._touch(key)
        return Principal(account=Account.from_redis(account_raw), key=key)

    def _touch(self, key: ApiKey) -> None:
        now = utcnow()
        if key.last_used_at and (now - parse_iso(key.last_used_at)).total_seconds() < LAST_USED_RESOLUTION:
            return
        self.redis.hset(f"{self.p}:key:{key.id}", "last_used_at", isoformat(now))
