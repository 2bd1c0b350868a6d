"""What a report is made from: a game plus the facts only a save file holds.

A :class:`ReportSource` gathers the replayed game, who sat at each seat, the facilitator's
notes and the bookmarks. It can be built from a :class:`~wargame.storage.GameRecord` (duck
typed, so this module does not import the storage package) or from a bare :class:`Game`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from wargame.rules.game import Game
from wargame.types import SEAT_NAMES, SEATS


@dataclass(frozen=True, slots=True)
class SeatRow:
    """Who held a seat: ``player`` is ``person`` or ``computer`` (empty when unknown)."""

    seat: str
    player: str = ""
    name: str = ""
    style: str = ""


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A facilitator's note, placed in a quarter when known."""

    turn: int | None
    text: str
    author: str = "Facilitator"


@dataclass(frozen=True, slots=True)
class BookmarkRow:
    """A bookmark on the log, placed in a quarter when known."""

    turn: int | None
    label: str
    index: int | None = None
    note: str = ""


@dataclass(slots=True)
class ReportSource:
    """Everything the report reads."""

    game: Game
    seats: tuple[SeatRow, ...]
    notes: tuple[NoteRow, ...] = ()
    bookmarks: tuple[BookmarkRow, ...] = ()
    title: str = ""
    origin: str = ""


def pick(obj: Any, *names: str, default: Any = None) -> Any:
    """The first present, non-empty field among ``names`` of a dict or an object."""
    for key in names:
        value = obj.get(key) if isinstance(obj, Mapping) else getattr(obj, key, None)
        if value not in (None, ""):
            return value
    return default


def seat_rows(info: Any = None) -> tuple[SeatRow, ...]:
    """Normalise seat information (SeatInfo objects, dicts, or a mapping by seat) to rows."""
    found: dict[str, SeatRow] = {}
    items: Iterable[Any]
    if info is None:
        items = ()
    elif isinstance(info, Mapping):
        items = [_with_seat(seat, value) for seat, value in info.items()]
    else:
        items = info
    for item in items:
        seat = str(pick(item, "seat", default=""))
        if seat not in SEATS:
            continue
        player = str(pick(item, "player", "kind", default="")).lower()
        if player in ("human", "player"):
            player = "person"
        if player in ("bot", "ai"):
            player = "computer"
        found[seat] = SeatRow(seat, player, str(pick(item, "name", default="")),
                              str(pick(item, "style", default="")))
    return tuple(found.get(seat, SeatRow(seat)) for seat in SEATS)


def _with_seat(seat: str, value: Any) -> Any:
    if isinstance(value, str):
        return {"seat": seat, "player": value}
    if isinstance(value, Mapping):
        return {"seat": seat, **value}
    return value


def _entry_turns(record: Any) -> dict[int, int]:
    """Log index → turn, from ``record.entries()`` when the record has it."""
    try:
        entries = list(record.entries())
    except Exception:  # noqa: BLE001 - a report should still come out without the index
        return {}
    out: dict[int, int] = {}
    for pos, entry in enumerate(entries):
        index = pick(entry, "index", default=pos)
        turn = pick(entry, "turn")
        if isinstance(index, int) and isinstance(turn, int):
            out[index] = turn
    return out


def _turn_of(item: Any, turns: Mapping[int, int]) -> tuple[int | None, int | None]:
    turn = pick(item, "turn")
    index = pick(item, "index", "entry", "entry_index", "action_index", "event")
    index = index if isinstance(index, int) and not isinstance(index, bool) else None
    if not isinstance(turn, int) and index is not None:
        turn = turns.get(index)
    return (turn if isinstance(turn, int) else None), index


def note_rows(game: Game, extra: Iterable[Any] = (), turns: Mapping[int, int] | None = None) -> tuple[NoteRow, ...]:
    """The facilitator's notes of the game, then the record's own notes, without repeats."""
    rows: list[NoteRow] = []
    seen: set[tuple[int | None, str]] = set()
    for item in [*game.state.notes, *extra]:
        text = str(pick(item, "text", "note", "body", default="")).strip()
        if not text:
            continue
        turn, _ = _turn_of(item, turns or {})
        key = (turn, text)
        if key in seen:
            continue
        seen.add(key)
        author = str(pick(item, "author", "seat", default="Facilitator"))
        rows.append(NoteRow(turn, text, SEAT_NAMES.get(author, author)))
    return tuple(rows)


def bookmark_rows(items: Iterable[Any], turns: Mapping[int, int] | None = None) -> tuple[BookmarkRow, ...]:
    """Bookmarks as rows, in log order."""
    rows = []
    for item in items:
        if isinstance(item, (int, str)):
            item = {"index": item} if isinstance(item, int) else {"label": item}
        turn, index = _turn_of(item, turns or {})
        label = str(pick(item, "label", "name", "title", "text", default="Bookmark"))
        note = str(pick(item, "note", default="")) if not isinstance(item, str) else ""
        rows.append(BookmarkRow(turn, label, index, note))
    return tuple(rows)


def is_record(obj: Any) -> bool:
    """Whether ``obj`` looks like a storage ``GameRecord`` (it can ``load`` a game)."""
    return not isinstance(obj, Game) and callable(getattr(obj, "load", None))


def from_game(game: Game, seats_info: Any = None, title: str = "") -> ReportSource:
    """A source made from a game alone (seats unknown unless ``seats_info`` is given)."""
    return ReportSource(game=game, seats=seat_rows(seats_info), notes=note_rows(game),
                        title=title or game.scenario.meta.title)


def from_record(record: Any, seats_info: Any = None) -> ReportSource:
    """A source made from a storage record: the replayed game, seats, notes and bookmarks."""
    game = record.load()
    turns = _entry_turns(record)
    notes = _call(record, "notes")
    marks = _call(record, "bookmarks")
    info = seats_info if seats_info is not None else getattr(record, "seats", None)
    title = str(getattr(record, "title", "") or "") or game.scenario.meta.title
    origin = str(getattr(record, "path", "") or "")
    return ReportSource(game=game, seats=seat_rows(info), notes=note_rows(game, notes, turns),
                        bookmarks=bookmark_rows(marks, turns), title=title, origin=origin)


def _call(record: Any, attr: str) -> list[Any]:
    value = getattr(record, attr, None)
    if value is None:
        return []
    result = value() if callable(value) else value
    return list(result or [])


def make_source(obj: Any, seats_info: Any = None) -> ReportSource:
    """A source from a ``ReportSource``, a ``Game`` or a ``GameRecord``."""
    if isinstance(obj, ReportSource):
        return obj
    if isinstance(obj, Game):
        return from_game(obj, seats_info)
    if is_record(obj):
        return from_record(obj, seats_info)
    raise TypeError(f"cannot make a report from {type(obj).__name__}: pass a Game or a GameRecord")
