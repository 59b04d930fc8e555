// The editor's working copy of a template: its layers (or pages of layers), which layers are selected, which
// page is shown, and undo/redo. Every panel reads from here and changes the template only through `change()`,
// so undo, the dirty flag and the live preview see every edit. Events (EventTarget):
//   "change"  the template changed (detail: {label})     "select"  the selection changed
//   "page"    another page is shown                       "saved"   a version was saved or loaded
// Pure data: no DOM, no API calls.

export const RESERVED_NAMES = ["template_id", "template", "format", "output", "wait", "timeout", "quality",
  "webhook_url", "metadata"];
const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;
const HISTORY_LIMIT = 200;
const COALESCE_MS = 1000;
// The template's own keys the editor keeps (everything else the API answers — id, version, dates — is not sent).
const BODY_KEYS = ["name", "description", "width", "height", "background", "dpi", "public", "public_fields",
  "brand_id", "layers", "pages"];

export function templateBody(template) {
  const body = {};
  for (const key of BODY_KEYS) if (template[key] !== undefined && template[key] !== null) body[key] = template[key];
  if (!body.layers && !body.pages) body.layers = [];
  return JSON.parse(JSON.stringify(body));
}

// What a new layer of each type looks like: placed near the canvas's top-left third, sized to the canvas.
export function newLayer(type, name, canvas) {
  const w = canvas.width, h = canvas.height;
  const box = (fw, fh) => ({ x: Math.round(w * 0.1), y: Math.round(h * 0.1), width: Math.max(1, Math.round(fw)),
    height: Math.max(1, Math.round(fh)) });
  const side = Math.round(Math.min(w, h) * 0.3);
  switch (type) {
    case "text": {
      const size = Math.max(12, Math.round(Math.min(w, h) / 12));
      return { type, name, ...box(w * 0.6, size * 2.6), text: "Your text here", font_size: size, color: "#111827" };
    }
    case "image": return { type, name, ...box(side, side), src: "", fit: "cover" };
    case "rect": return { type, name, ...box(side * 1.5, side), fill: "#6366f1" };
    case "ellipse": return { type, name, ...box(side, side), fill: "#f59e0b" };
    case "line": return { type, name, ...box(w * 0.5, 0), height: 0, fill: "#111827", stroke_width: 4 };
    case "qr": return { type, name, ...box(side, side), data: "https://example.com" };
    default: throw new Error(`unknown layer type ${type}`);
  }
}

export class EditorState extends EventTarget {
  // `template`: the API's template object (GET /templates/{id}).
  constructor(template) {
    super();
    this.id = template.id;
    this.doc = templateBody(template);
    this.version = template.version;
    this.savedJson = JSON.stringify(this.doc);
    this.page = 0;
    this.selection = [];
    this.past = [];
    this.future = [];
    this.lastCoalesce = null;   // {key, at}
  }

  // ---- reading
  get pageCount() { return this.doc.pages ? this.doc.pages.length : 1; }
  get canvas() { return { width: this.doc.width, height: this.doc.height }; }
  get dirty() { return JSON.stringify(this.doc) !== this.savedJson; }
  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }

  layers(page = this.page) {   // the layers of a page, bottom first (as drawn)
    return this.doc.pages ? this.doc.pages[page] || [] : this.doc.layers;
  }

  allLayers() {
    return this.doc.pages ? this.doc.pages.flat() : this.doc.layers;
  }

  layer(name) {
    return this.allLayers().find((l) => l.name === name) || null;
  }

  pageOf(name) {
    if (!this.doc.pages) return 0;
    return this.doc.pages.findIndex((page) => page.some((l) => l.name === name));
  }

  selected() {
    return this.selection.map((n) => this.layer(n)).filter(Boolean);
  }

  // Why `name` can't be the name of a layer (null when it can). `current`: the layer being renamed.
  nameProblem(name, current = null) {
    if (!name) return "A name is needed: it becomes the field name.";
    if (!NAME_RE.test(name)) return "Use 1–64 letters, digits, _ or - (no spaces).";
    if (RESERVED_NAMES.includes(name.toLowerCase())) return `"${name}" is reserved for the render request itself.`;
    const clash = this.allLayers().find((l) => l.name !== current && l.name.toLowerCase() === name.toLowerCase());
    if (clash) return `Another layer is already named "${clash.name}".`;
    return null;
  }

  uniqueName(base) {
    const stem = (base.replace(/[^A-Za-z0-9_-]/g, "_").replace(/_\d+$/, "") || "layer").slice(0, 58);
    for (let n = 1; ; n += 1) {
      const name = `${stem}_${n}`;
      if (!this.nameProblem(name)) return name;
    }
  }

  // ---- changing (everything goes through change(), so it can be undone)

  // `fn(doc)` edits the working copy in place. `coalesce`: a key; changes with the same key within a second
  // (typing in one input, holding an arrow key) are one undo step.
  change(label, fn, { coalesce = null } = {}) {
    const now = Date.now();
    const merge = coalesce && this.lastCoalesce && this.lastCoalesce.key === coalesce
      && now - this.lastCoalesce.at < COALESCE_MS;
    const before = this.snapshot();
    fn(this.doc);
    if (JSON.stringify(this.doc) === before.doc) return;   // nothing changed: no undo step, no preview
    if (!merge) {
      this.past.push(before);
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    this.future = [];
    this.lastCoalesce = coalesce ? { key: coalesce, at: now } : null;
    this.selection = this.selection.filter((n) => this.layer(n));
    this.emit("change", { label });
  }

  snapshot() {
    return { doc: JSON.stringify(this.doc), page: this.page, selection: [...this.selection] };
  }

  restore(snap) {
    this.doc = JSON.parse(snap.doc);
    this.page = Math.min(snap.page, this.pageCount - 1);
    this.selection = snap.selection.filter((n) => this.layer(n));
    this.lastCoalesce = null;
    this.emit("change", { label: "restore" });
    this.emit("page");
    this.emit("select");
  }

  undo() {
    if (!this.past.length) return;
    this.future.push(this.snapshot());
    this.restore(this.past.pop());
  }

  redo() {
    if (!this.future.length) return;
    this.past.push(this.snapshot());
    this.restore(this.future.pop());
  }

  // Set properties of one layer. A value of undefined removes the property (back to its default).
  setProps(name, patch, { coalesce = null, label = "Edit" } = {}) {
    this.change(label, () => {
      const layer = this.layer(name);
      if (!layer) return;
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete layer[key];
        else layer[key] = value;
      }
    }, { coalesce });
  }

  // Move/resize several layers at once: `boxes` = {name: {x, y, width, height, rotation}}.
  setBoxes(boxes, { coalesce = null, label = "Move" } = {}) {
    this.change(label, () => {
      for (const [name, box] of Object.entries(boxes)) {
        const layer = this.layer(name);
        if (!layer) continue;
        for (const [key, value] of Object.entries(box)) {
          if (value === undefined) continue;
          layer[key] = key === "rotation" ? Math.round(value * 10) / 10 : Math.round(value);
        }
      }
    }, { coalesce });
  }

  setCanvas(patch, { coalesce = null } = {}) {
    this.change("Canvas", (doc) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete doc[key];
        else doc[key] = value;
      }
    }, { coalesce });
  }

  addLayer(type, props = {}) {
    const name = this.uniqueName(props.name || type);
    const layer = { ...newLayer(type, name, this.canvas), ...props, name };
    this.change(`Add ${type}`, () => this.layers().push(layer));
    this.select([name]);
    return name;
  }

  removeLayers(names) {
    if (!names.length) return;
    this.change("Delete", (doc) => {
      const keep = (list) => list.filter((l) => !names.includes(l.name));
      if (doc.pages) doc.pages = doc.pages.map(keep);
      else doc.layers = keep(doc.layers);
    });
    this.select([]);
  }

  // Copies just above each original, offset by 20 px; the copies are selected.
  duplicateLayers(names) {
    const copies = [];
    this.change("Duplicate", () => {
      for (const name of names) {
        const list = this.layers(this.pageOf(name));
        const index = list.findIndex((l) => l.name === name);
        if (index < 0) continue;
        const copy = JSON.parse(JSON.stringify(list[index]));
        copy.name = this.uniqueName(name);
        copy.x = (copy.x || 0) + 20;
        copy.y = (copy.y || 0) + 20;
        list.splice(index + 1, 0, copy);
        copies.push(copy.name);
      }
    });
    this.select(copies);
    return copies;
  }

  renameLayer(name, to) {
    const problem = this.nameProblem(to, name);
    if (problem) return problem;
    this.change("Rename", () => {
      for (const layer of this.allLayers()) {
        if (layer.name === name) layer.name = to;
        if (layer.shown_with === name) layer.shown_with = to;
      }
      if (this.doc.public_fields) {
        this.doc.public_fields = this.doc.public_fields.map((f) => (f === name || f.startsWith(`${name}.`)
          ? to + f.slice(name.length) : f));
      }
      // before change() drops names that no longer exist: the renamed layer stays selected
      this.selection = this.selection.map((n) => (n === name ? to : n));
    });
    this.selection = this.selection.map((n) => (n === name ? to : n));
    this.emit("select");
    return null;
  }

  // Move a layer to `index` in its page's list (0 = bottom, drawn first).
  reorderLayer(name, index) {
    this.change("Reorder", () => {
      const list = this.layers(this.pageOf(name));
      const from = list.findIndex((l) => l.name === name);
      if (from < 0) return;
      const [layer] = list.splice(from, 1);
      list.splice(Math.max(0, Math.min(index, list.length)), 0, layer);
    });
  }

  // ---- pages

  addPage() {
    this.change("Add page", (doc) => {
      if (!doc.pages) { doc.pages = [doc.layers || []]; delete doc.layers; }
      doc.pages.splice(this.page + 1, 0, []);
    });
    this.showPage(this.page + 1);
  }

  removePage(index) {
    if (this.pageCount <= 1) return;
    this.change("Delete page", (doc) => {
      doc.pages.splice(index, 1);
      if (doc.pages.length === 1) { doc.layers = doc.pages[0]; delete doc.pages; }
    });
    this.showPage(Math.min(this.page, this.pageCount - 1));
  }

  movePage(from, to) {
    if (!this.doc.pages || to < 0 || to >= this.pageCount) return;
    this.change("Reorder pages", (doc) => {
      const [page] = doc.pages.splice(from, 1);
      doc.pages.splice(to, 0, page);
    });
    this.showPage(to);
  }

  showPage(index) {
    const page = Math.max(0, Math.min(index, this.pageCount - 1));
    if (page === this.page) return;
    this.page = page;
    this.selection = [];
    this.emit("page");
    this.emit("select");
  }

  // ---- selection

  select(names) {
    const next = [...new Set(names)].filter((n) => this.layer(n));
    if (next.length === this.selection.length && next.every((n, i) => n === this.selection[i])) return;
    this.selection = next;
    if (next.length) {
      const page = this.pageOf(next[0]);
      if (page >= 0 && page !== this.page) { this.page = page; this.emit("page"); }
    }
    this.emit("select");
  }

  // ---- saving

  // After PUT/restore/reload: the API's template becomes the saved state. `keepHistory`: undo still works after
  // a save (it does not after loading another version).
  saved(template, { keepHistory = true } = {}) {
    this.version = template.version;
    this.doc = templateBody(template);
    this.savedJson = JSON.stringify(this.doc);
    if (!keepHistory) { this.past = []; this.future = []; }
    this.lastCoalesce = null;   // the next keystroke is a new undo step: Undo stops at what was saved
    this.page = Math.min(this.page, this.pageCount - 1);
    this.selection = this.selection.filter((n) => this.layer(n));
    this.emit("saved");
    this.emit("change", { label: "saved" });
    this.emit("select");
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
