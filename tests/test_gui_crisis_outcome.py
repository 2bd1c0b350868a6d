"""The crisis outcome as a moment, offscreen (issue 15).

A submitted crisis response is secret: the public scoreboard must not move before the outcome.
After the last response the outcome gets its own screen on the seats' window and on the
projector (what each partner sent, what the integration layers delivered, real against
perceived, the roll, credibility moves) until the facilitator, or with no facilitator the
player, moves on.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.types import SEATS  # noqa: E402

F = "facilitator"
RESPONSES = {"riyadh": "military", "islamabad": "material", "washington": "diplomatic"}


from test_gui_projector import _isolated, win  # noqa: E402,F401 (the four-person class window)


def crisis_phase(c):
    assert c.apply(A.InjectCrisis(F, "abqaiq_strike", "riyadh")) is not None
    while c.game.phase != "crisis":
        assert c.apply(A.PhaseControl(F, "advance")) is not None
    return c.game.state.crisis


def respond(c, crisis, levels=RESPONSES):
    for seat, level in levels.items():
        assert c.apply(A.Respond(seat, crisis.id, level)) is not None


def test_scoreboard_does_not_move_on_a_secret_response(win):
    c = win.controller
    crisis = crisis_phase(c)
    win.refresh()
    before = win.scoreboard.totals()
    parts = {seat: win.scoreboard.parts(seat) for seat in SEATS}
    assert c.apply(A.Respond("riyadh", crisis.id, "military")) is not None  # $700m, secret
    win.refresh()
    assert win.scoreboard.totals() == before
    assert {seat: win.scoreboard.parts(seat) for seat in SEATS} == parts
    assert win.facilitator.outcome_dialog is None  # no outcome yet


def test_outcome_screen_until_the_player_moves_on(qtbot, win):
    c = win.controller
    crisis = crisis_phase(c)
    respond(c, crisis)
    mode = win.facilitator
    dialog = mode.outcome_dialog
    assert dialog is not None and dialog.isVisible() and mode.outcome_id == crisis.id
    text = dialog.view.text()
    outcome = (crisis.ruling or crisis.outcome).upper()
    for needed in (outcome, "Islamabad", "Washington", "honoured", "fell short", "margin", "roll", "Credibility"):
        assert needed in text, needed
    assert dialog.view.chart.rows[0].real == crisis.details["real"]
    assert dialog.view.chart.rows[0].perceived == crisis.details["perceived"]
    assert dialog.move_on.text() == f"Move on to {c.game.quarter}"
    qtbot.mouseClick(dialog.move_on, Qt.MouseButton.LeftButton)
    assert mode.outcome_dialog is None and not dialog.isVisible()


def test_projector_keeps_the_outcome_until_the_facilitator_moves_on(qtbot, win):
    c = win.controller
    mode = win.facilitator
    mode.toggle_projector(True)
    projector = mode.projector
    crisis = crisis_phase(c)
    respond(c, crisis)
    assert projector.showing_outcome()
    assert (crisis.ruling or crisis.outcome).upper() in projector.outcome.text()
    dialog = mode.outcome_dialog
    assert dialog.move_on.text().startswith("Facilitator:")  # a facilitated class: the room waits
    dialog.reject()  # Esc does not move the room on
    assert mode.outcome_dialog is dialog and projector.showing_outcome()
    assert mode.enter(pin="")
    assert dialog.move_on.text() == f"Move on to {c.game.quarter}"
    qtbot.mouseClick(dialog.move_on, Qt.MouseButton.LeftButton)
    assert not projector.showing_outcome() and mode.outcome_dialog is None


def test_projector_opened_later_shows_the_pending_outcome(win):
    c = win.controller
    crisis = crisis_phase(c)
    respond(c, crisis)
    win.facilitator.toggle_projector(True)
    assert win.facilitator.projector.showing_outcome()
    assert crisis.title in win.facilitator.projector.outcome.text()


def test_outcome_screen_shows_the_room_no_secret_partner(qtbot, win):
    c = win.controller
    terms = A.make_terms(clause="assistance")
    assert c.apply(A.Propose("riyadh", "agreement", ("ankara",), terms, False)) is not None
    prop = next(p for p in c.game.open_proposals("ankara") if p.sender == "riyadh")
    assert c.apply(A.Accept("ankara", prop.id)) is not None
    win.facilitator.toggle_projector(True)
    crisis = crisis_phase(c)
    assert "ankara" in crisis.obligations
    respond(c, crisis, {**RESPONSES, "ankara": "military"})
    dialog = win.facilitator.outcome_dialog
    for view in (dialog.view, win.facilitator.projector.outcome):  # several people share this screen
        assert "Ankara" not in view.body.text() and view.chart.rows[0].real is None


def test_seats_crisis_list_follows_injection_and_ruling(qtbot, win):
    """Issue 15: "No crisis so far." stayed after an injected crisis, and "contained" after a
    ruling changed the outcome (the charts were only redrawn when the number of crises grew)."""
    c = win.controller
    assert win.facilitator.enter(pin="")  # no hand-over screen between the seats' moves
    view = win.indicators.load()
    win.ind_dock.show()
    win.ind_dock.raise_()  # at 1280 px it is a tab behind the seat panel
    qtbot.waitUntil(lambda: win.indicators.isVisible(), timeout=2000)
    win.refresh()
    assert "No crisis so far" in view.crisis_list.text()
    assert c.apply(A.InjectCrisis(F, "abqaiq_strike", "riyadh")) is not None
    assert "under way" in view.crisis_list.text() and "No crisis" not in view.crisis_list.text()
    while c.game.phase != "crisis":
        assert c.apply(A.PhaseControl(F, "advance")) is not None
    crisis = c.game.state.crisis
    respond(c, crisis)
    assert f"— {crisis.outcome}" in view.crisis_list.text()
    other = "deterred" if crisis.outcome == "damaging" else "damaging"
    assert c.apply(A.Ruling(F, crisis.id, other, "the terminal burned for a week")) is not None
    assert f"— {other}" in view.crisis_list.text() and f"— {crisis.outcome}<" not in view.crisis_list.text()


def test_a_ruling_shows_on_the_outcome_screens(win):
    c = win.controller
    mode = win.facilitator
    mode.toggle_projector(True)
    assert mode.enter(pin="")
    crisis = crisis_phase(c)
    respond(c, crisis)
    other = "deterred" if crisis.outcome == "damaging" else "damaging"
    assert c.apply(A.Ruling(F, crisis.id, other, "the strike hit the terminal")) is not None
    for view in (mode.outcome_dialog.view, mode.projector.outcome):
        assert other.upper() in view.headline.text() and "facilitator's ruling" in view.headline.text()
        assert f"ruled the outcome {other}" in view.roll.text()
