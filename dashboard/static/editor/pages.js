// The page strip under the canvas: "Page 1", "Page 2", … (the shown one aria-current), "Add page", and for a
// template of several pages "Delete page" and moving the shown page left or right. A carousel is a template
// with `pages`; a one-page template keeps plain `layers` (state.js converts both ways).

import { clear, h } from "../dom.js";
import { modal } from "../ui.js";

export function mountPages(container, ctx) {
  const { state } = ctx;
  const strip = h("nav", { class: "page-strip", "aria-label": "Pages" });
  container.append(strip);

  function draw() {
    clear(strip);
    const count = state.pageCount;
    const tabs = [];
    for (let i = 0; i < count; i += 1) {
      const layers = state.layers(i).length;
      tabs.push(h("button", {
        type: "button", class: "page-tab", "aria-current": i === state.page ? "true" : null,
        title: `${layers} layer${layers === 1 ? "" : "s"}`, onclick: () => state.showPage(i),
      }, `Page ${i + 1}`));
    }
    strip.append(h("div", { class: "page-tabs" }, tabs),
      h("button", { type: "button", class: "page-add", onclick: () => state.addPage() }, "Add page"));
    if (count > 1) {
      const here = state.page;
      strip.append(h("div", { class: "page-actions" },
        h("button", { type: "button", class: "icon-button act-left", "aria-label": "Move page left",
          title: "Move this page left", disabled: here === 0, onclick: () => state.movePage(here, here - 1) }),
        h("button", { type: "button", class: "icon-button act-right", "aria-label": "Move page right",
          title: "Move this page right", disabled: here === count - 1,
          onclick: () => state.movePage(here, here + 1) }),
        h("button", { type: "button", class: "danger-quiet page-delete", onclick: async () => {
          const n = state.layers(here).length;
          const what = n ? ` and its ${n} layer${n === 1 ? "" : "s"}` : "";
          const sure = await modal(`Delete page ${here + 1}${what}?`,
            h("p", { class: "muted" }, "Undo brings it back until you leave the editor."),
            { submit: "Delete", onSubmit: async () => true });
          if (sure === true) state.removePage(here);
        } }, "Delete page")));
    }
  }

  state.addEventListener("change", draw);
  state.addEventListener("page", draw);
  draw();
}
