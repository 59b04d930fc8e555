// Renders: newest first, filtered by template and status, with thumbnails, warnings and errors.

import * as api from "../api.js";
import { append, badge, clear, empty, h, when } from "../dom.js";
import { pageHeader } from "../ui.js";

const STATUSES = ["queued", "rendering", "completed", "failed"];
const PAGE_SIZE = 50;

export async function rendersPage(main, { stale }) {
  const params = new URLSearchParams(location.search);
  const templates = await api.get("/templates?view=summary&limit=100");
  if (stale()) return;
  const names = Object.fromEntries(templates.map((t) => [t.id, t.name]));
  const template = h("select", { id: "filter-template", "aria-label": "Template" },
    h("option", { value: "" }, "All templates"),
    templates.map((t) => h("option", { value: t.id, selected: t.id === params.get("template_id") }, t.name)));
  const status = h("select", { id: "filter-status", "aria-label": "Status" },
    h("option", { value: "" }, "Any status"),
    STATUSES.map((s) => h("option", { value: s, selected: s === params.get("status") }, s)));
  // `?batch_id=` (a batch's "see the failed rows" link) narrows the list to one batch until it is cleared.
  let batchId = params.get("batch_id") || "";
  const batchChip = h("div", { class: "row filter-chip" });
  const list = h("section", { class: "list", "aria-label": "Renders" });
  const more = h("div", { class: "row more" });
  append(main, pageHeader("Renders", h("div", { class: "row filters" }, template, status)), batchChip, list, more);

  let shown = 0;
  async function load(next = false) {
    const filters = { template_id: template.value, status: status.value, batch_id: batchId };
    history.replaceState(null, "", `/renders${api.query(filters)}`);
    const page = next ? Math.floor(shown / PAGE_SIZE) : 0;
    const renders = await api.get(`/renders${api.query({ ...filters, limit: PAGE_SIZE, page })}`);
    if (stale()) return;
    clear(batchChip);
    if (batchId) {
      batchChip.append(h("span", { class: "small" }, "Only the renders of batch ", h("code", {}, batchId)),
        h("button", { type: "button", class: "link", onclick: () => { batchId = ""; load(); } }, "Show all renders"));
    }
    if (!next) {
      clear(list);
      shown = 0;
    }
    clear(more);
    if (!renders.length && !next) {
      list.append(filters.template_id || filters.status || filters.batch_id
        ? empty("No renders match these filters.", "Choose “All templates” and “Any status” to see every render.")
        : empty("No renders yet.", "Render a template from Zapier, Make, n8n or POST /api/v1/renders, or " +
          "upload a CSV under Batches: each image shows up here.", templates.length
          ? h("a", { href: "/batches", dataset: { route: "" }, class: "button primary" }, "Start a batch")
          : h("a", { href: "/templates", dataset: { route: "" }, class: "button primary" }, "Make a template first")));
      return;
    }
    for (const r of renders) list.append(row(r, names, (id) => { batchId = id; load(); }));
    shown += renders.length;
    if (renders.length === PAGE_SIZE) {
      more.append(h("button", { type: "button", onclick: () => load(true) }, "Show older renders"));
    }
  }

  template.addEventListener("change", () => load());
  status.addEventListener("change", () => load());
  await load();
}

function row(r, names, showBatch) {
  const isImage = r.url && r.format !== "pdf";   // every other output format is an image a browser shows
  const thumb = isImage
    ? h("a", { href: r.url, target: "_blank", rel: "noopener", class: "thumb small-thumb" },
      h("img", { src: r.url, alt: `Render ${r.id}`, loading: "lazy" }))
    : h("div", { class: "thumb small-thumb placeholder" }, r.status === "failed" ? "No image"
      : r.url ? (r.format || "").toUpperCase() : "…");
  const problems = [];
  if (r.error) problems.push(h("p", { class: "error-text" }, r.error.message));
  for (const w of r.warnings || []) {
    problems.push(h("p", { class: "warning-text" }, w.layer ? `${w.layer}: ` : "", w.message));
  }
  return h("article", { class: "list-row", dataset: { renderId: r.id } },
    thumb,
    h("div", { class: "grow" },
      h("div", { class: "row" }, badge(r.status),
        h("strong", {}, names[r.template_id] || (r.template_id ? r.template_id : "Inline template")),
        r.batch_id ? h("button", { type: "button", class: "link small", title: `Show only batch ${r.batch_id}`,
          onclick: () => showBatch(r.batch_id) }, r.metadata?.row ? `row ${r.metadata.row} of a batch` : "from a batch")
          : null),
      h("p", { class: "muted small" }, h("code", {}, r.id), " · ", (r.format || "").toUpperCase(),
        r.width ? ` · ${r.width} × ${r.height}` : "", " · ", when(r.created_at)),
      problems),
    r.url ? h("a", { href: r.url, target: "_blank", rel: "noopener", class: "button" }, "Open file") : null);
}
