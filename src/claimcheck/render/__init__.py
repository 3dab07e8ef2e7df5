"""One module per output format; each ``render(...) -> str`` is deterministic."""
