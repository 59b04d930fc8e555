"""Shared fixtures: a real Redis (embedded, or PLATEN_TEST_REDIS_URL), an app per test with its own key prefix."""

from __future__ import annotations

import os
import secrets
import socket
import sys
from pathlib import Path

import pytest
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from connector import Connector  # noqa: E402
from connector.runtime.settings import Settings  # noqa: E402
from tests.support.jobs import Jobs  # noqa: E402


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis for the whole run: the server named by PLATEN_TEST_REDIS_URL, else an embedded one."""
    url = os.environ.get("PLATEN_TEST_REDIS_URL")
    if url:
        client = redis.Redis.from_url(url)
        client.ping()
        client.flushdb()
        yield url
        return
    from connector.runtime import embedded

    server = embedded.start(str(tmp_path_factory.mktemp("redis")))
    yield embedded.url_of(server)
    embedded.stop(server)


@pytest.fixture
def make_settings(redis_url, tmp_path):
    """Settings for one test: its own Redis key prefix and data dir, rate limits out of the way unless asked."""
    prefix = f"platen_test_{secrets.token_hex(4)}"

    def build(**overrides) -> Settings:
        values = dict(redis_url=redis_url, redis_prefix=prefix, data_dir=str(tmp_path / "data"),
                      rate_limit_reads="10000 per minute", rate_limit_writes="10000 per minute",
                      rate_limit_renders="10000 per minute")
        values.update(overrides)
        return Settings.from_env({}, **values)

    return build


@pytest.fixture
def settings(make_settings) -> Settings:
    return make_settings()


@pytest.fixture
def conn(settings):
    connector = Connector(settings)
    yield connector
    connector.close()


@pytest.fixture
def make_app(make_settings):
    def build(**overrides):
        return create_app({"SETTINGS": make_settings(**overrides), "TESTING": True})

    return build


@pytest.fixture
def app(settings):
    return create_app({"SETTINGS": settings, "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def jobs(app):
    """The app's queued jobs, run for real in this process (``tests.support.jobs.Jobs``), bound to its Connector."""
    with Jobs(app.extensions["platen"]) as running:
        yield running


class Caller:
    """An account with its first key, and the headers that authenticate as it."""

    def __init__(self, connector: Connector, name: str):
        self.account, self.key, self.secret = connector.accounts.create_account(name, f"{name.lower()}@example.test")
        self.headers = {"X-API-Key": self.secret}


@pytest.fixture
def alice(app) -> Caller:
    return Caller(app.extensions["platen"], "Alice")


@pytest.fixture
def bob(app) -> Caller:
    return Caller(app.extensions["platen"], "Bob")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_envelope(response, status: int, code: str) -> dict:
    """The SPEC's error envelope, with the expected status and code."""
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"] == code
    assert body["status"] == status
    assert body["message"] and isinstance(body["message"], str)
    assert body["request_id"].startswith("req_")
    assert body["request_id"] == response.headers["X-Request-Id"]
    return body
