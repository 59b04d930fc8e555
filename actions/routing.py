"""The URL map: no redirects, a fixed path answers for itself alone, and an empty id in a path is named."""

from __future__ import annotations

from flask import Flask
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, MapAdapter

API_PREFIX = "/api/v1/"
# What fills an empty path segment to find the route it was meant for: text for the default converter, a number
# for an int one. Neither is a real id or version, so a view argument that holds one is the empty one.
_FILLERS = ("empty-path-segment", "918273645")


class EmptyPathId(NotFound):
    """A path whose id is empty (`/api/v1/templates//fields`): an automation mapped an id that came back empty."""

    def __init__(self, parameter: str):
        noun = parameter.replace("_", " ")
        article = "an" if noun[0] in "aeiou" else "a"
        super().__init__(f"The {noun} in the path is empty: map {article} {noun} from an earlier step "
                         f"(check that the step gave one).")
        self.parameter = parameter


class ApiMap(Map):
    """Werkzeug's map without its redirects (SPEC: none on /api/v1, platforms refuse some of them): `//` is not
    merged into `/` (so `/templates//fields` is not `/templates/fields`, which then named a template "fields"), and
    a rule's defaults never redirect. Trailing slashes are accepted as they are (``strict_slashes`` False)."""

    def __init__(self, *args, **kwargs):
        kwargs.update(merge_slashes=False, redirect_defaults=False, strict_slashes=False)
        super().__init__(*args, **kwargs)
        self._fixed: dict[str, frozenset[str]] | None = None

    def add(self, rulefactory) -> None:
        super().add(rulefactory)
        self._fixed = None   # worked out again, from every rule, on the next match

    def bind(self, *args, **kwargs) -> MapAdapter:
        return _api_adapter(super().bind(*args, **kwargs))

    def bind_to_environ(self, *args, **kwargs) -> MapAdapter:
        return _api_adapter(super().bind_to_environ(*args, **kwargs))

    def fixed_methods(self, path: str) -> frozenset[str] | None:
        """The methods of the fixed rule(s) (no variable part) at exactly ``path``, or None if there is none."""
        if self._fixed is None:
            fixed: dict[str, set[str]] = {}
            for rule in self.iter_rules():
                if not rule.arguments and rule.methods:
                    fixed.setdefault(_without_slash(rule.rule), set()).update(rule.methods)
            self._fixed = {path: frozenset(methods) for path, methods in fixed.items()}
        return self._fixed.get(_without_slash(path))


class ApiMapAdapter(MapAdapter):
    """Matching with two corrections to Werkzeug's.

    A fixed path that also fits a ``{id}`` route (`/hooks/signing-secret` beside `/hooks/{hook_id}`) belongs to the
    fixed route alone: a method it lacks is a 405 naming its own methods (Werkzeug fell through to the `{id}` route,
    so `DELETE /hooks/signing-secret` looked for a hook called "signing-secret" and `OPTIONS` advertised DELETE).

    A path under /api/v1 that matches nothing because a segment is empty is a 404 that names the missing id."""

    map: ApiMap

    def match(self, path_info=None, method=None, return_rule=False, query_args=None, websocket=None):
        path = self.path_info if path_info is None else path_info
        wanted = (method or self.default_method).upper()
        fixed = self.map.fixed_methods(path)
        try:
            if fixed is not None and wanted not in fixed:
                raise MethodNotAllowed(valid_methods=sorted(fixed))
            return super().match(path_info, method, return_rule, query_args, websocket)
        except (NotFound, MethodNotAllowed):
            empty = self._empty_parameter(path, wanted)
            if empty is not None:
                raise EmptyPathId(empty) from None
            raise

    def _empty_parameter(self, path: str, method: str) -> str | None:
        """The view argument that an empty segment of ``path`` stands for, if filling it in finds a route."""
        if not path.startswith(API_PREFIX) or method == "--":   # "--": Werkzeug asking for the allowed methods
            return None
        for trimmed in (path, path[:-1] if path.endswith("//") else None):   # a trailing slash is allowed
            if trimmed is None:
                continue
            for filler in _FILLERS:
                candidate = "/".join(part if part or i == 0 else filler
                                     for i, part in enumerate(trimmed.split("/")))
                try:
                    _, args = super().match(candidate, method)
                except (NotFound, MethodNotAllowed):
                    continue
                for name, value in args.items():
                    if str(value) == filler:
                        return name
        return None


def _without_slash(path: str) -> str:
    """One trailing slash is the same path (``strict_slashes`` False); `//` is an empty segment, not that."""
    return path[:-1] if path.endswith("/") and len(path) > 1 else path


def _api_adapter(adapter: MapAdapter) -> MapAdapter:
    # Map.bind_to_environ builds its adapter through Map.bind by name, so the class is set here, once, for both.
    adapter.__class__ = ApiMapAdapter
    return adapter


class ApiFlask(Flask):
    """Flask with the map above."""

    url_map_class = ApiMap
