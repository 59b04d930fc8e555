"""The dashboard's routes in the app (no browser): the shell, its files, the CSP's image origins, no rate limit."""

from __future__ import annotations

from dashboard import content_security_policy, origin_of


def test_the_shell_and_files_count_against_no_rate_limit_but_the_api_does(make_app, alice):
    app = make_app(rate_limit_reads="2 per minute")
    client = app.test_client()
    caller = type(alice)(app.extensions["platen"], "Limited")
    for _ in range(5):
        for path in ("/", "/templates", "/dashboard/app.js", "/dashboard/app.css"):
            answer = client.get(path)
            assert answer.status_code == 200, path
            assert "X-RateLimit-Limit" not in answer.headers
    codes = [client.get("/api/v1/me", headers=caller.headers).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_the_files_of_the_dashboard_and_nothing_else(client):
    assert client.get("/dashboard/pages/templates.js").status_code == 200
    assert client.get("/dashboard/../__init__.py").status_code == 404
    assert client.get("/dashboard/%2e%2e/__init__.py").status_code == 404
    assert client.get("/dashboard/missing.js").status_code == 404
    shell = client.get("/templates/anything at all/edit")   # the page says what is wrong with the id
    assert shell.status_code == 200 and shell.mimetype == "text/html"
    assert client.get("/api/v1/templates/tpl_x/edit").status_code in (401, 404)   # the API's own answer


def test_hosted_files_origins_are_allowed_as_images_and_nothing_else_is_loosened(make_app):
    app = make_app(public_url="https://platen.example.com/base", s3_public_url="https://cdn.example.net/bucket")
    policy = app.test_client().get("/").headers["Content-Security-Policy"]
    assert "img-src 'self' data: blob: https://cdn.example.net https://platen.example.com;" in policy
    assert "unsafe" not in policy
    assert origin_of("") is None and origin_of("javascript:alert(1)") is None
    assert "img-src 'self' data: blob:;" in content_security_policy(())


def test_the_icon_browsers_ask_for_on_pages_without_one(client):
    # the API docs page links no icon; the browser's own request for /favicon.ico was a 404 in its console
    answer = client.get("/favicon.ico")
    assert answer.status_code == 200 and answer.mimetype == "image/svg+xml"
    assert answer.data.lstrip().startswith(b"<svg")
