// The "Brand" tab and the preview's brand (SPEC §13). The tab picks the template's brand (its brand_id, or
// "Account default") and edits that brand — name, five colours, heading and body fonts, logo — saved with
// PATCH /brands/{id}; "New brand" makes one (POST /brands) from the brand shown and picks it. The select above the
// canvas draws the preview in any brand (brand_id on POST /templates/preview) without changing the template.
// Tokens themselves are applied in the Properties form (color.js swatches, the font and image controls).

import * as api from "../api.js";
import { append, clear, h } from "../dom.js";
import { BRAND_COLORS, BRAND_FONTS, whileShown } from "./brandkit.js";
import { colorInput } from "./color.js";
import { filePicker, uploadAsset, uploadStatus } from "./upload.js";

const FONT_LABELS = { heading: "Heading font", body: "Body font" };
const brandName = (b) => `${b.name}${b.default ? " (account default)" : ""}`;
let ids = 0;
const newId = (what) => `brand-${what}-${(ids += 1)}`;

// The select above the canvas: "Template's brand", then every brand.
export function mountPreviewBrand(container, ctx) {
  const { brandKit: kit, preview } = ctx;
  const id = newId("preview");
  const select = h("select", { id, class: "preview-brand" });
  const draw = () => {
    const templateBrand = kit.templateBrand;
    clear(select);
    append(select, h("option", { value: "" }, templateBrand ? `Template's brand (${templateBrand.name})`
      : "Template's brand"), kit.brands.map((b) => h("option", { value: b.id }, brandName(b))));
    select.value = kit.byId(kit.previewId) ? kit.previewId : "";
  };
  select.addEventListener("change", () => { kit.setPreview(select.value); preview.setBrand(select.value); });
  container.append(h("label", { for: id }, "Preview brand"), select);
  kit.addEventListener("brands", draw);
  ctx.state.addEventListener("change", draw);
  draw();
}

export function mountBrand(container, ctx) {
  const { brandKit: kit, state, preview } = ctx;
  const status = h("p", { class: "hint brand-status", role: "status", "aria-live": "polite" });
  const say = (text, kind = "") => { status.textContent = text; status.className = `hint brand-status ${kind}`; };

  // which brand the template uses
  const pickId = newId("pick");
  const pick = h("select", { id: pickId, dataset: { prop: "brand_id" } });
  pick.addEventListener("change", () => state.setCanvas({ brand_id: pick.value || undefined }));
  const drawPick = () => {
    const def = kit.accountDefault;
    clear(pick);
    append(pick, h("option", { value: "" }, def ? `Account default (${def.name})` : "Account default"),
      kit.brands.map((b) => h("option", { value: b.id }, brandName(b))));
    const id = state.doc.brand_id;
    // a brand deleted since: the template draws in the account's default until another is picked
    if (id && kit.loaded && !kit.byId(id)) pick.append(h("option", { value: id }, "A deleted brand (draws as the default)"));
    pick.value = id || "";
  };
  const create = h("button", { type: "button", onclick: () => createBrand() }, "New brand");
  const editor = h("form", { class: "brand-editor", "aria-label": "Brand", onsubmit: (e) => { e.preventDefault(); save(); } });

  let editing = null;   // the id of the brand in the form
  let draft = null;     // its values as edited: {name, colors, fonts, logo}
  const dirty = () => editing && JSON.stringify(draft) !== JSON.stringify(valuesOf(kit.byId(editing)));

  function drawEditor() {
    const brand = kit.templateBrand;
    if (!brand) { clear(editor); editor.append(h("p", { class: "muted" }, kit.loaded ? "No brand yet." : "Loading brands…")); return; }
    if (brand.id === editing && editor.childElementCount) return;   // keeps what is being typed
    editing = brand.id;
    draft = valuesOf(brand);
    clear(editor);
    const nameId = newId("name");
    const name = h("input", { type: "text", id: nameId, value: draft.name, maxlength: 100, required: true });
    name.addEventListener("input", () => { draft.name = name.value; changed(); });
    editor.append(h("div", { class: "props-head" }, h("h2", {}, "Edit brand"),
      brand.default ? h("span", { class: "chip" }, "Account default") : null),
    h("div", { class: "prop" }, h("label", { for: nameId }, "Brand name"), name),
    h("h3", { class: "props-section" }, "Colours"));
    for (const key of BRAND_COLORS) {
      const id = newId(key);
      const c = colorInput({ id, what: `brand ${key}`, value: draft.colors[key] || "", onValue: (v) => {
        draft.colors[key] = v;
        changed();
      } });
      editor.append(h("div", { class: "prop" }, h("label", { for: id }, `Brand ${key} colour`), c.el,
        c.problem));
    }
    editor.append(h("h3", { class: "props-section" }, "Fonts"));
    for (const key of BRAND_FONTS) {
      const id = newId(key);
      const select = fontSelect(id, ctx, draft.fonts[key]);
      select.addEventListener("change", () => { draft.fonts[key] = select.value; changed(); });
      editor.append(h("div", { class: "prop" }, h("label", { for: id }, FONT_LABELS[key]), select));
    }
    editor.append(h("h3", { class: "props-section" }, "Logo"), logoControl());
    editor.append(h("div", { class: "row brand-actions" },
      h("button", { type: "submit", class: "primary", disabled: true }, "Save brand")), status);
    say("");
  }

  function logoControl() {
    const upload = uploadStatus();
    const img = h("img", { class: "brand-logo", alt: "The brand's logo" });
    const none = h("span", { class: "muted small" }, "No logo");
    const show = () => { img.hidden = !draft.logo; none.hidden = Boolean(draft.logo); if (draft.logo) img.src = draft.logo; };
    const picker = filePicker("Upload logo…", "image/png,image/jpeg,image/webp,image/gif", async (file) => {
      const asset = await upload.run(file, uploadAsset);
      if (!asset) return;
      draft.logo = asset.url;
      show();
      changed();
    }, { label: "Upload logo" });
    const remove = h("button", { type: "button", class: "small-button", onclick: () => {
      draft.logo = null; show(); changed();
    } }, "Remove logo");
    show();
    return h("div", { class: "prop" }, h("div", { class: "row brand-logo-row" }, img, none, picker.el, remove),
      upload.el);
  }

  function changed() {
    const button = editor.querySelector("button[type=submit]");
    if (button) button.disabled = !dirty() || !draft.name.trim();
    say(dirty() ? "Unsaved brand changes" : "");
  }

  async function save() {
    if (!dirty()) return;
    const id = editing;
    say("Saving brand…");
    try {
      const brand = await api.patch(`/brands/${encodeURIComponent(id)}`, changes(valuesOf(kit.byId(id)), draft));
      if (ctx.stale()) return;
      kit.put(brand);
      if (editing === id) draft = valuesOf(brand);
      changed();
      say("Brand saved");
      preview.refresh(0);
    } catch (exc) {
      say(exc.message, "problem");
    }
  }

  async function createBrand() {
    const from = kit.templateBrand;
    const given = (values) => Object.fromEntries(Object.entries(values || {}).filter(([, v]) => v));
    const body = { name: `${from ? from.name : "Brand"} copy`, colors: given(from?.colors), fonts: given(from?.fonts) };
    say("Creating a brand…");
    try {
      const brand = await api.post("/brands", body);
      if (ctx.stale()) return;
      kit.put(brand);
      state.setCanvas({ brand_id: brand.id });
      say(`Made “${brand.name}”: the template uses it now.`);
      editor.querySelector("input")?.focus();
      editor.querySelector("input")?.select();
    } catch (exc) {
      say(exc.message, "problem");
    }
  }

  container.append(h("div", { class: "brand-panel" },
    h("div", { class: "prop" }, h("label", { for: pickId }, "Template brand"), pick,
      h("p", { class: "hint" }, "Tokens like @brand.primary in this template take their values from this brand, "
        + "unless a render names another.")),
    h("div", { class: "row" }, create),
    editor));
  const redraw = () => { drawPick(); drawEditor(); };
  whileShown(kit, pick, redraw);
  state.addEventListener("change", redraw);
  redraw();
}

// A brand's editable values, deep-copied, in the shape PATCH takes.
function valuesOf(brand) {
  if (!brand) return null;
  return { name: brand.name || "", colors: { ...(brand.colors || {}) }, fonts: { ...(brand.fonts || {}) },
    logo: brand.logo || null };
}

// What PATCH needs to send: the name and logo if they changed, and only the colours and fonts that did (the API
// merges those by name).
function changes(before, after) {
  const out = {};
  if (after.name !== before.name) out.name = after.name;
  if (after.logo !== before.logo) out.logo = after.logo;
  for (const group of ["colors", "fonts"]) {
    const changed = Object.entries(after[group]).filter(([k, v]) => v !== undefined && v !== before[group][k]);
    if (changed.length) out[group] = Object.fromEntries(changed);
  }
  return out;
}

// The font picker's families (the account's uploads, then installed), as GET /fonts/families lists them.
function fontSelect(id, ctx, value) {
  const listed = ctx.families || [];
  const uploaded = [...new Set([...(ctx.fonts || []).map((f) => f.family),
    ...listed.filter((f) => f.source === "uploaded").map((f) => f.family)])].sort();
  const installed = listed.filter((f) => f.source !== "uploaded").map((f) => f.family)
    .filter((f) => !uploaded.includes(f));
  const select = h("select", { id }, h("option", { value: "" }, "DejaVu Sans (default)"),
    uploaded.length ? h("optgroup", { label: "Uploaded" }, uploaded.map((f) => h("option", { value: f }, f))) : null,
    h("optgroup", { label: "Installed" }, installed.map((f) => h("option", { value: f }, f))));
  if (value && !uploaded.includes(value) && !installed.includes(value)) {
    select.prepend(h("option", { value }, `${value} (not installed)`));
  }
  select.value = value || "";
  return select;
}
