// Placeholder: filled in by its owner. `mountCanvas(container, ctx)`: see pages/edit.js for ctx.

export function mountCanvas(container, ctx) {
  void container; void ctx;
}
