"""The Connector built on first use, so that a CLI run that needs no Redis (``--help``, ``render``) starts none."""

from __future__ import annotations

import threading

import redis

from connector import Connector
from connector.runtime.settings import Settings


class LazyConnector:
    """Stands in for a ``Connector``: the first attribute read builds it (and with it, the embedded Redis).

    The app factory runs for every ``flask --app app …`` command, ``--help`` included; starting a redis-server
    there took seconds and made ``./data`` for commands that never touch Redis."""

    def __init__(self, settings: Settings):
        self._settings = settings
        self._built = None
        self._lock = threading.Lock()

    @property
    def settings(self) -> Settings:
        """Known without Redis: reading them (at app set-up, say) builds nothing."""
        return self._settings

    @property
    def built(self) -> bool:
        return self._built is not None

    def get(self):
        if self._built is None:
            with self._lock:   # web threads may all arrive at once: one Connector, one embedded server
                if self._built is None:
                    self._built = Connector(self._settings)
        return self._built

    def __getattr__(self, name: str):
        if name.startswith("__"):   # copy, pickle and friends probing for hooks: no reason to start Redis
            raise AttributeError(name)
        return getattr(self.get(), name)


class DeferredPool(redis.ConnectionPool):
    """A connection pool whose server (``locate()`` answers its URL) is looked up when the first connection is
    made: the rate limiter is set up with the app, before anything may have started the embedded Redis."""

    def __init__(self, locate, **connection_kwargs):
        super().__init__(**connection_kwargs)
        self._locate = locate
        self._extra = connection_kwargs
        self._located = False

    def make_connection(self):
        if not self._located:
            located = redis.ConnectionPool.from_url(self._locate(), **self._extra)
            self.connection_class, self.connection_kwargs = located.connection_class, located.connection_kwargs
            self._located = True
        return super().make_connection()
