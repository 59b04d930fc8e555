"""OpenAPI: whether an object may hold properties it does not list, said once for the whole document."""

from __future__ import annotations

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
