// Placeholder: filled in by its owner. `mountVersions(container, ctx)`: see pages/edit.js for ctx.

export function mountVersions(container, ctx) {
  void container; void ctx;
}
