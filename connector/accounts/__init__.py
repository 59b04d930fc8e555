"""Accounts: who calls, with which key, and what they may spend.

``store`` accounts and their API keys (kept as digests), ``Principal``; ``keys`` the key format, its digest and
scopes; ``credits`` the monthly allowance, charged at most once per render and refunded on failure;
``idempotency`` the first answer to a creating request kept and replayed.
"""
