// Colours as the template model takes them: #rgb, #rrggbb, #rrggbbaa or "transparent"; and an input pair for one
// (a native picker beside a hex text box). Pure helpers plus one DOM builder; no API calls.

import { h } from "../dom.js";

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export function isColor(value) {
  return value === "transparent" || HEX.test(value);
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
    if (!isColor(v)) { say("A colour is #rgb, #rrggbb, #rrggbbaa or transparent."); return; }
    say("");
    picker.value = pickerValue(v);
    onValue(v);
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
