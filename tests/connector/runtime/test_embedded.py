"""The embedded Redis: nothing left behind once stopped, and refused where a private one cannot be what is meant."""

from __future__ import annotations

import logging
import os

import pytest

from connector.runtime import embedded
from connector.runtime.settings import Settings


def test_a_stopped_server_leaves_no_folder_or_registry_and_the_next_start_does_not_warn(tmp_path, caplog):
    server = embedded.start(str(tmp_path))
    server.set("kept", "yes")
    folder, registry = server.redis_dir, f"{tmp_path}/redis.db.settings"
    assert os.path.isdir(folder) and os.path.exists(registry)
    embedded.stop(server)
    assert not os.path.exists(folder) and not os.path.exists(registry)
    with caplog.at_level(logging.WARNING, logger="connector.runtime.embedded"):
        again = embedded.start(str(tmp_path))   # after a clean stop: no "the server ... is gone" warning
    try:
        assert again.get("kept") == b"yes" and [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    finally:
        embedded.stop(again)


def _settings(tmp_path, **values) -> Settings:
    return Settings.from_env({}, data_dir=str(tmp_path / "data"), **values)


def test_only_make_run_starts_a_new_embedded_redis_and_a_command_joins_its_data(tmp_path):
    fresh = _settings(tmp_path)
    assert embedded.refusal(fresh, embedded.MAKE_RUN) is None
    for who in (embedded.COMMAND, embedded.WEB, embedded.WORKER):
        assert "REDIS_URL" in embedded.refusal(fresh, who), who
    assert str(tmp_path / "data") in embedded.refusal(fresh, embedded.COMMAND)   # where it looked

    server = embedded.start(fresh.data_dir)   # as make run does
    try:
        assert embedded.refusal(fresh, embedded.COMMAND) is None   # make run's, running: the command joins it
    finally:
        embedded.stop(server)
    assert embedded.refusal(fresh, embedded.COMMAND) is None       # its data, make run stopped: started on it
    assert "REDIS_URL" in embedded.refusal(fresh, embedded.WEB)    # a web process or worker on its own: never


def test_s3_storage_and_off_refuse_everywhere_on_allows_everywhere_and_redis_url_settles_it(tmp_path):
    everyone = (embedded.MAKE_RUN, embedded.COMMAND, embedded.WEB, embedded.WORKER)
    s3 = _settings(tmp_path, storage="s3", s3_bucket="renders")
    assert all("PLATEN_STORAGE=s3" in embedded.refusal(s3, who) for who in everyone)
    off = _settings(tmp_path, embedded_redis="off")
    assert all("PLATEN_EMBEDDED_REDIS=off" in embedded.refusal(off, who) for who in everyone)
    on = _settings(tmp_path, embedded_redis="ON", storage="s3")
    assert [embedded.refusal(on, who) for who in everyone] == [None] * 4
    external = _settings(tmp_path, redis_url="redis://redis.internal:6379/0", embedded_redis="off", storage="s3")
    assert [embedded.refusal(external, who) for who in everyone] == [None] * 4
    with pytest.raises(ValueError, match="PLATEN_EMBEDDED_REDIS"):
        _settings(tmp_path, embedded_redis="maybe")


def test_a_refused_connector_starts_nothing_and_makes_no_data_dir(tmp_path):
    from connector import Connector

    with pytest.raises(embedded.Refused, match="REDIS_URL"):
        Connector(_settings(tmp_path))
    assert not (tmp_path / "data").exists()
