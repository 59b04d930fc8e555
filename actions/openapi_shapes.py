"""OpenAPI, said once for the whole document: what objects take beyond their properties, and what client
generators, linters and converters read (operationIds, servers, response headers, convertible nullables)."""

from __future__ import annotations

import re

from apispec import BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import RAISE

_REF = "#/components/schemas/"
_RESPONSE_REF = "#/components/responses/"


class ObjectShapes(BasePlugin):
    """Request bodies say what the server does with properties they do not list: a schema that refuses them
    (marshmallow's ``RAISE``) is ``additionalProperties: false``; a schema that hands them on declares what they
    are in ``Meta.additional_properties`` (``False`` when the model behind it refuses them, or the schema of the
    values it takes). Response objects stay open, so a client that validates them keeps working when an object
    gains a property. Runs after the marshmallow plugin, which has turned every schema into a component by then."""

    def init_spec(self, spec) -> None:
        self.spec = spec
        self.marshmallow = next(p for p in spec.plugins if isinstance(p, MarshmallowPlugin))
        self.requests: set[str] = set()

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        schemas = self.spec.components.schemas
        classes = {name: key[0] for key, name in self.marshmallow.converter.refs.items()}
        for operation in (operations or {}).values():
            if not isinstance(operation, dict):
                continue
            for name in _components(operation.get("requestBody"), schemas):
                self.requests.add(name)
                if name in classes:
                    schemas[name]["additionalProperties"] = _takes_others(classes[name])
            answers = [self.spec.components.responses.get(answer) if isinstance(answer, str) else answer
                       for answer in (operation.get("responses") or {}).values()]   # a str names a component
            for name in _components(answers, schemas, self.spec.components.responses):
                if name not in self.requests and schemas[name].get("additionalProperties") is False:
                    del schemas[name]["additionalProperties"]


def _takes_others(schema_class) -> bool | dict:
    declared = getattr(getattr(schema_class, "Meta", None), "additional_properties", None)
    if declared is not None:
        return declared
    return schema_class.opts.unknown != RAISE   # EXCLUDE drops them, INCLUDE keeps them: either way accepted


def _components(node, schemas: dict, responses: dict | None = None, seen: set | None = None):
    """The names of the schema components ``node`` refers to, directly or through other components (and through
    response components, such as the error envelope's, when ``responses`` is given)."""
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF) and ref[len(_REF):] in schemas and ref not in seen:
            seen.add(ref)
            yield ref[len(_REF):]
            yield from _components(schemas[ref[len(_REF):]], schemas, responses, seen)
        elif isinstance(ref, str) and ref.startswith(_RESPONSE_REF) and ref not in seen:
            seen.add(ref)
            yield from _components((responses or {}).get(ref[len(_RESPONSE_REF):]), schemas, responses, seen)
        for value in node.values():
            yield from _components(value, schemas, responses, seen)
    elif isinstance(node, list):
        for value in node:
            yield from _components(value, schemas, responses, seen)


# --- What client generators and converters read ----------------------------------------------------------------

_VERBS = {"get": "get", "put": "replace", "patch": "update", "delete": "delete", "post": "create", "head": "head"}
_COLLECTION_VERBS = {**_VERBS, "get": "list"}
_ACTIONS = {"cancel", "retry", "restore", "test", "validate", "preview"}   # POST …/<action>: the verb itself
# Where the rule below reads badly or two paths would share a name.
_OPERATION_IDS = {
    ("get", "/api/v1/triggers/{event}"): "pollTrigger",
    ("post", "/api/v1/templates/examples/{name}"): "copyTemplateExample",
    ("post", "/api/v1/templates/fields"): "listTemplateBodyFields",
    ("get", "/render/{template_id}.{ext}"): "renderTemplateUrl",
    ("get", "/batches/{batch_id}/{name}"): "downloadBatchFile",
    ("get", "/healthz"): "getHealth",
    ("get", "/readyz"): "getReadiness",
    ("get", "/metrics"): "getMetrics",
}
_HEADER_REF = "#/components/headers/"
HEADERS = {
    "X-Request-Id": {"description": "This request's id (`req_…`), the same as `request_id` in an error: quote it "
                                    "when asking about a request.",
                     "schema": {"type": "string", "example": "req_5f2c0e9a1b7d4c33"}},
    "X-RateLimit-Limit": {"description": "Requests this key may make in the current window (per rate class: "
                                         "reads, renders, writes, previews).", "schema": {"type": "integer"}},
    "X-RateLimit-Remaining": {"description": "Requests left in the current window.", "schema": {"type": "integer"}},
    "X-RateLimit-Reset": {"description": "When the window resets, in seconds since the Unix epoch.",
                          "schema": {"type": "integer"}},
    "Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer", "minimum": 0}},
    "Idempotent-Replayed": {"description": "`true` when this answer replays the first request made with the same "
                                           "`Idempotency-Key` (nothing new was created).",
                            "schema": {"type": "string", "enum": ["true"]}},
}
_RETRIED = {"429", "503"}   # the statuses whose answers carry Retry-After


BINARY = {"type": "string", "format": "binary"}   # a file as a response's schema: its content type says which


def binary(*media_types: str) -> dict:
    """The ``content`` of a response that is a file in one of ``media_types``."""
    return {media: {"schema": dict(BINARY)} for media in media_types}


class ClientShapes(BasePlugin):
    """What client generators (openapi-python-client), linters (Redocly's recommended rules) and converters to
    Swagger 2.0 (Power Automate custom connectors) read, said once for every operation: a readable `operationId`
    (`createRender`, `listTemplates`), the `servers` entry, the response headers every answer carries (request id,
    rate limits, `Retry-After`, `Idempotent-Replayed`) as shared components, and nullables written the way a
    converter can carry over (`type: [T, "null"]`, never `anyOf` with `null` or `default: null`)."""

    def __init__(self, server_url: str):
        self.server_url = server_url.rstrip("/")

    def init_spec(self, spec) -> None:
        self.spec = spec
        self.operation_ids: set[str] = set()
        self.headed: set[str] = set()
        spec.options.setdefault("servers", [{"url": self.server_url,
                                             "description": "This Platen (its PLATEN_PUBLIC_URL)"}])
        for name, header in HEADERS.items():
            spec.components.header(name, header)

    def schema_helper(self, name, definition, **kwargs) -> None:
        for prop in (definition.get("properties") or {}).values():
            _convertible_nullable(prop, self.spec.components.schemas)

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        self.spec.components.schemas.pop("PaginationMetadata", None)   # flask-smorest's; no list here pages so
        for method, operation in (operations or {}).items():
            if not isinstance(operation, dict) or method not in _VERBS:
                continue
            operation.setdefault("operationId", self._unique(_operation_id(method, path)))
            self._headers(operation)

    def _unique(self, name: str) -> str:
        taken, n = name, 2
        while taken in self.operation_ids:
            taken, n = f"{name}{n}", n + 1
        self.operation_ids.add(taken)
        return taken

    def _headers(self, operation: dict) -> None:
        responses = operation.get("responses") or {}
        limited = "429" in {str(code) for code in responses}
        replays = any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters") or []
                      if isinstance(p, dict))
        for code, response in responses.items():
            code = str(code)
            if isinstance(response, str):   # a response component, shared: given its headers once
                if response in self.headed:
                    continue
                self.headed.add(response)
                components = self.spec.components
                response = components.responses.get(response) or components.responses_lazy.get(response)
            if not isinstance(response, dict) or "$ref" in response:
                continue
            names = ["X-Request-Id"]
            if limited or code == "429":
                names += ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]
            if code in _RETRIED:
                names.append("Retry-After")
            if replays and code.startswith("2"):
                names.append("Idempotent-Replayed")
            headers = response.setdefault("headers", {})
            for name in names:
                headers.setdefault(name, {"$ref": _HEADER_REF + name})


def _operation_id(method: str, path: str) -> str:
    """``createRender``, ``listTemplateVersions``, ``retryHookDelivery``: the verb from the method (or the action a
    POST names), then the nouns of the path, singular but for the last of a list."""
    if (method, path) in _OPERATION_IDS:
        return _OPERATION_IDS[(method, path)]
    parts = [p for p in path.split("/") if p]
    if parts[:2] == ["api", "v1"]:
        parts = parts[2:]
    nouns = [part for part in parts if not part.startswith("{")]
    words = [_singular(noun) for noun in nouns[:-1]] + nouns[-1:]
    last = parts[-1]
    if last.startswith("{"):
        verb, words = _VERBS[method], [_singular(word) for word in words]
    elif method == "post" and last in _ACTIONS:
        verb, words = words[-1], [_singular(w) for w in words[:-1]]
    elif "." in last or _singular(last) == last:   # a file (results.csv) or one thing (me, usage, file)
        verb = _VERBS[method]
    else:
        verb = _COLLECTION_VERBS[method]
        if method != "get":
            words[-1] = _singular(words[-1])
    return verb + "".join(w[:1].upper() + w[1:] for word in words for w in re.split(r"[-_.]", word) if w)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _convertible_nullable(prop: dict, schemas: dict) -> None:
    """marshmallow writes a nullable nested object as ``anyOf: [{$ref: X}, {type: null}]``, which Swagger 2.0 has no
    word for: it becomes a plain ``$ref`` to X, and X itself says it may be null (``type: [object, null]``, which
    converters carry over as ``x-nullable``). ``default: null`` goes: it only says the property is optional."""
    if prop.get("default", ...) is None:
        del prop["default"]
    branches = prop.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2 or {"type": "null"} not in branches:
        return
    (target,) = [b for b in branches if b != {"type": "null"}]
    ref = target.get("$ref") if isinstance(target, dict) else None
    name = ref[len(_REF):] if isinstance(ref, str) and ref.startswith(_REF) else ref
    if not isinstance(name, str) or name not in schemas:
        return
    del prop["anyOf"]
    prop["$ref"] = ref
    schemas[name]["type"] = ["object", "null"]
