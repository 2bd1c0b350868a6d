"""Unit tests of deterrence and crises: signals, secret commitments, the draw, responses,
resolution, credibility, threat learning and the exposure of a bluff."""
from __future__ import annotations

import pytest

from wargame import actions as A
from wargame.rules import crisis as crisis_rules
from wargame.rules.deterrence import pact_deterrence, seat_deterrence

from test_engine_helpers import new_game, next_quarter, sign, to_phase

F = "facilitator"


def inject(g, crisis_type="abqaiq_strike", target="riyadh", severity=1.0):
    g.apply(A.InjectCrisis(F, crisis_type, target, severity))
    return g.state.crisis


def respond_all(g, levels: dict[str, str], default: str = "none"):
    to_phase(g, "crisis")
    c = g.state.crisis
    for seat in list(g.acting_seats()):
        g.apply(A.Respond(seat, c.id, levels.get(seat, default)))
    return c


# ------------------------------------------------------------------------- signals
def test_declaration_raises_perceived_not_real():
    g = new_game()
    real, perceived = seat_deterrence(g, "islamabad")
    g.apply(A.Declare("riyadh", "islamabad"))
    real2, perceived2 = seat_deterrence(g, "islamabad")
    assert real2 == real and perceived2 > perceived
    assert "already declared" in g.check(A.Declare("riyadh", "islamabad"))
    assert "no pact, agreement or assurance" in g.check(A.Declare("riyadh", "ankara"))


def test_declaration_decays():
    g = new_game()
    g.apply(A.Declare("riyadh", "islamabad"))
    signal = g.state.seats["islamabad"].signal
    next_quarter(g)
    assert g.state.seats["islamabad"].signal == pytest.approx(signal * (1 - g.state.params["signal_decay"]))


def test_visible_exercise_raises_perceived_far_more_than_real():
    g = new_game()
    to_phase(g, "investment")
    real, perceived = seat_deterrence(g, "riyadh")
    budget = g.state.seats["riyadh"].budget
    g.apply(A.ShowExercise("riyadh", "smda"))
    real2, perceived2 = seat_deterrence(g, "riyadh")
    assert perceived2 - perceived > 2 * (real2 - real) >= 0
    assert g.state.seats["riyadh"].budget == budget - int(g.state.params["exercise_cost"] * 1.5)
    assert "already exercised" in g.check(A.ShowExercise("islamabad", "smda"))


def test_secret_commitment_counts_for_real_not_perceived():
    public, secret, base = new_game(), new_game(), new_game()
    sign(public, "riyadh", "agreement", "ankara", public=True, clause="assistance")
    sign(secret, "riyadh", "agreement", "ankara", public=False, clause="assistance")
    r0, p0 = seat_deterrence(base, "riyadh")
    r1, p1 = seat_deterrence(public, "riyadh")
    r2, p2 = seat_deterrence(secret, "riyadh")
    assert r1 > r0 and p1 > p0
    assert r2 == r1 and p2 == p0


def test_secret_partner_is_obliged_and_delivers_in_a_crisis():
    g = new_game()
    com = sign(g, "riyadh", "agreement", "ankara", public=False, clause="assistance")
    c = inject(g)
    assert c.obligations["ankara"] == 2 and c.via["ankara"] == [com.id]
    c = respond_all(g, {"ankara": "military"})
    assert c.details["contributions"]["ankara"] > 0


def test_pact_index_is_real_and_perceived():
    g = new_game()
    real, perceived = pact_deterrence(g, g.state.commitments["smda"])
    assert 0 < real < perceived  # a clause with little integration: a bluff gap


# ------------------------------------------------------------------------- the draw
def test_draw_depends_on_perceived_deterrence_and_is_recorded():
    g = new_game(crises=True)
    base = sum(p for _, _, p in crisis_rules.likelihoods(g))
    g.state.seats["riyadh"].signal = 40.0
    bluff = sum(p for _, _, p in crisis_rules.likelihoods(g))
    assert bluff < base
    for actor in g.state.actors.values():
        actor["resolve"] = 3.0  # far above the cap: a crisis is certain
    g.state.params["crisis_cap"] = 1.0
    to_phase(g, "crisis")
    c = g.state.crisis
    assert c is not None and c.turn == 1
    chance = [e for e in g.events if e.kind == "chance"][-1]
    assert chance.data["probability"] == 1.0 and "roll" in chance.data
    assert chance.data["crisis_type"] == c.type and chance.data["target"] == c.target


def test_no_crisis_when_the_roll_misses():
    g = new_game()  # cap 0: never
    to_phase(g, "investment")
    next_quarter(g)
    chance = [e for e in g.events if e.kind == "chance"]
    assert chance and chance[0].data["probability"] == 0.0 and g.state.crises == []


def test_obligations_follow_the_clauses():
    g = new_game()
    c = inject(g)
    assert c.obligations == {"riyadh": 0, "islamabad": 2, "washington": 2}
    assert c.via == {"islamabad": ["smda"], "washington": ["us_saudi_sda"]}
    g2 = new_game()
    c2 = inject(g2, "east_med_standoff", "ankara")
    assert "washington" not in c2.obligations  # NATO excluded: it cannot take sides


def test_only_involved_seats_respond_once():
    g = new_game()
    c = inject(g)
    to_phase(g, "crisis")
    assert set(g.acting_seats()) == {"riyadh", "islamabad", "washington"}
    with pytest.raises(Exception) as err:
        g.apply(A.Respond("ankara", c.id, "none"))
    assert "not involved" in str(err.value)
    g.apply(A.Respond("islamabad", c.id, "material"))
    assert "already responded" in g.check(A.Respond("islamabad", c.id, "military"))


def test_resolution_outcome_damage_and_costs():
    g = new_game()
    c = inject(g)
    to_phase(g, "crisis")
    budget = g.state.seats["islamabad"].budget
    g.apply(A.Respond("islamabad", c.id, "material"))
    assert g.state.seats["islamabad"].budget == budget  # held secret (and unpaid) until the outcome
    g.apply(A.Respond("washington", c.id, "material"))
    g.apply(A.Respond("riyadh", c.id, "military"))
    assert g.state.crisis is None and g.state.crises[-1] is c
    paid = [e for e in g.events if e.kind == "response_paid" and e.data.get("seat") == "islamabad"]
    assert paid and paid[0].data["cost"] == crisis_rules.response_cost(c, "material")
    assert c.outcome in crisis_rules.OUTCOMES
    d = c.details
    assert d["defence"] == pytest.approx(sum(d["contributions"].values()), abs=0.01)
    assert d["damage"] >= 0
    assert g.turn == 2 and g.phase == "diplomacy"  # assessment ran, the next quarter began
    row = g.state.history[-1]
    assert row["crisis"]["id"] == c.id and row["crisis"]["outcome"] == c.outcome


def test_responses_stay_secret_until_the_outcome():
    """Rules §10.4: a submitted response moves nothing another seat sees (scores, budgets,
    indicators, the crisis itself); only the outcome reveals it (issue 15: Riyadh's score fell
    56.7 -> 45.0 on Ankara's screen when Riyadh answered militarily)."""
    from wargame.rules.scoring import score
    from wargame.rules.views import visible_events
    g = new_game()
    c = inject(g)
    to_phase(g, "crisis")
    others = ("ankara", "islamabad", "washington")
    before = {seat: g.view(seat) for seat in others}
    scores = {seat: score(g, seat).to_dict() for seat in ("riyadh", *others)}
    events = {seat: len(visible_events(g, seat)) for seat in others}
    g.apply(A.Respond("riyadh", c.id, "military"))
    assert g.state.crisis is c and "riyadh" in c.responses
    for seat in others:
        after = g.view(seat)
        assert after["seats"] == before[seat]["seats"], seat
        assert after["crisis"]["responses"] == before[seat]["crisis"]["responses"] == {}, seat
        assert len(visible_events(g, seat)) == events[seat], seat
    assert {seat: score(g, seat).to_dict() for seat in scores} == scores
    assert g.view("riyadh")["crisis"]["responses"] == {"riyadh": "military"}  # its own, it knows
    g.apply(A.Respond("islamabad", c.id, "none"))
    g.apply(A.Respond("washington", c.id, "none"))
    assert g.state.crises[-1] is c  # the outcome: now it is paid and shown
    assert any(e.kind == "outcome" and e.data["responses"].get("riyadh") == "military" for e in g.events)
    paid = [e for e in g.events if e.kind == "response_paid" and e.data["seat"] == "riyadh"]
    assert [e.data["cost"] for e in paid] == [crisis_rules.response_cost(c, "military")]


def test_stronger_defence_gives_better_outcomes():
    weak, strong = new_game(), new_game()
    for g in (weak, strong):
        inject(g, severity=1.5)
    for d in strong.state.seats["riyadh"].capability:
        strong.state.seats["riyadh"].capability[d] = 200.0
    for d in weak.state.seats["riyadh"].capability:
        weak.state.seats["riyadh"].capability[d] = 0.0
    cw = respond_all(weak, {})
    cs = respond_all(strong, {"riyadh": "military"})
    assert cs.outcome == "deterred" and cw.outcome == "damaging"
    assert cs.details["damage"] < cw.details["damage"]


# ------------------------------------------------------------------------- credibility
def test_honouring_raises_and_defecting_lowers_credibility():
    g = new_game()
    p = g.state.params
    inject(g)
    isl, us = g.state.seats["islamabad"].credibility, g.state.seats["washington"].credibility
    respond_all(g, {"riyadh": "military", "islamabad": "material", "washington": "diplomatic"})
    assert g.state.seats["islamabad"].credibility == pytest.approx(min(100, isl + p["honour_gain"]))
    assert g.state.seats["washington"].credibility == pytest.approx(us - p["defect_loss"] * 1)


def test_defecting_after_a_declaration_costs_more():
    plain, declared = new_game(), new_game()
    declared.apply(A.Declare("islamabad", "riyadh"))
    for g in (plain, declared):
        inject(g)
        respond_all(g, {"riyadh": "military"})
    p = plain.state.params
    loss_plain = plain.scenario.seats["islamabad"].credibility - plain.state.seats["islamabad"].credibility
    loss_declared = declared.scenario.seats["islamabad"].credibility - declared.state.seats["islamabad"].credibility
    assert loss_plain == pytest.approx(p["defect_loss"] * 2)
    assert loss_declared == pytest.approx(p["defect_loss"] * 2 * 1.5)


# ------------------------------------------------------------------------- learning
def test_threat_actor_learns_from_outcomes():
    weak, strong = new_game(), new_game()
    for g in (weak, strong):
        inject(g, severity=1.5)
    for d in strong.state.seats["riyadh"].capability:
        strong.state.seats["riyadh"].capability[d] = 200.0
    for d in weak.state.seats["riyadh"].capability:
        weak.state.seats["riyadh"].capability[d] = 0.0
    resolve = weak.state.actors["houthis"]["resolve"]
    respond_all(weak, {})
    respond_all(strong, {"riyadh": "military"})
    assert strong.state.actors["houthis"]["resolve"] == pytest.approx(round(resolve * 0.85, 4))
    assert weak.state.actors["houthis"]["resolve"] == pytest.approx(round(resolve * 1.12, 4))


def test_exposed_bluff_is_discounted_and_costs_more():
    honest, bluff = new_game(), new_game()
    for g in (honest, bluff):
        for d in g.state.seats["riyadh"].capability:
            g.state.seats["riyadh"].capability[d] = 0.0
    bluff.state.seats["riyadh"].signal = 60.0
    ch, cb = inject(honest, severity=1.5), inject(bluff, severity=1.5)
    assert cb.details["real"] == ch.details["real"] and cb.details["perceived"] > ch.details["perceived"]
    respond_all(honest, {})
    respond_all(bluff, {})
    assert ch.outcome == cb.outcome == "damaging"
    assert cb.details["damage"] > ch.details["damage"]
    assert bluff.state.seats["riyadh"].credibility < honest.state.seats["riyadh"].credibility
    assert bluff.state.actors["houthis"]["discount"]["riyadh"] > 0  # its signals count for less
    assert bluff.state.seats["riyadh"].signal == 0.0
    # the discount lowers what the actor perceives from now on
    _, perceived = seat_deterrence(bluff, "riyadh")
    bluff.state.actors["houthis"]["discount"]["riyadh"] = 0.0
    _, undiscounted = seat_deterrence(bluff, "riyadh")
    assert perceived <= undiscounted


def test_wavering_crisis_holds_us_sales_unless_washington_stands_firm():
    weak, firm = new_game(), new_game()
    for g in (weak, firm):
        inject(g, "us_arms_hold", "riyadh")
    respond_all(weak, {})
    respond_all(firm, {"washington": "material"})
    assert weak.state.commitments["pac3_sale"].terms["held"]
    assert not firm.state.commitments["pac3_sale"].terms["held"]


# ------------------------------------------------------------------------- the outcome explained
def test_outcome_summary_explains_the_test():
    from wargame.rules.outcome import outcome_summary
    g = new_game()
    c = inject(g)
    respond_all(g, {"riyadh": "military", "islamabad": "material", "washington": "diplomatic"})
    s = outcome_summary(g, c.id, "public")
    assert s["outcome"] == c.outcome and s["target"] == "riyadh" and s["quarter"] == g.quarter_of(c.turn)
    sent = {p["seat"]: (p["expected"], p["sent"], p["honoured"]) for p in s["partners"]}
    assert sent == {"islamabad": ("material", "material", True), "washington": ("material", "diplomatic", False)}
    isl = next(p for p in s["partners"] if p["seat"] == "islamabad")
    assert isl["integration"] == c.details["integration"]["islamabad"] and isl["delivered"] > 0
    assert isl["via"] == [g.state.commitments["smda"].name]
    assert s["deterrence"] == {"real": c.details["real"], "perceived": c.details["perceived"],
                               "gap": round(c.details["perceived"] - c.details["real"], 2)}
    r = s["roll"]
    assert r["score"] == pytest.approx(c.details["score"], abs=1e-3)
    assert r["score"] == pytest.approx(r["margin"] - r["exposure_penalty"] + r["swing"], abs=1e-3)
    expected = "deterred" if r["score"] >= r["deterred_at"] else "contained" if r["score"] >= r["contained_at"] \
        else "damaging"
    assert expected == c.outcome
    moves = {m["seat"]: m["delta"] for m in s["credibility"]}
    assert moves["islamabad"] > 0 > moves["washington"]
    with pytest.raises(ValueError, match="no resolved crisis"):
        outcome_summary(g, "x999")


def test_outcome_summary_keeps_secret_partners_secret():
    from wargame.rules.outcome import outcome_summary
    g = new_game()
    sign(g, "riyadh", "agreement", "ankara", public=False, clause="assistance")
    c = inject(g)
    respond_all(g, {"ankara": "military", "riyadh": "military"})
    public = outcome_summary(g, c.id, "public")
    assert "ankara" not in {p["seat"] for p in public["partners"]}
    assert public["deterrence"]["real"] is None and public["defence_partial"]
    assert not any(m["seat"] == "ankara" for m in public["credibility"])
    for viewer in ("ankara", "riyadh", None):
        assert "ankara" in {p["seat"] for p in outcome_summary(g, c.id, viewer)["partners"]}
    assert "ankara" not in {p["seat"] for p in outcome_summary(g, c.id, "islamabad")["partners"]}


def test_public_deterrence_leaves_secret_commitments_out():
    from wargame.rules.outcome import public_deterrence
    g = new_game()
    before = public_deterrence(g)
    sign(g, "riyadh", "agreement", "ankara", public=False, clause="assistance")
    assert public_deterrence(g) == before
    real, _ = seat_deterrence(g, "ankara")
    assert real > before["ankara"][0]  # the true real value moved, the public one did not
