"""Webhooks: subscriptions (hooks), deliveries, the attempt and the retry schedule."""
