// One generation as the Generate page shows it: followed until done (polling with backoff), what was read from the
// input, each output's images with "Open in editor", and the list of recent generations.

import * as api from "../api.js";
import { badge, h, when } from "../dom.js";

const POLL = { first: 500, factor: 1.5, most: 4000 };
const DONE = new Set(["completed", "failed"]);

// GET /generations/{id} until it is completed or failed: soon at first, then less and less often (a long one is
// asked every few seconds). `stale()` stops it (the page changed, another generation was shown).
export function follow(id, { stale, draw, failed, done }) {
  let wait = POLL.first;
  const step = async () => {
    if (stale()) return;
    let gen;
    try {
      gen = await api.get(`/generations/${encodeURIComponent(id)}`);
    } catch (exc) {
      if (!stale()) failed(exc);
      return;
    }
    if (stale()) return;
    draw(gen);
    if (DONE.has(gen.status)) { done(gen); return; }
    setTimeout(step, wait);
    wait = Math.min(POLL.most, wait * POLL.factor);
  };
  step();
}

// The input fields as the Generate form labels them (`input_url` by what is read from), so a failed generation's
// reason names the box to change, not the API's field.
export const URL_LABELS = { url: "Web page address", pdf: "PDF's address" };
const INPUT_LABELS = { input_content: "Text", file: "PDF file" };

export function reason(gen) {
  const message = gen.error?.message || "It stopped without saying why; try again.";
  return message.replace(/^(input_url|input_content|file): /, (m, name) =>
    `${(name === "input_url" ? URL_LABELS[gen.input_type] : INPUT_LABELS[name]) || name}: `);
}

const STATUS_TEXT = {
  queued: "Waiting for a worker…",
  running: "Reading the content and designing the images…",
  completed: "Done.",
  failed: "This generation failed.",
};

export function resultsView(gen, formats) {
  const byName = Object.fromEntries(formats.map((f) => [f.name, f]));
  const finished = DONE.has(gen.status);
  const seconds = gen.completed_at && gen.created_at
    ? (Date.parse(gen.completed_at) - Date.parse(gen.created_at)) / 1000 : null;
  const facts = [];
  if (gen.status === "completed") {
    const images = (gen.outputs || []).reduce((n, o) => n + (o.urls || []).length, 0);
    facts.push(`${images} image${images === 1 ? "" : "s"}`);
    if (seconds !== null) facts.push(`in ${seconds.toFixed(1)} s`);
  }
  if (gen.credits != null) facts.push(`${gen.credits} credit${gen.credits === 1 ? "" : "s"} used`);
  const head = h("div", { class: "gen-status", dataset: { status: gen.status } },
    h("div", { class: "row" }, badge(gen.status), h("strong", { class: "gen-status-text" }, STATUS_TEXT[gen.status]
      || gen.status), h("span", { class: "muted small" }, facts.join(" · "))),
    finished ? null : h("progress", { "aria-label": "Generation under way" }),
    gen.status === "failed" ? h("p", { class: "notice notice-error", role: "alert" }, reason(gen)) : null,
    gen.status === "failed" ? h("p", { class: "muted small gen-retry" }, "Change what it read from (or paste the " +
      "text itself) and press Generate again.") : null);
  if (gen.extracted) head.append(extractedView(gen.extracted));
  const outputs = gen.outputs || [];
  return h("div", { class: "gen-result", dataset: { generationId: gen.id, status: gen.status } },
    head, outputs.length ? h("div", { class: "gen-outputs" }, outputs.map((o) => outputView(o, byName[o.format], gen)))
      : null,
    h("p", { class: "muted small gen-meta" }, h("code", {}, gen.id), " · ", styleName(gen.visual_style), " · ",
      when(gen.created_at)));
}

// What Platen read from the input, so the user sees where the words on the images came from.
function extractedView(x) {
  const source = [x.site_name, x.author].filter(Boolean).join(" · ");
  return h("section", { class: "gen-extracted", "aria-label": "What Platen read" },
    h("p", { class: "gen-kicker" }, "What Platen read"),
    h("h3", { class: "gen-title" }, x.title || "(no title)"),
    x.summary ? h("p", { class: "gen-summary" }, x.summary) : null,
    x.points?.length ? h("details", { class: "gen-points" },
      h("summary", {}, `The ${x.points.length} point${x.points.length === 1 ? "" : "s"} it found`),
      h("ul", {}, x.points.map((p) => h("li", {}, p)))) : null,
    source || x.url ? h("p", { class: "muted small" }, source, source && x.url ? " · " : "",
      x.url ? h("span", { class: "gen-url" }, x.url) : null) : null);
}

function outputView(o, format, gen) {
  const label = format ? format.label : o.format;
  const urls = o.urls || [];
  const pages = urls.length > 1 || format?.pages;
  const size = format ? `${format.width} × ${format.height}` : "";
  const edit = o.template_id ? `/templates/${encodeURIComponent(o.template_id)}/edit` : null;
  const figures = urls.map((url, i) => {
    const name = pages ? `${label}, page ${i + 1} of ${urls.length}` : label;
    return h("figure", { class: "gen-image" },
      h("a", { href: url, target: "_blank", rel: "noopener", "aria-label": `Open ${name}` },
        h("img", { src: url, alt: name })),
      h("figcaption", { class: "small" }, h("span", { class: "muted" }, pages ? `${i + 1}` : ""),
        h("span", { class: "row gen-links" },
          h("a", { href: url, target: "_blank", rel: "noopener", "aria-label": `Open the file of ${name}` }, "Open"),
          h("a", { href: url, download: fileName(gen, o, i, url), "aria-label": `Download ${name}` }, "Download"))));
  });
  return h("article", { class: `gen-output${pages ? " gen-carousel" : ""}`, dataset: { format: o.format } },
    h("div", { class: "gen-output-head" }, h("h3", {}, label), h("p", { class: "muted small" }, [size,
      pages ? `${urls.length} page${urls.length === 1 ? "" : "s"}` : ""].filter(Boolean).join(" · "))),
    figures.length ? h("div", { class: "gen-strip" }, figures)
      : h("p", { class: "muted small" }, gen.status === "failed" ? "No image." : "Being drawn…"),
    edit ? h("div", { class: "row gen-output-actions" }, h("a", { href: edit, dataset: { route: "" },
      class: "button primary", "aria-label": `Open ${label} in editor` }, "Open in editor"),
    h("span", { class: "muted small" }, "Change its text, colours and layout, then render it again.")) : null);
}

function fileName(gen, o, i, url) {
  const ext = (/\.([a-z0-9]+)(?:\?|$)/i.exec(url) || [])[1] || "png";
  const base = (gen.extracted?.title || "generation").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")
    .slice(0, 40) || "generation";
  return `${base}-${o.format}${(o.urls || []).length > 1 ? `-${i + 1}` : ""}.${ext}`;
}

function styleName(style) {
  return style ? style[0].toUpperCase() + style.slice(1) : "";
}

export function recentList(list, formats, show) {
  const byName = Object.fromEntries(formats.map((f) => [f.name, f.label]));
  if (!list.length) {
    return h("div", { class: "empty" }, h("p", { class: "empty-title" }, "No generations yet."),
      h("p", {}, "The ones you make appear here, to open their results again."));
  }
  return list.map((g) => h("article", { class: "list-row", dataset: { generationId: g.id, status: g.status } },
    h("div", { class: "grow" },
      h("div", { class: "row" }, badge(g.status),
        h("strong", { class: "clip" }, g.extracted?.title || `From ${INPUT_NAMES[g.input_type] || "text"}`),
        h("span", { class: "muted small" }, when(g.created_at))),
      h("p", { class: "muted small" }, (g.output_formats || []).map((f) => byName[f] || f).join(", "), " · ",
        styleName(g.visual_style), g.error ? " · " : "", g.error ? h("span", { class: "error-text" },
          reason(g)) : null)),
    h("button", { type: "button", onclick: () => show(g.id) },
      "Show results")));
}

const INPUT_NAMES = { text: "a text", url: "a web page", pdf: "a PDF" };
