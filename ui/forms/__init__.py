"""Forms that build one engine action each, offering only legal choices (validated by the engine)."""
