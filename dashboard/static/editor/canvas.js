// The editor's canvas (region "Canvas", SPEC §15): the live preview image of the page shown, and over it one handle
// per layer (data-layer="<name>") to select, drag, resize and rotate, with snapping and guides. The image is the
// real renderer's (editor/preview.js); the handles follow the working copy (editor/state.js) at once, so a drag
// feels instant and the picture catches up after the debounced preview.
//
// Handles: moveable (drag/resize/rotate/snap of the selected handles, group move) and selecto (box-select on
// empty canvas), both vendored UMD builds (scripts/vendor-dashboard.sh) that set window globals when imported.
// They add <style> elements at run time: those carry the page's CSP style nonce (the shell's <meta name=csp-nonce>).
//
// Every gesture is one undo step: the handles move alone while the pointer is down, and the end of the gesture
// writes the new boxes once (state.setBoxes). Template coordinates are integers in template pixels at any zoom.

import { append, h } from "../dom.js";
import "../vendor/moveable-0.53.0/moveable.min.js";
import "../vendor/selecto-1.26.3/selecto.min.js";

const { Moveable, Selecto } = globalThis;
const PAD = 32;            // px of grey around the stage (fit leaves it free)
const HIT = 12;            // px: the grab height of a flat line (height 0), the width of a vertical one
const SNAP_PX = 6;         // px on screen: how near an edge must come to snap
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;
const ZOOM_STEP = 1.25;
const BUSY_DELAY_MS = 200; // a fast preview shows no spinner
const DIRECTIONS = { top: true, left: true, bottom: true, right: true, center: true, middle: true };

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

// Rotation in (-180, 180], one decimal (what the template model takes, -360..360).
function normalRotation(deg) {
  let r = ((deg % 360) + 360) % 360;
  if (r > 180) r -= 360;
  return Math.round(r * 10) / 10;
}

function typing(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
}

function warningText(w) {
  if (typeof w === "string") return w;
  return (w && (w.message || w.code)) || "";
}

export function mountCanvas(container, ctx) {
  const { state, preview } = ctx;
  const nonce = document.querySelector("meta[name='csp-nonce']")?.content || "";
  let zoom = 1;
  let fitMode = true;
  let gesture = null;      // {names: [...]} while a drag/resize/rotate is under way
  let nudges = 0;          // numbers held arrow keys, so each press is one undo step
  let gone = false;
  const handles = new Map();   // layer name -> {el, box: {left, top, width, height, rotation}, layer}

  // ---- the elements
  const image = h("img", { class: "canvas-image", alt: "Live preview of the page", draggable: "false", hidden: true });
  const layerBox = h("div", { class: "canvas-handles" });
  const stage = h("div", { class: "canvas-stage" }, image, layerBox);
  const pad = h("div", { class: "canvas-pad" }, stage);
  const scroller = h("div", { class: "canvas-scroll" }, pad);
  const busy = h("div", { class: "canvas-busy", role: "status", "aria-live": "polite" });
  const problem = h("div", { class: "canvas-error", role: "alert", hidden: true });
  container.classList.add("canvas-region");
  append(container, scroller, busy, problem);

  const zoomOut = h("button", { type: "button", class: "zoom-step", "aria-label": "Zoom out", title: "Zoom out",
    onclick: () => zoomAround(zoom / ZOOM_STEP) }, "−");
  const zoomIn = h("button", { type: "button", class: "zoom-step", "aria-label": "Zoom in", title: "Zoom in",
    onclick: () => zoomAround(zoom * ZOOM_STEP) }, "+");
  const zoomLabel = h("output", { class: "zoom-value", "aria-label": "Zoom", title: "Ctrl + wheel zooms" }, "100%");
  const fitButton = h("button", { type: "button", "aria-pressed": "true", title: "Show the whole canvas",
    onclick: () => fit() }, "Fit");
  const actualButton = h("button", { type: "button", "aria-pressed": "false", title: "One template pixel per screen pixel",
    onclick: () => zoomAround(1) }, "100%");
  if (ctx.slots && ctx.slots.zoom) append(ctx.slots.zoom, zoomOut, zoomLabel, zoomIn, fitButton, actualButton);

  // ---- geometry: a layer's box in template pixels <-> its handle's box in stage pixels

  function templateBox(layer) {
    const canvas = state.canvas;
    return {
      x: layer.x ?? 0, y: layer.y ?? 0,
      width: layer.width ?? canvas.width,
      height: layer.height ?? (layer.type === "line" ? 0 : canvas.height),
      rotation: layer.rotation ?? 0,
    };
  }

  // A line as thin as 0 gets HIT px to grab, centred on it.
  function flat(layer) {
    const b = templateBox(layer);
    return { w: layer.type === "line" && b.width === 0, h: layer.type === "line" && b.height === 0 };
  }

  function screenBox(layer) {
    const b = templateBox(layer);
    const f = flat(layer);
    return {
      left: f.w ? b.x * zoom - HIT / 2 : b.x * zoom,
      top: f.h ? b.y * zoom - HIT / 2 : b.y * zoom,
      width: f.w ? HIT : b.width * zoom,
      height: f.h ? HIT : b.height * zoom,
      rotation: b.rotation,
    };
  }

  function fromScreen(layer, s) {
    const f = flat(layer);
    const out = {
      x: (f.w ? s.left + HIT / 2 : s.left) / zoom,
      y: (f.h ? s.top + HIT / 2 : s.top) / zoom,
      rotation: normalRotation(s.rotation),
    };
    if (!f.w) out.width = Math.max(1, s.width / zoom);
    if (!f.h) out.height = Math.max(1, s.height / zoom);
    return out;
  }

  function paint(item) {
    const { el, box } = item;
    el.style.left = `${box.left}px`;
    el.style.top = `${box.top}px`;
    el.style.width = `${Math.max(0, box.width)}px`;
    el.style.height = `${Math.max(0, box.height)}px`;
    el.style.transform = box.rotation ? `rotate(${box.rotation}deg)` : "";
  }

  // ---- the handles

  function render() {
    const layers = state.layers();
    const seen = new Set();
    let index = 0;
    for (const layer of layers) {
      seen.add(layer.name);
      let item = handles.get(layer.name);
      if (!item) {
        const el = h("div", { class: "canvas-handle", role: "button", dataset: { layer: layer.name } });
        el.addEventListener("mousedown", onHandleDown);
        el.addEventListener("touchstart", onHandleDown, { passive: false });
        el.addEventListener("dblclick", onHandleDoubleClick);
        item = { el, box: null, layer };
        handles.set(layer.name, item);
      }
      item.layer = layer;
      const { el } = item;
      el.setAttribute("aria-label", `Layer ${layer.name}`);
      el.dataset.type = layer.type;
      el.hidden = Boolean(layer.hidden);
      el.classList.toggle("is-locked", Boolean(layer.locked));
      const f = flat(layer);
      el.classList.toggle("is-flat", f.w || f.h);
      if (!(gesture && gesture.names.includes(layer.name))) {
        item.box = screenBox(layer);
        paint(item);
      }
      // in drawing order: the top layer last, so it is the one clicked (moved only when out of place)
      if (layerBox.children[index] !== el) layerBox.insertBefore(el, layerBox.children[index] || null);
      index += 1;
    }
    for (const [name, item] of handles) {
      if (!seen.has(name)) { item.el.remove(); handles.delete(name); }
    }
    markWarnings();
    // The handles may have moved under moveable's controls (an X typed in Properties, undo, zoom): re-measure.
    // Not right after a change of targets: moveable measures new targets itself, and measuring between the
    // change and its render drops the next drag.
    if (!syncSelection() && !gesture && [].concat(moveable.target || []).length) moveable.updateRect();
  }

  function markWarnings() {
    const answer = preview.last;
    for (const [name, item] of handles) {
      const layout = answer && answer.layers ? answer.layers.find((l) => l.name === name) : null;
      const warnings = layout && layout.warnings ? layout.warnings.map(warningText).filter(Boolean) : [];
      item.el.classList.toggle("has-warnings", warnings.length > 0);
      if (warnings.length) item.el.title = `${name}: ${warnings.join("; ")}`;
      else item.el.title = name;
    }
  }

  const movable = (item) => item && !item.el.hidden && !item.layer.locked;

  // Sets a moveable property only when it differs: each set re-renders moveable's controls.
  function setProp(name, value) {
    const now = moveable[name];
    const same = Array.isArray(value) && Array.isArray(now)
      ? value.length === now.length && value.every((v, i) => v === now[i]) : now === value;
    if (!same) moveable[name] = value;
    return !same;
  }

  // moveable's group of several targets draws a child per target whose <style> carries no nonce (moveable
  // 0.53 passes cspNonce to the group, not to its children). The children use the very stylesheet the single
  // control box injected with the nonce, so they only add one when it is gone: it goes when its last user
  // unmounts (one target -> several). Pinned here (a use count it never falls under), it stays for good.
  function pinStyles() {
    for (const style of document.querySelectorAll("style[data-styled-id]:not([data-pinned])")) {
      const count = parseFloat(style.getAttribute("data-styled-count")) || 0;
      style.setAttribute("data-styled-count", String(count + 1e6));
      style.setAttribute("data-pinned", "");
    }
  }

  // Returns true when moveable's targets changed (moveable then measures them itself).
  function syncSelection() {
    const chosen = new Set(state.selection);
    for (const [name, item] of handles) {
      const on = chosen.has(name);
      item.el.classList.toggle("is-selected", on);
      item.el.setAttribute("aria-pressed", on ? "true" : "false");
    }
    if (gesture) return false;
    const targets = state.selection.map((n) => handles.get(n)).filter(movable).map((item) => item.el);
    const single = targets.length === 1 ? handles.get(targets[0].dataset.layer) : null;
    const line = single && single.layer.type === "line";
    const f = single ? flat(single.layer) : { w: false, h: false };
    const current = moveable.target ? [].concat(moveable.target) : [];
    const changed = current.length !== targets.length || current.some((t, i) => t !== targets[i]);
    pinStyles();
    if (changed) moveable.target = targets;
    setProp("resizable", targets.length === 1);
    setProp("rotatable", targets.length === 1 && !line);
    setProp("renderDirections", f.h ? ["w", "e"] : f.w ? ["n", "s"] : ["nw", "n", "ne", "w", "e", "sw", "s", "se"]);
    setProp("elementGuidelines", [...handles.values()]
      .filter((item) => !item.el.hidden && !targets.includes(item.el)).map((item) => item.el));
    selecto.selectableTargets = [...handles.values()].filter((item) => !item.el.hidden).map((item) => item.el);
    selecto.setSelectedTargets([...chosen].map((n) => handles.get(n)).filter(Boolean).map((item) => item.el));
    return changed;
  }

  // Pressing a handle selects it (Shift/Ctrl/Cmd toggles) and, unless locked, starts dragging it at once.
  function onHandleDown(event) {
    if (event.type === "mousedown" && event.button !== 0) return;
    const name = event.currentTarget.dataset.layer;
    const item = handles.get(name);
    if (!item) return;
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const has = state.selection.includes(name);
      state.select(has ? state.selection.filter((n) => n !== name) : [...state.selection, name]);
      return;
    }
    if (state.selection.includes(name)) return;   // already a target: moveable takes the drag
    event.preventDefault();
    container.focus({ preventScroll: true });
    state.select([name]);
    // moveable.dragStart renders the pending target change first (synchronously), then takes this very press:
    // no frame in between in which a quick drag could slip away.
    if (movable(item) && !gesture) moveable.dragStart(event);
  }

  // A double click on a text or QR layer goes to what it shows: the Properties form's "Text" / "QR data" box.
  const CONTENT_LABEL = { text: "Text", qr: "QR data" };
  function onHandleDoubleClick(event) {
    const item = handles.get(event.currentTarget.dataset.layer);
    const wanted = item && CONTENT_LABEL[item.layer.type];
    if (!wanted) return;
    if (ctx.showTab) ctx.showTab("design");
    const form = document.querySelector("form[aria-label='Properties']");
    const label = form && [...form.querySelectorAll("label")].find((l) => l.textContent.trim() === wanted);
    const input = label && label.control;
    if (!input) return;
    input.focus();
    if (input.select) input.select();
  }

  // ---- moveable: the selected handles

  const moveable = new Moveable(stage, {
    target: [],
    className: "canvas-moveable",
    cspNonce: nonce,
    draggable: true, resizable: true, rotatable: true, snappable: true,
    keepRatio: false, origin: false,
    throttleDrag: 0, throttleResize: 0, throttleRotate: 0,
    // no distance labels on the guides: moveable would print screen pixels, not the template's
    snapThreshold: SNAP_PX, isDisplaySnapDigit: false, snapGap: false,
    snapDirections: DIRECTIONS, elementSnapDirections: DIRECTIONS,
    rotationPosition: "top",
    checkInput: true,
  });

  function startGesture(targets) {
    gesture = { names: targets.map((t) => t.dataset.layer) };
    stage.classList.add("is-gesturing");
  }

  function ghost(item, on) {
    // While a handle moves, it carries the picture of its layer (cut from the preview), so the content moves too.
    const { el, box } = item;
    if (on && image.src && !box.rotation && !el.classList.contains("is-flat")) {
      el.style.backgroundImage = `url("${image.src}")`;
      el.style.backgroundSize = `${stage.clientWidth}px ${stage.clientHeight}px`;
      el.style.backgroundPosition = `${-box.left}px ${-box.top}px`;
      el.classList.add("is-ghost");
    } else {
      el.style.backgroundImage = "";
      el.style.backgroundSize = "";
      el.style.backgroundPosition = "";
      el.classList.remove("is-ghost");
    }
  }

  // moveable snaps in screen pixels; back in template pixels a snapped edge can land a fraction off its line
  // (399.6 for 400) and round to the wrong pixel. A moved box whose edge or centre is within a template pixel
  // of a snap line goes exactly onto it. (Unrotated boxes only: a turned box snaps by its outer rectangle.)
  function settleOnLines(boxes) {
    const names = Object.keys(boxes);
    const moved = names.map((n) => ({ ...templateBox(handles.get(n).layer), ...boxes[n] }));
    if (!moved.length || moved.some((b) => b.rotation)) return;
    const tolerance = Math.min(1, SNAP_PX / zoom);
    const others = state.layers().filter((l) => !l.hidden && !names.includes(l.name)).map(templateBox)
      .filter((b) => !b.rotation);
    const { width, height } = state.canvas;
    const axis = (pos, size, whole) => {
      const lo = Math.min(...moved.map((b) => b[pos]));
      const hi = Math.max(...moved.map((b) => b[pos] + b[size]));
      const lines = [0, whole / 2, whole, ...others.flatMap((b) => [b[pos], b[pos] + b[size] / 2, b[pos] + b[size]])];
      let best = null;
      for (const edge of [lo, (lo + hi) / 2, hi]) {
        for (const line of lines) {
          const d = line - edge;
          if (Math.abs(d) <= tolerance && (best === null || Math.abs(d) < Math.abs(best))) best = d;
        }
      }
      if (best) for (const n of names) boxes[n][pos === "x" ? "x" : "y"] += best;
    };
    axis("x", "width", width);
    axis("y", "height", height);
  }

  // The same after a resize, for the edges that moved (the others stay where they were).
  function settleResized(name, box) {
    const item = handles.get(name);
    const before = templateBox(item.layer);
    if (box.rotation) return;
    const tolerance = Math.min(1, SNAP_PX / zoom);
    const others = state.layers().filter((l) => !l.hidden && l.name !== name).map(templateBox)
      .filter((b) => !b.rotation);
    const { width, height } = state.canvas;
    const axis = (pos, size, whole) => {
      if (box[size] === undefined) return;   // a flat line's 0
      const lines = [0, whole / 2, whole, ...others.flatMap((b) => [b[pos], b[pos] + b[size] / 2, b[pos] + b[size]])];
      const near = (edge) => {
        let best = null;
        for (const line of lines) {
          const d = line - edge;
          if (Math.abs(d) <= tolerance && (best === null || Math.abs(d) < Math.abs(best))) best = d;
        }
        return best;
      };
      const startMoved = Math.abs(box[pos] - before[pos]) > 1e-6;
      const endMoved = Math.abs(box[pos] + box[size] - (before[pos] + before[size])) > 1e-6;
      if (startMoved && !endMoved) {
        const d = near(box[pos]);
        if (d) { box[pos] += d; box[size] -= d; }
      } else if (endMoved && !startMoved) {
        const d = near(box[pos] + box[size]);
        if (d) box[size] += d;
      }
    };
    axis("x", "width", width);
    axis("y", "height", height);
  }

  function endGesture(label) {
    if (!gesture) return;
    const names = gesture.names;
    gesture = null;
    stage.classList.remove("is-gesturing");
    const boxes = {};
    for (const name of names) {
      const item = handles.get(name);
      if (!item) continue;
      ghost(item, false);
      boxes[name] = fromScreen(item.layer, item.box);
    }
    if (label === "Move") settleOnLines(boxes);
    if (label === "Resize") for (const [name, box] of Object.entries(boxes)) settleResized(name, box);
    state.setBoxes(boxes, { label });   // one undo step; "change" re-renders the handles from the state
    render();
  }

  const itemOf = (target) => handles.get(target.dataset.layer);

  moveable
    .on("dragStart", (e) => { startGesture([e.target]); ghost(itemOf(e.target), true); })
    .on("drag", (e) => {
      const item = itemOf(e.target);
      item.box.left = e.left;
      item.box.top = e.top;
      paint(item);
    })
    .on("dragEnd", (e) => { if (e.isDrag) endGesture("Move"); else cancelGesture(); })
    .on("dragGroupStart", (e) => { startGesture(e.targets); for (const t of e.targets) ghost(itemOf(t), true); })
    .on("dragGroup", (e) => {
      for (const ev of e.events) {
        const item = itemOf(ev.target);
        item.box.left = ev.left;
        item.box.top = ev.top;
        paint(item);
      }
    })
    .on("dragGroupEnd", (e) => { if (e.isDrag) endGesture("Move"); else cancelGesture(); })
    .on("resizeStart", (e) => {
      startGesture([e.target]);
      e.setMin([1, 1]);
    })
    .on("resize", (e) => {
      const item = itemOf(e.target);
      const f = flat(item.layer);
      if (!f.w) item.box.width = e.width;
      if (!f.h) item.box.height = e.height;
      item.box.left = e.drag.left;
      item.box.top = e.drag.top;
      paint(item);
    })
    .on("resizeEnd", (e) => { if (e.isDrag) endGesture("Resize"); else cancelGesture(); })
    .on("rotateStart", (e) => { startGesture([e.target]); })
    .on("rotate", (e) => {
      const item = itemOf(e.target);
      item.box.rotation = e.rotation;
      paint(item);
    })
    .on("rotateEnd", (e) => { if (e.isDrag) endGesture("Rotate"); else cancelGesture(); });

  // With several layers selected, moveable lays an area over their whole group (to drag it from anywhere), so
  // a click inside it lands on the area: find the handle under the pointer. Shift/Ctrl/Cmd toggles it; a plain
  // click selects just that layer (none when the click fell between the layers).
  moveable.on("clickGroup", (e) => {
    const input = e.inputEvent;
    const under = document.elementsFromPoint(input.clientX, input.clientY)
      .find((el) => el.classList.contains("canvas-handle") && !el.hidden);
    const name = e.targetIndex >= 0 && e.targets[e.targetIndex] ? e.targets[e.targetIndex].dataset.layer
      : under ? under.dataset.layer : null;
    if (input.shiftKey || input.ctrlKey || input.metaKey) {
      if (!name) return;
      const has = state.selection.includes(name);
      state.select(has ? state.selection.filter((n) => n !== name) : [...state.selection, name]);
    } else {
      state.select(name ? [name] : []);
    }
  });

  function cancelGesture() {
    if (!gesture) return;
    for (const name of gesture.names) { const item = handles.get(name); if (item) ghost(item, false); }
    gesture = null;
    stage.classList.remove("is-gesturing");
    render();
  }

  // ---- selecto: box-select by dragging on empty canvas; a click there deselects

  const selecto = new Selecto({
    container: scroller,
    dragContainer: scroller,
    rootContainer: scroller,
    selectableTargets: [],
    selectByClick: true,
    selectFromInside: false,
    toggleContinueSelect: ["shift"],
    hitRate: 100,
    ratio: 0,
    cspNonce: nonce,
    className: "canvas-selecto",
    // Only from empty canvas: a press on a handle or on moveable's controls is theirs (stopping selecto in its
    // own dragStart is too late: its press still ends in a selectEnd that would drop the selection).
    dragCondition: (e) => {
      const target = e.inputEvent && e.inputEvent.target;
      return !gesture && !(target instanceof Element
        && (target.closest(".canvas-handle") || moveable.isMoveableElement(target)));
    },
  });

  selecto.on("selectEnd", (e) => {
    state.select(e.selected.map((el) => el.dataset.layer));
  });

  // ---- zoom

  function setZoom(value, { fitting = false } = {}) {
    fitMode = fitting;
    zoom = clamp(value, MIN_ZOOM, MAX_ZOOM);
    const { width, height } = state.canvas;
    stage.style.width = `${width * zoom}px`;
    stage.style.height = `${height * zoom}px`;
    pad.style.padding = `${PAD}px`;
    zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
    fitButton.setAttribute("aria-pressed", fitMode ? "true" : "false");
    actualButton.setAttribute("aria-pressed", !fitMode && Math.abs(zoom - 1) < 1e-9 ? "true" : "false");
    moveable.snapThreshold = SNAP_PX;
    moveable.verticalGuidelines = [0, (width * zoom) / 2, width * zoom];
    moveable.horizontalGuidelines = [0, (height * zoom) / 2, height * zoom];
    render();
  }

  function fit() {
    const { width, height } = state.canvas;
    const room = scroller.getBoundingClientRect();
    const w = room.width - 2 * PAD;
    const hgt = room.height - 2 * PAD;
    const value = w > 0 && hgt > 0 ? Math.min(w / width, hgt / height) : 1;
    setZoom(value, { fitting: true });
  }

  // Zooms keeping the template point at (clientX, clientY) where it is on screen (default: the view's centre).
  function zoomAround(value, clientX = null, clientY = null) {
    const room = scroller.getBoundingClientRect();
    const cx = clientX ?? room.left + room.width / 2;
    const cy = clientY ?? room.top + room.height / 2;
    const before = stage.getBoundingClientRect();
    const px = (cx - before.left) / zoom;
    const py = (cy - before.top) / zoom;
    setZoom(value);
    const after = stage.getBoundingClientRect();
    scroller.scrollLeft += after.left + px * zoom - cx;
    scroller.scrollTop += after.top + py * zoom - cy;
  }

  scroller.addEventListener("wheel", (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    zoomAround(zoom * Math.exp(-event.deltaY / 300), event.clientX, event.clientY);
  }, { passive: false });

  const resized = new ResizeObserver(() => { if (alive() && fitMode) fit(); });
  resized.observe(scroller);

  // ---- the keyboard

  function editable() {
    return state.selected().filter((layer) => !layer.locked && !layer.hidden);
  }

  function onKey(event) {
    if (!alive()) return;
    if (event.defaultPrevented || typing(event.target)) return;
    if (event.target instanceof Element && event.target.closest("dialog, [role='dialog']")) return;
    if (document.querySelector("dialog[open]")) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (mod && !event.altKey) {
      if (key === "z") { event.preventDefault(); if (event.shiftKey) state.redo(); else state.undo(); return; }
      if (key === "y" && event.ctrlKey) { event.preventDefault(); state.redo(); return; }
      if (key === "d") {
        event.preventDefault();   // not the browser's bookmark
        const names = state.selection;
        if (names.length) state.duplicateLayers(names);
        return;
      }
      if (key === "a") { event.preventDefault(); state.select(state.layers().map((l) => l.name)); return; }
      return;
    }
    if (event.altKey) return;
    const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (steps[key]) {
      const layers = editable();
      if (!layers.length) return;
      event.preventDefault();
      if (!event.repeat) nudges += 1;
      const step = event.shiftKey ? 10 : 1;
      const [dx, dy] = steps[key];
      const boxes = {};
      for (const layer of layers) boxes[layer.name] = { x: (layer.x ?? 0) + dx * step, y: (layer.y ?? 0) + dy * step };
      state.setBoxes(boxes, { coalesce: `canvas-nudge-${nudges}`, label: "Nudge" });
      return;
    }
    if (key === "Delete" || key === "Backspace") {
      const names = state.selected().filter((layer) => !layer.locked).map((l) => l.name);
      if (!names.length) return;
      event.preventDefault();
      state.removeLayers(names);
      return;
    }
    if (key === "Escape" && state.selection.length) { state.select([]); }
  }
  document.addEventListener("keydown", onKey);

  // ---- the preview

  let busyTimer = null;
  function showProblem(exc) {
    const path = exc && exc.details && exc.details.path;
    problem.textContent = path ? `${exc.message} (${path})` : String((exc && exc.message) || exc);
    problem.hidden = false;
  }
  preview.addEventListener("preview", (event) => {
    const answer = event.detail;
    image.src = answer.image;
    image.hidden = false;
    problem.hidden = true;
    problem.textContent = "";
    markWarnings();
  });
  preview.addEventListener("error", (event) => showProblem(event.detail));
  preview.addEventListener("busy", (event) => {
    clearTimeout(busyTimer);
    if (event.detail.busy) {
      busyTimer = setTimeout(() => {
        container.classList.add("is-busy");
        busy.textContent = "Updating the preview…";   // for screen readers: the bar itself is 2 px of colour
      }, BUSY_DELAY_MS);
    } else {
      container.classList.remove("is-busy");
      busy.textContent = "";
    }
  });

  // ---- the state

  state.addEventListener("change", () => {
    const { width, height } = state.canvas;
    if (stage.style.width !== `${width * zoom}px` || stage.style.height !== `${height * zoom}px`) {
      if (fitMode) fit(); else setZoom(zoom);
    } else render();
  });
  state.addEventListener("page", render);
  state.addEventListener("select", syncSelection);

  // ---- leaving the page: drop what listens outside the container

  function alive() {
    if (gone) return false;
    if (container.isConnected && !(ctx.stale && ctx.stale())) return true;
    gone = true;
    document.removeEventListener("keydown", onKey);
    resized.disconnect();
    clearTimeout(busyTimer);
    moveable.destroy();
    selecto.destroy();
    return false;
  }

  fit();
  if (preview.last) { image.src = preview.last.image; image.hidden = false; }
}
