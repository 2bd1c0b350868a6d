"""Data package ``wargame_assets.rulebook``: ships ``rules.md`` (read through :mod:`wargame.resources`)."""
