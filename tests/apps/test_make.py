"""The Make custom app (integrations/make/): its files validated with Make's own JSON schemas (vendored from the VS
Code extension), and its modules run against a live Platen by a small evaluator of the IML the files use."""

from __future__ import annotations

import json
import queue
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from jsonschema import Draft7Validator
from jsonschema_specifications import REGISTRY as METASCHEMAS
from referencing import Resource
from referencing.jsonschema import DRAFT7

from tests.apps.conftest import ROOT

APP = ROOT / "integrations" / "make"
SCHEMAS = APP / "schemas"
MANIFEST = json.loads((APP / "makecomapp.json").read_text())


# --- Make's schemas, as the extension associates them ----------------------------------------------------------------
def _registry():
    resources = [(f"{SCHEMAS.as_uri()}/{p.name}", Resource.from_contents(json.loads(p.read_text()),
                                                                          default_specification=DRAFT7))
                 for p in SCHEMAS.glob("*.json") if p.name != "jsonValidation.json"]
    return METASCHEMAS.with_resources(resources)


REGISTRY = _registry()


def validator(schema_file: str, pointer: str = "") -> Draft7Validator:
    return Draft7Validator({"$ref": f"{SCHEMAS.as_uri()}/{schema_file}#{pointer}"}, registry=REGISTRY)


def schema_for(path: Path) -> str | None:
    """The schema file `package.json` → `contributes.jsonValidation` gives this file (the extension's own rule)."""
    for rule in json.loads((SCHEMAS / "jsonValidation.json").read_text()):
        patterns = rule["fileMatch"] if isinstance(rule["fileMatch"], list) else [rule["fileMatch"]]
        if any("/" not in p and fnmatch(path.name, p) for p in patterns):
            return rule["url"].rsplit("/", 1)[-1]
    return None


def app_files() -> list[Path]:
    return sorted(p for p in APP.rglob("*.json") if SCHEMAS not in p.parents)


def schema_errors(data, schema_file: str, pointer: str = "") -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in validator(schema_file, pointer).iter_errors(data)]


def code_files() -> dict[str, Path]:
    """Every code file makecomapp.json names, keyed `type/id/code` (general codes: `general/code`)."""
    out = {f"general/{k}": APP / v for k, v in MANIFEST["generalCodeFiles"].items() if v}
    for kind, components in MANIFEST["components"].items():
        for cid, meta in components.items():
            out.update({f"{kind}/{cid}/{k}": APP / v for k, v in meta["codeFiles"].items() if v})
    return out


def load(key: str):
    return json.loads(code_files()[key].read_text())


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


# --- the IML evaluator -----------------------------------------------------------------------------------------------
class _Undefined:
    def __repr__(self):
        return "undefined"


UNDEFINED = _Undefined()
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>'[^']*'|\"[^\"]*\")|(?P<tick>`[^`]*`)"
                    r"|(?P<name>[A-Za-z_$][\w$]*)|(?P<op>[.(),\[\]]))")


@dataclass
class Scope:
    """The IML variables of one evaluation; `missing` collects response paths (body…, item…) that were absent."""

    values: dict
    missing: list = field(default_factory=list)


class Expression:
    """Only what the app's files use: paths (`body.x`, ``headers.`x-request-id` ``), string, number and null
    literals, and the functions ifempty() and omit(). Anything else raises, so a file that starts using more IML
    fails here until this evaluator learns it."""

    FUNCTIONS = {
        "ifempty": lambda a, b: b if a is UNDEFINED or a is None or a == "" else a,
        "omit": lambda obj, *keys: {k: v for k, v in obj.items() if k not in keys},
        # Make's encodeURL: ids go into paths encoded, so a mapped "x/../y" can't reach another endpoint
        "encodeURL": lambda text: quote(_text(text), safe=""),
    }

    def __init__(self, text: str):
        self.text, self.tokens, self.at = text, [], 0
        pos = 0
        while pos < len(text.rstrip()):
            m = _TOKEN.match(text, pos)
            if not m:
                raise ValueError(f"IML this evaluator does not know: {text!r} at {pos}")
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()

    def evaluate(self, scope: Scope):
        self.at = 0
        value = self._expr(scope)
        if self.at != len(self.tokens):
            raise ValueError(f"IML this evaluator does not know: {self.text!r}")
        return value

    def _next(self):
        token = self.tokens[self.at]
        self.at += 1
        return token

    def _peek(self, value):
        return self.at < len(self.tokens) and self.tokens[self.at][1] == value

    def _expr(self, scope):
        kind, value = self._next()
        if kind == "num":
            return float(value) if "." in value else int(value)
        if kind == "str":
            return value[1:-1]
        if kind != "name":
            raise ValueError(f"IML this evaluator does not know: {self.text!r}")
        if value in ("null", "true", "false"):
            return {"null": None, "true": True, "false": False}[value]
        if self._peek("("):
            self._next()
            args = []
            while not self._peek(")"):
                args.append(self._expr(scope))
                if self._peek(","):
                    self._next()
            self._next()
            return self.FUNCTIONS[value](*args)
        path, current = [value], scope.values.get(value, UNDEFINED)
        while self._peek("."):
            self._next()
            kind, key = self._next()
            key = key.strip("`")
            path.append(key)
            current = current.get(key, UNDEFINED) if isinstance(current, dict) else UNDEFINED
        if current is UNDEFINED and path[0] in ("body", "item"):
            scope.missing.append(".".join(path))
        return current


_MUSTACHE = re.compile(r"\{\{(.*?)\}\}")


def _text(value) -> str:
    if value is UNDEFINED or value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def iml(template, scope: Scope):
    """A directive's value: a string that is one {{expression}} keeps the value's type; other strings interpolate;
    objects and arrays are evaluated inside; keys whose value is undefined are left out (as JSON.stringify does)."""
    if isinstance(template, str):
        found = list(_MUSTACHE.finditer(template))
        if len(found) == 1 and found[0].group(0) == template.strip():
            return Expression(found[0].group(1)).evaluate(scope)
        return _MUSTACHE.sub(lambda m: _text(Expression(m.group(1)).evaluate(scope)), template)
    if isinstance(template, dict):
        out = {k: iml(v, scope) for k, v in template.items()}
        return {k: v for k, v in out.items() if v is not UNDEFINED}
    if isinstance(template, list):
        return [iml(v, scope) for v in template]
    return template


# --- running a communication the way Make does ---------------------------------------------------------------------
class MakeError(Exception):
    def __init__(self, type_: str, message: str):
        super().__init__(f"{type_}: {message}")
        self.type, self.message = type_, message


@dataclass
class Call:
    """One request made from a communication, and what its response directives made of the answer."""

    request: dict
    status: int
    body: object
    output: object = None
    items: list = field(default_factory=list)
    triggers: list = field(default_factory=list)
    missing: list = field(default_factory=list)


def run(communication: dict, variables: dict, *, base: dict | None = None, overrides: dict | None = None) -> Call:
    """Builds the request (base merged under the communication, a `/…` url joined to baseUrl), sends it, and applies
    `response` (base's error handling included): a 4xx/5xx becomes a MakeError of the type Make would raise."""
    base = base if base is not None else load("general/base")
    spec = {**communication, **(overrides or {})}
    if overrides and "qs" in overrides:
        spec["qs"] = {**communication.get("qs", {}), **overrides["qs"]}
    if overrides and "response" in overrides:
        spec["response"] = {**communication.get("response", {}), **overrides["response"]}
    scope = Scope(dict(variables))
    url = iml(spec["url"], scope)
    if url.startswith("/"):
        url = iml(base["baseUrl"], scope) + url
    headers = iml({**base.get("headers", {}), **spec.get("headers", {})}, scope)
    qs = iml(spec.get("qs", {}), scope)
    body = iml(spec["body"], scope) if "body" in spec else None
    method = spec.get("method", "GET")
    if spec.get("type") == "multipart/form-data":   # a part is text, or a file as {value, options: {filename}}
        files = {k: (v["options"]["filename"], v["value"]) if isinstance(v, dict) else (None, _text(v))
                 for k, v in body.items()}
        answer = requests.request(method, url, headers=headers, params=qs, files=files, timeout=90)
    else:
        answer = requests.request(method, url, headers=headers, params=qs, json=body, timeout=90)
    parsed = answer.json() if answer.content and answer.headers.get("Content-Type", "").startswith(
        "application/json") else None
    response = {**base.get("response", {}), **spec.get("response", {})}
    scope = Scope({**variables, "statusCode": answer.status_code, "body": parsed,
                   "headers": {k.lower(): v for k, v in answer.headers.items()}})
    call = Call({"method": method, "url": url, "headers": headers, "qs": qs, "body": body},
                answer.status_code, parsed, missing=scope.missing)
    if answer.status_code >= 400:
        error = response.get("error", {})
        chosen = error.get(str(answer.status_code), error) if isinstance(error, dict) else {"message": error}
        raise MakeError(iml(chosen.get("type", "RuntimeError"), scope), iml(chosen["message"], scope))
    if "iterate" in response:
        container = iml(response["iterate"], scope)
        assert isinstance(container, list), f"iterate {response['iterate']} is not an array: {container!r}"
        for item in container:
            item_scope = Scope({**scope.values, "item": item}, scope.missing)
            call.items.append(iml(response.get("output", "{{item}}"), item_scope))
            if "trigger" in response:
                call.triggers.append(iml(response["trigger"], item_scope))
        if "limit" in response:
            call.items = call.items[:int(iml(response["limit"], scope))]
    elif "output" in response:
        call.output = iml(response["output"], scope)
    if "data" in response:
        call.output = iml(response["data"], scope)
    return call


def module(cid: str, parameters: dict, connection: dict, **extra) -> Call:
    return run(load(f"module/{cid}/communication"), {"parameters": parameters, "connection": connection, **extra})


def rpc(cid: str, parameters: dict, connection: dict) -> Call:
    return run(load(f"rpc/{cid}/communication"), {"parameters": parameters, "connection": connection})


def interface_names(cid: str) -> set[str]:
    return {p["name"] for p in load(f"module/{cid}/interface")}


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
