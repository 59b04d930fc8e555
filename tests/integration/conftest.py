"""Fixtures of the integration tests: the app with a real worker (``stack``) and a real webhook receiver."""

from __future__ import annotations

import pytest

from tests.support.receiver import Receiver

from .stacks import HookStack


@pytest.fixture
def stack(make_settings, tmp_path):
    """The app in-process, a real worker retrying deliveries in seconds, an image server; files on disk."""
    settings = make_settings(allow_private_networks=True, files_dir=str(tmp_path / "files"), render_job_timeout=8,
                             public_url="http://platen.test")
    s = HookStack(settings, tmp_path)
    yield s
    s.close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()
