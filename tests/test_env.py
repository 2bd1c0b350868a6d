"""The agent API: PettingZoo's own API and seed tests, masks, rewards, and the documented example."""
from __future__ import annotations

import math
import pathlib
import re

import numpy as np
import pytest

pytest.importorskip("pettingzoo")

from pettingzoo.test import api_test, seed_test  # noqa: E402

from wargame.env import env, raw_env  # noqa: E402
from wargame.types import SEATS  # noqa: E402

DOC = pathlib.Path(__file__).resolve().parents[1] / "docs" / "agents.md"


def test_pettingzoo_api_test():
    api_test(env(), num_cycles=300)
    api_test(raw_env(), num_cycles=100)


def test_pettingzoo_seed_test():
    seed_test(env, num_cycles=100)


def test_metadata_agents_and_spaces():
    e = raw_env()
    assert e.metadata["name"] == "layered_deterrence_v0"
    assert set(e.metadata["render_modes"]) == {"human", "ansi"}
    assert e.possible_agents == list(SEATS)
    sizes = {e.action_space(a).n for a in e.possible_agents}
    assert sizes == {e.num_slots}
    labels = e.slot_labels("riyadh")
    assert labels[:8] == ["end phase", "undo", "accept the oldest open proposal",
                          "reject the oldest open proposal", "respond to the crisis: none",
                          "respond to the crisis: diplomatic", "respond to the crisis: material",
                          "respond to the crisis: military"]
    assert len(e.observation_names()) == e.observation_space("ankara")["observation"].shape[0]
    # the catalogue is stable: same labels from a fresh environment
    assert raw_env().slot_labels("washington") == e.slot_labels("washington")


def test_masks_selection_and_rewards_follow_the_game():
    e = raw_env(seed=3)
    e.reset(seed=3)
    g = e.game
    initial = {s: g.score(s).total for s in SEATS}
    rng = np.random.default_rng(1)
    totals = dict.fromkeys(SEATS, 0.0)
    steps = 0
    for agent in e.agent_iter():
        obs, reward, terminated, truncated, _ = e.last()
        totals[agent] += reward
        if terminated or truncated:
            e.step(None)
            continue
        assert agent == g.acting_seats()[0]
        mask = obs["action_mask"]
        legal = np.flatnonzero(mask)
        assert legal.size > 0
        for slot in legal[:40]:
            action = e.action_for(agent, int(slot))
            assert action is not None and g.check(action) is None
        for other in SEATS:
            if other not in g.acting_seats():
                assert not e.action_mask(other).any()
        e.step(int(rng.choice(legal)))
        steps += 1
        g = e.game
    assert g.over and steps > 50
    for s in SEATS:
        assert totals[s] == pytest.approx(g.score(s).total - initial[s], abs=1e-3)


def test_illegal_actions():
    e = raw_env()
    e.reset(seed=0)
    mask = e.observe(e.agent_selection)["action_mask"]
    illegal = int(np.flatnonzero(mask == 0)[0])
    with pytest.raises(ValueError, match="illegal action"):
        e.step(illegal)
    wrapped = env()
    wrapped.reset(seed=0)
    agent = wrapped.agent_selection
    wrapped.last()
    wrapped.step(illegal)
    assert wrapped.terminations[agent]
    assert wrapped.rewards[agent] == -1


def test_bots_play_the_other_seats_and_final_reward():
    e = raw_env(bots={"ankara": "balanced", "washington": "opportunist"}, reward="final")
    assert e.possible_agents == ["riyadh", "islamabad"]
    e.reset(seed=5)
    rewards = dict.fromkeys(e.possible_agents, 0.0)
    for agent in e.agent_iter():
        obs, reward, terminated, truncated, _ = e.last()
        rewards[agent] += reward
        if terminated or truncated:
            e.step(None)
        else:  # end the phase at once, or give the first legal crisis response
            mask = obs["action_mask"]
            e.step(0 if mask[0] else int(np.flatnonzero(mask)[0]))
    assert e.game.over
    for seat in ("riyadh", "islamabad"):
        assert rewards[seat] == pytest.approx(e.game.score(seat).total)
    assert e.render() is None
    text = raw_env(render_mode="ansi")
    text.reset(seed=1)
    assert "2026-Q1" in text.render()


def test_documented_random_policy_example_runs():
    source = DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- example: random-policy -->\s*```python\n(.*?)```", source, re.S)
    assert match, "docs/agents.md must hold the random-policy example"
    code = match.group(1).replace("evaluate_random_policy(games=3)", "evaluate_random_policy(games=1)")
    namespace: dict = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    result = namespace["result"]
    assert set(result) == set(SEATS)
    for seat, row in result.items():
        assert math.isfinite(row["return"]) and 0 <= row["final_score"] <= 100
