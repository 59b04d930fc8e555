// Pieces the pages share: a modal dialog, a confirm, thumbnails fetched with the key, page headers.

import * as api from "./api.js";
import { h } from "./dom.js";

// A modal <dialog> holding a form; resolves with the form's result, or null when cancelled.
export function modal(title, body, { submit = "Save", onSubmit, danger = false }) {
  return new Promise((resolve) => {
    const error = h("div", { class: "form-error", role: "alert" });
    const button = h("button", { type: "submit", class: danger ? "danger" : "primary" }, submit);
    const dialog = h("dialog", { class: "modal", "aria-label": title });
    const close = (value) => { dialog.close(); dialog.remove(); resolve(value); };
    const form = h("form", { onsubmit: async (event) => {
      event.preventDefault();
      button.disabled = true;
      error.textContent = "";
      try {
        close(await onSubmit(new FormData(form)));
      } catch (exc) {
        error.textContent = exc.message;
        button.disabled = false;
      }
    } },
    h("h2", {}, title), body, error,
    h("div", { class: "row end" },
      h("button", { type: "button", onclick: () => close(null) }, "Cancel"), button));
    dialog.append(form);
    dialog.addEventListener("cancel", (event) => { event.preventDefault(); close(null); });
    document.body.append(dialog);
    dialog.showModal();
    const first = form.querySelector("input, select, textarea");
    if (first) first.focus();
  });
}

// "Delete X?" in the page's own dialog (window.confirm would block the page and can't be styled). The action
// is destructive, so its button is red, not the page's main colour; `note` says what is lost.
export function confirm(message, action = "Delete", { note = "This cannot be undone." } = {}) {
  return modal(message, h("p", { class: "muted" }, note), {
    submit: action, danger: true, onSubmit: async () => true,
  }).then((answer) => answer === true);
}

// Previews need the key, so they are fetched and shown from blob: URLs, a few at a time.
const queue = [];
let running = 0;
const PARALLEL = 3;

export function keyedImage(path, alt) {
  const img = h("img", { alt, class: "thumb-img" });
  const frame = h("div", { class: "thumb loading-thumb" }, img);
  queue.push(async () => {
    if (!frame.isConnected) return;   // the page changed before its turn
    let url = null;
    try {
      url = URL.createObjectURL(await api.blob(path));
      img.src = url;
      await img.decode();   // ready to paint: the placeholder goes when the picture is really there
      frame.classList.remove("loading-thumb");
    } catch (exc) {
      frame.classList.remove("loading-thumb");
      frame.classList.add("thumb-failed");
      frame.title = exc.message;
      img.alt = `${alt} (no preview: ${exc.message})`;
    } finally {
      // The decoded picture stays on screen; the blob's bytes would otherwise be held until the tab closes,
      // one more set on every visit to the gallery.
      if (url) URL.revokeObjectURL(url);
    }
  });
  queueMicrotask(pump);
  return frame;
}

function pump() {
  while (running < PARALLEL && queue.length) {
    const job = queue.shift();
    running += 1;
    job().finally(() => { running -= 1; pump(); });
  }
}

export function pageHeader(title, ...actions) {
  document.title = `${title} · Platen`;
  return h("div", { class: "page-header" }, h("h1", {}, title), h("div", { class: "row" }, actions));
}

export function field(label, input, hint = "") {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), input,
    hint ? h("p", { class: "hint" }, hint) : null);
}

export async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Select and copy it by hand";
  }
}
