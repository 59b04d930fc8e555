// The "Versions" tab (SPEC §11): every saved version, newest first; click one to see it (GET …/versions/{n}
// drawn by POST /templates/preview with its own defaults), and "Restore this version" saves that content as a
// new version (POST …/versions/{n}/restore), asking first when there are unsaved changes. The list is read again
// after every save.

import * as api from "../api.js";
import { clear, h, when } from "../dom.js";
import { confirm } from "../ui.js";
import { templateBody } from "./state.js";

const PAGE = 50;

function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}

export function mountVersions(container, ctx) {
  const { state } = ctx;
  const list = h("ol", { class: "version-list", "aria-label": "Saved versions" });
  const more = h("button", { type: "button", class: "link", hidden: true, onclick: () => load(true) }, "Show older");
  const error = h("div", { class: "form-error", role: "alert" });
  const detail = h("div", { class: "version-detail", hidden: true });
  container.append(
    h("p", { class: "muted small" }, "Every save is a version; each stays renderable. Pick one to see it."),
    error, detail, list, more);

  let pages = 0;
  let selected = null;
  let shown = 0;   // the newest version picked (an older answer is dropped)

  async function load(older = false) {
    pages = older ? pages + 1 : 0;
    try {
      const rows = await api.get(`${ctx.path}/versions${api.query({ limit: PAGE, page: pages })}`);
      if (!older) clear(list);
      for (const row of rows) list.append(item(row));
      more.hidden = rows.length < PAGE;
      error.textContent = "";
      mark();
    } catch (exc) {
      error.textContent = exc.message;
    }
  }

  function item(row) {
    const current = row.version === state.version;
    return h("li", { dataset: { version: String(row.version) } },
      h("button", { type: "button", class: "version-row", "aria-label": `Version ${row.version}`,
        onclick: () => pick(row.version) },
        h("span", { class: "version-number" }, `v${row.version}`),
        h("span", { class: "version-meta" },
          h("span", { class: "version-name clip" }, row.name || ""),
          h("span", { class: "muted small" }, when(row.created_at), ` · ${size(row.size_bytes)}`)),
        current ? h("span", { class: "badge badge-active" }, "current") : null));
  }

  function mark() {
    for (const li of list.children) {
      li.classList.toggle("selected", Number(li.dataset.version) === selected);
    }
  }

  async function pick(version) {
    selected = version;
    const number = ++shown;
    mark();
    const image = h("img", { class: "version-image", alt: `Version ${version}` });
    const frame = h("div", { class: "version-frame loading-thumb" }, image);
    const restore = h("button", { type: "button", class: "primary", onclick: () => restoreIt(version) },
      "Restore this version");
    const note = h("p", { class: "muted small" });
    clear(detail).append(h("div", { class: "row spread" }, h("h3", {}, `Version ${version}`), restore), frame, note);
    detail.hidden = false;
    if (version === state.version) {
      note.textContent = state.dirty ? "The version you are editing; restoring it discards your unsaved changes."
        : "The version you are editing.";
      restore.disabled = !state.dirty;
    }
    try {
      const template = await api.get(`${ctx.path}/versions/${version}`);
      const scale = Math.max(0.1, Math.min(1, 640 / Math.max(template.width, template.height)));
      const answer = await api.post("/templates/preview", { template: templateBody(template), page: 0, scale,
        format: "jpeg" });
      if (number !== shown) return;
      image.src = answer.image;
      frame.classList.remove("loading-thumb");
      const pages = template.pages ? template.pages.length : 1;
      if (pages > 1) note.textContent = `${note.textContent} Page 1 of ${pages} shown.`.trim();
    } catch (exc) {
      if (number !== shown) return;
      frame.classList.remove("loading-thumb");
      frame.classList.add("thumb-failed");
      frame.replaceChildren(h("p", { class: "error-text" }, exc.message));
    }
  }

  async function restoreIt(version) {
    if (state.dirty && !await confirm(`Restore version ${version}?`, "Restore",
      { note: "Your unsaved changes will be lost. The version you have now stays in the list." })) return;
    try {
      const template = await api.post(`${ctx.path}/versions/${version}/restore`, {});
      state.saved(template, { keepHistory: false });
      selected = template.version;
      detail.hidden = true;
      error.textContent = "";   // "saved" reads the list again
    } catch (exc) {
      error.textContent = `Not restored: ${exc.message}`;
    }
  }

  state.addEventListener("saved", () => load());
  load();
}
