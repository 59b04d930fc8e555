// The "Use it" tab and the toolbar's "Render" button: render the saved template with the sample data (saving
// first when there are unsaved changes) and show the result, its warnings or its error; the template id; the curl
// command for the same render; a signed-URL builder (POST /templates/{id}/signed-url); and where to start with
// Zapier, Make and n8n.

import * as api from "../api.js";
import { clear, h } from "../dom.js";
import { copyText, field } from "../ui.js";

const POLL_MS = 1000;
const FORMATS = [["png", "PNG"], ["jpeg", "JPEG"], ["webp", "WebP"], ["pdf", "PDF"]];

// A shell word: single quotes, with any ' inside closed, escaped and reopened.
function quote(text) {
  return `'${String(text).replace(/'/g, "'\\''")}'`;
}

function copyButton(label, text) {
  const button = h("button", { type: "button", class: "copy", "aria-label": label,
    onclick: () => copyText(text(), button).then(() => setTimeout(() => { button.textContent = "Copy"; }, 2000)) },
  "Copy");
  return button;
}

function section(title, ...children) {
  return h("section", { class: "useit-section", "aria-label": title }, h("h3", { class: "data-heading" }, title),
    children);
}

export function mountUseIt(container, ctx) {
  const { state, preview, id } = ctx;
  const origin = location.origin;

  // ---- Render (toolbar button and result)
  const renderButton = h("button", { type: "button", title: "Render with the sample data (saves first)",
    onclick: () => { ctx.showTab("use"); result.scrollIntoView({ block: "nearest" }); render(); } }, "Render");
  ctx.slots.render.append(renderButton);
  const result = h("div", { class: "render-result", "aria-live": "polite" },
    h("p", { class: "muted small" }, "Press Render (top right) to make an image with the sample data. Unsaved ",
      "changes are saved first, so the image is what automations get."));

  let running = false;
  async function render() {
    if (running) return;
    running = true;
    renderButton.disabled = true;
    renderButton.setAttribute("aria-busy", "true");
    clear(result).append(h("p", { class: "muted" }, "Rendering…"));
    try {
      // (a conflict answered with "Reload theirs" saves nothing but leaves a clean copy: that one is rendered)
      if (state.dirty && ctx.saveNow && !await ctx.saveNow() && state.dirty) {
        clear(result).append(h("p", { class: "error-text", role: "alert" },
          "Not rendered: the template could not be saved (see the message next to Save)."));
        return;
      }
      let answer = await api.post("/renders", { template_id: id, fields: { ...preview.fields }, format: "png",
        wait: true, timeout: 60 });
      while (answer.status === "queued" || answer.status === "rendering") {
        await new Promise((done) => { setTimeout(done, POLL_MS); });
        if (ctx.stale()) return;
        answer = await api.get(`/renders/${encodeURIComponent(answer.id)}`);
      }
      showRender(answer);
    } catch (exc) {
      clear(result).append(h("p", { class: "error-text", role: "alert" }, `Render failed: ${exc.message}`),
        exc.details && exc.details.render_id ? h("p", { class: "muted small" }, `Render ${exc.details.render_id}`)
          : null);
    } finally {
      running = false;
      renderButton.disabled = false;
      renderButton.removeAttribute("aria-busy");
    }
  }

  function showRender(render) {
    clear(result);
    if (render.status === "failed") {
      result.append(h("p", { class: "error-text", role: "alert" },
        `Render failed: ${render.error ? render.error.message : "unknown error"}`));
      return;
    }
    const facts = [`${render.width} × ${render.height}`, render.format.toUpperCase(),
      render.cached ? "from the cache" : `${render.duration_ms ?? "?"} ms`, `version ${render.template_version}`];
    result.append(
      h("a", { href: render.url, target: "_blank", rel: "noopener", class: "render-image-link" },
        h("img", { class: "render-image", src: render.url, alt: "The rendered image" })),
      h("div", { class: "row spread small render-facts" }, h("span", { class: "muted" }, facts.join(" · ")),
        h("a", { href: render.url, target: "_blank", rel: "noopener" }, "Open the file")),
      render.warnings && render.warnings.length
        ? h("ul", { class: "warning-list", "aria-label": "Render warnings" }, render.warnings.map((w) =>
          h("li", { class: "warning-text", dataset: { code: w.code } }, w.layer ? `${w.layer}: ` : "", w.message)))
        : h("p", { class: "muted small" }, "No warnings."));
  }

  // ---- template id and curl
  const curl = h("pre", { class: "curl" }, h("code", {}));
  function curlText() {
    const body = JSON.stringify({ template_id: id, fields: preview.fields || {} });
    return [`curl -s -X POST ${origin}/api/v1/renders \\`, `  -H "X-API-Key: $PLATEN_API_KEY" \\`,
      `  -H 'Content-Type: application/json' \\`, `  -d ${quote(body)}`].join("\n");
  }
  const drawCurl = () => { curl.firstChild.textContent = curlText(); };
  preview.addEventListener("preview", drawCurl);

  // ---- signed URL builder (of the saved template: its fields, the sample values as a start)
  const format = h("select", { name: "format" }, FORMATS.map(([v, label]) => h("option", { value: v }, label)));
  const fieldList = h("div", { class: "signed-fields" });
  const signedOut = h("div", { class: "signed-out" });
  const signedError = h("div", { class: "form-error", role: "alert" });
  const dirtyNote = h("p", { class: "muted small", hidden: true },
    "Unsaved changes are not in this URL: it renders the saved template.");
  let savedFields = [];

  async function loadFields() {
    try {
      savedFields = await api.get(`${ctx.path}/fields`);
      drawFields();
    } catch (exc) {
      signedError.textContent = exc.message;
    }
  }

  function drawFields() {
    clear(fieldList);
    if (!savedFields.length) {
      fieldList.append(h("p", { class: "muted small" }, "The saved template has no fields: the URL draws it as is."));
      return;
    }
    const sample = preview.fields || {};
    for (const f of savedFields) {
      const value = sample[f.name] ?? f.default ?? "";
      const input = h("input", { type: "text", name: f.name, value: String(value), "aria-label": `${f.label} value`,
        spellcheck: "false", dir: "auto" });
      const check = h("input", { type: "checkbox", name: `use:${f.name}`, checked: f.name in sample,
        "aria-label": `Include ${f.label}` });
      input.addEventListener("input", () => { check.checked = true; });
      fieldList.append(h("div", { class: "signed-field row", dataset: { field: f.name } },
        h("label", { class: "check" }, check, h("span", { class: "clip" }, f.label)), input));
    }
  }

  async function makeSigned(event) {
    event.preventDefault();
    signedError.textContent = "";
    const fields = {};
    for (const row of fieldList.querySelectorAll(".signed-field")) {
      const name = row.dataset.field;
      const text = row.querySelector("input[type=text]");
      if (row.querySelector("input[type=checkbox]").checked) fields[name] = text.value;
    }
    try {
      const { url } = await api.post(`${ctx.path}/signed-url`, { fields, format: format.value });
      const out = h("input", { type: "text", readonly: true, value: url, class: "signed-url",
        "aria-label": "Signed URL", onfocus: () => out.select() });
      clear(signedOut).append(h("div", { class: "row" }, out, copyButton("Copy signed URL", () => url),
        h("a", { class: "button", href: url, target: "_blank", rel: "noopener" }, "Open")));
    } catch (exc) {
      signedError.textContent = exc.message;
    }
  }

  const signedForm = h("form", { class: "signed-form", onsubmit: makeSigned, "aria-label": "Signed URL builder" },
    h("p", { class: "muted small" }, "A URL for an <img> tag or og:image that renders on request (cached). It is ",
      "signed: nobody can change its fields. Tick the fields to put in it."),
    fieldList, field("Format", format), dirtyNote, signedError,
    h("button", { type: "submit", class: "primary" }, "Get signed URL"), signedOut);

  const guides = [
    ["Zapier", "Add the Platen app's render action, connect it with an API key, and pick this template: its " +
      "fields appear as inputs.", "Map your zap's data to the fields; the step's output has the image url."],
    ["Make", "Add the Platen app's render module, create a connection with an API key, and choose this template " +
      "(or paste its id).", "The fields show as the module's parameters; map them, then use url in the next module."],
    ["n8n", "Use the Platen node (or an HTTP Request node POSTing the curl above) with Header Auth X-API-Key.",
      "Pick this template; the resource mapper lists its fields to fill from earlier nodes."],
  ];

  container.append(
    section("Render", result),
    section("Template id", h("div", { class: "row id-row" }, h("code", { class: "template-id" }, id),
      copyButton("Copy template id", () => id))),
    section("curl", h("p", { class: "muted small" }, "The same render from a terminal, with the sample data as ",
      "fields. Set PLATEN_API_KEY to a key with renders:write."), curl,
    copyButton("Copy curl command", curlText)),
    section("Signed URL", signedForm),
    section("Automations", h("dl", { class: "guides" }, guides.map(([name, one, two]) => [
      h("dt", {}, name), h("dd", {}, one, " ", two)])),
    h("p", { class: "muted small" }, "Step by step, with every request: docs/integrations.md (“Connecting Zapier, ",
      "Make and n8n”) in Platen's documentation.")));

  const dirty = () => { dirtyNote.hidden = !state.dirty; };
  state.addEventListener("change", dirty);
  state.addEventListener("saved", loadFields);
  drawCurl();
  loadFields();
}
