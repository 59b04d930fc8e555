"""Creating renders (the web side), in-process against real Redis: plan, the cache, charging, batches' many."""

import pytest

from connector.accounts.store import Principal
from connector.renders.creating import create_many, create_render, plan, resolve_template
from connector.renders.record import RenderRequest
from connector.renders.running import run_render
from connector.runtime.errors import NotFound, ValidationFailed

CARD = {"name": "Card", "width": 100, "height": 50, "layers": [{"type": "text", "name": "Title", "text": "x"}]}


@pytest.fixture
def principal(conn):
    account, key, _ = conn.accounts.create_account("Creator")
    return Principal(account, key)


@pytest.fixture
def template(conn, principal):
    return conn.templates.create(principal.account.id, CARD)


def test_plan_spells_fields_as_the_template_does_and_keys_on_version_and_generations(conn, principal, template):
    _, template_id, version, pages, key, _ = plan(conn, principal, RenderRequest(template_id=template.id,
                                                                                fields={"title": "Hi"}))
    assert (template_id, version, pages) == (template.id, 1, 1)
    assert plan(conn, principal, RenderRequest(template_id=template.id, fields={"Title": "Hi"}))[4] == key
    conn.redis.incr(conn.fonts.generation_key(principal.account.id))   # a font uploaded: a new key
    assert plan(conn, principal, RenderRequest(template_id=template.id, fields={"title": "Hi"}))[4] != key
    with pytest.raises(ValidationFailed) as bad:
        plan(conn, principal, RenderRequest(template_id=template.id, fields={"subtitle": "x"}))
    assert bad.value.details["field"] == "subtitle"
    with pytest.raises(ValidationFailed):
        plan(conn, principal, RenderRequest(template_id=template.id, fields={"title": "a", "TITLE": "b"}))
    with pytest.raises(NotFound):
        plan(conn, principal, RenderRequest(template_id="tpl_missing"))


def test_resolve_template_reads_other_keys_in_the_same_answer(conn, principal, template):
    conn.redis.set(conn.assets.generation_key(principal.account.id), "7")
    got = resolve_template(conn.templates, principal.account.id, RenderRequest(template_id=template.id),
                           (conn.fonts.generation_key(principal.account.id),
                            conn.assets.generation_key(principal.account.id)))
    assert got[1:] == (template.id, 1, [None, "7"])
    inline = resolve_template(conn.templates, principal.account.id, RenderRequest(template=CARD))
    assert inline[1:] == (None, None, [])
    with pytest.raises(ValidationFailed):
        resolve_template(conn.templates, principal.account.id, RenderRequest(template_id=template.id, template=CARD))


def test_a_fresh_render_is_stored_watched_charged_and_queued_and_its_repeat_is_free(conn, principal, template):
    req = RenderRequest(template_id=template.id, fields={"title": "Once"})
    first = create_render(conn, principal, req)
    assert first.status == "queued" and first.id in conn.render_jobs and first.credits == 1
    assert conn.queue("renders").job_ids == [first.job_id] == [conn.render_store.load(first.id).job_id]
    assert conn.credits.usage(principal.account).used == 1
    run_render(conn, first.id)
    again = create_render(conn, principal, req)
    assert again.cached and again.status == "completed" and again.credits == 0 and again.id not in conn.render_jobs
    assert conn.render_store.load(again.id) == again
    assert conn.credits.usage(principal.account).used == 1
    polled = [e["id"] for e in conn.events.poll(principal.account.id, "render.completed")]
    assert polled == [again.id, first.id], "a cached repeat has its own event, recorded with it"


def test_create_many_makes_a_chunk_in_a_few_round_trips_and_returns_what_it_could_not(conn, principal, template):
    resolved = resolve_template(conn.templates, principal.account.id, RenderRequest(template_id=template.id),
                                (conn.fonts.generation_key(principal.account.id),
                                 conn.assets.generation_key(principal.account.id)))
    items = [(f"rnd_row{i}", RenderRequest(template_id=template.id, fields={"title": str(i)}, batch_id="bat_x"))
             for i in range(3)]
    items.append(("rnd_rowbad", RenderRequest(template_id=template.id, fields={"nope": 1}, batch_id="bat_x")))
    failures = create_many(conn, principal, items, resolved)
    assert [(render_id, exc.code) for render_id, _, exc in failures] == [("rnd_rowbad", "validation_failed")]
    made = conn.render_store.load_many([f"rnd_row{i}" for i in range(3)])
    assert [r.status for r in made] == ["queued"] * 3 and all(r.id in conn.render_jobs for r in made)
    assert sorted(conn.queue("batches").job_ids) == sorted(r.job_id for r in made)
    assert conn.credits.usage(principal.account).used == 3


def test_plan_reads_the_cache_entry_in_its_round_trip_only_while_its_guess_holds(conn, principal, template):
    from connector.renders.creating import UNKNOWN

    req = RenderRequest(template_id=template.id, fields={"title": "Guess"})
    first = create_render(conn, principal, req)
    run_render(conn, first.id)
    planned = plan(conn, principal, req)
    assert planned[5] is not UNKNOWN and planned[5] is not None, "the entry came with the template"
    assert create_render(conn, principal, req, planned).cached
    conn.templates.patch(principal.account.id, template.id, {"width": 120})   # version 2: the guess is stale
    stale = plan(conn, principal, req)
    assert stale[2] == 2 and stale[5] is UNKNOWN
    fresh = create_render(conn, principal, req)
    assert not fresh.cached and fresh.template_version == 2
    conn.redis.incr(conn.assets.generation_key(principal.account.id))   # an asset deleted: the guess is stale too
    assert plan(conn, principal, req)[5] is UNKNOWN and plan(conn, principal, req)[5] is None
