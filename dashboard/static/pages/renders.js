// Renders: newest first, filtered by template and status, with thumbnails, warnings and errors.

import * as api from "../api.js";
import { append, badge, clear, empty, h, when } from "../dom.js";
import { pageHeader } from "../ui.js";

const STATUSES = ["queued", "rendering", "completed", "failed"];
const IMAGE_FORMATS = ["png", "jpeg", "jpg", "webp"];

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
  const list = h("section", { class: "list", "aria-label": "Renders" });
  append(main, pageHeader("Renders", h("div", { class: "row filters" }, template, status)), list);

  async function load() {
    const filters = { template_id: template.value, status: status.value };
    history.replaceState(null, "", `/renders${api.query(filters)}`);
    const renders = await api.get(`/renders${api.query({ ...filters, limit: 50 })}`);
    if (stale()) return;
    clear(list);
    if (!renders.length) {
      list.append(filters.template_id || filters.status
        ? empty("No renders match these filters.", "Choose “All templates” and “Any status” to see every render.")
        : empty("No renders yet.", "Render a template from Zapier, Make, n8n or POST /api/v1/renders, or " +
          "upload a CSV under Batches: each image shows up here."));
      return;
    }
    for (const r of renders) list.append(row(r, names));
  }

  template.addEventListener("change", load);
  status.addEventListener("change", load);
  await load();
}

function row(r, names) {
  const isImage = r.url && IMAGE_FORMATS.includes(r.format);
  const thumb = isImage
    ? h("a", { href: r.url, target: "_blank", rel: "noopener", class: "thumb small-thumb" },
      h("img", { src: r.url, alt: `Render ${r.id}`, loading: "lazy" }))
    : h("div", { class: "thumb small-thumb placeholder" }, (r.format || "").toUpperCase());
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
        r.batch_id ? h("span", { class: "muted small" }, "from a batch") : null),
      h("p", { class: "muted small" }, h("code", {}, r.id), " · ", (r.format || "").toUpperCase(),
        r.width ? ` · ${r.width} × ${r.height}` : "", " · ", when(r.created_at)),
      problems),
    r.url ? h("a", { href: r.url, target: "_blank", rel: "noopener", class: "button" }, "Open file") : null);
}
