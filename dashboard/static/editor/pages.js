// Placeholder: filled in by its owner. `mountPages(container, ctx)`: see pages/edit.js for ctx.

export function mountPages(container, ctx) {
  void container; void ctx;
}
