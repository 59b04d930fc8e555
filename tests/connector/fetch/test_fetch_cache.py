"""The fetcher's cache: fresh copies served, stale ones revalidated, no-store respected, a byte budget kept."""

from __future__ import annotations

from connector.fetch import fetcher as fetcher_module
from tests.connector.fetch.fetch_support import PNG, dev


def test_a_fresh_copy_is_served_from_the_cache(server):
    fetcher = dev()
    assert fetcher.get(server.url + "/logo.png").data == fetcher.get(server.url + "/logo.png").data == PNG
    assert len(server.hits) == 1 and fetcher.cached_bytes == len(PNG)


def test_a_stale_copy_is_revalidated_and_reused_on_304(server):
    fetcher, url = dev(), server.url + "/logo.png?cc=max-age=0"
    first, second = fetcher.get(url), fetcher.get(url)
    assert second.data == first.data == PNG and second.etag == '"v1"'
    assert len(server.hits) == 2 and server.hits[1][1]["If-None-Match"] == '"v1"'
    assert server.hits[1][1]["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_no_store_is_not_cached(server):
    fetcher, url = dev(), server.url + "/logo.png?cc=no-store"
    fetcher.get(url)
    fetcher.get(url)
    assert len(server.hits) == 2 and fetcher.cached_bytes == 0


def test_the_cache_stays_within_its_byte_budget(server):
    fetcher = dev(cache_bytes=len(PNG) * 5 // 2)
    for n in range(5):
        fetcher.get(f"{server.url}/logo.png?n={n}")
        assert fetcher.cached_bytes <= len(PNG) * 5 // 2
    fetcher.get(f"{server.url}/logo.png?n=4")   # the newest is kept
    fetcher.get(f"{server.url}/logo.png?n=0")   # the oldest was dropped
    assert len(server.hits) == 6


def test_without_max_age_a_copy_is_used_for_five_minutes_then_revalidated(server, monkeypatch):
    """What a worker drawing the same card again relies on: no request at all while the copy is fresh."""
    now = [1000.0]
    monkeypatch.setattr(fetcher_module.time, "monotonic", lambda: now[0])
    fetcher, url = dev(), server.url + "/logo.png"   # answered with an ETag and no Cache-Control
    fetcher.get(url)
    now[0] += fetcher_module.DEFAULT_FRESHNESS - 1
    assert fetcher.get(url).data == PNG and len(server.hits) == 1
    now[0] += 2
    assert fetcher.get(url).data == PNG and len(server.hits) == 2
    assert server.hits[1][1]["If-None-Match"] == '"v1"'
