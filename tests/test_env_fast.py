"""Issue 17, the agent API's fast path: observations, masks and rewards kept between steps and
patched (wargame.env_changes) are exactly what a from-scratch computation gives, at every step
of seeded games, including games with computer players and after a secret deal of other seats;
the fast information state equals seat_view's; a light action changes only what
wargame.env_changes says it does."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pettingzoo")

from wargame import actions as A  # noqa: E402
from wargame.env import observe_vector, raw_env  # noqa: E402
from wargame.env_changes import light_touches  # noqa: E402
from wargame.env_information import information_game as fast_information_game  # noqa: E402
from wargame.rules.moves import PHASE_ACTIONS  # noqa: E402
from wargame.rules.seat_view import information_game  # noqa: E402
from wargame.state import state_to_dict  # noqa: E402
from wargame.types import SEATS  # noqa: E402


def scratch_mask(e, seat: str) -> np.ndarray:
    """The mask by the documented definition: every slot the phase allows, built and checked."""
    g = e.game
    mask = np.zeros(e.num_slots, dtype=np.int8)
    if g.over or seat not in g.acting_seats():
        return mask
    for i, slot in enumerate(e.catalogues[seat]):
        if slot.kind not in PHASE_ACTIONS.get(g.phase, ()) or (slot.kind == "undo" and not e.allow_undo):
            continue
        action = slot.build(g, seat)
        if action is not None and g.check(action) is None:
            mask[i] = 1
    return mask


def assert_exact(e, seat: str, where: str) -> None:
    obs = e.observe(seat)
    want = observe_vector(e.game, seat, e._pact_ids)
    names = e.observation_names()
    moved = [(names[i], float(obs["observation"][i]), float(want[i]))
             for i in np.flatnonzero(obs["observation"] != want)]
    assert not moved, f"{seat}'s observation differs from scratch {where}: {moved}"
    assert obs["observation"].dtype == want.dtype
    assert np.array_equal(obs["action_mask"], scratch_mask(e, seat)), f"{seat}'s mask differs {where}"


def sign_secret_loan(g) -> None:
    """Riyadh lends to Islamabad in secret, on the game directly (as computer players may)."""
    g.apply(A.Propose("riyadh", "loan", ("islamabad",),
                      A.make_terms(lender="riyadh", borrower="islamabad", amount=1500, rate=4.0, turns=8), False))
    prop = [p for p in g.open_proposals("islamabad") if p.sender == "riyadh"][-1]
    g.apply(A.Accept("islamabad", prop.id))
    assert any(c.kind == "loan" and not c.public for c in g.state.commitments.values())


def play(e, seed: int, every: int, secret_from: int | None = None, limit: int = 10_000) -> tuple[int, bool]:
    """Masked random play, comparing the acting seat at every step and every seat every
    ``every`` steps, and the rewards with scores computed afresh; from step ``secret_from`` on,
    at the first chance, Riyadh and Islamabad sign a secret loan. Returns (steps, signed)."""
    rng = np.random.default_rng(seed)
    e.reset(seed=seed)
    before = {s: e.game.score(s).total for s in SEATS}
    steps, signed = 0, False
    for agent in e.agent_iter(limit):
        g = e.game
        obs, _, terminated, truncated, _ = e.last()
        if terminated or truncated:
            e.step(None)
            continue
        assert_exact(e, agent, f"at step {steps} ({g.quarter} {g.phase})")
        if steps % every == 0:
            for seat in SEATS:
                assert_exact(e, seat, f"at step {steps}, all seats")
        if (secret_from is not None and not signed and steps >= secret_from and g.phase == "diplomacy"
                and {"riyadh", "islamabad"} <= set(g.acting_seats())):
            sign_secret_loan(g)
            signed = True
            for seat in SEATS:
                assert_exact(e, seat, "right after the secret loan")
            continue
        e.step(int(rng.choice(np.flatnonzero(obs["action_mask"]))))
        after = {s: g.score(s).total for s in SEATS}
        for a in e.agents:
            assert e.rewards[a] == round(after[a] - before[a], 6), f"{a}'s reward at step {steps}"
        before = after
        steps += 1
    return steps, signed


def test_fast_path_equals_scratch_every_step():
    e = raw_env()
    steps, _ = play(e, seed=0, every=5)
    assert steps > 300 and e.game.over


def test_fast_path_with_computer_players_and_undo():
    e = raw_env(bots={"ankara": "balanced", "washington": "opportunist"}, undo=True)
    steps, _ = play(e, seed=1, every=3)
    assert steps > 50 and e.game.over


@pytest.mark.parametrize("seed, bots, secret_from", [(2, {"riyadh": "balanced", "islamabad": "cautious"}, 0),
                                                     (3, {}, 25)])
def test_fast_path_after_a_secret_deal_of_other_seats(seed, bots, secret_from):
    e = raw_env(bots=bots)
    _, signed = play(e, seed=seed, every=4, secret_from=secret_from, limit=400)
    assert signed


def test_fast_information_state_equals_seat_views():
    e = raw_env()
    rng = np.random.default_rng(4)
    e.reset(seed=4)
    signed = False
    for step, agent in enumerate(e.agent_iter(600)):
        obs, _, terminated, truncated, _ = e.last()
        if terminated or truncated:
            e.step(None)
            continue
        g = e.game
        if not signed and step >= 40 and g.phase == "diplomacy" and {"riyadh", "islamabad"} <= set(g.acting_seats()):
            sign_secret_loan(g)
            signed = True
        if step % 9 == 0 or g.phase == "crisis" or step in (41, 42):
            for seat in SEATS:
                fast = state_to_dict(fast_information_game(g, seat).state)
                ref = state_to_dict(information_game(g, seat).state)
                assert fast == ref, f"{seat}'s information state differs at step {step}"
        e.step(int(rng.choice(np.flatnonzero(obs["action_mask"]))))
    assert signed


LIGHT_CHANGES = {"proposals", "counter", "phase_actions", "action_count", "event_count"}
"""State parts any light action may change besides the seats' light lines."""


def test_light_actions_change_only_what_the_change_log_says():
    e = raw_env()
    seen: set[str] = set()
    # seeded random play until every light kind has been seen (a light acceptance needs a deal
    # with several recipients, which random play does not reach in every game)
    for game_seed in (5, 6, 7, 8):
        if {"propose", "accept", "reject", "end_phase"} <= seen:
            break
        rng = np.random.default_rng(game_seed)
        e.reset(seed=game_seed)
        for agent in e.agent_iter(3000):
            obs, _, terminated, truncated, _ = e.last()
            if terminated or truncated:
                e.step(None)
                continue
            g = e.game
            before, phase, count = state_to_dict(g.state), (g.turn, g.phase), len(g.actions)
            e.step(int(rng.choice(np.flatnonzero(obs["action_mask"]))))
            assert len(g.actions) == count + 1  # no computer players: one step, one action
            action = g.actions[-1]
            touched = light_touches(g, action)
            if touched is None or (g.turn, g.phase) != phase:
                continue
            seen.add(action.kind)
            after = state_to_dict(g.state)
            moved = {k for k in after if after[k] != before[k]} - LIGHT_CHANGES - {"seats"}
            assert not moved, f"a light {action.kind} changed {moved}"
            for seat in SEATS:
                fields = {k for k, v in after["seats"][seat].items() if v != before["seats"][seat][k]}
                allowed = {"done"} if seat == action.seat else set()
                allowed |= {"pc"} if seat in touched.pc else set()
                allowed |= {"offers_received"} if seat in touched.offers else set()
                assert fields <= allowed, f"a light {action.kind} changed {seat}'s {fields - allowed}"
            for pid, prop in after["proposals"].items():
                if prop != before["proposals"].get(pid):
                    assert set(prop["to"]) <= touched.inbox, f"{pid}'s recipients were not told"
    assert {"propose", "accept", "reject", "end_phase"} <= seen


def test_refresh_after_an_edit_by_hand():
    e = raw_env()
    e.reset(seed=6)
    seat = e.agent_selection
    e.observe(seat)
    e.game.state.seats["islamabad"].stress += 7.5  # public: every seat sees it
    e.game.state.seats[seat].pc = 0  # the seat's own line: no slot that costs political capital
    e.refresh()
    assert_exact(e, seat, "after an edit by hand and refresh()")
    assert not e.action_mask(seat)[[i for i, s in enumerate(e.catalogues[seat]) if s.kind == "propose"]].any()
