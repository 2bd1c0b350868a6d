"""Unit tests of signing: proposals, accession, withdrawal, pact layers and Washington's deals."""
from __future__ import annotations

import pytest

from wargame import IllegalAction
from wargame import actions as A
from wargame.actions import make_terms
from wargame.rules.deterrence import integration, seat_deterrence

from test_engine_helpers import money_total, new_game, next_quarter, set_budget, sign, to_phase

LOAN = dict(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8)


# ------------------------------------------------------------------------- proposals
def test_proposal_accepted_signs_the_deal():
    g = new_game()
    before = money_total(g)
    riyadh, islamabad = g.state.seats["riyadh"].budget, g.state.seats["islamabad"].budget
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    prop = g.open_proposals("islamabad")[0]
    assert prop.sender == "riyadh" and prop.status == "open"
    assert g.state.seats["riyadh"].budget == riyadh  # nothing moves on proposing
    g.apply(A.Accept("islamabad", prop.id))
    assert prop.status == "accepted"
    loan = next(c for c in g.state.commitments.values() if c.origin == prop.id)
    assert loan.kind == "loan" and loan.status == "active" and loan.terms["outstanding"] == 1000
    assert g.state.seats["riyadh"].budget == riyadh - 1000
    assert g.state.seats["islamabad"].budget == islamabad + 1000
    assert money_total(g) == before


def test_proposal_rejected_signs_nothing():
    g = new_game()
    count = len(g.state.commitments)
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    pid = g.open_proposals("islamabad")[0].id
    g.apply(A.Reject("islamabad", pid))
    assert g.state.proposals[pid].status == "rejected"
    assert len(g.state.commitments) == count
    with pytest.raises(IllegalAction, match="rejected, not open"):
        g.apply(A.Accept("islamabad", pid))


def test_counter_proposal_replaces_the_offer():
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    pid = g.open_proposals("islamabad")[0].id
    softer = make_terms(**{**LOAN, "rate": 2.0, "turns": 12})
    g.apply(A.Counter("islamabad", pid, softer))
    assert g.state.proposals[pid].status == "rejected"
    assert g.state.proposals[pid].answers["islamabad"] == "counter"
    reply = g.open_proposals("riyadh")[0]
    assert reply.sender == "islamabad" and reply.reply_to == pid and reply.terms["rate"] == 2.0
    g.apply(A.Accept("riyadh", reply.id))
    loan = next(c for c in g.state.commitments.values() if c.origin == reply.id)
    assert loan.terms["rate"] == 2.0 and loan.terms["turns"] == 12


def test_counter_only_in_diplomacy():
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    pid = g.open_proposals("islamabad")[0].id
    to_phase(g, "investment")
    with pytest.raises(IllegalAction) as err:
        g.apply(A.Counter("islamabad", pid, make_terms(**LOAN)))
    assert err.value.code == "phase"


def test_proposal_lapses_at_the_next_quarter():
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    pid = g.open_proposals("islamabad")[0].id
    to_phase(g, "investment")
    assert g.state.proposals[pid].status == "open"  # still open within the quarter
    next_quarter(g)
    assert g.state.proposals[pid].status == "lapsed"
    assert g.open_proposals("islamabad") == []
    assert any(e.kind == "lapsed" and e.data["proposal"] == pid for e in g.events)
    with pytest.raises(IllegalAction, match="lapsed"):
        g.apply(A.Accept("islamabad", pid))


def test_proposer_must_afford_its_share():
    g = new_game()
    set_budget(g, "riyadh", 500)
    reason = g.check(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    assert reason is not None and "cannot pay" in reason


# ------------------------------------------------------------------------- accession
def test_accession_needs_every_members_consent():
    g = new_game()
    smda = g.state.commitments["smda"]
    terms = make_terms(pact="smda", candidate="ankara")
    reason = g.check(A.Propose("ankara", "accession", ("riyadh",), terms))
    assert reason is not None and "consent of every member" in reason
    g.apply(A.Propose("ankara", "accession", ("riyadh", "islamabad"), terms))
    pid = f"p{g.state.counter}"
    g.apply(A.Accept("riyadh", pid))
    assert "ankara" not in smda.parties  # one member's yes is not enough
    g.apply(A.Accept("islamabad", pid))
    assert smda.parties == ["riyadh", "islamabad", "ankara"]


def test_accession_vetoed_by_one_member():
    g = new_game()
    g.apply(A.Propose("ankara", "accession", ("riyadh", "islamabad"), make_terms(pact="smda", candidate="ankara")))
    pid = f"p{g.state.counter}"
    g.apply(A.Accept("riyadh", pid))
    g.apply(A.Reject("islamabad", pid))
    assert "ankara" not in g.state.commitments["smda"].parties
    assert g.state.proposals[pid].status == "rejected"


def test_accession_blocked_by_an_understanding_with_washington():
    g = new_game()
    sign(g, "washington", "demand", "ankara", ask="pause_accession", reward=10)
    reason = g.check(A.Propose("ankara", "accession", ("riyadh", "islamabad"),
                               make_terms(pact="smda", candidate="ankara")))
    assert reason is not None and "pause accession" in reason


# ------------------------------------------------------------------------- withdrawal
def test_withdrawal_costs_credibility_and_breaks_a_two_party_pact():
    g = new_game()
    cred = g.state.seats["islamabad"].credibility
    g.apply(A.Withdraw("islamabad", "smda"))
    assert g.state.seats["islamabad"].credibility == pytest.approx(cred - g.state.params["withdraw_loss"])
    assert g.state.commitments["smda"].status == "broken"


def test_withdrawal_from_a_secret_deal_costs_half():
    g = new_game()
    com = sign(g, "riyadh", "agreement", "ankara", public=False, clause="consultation")
    cred = g.state.seats["ankara"].credibility
    g.apply(A.Withdraw("ankara", com.id))
    assert g.state.seats["ankara"].credibility == pytest.approx(cred - g.state.params["withdraw_loss"] / 2)


def test_withdrawal_from_a_larger_pact_leaves_it_standing():
    g = new_game()
    sign(g, "ankara", "accession", ("riyadh", "islamabad"), pact="smda", candidate="ankara")
    g.apply(A.Withdraw("ankara", "smda"))
    smda = g.state.commitments["smda"]
    assert smda.status == "active" and smda.parties == ["riyadh", "islamabad"]


def test_leaving_nato_costs_standing():
    g = new_game()
    standing = g.state.seats["ankara"].standing
    g.apply(A.Withdraw("ankara", "nato"))
    assert g.state.seats["ankara"].standing < standing - 30


# ------------------------------------------------------------------------- pact layers
def test_layers_raise_integration_and_cost_every_member():
    g = new_game()
    set_budget(g, "islamabad", 2000)
    smda = g.state.commitments["smda"]
    base = integration(g, smda)
    budgets = {s: g.state.seats[s].budget for s in smda.parties}
    sign(g, "riyadh", "layer", "islamabad", pact="smda", layer="planning")
    assert smda.layers["planning"] is True
    from wargame.rules.deals import LAYER_COST
    for seat in smda.parties:
        assert g.state.seats[seat].budget == budgets[seat] - LAYER_COST["planning"]
    planned = integration(g, smda)
    assert planned > base
    sign(g, "riyadh", "layer", "islamabad", pact="smda", layer="command")
    assert smda.layers["command"] == 1 and integration(g, smda) > planned


def test_one_member_can_pay_for_a_layer():
    g = new_game()
    set_budget(g, "islamabad", 0)
    from wargame.rules.deals import LAYER_COST
    riyadh = g.state.seats["riyadh"].budget
    sign(g, "riyadh", "layer", "islamabad", pact="smda", layer="planning", payer="riyadh")
    assert g.state.commitments["smda"].layers["planning"] is True
    assert g.state.seats["riyadh"].budget == riyadh - 2 * LAYER_COST["planning"]
    assert g.state.seats["islamabad"].budget == 0
    reason = g.check(A.Propose("riyadh", "layer", ("islamabad",), make_terms(pact="smda", layer="planning", payer="ankara")))
    assert reason is not None and "payer" in reason


def test_command_needs_planning_and_levels_are_capped():
    g = new_game()
    reason = g.check(A.Propose("riyadh", "layer", ("islamabad",), make_terms(pact="smda", layer="command")))
    assert reason is not None and "planning cell first" in reason
    smda = g.state.commitments["smda"]
    smda.layers["interop"] = 3
    reason = g.check(A.Propose("riyadh", "layer", ("islamabad",), make_terms(pact="smda", layer="interop")))
    assert reason is not None and "fully interoperable" in reason


def test_exercise_habit_builds_and_decays():
    g = new_game()
    p = g.state.params
    smda = g.state.commitments["smda"]
    sign(g, "riyadh", "layer", "islamabad", pact="smda", layer="planning")
    sign(g, "riyadh", "layer", "islamabad", pact="smda", layer="exercises")
    habit = smda.layers["habit"]
    next_quarter(g)
    # without a command an exercise quarter builds half the gain, on what is still to learn
    assert smda.layers["habit"] == pytest.approx(round(habit + p["habit_gain"] * 0.5 * (1 - habit), 4))
    built = smda.layers["habit"]
    next_quarter(g)
    assert smda.layers["habit"] > built  # habit keeps building while exercises are held
    # a member who cannot pay stops the programme: after a quarter's grace, habit decays
    held = smda.layers["habit"]
    set_budget(g, "islamabad", 0)
    g.state.seats["islamabad"].income = 0
    g.state.commitments["oil_facility"].status = "expired"
    next_quarter(g)
    assert smda.layers["habit"] == held
    assert any(e.kind == "exercise" and "skipped" in e.text for e in g.events[-30:])
    next_quarter(g)
    assert smda.layers["habit"] == pytest.approx(round(held * (1 - p["habit_decay"]), 4))


def test_habit_decays_without_exercises():
    g = new_game()
    smda = g.state.commitments["smda"]
    habit = smda.layers["habit"]
    smda.layers["last_exercise"] = 0  # the last exercise was before the game
    next_quarter(g)
    assert smda.layers["habit"] == pytest.approx(round(habit * (1 - g.state.params["habit_decay"]), 4))


# ------------------------------------------------------------------------- port access
def test_port_access_fee_and_access_layer():
    g, twin = new_game(), new_game()
    smda = g.state.commitments["smda"]
    before = integration(g, smda)
    com = sign(g, "riyadh", "port_access", "islamabad", host="islamabad", guest="riyadh", site="gwadar", fee=100)
    assert integration(g, smda) > before  # access is a capability layer of the pact
    for game in (g, twin):
        next_quarter(game)
    assert com.status == "active"
    assert g.state.seats["riyadh"].budget == twin.state.seats["riyadh"].budget - 100
    assert g.state.seats["islamabad"].budget == twin.state.seats["islamabad"].budget + 100
    assert g.state.seats["islamabad"].inflows == twin.state.seats["islamabad"].inflows + 100


def test_port_access_needs_a_port_on_the_hosts_territory():
    g = new_game()
    reason = g.check(A.Propose("riyadh", "port_access", ("islamabad",),
                               make_terms(host="islamabad", guest="riyadh", site="jeddah", fee=0)))
    assert reason is not None and "territory" in reason


def test_port_access_suspended_when_the_guest_cannot_pay():
    g = new_game()
    com = sign(g, "riyadh", "port_access", "islamabad", host="islamabad", guest="riyadh", site="gwadar", fee=100)
    set_budget(g, "riyadh", 0)
    g.state.seats["riyadh"].income = 0
    next_quarter(g)
    assert com.status == "suspended"


# ------------------------------------------------------------------------- Washington
def test_public_assurance_raises_perceived_private_only_real():
    pub = new_game()
    pub.apply(A.Assure("washington", "islamabad", True))
    sec = new_game()
    sec.apply(A.Assure("washington", "islamabad", False))
    base = new_game()
    r0, p0 = seat_deterrence(base, "islamabad")
    r1, p1 = seat_deterrence(pub, "islamabad")
    r2, p2 = seat_deterrence(sec, "islamabad")
    assert r1 > r0 and p1 > p0
    assert r2 == r1 and p2 == p0


def test_only_washington_assures_and_only_once():
    g = new_game()
    with pytest.raises(IllegalAction) as err:
        g.apply(A.Assure("riyadh", "islamabad", True))
    assert err.value.code == "seat"
    assert "already has an assurance" in g.check(A.Assure("washington", "riyadh", True))


def test_posture_costs_and_raises_assurance_integration():
    g = new_game()
    to_phase(g, "investment")
    sda = g.state.commitments["us_saudi_sda"]
    before, budget = integration(g, sda), g.state.seats["washington"].budget
    g.apply(A.Posture("washington", "prince_sultan", 1))
    assert g.state.posture["prince_sultan"] == 3
    assert g.state.seats["washington"].budget == budget - int(g.state.params["posture_cost"])
    assert integration(g, sda) > before
    assert "stays between 0 and 3" in g.check(A.Posture("washington", "prince_sultan", 1))
    stress = g.state.seats["riyadh"].stress
    g.apply(A.Posture("washington", "prince_sultan", -1))
    assert g.state.seats["riyadh"].stress > stress  # a drawdown worries the host


def test_sanctions_bite_on_income_and_standing():
    g = new_game()
    g.apply(A.Sanction("washington", "riyadh"))
    s = g.state.seats["riyadh"]
    assert s.sanctioned and s.standing < g.scenario.seats["riyadh"].standing
    budget = s.budget
    to_phase(g, "investment")
    next_quarter(g)
    from wargame.rules.flows import SANCTION_BITE
    assert g.state.seats["riyadh"].budget - budget <= int(s.income * SANCTION_BITE)
    reason = g.check(A.Propose("washington", "arms_sale", ("riyadh",),
                               make_terms(seller="washington", buyer="riyadh", domain="air", value=1000, turns=4)))
    assert reason is not None and "sanctions" in reason
    g.apply(A.LiftSanctions("washington", "riyadh"))
    assert not g.state.seats["riyadh"].sanctioned


def test_demand_no_foreign_arms_blocks_purchases_and_raises_standing():
    g = new_game()
    standing = g.state.seats["ankara"].standing
    sign(g, "washington", "demand", "ankara", ask="no_foreign_arms", reward=8)
    assert g.state.seats["ankara"].standing == standing + 8
    to_phase(g, "investment")
    reason = g.check(A.BuyForeign("ankara", "russia", "amd", 500))
    assert reason is not None and "not to buy" in reason


def test_buying_foreign_costs_standing():
    g = new_game()
    to_phase(g, "investment")
    standing = g.state.seats["riyadh"].standing
    g.apply(A.BuyForeign("riyadh", "china", "strike", 500))
    assert g.state.seats["riyadh"].standing < standing
    assert g.state.seats["riyadh"].deliveries[-1]["turn"] == g.turn + 2



def test_a_rule_bug_in_accepting_is_an_error_not_an_illegal_action(monkeypatch):
    """Issue 9: accept() turned any exception of the signing check into IllegalAction, so a
    bug in a rule looked like a refusal; only the engine's own refusals are IllegalAction."""
    from wargame.rules import moves
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    prop = g.open_proposals("islamabad")[0]
    real, calls = moves.check_affordable, []

    def buggy(*args, **kwargs):
        calls.append(kwargs.get("only"))
        if kwargs.get("only") is None:  # the check over every payer has a bug
            raise ZeroDivisionError("a bug in a rule")
        return real(*args, **kwargs)

    monkeypatch.setattr(moves, "check_affordable", buggy)
    with pytest.raises(ZeroDivisionError):
        g.apply(A.Accept("islamabad", prop.id))
    assert calls == ["islamabad", None]


def test_an_unaffordable_signing_is_still_refused_with_advice():
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), make_terms(**LOAN)))
    prop = g.open_proposals("islamabad")[0]
    set_budget(g, "riyadh", 10)
    with pytest.raises(IllegalAction, match="reject the proposal instead"):
        g.apply(A.Accept("islamabad", prop.id))
