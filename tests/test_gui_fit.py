"""Every top-level screen opens inside a 1280×720 (and 1366×768) screen and stays usable there.

The screen is simulated: :func:`ui.screen_fit.available_geometry` is what every screen asks
for its room, and here it answers a classroom laptop's available geometry. For each screen:
the framed window fits, its minimum size fits (so maximising cannot overflow), and its key
widgets lie inside the window (not clipped).
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QToolButton, QWidget  # noqa: E402

from ui import screen_fit  # noqa: E402
from wargame import actions as A  # noqa: E402
from wargame.types import SEATS  # noqa: E402

SCREENS = [QRect(0, 0, 1280, 720), QRect(0, 0, 1366, 768)]


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


@pytest.fixture(params=SCREENS, ids=lambda r: f"{r.width()}x{r.height()}")
def screen(request, monkeypatch) -> QRect:
    """A simulated available screen geometry, answered to every screen that asks."""
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(request.param))
    return request.param


@pytest.fixture(scope="module")
def save(tmp_path_factory) -> Path:
    from test_replay_support import bot_save
    return bot_save(tmp_path_factory.mktemp("fit") / "game.wargame", 110)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def assert_fits(window: QWidget, screen: QRect, key: dict[str, QWidget]) -> None:
    """The framed window and its minimum size fit ``screen``; each key widget lies inside the window."""
    room = screen_fit.client_room(screen)
    name = type(window).__name__
    assert window.width() <= room.width() and window.height() <= room.height(), \
        f"{name} opens at {window.width()}x{window.height()}, the screen leaves {room.width()}x{room.height()}"
    framed = QRect(window.pos(), window.size() + screen_fit.FRAME)
    assert screen.contains(framed), f"{name} at {framed} is not inside the screen {screen}"
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= room.width() and hint.height() <= room.height(), \
        f"{name} cannot shrink below {hint.width()}x{hint.height()} (room {room.width()}x{room.height()})"
    inside = window.rect()
    for label, widget in key.items():
        assert widget.isVisible(), f"{name}: {label} is not shown"
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert rect.width() > 40 and rect.height() > 20, f"{name}: {label} is squashed to {rect}"
        assert inside.contains(rect), f"{name}: {label} at {rect} is clipped by the window {inside}"


def assert_indicators_fit(win, screen: QRect) -> None:
    """The scoreboard names every score component and the charts are not clipped (stacked or as tabs)."""
    win.ind_dock.raise_()
    settle()
    for view in (win.scoreboard, win.indicators):
        if win.ind_split.tabbed:
            win.ind_split.tabs.setCurrentWidget(view)
            settle()
        assert_fits(win, screen, {type(view).__name__: view})
    info = win.scoreboard.layout_info()
    assert info["labels"] and info["fits"], f"the scoreboard does not name its components: {info}"


def main_window(qtbot):
    """The main window opened as the app opens it (no remembered layout)."""
    from ui.app import App, demo_controller
    controller = demo_controller()
    controller.set_paused(True)
    app = App()
    app._show(controller)
    qtbot.addWidget(app.window)
    qtbot.waitExposed(app.window)
    app.window.load_heavy_views()
    settle()
    return app.window


def test_welcome_screen_fits(qtbot, screen):
    from ui.welcome import WelcomeScreen
    w = WelcomeScreen()
    qtbot.addWidget(w)
    w.show()
    settle()
    assert_fits(w, screen, {})


@pytest.mark.parametrize("phase", ["diplomacy", "investment"])
def test_main_window_fits_for_every_seat_and_phase(qtbot, screen, phase):
    win = main_window(qtbot)
    game = win.controller.game
    from wargame.bots import make_bots
    bots = make_bots(7)
    while game.phase != phase:
        win.controller.apply(bots[game.acting_seats()[0]].choose(game))
    for seat in SEATS:
        win.viewer = seat
        win.refresh()
        settle()
        win.seat_dock.raise_()
        settle()
        assert_fits(win, screen, {"map": win.map, "seat panel": win.seat_panel, "event log": win.log})
        assert_indicators_fit(win, screen)


def test_main_window_laid_out_wide_still_shrinks_to_the_screen(qtbot, screen):
    """A layout made at 1600×900 (side docks) must still fit when the window is maximised on a laptop."""
    from ui.app import demo_controller
    from ui.main_window import MainWindow
    controller = demo_controller()
    controller.set_paused(True)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    win.load_heavy_views()
    settle()
    room = screen_fit.client_room(screen)
    win.resize(room)
    settle()
    assert win.width() <= room.width() and win.height() <= room.height(), \
        f"the window stays {win.width()}x{win.height()} on a {room.width()}x{room.height()} screen"
    assert_fits(win, screen, {"map": win.map, "seat panel": win.seat_panel, "event log": win.log})
    assert_indicators_fit(win, screen)


def test_facilitator_console_fits(qtbot, screen):
    win = main_window(qtbot)
    assert win.facilitator.enter(pin="")
    settle()
    assert_fits(win, screen, {"console": win.facilitator.console, "map": win.map})


def test_projector_fits(qtbot, screen):
    from ui.projector import ProjectorView
    win = main_window(qtbot)
    view = ProjectorView(win.controller, win.facilitator.countdown)
    qtbot.addWidget(view)
    view.refresh()
    view.resize(screen.size())
    view.show()
    settle()
    hint = view.minimumSizeHint().expandedTo(view.minimumSize())
    assert hint.width() <= screen.width() and hint.height() <= screen.height()
    assert view.width() <= screen.width() and view.height() <= screen.height()


def test_crisis_and_game_over_dialogs_fit(qtbot, screen):
    from ui.dialogs.crisis import CrisisDialog
    from ui.dialogs.game_over import GameOverDialog
    win = main_window(qtbot)
    game = win.controller.game.clone()
    game.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh"))
    for dialog in (CrisisDialog(game, "riyadh", win), GameOverDialog(game, win)):
        dialog.show()
        settle()
        assert_fits(dialog, screen, {})


def test_what_if_dialog_fits(qtbot, screen):
    from ui.whatif import WhatIfDialog
    from wargame.rules.game import Game
    dialog = WhatIfDialog(Game("pact-2026", 7))
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert_fits(dialog, screen, {})


def test_replay_window_fits(qtbot, screen, save):
    from ui.replay.viewer import ReplayWindow
    win = ReplayWindow.open(save, readonly=True)
    qtbot.addWidget(win)
    win.show()
    win.jump(100)
    settle()
    assert_fits(win, screen, {"map": win.map})
    ext = win.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert ext is None or not ext.isVisible(), "the replay toolbar overflows: some of its buttons are hidden"
    if win.right.tabbed:
        win.right.tabs.setCurrentWidget(win.scoreboard)
        settle()
    assert_fits(win, screen, {"scoreboard": win.scoreboard})
    assert win.scoreboard.layout_info()["labels"], "the replay's scoreboard does not name the score components"


def test_compare_window_fits(qtbot, screen, save):
    from ui.replay.compare import CompareWindow
    win = CompareWindow(save, save)
    qtbot.addWidget(win)
    win.show()
    settle()
    assert_fits(win, screen, {"chart": win.overlay, "decisions": win.tabs})


def test_replay_and_compare_windows_have_a_close_button(qtbot, save):
    from ui.replay.compare import CompareWindow
    from ui.replay.viewer import ReplayWindow
    for win in (ReplayWindow.open(save, readonly=True), CompareWindow(save, save)):
        qtbot.addWidget(win)
        win.show()
        settle()
        buttons = [b for b in win.findChildren(QAbstractButton) if b.text() == "Close" and b.isVisible()]
        assert buttons, f"{type(win).__name__} has no visible Close button"
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        assert not win.isVisible()
