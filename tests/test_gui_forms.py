"""Forms, inbox cards and dialogs show their consequences and keep their controls in place."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel

from wargame import Game, load_scenario
from wargame import actions as A


@pytest.fixture()
def game() -> Game:
    """A fresh default game in its first diplomacy phase."""
    return Game(load_scenario("pact-2026"), seed=7)


def _loan_offer(game: Game) -> str:
    game.apply(A.Propose("riyadh", "loan", ("islamabad",),
                         A.make_terms(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8)))
    return game.open_proposals("islamabad")[0].id


def test_inbox_buttons_keep_their_place_as_the_card_resizes(qtbot, game):
    """Reported: buttons moved as inbox cards resized (the wrapping terms sat above them)."""
    from ui.action_panel import ActionPanel
    pid = _loan_offer(game)
    panel = ActionPanel()
    qtbot.addWidget(panel)
    panel.set_game(game, "islamabad")
    panel.show()
    places = []
    for width in (300, 420, 700):
        panel.resize(width, 700)
        QApplication.processEvents()
        button = panel.buttons[f"accept_{pid}"]
        frame = button.parentWidget()
        places.append(button.mapTo(frame, QPoint(0, 0)).y())
    assert len(set(places)) == 1, places


def test_inbox_card_shows_what_accepting_costs_and_moves(qtbot, game):
    """Reported: inbox cards hid the cost and obligations of accepting."""
    from ui.action_panel import ActionPanel
    from wargame.types import money
    pid = _loan_offer(game)
    panel = ActionPanel()
    qtbot.addWidget(panel)
    panel.set_game(game, "islamabad")
    label = panel.findChild(QLabel, f"consequences_{pid}")
    assert label is not None
    budget = game.state.seats["islamabad"].budget
    score_before = game.score("islamabad").total
    signed = game.clone()
    signed.apply(A.Accept("islamabad", pid))  # what really happens on accepting
    gained = signed.state.seats["islamabad"].budget - budget
    text = label.text()
    assert text.startswith("<b style='color:#0B5C8E'>If you accept</b>")
    assert f"brings you {money(gained)} now" in text
    assert f"{score_before:.1f} → {signed.score('islamabad').total:.1f}" in text
    assert "a quarter for 8 quarters" in text and "debt rises by $1.0bn" in text


@pytest.mark.parametrize(("seat", "deal"), [("riyadh", "arms_sale"), ("islamabad", "grant"), ("riyadh", "loan"),
                                            ("ankara", "coproduction")])
def test_deal_form_shows_consequences_before_proposing(qtbot, game, seat, deal):
    from ui.forms.base import select_data
    from ui.forms.propose import ProposeForm
    form = ProposeForm(game, seat)
    qtbot.addWidget(form)
    assert select_data(form.deal, deal)
    assert form.ok.isEnabled()
    text = form.consequences.text()
    assert text.startswith("<b style='color:#0B5C8E'>If accepted</b><br><b>Money:</b>")
    assert "<b>Your score:</b>" in text


def test_sensible_default_directions(qtbot, game):
    """Reported: odd defaults such as 'Islamabad gives to Washington'."""
    from ui.forms.base import select_data
    from ui.forms.propose import ProposeForm
    form = ProposeForm(game, "islamabad")
    qtbot.addWidget(form)
    select_data(form.deal, "grant")
    assert dict(form.build().terms)["recipient"] == "islamabad"
    form = ProposeForm(game, "riyadh")
    qtbot.addWidget(form)
    select_data(form.deal, "arms_sale")
    assert dict(form.build().terms)["buyer"] == "riyadh"
    select_data(form.deal, "loan")
    select_data(form._combo("partner"), "islamabad")
    assert dict(form.build().terms)["lender"] == "riyadh"


def _crisis_game() -> Game:
    g = Game(load_scenario("pact-2026"), seed=7)
    g.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh"))
    for _ in range(2):
        for seat in list(g.acting_seats()):
            g.apply(A.EndPhase(seat))
    return g


def test_crisis_dialog_shows_the_odds_of_each_outcome_for_each_response(qtbot):
    """Reported: the crisis dialog gave prices but no estimate of defence against threat."""
    from ui.dialogs.crisis import CrisisDialog
    from wargame.rules.odds import crisis_odds
    g = _crisis_game()
    dialog = CrisisDialog(g, "islamabad")
    qtbot.addWidget(dialog)
    for odds in crisis_odds(g, "islamabad"):
        text = dialog.odds_labels[odds.level].text()
        for outcome, chance in odds.chances.items():
            assert f"{outcome} <b>{chance:.0%}</b>" in text
        assert f"defence {odds.defence:.1f} against threat {odds.threat:.1f}" in text
