"""With two or more people at one computer, the hand-over screen covers the seat at start and on reopen.

Reported in class: right after Start (and after reopening a save) Ankara's private panel showed
to the whole room; the hand-over screen only came at the first change of seat.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402

from wargame.types import SEAT_NAMES, SEATS  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


def seats(people: tuple[str, ...]):
    from wargame.storage import SeatInfo
    return [SeatInfo(s, "person" if s in people else "computer", SEAT_NAMES[s], "balanced") for s in SEATS]


def window(qtbot, controller):
    from view_support import shown_main_window
    # the heavy views load after the first paint (they add widgets to the window)
    return shown_main_window(qtbot, controller, settle_ms=300)


def assert_covered(win, seat: str) -> None:
    """The overlay hides the whole window and nothing of the seat can be used."""
    assert win.handover.isVisible() and win.handover.seat == seat
    assert win.handover.geometry() == win.rect()
    for x, y in ((0.5, 0.5), (0.15, 0.5), (0.85, 0.3), (0.5, 0.9), (0.5, 0.03)):  # on top everywhere
        point = win.rect().center()
        point.setX(int(win.width() * x))
        point.setY(int(win.height() * y))
        hit = win.childAt(point)
        assert hit is win.handover or win.handover.isAncestorOf(hit), f"{hit!r} shows at {x}, {y}"
    assert not win._can_act()
    assert not win.menu_actions["propose"].isEnabled()
    assert "hand-over" in win.menu_actions["propose"].toolTip()


def test_new_game_with_several_people_starts_behind_the_handover(qtbot, tmp_path):
    from ui.app import new_session_controller
    people = ("ankara", "riyadh", "islamabad")
    c = new_session_controller("pact-2026", 7, seats(people), str(tmp_path / "class.wargame"))
    win = window(qtbot, c)
    first = c.control
    assert first == "ankara"
    assert_covered(win, first)
    assert "Ankara" in win.handover.button.text()
    qtbot.mouseClick(win.handover.button, Qt.MouseButton.LeftButton)
    assert not win.handover.isVisible() and win.viewer == first and win._can_act()
    assert win.menu_actions["propose"].isEnabled()


def test_reopened_game_with_several_people_starts_behind_the_handover(qtbot, tmp_path):
    from ui.adapter import GameController
    from ui.app import new_session_controller
    from wargame import actions as A
    from wargame.storage import Session
    path = tmp_path / "class.wargame"
    c = new_session_controller("pact-2026", 7, seats(("riyadh", "islamabad")), str(path))
    c.apply(A.EndPhase("riyadh"))
    c.close()
    again = GameController.from_session(Session.resume(str(path)))
    win = window(qtbot, again)
    assert again.control == "islamabad"
    assert_covered(win, "islamabad")
    qtbot.mouseClick(win.handover.button, Qt.MouseButton.LeftButton)
    assert win.viewer == "islamabad" and win._can_act()


def test_one_person_against_the_computer_sees_the_seat_at_once(qtbot, tmp_path):
    from ui.app import new_session_controller
    c = new_session_controller("pact-2026", 7, seats(("riyadh",)), str(tmp_path / "solo.wargame"))
    win = window(qtbot, c)
    assert not win.handover.isVisible() and win.viewer == "riyadh" and win._can_act()


def test_handover_after_a_closed_error_message(qtbot, tmp_path):
    """A refused action's message box deletes itself when closed; the next hand-over must still
    come up (it used to stop on the deleted box: RuntimeError, the seat left uncovered)."""
    from PySide6.QtWidgets import QApplication
    from ui.app import new_session_controller
    from wargame import actions as A
    c = new_session_controller("pact-2026", 7, seats(("riyadh", "islamabad")), str(tmp_path / "c.wargame"))
    win = window(qtbot, c)
    qtbot.mouseClick(win.handover.button, Qt.MouseButton.LeftButton)
    assert win.viewer == "riyadh"
    c.apply(A.Invest("riyadh", "air", 500))  # refused in diplomacy: a message box
    box = win.error_box
    assert box is not None and box.isVisible()
    box.accept()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # its deferred delete
    QApplication.processEvents()
    c.apply(A.EndPhase("riyadh"))
    assert_covered(win, "islamabad")


def test_the_end_phase_button_is_not_destroyed_inside_its_own_click(qtbot, tmp_path):
    """The reported crash: Riyadh's "End investment phase", then the hand-over. The click rebuilt
    the seat panel at once, destroying the button while Qt was still delivering its click
    (use after free: a crash that comes a little later, e.g. at "I am Islamabad"). The old
    panel now goes with deleteLater, once the click is over."""
    import shiboken6
    from PySide6.QtWidgets import QApplication
    from ui.app import new_session_controller
    c = new_session_controller("pact-2026", 7, seats(("riyadh", "islamabad")), str(tmp_path / "c.wargame"))
    win = window(qtbot, c)
    qtbot.mouseClick(win.handover.button, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QMessageBox
    button = win.seat_panel.action_panel.buttons["end_phase"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # asks first (the confirmation box)
    ok = win.end_phase_box.button(QMessageBox.StandardButton.Ok)
    alive_after_click: list[bool] = []
    ok.clicked.connect(lambda: alive_after_click.append(shiboken6.isValid(button) and shiboken6.isValid(ok)))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert c.game.state.seats["riyadh"].done and win.handover.covering()
    assert alive_after_click == [True], "a button was destroyed while its click was delivered"
    assert shiboken6.isValid(button), "still alive when the click returns"
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # its deferred delete
    assert not shiboken6.isValid(button), "the old panel is deleted afterwards, not leaked"
    qtbot.mouseClick(win.handover.button, Qt.MouseButton.LeftButton)
    assert win.viewer == "islamabad" and win._can_act()
