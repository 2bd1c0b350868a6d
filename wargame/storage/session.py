""":class:`Session`: a live game bound to its record, saving every action as it is applied."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wargame.actions import Action
from wargame.events import Event
from wargame.rules.game import Game
from wargame.scenario import Scenario
from wargame.storage.backend import is_url
from wargame.storage.errors import SaveError
from wargame.storage.listing import resolve_new_save
from wargame.storage.record import GameRecord
from wargame.storage.rows import check_seats
from wargame.storage.values import SeatInfo
from wargame.types import SEAT_NAMES, SEATS

if TYPE_CHECKING:
    from wargame.bots import Bot


class Session:
    """A game being played, autosaved: every :meth:`apply` is committed before it returns.

    If saving fails (disk full, file gone) the game is reloaded from the save, so ``game``
    and the save always agree, and the :class:`SaveError` is raised; read ``session.game``
    again after an error.
    """

    def __init__(self, record: GameRecord, game: Game) -> None:
        if len(game.actions) != record.action_count():
            raise SaveError(record.where, f"the game has {len(game.actions)} actions but the save holds "
                            f"{record.action_count()}", "use Session.resume to continue a saved game")
        self.record = record
        self.game = game

    @classmethod
    def new(cls, target: str | Path, scenario: Scenario, seed: int, seats: list[SeatInfo], *,
            title: str = "") -> "Session":
        """Start a new game saved at ``target`` (file path or database URL)."""
        record = GameRecord.create(target, scenario, seed, seats, title=title)
        try:
            return cls(record, record.load(check=False))
        except BaseException:
            record.close()
            raise

    @classmethod
    def resume(cls, target: str | Path, game_id: int | None = None, *, check: bool = True) -> "Session":
        """Open a saved game to continue playing it.

        With ``check`` (the default) the whole save must verify (every action recomputed to the
        digests it recorded, :meth:`GameRecord.verify`) before anything is appended to it; a
        damaged or edited save, or one saved under other rules, raises :class:`SaveError` and
        is left as it was (pass ``check=False`` to continue it anyway under the current rules).
        """
        record = GameRecord.open(target, game_id)
        try:
            if check:
                refuse_unverified(record)
            return cls(record, record.load(check=check))
        except BaseException:
            record.close()
            raise

    def apply(self, action: Action) -> list[Event]:
        """Apply ``action`` and commit it; an illegal action raises ``IllegalAction`` and saves nothing."""
        if self.record.readonly:
            raise SaveError(self.record.where, "is open read-only", "open it for writing to continue playing")
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
        self.record.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
