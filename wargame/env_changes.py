"""What changed in a game since a reader last looked: everything, or only a few "light" parts.

The agent API (:mod:`wargame.env`) keeps each seat's observation and action mask, and every
seat's score for the rewards, between steps. :class:`ChangeLog` follows the game's action log
(``game.actions``, whoever applied them: the environment, its computer players or a caller) and
tells each of those readers what changed since it last looked, so that it can patch what it
holds instead of computing it again.

Most actions of a diplomacy phase are *light*: a proposal, an answer that does not complete a
deal, the end of a seat's phase. The rules (``wargame/rules/moves.py`` and ``Game.apply``) show
what they change, and :func:`light_touches` names it:

* ``propose`` (and ``counter``): a new proposal; the proposer's political capital; the
  recipients' count of offers received (``offers_received``);
* ``accept`` of a proposal that stays open (other recipients have still to answer): its answers;
* ``reject``: the proposal's answers and status;
* ``end_phase``: the seat's ``done`` flag;

besides the counters no figure reads (the id counter, the phase's action list, action and event
counts). Any other action, an ``accept`` that signs a deal, an action that ends a phase, an undo
(it replaces the state), a facilitator's action, a new game: *everything* changed.

The readers then rely on what reads those parts: proposals are read only to answer them (the
inbox), political capital only by the common check of ``Game.check`` (``PC_COST``), ``done`` only
to say who acts, ``offers_received`` only by the score of the seat that received the offers.
``tests/test_env_fast.py`` checks both halves: that a light action changes no other part of the
state, and that the patched observations and masks equal ones computed from scratch at every
step of seeded games. A state edited by hand, not through ``Game.apply``, is not seen: call
:meth:`ChangeLog.forget` (``raw_env.refresh()``) after such an edit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame.actions import Action
from wargame.rules.deterrence import memo
from wargame.types import SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

LIGHT_KINDS = frozenset({"propose", "counter", "accept", "reject", "end_phase"})
"""Action kinds that can be light (an ``accept`` only while its proposal stays open)."""


@dataclass
class Touches:
    """What changed for one reader: ``everything``, or the seats whose light parts did.

    ``pc``: political capital; ``offers``: offers received; ``inbox``: proposals addressed to the
    seat (new, answered, closed); ``acted``: seats that took a light action.
    """

    everything: bool = False
    pc: set[str] = field(default_factory=set)
    offers: set[str] = field(default_factory=set)
    inbox: set[str] = field(default_factory=set)
    acted: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.everything or bool(self.pc or self.offers or self.inbox or self.acted)


def light_touches(g: "Game", action: Action) -> Touches | None:
    """What a light action applied to ``g`` changed, or ``None`` if it was not light.

    Called after the action was applied, when no phase has ended since (the caller checks).
    """
    kind = action.kind
    seat = action.seat
    if kind not in LIGHT_KINDS or seat not in SEATS:
        return None
    t = Touches(acted={seat})
    if kind == "propose":
        to = set(getattr(action, "to", ()))
        t.pc.add(seat)
        t.offers |= to
        t.inbox |= to
    elif kind == "counter":  # a new proposal to the sender and the other recipients: say all
        t.pc.add(seat)
        t.offers |= set(SEATS)
        t.inbox |= set(SEATS)
    elif kind in ("accept", "reject"):
        prop = g.state.proposals.get(getattr(action, "proposal", ""))
        if prop is None:
            return None
        if kind == "accept" and prop.status != "open":
            return None  # the last acceptance: the deal was signed
        t.inbox |= set(prop.to)  # a rejected proposal leaves every recipient's inbox
    return t


class ChangeLog:
    """Follows one game's action log; tells readers what changed since their last look.

    A reader keeps the position :meth:`since` returned and passes it back next time. Positions
    only grow; after *everything* changed, older entries are dropped.
    """

    def __init__(self) -> None:
        self.game: "Game | None" = None
        self._state: object = None
        self._seen = 0
        self._phase: tuple[object, ...] = ()
        self._clock = 0
        self._full_at = 0
        self._entries: list[tuple[int, Touches]] = []

    def forget(self) -> None:
        """Treat the game as changed everywhere (after a new game or an edit by hand)."""
        self._clock += 1
        self._full_at = self._clock
        self._entries = []

    def sync(self, g: "Game") -> None:
        """Read the actions applied to ``g`` since the last call."""
        st = g.state
        if g is not self.game or st is not self._state:
            self.game, self._state = g, st
            self._seen = len(g.actions)
            self._phase = (st.turn, st.phase, st.over, st.held_phase)
            self.forget()
            return
        n = len(g.actions)
        if n == self._seen:
            return
        phase = (st.turn, st.phase, st.over, st.held_phase)
        if phase != self._phase:
            self.forget()
        else:
            for action in g.actions[self._seen:n]:
                touched = light_touches(g, action)
                if touched is None:
                    self.forget()
                    break
                self._clock += 1
                self._entries.append((self._clock, touched))
        self._seen, self._phase = n, phase

    @property
    def now(self) -> int:
        """The current position."""
        return self._clock

    def since(self, position: int) -> Touches:
        """What changed after ``position`` (a reader's last look; ``-1``: never looked)."""
        if position < self._full_at:
            return Touches(everything=True)
        out = Touches()
        for clock, t in reversed(self._entries):
            if clock <= position:
                break
            out.pc |= t.pc
            out.offers |= t.offers
            out.inbox |= t.inbox
            out.acted |= t.acted
        return out


# --------------------------------------------------------------------------- scores
def scores_with_figures(g: "Game", seats: tuple[str, ...] = SEATS) -> tuple[dict[str, float], dict[Any, Any]]:
    """The seats' score totals, and the deterrence figures computed on the way (the rules' memo:
    :func:`wargame.rules.deterrence.memo`), kept for :func:`rescore`."""
    with memo(g):
        totals = {s: float(g.score(s).total) for s in seats}
        figures = g._memo
    assert figures is not None
    return totals, figures


def rescore(g: "Game", seat: str, figures: dict[Any, Any] | None) -> float:
    """``seat``'s score total again when only light parts changed since ``figures`` were computed
    (deterrence reads none of them: they stay right, and only the score's own arithmetic runs)."""
    if figures is None or g._memo is not None:
        return float(g.score(seat).total)
    g._memo = figures
    try:
        return float(g.score(seat).total)
    finally:
        g._memo = None
