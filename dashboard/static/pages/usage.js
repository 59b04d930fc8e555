// Usage: the credits of the current period.

import * as api from "../api.js";
import { append, h } from "../dom.js";
import { pageHeader } from "../ui.js";

export async function usagePage(main, { stale }) {
  const usage = await api.get("/usage");
  if (stale()) return;
  const day = (iso) => new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
  const stat = (label, value, hint) => h("div", { class: "stat" },
    h("p", { class: "stat-label" }, label), h("p", { class: "stat-value" }, value.toLocaleString()),
    hint ? h("p", { class: "muted small" }, hint) : null);
  append(main, pageHeader("Usage"),
    h("p", { class: "muted" }, `This period: ${day(usage.period_start)} to ${day(usage.period_end)}.`),
    h("section", { class: "stats", "aria-label": "Credits" },
      stat("Credits used", usage.used, "One per image (a PDF: one per page); cached renders are free."),
      stat("Credits left", usage.remaining, `Of ${usage.limit.toLocaleString()} this period.`),
      stat("Public URL renders", usage.public_used,
        `Unsigned public URLs may use up to ${usage.public_limit.toLocaleString()}.`)),
    h("div", { class: "meter-row" },
      h("label", { for: "usage-meter" }, "Used"),
      h("meter", { id: "usage-meter", min: 0, max: usage.limit, value: usage.used, low: usage.limit * 0.75,
        high: usage.limit * 0.9, optimum: 0 }),
      h("span", { class: "muted small" }, `${Math.round((100 * usage.used) / Math.max(1, usage.limit))} %`)));
}
