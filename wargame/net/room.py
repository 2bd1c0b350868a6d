""":class:`GameRoom`: the hosted game itself, without the network: who may do what, and what each
role is sent.

The room owns a storage :class:`~wargame.storage.Session` (the save and its writer lock), the
computer players, the join codes and the ledger of action ids. Every action goes through
``Session.apply``, so the engine is the only judge of the rules; the room only checks that a
client acts for its own role. What a role is sent is the engine's: ``seat_view(game, role)``
(the facilitator's omniscient, the projector's public) and the events whose ``visible_to``
admits the role.

Everything here is synchronous and not thread-safe: :class:`wargame.net.host.GameHost` calls it
from one worker thread, one call at a time.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable, Iterable

from wargame.actions import Action, action_from_dict
from wargame.errors import IllegalAction
from wargame.events import Event
from wargame.net.codes import JoinCodes
from wargame.net.ledger import ActionLedger
from wargame.net.protocol import PUBLIC_ROLE, Act, Events, Result, View, Welcome
from wargame.rules.seat_view import seat_view
from wargame.storage import SaveError, Session
from wargame.types import FACILITATOR, SEAT_NAMES, SEATS

if TYPE_CHECKING:
    from wargame.players import Player
    from wargame.rules.game import Game


def refusal(role: str, action: Action, computer: Iterable[str]) -> str | None:
    """Why a client of ``role`` may not send ``action`` (``None``: it may; the rules decide)."""
    if role == PUBLIC_ROLE:
        return "the projector shows the public view and takes no actions"
    if role == FACILITATOR:
        if action.seat != FACILITATOR:
            return (f"the facilitator's client takes facilitator actions only, not "
                    f"{SEAT_NAMES.get(action.seat, action.seat)}'s")
        return None
    if action.seat != role:
        return (f"this client plays {SEAT_NAMES[role]}; it cannot act for "
                f"{SEAT_NAMES.get(action.seat, repr(action.seat))}")
    if role in computer:
        return f"{SEAT_NAMES[role]} is played by the computer in this game"
    return None


class GameRoom:
    """A saved game played over the network: ``session`` with ``players`` for its computer seats."""

    def __init__(self, session: Session, players: dict[str, "Player"], codes: JoinCodes | None = None,
                 log: Callable[[str], None] | None = None) -> None:
        self.session = session
        self.players = dict(players)
        self.codes = codes if codes is not None else JoinCodes.for_record(session.record)
        self.ledger = ActionLedger(session.record)
        self.log = log or (lambda text: None)
        settled = self.ledger.settle()
        if settled:
            self.log(settled)
        self._events: list[list[Event]] = []
        self._read_log()

    def _read_log(self) -> None:
        """The events of every log entry, as saved (entry 0: the opening events)."""
        self._events = [list(e.events) for e in self.session.record.entries()]

    @property
    def game(self) -> "Game":
        """The game as the save holds it now."""
        return self.session.game

    @property
    def log_index(self) -> int:
        """The index of the last log entry (the number of actions applied)."""
        return len(self.session.game.actions)

    # ------------------------------------------------------------------ what a role is sent
    def welcome(self, role: str) -> Welcome:
        """The answer to a right join code."""
        return Welcome(role=role, scenario=self.game.scenario.meta.id, log_index=self.log_index,
                       computer_seats=[s for s in SEATS if s in self.players])

    def view(self, role: str) -> View:
        """``role``'s whole view now."""
        viewer = None if role == FACILITATOR else role
        return View(log_index=self.log_index, view=seat_view(self.game, viewer).to_dict())

    def events(self, role: str, index: int) -> Events | None:
        """The events of log entry ``index`` that ``role`` may see (``None``: none)."""
        seen = [e.to_dict() for e in self._events[index] if e.visible_to(role)]
        return Events(log_index=index, events=seen) if seen else None

    def join(self, role: str, since: int | None) -> list[str]:
        """What a client joining as ``role`` is sent: the welcome, the events of the entries
        after ``since`` (all of them for a first join), then the view."""
        first = 0 if since is None else min(since + 1, self.log_index + 1)
        return [self.welcome(role).to_json(), *self._event_texts(role, first), self.view(role).to_json()]

    def updates(self, first: int, roles: Iterable[str]) -> dict[str, list[str]]:
        """For each of ``roles``: the events of entries ``first`` to now it may see, then its view."""
        return {role: [*self._event_texts(role, first), self.view(role).to_json()] for role in set(roles)}

    def _event_texts(self, role: str, first: int) -> list[str]:
        found = (self.events(role, i) for i in range(first, self.log_index + 1))
        return [m.to_json() for m in found if m is not None]

    # ------------------------------------------------------------------ acting
    def act(self, role: str, msg: Act) -> Result:
        """Apply ``msg``'s action for a client of ``role``, or refuse it; an id answered before
        gets that answer again and nothing is applied."""
        known = self.ledger.recall(role, msg.action_id)
        if known is not None:
            return known
        try:
            action = action_from_dict(msg.action)
        except (ValueError, TypeError) as err:
            return self._answer(role, Result(action_id=msg.action_id, accepted=False,
                                             reason=f"not an action: {err}", code="form"))
        reason = refusal(role, action, self.players)
        if reason is not None:
            return self._answer(role, Result(action_id=msg.action_id, accepted=False, reason=reason,
                                             code="seat"))
        index = self.log_index + 1
        self.ledger.begin(role, msg.action_id, index, action.to_dict())
        try:
            self._apply(action)
        except IllegalAction as err:
            return self._answer(role, Result(action_id=msg.action_id, accepted=False,
                                             reason=err.reason, code=err.code))
        except SaveError as err:  # not kept: the action is not in the save, a retry may go in
            self._read_log()
            return Result(action_id=msg.action_id, accepted=False, reason=str(err), code="save")
        return self._answer(role, Result(action_id=msg.action_id, accepted=True, log_index=index))

    def _answer(self, role: str, result: Result) -> Result:
        self.ledger.answer(role, result)
        return result

    def _apply(self, action: Action) -> None:
        events = self.session.apply(action)
        self._events.append(list(events))

    def computer_move(self) -> bool:
        """Let one computer seat that may act now make its move; ``False`` if none can."""
        game = self.game
        mover = next((s for s in game.acting_seats() if s in self.players), None)
        if mover is None:
            return False
        action = self.players[mover].choose(game)
        try:
            self._apply(action)
        except IllegalAction as err:  # a computer player's mistake: say so, stop its moves
            print(f"error: the computer player of {SEAT_NAMES[mover]} chose a move the rules refuse "
                  f"({err.reason}); it plays no more in this run", file=sys.stderr)
            del self.players[mover]
        except SaveError:
            self._read_log()
            raise
        return True

    def close(self) -> None:
        """Close the save (and release its writer lock)."""
        self.session.close()
