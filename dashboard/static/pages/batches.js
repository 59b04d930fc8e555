// Batches: upload a CSV or Excel file for a template, watch each batch's progress, download its results.

import * as api from "../api.js";
import { append, badge, clear, empty, h, notice, when } from "../dom.js";
import { field, pageHeader } from "../ui.js";

const POLL_MS = 1000;

export async function batchesPage(main, { stale }) {
  const templates = await api.get("/templates?view=summary&limit=100");
  if (stale()) return;
  const names = Object.fromEntries(templates.map((t) => [t.id, t.name]));
  const list = h("section", { class: "list", "aria-label": "Batches" });
  append(main, pageHeader("Batches"),
    templates.length ? uploadForm(templates, () => load()) : empty("No templates yet.",
      "A batch renders one template once per row: make or copy a template first.",
      h("a", { href: "/templates", dataset: { route: "" }, class: "button primary" }, "Go to Templates")),
    h("h2", {}, "Recent batches"), list);

  let timer = 0;
  async function load() {
    clearTimeout(timer);
    const batches = await api.get("/batches?limit=50");
    if (stale()) return;
    clear(list);
    if (!batches.length) {
      list.append(empty("No batches yet.", "Upload a CSV or Excel file above: one image per row."));
    }
    for (const b of batches) list.append(row(b, names, load));
    // Poll while anything is still running; a page left behind stops polling.
    if (batches.some((b) => b.status !== "completed")) {
      timer = setTimeout(() => { if (!stale()) load().catch((exc) => list.prepend(notice(exc.message))); }, POLL_MS);
    }
  }
  await load();
}

function uploadForm(templates, reload) {
  const template = h("select", { name: "template_id", required: true },
    templates.map((t) => h("option", { value: t.id }, t.name)));
  const file = h("input", { type: "file", name: "file", required: true,
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const error = h("div", { class: "form-error", role: "alert" });
  const button = h("button", { type: "submit", class: "primary" }, "Start batch");
  const form = h("form", { class: "panel upload", "aria-label": "New batch", onsubmit: async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.textContent = "";
    try {
      await api.postForm("/batches", new FormData(form));
      form.reset();
      await reload();
    } catch (exc) {
      error.textContent = exc.message;
    } finally {
      button.disabled = false;
    }
  } },
  h("div", { class: "row wrap" },
    field("Template", template),
    field("CSV or Excel file", file, "The first row names the columns; columns named like the template's " +
      "fields fill them."),
    h("div", { class: "submit" }, button)),
  error);
  return form;
}

function row(b, names, reload) {
  const done = b.completed + b.failed;
  const base = `/batches/${encodeURIComponent(b.id)}`;
  const downloads = h("div", { class: "row" },
    h("button", { type: "button", onclick: () => save(`${base}/results.csv`, `${b.id}-results.csv`) },
      "results.csv"),
    h("button", { type: "button", disabled: b.completed === 0,
      onclick: () => save(`${base}/archive.zip`, `${b.id}.zip`) }, "archive.zip"),
    b.status !== "completed" && !b.cancelled_at ? h("button", { type: "button", class: "danger-quiet",
      onclick: async (event) => {
        event.target.disabled = true;
        await api.post(`${base}/cancel`, {});   // rows not drawn yet fail as cancelled; the list keeps polling
        await reload();
      } }, "Cancel") : null);
  async function save(path, name) {
    try {
      await api.download(path, name);
    } catch (exc) {
      downloads.append(notice(exc.message));
    }
  }
  return h("article", { class: "list-row", dataset: { batchId: b.id, status: b.status } },
    h("div", { class: "grow" },
      h("div", { class: "row" }, badge(b.status), h("strong", {}, names[b.template_id] || b.template_id),
        h("span", { class: "muted small" }, when(b.created_at))),
      h("div", { class: "progress-row" },
        h("progress", { max: Math.max(1, b.total), value: done, "aria-label": `Progress of ${b.id}` }),
        h("span", { class: "small progress-text" },
          `${done} of ${b.total} rows`, b.failed ? ` · ${b.failed} failed` : "",
          b.cancelled_at ? " · cancelled" : "")),
      b.ignored_columns?.length
        ? h("p", { class: "muted small" }, `Ignored columns: ${b.ignored_columns.join(", ")}`) : null),
    downloads);
}
