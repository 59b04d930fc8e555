// Placeholder: filled in by its owner. `mountProperties(container, ctx)`: see pages/edit.js for ctx.

export function mountProperties(container, ctx) {
  void container; void ctx;
}
