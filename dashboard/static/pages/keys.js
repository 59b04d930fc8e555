// API keys: create one (label, mode, scopes), its secret shown once with a copy button; revoke.

import * as api from "../api.js";
import { append, badge, clear, empty, h, notice, when } from "../dom.js";
import { confirm, copyText, field, modal, pageHeader } from "../ui.js";

const SCOPES = ["templates:read", "templates:write", "renders:read", "renders:write", "hooks:read", "hooks:write",
  "keys:write"];

export async function keysPage(main, { me, stale }) {
  const secretBox = h("div", { id: "new-secret" });
  const list = h("section", { class: "list", "aria-label": "Keys" });
  append(main, pageHeader("API keys",
    h("button", { type: "button", class: "primary", onclick: create }, "New key")),
  h("p", { class: "muted intro" }, "Each automation gets its own key: revoke one without breaking the others. " +
    "Test keys render with a watermark and use no credits."), secretBox, list);

  async function load() {
    const keys = await api.get("/keys?limit=100");
    if (stale()) return;
    clear(list);
    if (!keys.length) {
      list.append(empty("No keys.", "Create one for each tool that calls Platen."));
      return;
    }
    list.append(h("table", { class: "table" },
      h("thead", {}, h("tr", {}, ["Label", "Key", "Mode", "Scopes", "Created", "Last used", ""].map(
        (t) => h("th", {}, t)))),
      h("tbody", {}, keys.map((k) => h("tr", { dataset: { keyId: k.id } },
        h("td", {}, k.label || h("span", { class: "muted" }, "(no label)"),
          k.id === me.key_id ? h("span", { class: "badge" }, "this browser") : null),
        h("td", {}, h("code", {}, k.hint)),
        h("td", {}, badge(k.mode)),
        h("td", { class: "small" }, k.scopes.join(", ")),
        h("td", {}, when(k.created_at)),
        h("td", {}, k.last_used_at ? when(k.last_used_at) : h("span", { class: "muted" }, "never")),
        h("td", {}, h("button", { type: "button", class: "danger-quiet", onclick: async () => {
          const label = k.label || k.hint;
          const warning = k.id === me.key_id ? " This is the key you are signed in with." : "";
          if (!(await confirm(`Revoke “${label}”?${warning}`, "Revoke"))) return;
          try {
            await api.del(`/keys/${encodeURIComponent(k.id)}`);
          } catch (exc) {
            if (exc.status !== 404) { list.prepend(notice(exc.message)); return; }
          }
          await load();
        } }, "Revoke")))))));
  }

  async function create() {
    const label = h("input", { name: "label", maxlength: 100, placeholder: "e.g. Zapier – blog posts" });
    const mode = h("select", { name: "mode" }, h("option", { value: "live" }, "Live"),
      h("option", { value: "test" }, "Test (watermarked, free)"));
    const scopes = h("fieldset", { class: "checks" }, h("legend", {}, "Scopes"),
      SCOPES.map((s) => h("label", { class: "check" },
        h("input", { type: "checkbox", name: "scopes", value: s, checked: s !== "keys:write" }), s)));
    const created = await modal("New API key", [field("Label", label), field("Mode", mode), scopes], {
      submit: "Create key",
      onSubmit: (form) => api.post("/keys", { label: form.get("label").trim(), mode: form.get("mode"),
        scopes: form.getAll("scopes") }),
    });
    if (!created) return;
    showSecret(created);
    await load();
  }

  function showSecret(created) {
    const copy = h("button", { type: "button", onclick: () => copyText(created.key, copy) }, "Copy");
    clear(secretBox).append(h("div", { class: "secret", role: "status" },
      h("p", {}, h("strong", {}, "Your new key. "), "Copy it now: it is shown only this once."),
      h("div", { class: "row" }, h("code", { class: "secret-value", id: "secret-value" }, created.key), copy,
        h("button", { type: "button", class: "link", onclick: () => clear(secretBox) }, "Done"))));
  }

  await load();
}
