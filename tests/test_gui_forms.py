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
    before = game.view("islamabad")["seats"]["islamabad"]["budget"]
    score_before = game.score("islamabad").total
    after_game = game.clone()
    after_game.apply(A.Accept("islamabad", pid))
    gained = after_game.view("islamabad")["seats"]["islamabad"]["budget"] - before
    moved = after_game.score("islamabad").total - score_before
    text = label.text()
    assert f"budget +{money(gained)} now" in text
    assert f"{moved:+.1f} right away" in text
    assert "Binds you to" in text and "/quarter" in text


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
    assert text.startswith("<b>If accepted, for you:</b> budget") and "Your score" in text


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
