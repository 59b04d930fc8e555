"""Webhooks: who wants which event, and getting it to them.

``hooks`` REST-hook subscriptions and the test event's sample; ``deliveries`` one delivery per event and receiver,
retried, never lost; ``attempt`` one signed POST (Standard Webhooks) and what it means; ``schedule`` when a
delivery is tried again.
"""
