// The live preview: after each change (debounced), the working copy is rendered by the real renderer through
// POST /api/v1/templates/preview. An answer older than the newest request is dropped, so a slow answer never
// paints over a newer one. Events (EventTarget):
//   "preview"  detail: the API's answer ({image, width, height, warnings, layers}) for the page shown
//   "error"    detail: the ApiError (a 422's details.path names the property at fault)
//   "busy"     detail: {busy: true|false}

import * as api from "../api.js";

const DEBOUNCE_MS = 120;

export class Preview extends EventTarget {
  constructor(state) {
    super();
    this.state = state;
    this.fields = {};       // sample data (the "Sample data" panel sets it)
    this.brandId = "";      // the brand to draw in ("" = the template's; the select above the canvas sets it)
    this.sent = 0;          // number of the newest request
    this.shown = 0;         // number of the answer on screen
    this.timer = null;
    this.last = null;       // the newest answer shown
    this.lastError = null;
    state.addEventListener("change", () => this.refresh());
    state.addEventListener("page", () => this.refresh(0));
  }

  setBrand(id) {
    this.brandId = id || "";
    this.refresh(0);
  }

  setFields(values) {
    this.fields = values || {};
    this.refresh();
  }

  // Asks for a new preview after `delay` ms; calls in between are folded into one request.
  refresh(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.request(), delay);
  }

  async request() {
    const number = ++this.sent;
    this.emit("busy", { busy: true });
    const body = { template: this.state.doc, fields: this.fields, page: this.state.page, scale: 1, format: "jpeg" };
    if (this.brandId) body.brand_id = this.brandId;
    try {
      const answer = await api.post("/templates/preview", body);
      if (number < this.shown) return;   // an older request answered after a newer one
      this.shown = number;
      this.last = answer;
      this.lastError = null;
      this.emit("preview", answer);
    } catch (exc) {
      if (number < this.shown) return;
      this.shown = number;
      this.lastError = exc;
      this.emit("error", exc);
    } finally {
      if (number === this.sent) this.emit("busy", { busy: false });
    }
  }

  // The layout of one layer in the newest answer (box, rotation, font_size, lines, warnings), or null.
  layout(name) {
    return this.last ? this.last.layers.find((l) => l.name === name) || null : null;
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
