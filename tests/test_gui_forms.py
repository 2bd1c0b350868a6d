"""Forms, inbox cards and dialogs show their consequences and keep their controls in place."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

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
