"""Integration is slow and ordered, and track 2 reaches the crisis (issue 14).

Over seeded balanced games the Saudi-Pakistani pact stays well below NATO after twelve
quarters and its habit never reaches 1.0; a layer proposed before its prerequisite is refused
with a reason naming the missing layer; exercise habit needs a planning cell and grows half as
fast without a command; arms and co-production between members raise the pact's integration,
so that closing finance and industry lowers the members' real deterrence, paired by seed.
"""
from __future__ import annotations

import math
import statistics
from functools import lru_cache

import pytest

from test_engine_helpers import new_game, next_quarter, scenario, sign, to_phase
from wargame import Game
from wargame import actions as A
from wargame.actions import make_terms
from wargame.rules.deterrence import integration, pact_deterrence, seat_deterrence
from wargame.styles_extra import CHANNELS, ScriptedBot
from wargame.types import SEATS

SEEDS = range(1, 61)
CLOSED = CHANNELS["finance"] + CHANNELS["industry"]
MEMBERS = ("riyadh", "islamabad")


@lru_cache(maxsize=2)
def games(closed: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """Seeded games of balanced bots at every seat (``closed``: channels no seat uses)."""
    out = []
    for seed in SEEDS:
        g = Game(scenario(), seed)
        bots = {s: ScriptedBot(s, seed, "balanced", "bot", closed) for s in SEATS}
        at_4 = None
        while not g.over:
            if g.state.turn == 5 and at_4 is None:
                at_4 = integration(g, g.state.commitments["smda"])
            g.apply(bots[g.acting_seats()[0]].choose(g))
        smda = g.state.commitments["smda"]
        out.append({"seed": seed, "at_4": at_4, "end": integration(g, smda),
                    "nato": integration(g, g.state.commitments["nato"]), "habit": smda.layers["habit"],
                    "kit": smda.layers.get("kit", 0.0), "pact_real": pact_deterrence(g, smda)[0],
                    "members_real": statistics.mean(seat_deterrence(g, s)[0] for s in MEMBERS)})
    return tuple(out)


def test_the_pact_stays_well_below_nato_in_twelve_quarters():
    runs = games()
    end = statistics.mean(r["end"] for r in runs)
    nato = statistics.mean(r["nato"] for r in runs)
    assert statistics.mean(r["at_4"] for r in runs) < end  # it does integrate, slowly
    assert end < 0.6
    assert nato - end > 0.25
    start = new_game().state.commitments["smda"].layers["habit"]
    per_quarter = (statistics.mean(r["habit"] for r in runs) - start) / scenario().meta.turns
    assert 0.01 < per_quarter < 0.05  # a few hundredths a quarter
    assert sum(1 for r in runs if r["habit"] >= 0.99) <= len(runs) // 50


@pytest.mark.parametrize("layer, before, missing, then", [
    ("command", {}, "joint planning cell", {"planning": True}),
    ("exercises", {}, "joint planning cell", {"planning": True}),
    ("interop", {"planning": True}, "combined command", {"command": 1}),
    ("interop", {"planning": True, "command": 1, "interop": 2}, "unified command", {"command": 2}),
])
def test_a_layer_before_its_prerequisite_is_refused_naming_it(layer, before, missing, then):
    g = new_game()
    g.state.commitments["smda"].layers.update(before)
    action = A.Propose("riyadh", "layer", ("islamabad",), make_terms(pact="smda", layer=layer))
    reason = g.check(action)
    assert reason is not None and missing in reason and "first" in reason
    g.state.commitments["smda"].layers.update(then)
    assert g.check(action) is None  # with the prerequisite in place the same proposal is legal


def _visible_exercise_gain(layers: dict) -> float:
    g = new_game()
    smda = g.state.commitments["smda"]
    smda.layers.update(layers)
    to_phase(g, "investment")
    habit = smda.layers["habit"]
    g.apply(A.ShowExercise("riyadh", "smda"))
    return smda.layers["habit"] - habit


def test_habit_needs_a_planning_cell_and_grows_slower_without_command():
    none = _visible_exercise_gain({})
    planned = _visible_exercise_gain({"planning": True})
    commanded = _visible_exercise_gain({"planning": True, "command": 1})
    assert none == 0.0
    assert 0 < planned < commanded
    assert planned == pytest.approx(commanded / 2, abs=1e-4)
    assert commanded < 0.05  # a few hundredths, not a leap


def test_the_exercise_programme_builds_habit_a_few_hundredths_a_quarter():
    g = new_game()
    smda = g.state.commitments["smda"]
    smda.layers.update(planning=True, command=1, exercises=True)
    gains = []
    for _ in range(4):
        habit = smda.layers["habit"]
        next_quarter(g)
        gains.append(smda.layers["habit"] - habit)
    assert all(0.01 < gain < 0.05 for gain in gains)
    assert gains == sorted(gains, reverse=True)  # what is left to learn comes slower


def test_arms_between_members_raise_their_pacts_integration():
    g = new_game()
    smda = g.state.commitments["smda"]
    sign(g, "riyadh", "arms_sale", "washington", seller="washington", buyer="riyadh", domain="air",
         value=2000, turns=4)
    next_quarter(g)
    next_quarter(g)
    assert smda.layers.get("kit", 0.0) == 0.0  # Washington is not an SMDA member
    sign(g, "riyadh", "arms_sale", "islamabad", seller="islamabad", buyer="riyadh", domain="air",
         value=2000, turns=4)
    next_quarter(g)
    next_quarter(g)
    kit = smda.layers["kit"]
    assert kit == pytest.approx(2 * 1.0 * g.state.params["capability_per_bn"] / 2 * g.state.params["kit_gain"])
    shared = integration(g, smda)
    smda.layers["kit"] = 0.0
    assert shared > integration(g, smda)


def test_closing_finance_and_industry_lowers_the_pacts_real_deterrence():
    """Paired by seed: without finance and industry the members end with less real deterrence
    (less capability and less shared equipment), and the pact's own real index is lower."""
    open_, shut = games(), games(CLOSED)
    diffs = [b["members_real"] - a["members_real"] for a, b in zip(open_, shut)]
    mean = statistics.mean(diffs)
    half = 1.96 * statistics.stdev(diffs) / math.sqrt(len(diffs))
    assert mean + half < 0
    assert statistics.mean(b["kit"] - a["kit"] for a, b in zip(open_, shut)) < -0.2
    assert statistics.mean(b["pact_real"] - a["pact_real"] for a, b in zip(open_, shut)) < 0
