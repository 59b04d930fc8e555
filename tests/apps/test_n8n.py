"""The n8n community node package (integrations/n8n), tested by n8n's own tooling: `n8n-node build` and
`n8n-node lint` (@n8n/node-cli), `tsc` checking every starter template's `?format=n8n` fields as n8n-workflow's
`ResourceMapperFields`, and node:test running the built nodes with a fake `this` whose HTTP helpers make real
requests to a live Platen (see integrations/n8n/test/)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from openpyxl import Workbook

from tests.apps.conftest import ROOT, npm_ci, run

PKG = ROOT / "integrations" / "n8n"
BIN = PKG / "node_modules" / ".bin"
GENERATED = PKG / "test" / ".generated"
QUIET = {"CI": "1", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def built():
    """`npm ci` from the lockfile, then `n8n-node build` (tsc, then the icons copied into dist/)."""
    npm_ci(PKG)
    run([str(BIN / "n8n-node"), "build"], PKG, env=QUIET)
    return PKG / "dist"


def test_n8n_node_build_makes_every_node_and_credential_the_package_declares(built):
    manifest = json.loads((PKG / "package.json").read_text())
    declared = manifest["n8n"]["nodes"] + manifest["n8n"]["credentials"]
    assert len(declared) == 3
    for entry in declared:
        assert (PKG / entry).is_file(), entry
    assert (built / "icons" / "platen.svg").is_file()
    assert (built / "icons" / "platen.dark.svg").is_file()
    assert manifest["peerDependencies"] == {"n8n-workflow": "*"}
    for name, version in manifest["devDependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned exactly: {version}"


def test_n8n_node_lint_passes(built):
    done = run([str(BIN / "n8n-node"), "lint"], PKG, env=QUIET)
    assert "problem" not in done.stdout + done.stderr


def test_npm_pack_ships_only_the_built_package(built):
    npm = shutil.which("npm")
    done = run([npm, "pack", "--dry-run", "--json", "--ignore-scripts"], PKG)
    files = {f["path"] for f in json.loads(done.stdout)[0]["files"]}
    assert {"package.json", "README.md", "dist/nodes/Platen/Platen.node.js",
            "dist/nodes/PlatenTrigger/PlatenTrigger.node.js", "dist/credentials/PlatenApi.credentials.js",
            "dist/icons/platen.svg"} <= files
    assert not {f for f in files if f.startswith(("test/", "nodes/", "node_modules/"))}


def _tsc(name: str, source: str) -> subprocess.CompletedProcess:
    GENERATED.mkdir(parents=True, exist_ok=True)
    (GENERATED / f"{name}.ts").write_text(source)
    (GENERATED / f"tsconfig.{name}.json").write_text(json.dumps({
        "extends": "../../tsconfig.json",
        "compilerOptions": {"noEmit": True, "incremental": False, "noUnusedLocals": False},
        "include": [f"{name}.ts"]}))
    return subprocess.run([str(BIN / "tsc"), "-p", f"tsconfig.{name}.json"], cwd=GENERATED, capture_output=True,
                          text=True, timeout=300)


def test_every_starter_templates_n8n_fields_type_check_as_resource_mapper_fields(built, live):
    key = live.account("n8n types Co")
    listed = live.api("GET", "/templates/examples", key=key)
    assert listed.status_code == 200, listed.text
    lines = ["import type { ResourceMapperFields } from 'n8n-workflow';", ""]
    for example in listed.json():
        copy = live.api("POST", f"/templates/examples/{example['name']}", key=key, json={})
        assert copy.status_code == 201, copy.text
        fields = live.api("GET", f"/templates/{copy.json()['id']}/fields?format=n8n", key=key)
        assert fields.status_code == 200, fields.text
        assert fields.json()["fields"], example["name"]
        name = re.sub(r"\W", "_", example["name"])
        lines.append(f"export const {name}: ResourceMapperFields = {json.dumps(fields.json(), indent=1)};")
    assert len(lines) >= 2 + 9
    checked = _tsc("starters", "\n".join(lines) + "\n")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    # the check has teeth: a field type n8n lacks, or a property it doesn't know, fails to compile
    bad = _tsc("bad", "import type { ResourceMapperFields } from 'n8n-workflow';\n"
                      "export const x: ResourceMapperFields = {fields: [{id: 'c', displayName: 'C', required: false, "
                      "defaultMatch: false, display: true, type: 'colour'}]};\n"
                      "export const y: ResourceMapperFields = {fields: [{id: 'c', displayName: 'C', required: false, "
                      "defaultMatch: false, display: true, helpText: 'no such key'}]};\n")
    assert bad.returncode != 0
    assert "'\"colour\"' is not assignable" in bad.stdout, bad.stdout
    assert "'helpText' does not exist" in bad.stdout, bad.stdout


def _workbook(path):
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Not", "the", "rows"])
    sheet = book.create_sheet("People")
    sheet.append(["Headline", "Writer"])
    sheet.append(["Hello, XLSX", "Ada"])
    sheet.append(["Second", "Grace"])
    book.save(path)


def test_the_nodes_pass_their_node_test_suite_against_a_live_platen(built, live, tmp_path):
    key = live.account("n8n Co")
    made = live.api("POST", "/templates/examples/og-blog-card", key=key, json={"name": "n8n blog card"})
    assert made.status_code == 201, made.text
    _workbook(tmp_path / "rows.xlsx")
    node = shutil.which("node")
    assert node, "node is missing: Node 20 is needed for the n8n package's tests"
    done = subprocess.run([node, "--test", "--test-reporter=tap", "test/platen.test.js"], cwd=PKG,
                          capture_output=True, text=True, timeout=600, env={
                              **dict(__import__("os").environ), **QUIET,
                              "PLATEN_BASE_URL": live.base, "PLATEN_API_KEY": key,
                              "PLATEN_TEMPLATE_ID": made.json()["id"], "PLATEN_XLSX": str(tmp_path / "rows.xlsx")})
    tap = done.stdout
    failed = re.findall(r"^\s*not ok \d+ - (.+)$", tap, re.M)
    assert done.returncode == 0 and not failed, f"failed: {failed}\n{tap[-8000:]}\n{done.stderr[-3000:]}"
    passed = re.findall(r"^\s*ok \d+ - (.+)$", tap, re.M)
    for expected in ("the credential test (GET /api/v1/me) passes with the key and fails with another",
                     "resourceMapping getTemplateFields answers the fields ?format=n8n gives",
                     "create renders with the mapped fields, waits, and attaches the file",
                     "a retried step replays its render; the node run again in a loop with other values renders anew",
                     "get, get many and download",
                     "get many lists summaries; get fields in each format",
                     "create from input items (one row each), waiting for completion",
                     "get and get results",
                     "create from a binary CSV file, with a column mapping",
                     "create from a binary XLSX file, with a column mapping",
                     "create subscribes one hook per event; checkExists sees them",
                     "a real delivery (a test event) is accepted; forged, unsigned and stale ones are refused",
                     "a render made by the Platen node reaches the trigger as render.completed",
                     "delete unsubscribes every hook, and again is harmless",
                     "loadOptions getBrands lists the brands, the default one marked; getFormats the formats",
                     "render create and batch create send the brand",
                     "create from text: an OG card and a 3-slide LinkedIn carousel, waiting, with their URLs and files",
                     "create without waiting answers the queued generation; a bad format is Platen's 422",
                     "get and get many",
                     "create from a web page URL",
                     "create from a PDF: by URL, and from a binary field as the form file",
                     "a generation made by the Platen node reaches the trigger as generation.completed"):
        assert expected in passed, f"{expected!r} did not run or pass:\n{tap[-6000:]}"
