// Webhooks: subscribe a URL to an event, list hooks, see each hook's deliveries and retry one.

import * as api from "../api.js";
import { append, badge, clear, empty, h, notice, when } from "../dom.js";
import { confirm, field, modal, pageHeader } from "../ui.js";

const POLL_MS = 1000;
const MAX_POLLS = 300;   // five minutes of watching, then the Deliveries button refreshes by hand
const EVENTS = ["render.completed", "render.failed", "batch.completed", "generation.completed", "generation.failed"];

export async function webhooksPage(main, { stale }) {
  const templates = await api.get("/templates?view=summary&limit=100");
  if (stale()) return;
  const names = Object.fromEntries(templates.map((t) => [t.id, t.name]));
  const list = h("section", { class: "list", "aria-label": "Webhooks" });
  append(main, pageHeader("Webhooks",
    h("button", { type: "button", class: "primary", onclick: create }, "New webhook")),
  h("p", { class: "muted intro" }, "Platen POSTs each event to your URL, signed (Standard Webhooks), and retries " +
    "for a day when your endpoint fails."), list);

  async function load() {
    const hooks = await api.get("/hooks?limit=100");
    if (stale()) return;
    clear(list);
    if (!hooks.length) {
      list.append(empty("No webhooks yet.", "Add one to be told when a render or a batch finishes.",
        h("button", { type: "button", class: "primary", onclick: create }, "New webhook")));
      return;
    }
    for (const hook of hooks) list.append(hookRow(hook, names, load));
  }

  async function create() {
    const target = h("input", { name: "target_url", type: "url", required: true,
      placeholder: "https://hooks.example.com/platen" });
    const event = h("select", { name: "event" }, EVENTS.map((e) => h("option", { value: e }, e)));
    const template = h("select", { name: "template_id" }, h("option", { value: "" }, "Any template"),
      templates.map((t) => h("option", { value: t.id }, t.name)));
    const created = await modal("New webhook", [
      field("Target URL", target), field("Event", event), field("Template", template, "Only this template's events."),
    ], {
      submit: "Create webhook",
      onSubmit: (form) => api.post("/hooks", { target_url: form.get("target_url").trim(), event: form.get("event"),
        template_id: form.get("template_id") || null }),
    });
    if (created) await load();
  }

  await load();
}

function hookRow(hook, names, reload) {
  const deliveries = h("div", { class: "deliveries", hidden: true });
  const toggle = h("button", { type: "button", "aria-expanded": "false", onclick: async () => {
    const open = deliveries.hidden;
    deliveries.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) await showDeliveries(hook, deliveries);
  } }, "Deliveries");
  const actions = h("div", { class: "row" }, toggle,
    h("button", { type: "button", onclick: async () => {
      try {
        await api.post(`/hooks/${encodeURIComponent(hook.id)}/test`, {});
        deliveries.hidden = false;
        toggle.setAttribute("aria-expanded", "true");
        await showDeliveries(hook, deliveries);
      } catch (exc) {
        actions.append(notice(exc.message));
      }
    } }, "Send test event"),
    h("button", { type: "button", class: "danger-quiet", onclick: async () => {
      if (!(await confirm(`Delete the webhook to ${hook.target_url}?`))) return;
      try {
        await api.del(`/hooks/${encodeURIComponent(hook.id)}`);
      } catch (exc) {
        if (exc.status !== 404) { actions.append(notice(exc.message)); return; }
      }
      await reload();
    } }, "Delete"));
  return h("article", { class: "list-row column", dataset: { hookId: hook.id } },
    h("div", { class: "row spread" },
      h("div", { class: "grow" },
        h("div", { class: "row" }, badge(hook.status), h("strong", { class: "clip" }, hook.target_url)),
        h("p", { class: "muted small" }, hook.event, " · ",
          hook.template_id ? names[hook.template_id] || hook.template_id : "any template", " · created ",
          when(hook.created_at)),
        hook.disabled_reason ? h("p", { class: "error-text" }, hook.disabled_reason) : null),
      actions),
    deliveries);
}

// `awaited`: a retried delivery ({id, attempts}) whose new attempt the log waits for (a retry leaves the status
// as it was until the worker has tried again).
async function showDeliveries(hook, box, awaited = null, polls = 0) {
  // The first load says so; a refresh (polling a pending delivery) keeps the table on screen until the new one.
  if (!box.querySelector("table")) clear(box).append(h("p", { class: "muted small" }, "Loading deliveries…"));
  let list;
  try {
    list = await api.get(`/hooks/${encodeURIComponent(hook.id)}/deliveries?limit=20`);
  } catch (exc) {
    clear(box).append(notice(exc.message));
    return;
  }
  clear(box);
  clearTimeout(box.poll);
  if (!list.length) {
    box.append(h("p", { class: "muted small" }, "No deliveries yet: they appear here when the event happens."));
    return;
  }
  // A delivery on its way is watched until it is answered (while the log stays open on the page).
  const retried = awaited && list.find((d) => d.id === awaited.id);
  const waiting = retried && retried.attempts.length <= awaited.attempts ? awaited : null;
  if ((waiting || list.some((d) => d.status === "pending")) && polls < MAX_POLLS) {
    box.poll = setTimeout(() => {
      if (box.isConnected && !box.hidden) showDeliveries(hook, box, waiting, polls + 1);
    }, POLL_MS);
  }
  box.append(h("table", { class: "table" },
    h("thead", {}, h("tr", {}, ["Event", "Status", "Answers", "Reply", "When", ""].map((t) => h("th", {}, t)))),
    h("tbody", {}, list.map((d) => {
      const last = d.attempts[d.attempts.length - 1];
      const retry = h("button", { type: "button", onclick: async () => {
        retry.disabled = true;
        try {
          await api.post(`/hooks/${encodeURIComponent(hook.id)}/deliveries/${encodeURIComponent(d.id)}/retry`, {});
          await showDeliveries(hook, box, { id: d.id, attempts: d.attempts.length });
        } catch (exc) {
          box.prepend(notice(exc.message));
          retry.disabled = false;
        }
      } }, "Retry");
      return h("tr", { dataset: { deliveryId: d.id } },
        h("td", {}, d.event_type),
        h("td", {}, badge(d.status)),
        h("td", {}, d.attempts.map((a) => a.status_code ?? "—").join(", ") || "—"),
        h("td", { class: "clip small", title: last ? last.error || last.response_body : "" },
          last ? last.error || last.response_body : ""),
        h("td", {}, when(d.created_at)),
        h("td", {}, d.status === "pending" ? null : retry));
    }))));
}
