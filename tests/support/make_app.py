"""The Make app's files as Make's VS Code extension sees them (its JSON schemas), and a small evaluator of the IML
they use that runs a module's requests against a live Platen the way Make does (tests/apps/test_make*.py)."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import quote

import requests
from jsonschema import Draft7Validator
from jsonschema_specifications import REGISTRY as METASCHEMAS
from referencing import Resource
from referencing.jsonschema import DRAFT7

ROOT = Path(__file__).resolve().parents[2]
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


# --- the IML evaluator -----------------------------------------------------------------------------------------------
class _Undefined:
    def __repr__(self):
        return "undefined"


UNDEFINED = _Undefined()
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>'[^']*'|\"[^\"]*\")|(?P<tick>`[^`]*`)"
                    r"|(?P<name>[A-Za-z_$][\w$]*)|(?P<op>==|!=|&&|\|\||[!.(),\[\]]))")


@dataclass
class Scope:
    """The IML variables of one evaluation; `missing` collects response paths (body…, item…) that were absent."""

    values: dict
    missing: list = field(default_factory=list)


class Expression:
    """Only what the app's files use: paths (`body.x`, ``headers.`x-request-id` ``), string, number and null
    literals, `==`, `!=`, `&&`, `||`, `!` and parentheses (JavaScript's meaning), and the functions ifempty(), if(),
    omit() and encodeURL(). Anything else raises, so a file that starts using more IML fails here until this
    evaluator learns it."""

    FUNCTIONS = {
        "ifempty": lambda a, b: b if a is UNDEFINED or a is None or a == "" else a,
        "omit": lambda obj, *keys: {k: v for k, v in obj.items() if k not in keys},
        # Make's encodeURL: ids go into paths encoded, so a mapped "x/../y" can't reach another endpoint
        "encodeURL": lambda text: quote(_text(text), safe=""),
        "if": lambda condition, yes, no=None: yes if truthy(condition) else no,
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
        left = self._and(scope)
        while self._peek("||"):
            self._next()
            right = self._and(scope)
            left = left if truthy(left) else right
        return left

    def _and(self, scope):
        left = self._compare(scope)
        while self._peek("&&"):
            self._next()
            right = self._compare(scope)
            left = right if truthy(left) else left
        return left

    def _compare(self, scope):
        left = self._unary(scope)
        while self._peek("==") or self._peek("!="):
            _, op = self._next()
            right = self._unary(scope)
            same = _plain(left) == _plain(right)
            left = same if op == "==" else not same
        return left

    def _unary(self, scope):
        if self._peek("!"):
            self._next()
            return not truthy(self._unary(scope))
        if self._peek("("):
            self._next()
            value = self._expr(scope)
            assert self._next()[1] == ")", f"unbalanced parentheses in {self.text!r}"
            return value
        return self._primary(scope)

    def _primary(self, scope):
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
        if current is UNDEFINED and path[0] in ("body", "item", "temp"):
            scope.missing.append(".".join(path))
        return current


def truthy(value) -> bool:
    """JavaScript's truth: undefined, null, false, 0 and "" are false."""
    return not (value is UNDEFINED or value is None or value is False or value == 0 or value == "")


def _plain(value):
    return None if value is UNDEFINED else value   # undefined == null, as in JavaScript


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
    """One request made from a communication, and what its response directives made of the answer; `earlier`: the
    calls before it when the communication is several requests, `attempts`: how often `repeat` sent it."""

    request: dict
    status: int
    body: object
    output: object = None
    items: list = field(default_factory=list)
    triggers: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    temp: dict = field(default_factory=dict)
    attempts: int = 1
    earlier: list = field(default_factory=list)


def run(communication: dict | list, variables: dict, *, base: dict | None = None,
        overrides: dict | None = None) -> Call:
    """Builds the request (base merged under the communication, a `/…` url joined to baseUrl), sends it — again
    while `repeat.condition` holds, `repeat.delay` ms apart, at most `repeat.limit` times, as Make does — and applies
    `response` (base's error handling included): a 4xx/5xx becomes a MakeError of the type Make would raise, and so
    does an answer `valid` refuses. A list is several requests in turn, `temp` carried from one to the next."""
    if isinstance(communication, list):
        temp, done = dict(variables.get("temp", {})), []
        for request in communication:
            call = run(request, {**variables, "temp": temp}, base=base, overrides=overrides)
            temp.update(call.temp)
            done.append(call)
        done[-1].earlier = done[:-1]
        return done[-1]
    base = base if base is not None else load("general/base")
    spec = {**communication, **(overrides or {})}
    if overrides and "qs" in overrides:
        spec["qs"] = {**communication.get("qs", {}), **overrides["qs"]}
    if overrides and "response" in overrides:
        spec["response"] = {**communication.get("response", {}), **overrides["response"]}
    response = {**base.get("response", {}), **spec.get("response", {})}
    repeat, attempts = spec.get("repeat"), 0
    while True:
        call, scope = _send(spec, variables, base, response)
        attempts += 1
        if not repeat or attempts >= int(repeat.get("limit", 1)) or not truthy(iml(repeat["condition"], scope)):
            break
        time.sleep(repeat.get("delay", 0) / 1000)   # Make's own wait between repeats, not a test's
    call.attempts = attempts
    valid = response.get("valid", True)
    if isinstance(valid, dict) and not truthy(iml(valid["condition"], scope)):
        raise MakeError(iml(valid.get("type", "RuntimeError"), scope), iml(valid["message"], scope))
    if not isinstance(valid, dict) and not truthy(iml(valid, scope)):
        raise MakeError("RuntimeError", "The response is not valid.")
    if "temp" in response:
        call.temp = iml(response["temp"], scope)
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


def _send(spec: dict, variables: dict, base: dict, response: dict) -> tuple[Call, Scope]:
    """One request of a communication; a 4xx/5xx answer raises the MakeError `response.error` makes of it."""
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
    scope = Scope({**variables, "statusCode": answer.status_code, "body": parsed,
                   "headers": {k.lower(): v for k, v in answer.headers.items()}})
    call = Call({"method": method, "url": url, "headers": headers, "qs": qs, "body": body},
                answer.status_code, parsed, missing=scope.missing)
    if answer.status_code >= 400:
        error = response.get("error", {})
        chosen = error.get(str(answer.status_code), error) if isinstance(error, dict) else {"message": error}
        raise MakeError(iml(chosen.get("type", "RuntimeError"), scope), iml(chosen["message"], scope))
    return call, scope


def module(cid: str, parameters: dict, connection: dict, **extra) -> Call:
    return run(load(f"module/{cid}/communication"), {"parameters": parameters, "connection": connection, **extra})


def rpc(cid: str, parameters: dict, connection: dict) -> Call:
    return run(load(f"rpc/{cid}/communication"), {"parameters": parameters, "connection": connection})


def interface_names(cid: str) -> set[str]:
    return {p["name"] for p in load(f"module/{cid}/interface")}


