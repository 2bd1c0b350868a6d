"""Determinism: the same scenario, seed and actions give identical digests after every action,
whether played live, replayed with ``Game.replay`` or continued from a reload."""
from __future__ import annotations

import json

import pytest

from wargame import Game, action_from_dict
from wargame.bots import STYLES, make_bots, play_bots
from wargame.rng import next_u32, seed_state, uniform

from test_engine_helpers import scenario


def _play(seed: int, styles=None) -> tuple[Game, list[str]]:
    g = Game(scenario(), seed)
    bots = make_bots(seed, styles=styles)
    digests = [g.digest()]
    while not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
        digests.append(g.digest())
        assert g.state.event_count == len(g.events)
    return g, digests


@pytest.mark.parametrize("seed", [0, 7, 42])
def test_same_seed_same_digests_after_every_action(seed: int) -> None:
    g1, d1 = _play(seed)
    g2, d2 = _play(seed)
    assert d1 == d2
    assert [a.to_dict() for a in g1.actions] == [a.to_dict() for a in g2.actions]
    assert [e.to_dict() for e in g1.events] == [e.to_dict() for e in g2.events]


def test_replay_reproduces_every_step() -> None:
    g, digests = _play(5, styles={"riyadh": "opportunist", "ankara": "cautious"})
    log = [action_from_dict(json.loads(json.dumps(a.to_dict()))) for a in g.actions]
    replay = Game(scenario(), 5)
    assert replay.digest() == digests[0]
    for i, action in enumerate(log, start=1):
        replay.apply(action)
        assert replay.digest() == digests[i], i
    assert Game.replay(scenario(), 5, log).digest() == digests[-1]
    assert [e.to_dict() for e in replay.events] == [e.to_dict() for e in g.events]


def test_reload_mid_game_continues_identically() -> None:
    g, digests = _play(9)
    half = len(g.actions) // 2
    first = Game.replay(scenario(), 9, g.actions[:half])
    reloaded = Game.from_dict(json.loads(json.dumps(first.to_dict())))
    for i, action in enumerate(g.actions[half:], start=half + 1):
        reloaded.apply(action)
        assert reloaded.digest() == digests[i]


def test_bots_choose_the_same_after_a_reload() -> None:
    g, _ = _play(13)
    for cut in (10, 60, 150):
        live = Game.replay(scenario(), 13, g.actions[:cut])
        reloaded = Game.from_dict(live.to_dict())
        seat = live.acting_seats()[0]
        bots = make_bots(13)
        assert bots[seat].choose(live) == bots[seat].choose(reloaded) == g.actions[cut]


def test_different_seeds_differ() -> None:
    assert _play(1)[1][-1] != _play(2)[1][-1]


def test_rng_is_pcg32_and_state_is_one_integer() -> None:
    state = seed_state(42)
    assert isinstance(state, int) and 0 <= state < 2 ** 64
    outs = []
    for _ in range(3):
        state, out = next_u32(state)
        outs.append(out)
    assert outs == [o for o in outs if 0 <= o < 2 ** 32] and len(set(outs)) == 3
    s2, u = uniform(seed_state(42))
    assert 0.0 <= u < 1.0 and s2 == next_u32(seed_state(42))[0]


@pytest.mark.parametrize("style", STYLES)
def test_every_style_finishes_a_game(style: str) -> None:
    g = Game(scenario(), 3)
    play_bots(g, make_bots(3, styles={s: style for s in ("ankara", "riyadh", "islamabad", "washington")}))
    assert g.over and len(g.state.history) == g.scenario.meta.turns + 1
