"""Precise exceptions raised by the engine and the scenario loader."""
from __future__ import annotations


class WargameError(Exception):
    """Base class of every error the engine raises on purpose."""


class IllegalAction(WargameError, ValueError):
    """An action that the rules refuse; the game state is left unchanged.

    ``reason`` is a sentence a player can read; ``code`` is a short stable tag
    (``phase``, ``seat``, ``rule``, ``over``, ``form``) naming which check failed.
    """

    def __init__(self, reason: str, code: str = "rule") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class ScenarioError(WargameError, ValueError):
    """A scenario file that cannot be used: names the file, the field and the problem."""

    def __init__(self, path: str, field: str, problem: str) -> None:
        super().__init__(f"{path}: {field}: {problem}")
        self.path = path
        self.field = field
        self.problem = problem
