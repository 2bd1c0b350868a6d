"""A random legal player: the baseline every built-in computer player must beat (issue 14).

It picks uniformly among the seat's legal actions now (:meth:`Game.legal_actions
<wargame.rules.game.Game.legal_actions>`), answering proposals and crises like any other move.
Its draws are seeded from (seed, seat, number of actions so far), so a game is reproducible.
"""
from __future__ import annotations

from wargame import actions as A
from wargame import rng
from wargame.actions import Action
from wargame.rules.game import Game
from wargame.types import SEATS


class RandomPlayer:
    """Plays ``seat`` by drawing one of its legal actions at random."""

    def __init__(self, seat: str, seed: int = 0) -> None:
        if seat not in SEATS:
            raise ValueError(f"unknown seat {seat!r}")
        self.seat = seat
        self.seed = seed

    def choose(self, g: Game) -> Action:
        """A legal action of the seat, drawn uniformly (ending the phase if there is none)."""
        actions = g.legal_actions(self.seat)
        if not actions:
            return A.EndPhase(self.seat)
        state = rng.seed_state(self.seed * 1_000_003 + SEATS.index(self.seat) * 7_919 + g.state.action_count)
        _, u = rng.uniform(state)
        return actions[min(len(actions) - 1, int(u * len(actions)))]
