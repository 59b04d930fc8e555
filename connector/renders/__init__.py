"""Renders: the record and store, creating one (web side) and running it (worker side)."""
