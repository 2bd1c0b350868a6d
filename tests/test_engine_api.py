"""The query API of docs/engine-api.md, the state's dict form and snapshot, and seat views."""
from __future__ import annotations

import json

import pytest

from wargame import Game, IllegalAction, action_from_dict
from wargame import actions as A
from wargame.actions import make_terms
from wargame.bots import make_bots, play_bots
from wargame.digest import digest
from wargame.state import snapshot, state_from_dict, state_to_dict
from wargame.types import PHASES, SEATS

from test_engine_helpers import new_game, scenario, sign


def test_new_game_starts_in_diplomacy_with_history_row():
    g = Game(scenario(), 7)
    assert (g.turn, g.phase, g.quarter) == (1, "diplomacy", "2026-Q1")
    assert g.acting_seats() == list(SEATS)
    assert g.state.history[0]["turn"] == 0 and set(g.state.history[0]["seats"]) == set(SEATS)
    assert g.events[0].kind == "turn" and g.phase in PHASES


def test_legal_actions_are_legal_and_unavailable_explains():
    g = new_game()
    for seat in SEATS:
        legal = g.legal_actions(seat)
        assert legal and all(g.check(a) is None for a in legal)
        reasons = g.unavailable(seat)
        assert reasons["invest"].startswith("not in the diplomacy phase")
        assert all(isinstance(r, str) and r for r in reasons.values())
    assert "Washington's alone" in g.unavailable("riyadh")["assure"]


def test_scores_and_indicators_have_their_breakdowns():
    g = Game(scenario(), 4)
    play_bots(g, make_bots(4))
    for seat, sc in g.scores().items():
        assert sc.total == pytest.approx(sum(c.points for c in sc.components), abs=0.05)
        assert all(0 <= c.value <= 100 for c in sc.components)
        assert sc.to_dict()["seat"] == seat
    ind = g.indicators()
    for row in ind["seats"].values():
        assert row["gap"] == pytest.approx(row["perceived"] - row["real"], abs=0.01)
    assert "smda" in ind["pacts"]
    assert len(g.state.history) == g.scenario.meta.turns + 1
    assert g.score("riyadh") == g.scores()["riyadh"]


def test_state_dict_round_trip_is_exact():
    g = Game(scenario(), 6)
    play_bots(g, make_bots(6), max_actions=150)
    data = state_to_dict(g.state)
    text = json.dumps(data)  # JSON keeps the dicts' order, which is part of the state
    again = state_from_dict(json.loads(text))
    assert state_to_dict(again) == data
    assert digest(again) == digest(g.state)
    data["seats"]["riyadh"]["budget"] += 1  # the dict form does not alias the state
    assert digest(g.state) != digest(state_from_dict(data))


def test_snapshot_sharing_follows_a_ruling():
    g = Game(scenario(), 8)
    play_bots(g, make_bots(8))
    crises = g.state.crises
    assert crises, "seed 8 has crises"
    old = snapshot(g.state)
    crises[0].ruling = "deterred" if crises[0].outcome != "deterred" else "damaging"
    # a ruling changes a past crisis: a snapshot sharing the old one must carry the new ruling
    assert snapshot(g.state, old)["crises"][0]["ruling"] == crises[0].ruling
    assert snapshot(g.state, old) == snapshot(g.state)


def test_snapshot_with_previous_equals_full_snapshot_every_phase():
    g = Game(scenario(), 12)
    bots = make_bots(12)
    checked = 0
    while not g.over:
        base = g.state.phase_base
        if base is not None and g.state.phase_actions == []:
            # at the start of a phase the snapshot equals a fresh one of the state
            assert base == snapshot(g.state)
            checked += 1
        g.apply(bots[g.acting_seats()[0]].choose(g))
    assert checked >= 20


def test_clone_is_independent():
    g = new_game()
    h = g.clone()
    h.apply(A.Declare("riyadh", "islamabad"))
    assert g.state.seats["islamabad"].signal == 0.0 and h.state.seats["islamabad"].signal > 0
    assert len(h.actions) == len(g.actions) + 1


def test_actions_round_trip_through_dicts():
    for action in (A.Propose("riyadh", "loan", ("islamabad",), make_terms(lender="riyadh", borrower="islamabad",
                                                                           amount=100, rate=1.5, turns=2)),
                   A.Respond("riyadh", "x1", "military"), A.EndPhase("ankara"),
                   A.InjectEvent("facilitator", "t", "", "ankara", make_terms(budget=-5))):
        assert action_from_dict(json.loads(json.dumps(action.to_dict()))) == action


def test_views_hide_other_seats_secrets():
    g = new_game()
    secret = sign(g, "riyadh", "agreement", "ankara", public=False, clause="assistance")
    v = g.view("islamabad")
    assert secret.id not in v["commitments"]
    assert v["seats"]["riyadh"]["budget"] is None and v["seats"]["islamabad"]["budget"] is not None
    assert "phase_base" not in v and "rng" not in v
    assert secret.id in g.view("ankara")["commitments"]
    assert secret.id in g.view(None)["commitments"]
    assert all(row["seats"]["riyadh"]["budget"] is None for row in v["history"])
    with pytest.raises(ValueError):
        g.view("nobody")


def test_open_proposals_is_the_inbox():
    g = new_game()
    g.apply(A.Propose("ankara", "accession", ("riyadh", "islamabad"), make_terms(pact="smda", candidate="ankara")))
    assert [p.deal for p in g.open_proposals("riyadh")] == ["accession"]
    g.apply(A.Accept("riyadh", g.open_proposals("riyadh")[0].id))
    assert g.open_proposals("riyadh") == [] and len(g.open_proposals("islamabad")) == 1


def test_illegal_action_object():
    g = new_game()
    with pytest.raises(IllegalAction) as err:
        g.apply("end phase")  # type: ignore[arg-type]
    assert err.value.code == "form"


def test_play_through_every_phase():
    g = new_game(crises=True)
    seen = set()
    bots = make_bots(1)
    while not g.over:
        seen.add(g.phase)
        g.apply(bots[g.acting_seats()[0]].choose(g))
    assert {"diplomacy", "investment"} <= seen and g.phase == "assessment"
    assert g.is_over() and g.acting_seats() == []
    with pytest.raises(IllegalAction):
        g.apply(A.EndPhase("riyadh"))


def test_fast_paths_match_the_definitions():
    """pact_deterrence and provider_shares (computed from the covering links) equal the sums of
    contribution() they are defined by, inside and outside the query cache."""
    from wargame.rules.deterrence import (
        UNIFORM, as_index, contribution, covering, memo, pact_deterrence, provider_shares,
    )
    g = Game(scenario(), 21)
    play_bots(g, make_bots(21), max_actions=180)
    for cached in (False, True):
        with (memo(g) if cached else _nullcontext()):
            for com in g.state.commitments.values():
                if com.kind != "pact" or com.status != "active":
                    continue
                m = com.parties
                real = sum(contribution(g, p, com, UNIFORM) for t in m for p in m if p != t) / len(m)
                perc = sum(contribution(g, p, com, UNIFORM, perceived=True) for t in m for p in m if p != t) / len(m)
                half = g.state.params["threat_half"] * 0.5
                assert pact_deterrence(g, com) == (as_index(real, half), as_index(perc, half))
            for seat in SEATS:
                shares = provider_shares(g, seat)
                direct: dict[str, float] = {}
                for partner, com in covering(g, seat):
                    direct[partner] = direct.get(partner, 0.0) + contribution(g, partner, com, UNIFORM)
                for partner, value in direct.items():
                    assert (shares.get(partner, 0.0) > 0) == (value > 0)


def _nullcontext():
    from contextlib import nullcontext
    return nullcontext()
