"""Templates and their versions, field formats, starter examples and assets."""
