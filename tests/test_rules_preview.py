"""Engine queries for consequences before committing (issue 16): deal previews and crisis odds."""
from __future__ import annotations

import pytest

from wargame import Game, load_scenario
from wargame import actions as A
from test_engine_helpers import set_budget
from wargame.bots import make_bots
from wargame.rules.crisis import response_cost
from wargame.rules.odds import chances_for, crisis_odds
from wargame.rules.preview import preview_action, preview_deal, preview_proposal
from wargame.types import RESPONSES


@pytest.fixture(scope="module")
def sc():
    return load_scenario("pact-2026")


def _to_crisis(sc, seed: int) -> Game:
    g = Game(sc, seed=seed)
    bots = make_bots(seed)
    while not g.over and g.state.crisis is None:
        g.apply(bots[g.acting_seats()[0]].choose(g))
    assert g.state.crisis is not None, "no crisis in this seed"
    return g


def test_preview_changes_nothing(sc):
    g = Game(sc, seed=3)
    before = g.digest()
    preview_deal(g, "riyadh", "riyadh", "loan", ["islamabad"],
                 {"lender": "riyadh", "borrower": "islamabad", "amount": 1000, "rate": 3.0, "turns": 8})
    preview_action(g, A.Invest("riyadh", "air", 1000))
    assert g.digest() == before


def test_loan_preview_costs_lender_now_and_repays_per_quarter(sc):
    g = Game(sc, seed=3)
    terms = {"lender": "riyadh", "borrower": "islamabad", "amount": 1000, "rate": 4.0, "turns": 8}
    lender = preview_deal(g, "riyadh", "riyadh", "loan", ["islamabad"], terms)
    borrower = preview_deal(g, "islamabad", "riyadh", "loan", ["islamabad"], terms)
    assert lender.legal is None
    assert lender.cost_now == 1000 and borrower.cost_now == -1000
    # a quarter's service: interest 1000 x 4% / 4 = 10, plus an eighth of the principal
    assert borrower.per_quarter == 135 and lender.per_quarter == -135
    assert borrower.quarters == 8 and borrower.debt_change == 1000
    assert any("Repay" in line for line in borrower.obligations)


def test_arms_sale_preview_names_instalments_and_the_score_move(sc):
    g = Game(sc, seed=3)
    terms = {"seller": "washington", "buyer": "riyadh", "domain": "air", "value": 2000, "turns": 4}
    c = preview_deal(g, "riyadh", "washington", "arms_sale", ["riyadh"], terms)
    assert c.per_quarter == 500 and c.quarters == 4
    keys = {m.key for m in c.components}
    assert keys == {comp.key for comp in g.score("riyadh").components}
    assert c.to_dict()["per_quarter"] == 500
    # the capability arrives over the quarters: the preview says what it adds once delivered
    assert any(line.startswith("Once delivered, if you are tested: real deterrence") for line in c.if_tested)


def test_alliance_preview_says_what_it_obliges_and_delivers(sc):
    g = Game(sc, seed=3)
    c = preview_deal(g, "riyadh", "riyadh", "agreement", ["ankara"], {"clause": "assistance"})
    assert any("material support" in line for line in c.obligations)
    assert "ankara" in c.deterrence
    real_before, real_after, _, _ = c.deterrence["ankara"]
    assert real_after > real_before
    assert any(line.startswith("If Ankara is tested") for line in c.if_tested)


def test_unaffordable_deal_is_previewed_with_the_reason(sc):
    g = Game(sc, seed=3)
    terms = {"lender": "islamabad", "borrower": "riyadh", "amount": 10000, "rate": 3.0, "turns": 8}
    c = preview_deal(g, "islamabad", "islamabad", "loan", ["riyadh"], terms)
    assert c.legal and "cannot pay" in c.legal


def test_inbox_preview_matches_the_signed_deal(sc):
    g = Game(sc, seed=7)
    bots = make_bots(7)
    while not any(p.deal == "arms_sale" for s in ("riyadh", "ankara") for p in g.open_proposals(s)):
        g.apply(bots[g.acting_seats()[0]].choose(g))
    seat, prop = next((s, p) for s in ("riyadh", "ankara") for p in g.open_proposals(s) if p.deal == "arms_sale")
    c = preview_proposal(g, seat, prop.id)
    assert c.per_quarter == prop.terms["value"] // prop.terms["turns"]


@pytest.mark.parametrize("seed", [7, 11])
def test_crisis_odds_follow_the_resolution(sc, seed):
    g = _to_crisis(sc, seed)
    crisis = g.state.crisis
    seat = crisis.target
    odds = crisis_odds(g, seat)
    assert [o.level for o in odds] == list(RESPONSES)
    for o in odds:
        assert sum(o.chances.values()) == pytest.approx(1.0, abs=1e-3)
    # stronger responses never lower the chance of deterrence
    deterred = [o.chances["deterred"] for o in odds]
    assert deterred == sorted(deterred)
    # answer as the odds assume (the target its strongest affordable response, every partner
    # what it is committed to)
    chosen = [o for o in odds if o.affordable][-1]
    for s, need in crisis.obligations.items():
        level = chosen.level if s == seat else RESPONSES[need]
        if s != seat:  # a partner short of money is given it: the odds assume it sends what it owes
            set_budget(g, s, max(g.state.seats[s].budget, response_cost(crisis, level)))
        g.apply(A.Respond(s, crisis.id, level))
    while g.state.crisis is not None:
        g.apply(A.Respond(g.acting_seats()[0], crisis.id, "none"))
    done = g.state.crises[-1]
    assert done.details["defence"] == pytest.approx(chosen.defence, abs=0.01)
    assert chosen.chances[done.outcome] > 0


def test_chances_split_the_roll_interval():
    # the score is uniform on mid ± 0.2; deterred at 0.62, contained at 0.42
    low, high, ch = chances_for(0.52)
    assert (low, high) == (0.32, 0.72)
    assert ch == {"deterred": 0.25, "contained": 0.5, "damaging": 0.25}
    assert chances_for(0.52, wavering_backed=True)[2]["damaging"] == 0.0


def test_layer_preview_follows_the_payer_term(sc):
    """Rules §4.4: with ``payer`` one member pays every member's share of a layer."""
    g = Game(sc, seed=3)
    members = len(g.state.commitments["smda"].parties)
    terms = {"pact": "smda", "layer": "planning", "payer": "riyadh"}
    riyadh = preview_deal(g, "riyadh", "riyadh", "layer", ["islamabad"], terms)
    islamabad = preview_deal(g, "islamabad", "riyadh", "layer", ["islamabad"], terms)
    assert riyadh.cost_now == 300 * members and islamabad.cost_now == 0
    assert any("every member's share" in line for line in riyadh.obligations)
    shared = preview_deal(g, "islamabad", "riyadh", "layer", ["islamabad"], {"pact": "smda", "layer": "planning"})
    assert shared.cost_now == 300


def test_obligation_sentence_names_partners_with_or():
    """Issue 16: 'If Riyadh, Islamabad is tested you are expected…' read as garbled English."""
    from wargame.rules.preview import _clause_line
    one = _clause_line(["riyadh"], "collective")
    two = _clause_line(["riyadh", "islamabad"], "collective")
    three = _clause_line(["ankara", "riyadh", "islamabad"], "consultation")
    assert one.startswith("If Riyadh is tested, you are expected")
    assert two.startswith("If Riyadh or Islamabad is tested, you are expected")
    assert three.startswith("If Ankara, Riyadh or Islamabad is tested, you are expected")
