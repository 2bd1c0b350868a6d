"""Built-in computer players beat random legal play in every seat (issue 14), paired by seed:
the same game with the seat played by the balanced bot scores higher than with the seat played
by a random legal player (the other three seats balanced in both)."""
from __future__ import annotations


import pytest

from paired_support import paired_effect, paired_scores
from wargame import load_scenario
from wargame.bots import make_bots, play_bots
from wargame.random_player import RandomPlayer
from wargame.rules.game import Game
from wargame.types import SEATS

SCENARIO = load_scenario("pact-2026")


def test_the_random_player_is_legal_and_reproducible():
    a, b = Game(SCENARIO, 4), Game(SCENARIO, 4)
    for g in (a, b):
        players = {**make_bots(4), "riyadh": RandomPlayer("riyadh", 4)}
        play_bots(g, players)  # apply() raises on an illegal action
        assert g.state.over
    assert a.digest() == b.digest()


@pytest.mark.parametrize("seat", SEATS)
def test_the_balanced_bot_beats_random_legal_play(seat):
    diffs = [-d for d in paired_scores(SCENARIO, seat, range(1, 21),
                                       lambda seed: {**make_bots(seed), seat: RandomPlayer(seat, seed)})]
    mean, half = paired_effect(diffs)
    assert mean - half > 0, (seat, mean, half)
