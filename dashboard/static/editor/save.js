// Placeholder: filled in by its owner. `mountSave(container, ctx)`: see pages/edit.js for ctx.

export function mountSave(container, ctx) {
  void container; void ctx;
}
