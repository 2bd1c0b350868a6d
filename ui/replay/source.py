"""What the replay window steps through: a saved game, or one seat's exported view of it.

Both sources give the same small interface: a timeline of :class:`TimelineEntry` (one per log
index), the game at any index (``game_at``, cached), bookmarks if the source can hold them, and
the seat whose view it is (``None``: the facilitator's full view). No widgets here.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wargame.events import Event
from wargame.rules.game import Game
from wargame.storage import GameRecord, SaveError
from wargame.types import PHASE_NAMES, SEAT_NAMES, quarter_name

SQLITE_MAGIC = b"SQLite format 3"
CACHE_SIZE = 48
"""Games kept in memory (rebuilding one from the nearest snapshot takes a few milliseconds)."""


@dataclass(frozen=True)
class TimelineEntry:
    """One point of the timeline: after ``index`` actions.

    ``turn`` and ``phase`` are those in which the action was taken (for the start: turn 1);
    ``seat`` is the actor ("" for the start or an action the viewer may not see).
    """

    index: int
    turn: int
    quarter: str
    phase: str
    seat: str
    title: str
    details: tuple[str, ...]
    crisis: str = ""
    """The title of a crisis that starts here ("" if none)."""
    outcome: str = ""
    """A crisis outcome decided here ("" if none)."""


def _crisis_title(events: list[Event]) -> str:
    for e in events:
        if e.kind == "crisis":
            return e.text.removeprefix("CRISIS: ").split(" — ")[0]
    return ""


def _outcome(events: list[Event]) -> str:
    return next((str(e.data.get("outcome", "")) for e in events if e.kind == "outcome"), "")


def build_entries(points: list[tuple[int, int, str, Any, list[Event]]], viewer: str | None,
                  start_year: int, start_quarter: int) -> list[TimelineEntry]:
    """Timeline entries from ``(index, turn after, phase after, action, events)`` tuples."""
    out: list[TimelineEntry] = []
    prev_turn, prev_phase = 1, "events"
    for index, turn, phase, action, events in points:
        seen = [e for e in events if e.visible_to(viewer)]
        when_turn, when_phase = (1, "events") if index == 0 else (prev_turn, prev_phase)
        details = tuple(e.text for e in seen)
        if index == 0:
            title, seat = "Start of the game", ""
        elif action is not None and (viewer in (None, "facilitator") or action.seat == viewer):
            seat = action.seat
            name = SEAT_NAMES.get(seat, seat.title())
            first = next((e.text for e in seen if e.kind not in ("turn", "phase")), "") or action.label
            title = first if first.startswith(name) else f"{name}: {first}"
        elif seen:
            seat, title = "", next((e.text for e in seen if e.kind not in ("turn", "phase")), seen[0].text)
        else:
            seat, title = "", "Another seat acts (not visible to this seat)"
        out.append(TimelineEntry(index, when_turn, quarter_name(start_year, start_quarter, when_turn),
                                 when_phase, seat, title, details, _crisis_title(seen), _outcome(seen)))
        prev_turn, prev_phase = turn, phase
    return out


def recorded_scores(game: Game) -> tuple[dict[str, tuple[float, list[tuple[str, str, float, float, float]]]], str]:
    """The scores the last history row recorded, in ``Scoreboard.set_scores`` form, and its quarter.

    A seat view's history rows are the seat's own past views (its SeatView history): other seats'
    scores and components there are the seat's estimates at the time, made without their secrets.
    """
    row = game.state.history[-1]
    scores = {}
    for seat, sc in game.scores().items():
        values = row["seats"].get(seat, {})
        comps = values.get("components", {})
        parts = [(c.key, c.label, float(comps.get(c.key, c.value)), c.weight,
                  round(float(comps.get(c.key, c.value)) * c.weight, 2)) for c in sc.components]
        scores[seat] = (float(values.get("score", sc.total)), parts)
    return scores, str(row.get("quarter", ""))


class ReplaySource(ABC):
    """Base of the two sources (see the module docstring).

    Subclasses must provide :attr:`title`, :attr:`where`, :attr:`path` and :meth:`_game`, and set
    :attr:`entries`; they may override the bookmark and branch hooks (by default a source holds
    neither).
    """

    kind = "save"
    viewer: str | None = None
    entries: list[TimelineEntry]

    def __init__(self) -> None:
        self._games: OrderedDict[int, Game] = OrderedDict()

    # -- to provide ---------------------------------------------------------------------
    @property
    @abstractmethod
    def title(self) -> str:
        """The game's title as the window shows it."""

    @property
    @abstractmethod
    def where(self) -> str:
        """Where the source was read from (for messages)."""

    @property
    @abstractmethod
    def path(self) -> Path | None:
        """The file the source was read from (None: not a file, e.g. a database game)."""

    @abstractmethod
    def _game(self, index: int) -> Game:
        """Build the game after ``index`` actions (uncached; :meth:`game_at` caches it)."""

    # -- shared -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    @property
    def last(self) -> int:
        """The last index of the timeline."""
        return len(self.entries) - 1

    def game_at(self, index: int) -> Game:
        """The game after ``index`` actions (cached; never modify it)."""
        index = max(0, min(index, self.last))
        game = self._games.get(index)
        if game is None:
            game = self._game(index)
            self._games[index] = game
            while len(self._games) > CACHE_SIZE:
                self._games.popitem(last=False)
        else:
            self._games.move_to_end(index)
        return game

    def quarter_starts(self) -> list[tuple[int, int, str]]:
        """``(index, turn, quarter)`` of the first entry of each quarter."""
        out: list[tuple[int, int, str]] = []
        for e in self.entries:
            if not out or e.turn != out[-1][1]:
                out.append((e.index, e.turn, e.quarter))
        return out

    def index_of_turn(self, turn: int) -> int:
        """The first index taken in ``turn`` (the last index if the game never got there)."""
        return next((e.index for e in self.entries if e.turn >= turn), self.last)

    def phase_text(self, index: int) -> str:
        e = self.entries[index]
        return PHASE_NAMES.get(e.phase, e.phase)

    @property
    def bookmark_problem(self) -> str | None:
        """Why bookmarks cannot be added (None: they can)."""
        return "a seat view holds no bookmarks"

    def bookmarks(self) -> list[Any]:
        return []

    def add_bookmark(self, index: int, label: str, note: str = "") -> int:
        raise SaveError(self.where, self.bookmark_problem or "cannot hold bookmarks")

    def remove_bookmark(self, bookmark_id: int) -> None:
        raise SaveError(self.where, self.bookmark_problem or "cannot hold bookmarks")

    @property
    def branch_problem(self) -> str | None:
        """Why no branch can be made from this source (None: it can)."""
        return "a seat view holds only one seat's view, not the whole log"

    def close(self) -> None:
        """Release the file."""


class RecordSource(ReplaySource):
    """A saved game (``GameRecord``), seen by the facilitator or as one seat."""

    kind = "save"

    def __init__(self, record: GameRecord, writable_problem: str | None = None) -> None:
        super().__init__()
        self.record = record
        self._writable_problem = writable_problem if record.readonly else None
        if record.readonly and self._writable_problem is None:
            self._writable_problem = "the save is open read-only"
        self._log = record.entries()
        self.set_viewer(None)

    def set_viewer(self, viewer: str | None) -> None:
        """Whose view the timeline texts show (None: everything)."""
        self.viewer = viewer
        meta = self.record.scenario.meta
        points = [(e.index, e.turn, e.phase, e.action, e.events) for e in self._log]
        self.entries = build_entries(points, viewer, meta.start_year, meta.start_quarter)

    @property
    def title(self) -> str:
        return self.record.title or self.record.scenario.meta.title

    @property
    def where(self) -> str:
        return self.record.where

    @property
    def path(self) -> Path | None:
        return self.record.path

    def _game(self, index: int) -> Game:
        return self.record.game_at(index)

    @property
    def bookmark_problem(self) -> str | None:
        return self._writable_problem

    def bookmarks(self) -> list[Any]:
        return self.record.bookmarks()

    def add_bookmark(self, index: int, label: str, note: str = "") -> int:
        return self.record.add_bookmark(index, label, note)

    def remove_bookmark(self, bookmark_id: int) -> None:
        self.record.remove_bookmark(bookmark_id)

    @property
    def branch_problem(self) -> str | None:
        return None if self.record.path is not None else "branching a database game is done with `wargame branch`"

    def close(self) -> None:
        self.record.close()


class SeatViewSource(ReplaySource):
    """An exported seat view (``.wargame-view``): steps through the stored views."""

    kind = "seat-view"

    def __init__(self, view_file: Any) -> None:
        super().__init__()
        self.file = view_file
        self.viewer = view_file.seat
        meta = view_file.scenario.meta
        points = [(s.index, s.turn, s.phase, s.action, list(s.events)) for s in view_file.steps]
        self.entries = build_entries(points, self.viewer, meta.start_year, meta.start_quarter)

    @property
    def title(self) -> str:
        return f"{self.file.title} — {SEAT_NAMES[self.viewer]}'s view"

    @property
    def where(self) -> str:
        return self.file.where

    @property
    def path(self) -> Path | None:
        return Path(self.file.path)

    def _game(self, index: int) -> Game:
        return self.file.game_at(index)


def open_record(path: str | Path, readonly: bool | None = None) -> RecordSource:
    """Open a save for replay: writable when possible (for bookmarks), else read-only with the reason.

    ``readonly=True`` always opens read-only; ``False`` insists on writing (raises if it cannot).
    """
    if readonly:
        return RecordSource(GameRecord.open(path, readonly=True), "the save was opened read-only")
    try:
        return RecordSource(GameRecord.open(path))
    except SaveError as err:
        if readonly is False or "cannot be continued" not in err.problem and "read-only" not in err.problem:
            raise
        return RecordSource(GameRecord.open(path, readonly=True), f"the file {err.problem.removeprefix('cannot be continued: it ')}")


def open_source(path: str | Path, readonly: bool | None = None) -> ReplaySource:
    """A replay source for a ``.wargame`` save or a ``.wargame-view`` seat view (by content)."""
    from wargame.seat_export import open_seat_view
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        head = b""
    if head.startswith(b"{"):
        return SeatViewSource(open_seat_view(p))
    return open_record(p, readonly)
