""":class:`GameRecord`: one saved game in a ``.wargame`` file or in a server database.

The record is the log (actions, their events, the digest after each), turn-start snapshots,
and the seats, notes and bookmarks around it. :meth:`GameRecord.append` commits one action in
one transaction; :meth:`GameRecord.game_at` rebuilds the state at any point from the nearest
snapshot; :meth:`GameRecord.verify` recomputes everything from the scenario and the seed.

A record is used from one thread at a time.
"""
from __future__ import annotations

import gc
import json
import os
import threading
import zlib
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session as OrmSession

from wargame import __version__
from wargame.actions import Action, action_from_dict
from wargame.errors import IllegalAction, ScenarioError
from wargame.events import Event
from wargame.rules.game import Game
from wargame.scenario import Scenario, parse_scenario
from wargame.digest import adopt_memo, dict_digest, dict_digest_memo, history_chain, state_digest
from wargame.storage.backend import Store, damaged, display_url, open_url, split_target
from wargame.storage.errors import SaveError
from wargame.storage.models import (BookmarkRow, EntryRow, GameRow, HistoryRow, MetaRow, NoteRow, SeatRow,
                                     SnapshotRow)
from wargame.storage import schemes
from wargame.storage.notes import NotesMixin
from wargame.storage.rows import (
    T_ENTRY, T_HIST, T_SNAP, aware, check_seats, dumps, entry_row, history_rows, now, seats_text,
    snapshot_row, write_game,
)
from wargame.storage.sqlitefile import create_file_store, open_file
from wargame.storage.values import LogEntry, ParentRef, SaveSummary, SeatInfo, VerifyReport
from wargame.types import SEAT_NAMES, SEATS

SEED_RANGE = (-(2 ** 63), 2 ** 63 - 1)
VERIFY_ADVICE = "run `wargame replay FILE --verify` to see where the log diverges"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while parsing a long log: it allocates many small
    objects and no cycles, and the collector's passes cost a fifth of the time otherwise."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class GameRecord(NotesMixin):
    """One saved game. Build with :meth:`create` or :meth:`open`; close with :meth:`close`."""

    # ------------------------------------------------------------------ construction
    def __init__(self, store: Store, game_id: int) -> None:
        self._store = store
        self._game_id = game_id
        self._scenario: Scenario | None = None
        self._cache: list[LogEntry] = []
        self._history_raw: list[str] = []
        self._load_meta()

    @classmethod
    def create(cls, target: str | Path, scenario: Scenario, seed: int, seats: list[SeatInfo], *,
               title: str = "", parent: "GameRecord | None" = None,
               branch_index: int | None = None) -> "GameRecord":
        """A new save at ``target`` (a file path that must not exist yet, or a database URL).

        With ``parent``, the new game shares the parent's history up to ``branch_index``
        actions (default: all of them) and records where it came from.
        """
        path, url = split_target(target)
        where = str(path) if path is not None else display_url(str(url))
        seats = check_seats(where, seats)
        if not isinstance(seed, int) or not SEED_RANGE[0] <= seed <= SEED_RANGE[1]:
            raise SaveError(where, f"the seed {seed!r} is not a 64-bit integer", "use a smaller seed")
        if parent is not None:
            count = parent.action_count()
            branch_index = count if branch_index is None else branch_index
            if not 0 <= branch_index <= count:
                raise SaveError(parent.where, f"has no point {branch_index} to branch from: its log "
                                f"runs from 0 to {count}", "pick an index in that range")
            if seed != parent.seed or scenario.model_dump(mode="json") != parent.scenario.model_dump(mode="json"):
                raise SaveError(where, "a branch must keep its parent's scenario and seed",
                                "pass parent.scenario and parent.seed")
            content = parent._branch_content(branch_index)
        else:
            branch_index = None
            game = Game(scenario, seed)
            content = {
                "entries": [entry_row(0, 0, game, None, game.events, game.digest())],
                "snapshots": [snapshot_row(0, 0, game)],
                "history": history_rows(0, game.state.history, 0), "notes": [], "bookmarks": [],
                "meta": [{"key": schemes.KEY, "value": schemes.text(schemes.new_game())}],
            }
        meta = {
            "title": title, "scenario_id": scenario.meta.id, "scenario_title": scenario.meta.title,
            "scenario_turns": scenario.meta.turns, "scenario": dumps(scenario.model_dump(mode="json")),
            "seed": seed, "app_version": __version__, "created": now(),
            "parent_ref": parent._ref_text() if parent is not None else None,
            "parent_game_id": parent.game_id if parent is not None else None,
            "branch_index": branch_index,
        }
        if path is not None:
            return cls._create_file(path, meta, seats, content)
        store = open_url(str(url), readonly=False, create=True)
        try:
            with store.tx("written") as conn:
                game_id = write_game(conn, meta, seats, content)
            return cls(store, game_id)
        except BaseException:
            store.close()
            raise

    @classmethod
    def _create_file(cls, path: Path, meta: dict[str, Any], seats: list[SeatInfo],
                     content: dict[str, list[dict[str, Any]]]) -> "GameRecord":
        """Write the whole new save to a hidden temporary file, then move it into place, so
        that a save file either does not exist or is complete."""
        where = str(path)
        if path.exists() or path.is_symlink():
            raise SaveError(where, "already exists", "choose another name, or delete the old save first")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise SaveError(where, f"cannot be created: its folder cannot be made ({err.strerror})",
                            "choose another folder (--saves-dir or WARGAME_SAVES_DIR)") from None
        temp = path.with_name(f".{path.name}.{os.getpid()}.creating")
        leftovers = [temp] + [Path(f"{temp}{x}") for x in ("-journal", "-wal", "-shm")]
        try:
            for leftover in leftovers:
                leftover.unlink(missing_ok=True)
            store = create_file_store(temp)
            try:
                with store.tx("written") as conn:
                    write_game(conn, meta, seats, content, game_id=1)
            finally:
                store.close()
            try:
                os.link(temp, path)  # fails if ``path`` appeared meanwhile: never overwrites
                temp.unlink()
            except FileExistsError:
                raise SaveError(where, "already exists", "choose another name") from None
            except OSError:
                os.replace(temp, path)  # file systems without hard links
        except OSError as err:
            raise SaveError(where, f"cannot be created ({err.strerror or err})",
                            "check that the folder is writable and the disk has space") from None
        finally:
            for leftover in leftovers:
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
        store = open_file(path, readonly=False)
        try:
            return cls(store, 1)
        except BaseException:
            store.close()
            raise

    @classmethod
    def open(cls, target: str | Path, game_id: int | None = None, *, readonly: bool = False) -> "GameRecord":
        """Open a saved game. A file holds one game; a database needs ``game_id`` if it holds
        several. ``readonly`` opens without writing (and works on read-only files)."""
        path, url = split_target(target)
        store = open_file(path, readonly=readonly) if path is not None else \
            open_url(str(url), readonly=readonly, create=False)
        try:
            with store.tx() as conn:
                if game_id is None:
                    ids = conn.execute(select(GameRow.id).order_by(GameRow.id).limit(2)).scalars().all()
                    if not ids:
                        raise SaveError(store.where, "holds no saved games", "save a game into it first")
                    if len(ids) > 1:
                        total = conn.execute(select(func.count()).select_from(GameRow)).scalar_one()
                        raise SaveError(store.where, f"holds {total} games",
                                        "name one with its game id (--game ID); `wargame saves --db URL` lists them")
                    game_id = ids[0]
                elif conn.execute(select(GameRow.id).where(GameRow.id == game_id)).first() is None:
                    raise SaveError(store.where, f"has no game {game_id}", "`wargame saves --db URL` lists the games")
            return cls(store, game_id)
        except BaseException:
            store.close()
            raise

    def _load_meta(self) -> None:
        with self._orm() as s:
            row = s.get(GameRow, self._game_id)
            if row is None:
                raise damaged(self.where, f"game {self._game_id} is missing")
            self._meta = {c.name: getattr(row, c.name) for c in GameRow.__table__.columns}
            self._seats = [SeatInfo(r.seat, r.player, r.name, r.style) for r in s.scalars(
                select(SeatRow).where(SeatRow.game_id == self._game_id))]
            self._seats.sort(key=lambda x: SEATS.index(x.seat) if x.seat in SEATS else 99)
            check_seats(self.where, self._seats)  # every command refuses a save with bad seats
            last = self._last_entry(s)
            if last is None:
                raise damaged(self.where, "its log has no start entry")
            self._count, self._last_turn, self._last_over, self._last_at = last
            self._snaps = [tuple(r) for r in s.execute(
                select(SnapshotRow.idx, SnapshotRow.turn, SnapshotRow.history_len)
                .where(SnapshotRow.game_id == self._game_id).order_by(SnapshotRow.idx))]
            self._history_len = s.execute(select(func.count()).select_from(HistoryRow)
                                          .where(HistoryRow.game_id == self._game_id)).scalar_one()
            row = s.get(MetaRow, (self._game_id, schemes.KEY))
            self._schemes = schemes.parse(self.where, None if row is None else row.value)

    def _last_entry(self, conn: Any) -> Any:
        """``(idx, turn, over, at)`` of the last log entry (``None`` if the log is empty); ``conn``
        is a connection or an ORM session. Read on open, and on each count of a read-only record
        (another program may be appending to the save)."""
        return conn.execute(select(EntryRow.idx, EntryRow.turn, EntryRow.over, EntryRow.at)
                            .where(EntryRow.game_id == self._game_id)
                            .order_by(EntryRow.idx.desc()).limit(1)).first()

    @contextmanager
    def _orm(self, doing: str = "reading") -> Iterator[OrmSession]:
        """An ORM session inside one transaction of the record's connection."""
        with self._store.tx(doing) as conn:
            with OrmSession(bind=conn, expire_on_commit=False) as session:
                yield session
                session.flush()

    def _writable(self) -> None:
        if self._store.readonly:
            raise SaveError(self.where, "is open read-only", "open it for writing to change it")
        if self._store.conn is None:
            raise SaveError(self.where, "is closed", "open it again")

    # ------------------------------------------------------------------ facts
    @property
    def where(self) -> str:
        """The file path, or the database URL (password hidden), for messages."""
        return self._store.where

    @property
    def path(self) -> Path | None:
        """The save file (``None`` for a server database)."""
        return self._store.path

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the database (password hidden)."""
        return display_url(self._store.url)

    @property
    def readonly(self) -> bool:
        """Whether the record was opened read-only."""
        return self._store.readonly

    @property
    def game_id(self) -> int:
        """The game's id in its database (always 1 in a save file)."""
        return self._game_id

    @property
    def scenario(self) -> Scenario:
        """The scenario exactly as played (re-validated from the copy kept in the save)."""
        if self._scenario is None:
            try:
                self._scenario = parse_scenario(json.loads(self._meta["scenario"]), f"{self.where} (scenario)")
            except ScenarioError as err:
                raise SaveError(self.where, f"its scenario is not valid for this version ({err.field}: "
                                f"{err.problem})", "open it with the version that saved it "
                                f"({self._meta['app_version']})") from None
            except (json.JSONDecodeError, TypeError) as err:
                raise damaged(self.where, f"its scenario does not decode ({err})") from None
        return self._scenario

    @property
    def scenario_id(self) -> str:
        return str(self._meta["scenario_id"])

    @property
    def seed(self) -> int:
        return int(self._meta["seed"])

    @property
    def seats(self) -> list[SeatInfo]:
        """Who plays each seat (copies)."""
        return [replace(s) for s in self._seats]

    @property
    def title(self) -> str:
        return str(self._meta["title"] or "")

    @property
    def app_version(self) -> str:
        """The version of Layered Deterrence that created the game."""
        return str(self._meta["app_version"])

    @property
    def parent(self) -> ParentRef | None:
        """Where this game was branched from, if it was."""
        ref = self._meta["parent_ref"]
        return None if ref is None else ParentRef(ref, int(self._meta["parent_game_id"] or 1))

    @property
    def branch_index(self) -> int | None:
        """The parent's log index this game branched at (``None`` for an original game)."""
        value = self._meta["branch_index"]
        return None if value is None else int(value)

    @property
    def created(self) -> datetime:
        return aware(self._meta["created"])  # type: ignore[return-value]

    @property
    def updated(self) -> datetime:
        """When the game was last played: its last entry was written (or the game was created,
        for a branch whose entries all come from its parent)."""
        return max(datetime.fromtimestamp(self._last_at, timezone.utc), self.created)

    @property
    def format_version(self) -> int:
        """The format the file had when opened (older formats are upgraded on open)."""
        return self._store.format_version

    def _ref_text(self) -> str:
        return str(self.path.resolve()) if self.path is not None else self.url

    def rename(self, title: str) -> None:
        """Change the game's title."""
        self._writable()
        with self._store.tx("written") as conn:
            conn.execute(update(GameRow).where(GameRow.id == self._game_id).values(title=title))
        self._meta["title"] = title

    def rename_seat(self, seat: str, name: str) -> None:
        """Change who plays ``seat`` by name (a team and its students); ``""`` is the seat's own name."""
        self._writable()
        if seat not in SEATS:
            raise SaveError(self.where, f"seat {seat!r} is not a seat of the game", f"seats are {', '.join(SEATS)}")
        name = " ".join(name.split())[:200] or SEAT_NAMES[seat]
        with self._store.tx("written") as conn:
            conn.execute(update(SeatRow).where(SeatRow.game_id == self._game_id, SeatRow.seat == seat)
                         .values(name=name))
        self._seats = [replace(s, name=name) if s.seat == seat else s for s in self._seats]

    def scheme_at(self, index: int) -> int:
        """The digest scheme (:mod:`wargame.digest`) log entry ``index`` was written with."""
        return schemes.scheme_at(self._schemes, index)

    # ------------------------------------------------------------------ the log
    def action_count(self) -> int:
        """How many actions the log holds."""
        if self._store.readonly:
            with self._store.tx() as conn:
                last = self._last_entry(conn)
            if last is not None:
                self._count, self._last_turn, self._last_over, self._last_at = last
        return self._count

    def _read_entries(self, lo: int, hi: int | None = None) -> list[LogEntry]:
        """Parse the log entries ``lo..hi`` (to the end if ``hi`` is None) from the database."""
        rows = self._raw_entries(lo, hi)
        with _gc_paused():
            return self._parse_entries(lo, hi, rows)

    def _raw_entries(self, lo: int, hi: int | None) -> list[Any]:
        """The stored log entries ``lo..hi`` as they are (text, not parsed)."""
        cond = [T_ENTRY.c.game_id == self._game_id, T_ENTRY.c.idx >= lo]
        if hi is not None:
            cond.append(T_ENTRY.c.idx <= hi)
        with self._store.tx() as conn:
            return list(conn.execute(
                select(T_ENTRY.c.idx, T_ENTRY.c.turn, T_ENTRY.c.phase, T_ENTRY.c.action,
                       T_ENTRY.c.events, T_ENTRY.c.digest, T_ENTRY.c.at)
                .where(*cond).order_by(T_ENTRY.c.idx)).all())

    def _log_reader(self, index: int) -> Any:
        """A function returning the actions and events of entries ``0..index``, read and parsed
        at its first call: through this record if it is still open and used from the thread
        that made the function, else through a read-only opening of the save of its own (so it
        works after the record is closed, or from another thread). Raises :class:`SaveError`
        if the save can no longer be read or its log does not parse."""
        thread = threading.get_ident()
        target = self._store.path if self._store.path is not None else self._store.url
        parsed: list[tuple[list[Action], list[Event]]] = []

        def earlier() -> tuple[list[Action], list[Event]]:
            if not parsed:
                if self._store.conn is not None and threading.get_ident() == thread:
                    entries = self._read_entries(0, index)
                else:
                    with GameRecord.open(target, self._game_id, readonly=True) as other:
                        entries = other._read_entries(0, index)
                parsed.append(([e.action for e in entries[1:]],  # type: ignore[misc]
                               [ev for e in entries for ev in e.events]))
            return parsed[0]
        return earlier

    def _parse_entries(self, lo: int, hi: int | None, rows: list[Any]) -> list[LogEntry]:
        out: list[LogEntry] = []
        for idx, turn, phase, action, events, digest, at in rows:
            if idx != lo + len(out):
                raise damaged(self.where, f"log entry #{lo + len(out)} is missing")
            try:
                act = action_from_dict(json.loads(action)) if action is not None else None
                if (act is None) != (idx == 0):
                    raise ValueError("an action is missing" if act is None else "the start has an action")
                evs = [Event.from_dict(e) for e in json.loads(events)]
            except (ValueError, KeyError, TypeError, AttributeError) as err:
                raise damaged(self.where, f"log entry #{idx} does not parse ({err})") from None
            out.append(LogEntry(idx, turn, phase, act, evs, digest, at))
        if hi is not None and len(out) != hi - lo + 1:
            raise damaged(self.where, f"log entry #{lo + len(out)} is missing")
        return out

    def _entries(self) -> list[LogEntry]:
        """The whole parsed log, cached; reads only the entries not seen yet."""
        if len(self._cache) <= self.action_count():
            self._cache.extend(self._read_entries(len(self._cache)))
        return self._cache

    def _slice(self, lo: int, hi: int) -> list[LogEntry]:
        """Entries ``lo..hi``, from the cache if it holds them (without parsing the whole log)."""
        if len(self._cache) > hi:
            return self._cache[lo:hi + 1]
        return self._read_entries(lo, hi)

    def entries(self) -> list[LogEntry]:
        """Every log entry, the start (index 0, no action) first."""
        return list(self._entries())

    def actions(self) -> list[Action]:
        """The actions in the order they were applied."""
        return [e.action for e in self._entries()[1:]]  # type: ignore[misc]

    def append(self, game: Game, action: Action, events: list[Event]) -> None:
        """Commit ``action`` (just applied to ``game``) and its ``events`` in one transaction.

        Stores the digest of ``game`` after the action, new history rows, and a snapshot when
        the action began a new turn (or ended the game).
        """
        self._writable()
        index = self._count + 1
        if game.log_length() != index or game.last_action() != action:
            raise SaveError(self.where, f"the game has {game.log_length()} actions but the save holds "
                            f"{self._count}", "append each action once, right after game.apply")
        row = entry_row(self._game_id, index, game, action, events, game.digest())
        switch = schemes.continued(self._schemes, index)
        history = game.state.history
        if len(history) < self._history_len:
            raise SaveError(self.where, "the game's history shrank, which the save format does not allow",
                            "report this as a bug of the rules")
        new_history = history_rows(self._game_id, history, self._history_len) \
            if len(history) > self._history_len else None
        snapshot = snapshot_row(self._game_id, index, game) \
            if game.turn != self._last_turn or (game.over and not self._last_over) else None
        store = self._store
        with store.tx("saved") as conn:
            store.insert(conn, T_ENTRY, row)
            if switch is not None:  # an older save goes on with the current digest scheme
                conn.execute(delete(MetaRow).where(MetaRow.game_id == self._game_id, MetaRow.key == schemes.KEY))
                store.insert(conn, MetaRow.__table__, {"game_id": self._game_id, "key": schemes.KEY,
                                                       "value": schemes.text(switch)})
            if new_history:
                store.insert(conn, T_HIST, new_history)
            if snapshot is not None:
                store.insert(conn, T_SNAP, snapshot)
        self._count, self._last_turn, self._last_over, self._last_at = index, game.turn, game.over, row["at"]
        if switch is not None:
            self._schemes = switch
        if new_history:
            self._history_len = len(history)
            if len(self._history_raw) == new_history[0]["pos"]:
                self._history_raw.extend(r["row"] for r in new_history)
        if snapshot is not None:
            self._snaps.append((index, game.turn, len(history)))
        if len(self._cache) == index:
            self._cache.append(LogEntry(index, game.turn, game.phase, action, list(events), row["digest"], row["at"]))

    # ------------------------------------------------------------------ states
    def _history(self, count: int) -> list[str]:
        if len(self._history_raw) < count:
            with self._store.tx() as conn:
                rows = conn.execute(select(T_HIST.c.pos, T_HIST.c.row)
                                    .where(T_HIST.c.game_id == self._game_id, T_HIST.c.pos >= len(self._history_raw))
                                    .order_by(T_HIST.c.pos)).all()
            for pos, text in rows:
                if pos != len(self._history_raw):
                    raise damaged(self.where, f"history row {len(self._history_raw)} is missing")
                self._history_raw.append(text)
            if len(self._history_raw) < count:
                raise damaged(self.where, f"it holds {len(self._history_raw)} history rows, a snapshot needs {count}")
        return self._history_raw[:count]

    def _snapshot_state(self, index: int, history_len: int) -> dict[str, Any]:
        """The stored state dict after ``index`` actions, history included."""
        with self._store.tx() as conn:
            blob = conn.execute(select(T_SNAP.c.state).where(
                T_SNAP.c.game_id == self._game_id, T_SNAP.c.idx == index)).scalar_one()
        try:
            state = json.loads(zlib.decompress(blob))
            state["history"] = [json.loads(text) for text in self._history(history_len)]
        except (ValueError, zlib.error) as err:
            raise damaged(self.where, f"the snapshot after action #{index} does not decode ({err})") from None
        if not isinstance(state, dict):
            raise damaged(self.where, f"the snapshot after action #{index} is not a state")
        return state

    def _rebuild(self, index: int, history_len: int, *, check: bool = False) -> Game:
        """The game from the snapshot after ``index`` actions (logs left empty).

        With ``check``, the stored state must hash to the digest logged at ``index``: this
        proves the snapshot intact without depending on the engine's current state layout
        (a state field added since the save was written changes ``Game.digest()``).
        """
        state = self._snapshot_state(index, history_len)
        memo = None
        if check:
            scheme = self.scheme_at(index)
            try:
                if scheme == 2:  # the digest's work is kept for the rebuilt state's next digest
                    found, memo = dict_digest_memo(state, history_chain(self._history(history_len)))
                else:
                    found = dict_digest(state, scheme)
            except (KeyError, TypeError, AttributeError, ValueError) as err:
                raise damaged(self.where, f"the snapshot after action #{index} is not a state "
                              f"({type(err).__name__}: {err})") from None
            if found != self._slice(index, index)[0].digest:
                raise damaged(self.where, f"the snapshot after action #{index} does not match its digest")
        try:
            game = Game.from_dict({"seed": self.seed, "state": state}, scenario=self.scenario, copy=False)
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise damaged(self.where, f"the snapshot after action #{index} is not a state this "
                          f"version can read ({type(err).__name__}: {err})") from None
        if memo is not None:
            adopt_memo(game.state, memo)
        return game

    def _replay(self, game: Game, entries: list[LogEntry]) -> None:
        for e in entries:
            assert e.action is not None
            try:
                game.apply(e.action)
            except IllegalAction as err:
                raise SaveError(self.where, f"action #{e.index} ({e.action.label.lower()} by {e.action.seat}) "
                                f"is refused by this version of the rules: {err.reason}",
                                f"the game was saved by Layered Deterrence {self.app_version}; {VERIFY_ADVICE}") from None

    def game_at(self, index: int, *, check: bool = False, logs: bool = True, defer: bool = False,
                strict: bool = False) -> Game:
        """The game after ``index`` actions (0 = the start).

        Starts from the nearest snapshot at or before ``index`` and replays forward. With
        ``check``, the state must match the digest the save holds for that point. With
        ``logs`` (the default) ``game.actions`` and ``game.events`` hold the whole log up to
        there; ``logs=False`` leaves them empty and reads only what the state needs (fast on
        long games: for looking, not for playing on). With ``defer`` the log is read now but
        parsed when ``game.actions`` or ``game.events`` is first used (:meth:`Game.defer_log`;
        a damaged entry then raises :class:`SaveError` there). A damaged snapshot is passed over
        (the game replayed from an earlier one) unless ``strict``: then it raises.
        """
        count = self.action_count()
        if not 0 <= index <= count:
            raise SaveError(self.where, f"has no point {index}: its log runs from 0 to {count}",
                            "pick an index in that range")
        snap = next(((i, h) for i, _t, h in reversed(self._snaps) if i <= index), None)
        game: Game | None = None
        start, exact = 0, False
        if snap is not None:
            try:
                game = self._rebuild(*snap, check=check)
                start, exact = snap[0], snap[0] == index
            except SaveError:
                if strict:
                    raise
                game = None  # a damaged snapshot: replay from the start instead
        if game is None:
            game = Game(self.scenario, self.seed)
        tail = self._slice(start, index)
        self._replay(game, tail[1:])
        if check and not exact and self._digest_of(game, index) != tail[-1].digest:
            raise SaveError(self.where, f"the game replayed to action #{index} does not match the "
                            "state the save recorded", f"the rules may have changed since Layered "
                            f"Deterrence {self.app_version} saved it, or the file was edited; {VERIFY_ADVICE}")
        if logs and defer and len(self._cache) <= index:
            game.defer_log(index, self._log_reader(index))
        elif logs:
            entries = self._entries()
            game.actions = [e.action for e in entries[1:index + 1]]  # type: ignore[misc]
            game.events = [ev for e in entries[:index + 1] for ev in e.events]
        else:
            game.actions, game.events = [], []
        return game

    def load(self, *, check: bool = True, defer: bool = False, strict: bool = False) -> Game:
        """The game at the end of the log, logs filled (checked against the saved digest: the
        snapshot it starts from against the digest logged there, the state after the actions
        replayed since against the last one). ``defer``, ``strict``: see :meth:`game_at`."""
        return self.game_at(self.action_count(), check=check, defer=defer, strict=strict)

    def _digest_of(self, game: Game, index: int) -> str:
        """The digest of ``game`` by the scheme of entry ``index`` (a state that cannot be
        hashed, e.g. holding NaN from an edited scenario, is damage)."""
        try:
            return state_digest(game.state, self.scheme_at(index))
        except (ValueError, TypeError, OverflowError) as err:
            raise damaged(self.where, f"the game at action #{index} cannot be hashed ({err})") from None

    def check_start(self) -> None:
        """Raise :class:`SaveError` unless the scenario and seed the save holds still give the
        start it logged (a cheap guard against an edited scenario or changed opening rules)."""
        try:
            start = Game(self.scenario, self.seed)
        except (ValueError, TypeError, KeyError, ArithmeticError) as err:
            raise damaged(self.where, f"its scenario does not start a game ({err})") from None
        if self._digest_of(start, 0) != self._slice(0, 0)[0].digest:
            raise SaveError(self.where, "does not start as it recorded: its scenario and seed now give "
                            "another first quarter", f"the rules may have changed since Layered Deterrence "
                            f"{self.app_version} saved it, or the file was edited; {VERIFY_ADVICE}")

    def index_of_turn(self, turn: int) -> int:
        """The log index at the start of ``turn``'s diplomacy phase (the end if beyond)."""
        if turn <= 1:
            return 0
        with self._store.tx() as conn:
            index = conn.execute(select(func.min(EntryRow.idx)).where(
                EntryRow.game_id == self._game_id, EntryRow.turn >= turn)).scalar()
        return self.action_count() if index is None else int(index)

    def game_at_turn(self, turn: int, *, logs: bool = True) -> Game:
        """The game at the start of ``turn``'s diplomacy phase, or at the end if beyond."""
        return self.game_at(self.index_of_turn(turn), logs=logs)

    # ------------------------------------------------------------------ verification
    def verify(self) -> VerifyReport:
        """Recompute every entry from the scenario and the seed; report the first divergence."""
        from wargame.storage.verify import verify_record
        return verify_record(self)

    # ------------------------------------------------------------------ branches
    def branch(self, index: int, target: str | Path, *, title: str | None = None) -> "GameRecord":
        """A new save at ``target`` sharing this game's history up to ``index`` actions."""
        base = self.title or self.scenario.meta.title
        return GameRecord.create(target, self.scenario, self.seed, self.seats,
                                 title=title if title is not None else f"{base} (branch at #{index})",
                                 parent=self, branch_index=index)

    def _branch_content(self, index: int) -> dict[str, list[dict[str, Any]]]:
        game = self.game_at(index, check=True, logs=False)
        with self._store.tx() as conn:
            gid = self._game_id

            def rows(table: Any, *cond: Any) -> list[dict[str, Any]]:
                return [dict(r._mapping) for r in conn.execute(
                    select(table).where(table.c.game_id == gid, *cond))]
            content = {
                "entries": rows(T_ENTRY, T_ENTRY.c.idx <= index),
                "snapshots": rows(T_SNAP, T_SNAP.c.idx <= index),
                "history": rows(T_HIST, T_HIST.c.pos < len(game.state.history)),
                "notes": rows(NoteRow.__table__, NoteRow.idx <= index),
                "bookmarks": rows(BookmarkRow.__table__, BookmarkRow.idx <= index),
                "meta": rows(MetaRow.__table__),  # a branch keeps the PIN and the levels
            }
        if not any(s["idx"] == index for s in content["snapshots"]):
            content["snapshots"].append(snapshot_row(gid, index, game))
        for key in ("notes", "bookmarks"):
            for r in content[key]:
                r.pop("id", None)
        return content

    # ------------------------------------------------------------------ summary and closing
    def summary(self) -> SaveSummary:
        """One line of a listing."""
        count = self.action_count()
        return SaveSummary(
            path=self.path, url=None if self.path is not None else self.url, game_id=self._game_id,
            title=self.title, scenario_id=self.scenario_id, scenario_title=str(self._meta["scenario_title"]),
            turn=int(self._last_turn), turns=int(self._meta["scenario_turns"]), phase="",
            over=bool(self._last_over), seats=seats_text(self._seats), last_played=self.updated,
            actions=count, parent=str(self.parent) if self.parent else None)

    def close(self) -> None:
        """Close the database connection (the save stays as it is)."""
        self._store.close()

    def __enter__(self) -> "GameRecord":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<GameRecord {self.where} game {self._game_id}: {self._count} actions>"
