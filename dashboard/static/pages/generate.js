// Generate: a text, a web page or a PDF made into finished images in several formats at once (POST /generations),
// followed until it is done, with its results and the account's recent generations.

import * as api from "../api.js";
import { append, clear, h } from "../dom.js";
import { pageHeader } from "../ui.js";
import { URL_LABELS, follow, recentList, resultsView } from "./generation.js";

const DEFAULT_FORMATS = ["og", "instagram_post", "linkedin_carousel"];
const SLIDES = { min: 3, max: 10, start: 5 };
const MAX_TEXT = 20_000;

// The visual styles (GET /generations takes `visual_style`): what each looks like, in a marketer's words.
export const STYLES = [
  ["modern", "Modern", "A heavy headline, an accent bar at the edge and numbered points."],
  ["minimal", "Minimal", "Light type, plenty of white space and one thin rule."],
  ["bold", "Bold", "A huge capitalised headline on a full brand colour."],
  ["elegant", "Elegant", "A centred title in a fine frame, with italic points."],
  ["playful", "Playful", "Soft round shapes in the corners and friendly numbered points."],
  ["corporate", "Corporate", "A header band, a tidy column and sober colours."],
  ["creative", "Creative", "A big quote mark, a diagonal shape, an off-centre headline."],
  ["dark", "Dark", "Light text on a dark background with a glow of colour."],
];

// The inputs' names in the API, as the form's labels call them: an error about `input_content` is shown under
// the "Text" box, and its message names the box, not the API's field.
const LABELS = { input_type: "Read from", input_content: "Text", input_url: "Address", file: "PDF file",
  output_formats: "Formats", carousel_slides: "Slides", visual_style: "Style", brand_id: "Brand" };

// An API message in the form's words: "for input_type text" goes; field names become the boxes' labels and
// format ids the formats' ("linkedin_carousel" → "LinkedIn carousel"). `words`: extra {id: label}.
export function plain(message, words = {}) {
  const labels = { ...words };
  for (const [name, label] of Object.entries(LABELS)) labels[name] ??= `“${label}”`;
  const ids = Object.keys(labels).sort((a, b) => b.length - a.length).join("|");
  const text = String(message).replace(/ for input_type (?:text|url|pdf)/g, "")
    .replace(new RegExp(`\\b(${ids})\\b`, "g"), (m) => labels[m]);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function generatePage(main, { stale }) {
  const [formats, brands] = await Promise.all([api.get("/formats"), api.get("/brands?limit=100")]);
  if (stale()) return;
  const results = h("section", { class: "gen-results", "aria-label": "Results", "aria-live": "polite" });
  const recent = h("section", { class: "list", "aria-label": "Recent generations" });
  const shown = { id: null };
  const mark = () => {
    for (const row of recent.querySelectorAll("[data-generation-id]")) {
      row.classList.toggle("gen-current", row.dataset.generationId === shown.id);
    }
  };
  const show = (id) => {
    shown.id = id;
    mark();
    history.replaceState(null, "", id ? `/generate?id=${encodeURIComponent(id)}` : "/generate");
    clear(results);
    if (!id) return;
    if (results.getBoundingClientRect().top < 60) results.scrollIntoView({ behavior: "smooth" });
    follow(id, {
      stale: () => stale() || shown.id !== id,
      draw: (gen) => clear(results).append(resultsView(gen, formats)),
      failed: (exc) => clear(results).append(h("div", { class: "notice notice-error", role: "alert" }, exc.message)),
      done: () => loadRecent(),
    });
  };
  async function loadRecent() {
    let list = [];
    try {
      list = await api.get("/generations?limit=10");
    } catch (exc) {
      if (stale()) return;
      clear(recent).append(h("div", { class: "notice notice-error", role: "alert" }, exc.message));
      return;
    }
    if (stale()) return;
    append(clear(recent), recentList(list, formats, show));
    mark();
  }

  append(main, pageHeader("Generate"),
    h("p", { class: "muted intro" }, "Turn a text, a blog post or a PDF into finished images for every channel at " +
      "once, in your brand. Each result is an ordinary template you can open in the editor and change."),
    h("div", { class: "gen-layout" }, generateForm(formats, brands, show), results),
    h("h2", {}, "Recent generations"), recent);
  const asked = new URLSearchParams(location.search).get("id");
  if (asked) show(asked);
  else results.append(placeholder());
  await loadRecent();
}

function placeholder() {
  return h("div", { class: "empty gen-empty" }, h("p", { class: "empty-title" }, "Your images will appear here."),
    h("p", {}, "Paste a text or a page's address, pick the formats and a style, and press Generate. It takes a " +
      "few seconds."));
}

function generateForm(formats, brands, show) {
  const errors = {};
  const errorFor = (name) => (errors[name] = h("div", { class: "form-error", role: "alert", id: `gen-${name}-error` }));
  const labelled = (label, input, name, hint = "") => {
    input.id = input.id || `gen-${name}`;
    if (errors[name] === undefined) errorFor(name);
    input.setAttribute("aria-describedby", `gen-${name}-error`);
    return h("div", { class: "field" }, h("label", { for: input.id }, label),
      hint ? h("p", { class: "hint" }, hint) : null, input, errors[name]);
  };

  // What to read: a pasted text, a web page's address, or a PDF (a file, or its address).
  const kinds = [["text", "Paste text"], ["url", "From a web page"], ["pdf", "From a PDF"]];
  const kindRadios = kinds.map(([value, label]) => h("label", { class: "segment" },
    h("input", { type: "radio", name: "input_type", value, checked: value === "text" }), h("span", {}, label)));
  const text = h("textarea", { name: "input_content", rows: 8, maxlength: MAX_TEXT, spellcheck: "true",
    placeholder: "5 tips for working from home\n\nA quiet desk, a fixed schedule and real breaks make the day.\n" +
      "- Keep a fixed start time\n- Take a real lunch break\n- …" });
  const count = h("span", { class: "hint char-count" }, `0 / ${MAX_TEXT.toLocaleString()}`);
  text.addEventListener("input", () => {
    count.textContent = `${text.value.length.toLocaleString()} / ${MAX_TEXT.toLocaleString()}`;
  });
  const url = h("input", { type: "url", name: "input_url", placeholder: "https://example.com/blog/your-post",
    autocomplete: "off", spellcheck: "false" });
  const pdfFile = h("input", { type: "file", name: "file", accept: ".pdf,application/pdf" });
  const pdfUrl = h("input", { type: "url", id: "gen-pdf-url", placeholder: "https://example.com/brochure.pdf",
    autocomplete: "off", spellcheck: "false" });
  const panes = {
    text: h("div", {}, labelled("Text", text, "input_content",
      "The first line is the title; then paragraphs, or a list (one item a line, starting with -)."), count),
    url: h("div", {}, labelled("Web page address", url, "input_url",
      "A blog post or an article: Platen reads its title, description and main text.")),
    pdf: h("div", {}, labelled("PDF file", pdfFile, "file", "Its text and first picture are used."),
      h("div", { class: "field" }, h("label", { for: pdfUrl.id }, "Or the PDF's address"), pdfUrl)),
  };
  const kind = () => kindRadios.map((l) => l.querySelector("input")).find((r) => r.checked).value;
  const showKind = () => { for (const [k, pane] of Object.entries(panes)) pane.hidden = k !== kind(); };
  for (const radio of kindRadios) radio.querySelector("input").addEventListener("change", showKind);

  // Formats: a checkbox each; a carousel also has its number of slides.
  errorFor("output_formats");
  errorFor("carousel_slides");
  const formatRows = formats.map((f) => {
    const box = h("input", { type: "checkbox", name: "output_formats", value: f.name,
      checked: DEFAULT_FORMATS.includes(f.name) });
    const slides = f.pages ? h("input", { type: "number", class: "slides", min: SLIDES.min, max: SLIDES.max, step: 1,
      value: String(SLIDES.start), "aria-label": `Slides for ${f.label}`, disabled: !box.checked,
      "aria-describedby": "gen-carousel_slides-error" }) : null;
    if (slides) box.addEventListener("change", () => { slides.disabled = !box.checked; });
    return { f, box, slides, el: h("div", { class: "format-option", dataset: { format: f.name } },
      h("label", { class: "check" }, box, h("span", {}, f.label),
        h("span", { class: "muted small" }, `${f.width} × ${f.height}`)),
      slides ? h("span", { class: "slides-field" }, slides, h("span", { class: "muted small" }, "slides")) : null) };
  });
  const formatBox = h("fieldset", { class: "gen-formats", "aria-describedby": "gen-output_formats-error" },
    h("legend", {}, "Formats"), formatRows.map((r) => r.el));

  // Styles: eight labelled choices, each with a small sketch of its look and a line saying it.
  errorFor("visual_style");
  const styleBox = h("fieldset", { class: "gen-styles", "aria-describedby": "gen-visual_style-error" },
    h("legend", {}, "Style"),
    STYLES.map(([value, label, about], i) => h("label", { class: "style-option", dataset: { style: value } },
      h("input", { type: "radio", name: "visual_style", value, checked: i === 0,
        "aria-labelledby": `style-name-${value}`, "aria-describedby": `style-about-${value}` }),
      h("span", { class: `style-art style-art-${value}`, "aria-hidden": "true" }, h("span", {}, "Aa")),
      h("span", { class: "style-text" }, h("span", { class: "style-name", id: `style-name-${value}` }, label),
        h("span", { class: "style-about", id: `style-about-${value}` }, about)))));

  // The brand: the account's default first, chosen.
  const ordered = [...brands].sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)));
  const brand = h("select", { name: "brand_id" },
    ordered.map((b) => h("option", { value: b.id, selected: Boolean(b.default) },
      b.default && !/default/i.test(b.name) ? `${b.name} (default)` : b.name)));
  const dots = h("span", { class: "brand-dots", "aria-hidden": "true" });
  // the dots, and the style sketches drawn in the brand's colours (what the styles use)
  const paintDots = () => {
    const b = brands.find((x) => x.id === brand.value);
    for (const [name, short] of [["primary", "p"], ["accent", "a"], ["background", "b"], ["text", "t"]]) {
      const c = b?.colors?.[name];
      if (c && /^#[0-9a-f]{3,8}$/i.test(c)) styleBox.style.setProperty(`--brand-${short}`, c);
      else styleBox.style.removeProperty(`--brand-${short}`);
    }
    clear(dots);
    for (const c of Object.values(b?.colors || {})) {
      const dot = h("span", { class: "brand-dot" });
      dot.style.backgroundColor = c;
      dots.append(dot);
    }
  };
  brand.addEventListener("change", paintDots);
  paintDots();
  const brandField = labelled("Brand", brand, "brand_id", "Its colours, fonts and logo are used. Change brands " +
    "on a template's Brand tab in the editor.");
  brandField.querySelector("select").after(dots);

  const general = h("div", { class: "form-error", role: "alert" });
  // By the button: which fields to fix, when the message itself is by a field far above it.
  const summary = h("div", { class: "form-error gen-summary-error", id: "gen-summary-error" });
  const button = h("button", { type: "submit", class: "primary gen-submit", "aria-describedby": "gen-summary-error" },
    "Generate");
  const words = () => ({ ...Object.fromEntries(formats.map((f) => [f.name, f.label])),
    input_url: `“${URL_LABELS[kind()] || LABELS.input_url}”` });

  function clearErrors() {
    general.textContent = "";
    summary.textContent = "";
    for (const el of Object.values(errors)) el.textContent = "";
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }

  // A 422 goes under the field it names (details.field, details.fields or .path, else the field named first in
  // the message), in the form's words: no API field names, and plain advice for what was left empty.
  function showError(exc) {
    const d = exc.details || {};
    const named = d.field || Object.keys(d.fields || {})[0] || d.path || d.parameter || "";
    let name = String(named).split(/[.[]/)[0];
    if (!LABELS[name]) name = Object.keys(LABELS).find((n) => new RegExp(`\\b${n}\\b`).test(exc.message)) || "";
    if (name === "input_url" && kind() === "pdf" && !pdfFile.files.length) name = "file";
    if (name === "input_type") name = { text: "input_content", url: "input_url", pdf: "file" }[kind()];
    const target = [400, 413, 422].includes(exc.status) ? errors[name] : null;
    if (!target) { general.textContent = plain(exc.message, words()); return; }
    target.textContent = advice(name) || plain(exc.message.replace(new RegExp(`^${name}: `), ""), words());
    const input = invalidInput(name, exc.message);
    if (name === "carousel_slides" && input) input.closest(".format-option").after(target);   // under its row
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.scrollIntoView({ block: "center" });
      const focusable = input.matches("fieldset") ? input.querySelector("input:checked, input") : input;
      focusable?.focus({ preventScroll: true });
    }
    summary.textContent = "Fix the 1 field above.";
  }

  // The input an error is about: a carousel's slides box (the one the message names, else one out of range), else
  // the input (or group) its error describes.
  function invalidInput(name, message) {
    if (name === "carousel_slides") {
      const rows = formatRows.filter((r) => r.slides && r.box.checked);
      const named = rows.find((r) => new RegExp(`\\b${r.f.name}\\b`).test(message));
      const wrong = rows.find((r) => !(Number(r.slides.value) >= SLIDES.min && Number(r.slides.value) <= SLIDES.max));
      return (named || wrong || rows[0])?.slides || null;
    }
    return form.querySelector(`[aria-describedby="gen-${name}-error"]`);
  }

  // What to do about an empty field, said simply (the API's own message otherwise).
  function advice(name) {
    if (name === "input_content" && !text.value.trim()) {
      return "Paste the text to design from: a title on the first line, then paragraphs or a list.";
    }
    if (name === "input_url" && !url.value.trim()) return "Paste the address of the page, starting with https://.";
    if (name === "file" && !pdfFile.files.length && !pdfUrl.value.trim()) {
      return "Choose a PDF file, or paste the address of one.";
    }
    if (name === "output_formats" && !formatRows.some((r) => r.box.checked)) return "Tick at least one format.";
    return "";
  }

  function body() {
    const chosen = formatRows.filter((r) => r.box.checked);
    const slides = Object.fromEntries(chosen.filter((r) => r.slides).map((r) => [r.f.name, Number(r.slides.value)]));
    const fields = {
      input_type: kind(), output_formats: chosen.map((r) => r.f.name),
      visual_style: styleBox.querySelector("input:checked").value, brand_id: brand.value || undefined,
    };
    if (Object.keys(slides).length) fields.carousel_slides = slides;
    if (kind() === "text") fields.input_content = text.value;
    if (kind() === "url") fields.input_url = url.value.trim();
    if (kind() === "pdf" && !pdfFile.files.length) fields.input_url = pdfUrl.value.trim();
    return fields;
  }

  const form = h("form", { class: "panel gen-form", "aria-label": "Generate", novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      clearErrors();
      button.disabled = true;
      button.textContent = "Starting…";
      try {
        const fields = body();
        let gen;
        if (kind() === "pdf" && pdfFile.files.length) {
          // A file goes as multipart: the other fields as form values (lists and objects as JSON).
          const data = new FormData();
          for (const [name, value] of Object.entries(fields)) {
            if (value !== undefined) data.set(name, typeof value === "string" ? value : JSON.stringify(value));
          }
          data.set("file", pdfFile.files[0]);
          gen = await api.postForm("/generations", data);
        } else {
          gen = await api.post("/generations", fields);
        }
        show(gen.id);
      } catch (exc) {
        showError(exc);
      } finally {
        button.disabled = false;
        button.textContent = "Generate";
      }
    } },
  h("fieldset", { class: "segments" }, h("legend", {}, "Read from"), kindRadios),
  Object.values(panes), formatBox, errors.output_formats, errors.carousel_slides, styleBox, errors.visual_style,
  brandField, general, h("div", { class: "row end gen-submit-row" }, summary, button));
  showKind();
  return form;
}
