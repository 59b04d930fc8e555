// Saving (SPEC §11, §15): the toolbar's "Save" button and its status, Ctrl/Cmd+S, PUT with If-Match: the version
// the editor started from. A 409 (someone saved since) asks whether to reload theirs or overwrite with mine; a 422
// shows the API's message and selects the layer its details.path names. Leaving the editor by an in-app link or
// the Back button with unsaved changes asks first. `ctx.saveNow()` is the one save path (Render uses it too).

import * as api from "../api.js";
import { h } from "../dom.js";
import { confirm } from "../ui.js";

// `layers[2].font_size` or `pages[1][0].x` → the name of the layer it names (or null).
export function layerAtPath(doc, path) {
  if (!path) return null;
  let match = /^layers\[(\d+)\]/.exec(path);
  if (match && doc.layers) return (doc.layers[Number(match[1])] || {}).name || null;
  match = /^pages\[(\d+)\]\[(\d+)\]/.exec(path);
  if (match && doc.pages) return ((doc.pages[Number(match[1])] || [])[Number(match[2])] || {}).name || null;
  return null;
}

export function mountSave(container, ctx) {
  const { state } = ctx;
  const button = h("button", { type: "button", class: "primary", title: "Save (Ctrl+S)", onclick: () => saveNow() },
    "Save");
  const status = h("span", { class: "save-status", role: "status", "aria-live": "polite" });
  container.append(status, button);

  let saving = null;          // the save under way (a promise of true/false)
  let lastSaved = null;       // "Saved version N" until the next edit
  let problem = null;         // the last save's error message, until the next edit or save

  function show() {
    status.classList.toggle("save-error", Boolean(problem));
    if (saving) status.textContent = "Saving…";
    else if (problem) status.textContent = problem;
    else if (state.dirty) status.textContent = "Unsaved changes";
    else status.textContent = lastSaved || "All changes saved";
    status.title = status.textContent;
    button.disabled = Boolean(saving);
    container.classList.toggle("dirty", state.dirty);
  }
  state.addEventListener("change", (event) => {
    if (event.detail.label !== "saved") { lastSaved = null; problem = null; }
    show();
  });
  show();

  // PUT the working copy. Edits made while the request was out are kept on top of the saved version.
  async function put(ifMatch) {
    const sent = JSON.stringify(state.doc);
    const answer = await api.put(ctx.path, state.doc, { headers: ifMatch ? { "If-Match": String(ifMatch) } : {} });
    const during = JSON.stringify(state.doc) !== sent ? JSON.parse(JSON.stringify(state.doc)) : null;
    state.saved(answer);
    if (during) {
      state.change("Edit", (doc) => {
        for (const key of Object.keys(doc)) delete doc[key];
        Object.assign(doc, during);
      });
    }
    lastSaved = `Saved version ${answer.version}`;
    return true;
  }

  async function attempt(ifMatch) {
    try {
      return await put(ifMatch);
    } catch (exc) {
      if (exc.status === 409 && exc.code === "conflict") return conflict(exc);
      problem = `Not saved: ${exc.message}`;
      const layer = layerAtPath(state.doc, exc.details && exc.details.path);
      if (layer) state.select([layer]);
      return false;
    }
  }

  async function conflict(exc) {
    const theirs = exc.details.current_version;
    const mine = exc.details.expected_version || state.version;
    const choice = await conflictDialog(theirs, mine);
    if (choice === "theirs") {
      state.saved(await api.get(ctx.path), { keepHistory: false });
      lastSaved = `Reloaded version ${state.version}`;
      return false;
    }
    if (choice === "mine") return attempt(theirs);
    problem = `Not saved: version ${theirs} is on the server`;
    return false;
  }

  // Saves now (or joins the save under way); true when the working copy is saved.
  function saveNow() {
    if (saving) return saving;
    if (!state.dirty) { show(); return Promise.resolve(true); }
    problem = null;
    saving = attempt(state.version).catch((exc) => { problem = `Not saved: ${exc.message}`; return false; })
      .finally(() => { saving = null; show(); });
    show();
    return saving;
  }
  ctx.saveNow = saveNow;

  // Ctrl/Cmd+S, anywhere on the page (inputs included: the browser's "save page" is never what is meant here).
  const onKey = (event) => {
    if (ctx.stale() || !container.isConnected) { window.removeEventListener("keydown", onKey); return; }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      if (!document.querySelector("dialog[open]")) saveNow();
    }
  };
  window.addEventListener("keydown", onKey);

  // Links inside the app (data-route) and Back/Forward ask first while there are unsaved changes. A capture
  // listener runs before the router's own.
  let leaving = false;
  const gone = () => ctx.stale() || !container.isConnected;
  const askToLeave = async (go) => {
    if (await confirm("Leave without saving?", "Leave without saving",
      { note: "The changes you made since the last save will be lost. Cancel to stay and press Save." })) {
      leaving = true;
      state.savedJson = JSON.stringify(state.doc);   // discarded: the page's beforeunload must not ask again
      go();
    }
  };
  const onClick = (event) => {
    if (gone()) { document.removeEventListener("click", onClick, true); return; }
    const link = event.target.closest && event.target.closest("a[href][data-route]");
    if (!link || leaving || !state.dirty || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || link.target) return;
    event.preventDefault();
    event.stopPropagation();
    askToLeave(() => ctx.navigate(link.getAttribute("href")));
  };
  document.addEventListener("click", onClick, true);
  // Back/Forward: the Navigation API's "navigate" event comes before the router's popstate and can be cancelled
  // (Chromium; browsers without it leave without asking).
  const nav = window.navigation;
  const onNavigate = (event) => {
    if (gone()) { nav.removeEventListener("navigate", onNavigate); return; }
    if (leaving || !state.dirty || event.navigationType !== "traverse" || !event.cancelable) return;
    event.preventDefault();
    const key = event.destination.key;
    askToLeave(() => {
      const result = nav.traverseTo(key);
      result.committed.catch(() => {});
      result.finished.catch(() => {});
    });
  };
  if (nav) nav.addEventListener("navigate", onNavigate);
}

// "Someone saved this template meanwhile": resolves "theirs", "mine" or null (cancelled).
function conflictDialog(theirs, mine) {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "modal conflict", "aria-label": "Someone else saved this template" });
    const close = (value) => { dialog.close(); dialog.remove(); resolve(value); };
    dialog.append(
      h("h2", {}, "Someone else saved this template"),
      h("p", {}, `Version ${theirs} is on the server now; you started from version ${mine}. `,
        "Their changes and yours can't both be kept automatically."),
      h("ul", { class: "conflict-choices" },
        h("li", {}, h("strong", {}, "Reload theirs"), ": discard your unsaved changes and load version ",
          String(theirs), "."),
        h("li", {}, h("strong", {}, "Overwrite with mine"), ": save your version on top of theirs (theirs stays ",
          "in Versions, so it can be restored).")),
      h("div", { class: "row end" },
        h("button", { type: "button", onclick: () => close(null) }, "Cancel"),
        h("button", { type: "button", onclick: () => close("theirs") }, "Reload theirs"),
        h("button", { type: "button", class: "primary", onclick: () => close("mine") }, "Overwrite with mine")));
    dialog.addEventListener("cancel", (event) => { event.preventDefault(); close(null); });
    document.body.append(dialog);
    dialog.showModal();
  });
}
