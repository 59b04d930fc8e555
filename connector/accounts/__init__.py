"""Accounts, API keys, credits and idempotency."""
