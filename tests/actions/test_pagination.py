"""Every list pages the same way: `page` and `limit` are bounded once, a page far past the end is `[]`."""

from __future__ import annotations

import pytest

from tests.conftest import assert_envelope

HUGE = "4611686018427387904"   # 2**62: Redis refused page * limit with "value is not an integer or out of range"

# Lists that must be among the paged ones; every paged list in the OpenAPI is tested, these and any new one.
KNOWN = {"/api/v1/keys", "/api/v1/templates", "/api/v1/renders", "/api/v1/batches",
         "/api/v1/batches/{batch_id}/renders", "/api/v1/fonts", "/api/v1/hooks",
         "/api/v1/hooks/{hook_id}/deliveries", "/api/v1/triggers/{event}"}
BAD = [("page=-1", "page"), ("page=1.5", "page"), ("page=two", "page"), (f"page=-{HUGE}", "page"),
       ("limit=0", "limit"), ("limit=101", "limit"), (f"limit={HUGE}", "limit"), ("limit=ten", "limit")]


@pytest.fixture
def lists(client, alice, template_id) -> list[str]:
    """Every paged list of the API, its path parameters filled with objects of alice's."""
    batch = client.post("/api/v1/batches", json={"template_id": template_id, "rows": [{"title": "a"}]},
                        headers=alice.headers)
    hook = client.post("/api/v1/hooks", json={"target_url": "https://example.com/hook", "event": "render.completed"},
                       headers=alice.headers)
    assert batch.status_code == 202 and hook.status_code == 201, (batch.get_json(), hook.get_json())
    ids = {"batch_id": batch.get_json()["id"], "hook_id": hook.get_json()["id"], "template_id": template_id,
           "event": "render.completed"}
    spec = client.get("/api/v1/openapi.json").get_json()
    paged = {path for path, item in spec["paths"].items()   # (a render URL's `page` is a page of a template)
             if {"page", "limit"} <= {p["name"] for p in item.get("get", {}).get("parameters", [])}}
    assert KNOWN <= paged
    return [path.format(**ids) for path in sorted(paged)]


def test_a_page_far_past_the_end_is_an_empty_list(client, alice, lists):
    for url in lists:
        for query in (f"page={HUGE}", f"page={HUGE}&limit=100", f"page={HUGE}{HUGE}&limit=1", "page=100000"):
            answer = client.get(f"{url}?{query}", headers=alice.headers)
            assert answer.status_code == 200, (url, query, answer.get_json())
            assert answer.get_json() == [], (url, query)


def test_a_bad_page_or_limit_is_a_422_naming_it(client, alice, lists):
    for url in lists:
        for query, name in BAD:
            body = assert_envelope(client.get(f"{url}?{query}", headers=alice.headers), 422, "validation_failed")
            assert body["message"].startswith(f"{name}: "), (url, query, body["message"])
            assert list(body["details"]["fields"]) == [name]


def test_pages_still_walk_through_a_list(client, alice):
    made = [client.post("/api/v1/keys", json={"label": f"k{i}"}, headers=alice.headers).get_json()["id"]
            for i in range(3)]
    pages = [[k["id"] for k in client.get(f"/api/v1/keys?limit=2&page={n}", headers=alice.headers).get_json()]
             for n in range(3)]
    assert pages == [made[::-1][:2], [made[0], alice.key.id], []]
