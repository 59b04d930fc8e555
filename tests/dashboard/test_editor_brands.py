"""Brand kits in the editor against a real Platen and worker: the Brand tab (the template's brand, a new brand, its
colours, fonts and logo saved with PATCH), tokens from the colour, font and image controls, and the preview drawn in
another brand without changing the template — each seen in the preview's pixels."""

from __future__ import annotations

import base64
import io

from PIL import Image
from playwright.sync_api import expect

from .conftest import sign_in

RED, BLUE, GREEN = "#e11d1d", "#1d4ed8", "#15a34a"
# a full block (U+2588) drawn large: most of the layer's box is the text's colour
BLOCK = {"type": "text", "name": "title", "x": 40, "y": 40, "width": 320, "height": 220, "text": "\u2588\u2588",
         "font_size": 160, "color": "#000000"}


def hexrgb(value: str) -> tuple[int, int, int]:
    return tuple(int(value[i:i + 2], 16) for i in (1, 3, 5))


def ink(answer: dict) -> tuple[int, int, int]:
    """The median colour of the preview's pixels that are not the white page (the block's colour)."""
    data = answer["image"].split(",", 1)[1]
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    raw = image.tobytes()
    pixels = [p for p in zip(raw[0::3], raw[1::3], raw[2::3], strict=True) if sum(255 - c for c in p) > 120]
    assert len(pixels) > 2000, "the block was not drawn"
    return tuple(sorted(p[i] for p in pixels)[len(pixels) // 2] for i in range(3))


def close(rgb, hex_value, tolerance=24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, hexrgb(hex_value), strict=True))


def preview_answer(page, action, check=lambda body: True):
    """The answer to the first POST /templates/preview after ``action`` whose request body passes ``check``."""
    def wanted(response):
        request = response.request
        return (request.url.endswith("/api/v1/templates/preview") and request.method == "POST"
                and response.ok and bool(check(request.post_data_json)))
    with page.expect_response(wanted) as answer:
        action()
    return answer.value.request.post_data_json, answer.value.json()


def layer(body: dict, name: str = "title") -> dict:
    return next(x for x in body["template"]["layers"] if x["name"] == name)


def setup(instance, name: str):
    key = instance.account(name)
    brands = instance.api("GET", "/brands", key=key)
    assert brands.status_code == 200, brands.text
    listed = brands.json()
    default = next(b for b in (listed if isinstance(listed, list) else listed["data"]) if b["default"])
    answer = instance.api("PATCH", f"/brands/{default['id']}", key=key, json={"colors": {"primary": RED}})
    assert answer.status_code == 200, answer.text
    answer = instance.api("POST", "/templates", key=key, json={"name": "Branded", "width": 400, "height": 300,
                                                               "background": "#ffffff", "layers": [BLOCK]})
    assert answer.status_code == 201, answer.text
    return key, default, answer.json()["id"]


def brand_tab(page):
    page.get_by_role("tab", name="Brand").click()
    return page.get_by_role("tabpanel", name="Brand")


def test_a_new_brand_and_a_colour_token_from_its_swatch(page, instance):
    key, default, template_id = setup(instance, "Brand colours")
    sign_in(page, key, f"/templates/{template_id}/edit")
    expect(page.get_by_role("region", name="Layers")).to_be_visible()

    # a new brand, copied from the account's default, becomes the template's; its primary colour made blue
    panel = brand_tab(page)
    expect(panel.get_by_label("Template brand")).to_have_value("")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/brands") and r.request.method == "POST") as made:
        panel.get_by_role("button", name="New brand").click()
    brand = made.value.json()
    assert made.value.status == 201 and brand["colors"]["primary"] == RED and not brand["default"]
    expect(panel.get_by_label("Template brand")).to_have_value(brand["id"])
    panel.get_by_label("Brand name").fill("Ocean")
    panel.get_by_label("Brand primary colour", exact=True).fill(BLUE)
    with page.expect_response(lambda r: r.url.endswith(f"/api/v1/brands/{brand['id']}")
                              and r.request.method == "PATCH") as patched:
        panel.get_by_role("button", name="Save brand").click()
    assert patched.value.status == 200, patched.value.text()
    assert patched.value.request.post_data_json == {"name": "Ocean", "colors": {"primary": BLUE}}   # what changed
    expect(panel.get_by_role("status").filter(has_text="Brand saved")).to_be_visible()
    assert instance.api("GET", f"/brands/{brand['id']}", key=key).json()["colors"]["primary"] == BLUE

    # the text's colour from the brand's swatch: a token, shown as a chip in the colour it stands for
    page.get_by_role("tab", name="Design").click()
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    form = page.get_by_role("form", name="Properties")
    body, _ = preview_answer(page, lambda: form.get_by_role("button", name="Brand primary for text").click(),
                             lambda b: layer(b).get("color") == "@brand.primary")
    assert body["template"]["brand_id"] == brand["id"]
    chip = form.locator(".token-chip:visible")
    expect(chip).to_contain_text(f"Brand primary · {BLUE}")
    expect(form.get_by_label("Color", exact=True)).to_be_hidden()

    # saved: the template keeps the token and its brand
    with page.expect_response(lambda r: r.url.endswith(f"/api/v1/templates/{template_id}")
                              and r.request.method == "PUT") as saved:
        page.get_by_role("button", name="Save", exact=True).click()
    assert saved.value.status == 200, saved.value.text()
    stored = instance.api("GET", f"/templates/{template_id}", key=key).json()
    assert stored["brand_id"] == brand["id"] and stored["layers"][0]["color"] == "@brand.primary"

    # back to a custom colour: the chip's × writes the brand's colour as hex; Undo brings the token back
    body, _ = preview_answer(page, lambda: form.get_by_role("button", name="Use a custom text colour").click(),
                             lambda b: layer(b).get("color", "").startswith("#"))
    assert layer(body)["color"].lower() == BLUE
    expect(form.get_by_label("Color", exact=True)).to_have_value(BLUE)
    page.get_by_role("button", name="Undo").click()
    expect(chip).to_contain_text("Brand primary")

    # typing a token in the box works like the swatch; back to the account default leaves brand_id out
    form.get_by_role("button", name="Use a custom text colour").click()
    expect(form.get_by_label("Color", exact=True)).to_have_value(BLUE)
    form.get_by_label("Color", exact=True).fill("@brand.accent")
    expect(chip).to_contain_text("Brand accent")
    panel = brand_tab(page)
    body, _ = preview_answer(page, lambda: panel.get_by_label("Template brand").select_option(""),
                             lambda b: "brand_id" not in b["template"])
    assert layer(body)["color"] == "@brand.accent"


def test_the_preview_follows_the_brand_and_switches_between_brands(page, instance):
    key, default, template_id = setup(instance, "Brand preview")
    ocean = instance.api("POST", "/brands", key=key, json={"name": "Ocean", "colors": {"primary": BLUE}}).json()
    block = {**BLOCK, "color": "@brand.primary"}
    answer = instance.api("PUT", f"/templates/{template_id}", key=key, json={
        "name": "Branded", "width": 400, "height": 300, "background": "#ffffff", "brand_id": ocean["id"],
        "layers": [block]})
    assert answer.status_code == 200, answer.text

    # the template's brand: blue
    _body, answer = preview_answer(page, lambda: sign_in(page, key, f"/templates/{template_id}/edit"))
    assert close(ink(answer), BLUE), ink(answer)
    select = page.get_by_label("Preview brand")
    expect(select).to_have_value("")
    expect(select.locator("option").first).to_have_text("Template's brand (Ocean)")

    # drawn in the account's default brand: red, and the template still names Ocean and keeps its token
    body, answer = preview_answer(page, lambda: select.select_option(default["id"]),
                                  lambda b: b.get("brand_id") == default["id"])
    assert body["template"]["brand_id"] == ocean["id"] and layer(body)["color"] == "@brand.primary"
    assert close(ink(answer), RED), ink(answer)
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    chip = page.get_by_role("form", name="Properties").locator(".token-chip:visible")
    expect(chip).to_contain_text(f"Brand primary · {RED}")   # the chip shows the brand drawn
    expect(page.get_by_text("All changes saved")).to_be_visible()   # switching is no edit
    _body, answer = preview_answer(page, lambda: select.select_option(""), lambda b: "brand_id" not in b)
    assert close(ink(answer), BLUE), ink(answer)
    expect(chip).to_contain_text(f"Brand primary · {BLUE}")

    # the brand's colour changed in the Brand tab and saved: drawn again in the new colour
    panel = brand_tab(page)
    expect(panel.get_by_label("Brand name")).to_have_value("Ocean")
    panel.get_by_label("Brand primary colour", exact=True).fill(GREEN)
    _body, answer = preview_answer(page, lambda: panel.get_by_role("button", name="Save brand").click())
    assert close(ink(answer), GREEN), ink(answer)
    page.get_by_role("tab", name="Design").click()
    expect(chip).to_contain_text(f"Brand primary · {GREEN}")


def test_brand_fonts_and_logo_and_the_account_default(page, instance):
    key, default, template_id = setup(instance, "Brand fonts")
    sign_in(page, key, f"/templates/{template_id}/edit")
    expect(page.get_by_role("region", name="Layers")).to_be_visible()

    # the template on the account's default brand: its fonts and a logo uploaded as an asset
    panel = brand_tab(page)
    expect(panel.get_by_label("Template brand")).to_contain_text("Account default")
    panel.get_by_label("Heading font").select_option("DejaVu Serif")
    logo = io.BytesIO()
    Image.new("RGB", (60, 30), (10, 120, 200)).save(logo, "PNG")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/assets") and r.request.method == "POST") as up:
        panel.get_by_label("Upload logo").set_input_files({"name": "logo.png", "mimeType": "image/png",
                                                           "buffer": logo.getvalue()})
    asset = up.value.json()
    expect(panel.locator("img.brand-logo")).to_be_visible()
    with page.expect_response(lambda r: r.url.endswith(f"/api/v1/brands/{default['id']}")
                              and r.request.method == "PATCH") as patched:
        panel.get_by_role("button", name="Save brand").click()
    assert patched.value.status == 200, patched.value.text()
    stored = instance.api("GET", f"/brands/{default['id']}", key=key).json()
    assert stored["fonts"]["heading"] == "DejaVu Serif" and stored["logo"] == asset["url"]

    # the font picker offers the brand's fonts as tokens
    page.get_by_role("tab", name="Design").click()
    page.locator(".layer-row[data-layer='title'] .layer-name").click()
    form = page.get_by_role("form", name="Properties")
    font = form.get_by_label("Font", exact=True)
    expect(font.locator("option[value='@brand.heading']")).to_have_text("Brand heading · DejaVu Serif")
    body, _ = preview_answer(page, lambda: font.select_option("@brand.heading"),
                             lambda b: layer(b).get("font") == "@brand.heading")
    expect(font).to_have_value("@brand.heading")

    # an image layer can show the brand's logo
    page.get_by_role("button", name="Add image").click()
    body, answer = preview_answer(page, lambda: form.get_by_role("button", name="Brand logo").click(),
                                  lambda b: any(x.get("src") == "@brand.logo" for x in b["template"]["layers"]))
    expect(form.get_by_label("Image URL")).to_have_value("@brand.logo")
    assert not answer["warnings"] or all("logo" not in w for w in answer["warnings"])


KIT_SCRIPT = """async () => {
  const { BrandKit, tokenName } = await import("/dashboard/editor/brandkit.js");
  const { EditorState } = await import("/dashboard/editor/state.js");
  const state = new EditorState({ id: "tpl_x", version: 1, name: "T", width: 10, height: 10, layers: [],
    brand_id: "brd_b" });
  const kit = new BrandKit(state);
  const brand = (id, primary, extra = {}) => ({ id, name: id, colors: { primary }, fonts: { heading: `H ${id}` },
    logo: null, default: false, ...extra });
  let events = 0;
  kit.addEventListener("brands", () => { events += 1; });
  kit.put(brand("brd_a", "#ff0000", { default: true }));
  kit.put(brand("brd_b", "#0000ff"));
  const out = { names: ["@brand.primary", "@brand.logo", "#ff0000", "@brandx.primary", null].map(tokenName),
    template: kit.resolve("@brand.primary"), font: kit.resolve("@brand.heading"), logo: kit.resolve("@brand.logo"),
    unknown: kit.resolve("@brand.nope"), body: state.doc.brand_id };
  kit.setPreview("brd_a");
  out.previewed = kit.resolve("@brand.primary");
  kit.setPreview("");
  state.setCanvas({ brand_id: undefined });
  out.accountDefault = kit.resolve("@brand.primary");
  kit.put(brand("brd_b", "#00ff00", { default: true }));   // a new default: the old one is no longer
  out.defaults = kit.brands.filter((b) => b.default).map((b) => b.id);
  out.afterDefault = kit.resolve("@brand.primary");
  out.events = events;
  return out;
}"""


def test_the_brand_kit_resolves_tokens_in_the_brand_shown(page):
    page.goto("/")
    out = page.evaluate(KIT_SCRIPT)
    assert out["names"] == ["primary", "logo", None, None, None]
    assert (out["template"], out["font"], out["logo"], out["unknown"]) == ("#0000ff", "H brd_b", "", None)
    assert out["body"] == "brd_b"                     # the template's brand_id is kept in its working copy
    assert out["previewed"] == "#ff0000"              # the preview's brand wins while it is chosen
    assert out["accountDefault"] == "#ff0000"         # no brand_id: the account's default
    assert out["defaults"] == ["brd_b"] and out["afterDefault"] == "#00ff00"
    assert out["events"] == 5


def test_a_template_whose_brand_was_deleted_says_so(page, instance):
    key, _default, template_id = setup(instance, "Brand gone")
    gone = instance.api("POST", "/brands", key=key, json={"name": "Gone"}).json()
    answer = instance.api("PATCH", f"/templates/{template_id}", key=key, json={"brand_id": gone["id"]})
    assert answer.status_code == 200, answer.text
    assert instance.api("DELETE", f"/brands/{gone['id']}", key=key).status_code == 204
    sign_in(page, key, f"/templates/{template_id}/edit")
    panel = brand_tab(page)
    pick = panel.get_by_label("Template brand")
    expect(pick).to_have_value(gone["id"])
    expect(pick.locator("option:checked")).to_have_text("A deleted brand (draws as the default)")
    expect(panel.get_by_label("Brand name")).to_have_value("Default")   # the brand it draws in, to edit
    preview_answer(page, lambda: pick.select_option(""), lambda b: "brand_id" not in b["template"])
