"""Conformance in the manner of OpenSpiel's: after every action of seeded random games, the
game is cloned and also serialised and reloaded (to_dict, json.dumps, json.loads, from_dict);
the same next action is applied to all three copies and their digests must agree, legal or
not. Random choices include undos, so the phase snapshot is exercised across reloads too."""
from __future__ import annotations

import json
import random

import pytest

from wargame import Game, IllegalAction
from wargame import actions as A

from test_engine_helpers import scenario


def _choose(g: Game, rnd: random.Random) -> A.Action:
    seat = rnd.choice(g.acting_seats())
    u = rnd.random()
    if g.phase != "crisis" and u < 0.35:
        return A.EndPhase(seat)
    if g.phase != "crisis" and u < 0.45:
        return A.Undo(seat)
    return rnd.choice(g.legal_actions(seat))


def _apply(g: Game, action: A.Action) -> str:
    try:
        g.apply(action)
    except IllegalAction as err:
        return err.code
    return "ok"


@pytest.mark.parametrize("seed", [3, 11, 2026])
def test_clone_and_reload_stay_in_step(seed: int) -> None:
    rnd = random.Random(seed)
    g = Game(scenario(), seed)
    steps = 0
    while not g.over:
        action = _choose(g, rnd)
        reloaded = Game.from_dict(json.loads(json.dumps(g.to_dict())))
        cloned = g.clone()
        assert reloaded.digest() == cloned.digest() == g.digest()
        results = {_apply(copy, action) for copy in (g, reloaded, cloned)}
        assert len(results) == 1, (steps, action, results)
        assert reloaded.digest() == cloned.digest() == g.digest(), (steps, action)
        assert reloaded.acting_seats() == g.acting_seats()
        steps += 1
        assert steps < 3000, "a random game should end"
    assert g.turn == g.scenario.meta.turns
