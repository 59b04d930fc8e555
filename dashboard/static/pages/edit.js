// /templates/{id}/edit: the visual editor (SPEC §15). This page loads the template, fonts and formats, builds
// the layout and hands each region to its module; the modules share one EditorState (editor/state.js: the working
// copy, selection, undo) and one Preview (editor/preview.js: the live render).
//
//   toolbar   name, Undo/Redo (here), Save + status (editor/save.js), Render (editor/useit.js), zoom (canvas)
//   left      region "Layers": add buttons, the layer list (editor/layers.js)
//   centre    region "Canvas": preview + handles (editor/canvas.js); the page strip (editor/pages.js)
//   right     tabs: form "Properties" + canvas settings (editor/properties.js), "Sample data"
//             (editor/sample.js), "Versions" (editor/versions.js), "Use it" (editor/useit.js), "Brand"
//             (editor/brand.js; the brands themselves in editor/brandkit.js, the preview's brand above the canvas)

import * as api from "../api.js";
import { append, h, notice } from "../dom.js";
import { EditorState } from "../editor/state.js";
import { Preview } from "../editor/preview.js";
import { mountCanvas } from "../editor/canvas.js";
import { mountLayers } from "../editor/layers.js";
import { mountPages } from "../editor/pages.js";
import { mountProperties } from "../editor/properties.js";
import { mountSample } from "../editor/sample.js";
import { mountSave } from "../editor/save.js";
import { mountVersions } from "../editor/versions.js";
import { mountUseIt } from "../editor/useit.js";
import { BrandKit } from "../editor/brandkit.js";
import { mountBrand, mountPreviewBrand } from "../editor/brand.js";

const TABS = [["design", "Design"], ["data", "Sample data"], ["versions", "Versions"], ["use", "Use it"], ["brand", "Brand"]];

export async function editPage(main, { args, stale, me, navigate }) {
  const [id] = args;
  const path = `/templates/${encodeURIComponent(id)}`;
  const [template, fonts, families, formats] = await Promise.all([
    api.get(path), api.get("/fonts").catch(() => []), api.get("/fonts/families").catch(() => null),
    api.get("/formats").catch(() => []),
  ]);
  if (stale()) return;
  document.title = `${template.name} · Editor · Platen`;
  const state = new EditorState(template);
  const preview = new Preview(state);
  const brandKit = new BrandKit(state);

  const slots = {
    save: h("div", { class: "row toolbar-save" }),
    render: h("div", { class: "row toolbar-render" }),
    zoom: h("div", { class: "row toolbar-zoom" }),
  };
  const undo = h("button", { type: "button", title: "Undo (Ctrl+Z)", disabled: true, onclick: () => state.undo() },
    "Undo");
  const redo = h("button", { type: "button", title: "Redo (Ctrl+Shift+Z)", disabled: true,
    onclick: () => state.redo() }, "Redo");
  const history = () => { undo.disabled = !state.canUndo; redo.disabled = !state.canRedo; };
  state.addEventListener("change", history);
  state.addEventListener("saved", history);

  const regions = {
    layers: h("section", { class: "editor-layers panel", "aria-label": "Layers" }),
    canvas: h("section", { class: "editor-canvas", "aria-label": "Canvas", tabindex: "0" }),
    pages: h("div", { class: "editor-pages" }),
    previewBrand: h("div", { class: "editor-preview-brand row" }),
  };
  const tabPanels = Object.fromEntries(TABS.map(([key, label]) => [key,
    h("div", { class: "tab-panel", id: `tab-${key}`, role: "tabpanel", "aria-label": label, hidden: key !== "design" })]));
  const tabButtons = TABS.map(([key, label]) => h("button", {
    type: "button", role: "tab", class: "tab", id: `tab-button-${key}`, "aria-controls": `tab-${key}`,
    "aria-selected": key === "design" ? "true" : "false", onclick: () => showTab(key),
  }, label));
  function showTab(key) {
    for (const [k, panel] of Object.entries(tabPanels)) panel.hidden = k !== key;
    for (const button of tabButtons) button.setAttribute("aria-selected",
      button.id === `tab-button-${key}` ? "true" : "false");
  }

  append(main,
    h("div", { class: "editor" },
      h("div", { class: "editor-toolbar" },
        h("a", { href: "/templates", dataset: { route: "" }, class: "crumb" }, "Templates"),
        h("h1", { class: "editor-title", title: template.name }, template.name),
        h("div", { class: "row" }, undo, redo),
        slots.zoom, h("div", { class: "spacer" }), slots.save, slots.render),
      h("div", { class: "editor-body" },
        regions.layers,
        h("div", { class: "editor-stage" }, regions.previewBrand, regions.canvas, regions.pages),
        h("aside", { class: "editor-side panel" },
          h("div", { class: "tabs", role: "tablist", "aria-label": "Editor panels" }, tabButtons),
          Object.values(tabPanels)))));
  main.classList.add("page-editor");

  // What every module gets: the shared state and preview, data loaded once, and a way to switch tabs.
  const ctx = { id, path, template, state, preview, fonts, families, formats, me, navigate, showTab, slots, stale,
    canvasRegion: regions.canvas, brandKit };
  mountCanvas(regions.canvas, ctx);
  mountLayers(regions.layers, ctx);
  mountPages(regions.pages, ctx);
  mountProperties(tabPanels.design, ctx);
  mountSample(tabPanels.data, ctx);
  mountVersions(tabPanels.versions, ctx);
  mountUseIt(tabPanels.use, ctx);
  mountSave(slots.save, ctx);
  mountBrand(tabPanels.brand, ctx);
  mountPreviewBrand(regions.previewBrand, ctx);
  brandKit.load().catch((exc) => { if (!stale()) tabPanels.brand.prepend(notice(exc.message)); });

  // Leaving with unsaved changes asks first (a reload or a closed tab; links inside the app ask in save.js). Once
  // another page is shown (by a link or Back), the listener is this editor's no more and goes at its next call.
  const beforeUnload = (event) => {
    if (stale()) { window.removeEventListener("beforeunload", beforeUnload); return; }
    if (state.dirty) { event.preventDefault(); event.returnValue = ""; }
  };
  window.addEventListener("beforeunload", beforeUnload);
  preview.refresh(0);
}
