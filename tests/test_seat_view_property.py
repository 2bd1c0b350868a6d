"""Property (issue 10): over seeded random games, a seat's view never moves when two other seats
make a secret deal: whether only proposed or signed, at any point of any game.

The secret deal is an alliance (no money moves, so public stress is untouched; docs/information.md
explains why a secret transfer may visibly relieve stress). The games are played by the computer
players from a drawn seed for a drawn number of moves.
"""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wargame import Game
from wargame import actions as A
from wargame.bots import make_bots
from wargame.errors import IllegalAction
from wargame.rules.seat_view import PUBLIC, seat_view
from wargame.types import SEATS


def _played(seed: int, moves: int) -> Game:
    """A game of the computer players, stopped as a diplomacy phase opens after ``moves`` moves
    (every seat may still propose)."""
    g = Game("pact-2026", seed)
    bots = make_bots(seed)
    done, fresh = 0, True
    while not g.over and (done < moves or g.state.phase != "diplomacy" or not fresh):
        before = g.state.phase
        seat = g.acting_seats()[0]
        g.apply(bots[seat].choose(g))
        fresh = g.state.phase != before
        done += 1
    return g


def _secret_alliance(g: Game, viewer: str, sign: bool) -> Game | None:
    """A clone of ``g`` where two seats other than ``viewer`` proposed (and maybe signed) a
    secret alliance; None when no such pair may do so now."""
    others = [s for s in SEATS if s != viewer]
    for sender, to in itertools.permutations(others, 2):
        trial = g.clone()
        try:
            trial.apply(A.Propose(sender, "agreement", (to,), A.make_terms(clause="assistance"), False))
            if sign:
                trial.apply(A.Accept(to, trial.open_proposals(to)[-1].id))
        except IllegalAction:
            continue
        return trial
    return None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), moves=st.integers(0, 90), viewer=st.sampled_from([*SEATS, PUBLIC]),
       sign=st.booleans())
def test_a_secret_deal_between_others_moves_nothing_a_seat_sees(seed, moves, viewer, sign):
    g = _played(seed, moves)
    if g.over:
        return
    secret = _secret_alliance(g, viewer, sign)
    if secret is None:
        return
    assert secret.state.proposals != g.state.proposals or secret.state.commitments != g.state.commitments
    assert seat_view(secret, viewer).to_dict() == seat_view(g, viewer).to_dict()


def test_the_property_is_not_vacuous():
    """On a fixed seed the secret deal is made, and its parties do see it."""
    g = _played(5, 30)
    secret = _secret_alliance(g, "washington", True)
    assert secret is not None
    parties = next(c.parties for c in secret.state.commitments.values() if c.id not in g.state.commitments)
    assert seat_view(secret, parties[0]).to_dict() != seat_view(g, parties[0]).to_dict()
