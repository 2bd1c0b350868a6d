"""Fair scores (issue 14): every seat judged against its own par; defecting no longer pays.

Measured over seeded games of computer play. The stored par must still describe balanced play
(a change to the rules or the bots that moves it fails here until ``tools/score_reference.py``
is run again); under balanced bots no seat wins more than 40% of games or fewer than 10%;
always falling short of crisis obligations costs every seat points; computer players honour
about three obligations in four, as an outcome of prices rather than a table.
"""
from __future__ import annotations

import math

import pytest

from paired_support import paired_effect, paired_scores
from wargame import load_scenario
from wargame.bots import make_bots, play_bots
from wargame.par import measure_par
from wargame.rules.crisis import LEVEL
from wargame.rules.game import Game
from wargame.rules.scoring import ranked
from wargame.styles_extra import ScriptedBot
from wargame.types import SEATS

SCENARIO = load_scenario("pact-2026")
OUT_OF_SAMPLE = range(5001, 5161)
"""Seeds the stored par was not measured on (it used 1..400)."""


@pytest.fixture(scope="module")
def balanced_games() -> list[Game]:
    games = []
    for seed in OUT_OF_SAMPLE:
        g = Game(SCENARIO, seed)
        play_bots(g, make_bots(seed))
        games.append(g)
    return games


@pytest.mark.parametrize("sid", ["pact-2026", "us-recommits-2026", "tutorial-riyadh"])
def test_the_stored_par_still_describes_balanced_play(sid):
    scenario = load_scenario(sid)
    fresh = measure_par(scenario, 40, seed=3001)
    for seat in SEATS:
        stored = scenario.par[seat]
        mean, sd = stored.mean[-1], stored.sd[-1]
        # 40 fresh games: their mean lies within 4 standard errors of the stored mean
        assert abs(fresh[seat]["mean"][-1] - mean) <= 4 * sd / math.sqrt(40) + 0.3, \
            (sid, seat, fresh[seat]["mean"][-1], mean, "run tools/score_reference.py")
        assert 0.5 * sd <= fresh[seat]["sd"][-1] <= 2 * sd, (sid, seat)


def test_no_seat_wins_more_than_two_games_in_five_or_fewer_than_one_in_ten(balanced_games):
    wins = {s: 0 for s in SEATS}
    for g in balanced_games:
        wins[ranked(g.scores())[0][0]] += 1
    shares = {s: wins[s] / len(balanced_games) for s in SEATS}
    assert all(0.10 <= v <= 0.40 for v in shares.values()), shares


def test_the_winner_is_not_simply_the_highest_raw_score(balanced_games):
    """Washington's brief scores highest by construction; against par it wins only its share."""
    raw_wins = sum(1 for g in balanced_games if max(g.scores().items(), key=lambda kv: kv[1].total)[0] == "washington")
    fair_wins = sum(1 for g in balanced_games if ranked(g.scores())[0][0] == "washington")
    assert raw_wins / len(balanced_games) > 0.6 and fair_wins / len(balanced_games) <= 0.40


def test_computer_players_honour_about_three_obligations_in_four(balanced_games):
    met = tests = 0
    for g in balanced_games:
        for c in g.state.crises:
            for seat, need in c.obligations.items():
                if seat != c.target and need > 0:
                    tests += 1
                    met += LEVEL[c.responses.get(seat, "none")] >= need
    assert tests > 300
    assert 0.65 <= met / tests <= 0.85, met / tests


@pytest.mark.parametrize("seat", SEATS)
def test_always_defecting_loses_points_for_every_seat(seat):
    diffs = paired_scores(SCENARIO, seat, range(7001, 7041), lambda seed: {
        s: ScriptedBot(s, seed, "balanced", "defect" if s == seat else "bot") for s in SEATS})
    mean, half = paired_effect(diffs)
    assert mean + half < 0, (seat, mean, half)
