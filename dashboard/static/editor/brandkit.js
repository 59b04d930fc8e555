// The account's brand kits as the editor sees them (GET /api/v1/brands): which brand the template uses (its
// brand_id, else the account's default), which one the preview is drawn in, and what a token ("@brand.primary")
// stands for there. Events (EventTarget): "brands" — the list or the preview's brand changed.

import * as api from "../api.js";

export const BRAND_COLORS = ["primary", "secondary", "accent", "background", "text"];
export const BRAND_FONTS = ["heading", "body"];
const TOKEN = /^@brand\.([a-z_]+)$/;

// "primary" for "@brand.primary"; null for anything else.
export function tokenName(value) {
  const m = typeof value === "string" ? TOKEN.exec(value) : null;
  return m ? m[1] : null;
}

export const tokenLabel = (name) => `Brand ${name}`;

export class BrandKit extends EventTarget {
  constructor(state) {
    super();
    this.state = state;
    this.brands = [];
    this.previewId = "";   // "" = the template's own brand
    this.loaded = false;
  }

  // Every brand of the account (the list is paged, newest first, 100 at most a page).
  async load() {
    const brands = [];
    for (let page = 0; page < 20; page += 1) {
      const batch = await api.get(`/brands?limit=100&page=${page}`);
      brands.push(...batch);
      if (batch.length < 100) break;
    }
    this.brands = brands;
    this.loaded = true;
    this.emit();
  }

  // Puts a brand the API answered with (created or changed) into the list.
  put(brand) {
    const i = this.brands.findIndex((b) => b.id === brand.id);
    if (i >= 0) this.brands[i] = brand; else this.brands.push(brand);
    if (brand.default) for (const b of this.brands) if (b.id !== brand.id) b.default = false;
    this.emit();
  }

  byId(id) { return this.brands.find((b) => b.id === id) || null; }
  get accountDefault() { return this.brands.find((b) => b.default) || this.brands[0] || null; }
  // The brand the template renders in: its brand_id, else the account's default.
  get templateBrand() { return this.byId(this.state.doc.brand_id) || this.accountDefault; }
  // The brand the preview is drawn in (the select above the canvas), which is what tokens show.
  get shown() { return this.byId(this.previewId) || this.templateBrand; }

  setPreview(id) {
    this.previewId = id || "";
    this.emit();
  }

  // What a token stands for in the brand shown: a colour, a font family, a logo url; undefined if unknown.
  resolve(value) {
    const name = tokenName(value);
    const brand = this.shown;
    if (!name || !brand) return undefined;
    if (BRAND_COLORS.includes(name)) return brand.colors?.[name];
    if (BRAND_FONTS.includes(name)) return brand.fonts?.[name];
    if (name === "logo") return brand.logo || "";
    return undefined;
  }

  emit() { this.dispatchEvent(new CustomEvent("brands")); }
}

// Calls `fn` on every "brands" event for as long as `el` is in the page (forms are rebuilt often; a listener
// whose element is gone removes itself).
export function whileShown(kit, el, fn) {
  let seen = false;
  const listener = () => {
    if (el.isConnected) { seen = true; fn(); } else if (seen) kit.removeEventListener("brands", listener);
  };
  kit.addEventListener("brands", listener);
}
