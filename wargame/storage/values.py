"""Small value objects of the storage API."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from wargame.actions import Action
from wargame.events import Event

PLAYERS = ("person", "computer")


@dataclass
class SeatInfo:
    """Who plays a seat: ``player`` is ``"person"`` or ``"computer"``; ``style`` is the bot style."""

    seat: str
    player: str
    name: str
    style: str = "balanced"


@dataclass(frozen=True)
class LogEntry:
    """One entry of a saved log.

    Entry 0 is the start of the game (``action`` is ``None``; ``events`` are the first quarter's
    events); entry *i* >= 1 is the *i*-th action with the events it produced. ``turn`` and
    ``phase`` are those after the entry, ``digest`` is ``Game.digest()`` after it, ``at`` the
    time it was written (seconds since the epoch).
    """

    index: int
    turn: int
    phase: str
    action: Action | None
    events: list[Event]
    digest: str
    at: float = 0.0


@dataclass(frozen=True)
class Bookmark:
    """A named point of the log (after ``index`` actions)."""

    id: int
    index: int
    label: str
    note: str
    created: datetime


@dataclass(frozen=True)
class Note:
    """A facilitator's note at a point of the log (after ``index`` actions)."""

    id: int
    index: int
    text: str
    created: datetime


@dataclass(frozen=True)
class ParentRef:
    """Where a branch came from: the parent's file path or database URL, and its game id."""

    target: str
    game_id: int

    def __str__(self) -> str:
        return self.target if "://" not in self.target else f"{self.target} (game {self.game_id})"


@dataclass(frozen=True)
class VerifyReport:
    """The result of :meth:`GameRecord.verify`.

    ``divergence`` is ``(index, expected, found)``: the first log entry whose recomputation does
    not match (expected = what the save holds, found = what the engine computes now).
    """

    ok: bool
    checked: int
    divergence: tuple[int, str, str] | None
    message: str


@dataclass(frozen=True)
class SaveSummary:
    """One line of a listing of saved games. ``error`` is set (and most fields empty) for a
    file that could not be read."""

    path: Path | None
    url: str | None
    game_id: int
    title: str = ""
    scenario_id: str = ""
    scenario_title: str = ""
    turn: int = 0
    turns: int = 0
    phase: str = ""
    over: bool = False
    seats: str = ""
    last_played: datetime | None = None
    actions: int = 0
    parent: str | None = None
    error: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def where(self) -> str:
        """The file path, or the URL and game id."""
        return str(self.path) if self.path is not None else f"{self.url} (game {self.game_id})"
