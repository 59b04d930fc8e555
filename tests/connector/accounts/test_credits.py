"""Credits: monthly periods, an allowance that runs out, charges never taken twice, refunds."""

from datetime import UTC, datetime

import pytest

from connector.accounts.credits import period_of
from connector.runtime.errors import InsufficientCredits


def test_periods_are_calendar_months_in_utc():
    start, end = period_of(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
    assert (start.month, end.year, end.month, end.day) == (12, 2027, 1, 1)


def test_charges_draw_on_the_allowance_once_per_charge_id(conn):
    account, _, _ = conn.accounts.create_account("Acme", monthly_credits=3)
    assert conn.credits.usage(account).remaining == 3
    conn.credits.charge(account, 1, "rnd_a")
    conn.credits.charge(account, 1, "rnd_a")  # a retry of the same render costs nothing more
    conn.credits.charge(account, 2, "rnd_b")
    usage = conn.credits.usage(account)
    assert (usage.used, usage.remaining, usage.limit) == (3, 0, 3)
    with pytest.raises(InsufficientCredits) as info:
        conn.credits.charge(account, 1, "rnd_c")
    assert info.value.status == 402 and info.value.details["needed"] == 1
    assert conn.credits.refund("rnd_b") == 2
    assert conn.credits.refund("rnd_b") == 0
    assert conn.credits.usage(account).remaining == 2


def test_a_new_month_starts_from_zero(conn):
    account, _, _ = conn.accounts.create_account("Acme", monthly_credits=1)
    october = datetime(2026, 10, 15, tzinfo=UTC)
    conn.credits.charge(account, 1, "rnd_oct", now=october)
    with pytest.raises(InsufficientCredits):
        conn.credits.charge(account, 1, "rnd_oct2", now=october)
    assert conn.credits.usage(account, now=datetime(2026, 11, 2, tzinfo=UTC)).used == 0


def test_default_allowance_comes_from_settings(make_settings):
    from connector import Connector

    conn = Connector(make_settings(monthly_credits=7))
    account, _, _ = conn.accounts.create_account("Acme")
    assert conn.credits.usage(account).limit == 7


def test_anonymous_renders_stop_at_their_share_and_refunds_give_it_back(conn):
    account, _, _ = conn.accounts.create_account("Acme", monthly_credits=5)
    conn.credits.charge(account, 1, "rnd_pub1", public_share=0.5)
    conn.credits.charge(account, 1, "rnd_pub2", public_share=0.5)
    with pytest.raises(InsufficientCredits) as info:   # int(5 * 0.5) == 2 credits for strangers
        conn.credits.charge(account, 1, "rnd_pub3", public_share=0.5)
    assert info.value.details == {**info.value.details, "limit": 2, "used": 2, "public_share": True}
    assert "signed URLs" in info.value.message
    conn.credits.charge(account, 1, "rnd_signed")        # the account's own renders still go through
    assert conn.credits.usage(account).used == 3
    assert conn.credits.refund("rnd_pub1") == 1          # a failed anonymous render gives back both counters
    conn.credits.charge(account, 1, "rnd_pub3", public_share=0.5)
    assert conn.credits.usage(account).used == 3
    with pytest.raises(InsufficientCredits):
        conn.credits.charge(account, 1, "rnd_pub4", public_share=0.5)
    with pytest.raises(InsufficientCredits):
        conn.credits.charge(account, 1, "rnd_none", public_share=0.0)
