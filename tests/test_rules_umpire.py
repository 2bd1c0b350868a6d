"""Unit tests of the facilitator's actions, undo, and illegal actions with their reasons."""
from __future__ import annotations

import pytest

from wargame import IllegalAction
from wargame import actions as A
from wargame.actions import make_terms

from test_engine_helpers import fields, new_game, next_quarter, set_budget, to_phase

F = "facilitator"
LOAN = make_terms(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8)


def refused(g, action, code=None, match=None):
    """Assert the action is illegal (with a reason) and changed nothing."""
    before = g.digest()
    with pytest.raises(IllegalAction) as err:
        g.apply(action)
    assert err.value.reason and g.digest() == before
    assert g.check(action) == err.value.reason
    if code is not None:
        assert err.value.code == code
    if match is not None:
        assert match in err.value.reason
    return err.value


# ------------------------------------------------------------------------- facilitator
def test_inject_crisis_replaces_the_draw():
    g = new_game()
    g.apply(A.InjectCrisis(F, "india_pakistan", "islamabad", 1.2))
    c = g.state.crisis
    assert c.injected and c.severity == 1.2 and c.target == "islamabad"
    to_phase(g, "crisis")
    assert g.state.crisis is c
    assert not [e for e in g.events if e.kind == "chance"]  # no random draw this quarter
    refused(new_game(), A.InjectCrisis(F, "india_pakistan", "riyadh", 1.0), "form", "does not target")


def test_inject_custom_crisis():
    g = new_game()
    g.apply(A.InjectCrisis(F, "custom", "ankara", 0.8, "Cyber attack on TUSAS", "A test."))
    assert g.state.crisis.title == "Cyber attack on TUSAS"
    refused(new_game(), A.InjectCrisis(F, "custom", "ankara", 0.8), "form", "needs a title")


def test_inject_event_changes_a_seat():
    g = new_game()
    s = g.state.seats["ankara"]
    budget, stress, ext = s.budget, s.stress, g.state.external
    g.apply(A.InjectEvent(F, "Earthquake", "Reconstruction costs.", "ankara", make_terms(budget=-300, stress=5.0)))
    assert s.budget == budget - 300 and s.stress == pytest.approx(stress + 5)
    assert g.state.external == ext - 300  # money left the seats' economy, on the books
    refused(g, A.InjectEvent(F, "Boom", "", "ankara", make_terms(luck=3)), "form", "effects are among")
    refused(g, A.InjectEvent(F, "Ruin", "", "ankara", make_terms(budget=-10 ** 6)), "rule", "cannot absorb")


def test_set_parameter_with_a_reason():
    g = new_game()
    g.apply(A.SetParameter(F, "honour_gain", 9.0, "test the clause"))
    assert g.state.params["honour_gain"] == 9.0
    assert g.events[-1].kind == "parameter" and g.events[-1].data["reason"] == "test the clause"
    refused(g, A.SetParameter(F, "honour_gain", 9.0, ""), "form", "give a reason")
    refused(g, A.SetParameter(F, "no_such", 1.0, "x"), "form", "unknown parameter")
    refused(g, A.SetParameter(F, "capability_per_bn", -1.0, "x"), "form", "not negative")
    refused(g, A.SetParameter(F, "crisis_cap", 1.5, "x"), "form", "between 0 and 1")


def test_ruling_changes_outcome_and_corrects_damage():
    g = new_game()
    g.apply(A.InjectCrisis(F, "abqaiq_strike", "riyadh", 1.0))
    for d in g.state.seats["riyadh"].capability:
        g.state.seats["riyadh"].capability[d] = 0.0
    to_phase(g, "crisis")
    c = g.state.crisis
    for seat in list(g.acting_seats()):
        g.apply(A.Respond(seat, c.id, "none"))
    assert c.outcome == "damaging"
    budget = g.state.seats["riyadh"].budget
    g.apply(A.Ruling(F, c.id, "contained", "the strike was intercepted in part"))
    assert c.ruling == "contained" and c.outcome == "damaging"
    assert g.state.seats["riyadh"].budget > budget  # part of the damage is given back
    assert g.events[-1].data["rationale"] == "the strike was intercepted in part"
    refused(g, A.Ruling(F, c.id, "contained", "again"), "rule", "already contained")
    refused(g, A.Ruling(F, c.id, "deterred", ""), "form", "needs a rationale")


def test_note_is_pinned():
    g = new_game()
    g.apply(A.Note(F, "Watch Ankara's standing", 0))
    assert g.state.notes[-1]["text"] == "Watch Ankara's standing" and g.state.notes[-1]["event"] == 0
    refused(g, A.Note(F, "x", 10 ** 6), "form", "no event")


def test_phase_control_advance_hold_resume_extend():
    g = new_game()
    g.apply(A.PhaseControl(F, "hold"))
    for seat in ("ankara", "riyadh", "islamabad", "washington"):
        g.apply(A.EndPhase(seat))
    assert g.phase == "diplomacy"  # held: everyone is done but the phase waits
    g.apply(A.PhaseControl(F, "extend", 60))
    assert g.events[-1].data["seconds"] == 60
    g.apply(A.PhaseControl(F, "resume"))
    assert g.phase == "investment"  # everyone was done: resuming moves on
    g.apply(A.PhaseControl(F, "advance"))  # closes the investment phase for everyone
    assert g.turn == 2 and g.phase == "diplomacy"
    refused(g, A.PhaseControl(F, "resume"), "rule", "not held")
    refused(g, A.PhaseControl(F, "skip"), "form")


def test_facilitator_actions_are_the_facilitators_alone():
    g = new_game()
    refused(g, A.InjectCrisis("riyadh", "abqaiq_strike", "riyadh", 1.0), "seat", "facilitator's alone")
    refused(g, A.Propose(F, "loan", ("islamabad",), LOAN), "seat")


# ------------------------------------------------------------------------- undo
def test_undo_takes_back_the_last_action():
    g = new_game()
    before = fields(g)
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), LOAN))
    g.apply(A.Declare("washington", "riyadh"))
    g.apply(A.Undo("riyadh"))
    assert not g.state.proposals  # the proposal is gone...
    assert g.state.seats["riyadh"].signal > 0  # ...Washington's later declaration stays
    g.apply(A.Undo("washington"))
    assert fields(g) == before
    assert g.events[-1].kind == "undo"
    refused(g, A.Undo("washington"), "rule", "nothing to undo")


def test_undo_restores_money_and_political_capital():
    g = new_game()
    to_phase(g, "investment")
    s = g.state.seats["riyadh"]
    budget, pc = s.budget, s.pc
    g.apply(A.Invest("riyadh", "amd", 1000))
    assert s.budget == budget - 1000
    g.apply(A.Undo("riyadh"))
    s = g.state.seats["riyadh"]
    assert s.budget == budget and s.pc == pc and s.deliveries == []


def test_undo_refused_when_a_later_action_depends_on_it():
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), LOAN))
    pid = g.open_proposals("islamabad")[0].id
    g.apply(A.Accept("islamabad", pid))
    err = refused(g, A.Undo("riyadh"))
    assert "depends on it" in err.reason and "Islamabad" in err.reason


def test_undo_replays_a_note_on_a_recent_event():
    g = new_game()
    g.apply(A.Declare("riyadh", "islamabad"))
    g.apply(A.Note(F, "mark the declaration", len(g.events) - 1))
    g.apply(A.Declare("washington", "riyadh"))
    g.apply(A.Undo("washington"))  # the note is replayed, its event index still valid
    assert g.state.notes[-1]["text"] == "mark the declaration"
    assert g.state.event_count == len(g.events)


def test_undo_only_within_the_phase():
    g = new_game()
    g.apply(A.Declare("riyadh", "islamabad"))
    to_phase(g, "investment")
    refused(g, A.Undo("riyadh"), "rule", "nothing to undo")


def test_undo_survives_a_reload():
    from wargame import Game
    g = new_game()
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), LOAN))
    g.apply(A.Declare("riyadh", "islamabad"))
    h = Game.from_dict(g.to_dict())
    for game in (g, h):
        game.apply(A.Undo("riyadh"))
    assert g.digest() == h.digest()


# ------------------------------------------------------------------------- illegal actions
def test_budget_shortfall_is_refused_with_its_reason():
    g = new_game()
    to_phase(g, "investment")
    set_budget(g, "islamabad", 100)
    refused(g, A.Invest("islamabad", "air", 500), "rule", "cannot pay $500m")
    refused(g, A.ShowExercise("islamabad", "smda"), "rule", "cannot pay")


def test_wrong_phase_is_refused():
    g = new_game()
    refused(g, A.Invest("riyadh", "air", 500), "phase", "not allowed in the diplomacy phase")
    to_phase(g, "investment")
    refused(g, A.Propose("riyadh", "loan", ("islamabad",), LOAN), "phase")
    refused(g, A.Respond("riyadh", "x1", "none"), "phase")


def test_wrong_seat_is_refused():
    g = new_game()
    refused(g, A.Sanction("riyadh", "ankara"), "seat", "Washington's alone")
    refused(g, A.Accept("ankara", "p99"), "form", "no proposal")
    g.apply(A.Propose("riyadh", "loan", ("islamabad",), LOAN))
    pid = g.open_proposals("islamabad")[0].id
    refused(g, A.Accept("ankara", pid), "rule", "not addressed to Ankara")
    refused(g, A.EndPhase("nobody"), "form", "unknown seat")
    g.apply(A.EndPhase("ankara"))
    refused(g, A.Declare("ankara", "washington"), "seat", "already ended")


def test_no_political_capital_left():
    g = new_game()
    for _ in range(g.state.seats["islamabad"].pc):
        g.apply(A.Propose("islamabad", "premium", ("riyadh",), make_terms(buyer="riyadh", provider="islamabad", fee=100 + _)))
    refused(g, A.Declare("islamabad", "riyadh"), "rule", "no political capital")


def test_actions_after_the_game_are_refused():
    g = new_game()
    g.state.over = True
    refused(g, A.EndPhase("riyadh"), "over", "over")


def test_undo_next_quarter_keeps_refusing():
    g = new_game()
    next_quarter(g)
    refused(g, A.Undo("riyadh"), "rule", "nothing to undo")
