"""Undo and Redo in the main window always say, and do, what the seat's undo stack holds.

Reported in class: after Ctrl+Z undid Riyadh's proposal the toolbar still read "Undo Propose a
deal", Redo did nothing and the next click undid another action; the toolbar buttons changed
width with their labels, so a click at the same place hit "End phase", which ended the phase
without asking.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.types import SEATS  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))


@pytest.fixture
def win(qtbot):
    from ui.adapter import GameController
    from ui.main_window import MainWindow
    controller = GameController(Game("pact-2026", 7), {s: "person" for s in SEATS})
    window = MainWindow(controller, restore=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    assert window.handover.isVisible(), "four people: the game starts behind the hand-over screen"
    window.handover.button.click()
    return window


def labels(win) -> tuple[str, bool, str, bool]:
    acts = win.menu_actions
    return (acts["undo"].text().replace("&", ""), acts["undo"].isEnabled(),
            acts["redo"].text().replace("&", ""), acts["redo"].isEnabled())


def a_move(game: Game, seat: str, kind: str) -> A.Action:
    """The first legal action of ``kind`` for ``seat`` (from the engine's catalogue)."""
    return next(a for a in game.legal_actions(seat) if a.kind == kind)


def test_labels_follow_the_stack_after_every_undo_and_redo(win):
    g, seat = win.game, win.viewer
    assert labels(win) == ("Undo", False, "Redo", False)
    win.do(a_move(win.game, win.viewer, "declare"))
    assert labels(win) == ("Undo Public declaration", True, "Redo", False)
    win.do(a_move(g, seat, "propose"))
    assert labels(win) == ("Undo Propose a deal", True, "Redo", False)
    win.menu_actions["undo"].trigger()  # Ctrl+Z
    assert not win.game.state.proposals, "the proposal was taken back"
    assert labels(win) == ("Undo Public declaration", True, "Redo Propose a deal", True)
    win.menu_actions["undo"].trigger()  # what the label says: the declaration
    assert not win.game.state.seats[seat].declared
    assert labels(win) == ("Undo", False, "Redo Public declaration", True)
    win.menu_actions["redo"].trigger()
    assert win.game.state.seats[seat].declared and not win.game.state.proposals
    assert labels(win) == ("Undo Public declaration", True, "Redo Propose a deal", True)
    win.menu_actions["redo"].trigger()
    assert len(win.game.state.proposals) == 1
    assert labels(win) == ("Undo Propose a deal", True, "Redo", False)
    tip = win.menu_actions["undo"].toolTip()
    assert "Propose a deal" in tip


def test_toolbar_buttons_keep_their_place_whatever_the_labels(win):
    bar = win.toolbar
    keys = ("undo", "redo", "end_phase")

    def places():
        return {k: bar.widgetForAction(win.menu_actions[k]).geometry().getRect() for k in keys}

    before = places()
    win.do(a_move(win.game, win.viewer, "declare"))
    win.do(a_move(win.game, win.viewer, "propose"))
    win.menu_actions["undo"].trigger()
    win.grab()  # lay the toolbar out again
    assert places() == before
    assert bar.widgetForAction(win.menu_actions["undo"]).text().startswith("Undo")


def test_end_phase_from_the_toolbar_asks_first_and_says_it_cannot_be_undone(win, qtbot):
    seat = win.viewer
    win.menu_actions["end_phase"].trigger()
    box = win.end_phase_box
    assert box is not None and box.isVisible()
    assert "cannot be undone" in box.text()
    assert not win.game.state.seats[seat].done, "nothing happens before the seat confirms"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not win.game.state.seats[seat].done
    win.menu_actions["end_phase"].trigger()
    win.end_phase_box.button(QMessageBox.StandardButton.Ok).click()
    assert win.game.state.seats[seat].done


def test_a_refused_action_leaves_undo_and_redo_as_they_were(win):
    seat = win.viewer
    win.do(a_move(win.game, seat, "declare"))
    win.menu_actions["undo"].trigger()
    assert labels(win) == ("Undo", False, "Redo Public declaration", True)
    win.do(A.Invest(seat, "air", 500))  # not allowed in diplomacy: the engine refuses it
    assert labels(win) == ("Undo", False, "Redo Public declaration", True)
    win.menu_actions["redo"].trigger()
    assert win.game.state.seats[seat].declared


def test_after_reopening_undo_names_the_seats_last_action(win):
    """A reopened save has empty undo stacks; Undo still says what the engine would take back."""
    seat = win.viewer
    win.controller.apply(a_move(win.game, seat, "declare"))  # not through the stack, as before a reopen
    win._update_actions()
    assert labels(win)[:2] == ("Undo Public declaration", True)
    win.menu_actions["undo"].trigger()
    assert not win.game.state.seats[seat].declared
    assert labels(win)[:2] == ("Undo", False)
