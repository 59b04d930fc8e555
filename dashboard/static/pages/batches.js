// Batches: upload a CSV or Excel file for a template, map its columns to the template's fields with a preview of
// the first rows, start it; watch each batch's progress, download its results, cancel it.

import * as api from "../api.js";
import { append, badge, clear, empty, h, notice, when } from "../dom.js";
import { field, pageHeader } from "../ui.js";

const POLL_MS = 1000;
const PREVIEW_ROWS = 5;
const IGNORE = "";

export async function batchesPage(main, { stale }) {
  const templates = await api.get("/templates?view=summary&limit=100");
  if (stale()) return;
  const names = Object.fromEntries(templates.map((t) => [t.id, t.name]));
  const list = h("section", { class: "list", "aria-label": "Batches" });
  append(main, pageHeader("Batches"),
    h("p", { class: "muted intro" }, "One image per row of a CSV or Excel file: pick a template and a file, " +
      "check which column fills which field, and start."),
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

// The new batch form: template and file first; the file is read by the API (POST /batches/preview, as the batch
// itself would read it — an Excel workbook too), then each column gets a field, and the first rows show what the
// fields would get.
function uploadForm(templates, reload) {
  const template = h("select", { name: "template_id", required: true },
    templates.map((t) => h("option", { value: t.id }, t.name)));
  const file = h("input", { type: "file", name: "file", required: true,
    accept: ".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const sheet = h("input", { name: "sheet", placeholder: "First sheet", maxlength: 255 });
  const sheetField = field("Sheet", sheet, "Which sheet of the workbook to read.");
  sheetField.hidden = true;
  const error = h("div", { class: "form-error", role: "alert" });
  const mappingBox = h("div", { class: "mapping", "aria-label": "Column mapping", role: "group", hidden: true });
  const button = h("button", { type: "submit", class: "primary", disabled: true }, "Start batch");
  const state = { preview: null, choice: {}, asked: 0 };

  async function read() {
    const number = ++state.asked;
    state.preview = null;
    button.disabled = true;
    error.textContent = "";
    if (!file.files.length) {
      clear(mappingBox).hidden = true;
      return;
    }
    clear(mappingBox).hidden = false;
    mappingBox.append(h("p", { class: "muted small", role: "status" }, "Reading the file…"));
    const form = new FormData();
    form.set("template_id", template.value);
    form.set("file", file.files[0]);
    if (!sheetField.hidden && sheet.value.trim()) form.set("sheet", sheet.value.trim());
    form.set("limit", String(PREVIEW_ROWS));
    let answer;
    try {
      answer = await api.postForm("/batches/preview", form);
    } catch (exc) {
      if (number !== state.asked) return;
      clear(mappingBox).hidden = true;
      error.textContent = exc.message;
      return;
    }
    if (number !== state.asked) return;   // a newer file or template was picked meanwhile
    state.preview = answer;
    state.choice = Object.fromEntries(answer.columns.filter(Boolean).map((c) => [c, answer.mapping[c] || IGNORE]));
    sheetField.hidden = answer.source !== "xlsx";
    if (answer.source === "xlsx" && !sheet.value.trim()) sheet.placeholder = answer.sheet;
    draw();
  }

  function draw() {
    const p = state.preview;
    const targets = fieldOptions(p);
    const used = new Set(Object.values(state.choice).filter(Boolean));
    const mapped = Object.entries(state.choice).filter(([, f]) => f);
    const what = p.source === "xlsx" ? `Sheet “${p.sheet}”` : "CSV";
    const summary = h("p", { class: "mapping-summary" }, h("strong", {}, file.files[0].name), ` · ${what} · `,
      `${p.total.toLocaleString()} row${p.total === 1 ? "" : "s"}`, " · ",
      `${mapped.length} of ${p.columns.filter(Boolean).length} columns used`);
    const columns = h("table", { class: "table mapping-columns" },
      h("thead", {}, h("tr", {}, h("th", {}, "Column"), h("th", {}, "Fills the field"),
        h("th", {}, "First row"))),
      h("tbody", {}, p.columns.map((column, index) => {
        if (!column) return null;   // unnamed columns (a trailing ;) are ignored by the API too
        const select = h("select", { "aria-label": `Field for column ${column}`, dataset: { column } },
          h("option", { value: IGNORE }, "Ignore this column"),
          targets.map((t) => h("option", { value: t.name, selected: state.choice[column] === t.name },
            t.label, used.has(t.name) && state.choice[column] !== t.name ? " (used)" : "")));
        select.value = state.choice[column];
        select.addEventListener("change", () => choose(column, select.value));
        const sample = p.rows.length ? p.rows[0].cells[index] ?? "" : "";
        return h("tr", { class: state.choice[column] ? "" : "ignored" },
          h("td", {}, h("strong", {}, column)),
          h("td", {}, select),
          h("td", { class: "clip small", title: sample }, sample === "" ? h("span", { class: "muted" }, "(empty)")
            : sample));
      })));
    const missing = targets.filter((t) => t.required && !used.has(t.name));
    const warnings = [];
    if (!mapped.length) {
      warnings.push(notice("No column fills a field yet: choose a field for at least one column.", "info"));
    }
    for (const t of missing) {
      warnings.push(h("p", { class: "warning-text", dataset: { missing: t.name } },
        `“${t.label}” is required and no column fills it: every image will show the template's own `,
        t.default === "" || t.default == null ? "value (empty)." : `${readable(t.default)}.`));
    }
    const ignored = p.columns.filter((c) => c && !state.choice[c]);
    append(clear(mappingBox), summary,
      h("div", { class: "mapping-grid" },
        h("div", {}, h("h3", {}, "Columns"), columns,
          ignored.length ? h("p", { class: "muted small" }, `Ignored: ${ignored.join(", ")}`) : null),
        h("div", { class: "mapping-preview-wrap" }, h("h3", {}, `The first ${Math.min(p.rows.length, PREVIEW_ROWS)} ` +
          `row${p.rows.length === 1 ? "" : "s"} as they will fill the fields`), previewTable(p, targets),
        h("p", { class: "hint" }, "An empty cell keeps the field's default from the template (shown in grey); a " +
          "batch cannot blank a field."))),
      warnings);
    button.disabled = !mapped.length;
  }

  function choose(column, target) {
    if (target) {
      // A field takes one column: the column that filled it before is ignored now.
      for (const [other, chosen] of Object.entries(state.choice)) {
        if (other !== column && chosen === target) state.choice[other] = IGNORE;
      }
    }
    state.choice[column] = target;
    draw();
  }

  function previewTable(p, targets) {
    const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
    const shown = Object.entries(state.choice).filter(([, f]) => f)
      .map(([column, name]) => ({ column, index: p.columns.indexOf(column), target: byName[name] }));
    if (!shown.length) return h("p", { class: "muted small" }, "Choose a field for a column to see its values here.");
    return h("div", { class: "table-scroll" }, h("table", { class: "table mapping-preview" },
      h("thead", {}, h("tr", {}, h("th", {}, "Row"), shown.map((s) => h("th", {
        title: `${s.target.name}, from the column ${s.column}` }, s.target.short)))),
      h("tbody", {}, p.rows.map((r) => h("tr", {},
        h("td", { class: "muted" }, String(r.row)),
        shown.map((s) => {
          const value = r.cells[s.index] ?? "";
          if (value !== "") return h("td", { class: "clip", title: value }, value);
          const fallback = s.target.default == null || s.target.default === "" ? "(empty)" : readable(s.target.default);
          return h("td", { class: "clip default-value", title: `Empty cell: the template's default, ${fallback}` },
            fallback);
        }))))));
  }

  const form = h("form", { class: "panel upload", "aria-label": "New batch", onsubmit: async (event) => {
    event.preventDefault();
    if (!state.preview) return;
    button.disabled = true;
    error.textContent = "";
    const body = new FormData();
    body.set("template_id", template.value);
    body.set("file", file.files[0]);
    body.set("mapping", JSON.stringify(Object.fromEntries(Object.entries(state.choice)
      .map(([column, target]) => [column, target || null]))));
    if (state.preview.source === "xlsx" && sheet.value.trim()) body.set("sheet", sheet.value.trim());
    try {
      await api.postForm("/batches", body);
      form.reset();
      state.preview = null;
      ++state.asked;
      clear(mappingBox).hidden = true;
      sheetField.hidden = true;
      await reload();
    } catch (exc) {
      error.textContent = exc.message;
      button.disabled = false;
    }
  } },
  h("div", { class: "row wrap" },
    field("Template", template),
    field("CSV or Excel file", file, "The first row names the columns. You choose which column fills which " +
      "field next."),
    sheetField),
  error, mappingBox,
  h("div", { class: "row end" }, button));
  template.addEventListener("change", read);
  file.addEventListener("change", () => { sheet.value = ""; read(); });   // another workbook: its first sheet
  sheet.addEventListener("change", read);
  // Enter in the sheet's name reads that sheet; it does not start the batch with the sheet still unseen.
  sheet.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); sheet.blur(); }
  });
  return form;
}

// The fields a column may fill: the template's, plus any `layer.property` the API matched by a column's name.
function fieldOptions(p) {
  const targets = p.fields.map((f) => ({ name: f.name, label: f.label && f.label !== f.name ? `${f.label} (${f.name})`
    : f.name, short: f.label || f.name, required: f.required, default: f.default }));
  for (const name of Object.values(p.mapping)) {
    if (!targets.some((t) => t.name === name)) {
      targets.push({ name, label: name, short: name, required: false, default: null });
    }
  }
  return targets;
}

// A default as a person reads it: a picture inlined in the template is not shown as its data: URL.
function readable(value) {
  const text = String(value);
  if (text.startsWith("data:")) return "the template's own image";
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

function row(b, names, reload) {
  const done = b.completed + b.failed;
  const base = `/batches/${encodeURIComponent(b.id)}`;
  const downloads = h("div", { class: "row" },
    h("button", { type: "button", onclick: () => save(`${base}/results.csv`, `${b.id}-results.csv`) },
      "results.csv"),
    h("button", { type: "button", disabled: b.status !== "completed" || b.completed === 0,
      title: b.status !== "completed" ? "Ready when every row is done" : null,
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
        ? h("p", { class: "muted small" }, `Ignored columns: ${b.ignored_columns.join(", ")}`) : null,
      b.failed ? h("p", { class: "small" }, h("a", { href: `/renders?batch_id=${encodeURIComponent(b.id)}&status=failed`,
        dataset: { route: "" } }, "See the failed rows and why")) : null),
    downloads);
}
