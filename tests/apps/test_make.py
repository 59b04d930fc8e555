"""The Make custom app (integrations/make/): its files validated with Make's own JSON schemas (vendored from the VS
Code extension), and its modules run against a live Platen by a small evaluator of the IML the files use
(tests/support/make_app.py)."""

from __future__ import annotations

import json
import queue
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.support.make_app import (
    APP,
    MANIFEST,
    MakeError,
    Scope,
    app_files,
    code_files,
    iml,
    interface_names,
    load,
    module,
    rpc,
    run,
    schema_errors,
    schema_for,
)


# --- offline: the files are what Make's extension accepts --------------------------------------------------------
@pytest.mark.parametrize("path", app_files(), ids=lambda p: str(p.relative_to(APP)))
def test_file_is_valid_against_makes_schema(path):
    schema = schema_for(path)
    if schema is None:
        # The extension has no schema for a module's static parameters (its `*.params.iml.json` pattern does not
        # match `*.static-params.iml.json`); they are a parameters array like the mappable ones, so held to that.
        assert path.name.endswith(".static-params.iml.json"), f"no Make schema matches {path.name}"
        schema = "parameters.json"
    data = json.loads(path.read_text())
    assert schema_errors(data, schema) == []


def test_manifest_names_every_file_and_every_reference_resolves():
    named = code_files()
    missing = [k for k, p in named.items() if not p.is_file()]
    assert missing == []
    assert set(named.values()) == {p for p in app_files() if p.name != "makecomapp.json"}
    components = MANIFEST["components"]
    for cid, meta in components["module"].items():
        assert re.fullmatch(r"[a-zA-Z][0-9a-zA-Z]{2,63}", cid)   # the extension's rule for module ids
        assert meta["connection"] in components["connection"]
        if meta["moduleType"] == "instant_trigger":
            assert meta["webhook"] in components["webhook"]
    grouped = [m for group in load("general/groups") for m in group["modules"]]
    assert sorted(grouped) == sorted(components["module"])
    # every rpc:// a parameter names is an RPC of the app
    text = "".join(p.read_text() for p in named.values())
    assert set(re.findall(r"rpc://(\w+)", text)) <= set(components["rpc"])


# --- live: a fresh account with every starter template ---------------------------------------------------------------
@pytest.fixture(scope="module")
def make_account(live):
    key = live.account("Make app")
    starters = live.api("GET", "/templates/examples", key).json()
    assert len(starters) >= 1
    templates = {}
    for starter in starters:
        answer = live.api("POST", f"/templates/examples/{starter['name']}", key,
                          json={"name": f"Make {starter['name']}"})
        assert answer.status_code == 201, answer.text
        templates[starter["name"]] = answer.json()
    return {"key": key, "connection": {"baseUrl": live.base, "apiKey": key}, "templates": templates}


def sample_fields(parameters: list[dict]) -> dict:
    """What a user would fill in: text for the text fields (short enough for any box), nothing for the rest."""
    return {p["name"]: f"Make {i}" for i, p in enumerate(parameters) if p["type"] == "text" and "." not in p["name"]}


def test_connection_is_verified_by_me(live, make_account):
    connection = load("connection/platen/communication")
    call = run(connection, {"parameters": make_account["connection"]}, base={})
    assert call.status == 200 and call.missing == []
    assert iml(connection["response"]["metadata"]["value"], Scope({"body": call.body})).startswith("Make app · ")
    with pytest.raises(MakeError) as bad:
        run(connection, {"parameters": {**make_account["connection"], "apiKey": "plt_live_notakey"}}, base={})
    assert bad.value.type == "InvalidAccessTokenError" and bad.value.message.startswith("[401] ")


def test_every_starters_make_fields_are_valid_make_parameters(live, make_account):
    connection = make_account["connection"]
    for name, template in make_account["templates"].items():
        raw = live.api("GET", f"/templates/{template['id']}/fields?format=make", make_account["key"]).json()
        assert raw, f"{name} has no fields"
        assert schema_errors(raw, "parameters.json") == [], name
        call = rpc("getTemplateFields", {"template_id": template["id"]}, connection)   # the RPC hands them on as is
        assert call.items == raw and call.missing == []


def test_template_select_rpc_and_list_templates_module(live, make_account):
    connection = make_account["connection"]
    options = rpc("listTemplates", {}, connection)
    assert options.missing == []
    assert {o["value"]: o["label"] for o in options.items} == {t["id"]: t["name"]
                                                                 for t in make_account["templates"].values()}
    assert schema_errors(options.items, "parameters.json", "/definitions/options") == []
    found = module("listTemplates", {"q": "certificate", "limit": 5}, connection)
    assert [t["name"] for t in found.items] == ["Make certificate"] and found.missing == []
    assert interface_names("listTemplates") <= set(found.items[0])
    assert len(module("listTemplates", {"limit": 2}, connection).items) == 2


@dataclass
class Receiver:
    """A webhook address on loopback standing in for Make's: it keeps every delivery."""

    url: str
    deliveries: queue.Queue


@pytest.fixture
def receiver():
    deliveries: queue.Queue = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            deliveries.put(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Receiver(f"http://127.0.0.1:{server.server_address[1]}/make-hook", deliveries)
    server.shutdown()
    thread.join()


def test_render_get_watch_and_poll(live, make_account, receiver):
    """Render an image, Get a render, Watch renders (the webhook attached, a real delivery through its
    communication, detached) and Watch renders (polling) with its epoch, all on one template."""
    connection, key = make_account["connection"], make_account["key"]
    template = make_account["templates"]["certificate"] if "certificate" in make_account["templates"] \
        else next(iter(make_account["templates"].values()))
    fields = rpc("getTemplateFields", {"template_id": template["id"]}, connection).items

    webhook = load("webhook/renderEvents/params")
    assert [p["name"] for p in webhook] == ["event", "template_id"]
    attached = run(load("webhook/renderEvents/attach"), {
        "connection": connection, "webhook": {"url": receiver.url},
        "parameters": {"event": "render.completed", "template_id": template["id"]}}, base={})   # needs no base
    assert attached.status == 201 and attached.missing == []
    hook = live.api("GET", f"/hooks/{attached.output['id']}", key).json()
    assert (hook["target_url"], hook["event"], hook["template_id"]) == (receiver.url, "render.completed",
                                                                        template["id"])

    before = datetime.now(UTC) - timedelta(seconds=5)
    parameters = {"template_id": template["id"], "format": "png", **sample_fields(fields)}
    rendered = module("renderImage", parameters, connection)
    assert rendered.request["body"]["fields"] == sample_fields(fields)
    assert rendered.status == 201 and rendered.missing == []
    render = rendered.output
    assert render["status"] == "completed" and interface_names("renderImage") <= set(render)
    image = requests.get(render["url"], timeout=30)
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")

    got = module("getRender", {"render_id": render["id"]}, connection)
    assert got.output["url"] == render["url"] and got.missing == []
    assert interface_names("getRender") <= set(got.output)

    delivery = receiver.deliveries.get(timeout=120)   # Platen's worker delivers it; waits only as long as it takes
    communication = load("webhook/renderEvents/communication")
    scope = Scope({"body": delivery})
    bundle = iml(communication["output"], scope)
    assert scope.missing == [] and bundle["id"] == render["id"] and interface_names("watchRenders") <= set(bundle)

    run(load("webhook/renderEvents/detach"), {"connection": connection, "webhook": attached.output}, base={})
    assert live.api("GET", f"/hooks/{attached.output['id']}", key).status_code == 404

    polling = {"event": "render.completed", "limit": 20}
    polled = module("watchRendersPolling", polling, connection)            # "All": no lastDate yet
    assert polled.missing == [] and render["id"] in [r["id"] for r in polled.items]
    assert interface_names("watchRendersPolling") <= set(polled.items[0])
    assert all(t["id"] and t["date"] for t in polled.triggers)
    since = module("watchRendersPolling", {**polling, "template_id": template["id"]}, connection,
                   data={"lastDate": before.isoformat()})
    assert [r["id"] for r in since.items] == [render["id"]]
    everything = module("watchRendersPolling", {**polling, "template_id": ""}, connection,   # "All", as Make sends it
                        data={"lastDate": "1970-01-01"})
    assert render["id"] in [r["id"] for r in everything.items]
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert module("watchRendersPolling", polling, connection, data={"lastDate": later}).items == []
    epoch = load("module/watchRendersPolling/epoch")
    choices = run(load("module/watchRendersPolling/communication"),
                  {"parameters": polling, "connection": connection}, overrides=epoch)
    assert choices.missing == [] and choices.items[0]["label"].startswith(render["id"])


def test_create_batch(live, make_account):
    connection = make_account["connection"]
    template = next(iter(make_account["templates"].values()))
    fields = rpc("getTemplateFields", {"template_id": template["id"]}, connection).items
    rows = [sample_fields(fields), sample_fields(fields)]
    created = module("createBatch", {"template_id": template["id"], "rows": rows}, connection)
    assert created.status == 202 and created.missing == []
    assert created.output["total"] == 2 and interface_names("createBatch") <= set(created.output)
    assert requests.get(created.output["results_url"], timeout=30).status_code == 200


def test_create_batch_from_a_file(live, make_account):
    connection = make_account["connection"]
    template = next(iter(make_account["templates"].values()))
    names = list(sample_fields(rpc("getTemplateFields", {"template_id": template["id"]}, connection).items))
    csv = ";".join(names + ["Notes"]) + "\r\n" + "\r\n".join(";".join(f"Row {i}" for _ in names + ["x"])
                                                            for i in (1, 2, 3)) + "\r\n"
    created = module("createBatchFromFile", {"template_id": template["id"], "file_name": "people.csv",
                                             "file_data": csv.encode()}, connection)
    assert created.status == 202 and created.missing == []
    assert (created.output["total"], created.output["ignored_columns"]) == (3, ["Notes"])
    assert interface_names("createBatchFromFile") <= set(created.output)
    with pytest.raises(MakeError) as not_a_sheet:
        module("createBatchFromFile", {"template_id": template["id"], "file_name": "photo.png",
                                       "file_data": b"\x89PNG\r\n\x1a\n" + bytes(64)}, connection)
    assert not_a_sheet.value.type == "DataError" and not_a_sheet.value.message.startswith("[415] ")


def test_a_failed_render_is_a_make_error_and_a_render_failed_bundle(live, make_account):
    connection, key = make_account["connection"], make_account["key"]
    template = live.api("POST", "/templates", key, json={
        "name": "Make broken photo", "width": 200, "height": 200, "background": "#ffffff",
        "layers": [{"type": "image", "name": "photo", "x": 0, "y": 0, "width": 200, "height": 200, "src": ""}]})
    assert template.status_code == 201, template.text
    template = template.json()
    with pytest.raises(MakeError) as failed:   # nothing listens on port 9 of loopback: the image cannot load
        module("renderImage", {"template_id": template["id"], "photo": "http://127.0.0.1:9/photo.png"}, connection)
    assert failed.value.type == "DataError" and "(error: render_failed," in failed.value.message
    polled = module("watchRendersPolling", {"event": "render.failed", "template_id": template["id"], "limit": 5},
                    connection)
    assert polled.missing == [] and [r["status"] for r in polled.items] == ["failed"]
    assert polled.triggers[0]["date"] == polled.items[0]["completed_at"]


def test_errors_become_make_errors(live, make_account):
    connection = make_account["connection"]
    with pytest.raises(MakeError) as missing:
        module("getRender", {"render_id": "rnd_0000000000000000000000"}, connection)
    assert missing.value.type == "DataError"
    assert re.fullmatch(r"\[404\] .+ \(error: not_found, request req_\w+\)", missing.value.message)
    # a mapped id is one path segment: "../templates" asks for a render of that name, not for the template list
    with pytest.raises(MakeError) as escaped:
        module("getRender", {"render_id": "../templates"}, connection)
    assert escaped.value.type == "DataError" and "[404]" in escaped.value.message
    reader = live.api("POST", "/keys", make_account["key"], json={"label": "read only",
                                                                  "scopes": ["templates:read"]}).json()["key"]
    template = next(iter(make_account["templates"].values()))
    with pytest.raises(MakeError) as forbidden:
        module("renderImage", {"template_id": template["id"]}, {**connection, "apiKey": reader})
    assert forbidden.value.type == "InvalidConfigurationError"
    assert "Missing scope: renders:write." in forbidden.value.message
    with pytest.raises(MakeError) as unauthorized:
        module("listTemplates", {"limit": 1}, {**connection, "apiKey": "plt_live_revoked"})
    assert unauthorized.value.type == "InvalidAccessTokenError"
