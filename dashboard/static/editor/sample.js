// Placeholder: filled in by its owner. `mountSample(container, ctx)`: see pages/edit.js for ctx.

export function mountSample(container, ctx) {
  void container; void ctx;
}
