"""Generation layouts: the eight visual styles and the parametric card and carousel layouts built from them."""
