"""Events: the event store and the outbox (finished -> event -> fan-out)."""
