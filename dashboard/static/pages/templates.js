// Templates: the gallery with search, a new template from a size preset, starters, duplicate and delete.

import * as api from "../api.js";
import { append, clear, empty, h, notice, when } from "../dom.js";
import { confirm, field, keyedImage, modal, pageHeader } from "../ui.js";

export async function templatesPage(main, { navigate, stale }) {
  const q = new URLSearchParams(location.search).get("q") || "";
  const search = h("input", { type: "search", id: "search", value: q, placeholder: "Search by name",
    "aria-label": "Search templates" });
  let timer = 0;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(null, "", `/templates${api.query({ q: search.value.trim() })}`);
      load();
    }, 250);
  });
  const gallery = h("section", { class: "gallery", "aria-label": "Your templates" });
  const starters = h("section", { class: "starters", "aria-label": "Starters" });
  append(main, pageHeader("Templates", search,
    h("button", { type: "button", class: "primary", onclick: () => newTemplate(navigate) }, "New template")),
  gallery, h("h2", {}, "Start from a starter"),
  h("p", { class: "muted" }, "Copy one into your account, then change its text, colours and images."), starters);

  async function load() {
    const term = search.value.trim();
    const list = await api.get(`/templates${api.query({ q: term, view: "summary", limit: 100 })}`);
    if (stale()) return;
    clear(gallery);
    if (!list.length) {
      gallery.append(term
        ? empty(`No template's name contains “${term}”.`, "Try another word, or clear the search.")
        : empty("No templates yet.", "Copy a starter below, or make a blank one from a size preset.",
          h("button", { type: "button", class: "primary", onclick: () => newTemplate(navigate) }, "New template")));
      return;
    }
    for (const tpl of list) gallery.append(card(tpl, load, navigate));
  }

  await load();
  const examples = await api.get("/templates/examples");
  if (stale()) return;
  // By the name people read on the card, not the file name behind it.
  examples.sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: "base" }));
  for (const example of examples) starters.append(starterCard(example, load));
}

function card(tpl, reload, navigate) {
  const edit = `/templates/${encodeURIComponent(tpl.id)}/edit`;
  const actions = h("div", { class: "card-actions" },
    h("a", { href: edit, dataset: { route: "" }, class: "button" }, "Edit"),
    h("button", { type: "button", onclick: () => duplicate(tpl, reload) }, "Duplicate"),
    h("button", { type: "button", class: "danger-quiet", onclick: async () => {
      if (!(await confirm(`Delete “${tpl.name}”?`))) return;
      try {
        await api.del(`/templates/${encodeURIComponent(tpl.id)}`);
      } catch (exc) {
        if (exc.status !== 404) { alertIn(actions, exc); return; }   // already gone: done all the same
      }
      await reload();
    } }, "Delete"));
  return h("article", { class: "card", dataset: { templateId: tpl.id } },
    h("a", { href: edit, dataset: { route: "" }, class: "card-image", "aria-label": `Open ${tpl.name}` },
      keyedImage(`/templates/${encodeURIComponent(tpl.id)}/preview.png`, tpl.name)),
    h("div", { class: "card-body" },
      h("h3", { class: "card-title" }, tpl.name),
      h("p", { class: "muted small" }, `${tpl.width} × ${tpl.height}`, " · v", String(tpl.version), " · ",
        when(tpl.updated_at))),
    actions);
}

function alertIn(container, exc) {
  container.querySelector(".notice")?.remove();
  container.append(notice(exc.message));
}

async function duplicate(tpl, reload) {
  const full = await api.get(`/templates/${encodeURIComponent(tpl.id)}`);
  const name = `Copy of ${full.name}`.slice(0, 200);
  await api.post("/templates", { ...full, name });
  await reload();
}

function starterCard(example, reload) {
  const button = h("button", { type: "button", onclick: async () => {
    button.disabled = true;
    try {
      await api.post(`/templates/examples/${encodeURIComponent(example.name)}`, {});
      button.textContent = "Copied";
      await reload();
    } catch (exc) {
      alertIn(box, exc);
      button.disabled = false;
    }
  } }, "Copy");
  const box = h("article", { class: "starter", dataset: { example: example.name } },
    h("div", { class: "starter-image" },
      keyedImage(`/templates/examples/${encodeURIComponent(example.name)}/preview.jpg`, example.title)),
    h("div", { class: "starter-body" },
      h("div", { class: "starter-head" }, h("h3", {}, example.title), button),
      h("p", { class: "muted small" }, example.description),
      h("p", { class: "muted small" }, `${example.width} × ${example.height}`,
        example.pages > 1 ? ` · ${example.pages} pages` : "")));
  return box;
}

async function newTemplate(navigate) {
  const formats = await api.get("/formats");
  const name = h("input", { name: "name", required: true, maxlength: 200, value: "Untitled template" });
  const size = h("select", { name: "format" },
    formats.map((f) => h("option", { value: f.name }, `${f.label} — ${f.width} × ${f.height}`)));
  const created = await modal("New template", [
    field("Name", name), field("Size", size, "You can change the size later in the editor."),
  ], {
    submit: "Create",
    onSubmit: async (form) => {
      const preset = formats.find((f) => f.name === form.get("format"));
      return api.post("/templates", {
        name: form.get("name").trim(), width: preset.width, height: preset.height, dpi: preset.dpi,
        background: "#ffffff", layers: [],
      });
    },
  });
  if (created) navigate(`/templates/${encodeURIComponent(created.id)}/edit`);
}
