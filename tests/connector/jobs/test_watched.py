"""The watched-job mechanism: deadlines on Redis's clock, not the host's."""

from __future__ import annotations

import time

from connector.jobs.watched import GRACE, Watched, job_id


def test_a_watched_job_is_overdue_only_after_its_timeout_and_grace_on_redis_clock(conn, monkeypatch):
    watched = Watched(conn.redis, conn.settings.redis_prefix, "things", timeout=0)
    watched.watch(["a", "b"])
    now = watched.now()
    assert now - 1 < watched.deadline("a") - GRACE < now + 1
    assert watched.overdue() == []
    # A host whose clock runs 100 s ahead sees nothing overdue: the deadline is compared on Redis.
    ahead = time.time() + 100
    monkeypatch.setattr(time, "time", lambda: ahead)
    assert watched.overdue() == []
    watched.watch("a", after=-GRACE - 1)
    assert watched.overdue() == ["a"]


def test_only_watched_leaves_finished_jobs_out(conn):
    watched = Watched(conn.redis, conn.settings.redis_prefix, "things", timeout=5)
    watched.watch("a")
    watched.unwatch("a")
    assert watched.watch("a", only_watched=True) == 0 and "a" not in watched
    pipe = conn.redis.pipeline()
    watched.watch(["b", "c"], pipe)
    watched.unwatch("c", pipe)
    pipe.execute()
    assert "b" in watched and "c" not in watched and watched.count() == 1


def test_job_ids_are_fresh_per_queueing():
    assert job_id("render", "rnd_1") != job_id("render", "rnd_1")
    assert job_id("render", "rnd_1").startswith("render-rnd_1-")
