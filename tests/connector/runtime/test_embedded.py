"""The embedded Redis leaves nothing behind once stopped: no temporary folder, no registry, no warning next time."""

from __future__ import annotations

import logging
import os

from connector.runtime import embedded


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
