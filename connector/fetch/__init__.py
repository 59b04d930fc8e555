"""Server-side fetching: the address guard, the guarded fetcher and image loaders."""
