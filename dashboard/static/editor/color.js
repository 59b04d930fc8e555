// Colours as the template model takes them: #rgb, #rrggbb, #rrggbbaa or "transparent"; and an input pair for one
// (a native picker beside a hex text box). Pure helpers plus one DOM builder; no API calls.

import { h } from "../dom.js";
import { BRAND_COLORS, tokenLabel, tokenName, whileShown } from "./brandkit.js";

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export function isColor(value) {
  return value === "transparent" || HEX.test(value);
}

// What a person may type, as the model's colour: "ffd166" (no #), a CSS name ("gold"), rgb(…) or hsl(…) become
// hex; null when it is no colour. The browser's own CSS parser reads names and functions (a 2D canvas' fillStyle
// keeps its old value for what it can't parse, so two different starting values tell a bad one).
export function normalizeColor(value) {
  const v = String(value || "").trim();
  if (isColor(v)) return v;
  if (/^(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(v)) return `#${v}`;
  if (!v || v.startsWith("#")) return null;
  const paint = document.createElement("canvas").getContext("2d");
  const read = (start) => { paint.fillStyle = start; paint.fillStyle = v; return paint.fillStyle; };
  const parsed = read("#000000");
  if (parsed !== read("#ffffff")) return null;
  if (parsed.startsWith("#")) return parsed;
  const m = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(parsed);
  if (!m) return null;
  const hex = (n) => Number(n).toString(16).padStart(2, "0");
  const alpha = m[4] === undefined ? "" : hex(Math.round(Number(m[4]) * 255));
  return `#${hex(m[1])}${hex(m[2])}${hex(m[3])}${alpha === "ff" ? "" : alpha}`;
}

// "#rrggbb" for <input type=color> (which takes nothing else); alpha and "transparent" are dropped.
export function pickerValue(value) {
  if (typeof value !== "string" || !HEX.test(value)) return "#ffffff";
  if (value.length === 4) return `#${[...value.slice(1)].map((c) => c + c).join("")}`.toLowerCase();
  return value.slice(0, 7).toLowerCase();
}

// The picker's #rrggbb with the alpha of `previous` kept (a #rrggbbaa stays as see-through as it was).
export function withAlpha(rgb, previous) {
  return typeof previous === "string" && /^#[0-9a-fA-F]{8}$/.test(previous) ? rgb + previous.slice(7) : rgb;
}

// A colour control: <input type=color> + a text box. `id` goes on the text box (its <label for> names it); the
// picker is labelled "Choose <what> colour". `onValue(value|undefined)` is called with a valid colour, or
// undefined when the box is cleared (back to the default, shown as the placeholder). With `brand` (a BrandKit),
// the brand's five colours are swatches below it: one writes its token ("@brand.primary"), which then shows as a
// chip in the colour it stands for instead of the text box.
export function colorInput({ id, what, value, placeholder = "", onValue, brand = null }) {
  const picker = h("input", { type: "color", class: "swatch", "aria-label": `Choose ${what} colour`,
    value: pickerValue(value || placeholder) });
  const text = h("input", { type: "text", id, class: "hex", value: value || "", placeholder,
    spellcheck: "false", autocomplete: "off", "aria-describedby": `${id}-problem` });
  const problem = h("p", { class: "hint problem", id: `${id}-problem`, "aria-live": "polite" });
  const say = (message) => { problem.textContent = message; text.toggleAttribute("aria-invalid", Boolean(message)); };
  text.addEventListener("input", () => {
    const v = text.value.trim();
    if (v === "") { say(""); onValue(undefined); return; }
    if (token && tokenName(v)) { text.value = ""; say(""); token.show(v); onValue(v); return; }
    const color = normalizeColor(v);
    if (!color) {
      say("Type a colour like #ffd166 or a name like gold, or pick one with the swatch.");
      return;
    }
    say("");
    picker.value = pickerValue(color);
    onValue(color);
  });
  // leaving the box shows what was typed as the colour the template keeps ("gold" → #ffd700)
  text.addEventListener("change", () => {
    const color = normalizeColor(text.value);
    if (color && color !== text.value.trim()) text.value = color;
  });
  picker.addEventListener("input", () => {
    const v = withAlpha(picker.value, text.value.trim());
    text.value = v;
    say("");
    onValue(v);
  });
  const row = h("div", { class: "color-input" }, picker, text);
  // a swatch or the chip's × writes like the box, and shows it at once (the control keeps the focus, so the
  // form's own update passes it by)
  const token = brand ? brandToken(brand, what, row, (v) => {
    text.value = tokenName(v) ? "" : v || "";
    picker.value = pickerValue(v || placeholder);
    say("");
    token.show(v);
    onValue(v);
  }) : null;
  const el = token ? h("div", { class: "color-field" }, row, token.swatches) : row;
  const control = {
    el, problem, text, picker,
    // Shows `v` unless the user is typing in it.
    set(v) {
      if (token) token.show(v);
      if (document.activeElement === text || document.activeElement === picker) return;
      text.value = tokenName(v) ? "" : v || "";
      picker.value = pickerValue(v || placeholder);
      say("");
    },
  };
  if (token) token.show(value);
  return control;
}

// The brand's colours as swatch buttons, and the chip a token shows as (in place of the picker and the box).
// `put(value)` writes a value the way the box does.
function brandToken(kit, what, row, put) {
  let current = null;
  const dot = h("span", { class: "token-dot", "aria-hidden": "true" });
  const name = h("span", { class: "token-name" });
  const chip = h("span", { class: "token-chip", hidden: true }, dot, name,
    h("button", { type: "button", class: "token-clear", "aria-label": `Use a custom ${what} colour`,
      title: "Use a custom colour (the brand's, as hex)", onclick: () => put(kit.resolve(current) || undefined) },
    "×"));
  row.append(chip);
  const buttons = BRAND_COLORS.map((n) => h("button", { type: "button", class: "brand-swatch",
    "aria-label": `${tokenLabel(n)} for ${what}`, title: tokenLabel(n), onclick: () => put(`@brand.${n}`) }));
  const swatches = h("div", { class: "brand-swatches", role: "group", "aria-label": `Brand colours for ${what}` },
    buttons);
  const paint = () => {
    BRAND_COLORS.forEach((n, i) => {
      const c = kit.resolve(`@brand.${n}`);
      buttons[i].style.backgroundColor = c && c !== "transparent" ? pickerValue(c) : "";
      buttons[i].title = `${tokenLabel(n)}${c ? ` · ${c}` : ""}`;
    });
    swatches.hidden = !kit.brands.length;
    const n = tokenName(current);
    chip.hidden = !n;
    for (const el of row.querySelectorAll("input")) el.hidden = Boolean(n);
    if (!n) return;
    const c = kit.resolve(current);
    dot.style.backgroundColor = c ? pickerValue(c) : "";
    name.textContent = c === undefined ? `${current} (unknown)` : `${tokenLabel(n)} · ${c}`;
    chip.title = current;
  };
  whileShown(kit, swatches, paint);
  return { swatches, show(v) { current = v; paint(); } };
}
