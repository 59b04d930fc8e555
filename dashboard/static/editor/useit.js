// Placeholder: filled in by its owner. `mountUseIt(container, ctx)`: see pages/edit.js for ctx.

export function mountUseIt(container, ctx) {
  void container; void ctx;
}
