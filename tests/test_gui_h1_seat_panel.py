"""The seat panel's own End phase asks first, like the toolbar, the menu and Ctrl+E (issue 15),
and the panel's action list no longer hides ``QWidget.actions()`` (issue 9)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from wargame.types import SEATS  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


@pytest.fixture
def win(qtbot):
    from ui.adapter import GameController
    from view_support import shown_main_window
    from wargame.rules.game import Game
    controller = GameController(Game("pact-2026", 7), {s: "person" if s == "riyadh" else "computer"
                                                       for s in SEATS})
    return shown_main_window(qtbot, controller)


def test_the_panel_end_phase_button_asks_first_with_the_toolbar_s_box(win, qtbot):
    seat = win.viewer
    assert seat == "riyadh"
    button = win.seat_panel.action_panel.buttons["end_phase"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = win.end_phase_box
    assert box is not None and box.isVisible(), "the panel's End phase must ask before ending the phase"
    assert "cannot be undone" in box.text()
    assert not win.game.state.seats[seat].done, "nothing happens before the seat confirms"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not win.game.state.seats[seat].done
    # one confirmation for every entry point: the toolbar's box says the same, word for word
    win.menu_actions["end_phase"].trigger()
    assert win.end_phase_box is not box and win.end_phase_box.text() == box.text()
    win.end_phase_box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.mouseClick(win.seat_panel.action_panel.buttons["end_phase"], Qt.MouseButton.LeftButton)
    win.end_phase_box.button(QMessageBox.StandardButton.Ok).click()
    assert win.game.state.seats[seat].done


def test_enter_in_the_box_keeps_playing(win, qtbot):
    """The default button is "Keep playing": a stray Enter does not end the phase."""
    from PySide6.QtTest import QTest
    qtbot.mouseClick(win.seat_panel.action_panel.buttons["end_phase"], Qt.MouseButton.LeftButton)
    QTest.keyClick(win.end_phase_box, Qt.Key.Key_Return)
    assert not win.game.state.seats["riyadh"].done


def test_seat_panel_actions_is_qt_s_list_of_actions(qtbot):
    from ui.action_panel import ActionPanel
    from ui.seat_panel import SeatPanel
    panel = SeatPanel()
    qtbot.addWidget(panel)
    assert isinstance(panel.action_panel, ActionPanel)
    extra = QAction("probe", panel)
    panel.addAction(extra)
    assert panel.actions() == [extra]  # QWidget.actions() is no longer shadowed by an attribute
