// Placeholder: filled in by its owner. `mountLayers(container, ctx)`: see pages/edit.js for ctx.

export function mountLayers(container, ctx) {
  void container; void ctx;
}
