"""Data package ``wargame_assets``: the built-in scenarios, the map and its credits.

Read through :mod:`wargame.resources`, never by a path into the source tree.
"""
