"""The one object between the Qt views and the engine: :class:`GameController`.

Every change goes through :meth:`GameController.apply`, which applies the action through the
storage session (so it is saved at once) or the bare game, then fans the produced events out
through ``changed``. The controller also plays the computer seats, one action per timer tick,
and tracks which human seat is in control (for hot-seat privacy). It holds no rules: legality
and reasons always come from the engine (``game.check``, ``game.unavailable``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from wargame import actions as A
from wargame.actions import Action
from wargame.errors import IllegalAction, WargameError
from wargame.events import Event
from wargame.rules.changes import ApplyResult
from wargame.rules.game import Game
from wargame.types import SEAT_NAMES, SEATS

PERSON = "person"
COMPUTER = "computer"


class GameController(QObject):
    """Holds the :class:`Game` (and the storage session) and applies every action.

    Signals:
        changed(object): the events an applied action produced (possibly empty), a list
            with the engine's change flags as ``.changes`` (see ``wargame.rules.changes``).
        error(str): a refused action or a storage failure, as a sentence for the player.
        crisisStarted(object): a crisis test began (the ``wargame.state.Crisis``).
        gameOver(): the last quarter was assessed.
        actingSeatChanged(str): the human seat now in control ("" when none).
        botActivity(str): the computer seat about to move ("" when the computer is idle).
        sessionChanged(): the game now lives in another file (Save As, reopen).
        saveAdvanced(str): the save was changed elsewhere; the session reloaded the game and
            the move was not applied (the message says which): the window starts over on it.
    """

    changed = Signal(object)
    error = Signal(str)
    crisisStarted = Signal(object)
    gameOver = Signal()
    actingSeatChanged = Signal(str)
    botActivity = Signal(str)
    sessionChanged = Signal()
    saveAdvanced = Signal(str)

    def __init__(self, game: Game, players: Mapping[str, str] | None = None,
                 styles: Mapping[str, str] | None = None, session: Any = None,
                 parent: QObject | None = None, bot_interval_ms: int = 150,
                 levels: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self._game = game
        self._session = session
        self.players: dict[str, str] = {s: (players or {}).get(s, PERSON) for s in SEATS}
        self.styles: dict[str, str] = {s: (styles or {}).get(s, "balanced") for s in SEATS}
        from wargame.players import DEFAULT_LEVEL, make_player  # difficulty levels (the new-game screen)
        self.levels: dict[str, str] = {s: (levels or {}).get(s, DEFAULT_LEVEL) for s in SEATS}
        self._bots = {s: make_player(self.levels[s], s, game.seed, self.styles[s])
                      for s in SEATS if self.players[s] == COMPUTER}
        self._control: str | None = None
        self._announced_crisis: str | None = None
        self._over_announced = game.over
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(bot_interval_ms)
        self._timer.timeout.connect(self._step_bot)
        crisis = game.state.crisis
        if game.phase == "crisis" and crisis is not None:
            self._announced_crisis = crisis.id  # a resumed crisis: the window asks on show
        self._update_control(emit=False)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_session(cls, session: Any, parent: QObject | None = None,
                     bot_interval_ms: int = 150, levels: Mapping[str, str] | None = None) -> "GameController":
        """A controller over a storage session (players and styles from the record's seats;
        ``levels``: the computer seats' difficulty, balanced if not given)."""
        players = {i.seat: i.player for i in session.record.seats}
        styles = {i.seat: i.style for i in session.record.seats}
        return cls(session.game, players, styles, session=session, parent=parent,
                   bot_interval_ms=bot_interval_ms, levels=levels)

    # ------------------------------------------------------------------ facts
    @property
    def game(self) -> Game:
        """The running game (read it; change it only through :meth:`apply`)."""
        return self._game

    @property
    def session(self) -> Any:
        """The storage session, or None for a game that is not saved."""
        return self._session

    @property
    def path(self) -> Path | None:
        """The save file, if any."""
        record = getattr(self._session, "record", None)
        path = getattr(record, "path", None) or getattr(self._session, "path", None)
        return Path(path) if path else None

    def is_human(self, seat: str) -> bool:
        """Whether a person plays ``seat``."""
        return self.players.get(seat) == PERSON

    def humans(self) -> list[str]:
        """The seats played by people, in seat order."""
        return [s for s in SEATS if self.is_human(s)]

    def seat_label(self, seat: str) -> str:
        """'Riyadh' or 'Washington (computer)'."""
        name = SEAT_NAMES.get(seat, seat)
        return name if self.is_human(seat) else f"{name} (computer)"

    @property
    def control(self) -> str | None:
        """The human seat in control now (whose private view is shown); None with no human seat."""
        return self._control

    def acting_humans(self) -> list[str]:
        """Human seats that may act now."""
        return [s for s in self._game.acting_seats() if self.is_human(s)]

    def next_bot(self) -> str | None:
        """The computer seat that will move next, if any."""
        if self._game.over:
            return None
        return next((s for s in self._game.acting_seats() if s in self._bots), None)

    @property
    def bots_busy(self) -> bool:
        """Whether a computer seat still has to move."""
        return self.next_bot() is not None

    # ------------------------------------------------------------------ applying
    def check(self, action: Action) -> str | None:
        """The engine's reason why ``action`` is illegal now, or None."""
        return self._game.check(action)

    def apply(self, action: Action) -> ApplyResult | None:
        """Apply ``action`` (and save it); emit ``changed`` or ``error``.

        Returns the events with the engine's change flags (``.changes``), or None if refused."""
        try:
            if self._session is not None:
                self._session.game.track_changes = True  # the views redraw from exact flags
                events = self._session.apply(action)
                self._game = self._session.game
            else:
                self._game.track_changes = True
                events = self._game.apply(action)
        except IllegalAction as err:
            self.error.emit(err.reason)
            return None
        except (WargameError, OSError) as err:  # e.g. the save failed: the session reloaded its game
            if self._session is not None:
                self._game = self._session.game
                from wargame.storage.lock import SaveAdvanced  # loaded with the session
                if isinstance(err, SaveAdvanced):  # written elsewhere: the window starts over
                    self._timer.stop()
                    self.saveAdvanced.emit(str(err))
                    return None
            self.error.emit(str(err))
            return None
        self._after(events)
        return events

    def _after(self, events: list[Event]) -> None:
        self.changed.emit(events)
        g = self._game
        crisis = g.state.crisis
        if g.phase == "crisis" and crisis is not None and crisis.id != self._announced_crisis:
            self._announced_crisis = crisis.id
            self.crisisStarted.emit(crisis)
        self._update_control()
        if g.over and not self._over_announced:
            self._over_announced = True
            self.gameOver.emit()
        self.schedule_bots()

    def _update_control(self, emit: bool = True) -> None:
        acting = self.acting_humans()
        new = self._control
        if new not in acting:
            if acting:
                new = acting[0]
            elif new is None and self.humans():
                new = self.humans()[0]
        if new != self._control:
            self._control = new
            if emit:
                self.actingSeatChanged.emit(new or "")

    # ------------------------------------------------------------------ computer seats
    def set_bot_interval(self, ms: int) -> None:
        """Milliseconds between two computer moves (0: as fast as the event loop allows)."""
        self._timer.setInterval(ms)

    def set_paused(self, paused: bool) -> None:
        """Stop or resume the computer seats."""
        self._paused = paused
        if paused:
            self._timer.stop()
            self.botActivity.emit("")
        else:
            self.schedule_bots()

    @property
    def paused(self) -> bool:
        """Whether the computer seats are stopped."""
        return self._paused

    def schedule_bots(self) -> None:
        """Start the timer if a computer seat has to move (one action per tick)."""
        mover = None if self._paused else self.next_bot()
        if mover is None:
            self._timer.stop()
            self.botActivity.emit("")
            return
        self.botActivity.emit(mover)
        if not self._timer.isActive():
            self._timer.start()

    def _step_bot(self) -> None:
        mover = None if self._paused else self.next_bot()
        if mover is None:
            self.botActivity.emit("")
            return
        action = self._bots[mover].choose(self._game)
        if self.apply(action) is None:  # never expected: bots only pick legal actions
            self._paused = True
            self.botActivity.emit("")

    def run_bots_now(self, limit: int = 10_000) -> int:
        """Play every pending computer move at once (tests, screenshots). Returns the count."""
        count = 0
        while count < limit and not self._paused:
            mover = self.next_bot()
            if mover is None:
                break
            if self.apply(self._bots[mover].choose(self._game)) is None:
                break
            count += 1
        return count

    # ------------------------------------------------------------------ files
    def replace_session(self, session: Any) -> None:
        """Continue in another session (after Save As): same game, new file. The old session
        is closed (its file's play lock released)."""
        old, self._session = self._session, session
        self._game = session.game
        if old is not None and old is not session:
            try:
                old.close()
            except Exception:  # closing must never raise in the UI
                pass
        self.sessionChanged.emit()

    def detach_session(self) -> Any:
        """Hand the storage session over (to a new controller): this one no longer closes it."""
        self._timer.stop()
        session, self._session = self._session, None
        return session

    def close(self) -> None:
        """Stop the computer seats and close the save file."""
        self._timer.stop()
        record = getattr(self._session, "record", None)
        closer = getattr(self._session, "close", None) or getattr(record, "close", None)
        if closer is not None:
            try:
                closer()
            except Exception:  # closing must never raise in the UI
                pass


class ActionCommand(QUndoCommand):
    """One seat's action on its undo stack: redo applies it, undo applies the engine's ``Undo``.

    Undo goes through the engine (``Undo(seat)``), so it is recorded in the log and replay stays
    exact; a refused undo or redo marks the command obsolete and the stack drops it.
    """

    def __init__(self, controller: GameController, action: Action) -> None:
        super().__init__(action.label)
        self.controller = controller
        self.action = action

    def redo(self) -> None:
        """Apply the action (the first time, and again after an undo)."""
        if self.controller.apply(self.action) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Ask the engine to take back the seat's last action."""
        if self.controller.apply(A.Undo(self.action.seat)) is None:
            self.setObsolete(True)


class UndoHistory(QObject):
    """One QUndoStack per seat, emptied whenever the phase (or quarter) changes.

    Signals:
        stacksChanged(): a stack moved (push, undo, redo, clear), once it has settled. The
            controller's ``changed`` fires from inside a command, before the stack has moved
            its index, so labels must be refreshed from this signal, not from ``changed``.
    """

    stacksChanged = Signal()
    UNDOABLE_PHASES = ("diplomacy", "investment")

    def __init__(self, controller: GameController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.stacks: dict[str, QUndoStack] = {s: QUndoStack(self) for s in SEATS}
        for stack in self.stacks.values():  # signal to signal: Qt drops it with either end
            stack.indexChanged.connect(self.stacksChanged)
            stack.canRedoChanged.connect(self.stacksChanged)  # clear() at index 0 moves no index
            stack.canUndoChanged.connect(self.stacksChanged)
        self._moment = (controller.game.turn, controller.game.phase)
        controller.changed.connect(self._on_changed)

    def undo_text(self, seat: str) -> str:
        """What undo would take back for ``seat``: its stack's top, else the engine's last action
        of the seat this phase (e.g. after reopening a save); "" when there is none."""
        stack = self.stacks[seat]
        if stack.canUndo():
            return stack.undoText()
        mine = [d for d in self.controller.game.state.phase_actions if d.get("seat") == seat]
        return A.action_from_dict(mine[-1]).label if mine else ""

    def redo_text(self, seat: str) -> str:
        """What redo would apply again for ``seat`` ("" when nothing was undone)."""
        stack = self.stacks[seat]
        return stack.redoText() if stack.canRedo() else ""

    def do(self, action: Action) -> None:
        """Apply a human seat's action, on its undo stack when the rules could undo it."""
        g = self.controller.game
        if g.phase in self.UNDOABLE_PHASES and action.kind not in ("end_phase", "undo") \
                and action.seat in self.stacks and g.check(action) is None:  # a refused one keeps the redo list
            self.stacks[action.seat].push(ActionCommand(self.controller, action))
            self.stacksChanged.emit()
        elif action.kind == "undo":
            self.undo(action.seat)
        else:
            self.controller.apply(action)

    def undo(self, seat: str) -> None:
        """Undo ``seat``'s last action (through its stack, or straight through the engine)."""
        stack = self.stacks[seat]
        if stack.canUndo():
            stack.undo()
        else:
            self.controller.apply(A.Undo(seat))
        self.stacksChanged.emit()  # a refused undo drops its command without moving the index

    def redo(self, seat: str) -> None:
        """Re-apply the action ``seat`` last undid."""
        self.stacks[seat].redo()
        self.stacksChanged.emit()  # a refused redo drops its command without moving the index

    def undo_reason(self, seat: str) -> str | None:
        """The engine's reason why ``seat`` cannot undo now (None: it can)."""
        return self.controller.check(A.Undo(seat))

    def redo_reason(self, seat: str) -> str | None:
        """Why ``seat`` cannot redo now (None: it can)."""
        stack = self.stacks[seat]
        if not stack.canRedo():
            return "nothing undone to redo"
        command = stack.command(stack.index())
        return self.controller.check(command.action) if isinstance(command, ActionCommand) else None

    def _on_changed(self, _events: list) -> None:
        moment = (self.controller.game.turn, self.controller.game.phase)
        if moment != self._moment:
            self._moment = moment
            for stack in self.stacks.values():
                stack.clear()
