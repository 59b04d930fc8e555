// Usage: the credits of the current period.

import * as api from "../api.js";
import { append, h } from "../dom.js";
import { pageHeader } from "../ui.js";

export async function usagePage(main, { stale }) {
  const usage = await api.get("/usage");
  if (stale()) return;
  // Periods are in UTC and end before period_end: the last day shown is the one before it.
  const day = (ms) => new Date(ms).toLocaleDateString(undefined,
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const stat = (label, value, hint) => h("div", { class: "stat" },
    h("p", { class: "stat-label" }, label), h("p", { class: "stat-value" }, value.toLocaleString()),
    hint ? h("p", { class: "muted small" }, hint) : null);
  append(main, pageHeader("Usage"),
    h("p", { class: "muted intro" }, `This period: ${day(Date.parse(usage.period_start))} to ${day(Date.parse(usage.period_end) - 1)} (UTC).`),
    h("section", { class: "stats", "aria-label": "Credits" },
      stat("Credits used", usage.used, "One per image (a PDF: one per page); cached renders are free."),
      stat("Credits left", usage.remaining, `Of ${usage.limit.toLocaleString()} this period.`),
      stat("Public URL renders", usage.public_used,
        `Unsigned public URLs may use up to ${usage.public_limit.toLocaleString()}.`)),
    h("div", { class: "meter-row" },
      h("label", { for: "usage-meter" }, "Used"),
      h("progress", { id: "usage-meter", max: Math.max(1, usage.limit), value: usage.used }),
      h("span", { class: "muted small" }, percent(usage.used, usage.limit))));
}

function percent(used, limit) {
  const value = (100 * used) / Math.max(1, limit);
  return `${value > 0 && value < 10 ? value.toFixed(1) : Math.round(value)} % of this period's credits`;
}
