"""Brand kits: the store (default brand, one default, versions), and brand tokens in the template model."""

import threading

import pytest

from connector.runtime.errors import Conflict, NotFound, ValidationFailed
from connector.templates.brands import token_values
from renderer import InvalidTemplate, Template, render
from renderer.brand import NEUTRAL, with_brand

ACME = {"name": "Acme", "colors": {"primary": "#F05", "accent": "#00ff00"}, "fonts": {"heading": "dejavu sans"},
        "logo": "https://example.com/logo.png"}


def test_every_account_gets_one_neutral_default_brand_with_an_installed_font(conn):
    [brand] = conn.brands.list("acct_a")
    assert brand["default"] is True and brand["name"] == "Default" and brand["id"].startswith("brd_")
    assert brand["colors"] == {k: NEUTRAL[k] for k in ("primary", "secondary", "accent", "background", "text")}
    family = conn.fonts_for("acct_a").default_family
    assert family and brand["fonts"] == {"heading": family, "body": family} and brand["logo"] is None
    assert conn.brands.list("acct_a") == [brand]   # made once
    assert conn.brands.list("acct_b")[0]["id"] != brand["id"]


def test_the_default_brand_is_made_once_under_concurrency(conn):
    start, ids = threading.Barrier(8), []

    def make():
        start.wait()
        ids.append(conn.brands.ensure_default("acct_race"))

    threads = [threading.Thread(target=make) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(ids)) == 1
    assert [b["id"] for b in conn.brands.list("acct_race")] == ids[:1]


def test_create_normalises_and_fills_in_the_rest(conn):
    brand = conn.brands.create("acct_a", ACME)
    assert brand["colors"]["primary"] == "#ff0055" and brand["colors"]["text"] == NEUTRAL["text"]
    assert brand["fonts"]["heading"] == "DejaVu Sans"   # spelled as the registry spells it
    assert brand["default"] is False and brand["version"] == 1
    assert [b["id"] for b in conn.brands.list("acct_a")][0] == brand["id"]   # newest first
    assert conn.brands.get("acct_a", brand["id"]) == brand


@pytest.mark.parametrize(("body", "field"), [
    ({"colors": {"primary": "red"}}, "colors.primary"),
    ({"colors": {"shade": "#fff"}}, "colors.shade"),
    ({"fonts": {"body": "No Such Family"}}, "fonts.body"),
    ({"logo": "ftp://example.com/x.png"}, "logo"),
    ({"name": ""}, "name"),
])
def test_bad_values_name_the_field(conn, body, field):
    with pytest.raises(ValidationFailed) as caught:
        conn.brands.create("acct_a", {**ACME, **body})
    assert caught.value.details == {"field": field} and field in caught.value.message


def test_patch_merges_bumps_the_version_and_moves_the_default(conn):
    brand = conn.brands.create("acct_a", ACME)
    old_default = conn.brands.ensure_default("acct_a")
    patched = conn.brands.patch("acct_a", brand["id"], {"colors": {"secondary": "#123"}, "default": True})
    assert patched["colors"]["primary"] == "#ff0055" and patched["colors"]["secondary"] == "#112233"
    assert patched["version"] == 2 and patched["default"] is True
    assert conn.brands.get("acct_a", old_default)["default"] is False
    assert [b["id"] for b in conn.brands.list("acct_a") if b["default"]] == [brand["id"]]
    with pytest.raises(ValidationFailed):
        conn.brands.patch("acct_a", brand["id"], {"default": False})


def test_the_default_cannot_be_deleted_and_another_accounts_brand_is_not_found(conn):
    brand = conn.brands.create("acct_a", ACME)
    with pytest.raises(Conflict, match="default"):
        conn.brands.delete("acct_a", conn.brands.ensure_default("acct_a"))
    for call in (lambda: conn.brands.get("acct_b", brand["id"]), lambda: conn.brands.delete("acct_b", brand["id"]),
                 lambda: conn.brands.patch("acct_b", brand["id"], {"name": "x"})):
        with pytest.raises(NotFound):
            call()
    conn.brands.delete("acct_a", brand["id"])
    with pytest.raises(NotFound):
        conn.brands.delete("acct_a", brand["id"])


def test_for_render_picks_the_asked_brand_else_the_default(conn):
    brand = conn.brands.create("acct_a", ACME)
    default = conn.brands.ensure_default("acct_a")
    assert conn.brands.for_render("acct_a", brand["id"])["id"] == brand["id"]
    assert conn.brands.for_render("acct_a")["id"] == default
    assert conn.brands.for_render("acct_b")["id"] == conn.brands.ensure_default("acct_b")
    # a template's brand that is gone or foreign falls back to the default; a request naming one is a 422
    assert conn.brands.for_render("acct_b", brand["id"])["id"] != brand["id"]
    with pytest.raises(ValidationFailed) as caught:
        conn.brands.for_render("acct_b", brand["id"], strict=True)
    assert caught.value.details == {"field": "brand_id"}
    conn.brands.delete("acct_a", brand["id"])
    assert conn.brands.for_render("acct_a", brand["id"])["id"] == default


# --- tokens in the template model ------------------------------------------------------------------------------
TOKENED = {"name": "t", "width": 20, "height": 10, "background": "@brand.background", "layers": [
    {"type": "rect", "name": "box", "width": 10, "fill": "@brand.primary"},
    {"type": "rect", "name": "fade", "x": 10, "width": 10,
     "fill": {"type": "linear", "stops": ["@brand.accent", "@brand.accent"]}},
    {"type": "text", "name": "title", "text": "@brand.primary stays text", "font": "@brand.heading",
     "color": "@brand.text"},
    {"type": "image", "name": "logo", "src": "@brand.logo"}]}


def test_tokens_are_kept_as_written_wherever_a_value_of_their_kind_goes():
    template = Template.from_dict(TOKENED)
    assert Template.from_dict(template.to_dict()) == template
    assert template.to_dict()["layers"][0]["fill"] == "@brand.primary"
    assert template.brand_tokens == {"background", "primary", "accent", "text", "heading", "logo"}
    assert Template.from_dict({"name": "t", "width": 5, "height": 5}).brand_tokens == frozenset()


@pytest.mark.parametrize(("layer", "path", "says"), [
    ({"type": "rect", "name": "r", "fill": "@brand.nope"}, "layers[0].fill", "not a brand token"),
    ({"type": "text", "name": "r", "font": "@brand.primary"}, "layers[0].font", "not a font family"),
    ({"type": "image", "name": "r", "src": "@brand.heading"}, "layers[0].src", "not an image source"),
    ({"type": "rect", "name": "r", "opacity": "@brand.primary"}, "layers[0].opacity", "cannot take one"),
])
def test_an_unknown_or_misplaced_token_names_the_path(layer, path, says):
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict({"name": "t", "width": 5, "height": 5, "layers": [layer]})
    assert caught.value.path == path and says in caught.value.reason


def test_an_unknown_token_in_a_gradient_or_a_page_names_its_path():
    with pytest.raises(InvalidTemplate) as caught:
        Template.from_dict({"name": "t", "width": 5, "height": 5, "pages": [[], [
            {"type": "rect", "name": "r", "fill": {"type": "linear", "stops": ["#000", "@brand.nope"]}}]]})
    assert caught.value.path == "pages[1][0].fill" or caught.value.path.startswith("pages[1]")


def test_with_brand_swaps_every_token_and_render_draws_the_brands_colours():
    brand = {"id": "brd_x", "colors": {**{k: NEUTRAL[k] for k in ("secondary", "text")}, "primary": "#ff0000",
                                       "accent": "#00ff00", "background": "#0000ff"},
             "fonts": {"heading": "DejaVu Sans", "body": "DejaVu Sans"}, "logo": "", "version": 3}
    values = token_values(brand)
    assert (values["id"], values["version"]) == ("brd_x", 3)
    resolved = with_brand(Template.from_dict(TOKENED), values)
    assert resolved.brand_tokens == frozenset() and resolved.brand == {**NEUTRAL, **values}
    assert resolved.layer("title").text == "@brand.primary stays text" and resolved.layer("title").font == \
        "DejaVu Sans"
    image = render(TOKENED, format="png", brand=values, cache=False)
    from io import BytesIO

    from PIL import Image
    pixels = Image.open(BytesIO(image.data)).convert("RGB")
    assert pixels.getpixel((2, 8)) == (255, 0, 0) and pixels.getpixel((18, 8)) == (0, 255, 0)
    neutral = Image.open(BytesIO(render(TOKENED, format="png", cache=False).data)).convert("RGB")
    assert neutral.getpixel((2, 8)) == (0x1e, 0x29, 0x3b)   # no brand: the neutral palette, never an error


def test_a_field_value_may_be_a_token_too():
    image = render({**TOKENED, "layers": TOKENED["layers"][:1]}, {"box": "@brand.accent"}, brand={"accent": "#00f"},
                   cache=False)
    from io import BytesIO

    from PIL import Image
    assert Image.open(BytesIO(image.data)).convert("RGB").getpixel((2, 5)) == (0, 0, 255)


# --- round trips: a brand costs a render's plan no round trip of its own once the template has been planned -----
class Trips:
    """Round trips sent by every redis-py connection while counting (one command or one pipeline each)."""

    def __init__(self, monkeypatch):
        from redis.connection import AbstractConnection as Connection

        self.count = 0
        send = Connection.send_packed_command

        def counted(connection, command, check_health=True):
            self.count += 1
            return send(connection, command, check_health)

        monkeypatch.setattr(Connection, "send_packed_command", counted)

    def of(self, call) -> int:
        before = self.count
        call()
        return self.count - before


def test_brand_resolution_adds_one_round_trip_at_most_and_none_when_planned_before(conn, monkeypatch):
    from connector.accounts.store import Principal
    from connector.renders.creating import plan
    from connector.renders.record import RenderRequest

    account, key, _ = conn.accounts.create_account("Counted", "counted@example.test")
    who = Principal(account, key)
    brand = conn.brands.create(account.id, ACME)
    conn.brands.ensure_default(account.id)
    plain = conn.templates.create(account.id, {**TOKENED, "layers": [{"type": "rect", "name": "box"}],
                                               "background": "#ffffff"}).id
    tokened = conn.templates.create(account.id, TOKENED).id
    trips = Trips(monkeypatch)
    for template_id in (plain, tokened):   # warm: the account's fonts, the template's version, the script
        plan(conn, who, RenderRequest(template_id=template_id))
    base = trips.of(lambda: plan(conn, who, RenderRequest(template_id=plain)))
    again = trips.of(lambda: plan(conn, who, RenderRequest(template_id=tokened, fields={"box": "#123"})))
    asked = trips.of(lambda: plan(conn, who, RenderRequest(template_id=tokened, brand_id=brand["id"])))
    assert (again, asked) == (base, base), "the brand is read in the template's round trip"
    # a template no render of this process has planned yet: its brand is one round trip more, once
    plain, tokened = (conn.templates.create(account.id, {**TOKENED, "name": n}).id for n in ("a", "b"))
    conn.templates.patch(account.id, plain, {"background": "#fff", "layers": []})
    first_plain = trips.of(lambda: plan(conn, who, RenderRequest(template_id=plain)))
    first = trips.of(lambda: plan(conn, who, RenderRequest(template_id=tokened)))
    assert first == first_plain + 1
    print(f"plan round trips: plain {base}, tokened {again}, with brand_id {asked}; first plan of a template: "
          f"plain {first_plain}, tokened {first}")
