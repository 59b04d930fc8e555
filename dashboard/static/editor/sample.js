// The "Sample data" tab: a form built from the working copy's fields (POST /templates/fields?format=jsonschema:
// the same JSON Schema as GET /templates/{id}/fields, for the unsaved template) whose values drive the preview;
// one-click test rows (built in, and the user's own, kept in localStorage per template); and each layer's warnings
// from the newest preview. Only fields the user set are sent: the others draw the template's own values, so an
// edit in Properties still shows.

import * as api from "../api.js";
import { clear, h } from "../dom.js";
import { field, modal } from "../ui.js";

const REFRESH_MS = 400;
const LONG = "This is a much longer piece of text than the design was probably made for: it keeps going for a " +
  "while, sentence after sentence, so you can see how the layer copes when a real headline or description runs " +
  "long — whether it wraps, shrinks to fit or is cut short with an ellipsis.";
const TEXTS = {
  "Arabic (RTL)": "مرحبا بكم في عرضنا الجديد — خصم ٣٠٪ هذا الأسبوع فقط",
  Japanese: "新しいコレクションが登場しました。今週限定で三十パーセントオフ",
  Emoji: "Launch day 🚀🎉 We ❤️ our customers ✨👍",
};

// The rows every template gets: name → a function of the text and image field names giving the values.
const BUILT_IN = [
  ["Defaults", () => ({})],
  ["Long text", (texts) => Object.fromEntries(texts.map((n) => [n, LONG]))],
  ...Object.entries(TEXTS).map(([label, text]) => [label, (texts) => Object.fromEntries(texts.map((n) => [n, text]))]),
  ["Empty image", (texts, images) => Object.fromEntries(images.map((n) => [n, ""]))],
];

// Field names the working copy has now (one per editable layer, plus layer.property for its `fields`).
function fieldNames(doc) {
  const layers = doc.pages ? doc.pages.flat() : doc.layers || [];
  const names = new Set();
  for (const layer of layers) {
    if (!layer || layer.editable === false || !layer.name) continue;
    names.add(layer.name);
    for (const prop of layer.fields || []) names.add(`${layer.name}.${prop}`);
  }
  return names;
}

export function mountSample(container, ctx) {
  const { state, preview } = ctx;
  const storeKey = `platen.testRows.${ctx.id}`;
  let schema = null;            // the newest JSON Schema of the working copy's fields
  let schemaJson = "";
  let askedFor = "";            // the working copy (JSON) the newest schema request was for
  let values = {};              // what the user set: field name → value (only these are sent)
  let timer = null;
  let asked = 0;
  let active = "Defaults";      // the test row whose values are in the form (null once the user types)

  const rowsBox = h("div", { class: "test-rows row wrap", role: "group", "aria-label": "Test rows" });
  const form = h("form", { class: "sample-form", "aria-label": "Sample data", onsubmit: (e) => e.preventDefault() });
  const formError = h("div", { class: "form-error", role: "alert" });
  const warningsBox = h("div", { class: "sample-warnings", "aria-label": "Warnings", role: "region" });
  container.append(
    h("p", { class: "muted small" }, "Try the design with real content. These values drive the preview and the ",
      "Render button; they are not saved in the template."),
    h("h3", { class: "data-heading" }, "Test rows"), rowsBox,
    h("h3", { class: "data-heading" }, "Fields"), formError, form,
    h("h3", { class: "data-heading" }, "Warnings"), warningsBox);

  // ---- test rows

  function ownRows() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "[]"); } catch { return []; }
  }
  function storeRows(rows) { localStorage.setItem(storeKey, JSON.stringify(rows)); }

  function kinds() {
    const texts = [], images = [];
    for (const layer of state.allLayers()) {
      if (layer.editable === false) continue;
      if (layer.type === "text") texts.push(layer.name);
      if (layer.type === "image") images.push(layer.name);
    }
    return [texts, images];
  }

  function drawRows() {
    clear(rowsBox);
    for (const [label, make] of BUILT_IN) {
      rowsBox.append(h("button", { type: "button", class: "test-row", "aria-pressed": String(active === label),
        onclick: () => use(make(...kinds()), label) }, label));
    }
    for (const row of ownRows()) {
      rowsBox.append(h("span", { class: "test-row own" },
        h("button", { type: "button", class: "test-row", "aria-pressed": String(active === `own:${row.name}`),
          onclick: () => use(row.values, `own:${row.name}`) }, row.name),
        h("button", { type: "button", class: "link", "aria-label": `Delete test row ${row.name}`, title: "Delete",
          onclick: () => { storeRows(ownRows().filter((r) => r.name !== row.name)); drawRows(); } }, "×")));
    }
    rowsBox.append(h("button", { type: "button", class: "link add-row", onclick: addRow }, "+ Add test row"));
  }

  async function addRow() {
    const name = h("input", { name: "name", required: true, maxlength: "40", placeholder: "Long German title" });
    const saved = await modal("Add test row", [
      h("p", { class: "muted small" }, "Keeps the values in the form now as a one-click row. It is stored in this ",
        "browser only (per template), not on the server."),
      field("Name", name)], {
      submit: "Add",
      onSubmit: async (data) => {
        const label = String(data.get("name")).trim();
        if (!label) throw new Error("Give the row a name.");
        storeRows([...ownRows().filter((r) => r.name !== label), { name: label, values: { ...values } }]);
        return true;
      },
    });
    if (saved) drawRows();
  }

  function use(row, label = null) {
    active = label;
    drawRows();
    const names = fieldNames(state.doc);
    values = Object.fromEntries(Object.entries(row || {}).filter(([n]) => names.has(n)));
    drawForm();
    send();
  }

  // ---- the form

  function send() {
    preview.setFields({ ...values });
  }

  function inputFor(name, prop) {
    const layer = state.layer(name.split(".")[0]);
    const set = name in values;
    const current = set ? values[name] : prop.default;
    const changed = (value) => {
      if (value === undefined) delete values[name]; else values[name] = value;
      wrap.classList.toggle("set", name in values);
      if (active) { active = null; drawRows(); }
      send();
    };
    let input;
    const valid = (ok) => {
      if (ok) input.removeAttribute("aria-invalid"); else input.setAttribute("aria-invalid", "true");
      return ok;
    };
    let colour = /^(#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})|transparent)$/i;
    try { if (prop.pattern) colour = new RegExp(prop.pattern); } catch { /* keep the built-in one */ }
    if (prop.type === "boolean") {
      input = h("input", { type: "checkbox", checked: Boolean(current), onchange: () => changed(input.checked) });
    } else if (prop.type === "number" || prop.type === "integer") {
      input = h("input", { type: "number", value: current ?? "", min: prop.minimum, max: prop.maximum,
        step: prop.type === "integer" ? "1" : "any",
        oninput: () => {
          if (valid(input.checkValidity())) changed(input.value === "" ? undefined : Number(input.value));
        } });
    } else if (prop.enum) {
      input = h("select", { onchange: () => changed(input.value || undefined) },
        prop.enum.map((choice) => h("option", { value: choice, selected: choice === current }, choice)));
    } else if (prop.pattern) {   // a colour
      const swatch = h("input", { type: "color", class: "swatch", "aria-label": `${prop.title || name} picker`,
        value: /^#[0-9a-f]{6}$/i.test(current || "") ? current : "#000000",
        oninput: () => { input.value = swatch.value; changed(swatch.value); } });
      input = h("input", { type: "text", value: current ?? "", spellcheck: "false", placeholder: "#rrggbb",
        oninput: () => {
          if (/^#[0-9a-f]{6}$/i.test(input.value)) swatch.value = input.value;
          // half-typed colours wait: the preview would refuse them
          const ok = valid(input.value === "" || colour.test(input.value));
          if (ok) changed(input.value === "" ? undefined : input.value);
        } });
      input.swatch = swatch;
    } else if (layer && layer.type === "text" && !name.includes(".")) {
      input = h("textarea", { dir: "auto", rows: String(Math.min(4, Math.max(2, Math.ceil(String(current ?? "").length / 36)))),
        oninput: () => changed(input.value) });
      input.value = current ?? "";
    } else {
      const image = prop.format === "uri";
      input = h("input", { type: "text", value: current ?? "", spellcheck: "false",
        placeholder: image ? "https://… (untouched: the design's own image)" : "",
        oninput: () => changed(input.value) });
    }
    input.name = name;
    const required = (schema.required || []).includes(name);
    const label = `${prop.title || name}${required ? " *" : ""}`;
    const hint = [prop.description, required ? "Required: a render with it empty is refused." : ""]
      .filter(Boolean).join(" ");
    const wrap = field(label, input, hint);
    if (input.swatch) wrap.insertBefore(h("div", { class: "row color-row" }, input.swatch, input), wrap.children[1]);
    wrap.classList.add("sample-field");
    wrap.classList.toggle("set", set);
    wrap.dataset.field = name;
    return wrap;
  }

  function drawForm() {
    clear(form);
    if (!schema) return;
    const props = Object.entries(schema.properties || {});
    if (!props.length) {
      form.append(h("p", { class: "muted" }, "This template has no fields yet. Layers are fields by their name; ",
        "give a layer a name and it can be filled here and in every render."));
      return;
    }
    for (const [name, prop] of props) form.append(inputFor(name, prop));
  }

  // Ask for the working copy's fields (debounced); the form is rebuilt only when they changed.
  async function loadSchema() {
    const doc = JSON.stringify(state.doc);
    if (doc === askedFor) return;
    askedFor = doc;
    const number = ++asked;
    try {
      const answer = await api.post("/templates/fields?format=jsonschema", { template: state.doc });
      if (number !== asked) return;
      formError.textContent = "";
      const json = JSON.stringify(answer);
      if (json === schemaJson) return;
      schema = answer;
      schemaJson = json;
      const focused = document.activeElement && form.contains(document.activeElement)
        ? document.activeElement.name : null;
      drawForm();
      if (focused) { const again = form.elements.namedItem(focused); if (again && again.focus) again.focus(); }
    } catch (exc) {
      if (number !== asked) return;
      askedFor = "";
      formError.textContent = `The fields can't be listed until the template is valid: ${exc.message}`;
    }
  }

  state.addEventListener("change", () => {
    // A renamed or removed layer's value goes at once: the preview would refuse an unknown field.
    const names = fieldNames(state.doc);
    const kept = Object.fromEntries(Object.entries(values).filter(([n]) => names.has(n)));
    if (Object.keys(kept).length !== Object.keys(values).length) { values = kept; preview.fields = { ...values }; }
    clearTimeout(timer);
    timer = setTimeout(loadSchema, REFRESH_MS);
  });

  // ---- warnings from the newest preview

  function drawWarnings(answer) {
    clear(warningsBox);
    const byLayer = (answer.layers || []).filter((l) => l.warnings && l.warnings.length);
    const loose = (answer.warnings || []).filter((w) => !w.layer || !byLayer.some((l) => l.name === w.layer));
    if (!byLayer.length && !loose.length) {
      warningsBox.append(h("p", { class: "muted small no-warnings" }, "No warnings: every layer fits as designed."));
      return;
    }
    const list = h("ul", { class: "warning-list" });
    for (const layer of byLayer) {
      list.append(h("li", { class: "warning-item", dataset: { layer: layer.name } },
        h("button", { type: "button", class: "link layer-link", title: "Select this layer",
          onclick: () => state.select([layer.name]) }, layer.name),
        h("ul", {}, layer.warnings.map((w) => h("li", { class: "warning-text", dataset: { code: w.code } },
          w.message)))));
    }
    for (const w of loose) {
      list.append(h("li", { class: "warning-item" }, h("span", { class: "warning-text" }, w.message)));
    }
    warningsBox.append(list);
  }
  preview.addEventListener("preview", (event) => drawWarnings(event.detail));
  preview.addEventListener("error", (event) => {
    const exc = event.detail;
    clear(warningsBox);
    warningsBox.append(h("p", { class: "error-text", role: "alert" }, `The preview failed: ${exc.message}`));
  });
  warningsBox.append(h("p", { class: "muted small" }, "Waiting for the preview…"));

  drawRows();
  loadSchema();
}
