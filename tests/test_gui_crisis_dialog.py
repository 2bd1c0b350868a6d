"""The crisis dialog: Enter submits the chosen response (never discards it), and no text is cut.

Reported in class: pressing Enter in the crisis dialog cancelled it and recorded no response;
after choosing "Diplomatic" the dialog's text was cut off at the bottom.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QLabel  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.rules.game import Game  # noqa: E402


@pytest.fixture
def crisis_game() -> Game:
    """Seed 7 with the Abqaiq strike on Riyadh injected and both planning phases ended."""
    g = Game("pact-2026", 7)
    g.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh"))
    while g.phase != "crisis":
        for seat in list(g.acting_seats()):
            g.apply(A.EndPhase(seat))
    return g


def open_dialog(qtbot, game: Game, seat: str):
    from ui.dialogs.crisis import CrisisDialog
    dialog = CrisisDialog(game, seat)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_submits_the_chosen_response(qtbot, crisis_game):
    seat = "islamabad"
    assert seat in crisis_game.acting_seats()
    dialog = open_dialog(qtbot, crisis_game, seat)
    chosen = dialog.level()
    assert chosen is not None
    focus = dialog.focusWidget()
    assert focus is not None and focus.window() is dialog
    with qtbot.waitSignal(dialog.finished) as blocker:
        QTest.keyClick(focus, Qt.Key.Key_Return)
    assert blocker.args == [QDialog.DialogCode.Accepted]
    assert dialog.action == A.Respond(seat, crisis_game.state.crisis.id, chosen)


def test_enter_after_choosing_with_the_keyboard_submits_that_choice(qtbot, crisis_game):
    dialog = open_dialog(qtbot, crisis_game, "islamabad")
    radio = dialog.radios["diplomatic"]
    radio.setFocus()
    QTest.keyClick(radio, Qt.Key.Key_Space)
    assert dialog.level() == "diplomatic"
    with qtbot.waitSignal(dialog.finished) as blocker:
        QTest.keyClick(radio, Qt.Key.Key_Enter)
    assert blocker.args == [QDialog.DialogCode.Accepted]
    assert dialog.action is not None and dialog.action.level == "diplomatic"


def test_cancel_is_never_the_default_button(qtbot, crisis_game):
    dialog = open_dialog(qtbot, crisis_game, "islamabad")
    assert dialog.ok.isDefault()
    assert all(not b.autoDefault() for b in dialog.buttons.buttons() if b is not dialog.ok)


@pytest.mark.parametrize("level", ["diplomatic", "none", "material"])
def test_no_text_is_cut_after_choosing(qtbot, crisis_game, level):
    dialog = open_dialog(qtbot, crisis_game, "islamabad")
    dialog.choose(level)
    qtbot.wait(20)  # let the dialog grow
    QApplication.processEvents()
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), \
                f"cut: {label.text()[:60]!r} is {label.height()} px of {label.heightForWidth(label.width())}"
    assert dialog.height() <= dialog.screen().availableGeometry().height()


def test_an_obliged_partner_sees_the_price_of_honouring_before_choosing(qtbot, crisis_game):
    """Issue 14: the choice to honour shows its cost, the credibility at stake and the odds moved,
    with the engine's figures (wargame.rules.honour.honour_price); the target sees no price."""
    from wargame.rules.honour import honour_price
    price = honour_price(crisis_game, "islamabad")
    assert price is not None
    dialog = open_dialog(qtbot, crisis_game, "islamabad")
    text = dialog.price.text()
    assert dialog.price.isVisibleTo(dialog)
    assert f"+{price.credibility_gain:g}" in text and f"−{price.credibility_loss:g}" in text
    assert f"{abs(price.net_points):.1f}</b> points" in text
    assert ("pays" if price.net_points > 0 else "costs you") in text
    target = open_dialog(qtbot, crisis_game, "riyadh")
    assert target.price.text() == "" and not target.price.isVisibleTo(target)
