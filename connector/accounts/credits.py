"""Credits: a monthly allowance per account that fresh renders draw on, charged at most once per render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from connector.accounts.store import Account
from connector.runtime import scripts
from connector.runtime.clock import isoformat, utcnow
from connector.runtime.errors import InsufficientCredits

_KEEP = 100 * 24 * 3600  # counters and charge markers outlive their month, so late refunds still find them

# Atomically: a charge id already seen is a no-op; otherwise charge only if the allowance covers it, and, for
# an anonymous render (KEYS[3], the counter of the public share), only if the public share covers it too.
# The marker names the counters to give back to: "<amount> <counter>[\n<public counter>]".
_CHARGE = """
if redis.call('EXISTS', KEYS[2]) == 1 then return {1, tonumber(redis.call('GET', KEYS[1]) or '0')} end
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return {0, used} end
local marker = ARGV[1] .. ' ' .. KEYS[1]
if KEYS[3] then
  local public = tonumber(redis.call('GET', KEYS[3]) or '0')
  if public + tonumber(ARGV[1]) > tonumber(ARGV[4]) then return {0, public, 1} end
  redis.call('INCRBY', KEYS[3], ARGV[1])
  redis.call('EXPIRE', KEYS[3], ARGV[3])
  marker = marker .. '\\n' .. KEYS[3]
end
used = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], marker, 'EX', ARGV[3])
return {1, used}
"""

# A render accepted while Redis failed mid-request may not be charged yet: its worker charges it, once, whatever
# the allowance (it was accepted).
_ENSURE = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1] .. ' ' .. KEYS[1], 'EX', ARGV[2])
return 1
"""

_REFUND = """
local marker = redis.call('GET', KEYS[1])
if not marker then return 0 end
local amount, counters = string.match(marker, '^(%d+) (.+)$')
for counter in string.gmatch(counters, '[^\\n]+') do redis.call('DECRBY', counter, amount) end
redis.call('DEL', KEYS[1])
return tonumber(amount)
"""


@dataclass(frozen=True)
class Usage:
    period_start: str
    period_end: str
    limit: int
    used: int

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    def to_dict(self) -> dict:
        return {"period_start": self.period_start, "period_end": self.period_end, "limit": self.limit,
                "used": self.used, "remaining": self.remaining}


def period_of(moment: datetime) -> tuple[datetime, datetime]:
    """The calendar month (UTC) that holds ``moment``: [start, end)."""
    start = datetime(moment.year, moment.month, 1, tzinfo=UTC)
    end = datetime(moment.year + (moment.month == 12), moment.month % 12 + 1, 1, tzinfo=UTC)
    return start, end


class Credits:
    """Counters under ``<prefix>:usage:<account>:<YYYY-MM>``, charge markers under ``<prefix>:charge:<id>``."""

    def __init__(self, redis, prefix: str, default_allowance: int):
        self.redis = redis
        self.p = prefix
        self.default_allowance = default_allowance
        self._charge = scripts.register(redis, _CHARGE)
        self._refund = scripts.register(redis, _REFUND)
        self._ensure = scripts.register(redis, _ENSURE)

    def allowance(self, account: Account) -> int:
        return self.default_allowance if account.monthly_credits is None else account.monthly_credits

    def _counter(self, account_id: str, moment: datetime) -> str:
        return f"{self.p}:usage:{account_id}:{moment:%Y-%m}"

    def public_allowance(self, account: Account, share: float) -> int:
        """The credits unsigned public URLs may use in a month: ``share`` of the allowance, rounded down."""
        return int(Decimal(str(share)) * self.allowance(account))   # exact: 0.29 of 100 is 29, not 28.99…

    def public_usage(self, account: Account, share: float, now: datetime | None = None) -> dict:
        """What unsigned public URLs may draw this month and have drawn."""
        used = int(self.redis.get(self._counter(account.id, now or utcnow()) + ":public") or 0)
        return {"public_limit": self.public_allowance(account, share), "public_used": used}

    def usage(self, account: Account, now: datetime | None = None) -> Usage:
        now = now or utcnow()
        start, end = period_of(now)
        used = int(self.redis.get(self._counter(account.id, now)) or 0)
        return Usage(period_start=isoformat(start), period_end=isoformat(end), limit=self.allowance(account), used=used)

    def charge(self, account: Account, amount: int, charge_id: str, now: datetime | None = None, *,
               public_share: float | None = None, pipe=None):
        """Draw ``amount`` credits once for ``charge_id`` (a render id); charging the same id again costs nothing.

        ``public_share``: an anonymous render (an unsigned public URL), which may also use only that share of the
        allowance, so strangers cannot spend all of an account's credits. Returns the credits used this month;
        raises ``InsufficientCredits`` when the allowance (or the public share) does not cover it. With ``pipe``
        the charge is queued on it (a render's, stored in the same transaction) and this returns a function that
        takes the pipe's answer for it and returns or raises as above.
        """
        now = now or utcnow()
        limit = self.allowance(account)
        keys, args = [self._counter(account.id, now), f"{self.p}:charge:{charge_id}"], [amount, limit, _KEEP]
        if public_share is not None:
            keys.append(self._counter(account.id, now) + ":public")
            args.append(self.public_allowance(account, public_share))

        def outcome(answer) -> int:
            ok, used, *public = answer
            if public:
                raise self._public_share_spent(args[3], int(used), now)
            if not ok:
                raise self._insufficient(limit, int(used), amount, now)
            return int(used)

        if pipe is not None:
            self._charge(keys=keys, args=args, client=pipe)
            return outcome
        return outcome(self._charge(keys=keys, args=args))

    def charge_many(self, account: Account, charges: list[tuple[str, int]], now: datetime | None = None) -> list:
        """``charge`` for many (charge id, amount) pairs in one round trip, in order; each item is the credits used
        this month after it, or an ``InsufficientCredits`` when the allowance did not cover that one."""
        now = now or utcnow()
        limit, counter = self.allowance(account), self._counter(account.id, now)
        pipe = self.redis.pipeline(transaction=False)
        for charge_id, amount in charges:
            self._charge(keys=[counter, f"{self.p}:charge:{charge_id}"], args=[amount, limit, _KEEP], client=pipe)
        out = []
        for (_, amount), (ok, used) in zip(charges, pipe.execute(), strict=True):
            out.append(int(used) if ok else self._insufficient(limit, int(used), amount, now))
        return out

    @staticmethod
    def _insufficient(limit: int, used: int, amount: int, now: datetime) -> InsufficientCredits:
        _, end = period_of(now)
        return InsufficientCredits(
            f"This account has used {used} of its {limit} credits this month and this needs {amount}; "
            f"credits renew on {end:%Y-%m-%d}.",
            details={"limit": limit, "used": used, "needed": amount, "period_end": isoformat(end)})

    def ensure_charged(self, account_id: str, amount: int, charge_id: str, pipe=None,
                       now: datetime | None = None) -> None:
        """Charge ``charge_id`` unless it was charged already, without checking the allowance: for a render that
        was accepted (stored) but whose charge may not have been made before Redis went away."""
        now = now or utcnow()
        self._ensure(keys=[self._counter(account_id, now), f"{self.p}:charge:{charge_id}"], args=[amount, _KEEP],
                     client=pipe)

    @staticmethod
    def _public_share_spent(limit: int, used: int, now: datetime) -> InsufficientCredits:
        _, end = period_of(now)
        return InsufficientCredits(
            f"This account's public (unsigned) image URLs have used their share of its credits this month ({used} of "
            f"{limit}); signed URLs and the API still render. The share renews on {end:%Y-%m-%d}.",
            details={"limit": limit, "used": used, "public_share": True, "period_end": isoformat(end)})

    def refund_many(self, charge_ids: list[str]) -> int:
        """``refund`` for many charge ids in one round trip; the credits given back in all."""
        if not charge_ids:
            return 0
        pipe = self.redis.pipeline(transaction=False)
        for charge_id in charge_ids:
            self._refund(keys=[f"{self.p}:charge:{charge_id}"], client=pipe)
        return sum(int(n) for n in pipe.execute())

    def refund(self, charge_id: str, pipe=None) -> int | None:
        """Give back what ``charge_id`` drew (a render that failed); a second refund gives back nothing. With
        ``pipe``, queued on it (a failed render's own transaction) and None."""
        given = self._refund(keys=[f"{self.p}:charge:{charge_id}"], client=pipe)
        return None if pipe is not None else int(given)
