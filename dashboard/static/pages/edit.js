// /templates/{id}/edit: for now the template's name, preview and fields. The visual editor (SPEC §15: Canvas,
// Layers, Properties) replaces the body of this page; the shell, route and data loading stay.

import * as api from "../api.js";
import { append, empty, h, when } from "../dom.js";
import { keyedImage, pageHeader } from "../ui.js";

export async function editPage(main, { args, stale }) {
  const [id] = args;
  const path = `/templates/${encodeURIComponent(id)}`;
  const [tpl, fields] = await Promise.all([api.get(path), api.get(`${path}/fields?format=native`)]);
  if (stale()) return;
  append(main,
    h("p", { class: "crumbs" }, h("a", { href: "/templates", dataset: { route: "" } }, "Templates"), " / "),
    pageHeader(tpl.name),
    h("p", { class: "muted" }, `${tpl.width} × ${tpl.height} px · version ${tpl.version} · saved `,
      when(tpl.updated_at), " · id ", h("code", {}, tpl.id)),
    h("div", { class: "edit-layout" },
      h("section", { class: "panel", "aria-label": "Preview" },
        h("div", { class: "preview-frame" }, keyedImage(`${path}/preview.png`, `Preview of ${tpl.name}`))),
      h("section", { class: "panel", "aria-label": "Fields" },
        h("h2", {}, "Fields"),
        fields.length
          ? h("table", { class: "table" },
            h("thead", {}, h("tr", {}, h("th", {}, "Field"), h("th", {}, "Type"), h("th", {}, "Default"))),
            h("tbody", {}, fields.map((f) => h("tr", {},
              h("td", {}, h("code", {}, f.name), f.required ? h("span", { class: "badge" }, "required") : null),
              h("td", {}, f.type),
              h("td", { class: "clip" }, f.default == null ? "" : String(f.default))))))
          : empty("No fields yet.", "Fields appear here once the template has layers to fill in."),
        h("p", { class: "muted small" }, "The visual editor opens here. Meanwhile, change the template with ",
          h("code", {}, `PUT /api/v1${path}`), " (see API docs)."))));
}
