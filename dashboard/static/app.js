// The dashboard's shell: sign in, the navigation, and a router that draws one page per path.

import * as api from "./api.js";
import { clear, h, notice } from "./dom.js";
import { templatesPage } from "./pages/templates.js";
import { editPage } from "./pages/edit.js";
import { rendersPage } from "./pages/renders.js";
import { batchesPage } from "./pages/batches.js";
import { webhooksPage } from "./pages/webhooks.js";
import { keysPage } from "./pages/keys.js";
import { usagePage } from "./pages/usage.js";
import { generatePage } from "./pages/generate.js";

const NAV = [
  ["Templates", "/templates"], ["Generate", "/generate"], ["Renders", "/renders"], ["Batches", "/batches"], ["Webhooks", "/webhooks"],
  ["API keys", "/keys"], ["Usage", "/usage"],
];

const ROUTES = [
  [/^\/(?:templates\/?)?$/, templatesPage],
  [/^\/templates\/([^/]+)\/edit\/?$/, editPage],
  [/^\/renders\/?$/, rendersPage],
  [/^\/batches\/?$/, batchesPage],
  [/^\/webhooks\/?$/, webhooksPage],
  [/^\/keys\/?$/, keysPage],
  [/^\/usage\/?$/, usagePage],
  [/^\/generate\/?$/, generatePage],
];

const root = document.getElementById("app");
let me = null;          // GET /me of the signed-in key
let drawn = 0;          // each navigation's number: a page that finishes loading after the next began is dropped

// `/#key=…` signs in at once; the key leaves the address bar (and so the history) before anything else.
function takeKeyFromAddress() {
  const match = /^#key=(.+)$/.exec(location.hash);
  if (!match) return;
  history.replaceState(history.state, "", location.pathname + location.search);
  api.storeKey(decodeURIComponent(match[1]).trim());
}

export function navigate(path) {
  if (path !== location.pathname + location.search) history.pushState(null, "", path);
  route();
}

// Same-origin links inside the app change the page without a reload.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || link.target || link.hasAttribute("download") || !("route" in link.dataset)) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});
window.addEventListener("popstate", () => route());

// A button's action that failed (the API refused, the network dropped) says so on the page, with the API's
// message, instead of failing silently into the console.
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (event.reason && event.reason.status === 401) return;   // the sign-in form says it
  toast(event.reason && event.reason.message ? event.reason.message : String(event.reason));
});

function toast(message) {
  let box = document.getElementById("toasts");
  if (!box) {
    box = h("div", { id: "toasts", class: "toasts", "aria-live": "assertive" });
    document.body.append(box);
  }
  const item = h("div", { class: "toast", role: "alert" }, h("span", {}, message),
    h("button", { type: "button", class: "link", "aria-label": "Dismiss", onclick: () => item.remove() }, "×"));
  box.append(item);
  setTimeout(() => item.remove(), 10_000);
}

api.whenUnauthorized((body) => {
  api.storeKey("");
  me = null;
  signIn(`${(body && body.message) || "Your key was not accepted."} Sign in again with a valid key.`);
});

function signIn(message = "") {
  document.title = "Sign in · Platen";
  const field = h("input", { id: "key", name: "key", type: "password", autocomplete: "off", spellcheck: "false",
    placeholder: "plt_live_…", required: true });
  const error = h("div", { class: "form-error", role: "alert" }, message);
  const button = h("button", { type: "submit", class: "primary" }, "Sign in");
  const form = h("form", { class: "signin-card", onsubmit: async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.textContent = "";
    try {
      await start(field.value.trim());
    } catch (exc) {
      error.textContent = exc.message;
      button.disabled = false;
    }
  } },
  h("div", { class: "brand brand-large" }, h("span", { class: "logo", "aria-hidden": "true" }), "Platen"),
  h("h1", {}, "Sign in"),
  h("p", { class: "muted" }, "Paste an API key of your account. It stays in this browser tab only (closing the tab " +
    "signs you out)."),
  h("label", { for: "key" }, "API key"), field, error, button,
  h("p", { class: "muted small" }, "No key? ", h("code", {}, "make run"), " prints a sign-in link; or run ",
    h("code", {}, ".venv/bin/flask --app app keys create --account ACCOUNT_ID"), "."));
  clear(root).className = "signin";
  root.append(form);
  field.focus();
}

async function start(key) {
  if (!key) throw new Error("Paste your API key first.");
  const who = await api.get("/me", { key, signingIn: true });
  api.storeKey(key);
  me = who;
  route();
}

function signOut() {
  api.storeKey("");
  me = null;
  history.pushState(null, "", "/");
  signIn();
}

function layout() {
  const current = location.pathname;
  const links = NAV.map(([label, path]) => h("a", {
    href: path, dataset: { route: "" },
    "aria-current": current === path || current.startsWith(`${path}/`) || (path === "/templates" && current === "/")
      ? "page" : null,
  }, label));
  links.push(h("a", { href: "/api/v1/docs", target: "_blank", rel: "noopener" }, "API docs"));
  const mode = h("span", { class: `badge badge-${me.mode}`, title: `This key is a ${me.mode} key` }, me.mode);
  const main = h("main", { id: "page" });
  clear(root).className = "shell";
  root.append(
    h("header", { class: "topbar" },
      h("a", { class: "brand", href: "/templates", dataset: { route: "" } },
        h("span", { class: "logo", "aria-hidden": "true" }), "Platen"),
      h("nav", { "aria-label": "Main" }, links),
      h("div", { class: "account" },
        h("span", { class: "account-name", title: me.email }, me.account_name), mode,
        h("button", { type: "button", class: "link", onclick: signOut }, "Sign out"))),
    main);
  return main;
}

async function route() {
  if (!me) {
    if (!api.storedKey()) return signIn();
    try {
      me = await api.get("/me");
    } catch (exc) {
      if (exc.status !== 401) return signIn(exc.message);
      return;   // whenUnauthorized shows the sign-in form
    }
  }
  const number = ++drawn;
  const main = layout();
  const path = location.pathname;
  const found = ROUTES.find(([pattern]) => pattern.test(path));
  if (!found) {
    main.append(h("h1", {}, "Not found"), notice(`There is no page at ${path}.`),
      h("p", {}, h("a", { href: "/templates", dataset: { route: "" } }, "Go to your templates")));
    return;
  }
  const [pattern, page] = found;
  const args = pattern.exec(path).slice(1).filter(Boolean).map(decodeURIComponent);
  try {
    await page(main, { me, args, navigate, stale: () => number !== drawn });
  } catch (exc) {
    if (number !== drawn) return;
    main.append(notice(exc.message));
  }
}

takeKeyFromAddress();
route();
