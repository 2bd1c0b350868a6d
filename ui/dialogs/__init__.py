"""Dialogs of the app: crisis responses, messages, the end of the game."""
