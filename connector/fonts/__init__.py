"""Uploaded font files, the per-account registry and the font store."""
