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
