"""Shared helpers of the view tests: play a seeded game with the computer players."""
from __future__ import annotations

from wargame import Game
from wargame.bots import make_bots


def play(g: Game, turns: int, seed: int = 7) -> Game:
    """Let the bots play until ``turns`` quarters are done."""
    bots = make_bots(seed)
    while g.turn <= turns and not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
    return g
