"""The Zapier app (integrations/zapier), tested by its own tooling: jest with zapier-platform-core's createAppTester
against a live Platen, plus zapier-platform-core's validator on the app definition and zapier-platform-schema's
field schema on every starter template's ``?format=zapier`` fields (see integrations/zapier/test/)."""

from __future__ import annotations

import json
import shutil

from tests.apps.conftest import ROOT, npm_ci, run

APP = ROOT / "integrations" / "zapier"


def workbook(path) -> None:
    """An Excel file as a spreadsheet app exports it: a first sheet of notes, the rows on a sheet named Orders."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Not the rows"])
    orders = book.create_sheet("Orders")
    orders.append(["Title", "Author"])
    orders.append(["From a workbook", "Ada"])
    orders.append(["Second sheet row", 3])
    orders.append(["Third", None])
    book.save(path)


def test_zapier_app_passes_its_jest_suite_against_a_live_platen(live, tmp_path):
    npm_ci(APP)
    workbook(tmp_path / "orders.xlsx")
    key = live.account("Zapier Co")
    made = live.api("POST", "/templates/examples/og-blog-card", key=key, json={"name": "Zapier blog card"})
    assert made.status_code == 201, made.text
    template = made.json()
    starters = {}
    listed = live.api("GET", "/templates/examples", key=key)
    assert listed.status_code == 200, listed.text
    for example in listed.json():
        copy = live.api("POST", f"/templates/examples/{example['name']}", key=key,
                        json={"name": f"Starter {example['name']}"})
        assert copy.status_code == 201, copy.text
        starters[example["name"]] = copy.json()["id"]
    assert len(starters) >= 9

    npx = shutil.which("npx")
    assert npx, "npx is missing: Node 20 and npm are needed for the Zapier app's tests"
    report = APP / "node_modules" / ".jest-report.json"
    done = run([npx, "--no-install", "jest", "--runInBand", "--ci", "--json", f"--outputFile={report}"], APP, env={
        "PLATEN_BASE_URL": live.base,
        "PLATEN_API_KEY": key,
        "PLATEN_TEMPLATE_ID": template["id"],
        "PLATEN_TEMPLATE_NAME": template["name"],
        "PLATEN_STARTER_TEMPLATES": json.dumps(starters),
        "PLATEN_XLSX_FILE": str(tmp_path / "orders.xlsx"),
        "NODE_ENV": "test",
    }, timeout=600)
    results = json.loads(report.read_text())
    assert results["success"], done.stdout[-6000:] + done.stderr[-6000:]
    # Every suite ran and nothing was skipped: a suite that silently found no tests would pass as well.
    suites = {r["name"].rsplit("/", 1)[-1]: r["status"] for r in results["testResults"]}
    assert suites == {name: "passed" for name in ("definition.test.js", "authentication.test.js", "triggers.test.js",
                                                  "creates.test.js", "searches.test.js", "hydrators.test.js",
                                                  "brands.test.js", "generations.test.js")}
    assert results["numPendingTests"] == 0 and results["numTotalTests"] >= 30
