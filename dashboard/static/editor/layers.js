// The Layers panel (region "Layers"): a button per layer type, and the shown page's layers front-most first, each
// with its type's icon, its name (click selects, Shift/Ctrl/Cmd-click adds to the selection, double-click renames),
// hide/show, lock/unlock and, on the selected row, rename, move up/down, duplicate and delete. Rows reorder by
// drag and drop too. A warning badge marks a layer the newest preview had to fit, cut or substitute.

import { clear, h } from "../dom.js";
import { acceptDrops, uploadStatus } from "./upload.js";

export const ADD_BUTTONS = [["text", "Add text"], ["image", "Add image"], ["rect", "Add rectangle"],
  ["ellipse", "Add ellipse"], ["line", "Add line"], ["qr", "Add QR code"]];
const TYPE_NAMES = { text: "Text", image: "Image", rect: "Rectangle", ellipse: "Ellipse", line: "Line", qr: "QR code" };
const DRAG_TYPE = "application/x-platen-layer";

export function mountLayers(container, ctx) {
  const { state, preview } = ctx;
  const list = h("ul", { class: "layer-list", "aria-label": "Layers of this page" });
  const status = uploadStatus();
  let renaming = null;   // {name, value, focus}: the row being renamed (the list is not redrawn meanwhile)
  let dragging = null;

  const adds = ADD_BUTTONS.map(([type, label]) => h("button", {
    type: "button", class: "add-layer", dataset: { type }, title: `${label} layer`,
    onclick: () => state.addLayer(type),
  }, h("span", { class: `layer-icon icon-${type}`, "aria-hidden": "true" }), TYPE_NAMES[type]));
  // The visible text is the type; the accessible name is the full "Add text" etc.
  adds.forEach((button, i) => button.setAttribute("aria-label", ADD_BUTTONS[i][1]));

  container.append(
    h("div", { class: "panel-head" }, h("h2", {}, "Layers")),
    h("div", { class: "add-layers" }, adds),
    list, status.el);

  // Image files dropped on the canvas become image layers (editor/upload.js).
  if (ctx.canvasRegion) acceptDrops(ctx.canvasRegion, ctx, status);

  function warningsOf(name) {
    const layout = preview.layout(name);
    return layout && layout.warnings ? layout.warnings : [];
  }

  function draw() {
    if (renaming && !state.layer(renaming.name)) renaming = null;
    const layers = [...state.layers()].reverse();   // front-most first
    // the focused button is found again in the new rows (a redraw must not throw the keyboard out of the list)
    const active = list.contains(document.activeElement) ? document.activeElement : null;
    const refocus = active && active.closest(".layer-row")
      ? { layer: active.closest(".layer-row").dataset.layer, cls: [...active.classList].find((c) => c.startsWith("act-")
        || c.startsWith("toggle-") || c === "layer-name") } : null;
    clear(list);
    if (!layers.length) {
      list.append(h("li", { class: "layers-empty" },
        h("p", {}, "This page has no layers yet."), h("p", { class: "hint" }, "Add a layer with the buttons above.")));
      return;
    }
    const count = layers.length;
    layers.forEach((layer, row) => list.append(rowFor(layer, row, count)));
    if (refocus && refocus.cls) {
      const row = list.querySelector(`.layer-row[data-layer="${CSS.escape(refocus.layer)}"]`);
      const again = row && row.querySelector(`.${refocus.cls}`);
      if (again && !again.disabled) again.focus();
      else if (row) row.querySelector(".layer-name")?.focus();
    }
    if (renaming) {
      const input = list.querySelector(".rename-input");
      if (input && renaming.focus) { input.focus(); input.select(); renaming.focus = false; }
    }
  }

  function rowFor(layer, row, count) {
    const name = layer.name;
    const selected = state.selection.includes(name);
    const warnings = warningsOf(name);
    const typeName = TYPE_NAMES[layer.type] || layer.type;
    const li = h("li", {
      class: `layer-row${selected ? " selected" : ""}${layer.hidden ? " is-hidden" : ""}${layer.locked ? " is-locked" : ""}${
        renaming && renaming.name === name ? " renaming" : ""}`,
      dataset: { layer: name }, draggable: renaming ? "false" : "true",
    });
    // The type is said in words beside the icon, not as its label: a label "Text" would be one more match for
    // the Properties form's "Text" input when a tool looks inputs up by label.
    const icon = [h("span", { class: `layer-icon icon-${layer.type}`, "aria-hidden": "true", title: typeName }),
      h("span", { class: "visually-hidden" }, `${typeName} layer: `)];

    let label;
    if (renaming && renaming.name === name) {
      label = renameBox(layer);
    } else {
      label = h("button", { type: "button", class: "layer-name", "aria-pressed": selected ? "true" : "false",
        title: `${name} (${typeName}) — double-click to rename`,
        onclick: (event) => {
          if (event.shiftKey || event.ctrlKey || event.metaKey) {
            state.select(selected ? state.selection.filter((n) => n !== name) : [...state.selection, name]);
          } else {
            state.select([name]);
          }
        },
        ondblclick: () => startRename(name),
      }, name);
    }

    const badge = h("span", { class: "layer-warning-slot" });
    showWarnings(badge, name, warnings);

    const toggle = (prop, on, off, cls) => h("button", {
      type: "button", class: `icon-button ${cls}${layer[prop] ? " on" : ""}`,
      "aria-label": `${layer[prop] ? off : on} ${name}`, title: `${layer[prop] ? off : on}`,
      "aria-pressed": layer[prop] ? "true" : "false",
      onclick: () => state.setProps(name, { [prop]: layer[prop] ? undefined : true },
        { label: layer[prop] ? off : on }),
    });
    const hide = toggle("hidden", "Hide", "Show", "toggle-hidden");
    const lock = toggle("locked", "Lock", "Unlock", "toggle-locked");

    const more = h("div", { class: "layer-more" },
      h("button", { type: "button", class: "icon-button act-rename", "aria-label": `Rename ${name}`, title: "Rename",
        onclick: () => startRename(name) }),
      h("button", { type: "button", class: "icon-button act-up", "aria-label": `Move ${name} up`,
        title: "Move up (towards the front)", disabled: row === 0, onclick: () => move(name, +1) }),
      h("button", { type: "button", class: "icon-button act-down", "aria-label": `Move ${name} down`,
        title: "Move down (towards the back)", disabled: row === count - 1, onclick: () => move(name, -1) }),
      h("button", { type: "button", class: "icon-button act-duplicate", "aria-label": `Duplicate ${name}`,
        title: "Duplicate", onclick: () => state.duplicateLayers([name]) }),
      h("button", { type: "button", class: "icon-button act-delete", "aria-label": `Delete ${name}`,
        title: "Delete", onclick: () => state.removeLayers([name]) }));

    li.append(h("div", { class: "layer-main" }, icon, label, badge, hide, lock), more);

    li.addEventListener("dragstart", (event) => {
      if (renaming) { event.preventDefault(); return; }
      dragging = name;
      event.dataTransfer.setData(DRAG_TYPE, name);
      event.dataTransfer.effectAllowed = "move";
      li.classList.add("dragging");
    });
    li.addEventListener("dragend", () => { dragging = null; li.classList.remove("dragging"); clearMarks(); });
    li.addEventListener("dragover", (event) => {
      if (!dragging || dragging === name) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const above = isAbove(li, event);
      clearMarks();
      li.classList.add(above ? "drop-above" : "drop-below");
    });
    li.addEventListener("dragleave", () => li.classList.remove("drop-above", "drop-below"));
    li.addEventListener("drop", (event) => {
      const from = dragging || event.dataTransfer.getData(DRAG_TYPE);
      if (!from || from === name) return;
      event.preventDefault();
      dropOn(from, name, isAbove(li, event));
      clearMarks();
    });
    return li;
  }

  // The badge: "!" with the warnings' messages as its tooltip and accessible name; nothing without warnings.
  function showWarnings(slot, name, warnings) {
    const text = warnings.map((w) => w.message).join("\n");
    const now = slot.firstChild;
    if (now && now.title === text) return;
    clear(slot);
    if (!warnings.length) return;
    slot.append(h("span", { class: "layer-warning", role: "img", title: text,
      "aria-label": `Warnings for ${name}: ${warnings.map((w) => w.message).join(" ")}` }, "!"));
  }

  // A new preview only changes the badges: rows stay (a click in progress must not land on a replaced button).
  function updateWarnings() {
    for (const row of list.querySelectorAll(".layer-row")) {
      const slot = row.querySelector(".layer-warning-slot");
      if (slot) showWarnings(slot, row.dataset.layer, warningsOf(row.dataset.layer));
    }
  }

  function isAbove(li, event) {
    const box = li.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2;
  }

  function clearMarks() {
    for (const el of list.querySelectorAll(".drop-above, .drop-below")) el.classList.remove("drop-above", "drop-below");
  }

  // The list shows the front first; the model lists the back first. Above a row = just in front of that layer.
  function dropOn(from, target, above) {
    const layers = state.layers(state.pageOf(target));
    const f = layers.findIndex((l) => l.name === from);
    const t = layers.findIndex((l) => l.name === target);
    if (f < 0 || t < 0 || state.pageOf(from) !== state.pageOf(target)) return;
    let index = above ? t + 1 : t;
    if (f < t) index -= 1;
    state.reorderLayer(from, index);
  }

  // +1: one step towards the front (up in the list); -1: towards the back.
  function move(name, step) {
    const layers = state.layers(state.pageOf(name));
    const index = layers.findIndex((l) => l.name === name);
    const to = index + step;
    if (index < 0 || to < 0 || to >= layers.length) return;
    state.reorderLayer(name, to);   // the redraw keeps the focus on this row's button (see draw)
  }

  function startRename(name) {
    renaming = { name, value: name, focus: true };
    draw();
  }

  function renameBox(layer) {
    const id = `rename-${Math.random().toString(36).slice(2, 8)}`;
    const input = h("input", { type: "text", class: "rename-input", value: renaming.value, id,
      "aria-label": `New name for ${layer.name}`, "aria-describedby": `${id}-problem`, spellcheck: "false",
      autocomplete: "off", maxlength: "64" });
    const problem = h("p", { class: "rename-problem", id: `${id}-problem`, role: "alert" });
    const check = () => {
      renaming.value = input.value;
      const why = input.value === layer.name ? null : state.nameProblem(input.value, layer.name);
      problem.textContent = why || "";
      input.toggleAttribute("aria-invalid", Boolean(why));
      return why;
    };
    input.addEventListener("input", check);
    input.addEventListener("keydown", (event) => {
      event.stopPropagation();   // Delete/arrows here edit the name, not the canvas
      if (event.key === "Enter") { event.preventDefault(); finish(true); }
      if (event.key === "Escape") { event.preventDefault(); finish(false); }
    });
    input.addEventListener("blur", () => { if (renaming && renaming.name === layer.name) finish(true, true); });
    function finish(save, quiet = false) {
      const from = layer.name;
      const to = input.value.trim();
      if (save && to !== from) {
        const why = state.nameProblem(to, from);
        if (why) {
          if (quiet) { renaming = null; draw(); return; }   // leaving a bad name: nothing changes
          check();
          return;
        }
        renaming = null;
        state.renameLayer(from, to);
      } else {
        renaming = null;
      }
      draw();
      list.querySelector(`[data-layer="${CSS.escape(save && to ? to : from)}"] .layer-name`)?.focus();
    }
    const wrap = h("div", { class: "rename" }, input, problem);
    if (renaming.value !== layer.name) queueMicrotask(check);
    return wrap;
  }

  // While a name is being typed the list stays as it is (a redraw would take the caret away).
  const redraw = () => { if (!renaming) draw(); };
  state.addEventListener("change", redraw);
  state.addEventListener("select", redraw);
  state.addEventListener("page", redraw);
  preview.addEventListener("preview", updateWarnings);
  draw();
}
