"""The rules: pure functions over the state, driven by :class:`wargame.rules.game.Game`.

Nothing here touches Qt or the database.
"""
