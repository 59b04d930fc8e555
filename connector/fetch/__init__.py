"""Fetching: every server-side URL goes out through here.

``guard`` which addresses are off limits, checked on the address actually connected to; ``fetcher`` the guarded
fetcher (size and time limits, a cache revalidated by ETag); ``sources`` the image loaders handed to the renderer.
"""
