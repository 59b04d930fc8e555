"""The OpenAPI document a running Platen serves, as the tools that read it see it: Redocly's recommended rules
(0 errors, only the warnings tools/openapi/redocly.yaml keeps, each with its reason), openapi-python-client (no
warning), and the calls a generated client makes."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
import requests

from tests.apps.conftest import ROOT, npm_ci, run

TOOLS = ROOT / "tools" / "openapi"
CLIENT = ROOT / "clients" / "python"
CARD = {"name": "Doc card", "width": 120, "height": 60, "background": "#0f172a", "layers": [
    {"type": "text", "name": "title", "text": "Hello", "font_size": 20, "color": "#ffffff", "fields": ["color"]},
    {"type": "rect", "name": "badge", "x": 100, "y": 0, "width": 20, "height": 20, "fill": "#22c55e"}]}


def _generator():
    spec = importlib.util.spec_from_file_location("platen_generate", CLIENT / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def document(live) -> dict:
    answer = requests.get(f"{live.base}/api/v1/openapi.json", timeout=30)
    assert answer.status_code == 200
    return answer.json()


@pytest.fixture(scope="module")
def key(live) -> str:
    return live.account("OpenAPI document")


@pytest.fixture(scope="module")
def template_id(live, key) -> str:
    answer = live.api("POST", "/templates", key, json=CARD)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def _operations(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield path, method, operation


def test_redocly_recommended_rules_find_no_error(document, tmp_path):
    npm_ci(TOOLS)
    (tmp_path / "openapi.json").write_text(json.dumps(document))
    config = (TOOLS / "redocly.yaml").read_text()
    kept = set(re.findall(r"^  ([a-z0-9-]+): warn$", config, re.M))
    done = run([str(TOOLS / "node_modules" / ".bin" / "redocly"), "lint", str(tmp_path / "openapi.json"),
                "--config", str(TOOLS / "redocly.yaml"), "--format=json"], TOOLS,
               env={"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"})   # nothing leaves
    report = json.loads(done.stdout)
    assert report["totals"]["errors"] == 0, report["problems"]
    warned = {problem["ruleId"] for problem in report["problems"]}
    assert warned <= kept, f"warnings not kept in redocly.yaml: {warned - kept}"
    for problem in report["problems"]:   # the kept ones, exactly where their reasons say
        where = problem["location"][0]["pointer"]
        if problem["ruleId"] == "operation-4xx-response":
            assert where in ("#/paths/~1healthz/get/responses", "#/paths/~1readyz/get/responses"), where
        if problem["ruleId"] == "no-ambiguous-paths":
            assert where.startswith("#/paths/~1api~1v1~1templates~1"), where


def test_openapi_python_client_generates_without_a_warning(document, tmp_path):
    generator = _generator()
    said = generator.generate(document, tmp_path / "core")
    assert not generator.warned(said), said
    assert (tmp_path / "core" / "api" / "renders" / "create_render.py").is_file()


def test_every_operation_has_a_readable_unique_operation_id(document):
    ids = [operation.get("operationId") for _path, _method, operation in _operations(document)]
    assert all(isinstance(i, str) and re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", i) for i in ids), ids
    assert len(ids) == len(set(ids))
    assert {"createRender", "getRender", "listRenders", "getRenderFile", "listTemplates", "getTemplate",
            "createTemplate", "updateTemplate", "deleteTemplate", "listTemplateFields", "createBatch",
            "getBatchArchiveZip", "createHook", "deleteHook", "pollTrigger", "renderTemplateUrl", "getMe"} <= set(ids)


def test_servers_name_the_instance(document, live):
    assert document["servers"][0]["url"] == live.base


def test_every_answer_with_a_body_says_what_it_is(document):
    """A 2xx that has a body declares its content types: files as binary (a client decoded a PNG as text)."""
    for path, method, operation in _operations(document):
        for code, answer in operation["responses"].items():
            if code.startswith("2") and code != "204" and method != "head":
                assert answer.get("content"), f"{method} {path} {code}"
    created = document["paths"]["/api/v1/renders"]["post"]["responses"]["201"]["content"]
    assert list(created)[0] == "application/json"
    assert {"image/png", "image/jpeg", "image/webp", "application/pdf"} <= set(created)
    files = set(created) - {"application/json"}
    assert all(created[media]["schema"] == {"type": "string", "format": "binary"} for media in files)
    assert "text/csv" in document["paths"]["/api/v1/batches/{batch_id}/results.csv"]["get"]["responses"]["200"][
        "content"]
    assert "application/zip" in document["paths"]["/api/v1/batches/{batch_id}/archive.zip"]["get"]["responses"][
        "200"]["content"]


def test_nullables_convert_to_swagger_2(document):
    """No `anyOf` with `null` and no `default: null` anywhere: converters to Swagger 2.0 (Power Automate) fail
    on both; `type: [T, "null"]` becomes x-nullable."""
    def walk(node, where):
        if isinstance(node, dict):
            for word in ("anyOf", "oneOf"):
                assert {"type": "null"} not in node.get(word, []), where
            assert "default" not in node or node["default"] is not None, where
            for name, value in node.items():
                walk(value, f"{where}/{name}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")
    walk(document, "#")


def test_answers_carry_the_shared_headers_they_declare(document, live, key, template_id):
    headers = document["components"]["headers"]
    assert {"X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After",
            "Idempotent-Replayed"} <= set(headers)
    limited = document["components"]["responses"]["TOO_MANY_REQUESTS"]["headers"]
    assert limited["Retry-After"] == {"$ref": "#/components/headers/Retry-After"}
    created = document["paths"]["/api/v1/renders"]["post"]["responses"]["201"]["headers"]
    assert {"X-Request-Id", "X-RateLimit-Remaining", "Idempotent-Replayed"} <= set(created)
    body = {"template_id": template_id, "fields": {"title": "Headers"}}
    first = live.api("POST", "/renders", key, json=body, headers={"Idempotency-Key": "doc-headers-1"})
    again = live.api("POST", "/renders", key, json=body, headers={"Idempotency-Key": "doc-headers-1"})
    assert first.status_code == again.status_code == 201
    assert first.headers["X-Request-Id"].startswith("req_") and int(first.headers["X-RateLimit-Remaining"]) >= 0
    assert again.headers["Idempotent-Replayed"] == "true" and again.json()["id"] == first.json()["id"]


def test_error_details_are_typed(document, live, key):
    error = document["components"]["schemas"]["Error"]["properties"]["details"]
    assert error["$ref"] == "#/components/schemas/ErrorDetails"
    properties = document["components"]["schemas"]["ErrorDetails"]["properties"]
    assert properties["fields"]["additionalProperties"] == {"type": "array", "items": {"type": "string"}}
    answer = live.api("POST", "/hooks", key, json={"event": "render.completed"})
    assert answer.status_code == 422 and answer.json()["details"]["fields"]["target_url"]


def test_a_generated_client_reads_each_fields_format_as_its_own_schema(live, key, template_id):
    from platen_client.core import AuthenticatedClient
    from platen_client.core.api.templates import list_template_fields, list_templates
    from platen_client.core.models import (
        Field,
        FieldsJsonSchema,
        ListTemplateFieldsFormat,
        ListTemplatesView,
        MakeParameter,
        N8NFields,
        Template,
        TemplateSummary,
        ZapierField,
    )

    client = AuthenticatedClient(base_url=live.base, token=key, prefix="", auth_header_name="X-API-Key")
    expected = {"native": Field, "zapier": ZapierField, "make": MakeParameter}
    for fmt, model in expected.items():
        fields = list_template_fields.sync(template_id, client=client, format_=ListTemplateFieldsFormat(fmt))
        assert fields and all(isinstance(f, model) for f in fields), (fmt, fields)
    n8n = list_template_fields.sync(template_id, client=client, format_=ListTemplateFieldsFormat.N8N)
    assert isinstance(n8n, N8NFields) and [f.id for f in n8n.fields] == ["title", "title.color", "badge"]
    schema = list_template_fields.sync(template_id, client=client, format_=ListTemplateFieldsFormat.JSONSCHEMA)
    assert isinstance(schema, FieldsJsonSchema) and "title.color" in schema.properties.additional_properties
    summaries = list_templates.sync(client=client, view=ListTemplatesView.SUMMARY)
    assert summaries and all(isinstance(t, TemplateSummary) for t in summaries) and summaries[0].page_count == 1
    full = list_templates.sync(client=client)
    assert full and all(isinstance(t, Template) for t in full) and full[0].background == "#0f172a"


def test_a_generated_call_of_a_signed_url_renders(live, key, template_id):
    """The query parameters of /render/{id}.{ext} are declared: `s`, options and field values (exploded)."""
    from urllib.parse import parse_qsl, urlsplit

    from platen_client.core import Client
    from platen_client.core.api.urls import render_template_url
    from platen_client.core.models import RenderTemplateUrlExt, RenderTemplateUrlFieldValues

    signed = live.api("POST", f"/templates/{template_id}/signed-url", key,
                      json={"fields": {"title": "Signed", "title.color": "#ff0055"}})
    params = dict(parse_qsl(urlsplit(signed.json()["url"]).query))
    values = RenderTemplateUrlFieldValues.from_dict({k: v for k, v in params.items() if k != "s"})
    client = Client(base_url=live.base)
    answer = render_template_url.sync_detailed(template_id, RenderTemplateUrlExt.PNG, client=client, s=params["s"],
                                               field_values=values)
    assert answer.status_code == 200 and answer.content.startswith(b"\x89PNG")
    forged = render_template_url.sync_detailed(template_id, RenderTemplateUrlExt.PNG, client=client, s="forged",
                                               field_values=values)
    assert forged.status_code == 403 and forged.parsed.error == "forbidden"


def test_the_redocly_config_gives_a_reason_for_each_kept_warning():
    lines = (TOOLS / "redocly.yaml").read_text().splitlines()
    for i, line in enumerate(lines):
        if line.rstrip().endswith(": warn"):
            assert lines[i - 1].lstrip().startswith("#"), f"no reason above {line.strip()}"
    assert json.loads((TOOLS / "package-lock.json").read_text())["packages"]["node_modules/@redocly/cli"][
        "version"] == json.loads((TOOLS / "package.json").read_text())["devDependencies"]["@redocly/cli"]


def test_the_document_is_what_the_checkout_serves(document):
    """generate.py builds the document in-process; it is the one a running Platen serves (but its address)."""
    built = _generator().document_of_checkout()
    assert {**built, "servers": None} == {**document, "servers": None}


