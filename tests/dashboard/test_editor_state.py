"""editor/state.js on its own, in the browser: undo steps around a save (no server calls; the module is pure data)."""

from __future__ import annotations

SCRIPT = """async () => {
  const { EditorState } = await import("/dashboard/editor/state.js");
  const template = (version, x) => ({ id: "tpl_x", version, name: "T", width: 100, height: 100,
    layers: [{ type: "rect", name: "box", x, y: 0, width: 10, height: 10 }] });
  const typed = (state, x) => state.setProps("box", { x }, { coalesce: "box.x" });   // one box, key by key

  const kept = new EditorState(template(1, 0));
  typed(kept, 1);
  kept.saved(template(2, 1));          // saved within the coalescing second…
  typed(kept, 2);                      // …and typed on
  kept.undo();
  const afterSave = { x: kept.layer("box").x, dirty: kept.dirty };

  const reloaded = new EditorState(template(1, 0));
  typed(reloaded, 5);
  reloaded.saved(template(3, 7), { keepHistory: false });   // "Reload theirs" or a restored version
  typed(reloaded, 8);
  return { afterSave, canUndo: reloaded.canUndo, undone: (reloaded.undo(), reloaded.layer("box").x) };
}"""


def test_an_edit_after_a_save_is_its_own_undo_step(page):
    page.goto("/")
    result = page.evaluate(SCRIPT)
    assert result["afterSave"] == {"x": 1, "dirty": False}   # Undo stops at what was saved
    assert result["canUndo"] is True and result["undone"] == 7   # the first edit after a reload can be undone
