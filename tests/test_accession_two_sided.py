"""Turkey's accession is a two-sided question (issue 14): a wider pact adds weight, but it costs
the candidate standing with NATO, hardens the members' and the candidate's adversaries
(entrapment) and shares Pakistan's premium among more members; the members' bots weigh the
candidate's recent quarrels. Before, no rule let accession hurt anyone."""
from __future__ import annotations

import pytest

from wargame import actions as A
from wargame import load_scenario
from wargame.actions import make_terms
from wargame.bots import Bot, play_bots
from wargame.rules.deterrence import premium
from wargame.rules.game import Game
from wargame.scenario import parse_scenario
from wargame.state import Crisis
from wargame.styles_extra import CHANNELS, ScriptedBot
from wargame.types import SEATS

SCENARIO = load_scenario("pact-2026")


def _join(g: Game) -> None:
    """Ankara tables accession to the Saudi-Pakistani pact and both members accept."""
    g.apply(A.Propose("ankara", "accession", ("islamabad", "riyadh"), make_terms(pact="smda", candidate="ankara")))
    pid = next(p.id for p in g.state.proposals.values() if p.deal == "accession" and p.status == "open")
    for seat in ("riyadh", "islamabad"):
        g.apply(A.Accept(seat, pid))
    assert "ankara" in g.state.commitments["smda"].parties


def _at_diplomacy(scenario=SCENARIO, seed: int = 3) -> Game:
    g = Game(scenario, seed)
    while g.phase != "diplomacy":
        g.apply(A.EndPhase(g.acting_seats()[0]))
    return g


def test_joining_costs_the_candidate_standing_and_hardens_adversaries():
    g = _at_diplomacy()
    standing = g.state.seats["ankara"].standing
    resolve = {a: v["resolve"] for a, v in g.state.actors.items()}
    _join(g)
    p = g.state.params
    assert g.state.seats["ankara"].standing == pytest.approx(standing - p["accession_standing_cost"])
    members = set(g.state.commitments["smda"].parties)
    hostile = {c.actor for c in SCENARIO.crises if members & set(c.targets)}
    assert {"greece", "israel", "india", "iran"} <= hostile
    for actor, before in resolve.items():
        after = g.state.actors[actor]["resolve"]
        assert after == (pytest.approx(min(2.5, before * (1 + p["accession_reaction"]))) if actor in hostile else before)
    kinds = [e.kind for e in g.events[-3:]]
    assert "standing" in kinds and "reaction" in kinds


def test_a_third_member_shares_the_premium():
    g = _at_diplomacy()
    before = premium(g, "riyadh")
    _join(g)
    assert premium(g, "riyadh") == pytest.approx(before / 2)
    unshared = parse_scenario({**SCENARIO.model_dump(mode="json"),
                               "params": {**SCENARIO.params, "premium_shared": 0.0}})
    g2 = _at_diplomacy(unshared)
    before2 = premium(g2, "riyadh")
    _join(g2)
    assert premium(g2, "riyadh") == pytest.approx(before2)


def test_a_scenario_without_the_new_parameters_keeps_its_old_rules():
    data = SCENARIO.model_dump(mode="json")
    for key in ("accession_standing_cost", "accession_reaction", "premium_shared"):
        data["params"].pop(key)
        data["params_cite"].pop(key)
    g = _at_diplomacy(parse_scenario(data))
    standing = g.state.seats["ankara"].standing
    resolve = {a: v["resolve"] for a, v in g.state.actors.items()}
    _join(g)
    assert g.state.seats["ankara"].standing == standing
    assert {a: v["resolve"] for a, v in g.state.actors.items()} == resolve


def test_members_refuse_a_candidate_whose_quarrels_just_went_badly():
    g = _at_diplomacy()
    g.apply(A.Propose("ankara", "accession", ("islamabad", "riyadh"), make_terms(pact="smda", candidate="ankara")))
    prop = next(p for p in g.state.proposals.values() if p.deal == "accession")
    g.state.crises.append(Crisis(id="c-test", type="syria_incident", title="Syria incident", actor="israel",
                                 target="ankara", site="northern_syria", kind="attack", severity=1.0, text="",
                                 turn=g.state.turn, outcome="damaging"))
    for seat in ("riyadh", "islamabad"):
        ok, reason = Bot(seat, 1).decide(g, prop)
        assert not ok and "quarrels" in reason, (seat, reason)


def test_accession_helps_riyadh_and_costs_ankara_paired_by_seed():
    ankara, riyadh = [], []
    for seed in range(1, 41):
        joined = Game(SCENARIO, seed)
        play_bots(joined, {s: ScriptedBot(s, seed) for s in SEATS})
        if "ankara" not in joined.state.commitments["smda"].parties:
            continue
        closed = Game(SCENARIO, seed)
        play_bots(closed, {s: ScriptedBot(s, seed, closed=CHANNELS["accession"]) for s in SEATS})
        ankara.append(joined.score("ankara").total - closed.score("ankara").total)
        riyadh.append(joined.score("riyadh").total - closed.score("riyadh").total)
    assert len(ankara) >= 15
    assert sum(ankara) / len(ankara) < 0 < sum(riyadh) / len(riyadh)
