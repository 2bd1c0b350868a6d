""":class:`Session`: a live game bound to its record, saving every action as it is applied."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from wargame.actions import Action
from wargame.events import Event
from wargame.rules.game import Game
from wargame.scenario import Scenario
from wargame.storage.backend import Store, is_url, split_target
from wargame.storage.errors import SaveError
from wargame.storage.listing import resolve_new_save
from wargame.storage.lock import FileLock, SaveAdvanced, SaveInUse, ServerLock
from wargame.storage.record import GameRecord
from wargame.storage.rows import T_ENTRY, check_seats
from wargame.storage.sqlitefile import lock_for_play
from wargame.storage.values import SeatInfo
from wargame.types import SEAT_NAMES, SEATS

if TYPE_CHECKING:
    from wargame.bots import Bot


class Session:
    """A game being played, autosaved: every :meth:`apply` is committed before it returns.

    A session holds the game's play lock (:mod:`wargame.storage.lock`) until :meth:`close`: a
    second session on the same game, in this process or another, raises ``SaveInUse``.

    If saving fails (disk full, file gone) the game is reloaded from the save, so ``game``
    and the save always agree, and the :class:`SaveError` is raised; read ``session.game``
    again after an error. A save that was advanced elsewhere (its log no longer ends where
    this game does) is detected before anything is applied: the game is reloaded and
    ``SaveAdvanced`` raised, naming the move that was not saved.
    """

    def __init__(self, record: GameRecord, game: Game) -> None:
        if game.log_length() != record.action_count():
            raise SaveError(record.where, f"the game has {game.log_length()} actions but the save holds "
                            f"{record.action_count()}", "use Session.resume to continue a saved game")
        self.record = record
        self.game = game
        self._store.changed_elsewhere()  # what the save holds now is what we loaded

    @property
    def _store(self) -> Store:
        return self.record._store  # noqa: SLF001 (the storage package's own record)

    @classmethod
    def new(cls, target: str | Path, scenario: Scenario, seed: int, seats: list[SeatInfo], *,
            title: str = "") -> "Session":
        """Start a new game saved at ``target`` (file path or database URL)."""
        record = GameRecord.create(target, scenario, seed, seats, title=title)
        try:
            _hold_lock(record, lock_for_play(record.path) if record.path is not None else None)
            return cls(record, record.load(check=False))
        except BaseException:
            record.close()
            raise

    @classmethod
    def resume(cls, target: str | Path, game_id: int | None = None, *, check: bool = True,
               verify: bool = False, defer: bool = False) -> "Session":
        """Open a saved game to continue playing it.

        The game's play lock is taken first (a save file is not even opened for writing while
        it is played elsewhere: ``SaveInUse``, the file left as it was).

        With ``check`` (the default) the game must match what the save recorded where it is
        read from: the scenario and seed give the logged start, the snapshot at the start of
        the last turn hashes to the digest logged there, and the actions since replay to the
        last digest. A save that does not (edited there, damaged, or saved under rules that
        changed those actions) raises
        :class:`SaveError` and is left as it was; ``check=False`` continues it anyway under
        the current rules. This reads the last snapshot and the tail of the log, not the whole
        chain. With ``verify`` every action is first recomputed from the scenario and the seed
        to the digests it recorded (:meth:`GameRecord.verify`, as ``wargame replay FILE
        --verify`` does), and a save that diverges anywhere is refused.

        The whole log (``game.actions``, ``game.events``) is parsed here, so a log entry that
        does not parse is refused now. With ``defer`` it is parsed when first used (and a
        damaged entry raises :class:`SaveError` there): for a program that plays on without
        reading the log, a long game then opens in the time of its last snapshot and tail.
        """
        path, _url = split_target(target)
        lock = lock_for_play(path) if path is not None else None
        try:
            record = GameRecord.open(target, game_id)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        try:
            _hold_lock(record, lock)
            if verify:
                refuse_unverified(record)
            elif check:
                record.check_start()
            return cls(record, record.load(check=check, defer=defer, strict=check))
        except BaseException:
            record.close()
            raise

    def apply(self, action: Action) -> list[Event]:
        """Apply ``action`` and commit it; an illegal action raises ``IllegalAction`` and saves nothing."""
        if self.record.readonly:
            raise SaveError(self.record.where, "is open read-only", "open it for writing to continue playing")
        self._take_lock()
        self.refuse_if_advanced(action)
        events = self.game.apply(action)
        try:
            self.record.append(self.game, action, events)
        except BaseException:
            try:
                self.game = self.record.load(check=False)
            except SaveError:
                pass
            raise
        return events

    def refuse_if_advanced(self, action: Action | None = None) -> None:
        """Raise ``SaveAdvanced`` (after reloading the game) if the save's log no longer ends
        where this game does: another program wrote to it since we loaded it."""
        if not self._store.changed_elsewhere():
            return
        with self._store.tx() as conn:
            last = conn.execute(select(func.max(T_ENTRY.c.idx))
                                .where(T_ENTRY.c.game_id == self.record.game_id)).scalar()
        stored, ours = (last if last is not None else -1), self.game.log_length()
        if stored == ours:
            return
        move = f"{SEAT_NAMES.get(action.seat, action.seat)}'s move ({action.label.lower()})" \
            if action is not None and getattr(action, "seat", None) else ""
        self.reload()
        try:
            self._take_lock()
        except SaveInUse as err:
            raise SaveAdvanced(self.record.where, ours, stored, move, err.holder) from None
        raise SaveAdvanced(self.record.where, ours, stored, move)

    def reload(self) -> None:
        """Read the game again from the save. The play lock is kept; one that was lost (its
        marker deleted, and maybe made again by another program) is let go, and the next
        :meth:`apply` takes it again or raises ``SaveInUse`` naming who holds it."""
        record = GameRecord(self._store, self.record.game_id)
        self.game = record.load(check=True)
        self.record = record
        self._store.changed_elsewhere()
        lock = self._store.play_lock
        if isinstance(lock, FileLock) and not lock.held():
            lock.release()
            self._store.play_lock = None

    def _take_lock(self) -> None:
        """A save file's play lock, if this session does not hold it (lost, or never taken)."""
        if self.record.path is not None and self._store.play_lock is None:
            self._store.play_lock = FileLock.acquire(self.record.path)

    def bots(self) -> dict[str, "Bot"]:
        """Computer players for the seats the save gives to the computer."""
        from wargame.bots import Bot
        return {s.seat: Bot(s.seat, self.record.seed, s.style) for s in self.record.seats
                if s.player == "computer"}

    def play_bots(self, bots: dict[str, "Bot"] | None = None, max_actions: int = 100_000) -> int:
        """Let the computer seats play (saving each move) until a person must act or the game ends."""
        bots = self.bots() if bots is None else bots
        count = 0
        while not self.game.over and count < max_actions:
            mover = next((s for s in self.game.acting_seats() if s in bots), None)
            if mover is None:
                break
            self.apply(bots[mover].choose(self.game))
            count += 1
        return count

    def close(self) -> None:
        """Close the save and release the game's play lock."""
        self.record.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _hold_lock(record: GameRecord, lock: FileLock | None) -> None:
    """Give ``record``'s store the play lock: ``lock`` for a save file, an advisory lock for a
    server database (released when the record closes)."""
    store = record._store  # noqa: SLF001
    if lock is None and record.path is None:
        lock = ServerLock.acquire(store.conn, record.where, record.game_id)
    store.play_lock = lock


def refuse_unverified(record: GameRecord) -> None:
    """Raise :class:`SaveError` if ``record`` does not verify (nothing may be appended to it)."""
    check_seats(record.where, record.seats)
    report = record.verify()
    if not report.ok:
        detail = report.message.removeprefix(f"{record.where}: ")
        raise SaveError(record.where, f"cannot be continued: {detail}",
                        "it was left as it was; replay it read-only (`wargame replay FILE`), or branch "
                        "it at an earlier turn (`wargame branch`) and continue the branch")


def seats_for(bots: dict[str, "Bot"]) -> list[SeatInfo]:
    """Seat records for a game where ``bots`` play some seats and people the others."""
    return [SeatInfo(s, "computer", f"Computer ({bots[s].style})", bots[s].style) if s in bots
            else SeatInfo(s, "person", SEAT_NAMES[s]) for s in SEATS]


def play_and_save(scenario: Scenario, seed: int, bots: dict[str, "Bot"], path: str | Path,
                  db_url: str | None = None) -> Game:
    """``wargame play --save``: play the computer seats, autosaving every action; return the game.

    ``path`` is the save file (a bare name goes into the saves folder); with ``db_url`` the
    game goes into that database and ``path`` is its title. Stops when a person must act.
    """
    if db_url:
        target: str | Path = db_url
        title = str(path)
    elif is_url(str(path)):
        target, title = str(path), ""
    else:
        target, title = resolve_new_save(str(path), scenario.meta.id), ""
    with Session.new(target, scenario, seed, seats_for(bots), title=title) as session:
        session.play_bots(bots)
        where = session.record.where
        extra = f" (game {session.record.game_id})" if session.record.path is None else ""
        print(f"saved: {where}{extra}, {session.record.action_count()} actions", file=sys.stderr)
        return session.game
