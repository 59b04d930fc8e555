"""The operators' CLI: accounts and keys, each printing the new key alone on the last line."""

from connector.accounts.keys import check_format


def last_line(result) -> str:
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def test_accounts_create_prints_a_working_key_last(app):
    runner = app.test_cli_runner()
    key = last_line(runner.invoke(args=["accounts", "create", "Acme Inc", "--email", "ops@acme.test"]))
    assert key.startswith("plt_live_") and check_format(key) is None
    me = app.test_client().get("/api/v1/me", headers={"X-API-Key": key}).get_json()
    assert me["account_name"] == "Acme Inc" and me["email"] == "ops@acme.test"
    assert me["account_id"] in runner.invoke(args=["accounts", "list"]).output


def test_keys_create_with_mode_scopes_and_label(app):
    runner = app.test_cli_runner()
    first = last_line(runner.invoke(args=["accounts", "create", "Acme", "--email", "a@b.test"]))
    account_id = app.test_client().get("/api/v1/me", headers={"X-API-Key": first}).get_json()["account_id"]
    key = last_line(runner.invoke(args=["keys", "create", "--account", account_id, "--mode", "test",
                                        "--scopes", "renders:read,renders:write", "--label", "Make"]))
    me = app.test_client().get("/api/v1/me", headers={"X-API-Key": key}).get_json()
    assert (me["mode"], me["scopes"], me["key_label"]) == ("test", ["renders:read", "renders:write"], "Make")
    listed = runner.invoke(args=["keys", "list", "--account", account_id]).output
    assert me["key_id"] in listed
    revoked = runner.invoke(args=["keys", "revoke", me["key_id"], "--account", account_id])
    assert revoked.exit_code == 0
    assert app.test_client().get("/api/v1/me", headers={"X-API-Key": key}).status_code == 401


def test_cli_errors_are_plain_sentences(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["keys", "create", "--account", "acct_missing"])
    assert result.exit_code != 0 and "no account acct_missing" in result.output
    result = runner.invoke(args=["keys", "create", "--account", "acct_missing", "--scopes", "root"])
    assert result.exit_code != 0


def test_render_writes_the_image_with_fields_and_local_images(app, tmp_path):
    import io
    import json

    from PIL import Image

    Image.new("RGB", (40, 40), "red").save(tmp_path / "logo.png")
    (tmp_path / "card.json").write_text(json.dumps({"width": 200, "height": 100, "layers": [
        {"type": "image", "name": "logo", "width": 50, "height": 50, "src": "logo.png"},
        {"type": "text", "name": "title", "x": 60, "width": 140, "height": 40, "text": "Hi", "font_size": 30}]}))
    out = tmp_path / "out.jpg"
    result = app.test_cli_runner().invoke(args=["render", str(tmp_path / "card.json"), "--field",
                                                "title=A title far too long for this box", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "Text shrunk" in result.output
    image = Image.open(io.BytesIO(out.read_bytes()))
    assert image.format == "JPEG" and image.size == (200, 100)
    assert image.convert("RGB").getpixel((25, 25))[0] > 200, "the logo came from a path relative to the template"


def test_render_pages_and_errors(app, tmp_path):
    import json

    (tmp_path / "deck.json").write_text(json.dumps({"width": 100, "height": 100, "pages": [
        [{"type": "text", "name": "a", "text": "1"}], [{"type": "text", "name": "b", "text": "2"}]]}))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["render", str(tmp_path / "deck.json"), "-o", str(tmp_path / "deck.png")])
    assert result.exit_code == 0 and (tmp_path / "deck-p1.png").exists() and (tmp_path / "deck-p2.png").exists()
    result = runner.invoke(args=["render", str(tmp_path / "deck.json"), "--field", "c=x", "-o",
                                 str(tmp_path / "x.png")])
    assert result.exit_code != 0 and "fields.c: this template has no field 'c'" in result.output
    (tmp_path / "bad.json").write_text('{"width": 100, "height": 0}')
    result = runner.invoke(args=["render", str(tmp_path / "bad.json"), "-o", str(tmp_path / "x.png")])
    assert result.exit_code != 0 and "height: must be between 1 and 4096" in result.output


def test_render_fetches_remote_images_under_the_servers_rules(app, tmp_path, monkeypatch):
    """http(s) sources go through the same guarded fetcher as the server's: a loopback server is refused unless
    PLATEN_ALLOW_PRIVATE_NETWORKS says otherwise."""
    import io
    import json

    from PIL import Image

    from tests.integration.images import ImageServer

    images = ImageServer()
    try:
        (tmp_path / "card.json").write_text(json.dumps({"width": 100, "height": 100, "layers": [
            {"type": "image", "name": "logo", "src": f"{images.base}/red.png"}]}))
        out, runner = tmp_path / "out.png", app.test_cli_runner()
        monkeypatch.delenv("PLATEN_ALLOW_PRIVATE_NETWORKS", raising=False)
        refused = runner.invoke(args=["render", str(tmp_path / "card.json"), "-o", str(out)])
        assert refused.exit_code != 0 and "private network address" in refused.output
        monkeypatch.setenv("PLATEN_ALLOW_PRIVATE_NETWORKS", "1")
        result = runner.invoke(args=["render", str(tmp_path / "card.json"), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert Image.open(io.BytesIO(out.read_bytes())).convert("RGB").getpixel((50, 50))[0] > 200
    finally:
        images.close()


def test_help_starts_no_redis_and_makes_no_data_dir(tmp_path):
    """`flask --app app --help` built the Connector, so it started an embedded redis-server (5.5 s) and made
    ./data; now the Connector is built at first use (0.8 s)."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PLATEN_DATA_DIR")}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "--help"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "render" in result.stdout and "accounts" in result.stdout
    assert not (tmp_path / "data").exists() and "embedded Redis" not in result.stderr


def _offline_app(tmp_path):
    """An app as `flask --app app` builds it on a machine with no Redis configured."""
    from app import create_app
    from connector.runtime.settings import Settings

    return create_app({"SETTINGS": Settings.from_env({}, data_dir=str(tmp_path / "data")), "TESTING": True})


def _card(tmp_path, **extra):
    import json

    (tmp_path / "card.json").write_text(json.dumps({"width": 60, "height": 40, "layers": [
        {"type": "image", "name": "logo", "width": 60, "height": 40, "src": "logo.png"},
        {"type": "text", "name": "title", "text": "Hi"}], **extra}))
    return str(tmp_path / "card.json")


def test_render_needs_no_redis(tmp_path):
    from PIL import Image

    Image.new("RGB", (10, 10), "red").save(tmp_path / "logo.png")
    app = _offline_app(tmp_path)
    result = app.test_cli_runner().invoke(args=["render", _card(tmp_path), "-o", str(tmp_path / "out.png")])
    assert result.exit_code == 0, result.output
    assert not app.extensions["platen"].built and not (tmp_path / "data").exists()


def test_render_takes_the_format_from_the_extension_and_refuses_others(tmp_path):
    import io

    from PIL import Image

    Image.new("RGB", (10, 10), "red").save(tmp_path / "logo.png")
    runner, card = _offline_app(tmp_path).test_cli_runner(), _card(tmp_path)
    for name, fmt, kind in (("a.jpeg", None, "JPEG"), ("b.WEBP", None, "WEBP"), ("c.jpg", "JPG", "JPEG"),
                            ("d", "webp", "WEBP"), ("e", None, "PNG")):
        args = ["render", card, "-o", str(tmp_path / name)] + (["--format", fmt] if fmt else [])
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
        assert Image.open(io.BytesIO((tmp_path / name).read_bytes())).format == kind
    refused = runner.invoke(args=["render", card, "-o", str(tmp_path / "card.gif")])
    assert refused.exit_code != 0 and "PNG, JPEG, WebP or PDF" in refused.output and ".gif" in refused.output
    assert not (tmp_path / "card.gif").exists()
    mismatch = runner.invoke(args=["render", card, "--format", "png", "-o", str(tmp_path / "card.jpg")])
    assert mismatch.exit_code != 0 and "--format png writes PNG, but" in mismatch.output
    assert not (tmp_path / "card.jpg").exists()


def test_field_paths_are_relative_to_the_current_directory(tmp_path, monkeypatch):
    """--field logo=photo.png is the photo.png beside the shell, not one beside the template; text that happens to
    name a file stays text."""
    from PIL import Image

    from cli import _sources_from_here

    (tmp_path / "designs").mkdir()
    (tmp_path / "work").mkdir()
    Image.new("RGB", (10, 10), "blue").save(tmp_path / "designs" / "logo.png")
    Image.new("RGB", (10, 10), "blue").save(tmp_path / "designs" / "photo.png")
    Image.new("RGB", (10, 10), "red").save(tmp_path / "work" / "photo.png")
    card = _card(tmp_path / "designs")
    monkeypatch.chdir(tmp_path / "work")
    out = tmp_path / "out.png"
    result = _offline_app(tmp_path).test_cli_runner().invoke(args=["render", card, "--field", "LOGO=photo.png",
                                                                   "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert Image.open(out).convert("RGB").getpixel((2, 2)) == (255, 0, 0)
    import json

    template = json.loads((tmp_path / "designs" / "card.json").read_text())
    values = _sources_from_here(template, {"title": "photo.png", "logo.src": "photo.png", "logo": "https://x.test/a"})
    assert values == {"title": "photo.png", "logo.src": str(tmp_path / "work" / "photo.png"),
                      "logo": "https://x.test/a"}
    missing = _offline_app(tmp_path).test_cli_runner().invoke(args=["render", card, "--field", "logo=nope.png",
                                                                    "-o", str(out)])
    assert missing.exit_code != 0 and str(tmp_path / "work" / "nope.png") in missing.output


def test_account_commands_without_redis_url_where_make_run_never_ran_refuse_naming_it(tmp_path):
    """A second host without REDIS_URL once listed no accounts and exited 0 (a private, empty embedded Redis):
    now the command says what to set, and starts nothing."""
    runner = _offline_app(tmp_path).test_cli_runner()
    for args in (["accounts", "list"], ["accounts", "create", "Acme"], ["keys", "list", "--account", "acct_x"]):
        result = runner.invoke(args=args)
        assert result.exit_code == 1 and "REDIS_URL is not set" in result.output, result.output
        assert str(tmp_path / "data") in result.output and isinstance(result.exception, SystemExit)
    assert not (tmp_path / "data").exists()
