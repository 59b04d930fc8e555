"""The Make app's generations and brands, run against a live Platen by the IML evaluator of tests/support/make_app.py:
Generate designs (POST, then GET repeated until the generation finishes), Get a generation, Watch generations (the
webhook attached, a real generation.completed through it, detached) and its polling twin, the formats and brands
RPCs, and a brand on Render an image and both batch modules."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import requests
from PIL import Image

from tests.support.make_app import MakeError, Scope, iml, interface_names, load, module, rpc, run, schema_errors
from tests.support.receiver import Receiver

TIPS = ("5 tips for remote work\n"
        "Small habits keep a distributed team close.\n"
        "- Write decisions down where everyone can find them\n"
        "- Keep a daily rhythm with a fixed start and end\n"
        "- Take real breaks away from the screen\n"
        "- Over-communicate when something changes\n"
        "- Meet in person once a quarter")
RED = "#e11d48"


@pytest.fixture(scope="module")
def account(live):
    key = live.account("Make generations")
    brand = live.api("POST", "/brands", key, json={"name": "Make red", "colors": {"primary": RED}})
    assert brand.status_code == 201, brand.text
    return {"key": key, "connection": {"baseUrl": live.base, "apiKey": key}, "brand": brand.json()}


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


def nested_names(cid: str, name: str) -> set[str]:
    """The names in an interface field's spec (a collection's, or an array of collections')."""
    spec = next(p for p in load(f"module/{cid}/interface") if p["name"] == name)["spec"]
    return {p["name"] for p in (spec["spec"] if isinstance(spec, dict) else spec)}


def assert_generation_bundle(cid: str, generation: dict):
    """Every interface field, and every field inside `extracted`, `timings` and each output, is in the real object;
    the module's sample has the real object's fields, no more, no fewer."""
    assert interface_names(cid) <= set(generation)
    for name in ("extracted", "timings"):
        assert nested_names(cid, name) <= set(generation[name]), name
    for output in generation["outputs"]:
        assert nested_names(cid, "outputs") <= set(output)
    sample = load(f"module/{cid}/samples")
    assert set(sample) == set(generation)
    assert set(sample["extracted"]) == set(generation["extracted"]) and set(sample["timings"]) == set(
        generation["timings"])
    assert {k for o in sample["outputs"] for k in o} == {k for o in generation["outputs"] for k in o}


def png(url: str) -> Image.Image:
    answer = requests.get(url, timeout=30)
    assert answer.status_code == 200 and answer.content.startswith(b"\x89PNG"), url
    return Image.open(io.BytesIO(answer.content)).convert("RGB")


def test_formats_and_brands_rpcs(live, account):
    connection = account["connection"]
    formats = rpc("listFormats", {}, connection)
    assert formats.missing == [] and schema_errors(formats.items, "parameters.json", "/definitions/options") == []
    assert [o["value"] for o in formats.items] == [f["name"] for f in live.api("GET", "/formats").json()]
    labels = {o["value"]: o["label"] for o in formats.items}
    assert labels["og"] == "Open Graph / link preview (1200 × 630)"
    assert labels["linkedin_carousel"] == "LinkedIn carousel (1080 × 1350, slides)"

    brands = rpc("listBrands", {}, connection)
    assert brands.missing == [] and schema_errors(brands.items, "parameters.json", "/definitions/options") == []
    by_id = {o["value"]: o["label"] for o in brands.items}
    assert by_id[account["brand"]["id"]] == "Make red"
    assert [label for label in by_id.values() if label.endswith(" (default)")], by_id   # made on first need
    # the select a user sees in Generate designs offers the 8 styles, and formats and brands from these RPCs
    params = {p["name"]: p for p in load("module/generateDesigns/mappableParams")}
    assert [o["value"] for o in params["visual_style"]["options"]] == [
        "modern", "minimal", "bold", "elegant", "playful", "corporate", "creative", "dark"]
    assert params["output_formats"]["options"]["store"] == "rpc://listFormats" and params["output_formats"]["multiple"]
    assert params["brand_id"]["options"]["store"] == "rpc://listBrands"
    assert {p["name"] for p in params["carousel_slides"]["spec"]} == {
        f["name"] for f in live.api("GET", "/formats").json() if f["pages"]}


def test_generate_designs_waits_for_the_images_and_get_a_generation(live, account):
    connection = account["connection"]
    parameters = {"input_type": "text", "input_content": TIPS, "output_formats": ["og", "linkedin_carousel"],
                  "carousel_slides": {"linkedin_carousel": 3}, "visual_style": "bold",
                  "brand_id": account["brand"]["id"]}
    done = module("generateDesigns", parameters, connection)
    posted = done.earlier[0]
    assert posted.status == 202 and posted.missing == []
    assert posted.request["body"] == {"input_type": "text", "input_content": TIPS,
                                      "output_formats": ["og", "linkedin_carousel"],
                                      "carousel_slides": {"linkedin_carousel": 3}, "visual_style": "bold",
                                      "brand_id": account["brand"]["id"]}
    assert posted.body["status"] in ("queued", "running", "completed")
    generation = done.output
    assert done.missing == [] and done.request["url"].endswith(f"/api/v1/generations/{posted.body['id']}")
    assert generation["status"] == "completed", generation.get("error")
    assert_generation_bundle("generateDesigns", generation)
    assert generation["extracted"]["title"] == "5 tips for remote work"
    outputs = {o["format"]: o for o in generation["outputs"]}
    assert [len(outputs["og"]["urls"]), len(outputs["linkedin_carousel"]["urls"])] == [1, 3]
    assert outputs["linkedin_carousel"]["pages"] == 3 and generation["credits"] == 4
    assert png(outputs["og"]["urls"][0]).size == (1200, 630)
    assert {png(url).size for url in outputs["linkedin_carousel"]["urls"]} == {(1080, 1350)}

    got = module("getGeneration", {"generation_id": generation["id"]}, connection)
    assert got.missing == [] and got.output == generation
    assert_generation_bundle("getGeneration", got.output)


def test_a_generation_that_fails_is_a_make_error(live, account):
    connection = account["connection"]
    with pytest.raises(MakeError) as failed:   # nothing listens on port 9 of loopback: the page cannot be read
        module("generateDesigns", {"input_type": "url", "input_url": "http://127.0.0.1:9/post",
                                   "output_formats": ["og"]}, connection)
    assert failed.value.type == "DataError" and failed.value.message.startswith("[failed] ")
    generation_id = re.search(r", generation (gen_\w+)\)$", failed.value.message).group(1)
    got = module("getGeneration", {"generation_id": generation_id}, connection).output
    assert got["status"] == "failed" and nested_names("getGeneration", "error") <= set(got["error"])
    assert got["error"]["message"] in failed.value.message and f"(error: {got['error']['error']}," in \
        failed.value.message
    with pytest.raises(MakeError) as no_formats:
        module("generateDesigns", {"input_type": "text", "input_content": TIPS, "output_formats": []}, connection)
    assert no_formats.value.type == "DataError" and no_formats.value.message.startswith("[422] ")
    assert "output_formats" in no_formats.value.message
    with pytest.raises(MakeError) as missing:
        module("getGeneration", {"generation_id": "gen_0000000000000000000000"}, connection)
    assert missing.value.type == "DataError" and missing.value.message.startswith("[404] ")
    with pytest.raises(MakeError) as escaped:   # a mapped id is one path segment
        module("getGeneration", {"generation_id": "../renders"}, connection)
    assert escaped.value.message.startswith("[404] ")


def test_watch_generations_instant_and_polling(live, account, receiver):
    """The webhook attached, a real generation.completed through its communication, detached; then the polling
    trigger from no start, from before the generation and from after it, and its epoch."""
    connection, key = account["connection"], account["key"]
    before = datetime.now(UTC) - timedelta(seconds=5)
    assert [p["name"] for p in load("webhook/generationEvents/params")] == ["event"]
    path = "/make-generations"
    attached = run(load("webhook/generationEvents/attach"), {
        "connection": connection, "webhook": {"url": receiver.base + path},
        "parameters": {"event": "generation.completed"}}, base={})   # needs no base, like the render webhook
    assert attached.status == 201 and attached.missing == []
    hook = live.api("GET", f"/hooks/{attached.output['id']}", key).json()
    assert (hook["target_url"], hook["event"]) == (receiver.base + path, "generation.completed")

    started = live.api("POST", "/generations", key, json={"input_type": "text", "input_content": TIPS,
                                                          "output_formats": ["og"]})
    assert started.status_code == 202, started.text
    delivery = receiver.wait(path, timeout=120)[0].json()   # the worker delivers it; waits only as long as it takes
    assert delivery["type"] == "generation.completed"
    communication = load("webhook/generationEvents/communication")
    scope = Scope({"body": delivery})
    bundle = iml(communication["output"], scope)
    assert scope.missing == [] and bundle["id"] == started.json()["id"] and bundle["status"] == "completed"
    assert_generation_bundle("watchGenerations", bundle)
    assert bundle["outputs"][0]["urls"] and png(bundle["outputs"][0]["urls"][0]).size == (1200, 630)

    run(load("webhook/generationEvents/detach"), {"connection": connection, "webhook": attached.output}, base={})
    assert live.api("GET", f"/hooks/{attached.output['id']}", key).status_code == 404

    polling = {"event": "generation.completed", "limit": 20}
    polled = module("watchGenerationsPolling", polling, connection)
    assert polled.missing == [] and bundle["id"] in [g["id"] for g in polled.items]
    assert_generation_bundle("watchGenerationsPolling", polled.items[0])
    assert all(t["id"] and t["date"] for t in polled.triggers)
    since = module("watchGenerationsPolling", polling, connection, data={"lastDate": before.isoformat()})
    assert bundle["id"] in [g["id"] for g in since.items]
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert module("watchGenerationsPolling", polling, connection, data={"lastDate": later}).items == []
    epoch = load("module/watchGenerationsPolling/epoch")
    choices = run(load("module/watchGenerationsPolling/communication"),
                  {"parameters": polling, "connection": connection}, overrides=epoch)
    assert choices.missing == [] and any(c["label"].startswith(bundle["id"] + " · text, ") for c in choices.items)


def test_a_brand_on_render_and_both_batch_modules(live, account):
    connection, key, brand = account["connection"], account["key"], account["brand"]
    template = live.api("POST", "/templates", key, json={
        "name": "Make brand card", "width": 120, "height": 80, "background": "@brand.primary",
        "layers": [{"type": "text", "name": "title", "x": 10, "y": 10, "width": 100, "height": 30, "text": "Hi"}]})
    assert template.status_code == 201, template.text
    template = template.json()

    rendered = module("renderImage", {"template_id": template["id"], "brand_id": brand["id"], "title": "Brand"},
                      connection)
    assert rendered.request["body"]["brand_id"] == brand["id"]
    assert rendered.request["body"]["fields"] == {"title": "Brand"}   # the brand is not sent as a field
    assert rendered.status == 201 and rendered.output["status"] == "completed"
    assert png(rendered.output["url"]).getpixel((2, 2)) == (0xE1, 0x1D, 0x48)
    plain = module("renderImage", {"template_id": template["id"], "title": "Brand"}, connection)
    assert plain.request["body"]["brand_id"] is None   # no brand chosen: the template's, else the default
    assert png(plain.output["url"]).getpixel((2, 2)) != (0xE1, 0x1D, 0x48)

    batch = module("createBatch", {"template_id": template["id"], "rows": [{"title": "One"}],
                                   "brand_id": brand["id"]}, connection)
    assert batch.status == 202 and batch.request["body"]["brand_id"] == brand["id"]
    assert batch.output["brand_id"] == brand["id"]
    from_file = module("createBatchFromFile", {"template_id": template["id"], "file_name": "rows.csv",
                                               "file_data": b"title\r\nOne\r\n", "brand_id": brand["id"]},
                       connection)
    assert from_file.status == 202 and from_file.output["brand_id"] == brand["id"]
    with pytest.raises(MakeError) as not_yours:
        module("renderImage", {"template_id": template["id"], "brand_id": "brd_0000000000000000000000"},
               connection)
    assert not_yours.value.type == "DataError" and "brand_id" in not_yours.value.message
