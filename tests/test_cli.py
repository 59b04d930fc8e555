"""The operators' CLI: accounts and keys, each printing the new key alone on the last line."""

from connector.keys import check_format


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
