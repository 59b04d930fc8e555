"""Renders: one image (or PDF) made from a template and fields.

``record`` the render as stored, the request and its cache key; ``store`` render hashes, each account's list, the
output cache and the done signal; ``creating`` the web side (check, answer from the cache, or store, charge and
queue, then wait); ``running`` the worker side (draw, finish or fail in one transaction, the one retry policy);
``signing`` signed render URLs; ``previews`` the editor's preview, nothing stored.
"""
