"""Starter templates: listed, copied into an account with their images inlined, renderable as they are."""

from tests.conftest import assert_envelope


def test_starter_templates_are_listed_and_copied_with_their_images(client, alice, bob):
    listed = client.get("/api/v1/templates/examples", headers=alice.headers).get_json()
    names = [e["name"] for e in listed]
    assert "certificate" in names and "linkedin-carousel" in names and len(names) >= 9
    carousel = next(e for e in listed if e["name"] == "linkedin-carousel")
    assert carousel["pages"] == 5 and (carousel["width"], carousel["height"]) == (1080, 1350)
    copied = client.post("/api/v1/templates/examples/certificate", headers=alice.headers)
    assert copied.status_code == 201, copied.get_json()
    template = copied.get_json()
    assert template["id"].startswith("tpl_") and template["name"] == "Course certificate"
    sources = [layer["src"] for layer in template["layers"] if layer["type"] == "image"]
    assert sources and all(src.startswith("data:image/png;base64,") for src in sources)
    renamed = client.post("/api/v1/templates/examples/og-blog-card", json={"name": "My blog card"},
                          headers=alice.headers).get_json()
    assert renamed["name"] == "My blog card"
    assert client.get(f"/api/v1/templates/{template['id']}", headers=bob.headers).status_code == 404
    missing = client.post("/api/v1/templates/examples/nope", headers=alice.headers)
    assert "certificate" in assert_envelope(missing, 404, "not_found")["message"]
    assert client.post("/api/v1/templates/examples/..%2Fapp", headers=alice.headers).status_code == 404


def test_a_copied_example_renders_its_images(app, client, alice):
    from connector.templates.examples import load_example
    from renderer import render

    conn = app.extensions["platen"]
    data = load_example("product-banner")
    result = render(data, {}, format="png", load_image=conn.fetcher.load_image, fonts=conn.fonts_for(""))
    assert not [w for w in result.warnings if w["code"] == "image_hidden"], result.warnings
