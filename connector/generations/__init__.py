"""Generations (designs from content): ``record`` the generation as stored, ``creating`` the web side that checks
and accepts one, ``store`` its keys and watched job, ``running`` the job; ``extracting``, ``designs`` and
``content`` read the input and lay it out."""
