"""make run's banner: a link that opens the dashboard signed in, on the first start and on every later one."""

from __future__ import annotations

import re

from run import DASHBOARD_KEY_LABEL, _banner

LINK = re.compile(r"http://127\.0\.0\.1:8123/#key=(plt_live_\w+)")


def test_each_start_links_the_dashboard_with_a_working_key_and_keeps_one_link_key(conn, capsys):
    _banner(conn, "8123")
    first = capsys.readouterr().out
    [first_key] = LINK.findall(first)
    assert "First start" in first and first.count(first_key) == 3   # shown, in the curl line, in the link
    account = conn.accounts.authenticate(first_key).account

    _banner(conn, "8123")
    [second_key] = LINK.findall(capsys.readouterr().out)
    who = conn.accounts.authenticate(second_key)
    assert who.account.id == account.id and who.key.label == DASHBOARD_KEY_LABEL
    assert set(who.key.scopes) == set(conn.accounts.authenticate(first_key).key.scopes)

    _banner(conn, "8123")   # a third start replaces the second's link key; the first key is never touched
    [third_key] = LINK.findall(capsys.readouterr().out)
    problem, _ = conn.accounts.inspect(second_key)
    assert problem is not None and problem.value == "revoked"
    assert conn.accounts.authenticate(third_key).key.label == DASHBOARD_KEY_LABEL
    assert conn.accounts.authenticate(first_key).account.id == account.id
    assert conn.accounts.count_accounts() == 1
    labels = [k.label for k in conn.accounts.list_keys(account.id)]
    assert labels == [DASHBOARD_KEY_LABEL, "first key"]
