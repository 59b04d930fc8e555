"""What POST /renders (and batches, signed URLs) accept: a saved template_version, field names in any letter
case, and formats spelled JPG, jpeg or Jpg. Jobs run in-process (batch_support.drain)."""

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.actions.batch_support import drain
from tests.conftest import assert_envelope

RED = {"name": "Card", "width": 40, "height": 20, "background": "#ff0000",
       "layers": [{"type": "text", "name": "title", "text": "", "color": "#ff0000"}]}


def render(client, caller, conn, **body):
    """Queue a render, run the jobs, and answer the finished render object."""
    answer = client.post("/api/v1/renders", json={"wait": False, **body}, headers=caller.headers)
    assert answer.status_code == 202, answer.get_json()
    drain(conn)
    return client.get(f"/api/v1/renders/{answer.get_json()['id']}", headers=caller.headers).get_json()


def colour(client, record) -> tuple:
    assert record["status"] == "completed", record
    data = client.get(urlsplit(record["url"]).path).data
    return Image.open(io.BytesIO(data)).convert("RGB").getpixel((1, 1))


@pytest.fixture
def tpl(client, alice):
    """v1 red, v2 blue."""
    made = client.post("/api/v1/templates", json=RED, headers=alice.headers).get_json()
    assert client.patch(f"/api/v1/templates/{made['id']}", json={"background": "#0000ff"},
                        headers=alice.headers).get_json()["version"] == 2
    return made["id"]


def test_template_version_renders_that_saved_version_and_is_recorded_even_when_cached(client, alice, conn, tpl):
    latest = render(client, alice, conn, template_id=tpl)
    assert (latest["template_version"], colour(client, latest)) == (2, (0, 0, 255))
    old = render(client, alice, conn, template_id=tpl, template_version=1)
    assert (old["template_version"], old["cached"], colour(client, old)) == (1, False, (255, 0, 0))
    again = render(client, alice, conn, template_id=tpl, template_version=1)
    assert (again["template_version"], again["cached"], again["url"]) == (1, True, old["url"])
    latest_again = render(client, alice, conn, template_id=tpl, template_version=2)
    assert (latest_again["template_version"], latest_again["cached"]) == (2, True)
    assert latest_again["url"] == latest["url"]


def test_a_missing_version_is_a_404_and_a_bad_one_a_422(client, alice, bob, tpl):
    def post(caller, **body):
        return client.post("/api/v1/renders", json={"wait": False, **body}, headers=caller.headers)

    body = assert_envelope(post(alice, template_id=tpl, template_version=3), 404, "not_found")
    assert "no version 3" in body["message"] and body["details"]["latest_version"] == 2
    assert_envelope(post(bob, template_id=tpl, template_version=1), 404, "not_found")
    for bad in (0, -1, "two"):
        assert_envelope(post(alice, template_id=tpl, template_version=bad), 422, "validation_failed")
    inline = assert_envelope(post(alice, template=RED, template_version=1), 422, "validation_failed")
    assert inline["details"]["field"] == "template_version"
    client.delete(f"/api/v1/templates/{tpl}", headers=alice.headers)
    assert_envelope(post(alice, template_id=tpl, template_version=1), 404, "not_found")


def test_field_names_match_ignoring_letter_case_and_share_the_cache(client, alice, conn, tpl):
    shouted = render(client, alice, conn, template_id=tpl, fields={"TITLE": "Hi", "Title.Color": "#00ff00"})
    assert shouted["status"] == "completed" and shouted["cached"] is False
    exact = render(client, alice, conn, template_id=tpl, fields={"title": "Hi", "title.color": "#00ff00"})
    assert exact["cached"] is True and exact["url"] == shouted["url"]
    beside = client.post("/api/v1/renders", json={"wait": False, "template_id": tpl, "Title": "Hi"},
                         headers=alice.headers)
    assert beside.status_code == 202, beside.get_json()


def test_an_ambiguous_or_doubled_field_name_is_a_422(client, alice):
    twin = {**RED, "layers": [{"type": "text", "name": "Title", "text": "a"}, {"type": "text", "name": "title"}]}
    tpl = client.post("/api/v1/templates", json=twin, headers=alice.headers).get_json()["id"]

    def post(fields):
        return client.post("/api/v1/renders", json={"wait": False, "template_id": tpl, "fields": fields},
                           headers=alice.headers)

    body = assert_envelope(post({"TITLE": "x"}), 422, "validation_failed")
    assert "'Title' and 'title'" in body["message"] and body["details"]["field"] == "TITLE"
    assert post({"Title": "x", "title": "y"}).status_code == 202   # exact names are never ambiguous
    plain = client.post("/api/v1/templates", json=RED, headers=alice.headers).get_json()["id"]
    doubled = client.post("/api/v1/renders", json={"template_id": plain, "fields": {"title": "a", "TITLE": "b"}},
                          headers=alice.headers)
    assert "given twice" in assert_envelope(doubled, 422, "validation_failed")["message"]


@pytest.mark.parametrize("spelling", ["JPG", "jpeg", "Jpg", "JPEG", "jpg"])
def test_jpeg_is_accepted_however_it_is_spelled(client, alice, conn, tpl, spelling):
    record = render(client, alice, conn, template_id=tpl, format=spelling)
    assert record["format"] == "jpeg" and record["url"].endswith(".jpg")
    batch = client.post("/api/v1/batches", json={"template_id": tpl, "rows": [{}], "format": spelling},
                        headers=alice.headers)
    assert batch.status_code == 202 and batch.get_json()["format"] == "jpeg", batch.get_json()
    csv = client.post("/api/v1/batches", data={"template_id": tpl, "format": spelling,
                                               "file": (io.BytesIO(b"title\nHi\n"), "rows.csv")},
                      content_type="multipart/form-data", headers=alice.headers)
    assert csv.status_code == 202 and csv.get_json()["format"] == "jpeg", csv.get_json()
    url = client.post(f"/api/v1/templates/{tpl}/signed-url", json={"format": spelling}, headers=alice.headers)
    assert url.status_code == 200 and ".jpg?" in url.get_json()["url"], url.get_json()


def test_png_in_capitals_and_an_unknown_format(client, alice, conn, tpl):
    assert render(client, alice, conn, template_id=tpl, format="PNG")["format"] == "png"
    body = assert_envelope(client.post("/api/v1/renders", json={"template_id": tpl, "format": "gif"},
                                       headers=alice.headers), 422, "validation_failed")
    assert body["message"] == "format: must be one of: png, jpeg (or jpg), webp or pdf; not 'gif'."
