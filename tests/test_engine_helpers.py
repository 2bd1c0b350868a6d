"""Shared helpers for the engine tests (no tests here; imported by the test_* modules).

Scenario figures are read from the game's parameters, never hard-coded, so the tests keep
passing when the scenario is re-tuned on purpose.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from wargame import Game, load_scenario
from wargame import actions as A
from wargame.actions import make_terms
from wargame.scenario import Scenario
from wargame.state import Commitment


@lru_cache(maxsize=1)
def scenario() -> Scenario:
    """The default scenario (validated once)."""
    return load_scenario("pact-2026")


def new_game(seed: int = 1, crises: bool = False) -> Game:
    """A game in the first quarter's diplomacy phase (``crises=False``: crisis cap set to 0)."""
    g = Game(scenario(), seed)
    if not crises:
        g.state.params["crisis_cap"] = 0.0
        rebase(g)
    return g


def rebase(g: Game) -> None:
    """Retake the phase's undo snapshot after a test changed the state directly."""
    from wargame.state import snapshot
    g.state.phase_base = snapshot(g.state)


def set_budget(g: Game, seat: str, amount: int) -> None:
    """Set a seat's budget as if the difference came from outside (keeps the money books)."""
    s = g.state.seats[seat]
    g.state.external += amount - s.budget
    s.budget = amount


def money_total(g: Game) -> int:
    """Budgets plus reserves of every seat, less the money that entered from outside."""
    return sum(s.budget + s.reserves for s in g.state.seats.values()) - g.state.external


def end_phase(g: Game) -> None:
    """Every seat still acting ends the phase (diplomacy or investment)."""
    for seat in list(g.acting_seats()):
        g.apply(A.EndPhase(seat))


def to_phase(g: Game, phase: str) -> None:
    """Advance (ending phases, answering crises with 'none') until ``phase`` starts."""
    guard = 0
    while g.phase != phase and not g.over:
        step(g)
        guard += 1
        assert guard < 100, "the game does not advance"


def step(g: Game, response: str = "none") -> None:
    """End the current phase, or answer the crisis under way with ``response``."""
    if g.phase == "crisis":
        assert g.state.crisis is not None
        for seat in list(g.acting_seats()):
            g.apply(A.Respond(seat, g.state.crisis.id, response))
    else:
        end_phase(g)


def next_quarter(g: Game, response: str = "none") -> None:
    """Play on to the diplomacy phase of the next quarter (its events have run)."""
    turn = g.turn
    guard = 0
    while not g.over and (g.turn == turn or g.phase != "diplomacy"):
        step(g, response)
        guard += 1
        assert guard < 100


def sign(g: Game, sender: str, deal: str, to: str | tuple[str, ...], public: bool = True,
         **terms: Any) -> Commitment:
    """Propose a deal and have every recipient accept it; returns the commitment it made or changed."""
    recipients = (to,) if isinstance(to, str) else tuple(to)
    before = set(g.state.commitments)
    g.apply(A.Propose(sender, deal, recipients, make_terms(**terms), public))
    pid = f"p{g.state.counter}"
    for seat in recipients:
        g.apply(A.Accept(seat, pid))
    assert g.state.proposals[pid].status == "accepted"
    new = [cid for cid in g.state.commitments if cid not in before]
    if new:
        return g.state.commitments[new[-1]]
    target = terms.get("pact") or terms.get("loan")
    return g.state.commitments[str(target)]


def fields(g: Game) -> dict[str, Any]:
    """The state's dict form without the bookkeeping that an undo keeps (counts, id counter, snapshot).

    An undo keeps the id counter: an id is never given twice, even to replace a withdrawn proposal.
    """
    from wargame.state import state_to_dict
    data = state_to_dict(g.state)
    for key in ("action_count", "event_count", "phase_base", "phase_actions", "counter"):
        data.pop(key)
    return data
