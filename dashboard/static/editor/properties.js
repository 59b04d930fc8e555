// The "Design" tab: the form "Properties" for the one selected layer (every property of the template model for
// its type, and which of them are fields), a summary with Duplicate/Delete/align for several, and the canvas
// settings (name, size, background, dpi, public) when nothing is selected.
//
// Every input writes through state.setProps with the coalesce key "<layer>.<property>", so typing in one box is
// one undo step. A cleared optional box removes the property (back to its default, shown as the placeholder).
// When the state changes elsewhere (undo, a drag on the canvas) the inputs show the new values, except the one
// being typed in.

import { append, clear, h } from "../dom.js";
import { colorInput, isColor, pickerValue } from "./color.js";
import { filePicker, uploadAsset, uploadFont, uploadStatus } from "./upload.js";
import { BRAND_FONTS, tokenLabel, tokenName, whileShown } from "./brandkit.js";

// The font picker: the account's uploads, then these common families (installed by scripts/install-fonts.sh),
// then every other family the instance has (GET /fonts/families); this list alone if that could not be read.
const COMMON_FONTS = ["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "Noto Sans", "Noto Serif",
  "Noto Sans Mono", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans CJK JP",
  "Noto Serif CJK JP", "Noto Sans Thai"];
const UPLOAD_FONT = "\u0000upload";
const opts = (...values) => values.map((v) => (Array.isArray(v) ? v : [v, v[0].toUpperCase() + v.slice(1)]));
const WEIGHTS = [[100, "100 Thin"], [200, "200 Extra light"], [300, "300 Light"], [400, "400 Regular"],
  [500, "500 Medium"], [600, "600 Semi-bold"], [700, "700 Bold"], [800, "800 Extra bold"], [900, "900 Black"]];

// Per property: label (SPEC §15 names), kind, default; by layer type. `group` puts it under a heading.
const GEOMETRY = [
  { prop: "x", label: "X", kind: "number", def: 0, half: true },
  { prop: "y", label: "Y", kind: "number", def: 0, half: true },
  { prop: "width", label: "Width", kind: "number", def: "canvas width", min: 0, half: true },
  { prop: "height", label: "Height", kind: "number", def: "canvas height", min: 0, half: true },
  { prop: "rotation", label: "Rotation", kind: "number", def: 0, min: -360, max: 360, half: true, unit: "°" },
  { prop: "opacity", label: "Opacity", kind: "number", def: 1, min: 0, max: 1, step: 0.05, half: true },
];
const BY_TYPE = {
  text: ["Text", [
    { prop: "text", label: "Text", kind: "textarea", def: "" },
    { prop: "font", label: "Font", kind: "font", def: "" },
    { prop: "font_weight", label: "Weight", kind: "select", def: 400, choices: WEIGHTS, int: true, half: true },
    { prop: "font_style", label: "Italic", kind: "italic", def: "normal", half: true },
    { prop: "font_size", label: "Font size", kind: "number", def: 48, min: 1, max: 1000, half: true },
    { prop: "min_font_size", label: "Min font size", kind: "number", def: "¼ of the size", min: 1, max: 1000,
      half: true },
    { prop: "color", label: "Color", kind: "color", def: "#000000", what: "text" },
    { prop: "background", label: "Background", kind: "color", def: "", what: "background" },
    { prop: "align", label: "Align", kind: "select", def: "start", half: true,
      choices: opts("start", "left", "center", "right", "end", "justify") },
    { prop: "valign", label: "Vertical align", kind: "select", def: "top", half: true,
      choices: opts("top", "middle", "bottom") },
    { prop: "line_height", label: "Line height", kind: "number", def: 1.2, min: 0.5, max: 5, step: 0.05, half: true },
    { prop: "letter_spacing", label: "Letter spacing", kind: "number", def: 0, min: -100, max: 1000, half: true },
    { prop: "max_lines", label: "Max lines", kind: "number", def: "no limit", min: 1, max: 1000, int: true,
      half: true },
    { prop: "overflow", label: "Overflow", kind: "select", def: "shrink", half: true,
      choices: [["shrink", "Shrink"], ["ellipsis", "Cut with …"], ["clip", "Clip"]] },
    { prop: "transform", label: "Transform", kind: "select", def: "none", half: true,
      choices: opts("none", "uppercase", "lowercase", "capitalize") },
    { prop: "decoration", label: "Decoration", kind: "select", def: "none", half: true,
      choices: opts("none", "underline", "line-through") },
    { prop: "direction", label: "Direction", kind: "select", def: "auto", half: true,
      choices: [["auto", "Auto"], ["ltr", "LTR"], ["rtl", "RTL"]] },
    { prop: "language", label: "Language", kind: "text", def: "e.g. ar, he, ja", half: true, max: 35 },
  ]],
  image: ["Image", [
    { prop: "src", label: "Image URL", kind: "src", def: "" },
    { prop: "fit", label: "Fit", kind: "select", def: "cover", half: true, choices: opts("cover", "contain", "fill", "none") },
    { prop: "on_error", label: "If the image fails", kind: "select", def: "fail", half: true,
      choices: [["fail", "Fail the render"], ["hide", "Leave it out"]] },
    { prop: "focus_x", label: "Focus X", kind: "number", def: 0.5, min: 0, max: 1, step: 0.05, half: true },
    { prop: "focus_y", label: "Focus Y", kind: "number", def: 0.5, min: 0, max: 1, step: 0.05, half: true },
    { prop: "radius", label: "Radius", kind: "number", def: 0, min: 0, half: true },
  ]],
  rect: ["Shape", [
    { prop: "fill", label: "Fill", kind: "paint", def: "#000000" },
    { prop: "radius", label: "Radius", kind: "number", def: 0, min: 0, half: true },
    { prop: "stroke_width", label: "Stroke width", kind: "number", def: 0, min: 0, max: 1000, half: true },
    { prop: "stroke", label: "Stroke", kind: "color", def: "", what: "stroke" },
  ]],
  ellipse: ["Shape", [
    { prop: "fill", label: "Fill", kind: "paint", def: "#000000" },
    { prop: "stroke_width", label: "Stroke width", kind: "number", def: 0, min: 0, max: 1000, half: true },
    { prop: "stroke", label: "Stroke", kind: "color", def: "", what: "stroke" },
  ]],
  line: ["Line", [
    { prop: "fill", label: "Color", kind: "color", def: "#000000", what: "line" },
    { prop: "stroke_width", label: "Stroke width", kind: "number", def: 2, min: 0.5, max: 1000, half: true },
  ]],
  qr: ["QR code", [
    { prop: "data", label: "QR data", kind: "textarea", def: "", rows: 2 },
    { prop: "color", label: "Color", kind: "color", def: "#000000", what: "code" },
    { prop: "background", label: "Background", kind: "color", def: "#ffffff", what: "background" },
    { prop: "error_correction", label: "Error correction", kind: "select", def: "m", half: true,
      choices: [["l", "L · 7 %"], ["m", "M · 15 %"], ["q", "Q · 25 %"], ["h", "H · 30 %"]] },
    { prop: "margin", label: "Margin", kind: "number", def: 2, min: 0, max: 20, int: true, half: true },
  ]],
};
const PRIMARY = { text: "text", image: "src", rect: "fill", ellipse: "fill", line: "fill", qr: "data" };
const NOT_FIELDS = new Set(["name", "fields", "editable", "label", "help", "required", "shown_with", "locked"]);

let ids = 0;
const newId = (what) => `prop-${what}-${(ids += 1)}`;
const focusedIn = (el) => el.contains(document.activeElement);

export function mountProperties(container, ctx) {
  const { state } = ctx;
  const body = h("div", { class: "design" });
  container.append(body);
  let shown = null;       // what the form shows: "canvas", "many:<names>" or the layer's name
  let bindings = [];      // {el, update()} per control

  function render() {
    const selected = state.selected();
    const key = selected.length === 0 ? "canvas" : selected.length > 1 ? `many:${state.selection.join(",")}`
      : `layer:${selected[0].name}:${selected[0].type}`;
    if (key === shown) { update(); return; }
    // keep the caret's box when the form is rebuilt for the same thing (a rename)
    const active = document.activeElement && body.contains(document.activeElement)
      ? document.activeElement.dataset.prop : null;
    shown = key;
    bindings = [];
    clear(body);
    if (selected.length === 0) body.append(canvasSettings());
    else if (selected.length > 1) body.append(manyLayers(selected));
    else body.append(layerForm(selected[0]));
    for (const b of bindings) b.update();   // every control shows the current values
    if (active) body.querySelector(`[data-prop="${CSS.escape(active)}"]`)?.focus();
  }

  function update() {
    for (const b of bindings) if (!focusedIn(b.el)) b.update();
  }

  // ---- one layer

  function layerForm(layer) {
    const name = layer.name;
    const current = () => state.layer(name) || layer;
    const set = (prop, value, label = "Edit") => state.setProps(name, { [prop]: value },
      { coalesce: `${name}.${prop}`, label });
    const [title, specs] = BY_TYPE[layer.type] || ["", []];
    const form = h("form", { class: "properties", "aria-label": "Properties", onsubmit: (e) => e.preventDefault() });

    const chip = h("span", { class: "chip", title: "The canvas won't move or resize it (Unlock in Layers)" },
      "Locked");
    bindings.push({ el: chip, update: () => { chip.hidden = !current().locked; } });
    form.append(h("div", { class: "props-head" },
      h("span", { class: `layer-icon icon-${layer.type}`, "aria-hidden": "true" }),
      h("h2", {}, title || layer.type), chip));

    // Name: checked as typed, renamed on Enter or leaving the box.
    const nameId = newId("name");
    const nameInput = h("input", { type: "text", id: nameId, value: name, spellcheck: "false", autocomplete: "off",
      maxlength: "64", dataset: { prop: "name" }, "aria-describedby": `${nameId}-problem` });
    const nameProblem = h("p", { class: "hint problem", id: `${nameId}-problem`, "aria-live": "polite" });
    const checkName = () => {
      const why = nameInput.value === name ? null : state.nameProblem(nameInput.value, name);
      nameProblem.textContent = why || "";
      nameInput.toggleAttribute("aria-invalid", Boolean(why));
      return why;
    };
    nameInput.addEventListener("input", checkName);
    const commitName = () => {
      if (nameInput.value === name) return;
      if (checkName()) return;
      state.renameLayer(name, nameInput.value);
    };
    nameInput.addEventListener("change", commitName);
    nameInput.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); commitName(); }
      if (e.key === "Escape") { nameInput.value = name; checkName(); }
    });
    form.append(h("div", { class: "prop" }, h("label", { for: nameId }, "Name"), nameInput, nameProblem));

    form.append(grid(GEOMETRY.map((spec) => control(spec, current, set))));
    const typeControls = specs.map((spec) => control(spec, current, set));
    form.append(h("h3", { class: "props-section" }, title), grid(typeControls));
    form.append(fieldSection(layer, current, set));
    return form;
  }

  // Lays out controls: `half` ones two to a row.
  function grid(items) {
    return h("div", { class: "props-grid" }, items);
  }

  function control(spec, current, set) {
    const id = newId(spec.prop);
    const wrap = (input, extra = null, labelFor = id) => {
      const el = h("div", { class: `prop${spec.half ? " half" : ""}` },
        h("label", { for: labelFor }, spec.label), input, extra);
      return el;
    };
    const value = () => current()[spec.prop];
    const bind = (el, update) => { bindings.push({ el, update }); update(); return el; };
    const placeholder = spec.def === "" ? "" : String(spec.def);

    switch (spec.kind) {
      case "number": {
        const input = h("input", { type: "number", id, step: spec.step || (spec.int ? 1 : "any"),
          min: spec.min, max: spec.max, placeholder, dataset: { prop: spec.prop }, inputmode: "decimal" });
        input.addEventListener("input", () => {
          if (input.validity.badInput) return;   // half a number ("-", "1e"): wait for the rest
          if (input.value.trim() === "") { set(spec.prop, undefined); return; }
          const n = Number(input.value);
          if (!Number.isFinite(n)) return;
          set(spec.prop, spec.int ? Math.round(n) : n);
        });
        const el = wrap(input);
        return bind(el, () => { const v = value(); input.value = v === undefined || v === null ? "" : String(v); });
      }
      case "text": case "textarea": {
        const input = spec.kind === "textarea"
          ? h("textarea", { id, rows: spec.rows || 3, placeholder, dataset: { prop: spec.prop } })
          : h("input", { type: "text", id, placeholder, maxlength: spec.max, dataset: { prop: spec.prop },
            spellcheck: "false" });
        input.addEventListener("input", () => set(spec.prop, input.value === "" && spec.kind === "text"
          ? undefined : input.value));
        return bind(wrap(input), () => { input.value = value() ?? ""; });
      }
      case "select": {
        const select = h("select", { id, dataset: { prop: spec.prop } },
          spec.choices.map(([v, text]) => h("option", { value: String(v) }, text)));
        select.addEventListener("change", () => {
          const v = spec.int ? Number(select.value) : select.value;
          set(spec.prop, v === spec.def ? undefined : v);
        });
        return bind(wrap(select), () => { select.value = String(value() ?? spec.def); });
      }
      case "italic": {
        const box = h("input", { type: "checkbox", id, dataset: { prop: spec.prop } });
        box.addEventListener("change", () => set(spec.prop, box.checked ? "italic" : undefined));
        const el = h("div", { class: "prop half check-prop" }, h("label", { class: "check", for: id }, box, spec.label));
        return bind(el, () => { box.checked = value() === "italic"; });
      }
      case "color": {
        const c = colorInput({ id, what: spec.what, value: value(), placeholder, brand: ctx.brandKit,
          onValue: (v) => set(spec.prop, v) });
        c.text.dataset.prop = spec.prop;
        const el = wrap(c.el, c.problem);
        bindings.push({ el, update: () => c.set(value()) });
        return el;
      }
      case "paint": return paintControl(spec, id, value, (v) => set(spec.prop, v), wrap);
      case "font": return fontControl(spec, id, value, set, wrap);
      case "src": return srcControl(spec, id, value, set, wrap);
      default: return null;
    }
  }

  // A colour or a linear gradient (angle and 2–16 stops).
  function paintControl(spec, id, value, put, wrap, { what = spec.label.toLowerCase() } = {}) {
    const mode = h("select", { "aria-label": `${spec.label} type`, class: "paint-mode" },
      h("option", { value: "color" }, "Solid colour"), h("option", { value: "gradient" }, "Gradient"));
    const holder = h("div", { class: "paint-editor" });
    const solid = colorInput({ id, what, value: typeof value() === "string" ? value() : "",
      placeholder: spec.def, brand: ctx.brandKit, onValue: (v) => put(v) });
    solid.text.dataset.prop = spec.prop;
    const gradient = h("div", { class: "gradient" });
    mode.addEventListener("change", () => {
      const v = value();
      if (mode.value === "gradient") {
        const base = typeof v === "string" && isColor(v) && v !== "transparent" ? pickerValue(v) : "#6366f1";
        put({ type: "linear", angle: 135, stops: [base, "#0f172a"] });
      } else {
        const first = v && typeof v === "object" ? v.stops[0] : v;
        put(typeof first === "object" ? first.color : first || undefined);
      }
    });
    const drawGradient = () => {
      const v = value();
      clear(gradient);
      if (!v || typeof v !== "object") return;
      const write = (patch) => { const g = JSON.parse(JSON.stringify(value())); patch(g); put(g); };
      const angleId = newId("angle");
      const angle = h("input", { type: "number", id: angleId, min: -360, max: 360, step: 1,
        value: String(v.angle ?? 180), placeholder: "180" });
      angle.addEventListener("input", () => {
        const n = Number(angle.value);
        if (angle.value === "" || !Number.isFinite(n)) return;
        write((g) => { g.angle = n; });
      });
      const swatch = h("div", { class: "gradient-swatch", "aria-hidden": "true" });
      const css = (s) => (typeof s === "object" ? s.color : s);
      // a stop may hold a brand token: the swatch shows the colour it stands for in the brand shown
      const shown = (s) => (tokenName(css(s)) ? ctx.brandKit?.resolve(css(s)) || "transparent" : css(s));
      swatch.style.background = `linear-gradient(${v.angle ?? 180}deg, ${v.stops.map(shown).join(", ")})`;
      gradient.append(h("div", { class: "prop" }, h("label", { for: angleId }, "Angle"),
        h("div", { class: "row" }, angle, swatch)));
      v.stops.forEach((stop, i) => {
        const c = colorInput({ id: newId("stop"), what: `stop ${i + 1}`, value: css(stop), brand: ctx.brandKit,
          onValue: (nv) => {
            if (nv === undefined) return;
            write((g) => { g.stops[i] = typeof g.stops[i] === "object" ? { ...g.stops[i], color: nv } : nv; });
          } });
        gradient.append(h("div", { class: "stop-row" },
          h("label", { for: c.text.id, class: "stop-label" }, `Stop ${i + 1}`), c.el,
          h("button", { type: "button", class: "icon-button act-delete", "aria-label": `Remove stop ${i + 1}`,
            title: "Remove this stop", disabled: v.stops.length <= 2,
            onclick: () => write((g) => g.stops.splice(i, 1)) }), c.problem));
      });
      gradient.append(h("button", { type: "button", class: "small-button", disabled: v.stops.length >= 16,
        onclick: () => write((g) => g.stops.push(css(g.stops[g.stops.length - 1]))) }, "Add stop"));
    };
    holder.append(solid.el, solid.problem, gradient);
    const el = wrap(h("div", { class: "paint" }, mode, holder));
    const isGradient = () => { const v = value(); return Boolean(v && typeof v === "object"); };
    // two bindings: the mode select being focused must not keep the editor under it from switching
    bindings.push({ el: mode, update: () => { mode.value = isGradient() ? "gradient" : "color"; } });
    bindings.push({ el: holder, update: () => {
      const gradientShown = isGradient();
      solid.el.hidden = gradientShown;
      solid.problem.hidden = gradientShown;
      if (!gradientShown) solid.set(value());
      drawGradient();
    } });
    for (const b of bindings.slice(-2)) b.update();
    return el;
  }

  function fontControl(spec, id, value, set, wrap) {
    const status = uploadStatus();
    const select = h("select", { id, dataset: { prop: spec.prop } });
    const families = () => {
      const listed = ctx.families || [];
      const uploaded = [...new Set([...(ctx.fonts || []).map((f) => f.family),
        ...listed.filter((f) => f.source === "uploaded").map((f) => f.family)])].sort();
      const installedAll = ctx.families ? listed.filter((f) => f.source === "installed").map((f) => f.family)
        : COMMON_FONTS;
      const common = COMMON_FONTS.filter((f) => installedAll.includes(f) && !uploaded.includes(f));
      const others = installedAll.filter((f) => !common.includes(f) && !uploaded.includes(f));
      const v = value();
      const kit = ctx.brandKit;
      const brandFonts = kit && kit.brands.length ? BRAND_FONTS.map((n) => [`@brand.${n}`,
        `${tokenLabel(n)} · ${kit.resolve(`@brand.${n}`) || "?"}`]) : [];
      const known = new Set([...uploaded, ...common, ...others, ...brandFonts.map(([t]) => t)]);
      clear(select);
      select.append(h("option", { value: "" }, "DejaVu Sans (default)"));
      if (brandFonts.length) select.append(h("optgroup", { label: "Brand" },
        brandFonts.map(([t, text]) => h("option", { value: t }, text))));
      if (uploaded.length) select.append(h("optgroup", { label: "Uploaded" },
        uploaded.map((f) => h("option", { value: f }, f))));
      select.append(h("optgroup", { label: "Common" }, common.map((f) => h("option", { value: f }, f))));
      if (others.length) select.append(h("optgroup", { label: "All installed" },
        others.map((f) => h("option", { value: f }, f))));
      if (v && !known.has(v)) select.append(h("option", { value: v }, `${v} (not installed)`));
      select.append(h("option", { value: UPLOAD_FONT }, "Upload a font…"));
      select.value = v || "";
    };
    const picker = filePicker("Upload…", ".ttf,.otf,.ttc,.woff,.woff2,font/*", async (file) => {
      const font = await status.run(file, uploadFont);
      if (!font) { families(); return; }
      ctx.fonts = [font, ...(ctx.fonts || []).filter((f) => f.id !== font.id)];
      set("font", font.family, "Font");
      if (font.weight && font.weight !== 400) set("font_weight", font.weight, "Font");
      families();
    }, { label: "Upload a font" });
    select.addEventListener("change", () => {
      if (select.value === UPLOAD_FONT) { select.value = value() || ""; picker.input.click(); return; }
      set("font", select.value || undefined, "Font");
    });
    const el = wrap(h("div", { class: "font-row" }, select, picker.el), status.el);
    bindings.push({ el, update: families });
    families();
    if (ctx.brandKit) whileShown(ctx.brandKit, select, () => { if (!focusedIn(select)) families(); });
    return el;
  }

  // An image's source: upload a file (an asset) or type a URL.
  function srcControl(spec, id, value, set, wrap) {
    const status = uploadStatus();
    const input = h("input", { type: "url", id, placeholder: "https://… or upload a file", dataset: { prop: spec.prop },
      spellcheck: "false", autocomplete: "off" });
    input.addEventListener("input", () => set("src", input.value.trim() || undefined, "Image"));
    const picker = filePicker("Upload an image…", "image/png,image/jpeg,image/webp,image/gif", async (file) => {
      const asset = await status.run(file, uploadAsset);
      if (asset) set("src", asset.url, "Image");
    }, { label: "Upload image" });
    const logo = ctx.brandKit ? h("button", { type: "button", class: "small-button",
      title: "The logo of the template's brand (@brand.logo)", onclick: () => {
        input.value = "@brand.logo";
        set("src", "@brand.logo", "Image");
      } }, "Brand logo") : null;
    const el = h("div", { class: "prop" }, h("div", { class: "row src-upload" }, picker.el, logo),
      h("label", { for: id }, spec.label), input, status.el);
    // bound to the URL box itself: after an upload the focus is on the file picker, and the box must show the new url
    bindings.push({ el: input, update: () => { input.value = value() || ""; } });
    input.value = value() || "";
    return el;
  }

  function fieldSection(layer, current, set) {
    const name = layer.name;
    const box = (prop, text, def) => {
      const id = newId(prop);
      const input = h("input", { type: "checkbox", id, dataset: { prop } });
      input.addEventListener("change", () => set(prop, input.checked === def ? undefined : input.checked));
      const el = h("div", { class: "prop check-prop" }, h("label", { class: "check", for: id }, input, text));
      bindings.push({ el, update: () => { input.checked = current()[prop] ?? def; } });
      return el;
    };
    const text = (prop, label, max, placeholder) => {
      const id = newId(prop);
      const input = h("input", { type: "text", id, maxlength: max, placeholder, dataset: { prop } });
      input.addEventListener("input", () => set(prop, input.value === "" ? undefined : input.value));
      const el = h("div", { class: "prop" }, h("label", { for: id }, label), input);
      bindings.push({ el, update: () => { input.value = current()[prop] || ""; } });
      return el;
    };
    const primary = PRIMARY[layer.type];
    const extraProps = [...GEOMETRY.map((s) => s.prop), ...(BY_TYPE[layer.type]?.[1] || []).map((s) => s.prop)]
      .filter((p) => p !== primary && !NOT_FIELDS.has(p));
    const extras = h("div", { class: "field-props" });
    const drawExtras = () => {
      const chosen = new Set(current().fields || []);
      clear(extras);
      for (const prop of extraProps) {
        const id = newId(`field-${prop}`);
        const input = h("input", { type: "checkbox", id, checked: chosen.has(prop), dataset: { prop: `fields.${prop}` } });
        input.addEventListener("change", () => {
          const now = new Set(current().fields || []);
          if (input.checked) now.add(prop); else now.delete(prop);
          const list = extraProps.filter((p) => now.has(p));
          set("fields", list.length ? list : undefined, "Fields");
        });
        extras.append(h("label", { class: "check", for: id }, input, h("code", {}, `${name}.${prop}`)));
      }
    };
    const fieldsEl = h("fieldset", { class: "checks field-list" }, h("legend", {}, "Also offer as fields"), extras);
    bindings.push({ el: fieldsEl, update: drawExtras });
    drawExtras();

    const showId = newId("shown_with");
    const show = h("select", { id: showId, dataset: { prop: "shown_with" } });
    const drawShow = () => {
      const others = state.allLayers().filter((l) => l.name !== name).map((l) => l.name);
      const v = current().shown_with || "";
      clear(show);
      append(show, h("option", { value: "" }, "Always shown"), others.map((n) => h("option", { value: n }, n)));
      show.value = v;
    };
    show.addEventListener("change", () => set("shown_with", show.value || undefined, "Show only with"));
    const showEl = h("div", { class: "prop" }, h("label", { for: showId }, "Show only with"), show,
      h("p", { class: "hint" }, "Drawn only when that layer has something to show (a frame, a pill)."));
    bindings.push({ el: showEl, update: drawShow });
    drawShow();

    const how = h("p", { class: "hint" });
    bindings.push({ el: how, update: () => {
      const what = { text: "its text", image: "its image", rect: "its fill", ellipse: "its fill", line: "its colour",
        qr: "its data" }[layer.type];
      clear(how);
      if (current().editable === false) append(how, "Decoration: not in the template's fields.");
      else append(how, `A render sets ${what} as `, h("code", {}, name), ".");
    } });
    return h("fieldset", { class: "field-section" }, h("legend", {}, "Field"),
      box("editable", "Offer as a field", true), how,
      text("label", "Label", 100, name),
      text("help", "Help text", 500, ""),
      box("required", "Required", false),
      fieldsEl, showEl);
  }

  // ---- several layers

  function manyLayers(layers) {
    const names = layers.map((l) => l.name);
    const boxes = () => Object.fromEntries(names.map((n) => {
      const l = state.layer(n);
      const layout = ctx.preview.layout(n);
      const [x, y, w, hgt] = layout ? layout.box : [l.x || 0, l.y || 0, l.width ?? state.canvas.width,
        l.height ?? state.canvas.height];
      return [n, { x, y, w, h: hgt }];
    }));
    const align = (label, how) => h("button", { type: "button", class: "small-button",
      title: `Align ${label.toLowerCase()}`, "aria-label": `Align ${label.toLowerCase()}`,
      onclick: () => {
        const b = boxes();
        const all = Object.values(b);
        const left = Math.min(...all.map((r) => r.x)), right = Math.max(...all.map((r) => r.x + r.w));
        const top = Math.min(...all.map((r) => r.y)), bottom = Math.max(...all.map((r) => r.y + r.h));
        const out = {};
        for (const [n, r] of Object.entries(b)) {
          if (state.layer(n)?.locked) continue;
          out[n] = how === "left" ? { x: left } : how === "right" ? { x: right - r.w }
            : how === "center" ? { x: (left + right) / 2 - r.w / 2 } : how === "top" ? { y: top }
              : how === "bottom" ? { y: bottom - r.h } : { y: (top + bottom) / 2 - r.h / 2 };
        }
        state.setBoxes(out, { label });
      } }, label);
    return h("div", { class: "many" },
      h("h2", {}, `${layers.length} layers selected`),
      h("p", { class: "muted small" }, names.join(", ")),
      h("div", { class: "row" },
        h("button", { type: "button", onclick: () => state.duplicateLayers(names) }, "Duplicate"),
        h("button", { type: "button", class: "danger-quiet", onclick: () => state.removeLayers(names) }, "Delete")),
      h("h3", { class: "props-section" }, "Align"),
      h("div", { class: "align-buttons" }, align("Left", "left"), align("Centre", "center"), align("Right", "right"),
        align("Top", "top"), align("Middle", "middle"), align("Bottom", "bottom")));
  }

  // ---- nothing selected: the canvas

  function canvasSettings() {
    const doc = () => state.doc;
    const setDoc = (key, value, coalesce = `canvas.${key}`) => state.setCanvas({ [key]: value }, { coalesce });
    const form = h("form", { class: "properties canvas-settings", "aria-label": "Canvas settings",
      onsubmit: (e) => e.preventDefault() });
    form.append(h("div", { class: "props-head" }, h("h2", {}, "Canvas"),
      h("span", { class: "muted small" }, "Select a layer to edit it.")));

    // Name
    const nameId = newId("tname");
    const name = h("input", { type: "text", id: nameId, maxlength: 200, dataset: { prop: "template-name" } });
    name.addEventListener("input", () => { if (name.value.trim()) setDoc("name", name.value); });
    form.append(h("div", { class: "prop" }, h("label", { for: nameId }, "Name"), name));
    bindings.push({ el: name, update: () => { name.value = doc().name || ""; } });

    // Size
    const formats = Array.isArray(ctx.formats) ? ctx.formats : [];
    const sizeId = newId("size");
    const size = h("select", { id: sizeId, dataset: { prop: "size" } },
      formats.map((f) => h("option", { value: f.name }, `${f.label} · ${f.width}×${f.height}`)),
      h("option", { value: "custom" }, "Custom"));
    size.addEventListener("change", () => {
      const f = formats.find((p) => p.name === size.value);
      if (!f) { update(); return; }
      state.setCanvas({ width: f.width, height: f.height, dpi: f.dpi && f.dpi !== 72 ? f.dpi : undefined });
    });
    const num = (key, label, min, max, extra = {}) => {
      const id = newId(key);
      const input = h("input", { type: "number", id, min, max, step: extra.step || 1, placeholder: extra.placeholder,
        dataset: { prop: `canvas-${key}` } });
      input.addEventListener("input", () => {
        if (input.validity.badInput) return;
        if (input.value === "") { if (extra.optional) setDoc(key, undefined); return; }
        const n = Number(input.value);
        if (!Number.isFinite(n) || n < min || n > max) return;
        setDoc(key, extra.int === false ? n : Math.round(n));
      });
      bindings.push({ el: input, update: () => { input.value = doc()[key] ?? ""; } });
      return h("div", { class: "prop half" }, h("label", { for: id }, label), input);
    };
    form.append(h("div", { class: "prop" }, h("label", { for: sizeId }, "Size"), size),
      grid([num("width", "Width", 1, 4096), num("height", "Height", 1, 4096)]));
    bindings.push({ el: size, update: () => {
      const d = doc();
      const match = formats.find((f) => f.width === d.width && f.height === d.height
        && (f.dpi || 72) === (d.dpi || 72)) || formats.find((f) => f.width === d.width && f.height === d.height);
      size.value = match ? match.name : "custom";
    } });

    // Background
    form.append(h("h3", { class: "props-section" }, "Background"), backgroundControl());

    form.append(grid([
      num("dpi", "DPI", 10, 2400, { placeholder: "72", optional: true, int: false, step: "any" }),
      (() => {
        const id = newId("public");
        const box = h("input", { type: "checkbox", id, dataset: { prop: "public" } });
        box.addEventListener("change", () => setDoc("public", box.checked ? true : undefined));
        bindings.push({ el: box, update: () => { box.checked = Boolean(doc().public); } });
        return h("div", { class: "prop half check-prop" }, h("label", { class: "check", for: id }, box, "Public"));
      })(),
    ]), h("p", { class: "hint" }, "DPI sets a PDF's paper size (300 for print). A public template renders from an "
      + "unsigned URL."));
    update();
    return form;
  }

  function backgroundControl() {
    const value = () => state.doc.background;
    const put = (v) => state.setCanvas({ background: v }, { coalesce: "canvas.background" });
    const kindOf = (v) => (v && typeof v === "object" ? (v.src !== undefined ? "image" : "gradient") : "color");
    const kindId = newId("bg-kind");
    const kind = h("select", { id: kindId, dataset: { prop: "background-kind" } },
      h("option", { value: "color" }, "Colour"), h("option", { value: "gradient" }, "Gradient"),
      h("option", { value: "image" }, "Image"));
    const holder = h("div", { class: "bg-editor" });
    kind.addEventListener("change", () => {
      const v = value();
      if (kind.value === kindOf(v)) return;
      if (kind.value === "color") put(undefined);
      if (kind.value === "gradient") {
        put({ type: "linear", angle: 135, stops: [typeof v === "string" && isColor(v) ? v : "#0f172a", "#4c1d95"] });
      }
      if (kind.value === "image") put({ src: "", fit: "cover" });
    });
    let drawn = null;
    const draw = () => {
      const v = value();
      const k = kindOf(v);
      kind.value = k;
      if (drawn === k && holder.childElementCount) return;   // same editor: its own bindings update it
      drawn = k;
      clear(holder);
      const local = [];
      if (k === "color") {
        const id = newId("bg");
        const c = colorInput({ id, what: "background", value: typeof v === "string" ? v : "", placeholder: "#ffffff",
          brand: ctx.brandKit, onValue: (nv) => put(nv) });
        holder.append(h("div", { class: "prop" }, h("label", { for: id }, "Background colour"), c.el, c.problem));
        local.push({ el: c.el, update: () => c.set(typeof value() === "string" ? value() : "") });
      } else if (k === "gradient") {
        const spec = { prop: "background", label: "Background", def: "#ffffff" };
        const saved = bindings;
        bindings = [];
        const el = paintControl(spec, newId("bg"), value, put,
          (input) => h("div", { class: "prop" }, input), { what: "background" });
        el.querySelector(".paint-mode").remove();   // "Background type" above says it
        local.push(...bindings);
        bindings = saved;
        holder.append(el);
      } else {
        const status = uploadStatus();
        const id = newId("bg-src");
        const url = h("input", { type: "url", id, placeholder: "https://… or upload a file", spellcheck: "false" });
        url.addEventListener("input", () => put({ ...value(), src: url.value.trim() }));
        const picker = filePicker("Upload an image…", "image/png,image/jpeg,image/webp,image/gif", async (file) => {
          const asset = await status.run(file, uploadAsset);
          if (asset) put({ ...value(), src: asset.url });
        }, { label: "Upload background image" });
        const fitId = newId("bg-fit");
        const fit = h("select", { id: fitId }, opts("cover", "contain", "fill", "none").map(([fv, t]) =>
          h("option", { value: fv }, t)));
        fit.addEventListener("change", () => put({ ...value(), fit: fit.value }));
        holder.append(h("div", { class: "row src-upload" }, picker.el), status.el,
          h("div", { class: "prop" }, h("label", { for: id }, "Background image URL"), url),
          h("div", { class: "prop" }, h("label", { for: fitId }, "Background fit"), fit));
        local.push({ el: url, update: () => { url.value = value()?.src || ""; } },
          { el: fit, update: () => { fit.value = value()?.fit || "cover"; } });
      }
      holder.local = local;
      for (const b of local) b.update();
    };
    const el = h("div", {}, h("div", { class: "prop" }, h("label", { for: kindId }, "Background type"), kind), holder);
    bindings.push({ el: kind, update: () => {
      draw();
      for (const b of holder.local || []) if (!focusedIn(b.el)) b.update();
    } });
    draw();
    return el;
  }

  state.addEventListener("change", render);
  state.addEventListener("select", render);
  state.addEventListener("page", render);
  state.addEventListener("saved", () => { shown = null; render(); });
  render();
}
