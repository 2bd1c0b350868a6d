"""The one error the storage layer raises: :class:`SaveError` (which file, what is wrong, what to do)."""
from __future__ import annotations

from pathlib import Path

from wargame.errors import WargameError


def _sentence(text: str) -> str:
    """One line, no trailing full stop (the message adds its own)."""
    return " ".join(str(text).split()).rstrip(". ")


class SaveError(WargameError):
    """A save file or database that cannot be used as asked.

    ``path`` names the file (or the database URL, password hidden), ``problem`` says what is
    wrong and ``advice`` what to do; ``str(err)`` is ``"PATH: problem. advice"`` on one line.
    """

    def __init__(self, path: str | Path | None, problem: str, advice: str = "") -> None:
        self.path = str(path) if path is not None else "<save>"
        self.problem = _sentence(problem)
        self.advice = _sentence(advice)
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.path}: {self.problem}."
        if self.advice:
            text += f" {self.advice[:1].upper()}{self.advice[1:]}."
        return text

    def __reduce__(self):  # picklable (for worker threads/processes of the app)
        return (type(self), (self.path, self.problem, self.advice))
