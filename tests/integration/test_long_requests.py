"""Long request lines and headers reach Platen through the real gunicorn web process, and what lies past them."""

import requests

from connector import Connector
from tests.conftest import free_port

from .processes import settings_env, wait_for, web


def test_long_query_strings_and_headers_reach_flask_and_past_the_limit_gunicorn_answers(make_settings, tmp_path):
    """A 5,311-byte query was gunicorn's HTML 414 (request line limit 4094), before Platen saw it: long signed
    render URLs could hit that. Now 7,000 bytes of query (and a 12,000-byte header) get Platen's JSON."""
    settings = make_settings()
    _, _, secret = Connector(settings).accounts.create_account("Long")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with web(port, settings_env(settings), tmp_path / "web.log") as proc:
        wait_for(f"{base}/healthz", proc)
        long_query = requests.get(f"{base}/api/v1/me", params={"pad": "x" * 7000}, timeout=10,
                                  headers={"X-API-Key": secret, "Referer": f"{base}/?{'y' * 12000}"})
        assert long_query.status_code == 200, long_query.text[:300]
        assert long_query.json()["account_name"] == "Long"
        refused = requests.get(f"{base}/api/v1/templates", params={"q": "z" * 7000}, headers={"X-API-Key": secret},
                               timeout=10)
        assert refused.status_code == 422 and refused.json()["error"] == "validation_failed"   # Platen's own limit
        past = requests.get(f"{base}/api/v1/me", params={"pad": "x" * 8200}, headers={"X-API-Key": secret},
                            timeout=10)
        assert past.status_code == 414   # gunicorn's own answer, documented in docs/api.md
        assert proc.stop() == 0, proc.output()[-2000:]
