// Colours as the template model takes them: #rgb, #rrggbb, #rrggbbaa or "transparent"; and an input pair for one
// (a native picker beside a hex text box). Pure helpers plus one DOM builder; no API calls.

import { h } from "../dom.js";

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
// undefined when the box is cleared (back to the default, shown as the placeholder).
export function colorInput({ id, what, value, placeholder = "", onValue }) {
  const picker = h("input", { type: "color", class: "swatch", "aria-label": `Choose ${what} colour`,
    value: pickerValue(value || placeholder) });
  const text = h("input", { type: "text", id, class: "hex", value: value || "", placeholder,
    spellcheck: "false", autocomplete: "off", "aria-describedby": `${id}-problem` });
  const problem = h("p", { class: "hint problem", id: `${id}-problem`, "aria-live": "polite" });
  const say = (message) => { problem.textContent = message; text.toggleAttribute("aria-invalid", Boolean(message)); };
  text.addEventListener("input", () => {
    const v = text.value.trim();
    if (v === "") { say(""); onValue(undefined); return; }
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
  const el = h("div", { class: "color-input" }, picker, text);
  return {
    el, problem, text, picker,
    // Shows `v` unless the user is typing in it.
    set(v) {
      if (document.activeElement === text || document.activeElement === picker) return;
      text.value = v || "";
      picker.value = pickerValue(v || placeholder);
      say("");
    },
  };
}
