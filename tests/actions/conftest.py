"""Fixtures of the API tests that need the app's own connector and a template to render."""

import pytest

from tests.actions.batch_support import CARD


@pytest.fixture
def conn(app):
    return app.extensions["platen"]


@pytest.fixture
def template_id(client, alice):
    answer = client.post("/api/v1/templates", json=CARD, headers=alice.headers)
    assert answer.status_code == 201
    return answer.get_json()["id"]
