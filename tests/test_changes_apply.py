"""``Game.apply`` reports what each action changed (change flags), checked against a state diff."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from wargame import actions as A
from wargame.bots import make_bots
from wargame.rules.changes import ApplyResult, Changes
from wargame.rules.game import Game
from wargame.state import state_to_dict


def _ids(before: dict[str, Any], after: dict[str, Any]) -> frozenset[str]:
    keys = set(before) | set(after)
    return frozenset(k for k in keys if before.get(k) != after.get(k))


def expected(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    """The flags worked out independently, from the saved form of the state."""
    hist = lambda d: (len(d["history"]), d["history"][-1] if d["history"] else None)  # noqa: E731
    return Changes(
        seats=_ids(before["seats"], after["seats"]),
        commitments=_ids(before["commitments"], after["commitments"]),
        proposals=_ids(before["proposals"], after["proposals"]),
        indicators=hist(before) != hist(after),
        phase=[before[k] for k in ("turn", "phase", "over", "held_phase")]
        != [after[k] for k in ("turn", "phase", "over", "held_phase")],
        crisis=(before["crisis"], before["crises"]) != (after["crisis"], after["crises"]),
        posture=before["posture"] != after["posture"])


def play(seed: int, limit: int = 400) -> list[tuple[str, Changes, Changes]]:
    """(action kind, flags reported, flags from the diff) for each action of a bot game."""
    g = Game("pact-2026", seed)
    g.track_changes = True
    bots = make_bots(seed)
    out = []
    while not g.over and len(out) < limit:
        action = bots[g.acting_seats()[0]].choose(g)
        before = state_to_dict(g.state)
        result = g.apply(action)
        out.append((action.kind, result.changes, expected(before, state_to_dict(g.state))))
    return out


@settings(max_examples=4, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_flags_match_a_diff_of_the_state_in_random_games(seed: int) -> None:
    for kind, got, want in play(seed):
        assert got == want, f"{kind}: reported {got.flags()}, state diff says {want.flags()}"


def test_each_action_kind_sets_only_the_flags_of_its_data() -> None:
    seen: dict[str, set[frozenset[str]]] = {}
    for kind, got, want in play(7):
        assert got == want
        seen.setdefault(kind, set()).add(frozenset(got.flags()))
    # a rejection touches the proposal alone; a declaration the seat alone; an investment the seat
    assert seen["reject"] == {frozenset({"proposals"})}
    assert seen["declare"] == {frozenset({"seats"})}
    assert seen["invest"] == {frozenset({"seats"})}
    assert all("proposals" in f and "commitments" not in f for f in seen["propose"])
    assert any({"phase", "indicators"} <= f for f in seen["end_phase"])  # a quarter ends
    assert any(f == {"seats"} for f in seen["end_phase"])  # one seat is done, the phase goes on


def test_the_result_is_the_events_list_and_untracked_games_say_everything_changed() -> None:
    g = Game("pact-2026", 3)
    bots = make_bots(3)
    before = len(g.events)
    result = g.apply(bots[g.acting_seats()[0]].choose(g))
    assert isinstance(result, ApplyResult) and isinstance(result, list)
    assert list(result) == g.events[before:]
    assert result.changes.flags() == {"seats", "commitments", "proposals", "indicators", "phase",
                                      "crisis", "posture"} - ({"proposals"} if not g.state.proposals else set())


def test_an_illegal_action_changes_nothing_and_reports_nothing() -> None:
    g = Game("pact-2026", 3)
    g.track_changes = True
    with pytest.raises(Exception):
        g.apply(A.EndPhase("nobody"))  # type: ignore[arg-type]
    seat = g.acting_seats()[0]
    result = g.apply(A.EndPhase(seat))
    assert seat in result.changes.seats and not result.changes.commitments


def test_undo_reports_what_it_took_back() -> None:
    g = Game("pact-2026", 5)
    g.track_changes = True
    bots = make_bots(5)
    while True:
        action = bots[g.acting_seats()[0]].choose(g)
        if action.kind == "propose":
            break
        g.apply(action)
    first = g.apply(action)
    before = state_to_dict(g.state)
    undone = g.apply(A.Undo(action.seat))
    assert undone.changes == expected(before, state_to_dict(g.state))
    assert undone.changes.proposals == first.changes.proposals
