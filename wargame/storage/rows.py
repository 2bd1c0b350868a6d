"""Rows of the save format built from engine objects, and writing a whole game at once."""
from __future__ import annotations

import json
import time
import zlib
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session as OrmSession

from wargame.actions import Action
from wargame.events import Event
from wargame.rules.game import Game
from wargame.storage.backend import RESTORE
from wargame.storage.errors import SaveError
from wargame.storage.models import (BookmarkRow, EntryRow, GameRow, HistoryRow, MetaRow, NoteRow, SeatRow,
                                     SnapshotRow)
from wargame.storage.snapshot_text import snapshot_text
from wargame.storage.values import PLAYERS, SeatInfo
from wargame.types import SEAT_NAMES, SEATS

T_ENTRY = EntryRow.__table__
T_SNAP = SnapshotRow.__table__
T_HIST = HistoryRow.__table__


def dumps(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def entry_row(game_id: int, index: int, game: Game, action: Action | None,
              events: list[Event], digest: str) -> dict[str, Any]:
    """A log entry: ``digest`` is the state's after it, by the save's scheme (see ``schemes``)."""
    return {
        "game_id": game_id, "idx": index, "turn": game.turn, "phase": game.phase, "over": game.over,
        "kind": action.kind if action is not None else None,
        "action": dumps(action.to_dict()) if action is not None else None,
        "events": dumps([e.to_dict() for e in events]), "digest": digest, "at": time.time(),
    }


def snapshot_row(game_id: int, index: int, game: Game) -> dict[str, Any]:
    """A snapshot of the state without its history. It keeps the dicts' insertion order (the
    rules iterate in that order and the digest covers it); the text reuses the pieces that no
    longer change (``snapshot_text``), and zlib level 3 compresses it four times faster than
    level 6 did, for a fifth more bytes."""
    text = snapshot_text(game.state)
    return {"game_id": game_id, "idx": index, "turn": game.turn,
            "history_len": len(game.state.history), "state": zlib.compress(text.encode("utf-8"), 3)}


def history_rows(game_id: int, history: list[dict[str, Any]], start: int) -> list[dict[str, Any]]:
    return [{"game_id": game_id, "pos": pos, "turn": int(row.get("turn", 0)), "row": dumps(row)}
            for pos, row in enumerate(history[start:], start)]


def seats_text(seats: list[SeatInfo]) -> str:
    """Short text of who plays: ``Ankara: Alice, Riyadh: computer (cautious), ...``."""
    return ", ".join(f"{SEAT_NAMES.get(s.seat, s.seat)}: "
                     + (f"computer ({s.style})" if s.player == "computer" else s.name) for s in seats)


def check_seats(where: str, seats: list[SeatInfo]) -> list[SeatInfo]:
    """Copies of ``seats`` if they are the game's four seats, each once, with a known player and
    style; else :class:`SaveError` (a save with a seat row missing "is damaged")."""
    from wargame.bots import STYLES
    seen = set()
    for s in seats:
        if s.seat not in SEATS:
            raise SaveError(where, f"seat {s.seat!r} is not a seat of the game", f"seats are {', '.join(SEATS)}")
        if s.player not in PLAYERS:
            raise SaveError(where, f"seat {s.seat}: player must be 'person' or 'computer', not {s.player!r}")
        if s.player == "computer" and s.style not in STYLES:
            raise SaveError(where, f"seat {s.seat}: unknown computer style {s.style!r}", f"styles are {', '.join(STYLES)}")
        if s.seat in seen:
            raise SaveError(where, f"seat {s.seat} is listed twice")
        seen.add(s.seat)
    missing = [SEAT_NAMES[s] for s in SEATS if s not in seen]
    if missing:
        raise SaveError(where, f"is damaged: its seats table has no row for {' and '.join(missing)}",
                        RESTORE)
    return [replace(s) for s in seats]


def write_game(conn: Any, meta: dict[str, Any], seats: list[SeatInfo],
                content: dict[str, list[dict[str, Any]]], game_id: int | None = None) -> int:
    """Insert a whole game (meta, seats, log, snapshots, history, notes, bookmarks)."""
    with OrmSession(bind=conn) as s:
        row = GameRow(**meta) if game_id is None else GameRow(id=game_id, **meta)
        s.add(row)
        s.flush()
        gid = row.id
        s.add_all(SeatRow(game_id=gid, seat=x.seat, player=x.player, name=x.name, style=x.style) for x in seats)
        s.flush()
    for table, key in ((T_ENTRY, "entries"), (T_SNAP, "snapshots"), (T_HIST, "history"),
                       (NoteRow.__table__, "notes"), (BookmarkRow.__table__, "bookmarks"),
                       (MetaRow.__table__, "meta")):
        rows = [{**r, "game_id": gid} for r in content.get(key, [])]
        if rows:
            conn.execute(table.insert(), rows)
    return gid
