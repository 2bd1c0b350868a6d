"""Scripted computer players for experiments: fixed crisis rules and closed channels."""
from __future__ import annotations

import pytest

from wargame.rules.crisis import LEVEL
from wargame.rules.game import Game
from wargame.styles_extra import CHANNELS, ScriptedBot, action_key
from wargame.types import SEATS

from test_engine_helpers import scenario


def play(seed: int, **kwargs) -> Game:
    """One seeded game, every seat a ScriptedBot with ``kwargs`` for ``kwargs.pop('seat')`` or all."""
    seat = kwargs.pop("seat", None)
    g = Game(scenario(), seed)
    bots = {s: ScriptedBot(s, seed, **(kwargs if seat in (None, s) else {})) for s in SEATS}
    while not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
    return g


def test_defect_never_honours_and_honour_always_does():
    tested = {"defect": [], "honour": []}
    for seed in range(12):
        for rule in tested:
            g = play(seed, seat="riyadh", crisis=rule)
            tested[rule] += [LEVEL[c.responses.get("riyadh", "none")] >= c.obligations["riyadh"]
                             for c in g.state.crises
                             if c.target != "riyadh" and c.obligations.get("riyadh", 0) >= 1]
    assert tested["defect"] and not any(tested["defect"])
    assert tested["honour"] and sum(tested["honour"]) / len(tested["honour"]) > 0.9


def test_a_closed_channel_is_never_taken():
    used = set()
    for seed in range(6):
        g = play(seed, closed=CHANNELS["finance"] + CHANNELS["layers"])
        used |= {action_key(a) for a in g.actions}
    assert not used & set(CHANNELS["finance"] + CHANNELS["layers"])
    assert "arms_sale" in used  # the other channels stay open


def test_unknown_crisis_rule_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="defect"):
        ScriptedBot("riyadh", 0, crisis="sometimes")
