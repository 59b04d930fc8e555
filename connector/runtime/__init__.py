"""Runtime: settings, errors, the clock, logs, the embedded Redis and the Redis-hash codec."""
