"""Lua scripts that cost no extra round trip in a pipeline.

redis-py's ``register_script`` scripts ask ``SCRIPT EXISTS`` before every pipeline that holds one: a round trip
more for each transaction that, say, finishes a render. ``Script`` runs ``EVAL`` (the text; Redis keeps it compiled
by its digest) inside pipelines, and ``EVALSHA`` alone (loading it again after a Redis restart), so every call is
exactly one command.
"""

from __future__ import annotations

from redis.client import Pipeline


class Script:
    """Called like a registered script: ``script(keys=[...], args=[...], client=pipe_or_none)``."""

    def __init__(self, redis, text: str):
        self.redis, self.text = redis, text
        self._registered = redis.register_script(text)

    def __call__(self, keys=(), args=(), client=None):
        if isinstance(client, Pipeline):
            return client.eval(self.text, len(keys), *keys, *args)
        return self._registered(keys=list(keys), args=list(args), client=client)


def register(redis, text: str) -> Script:
    return Script(redis, text)
