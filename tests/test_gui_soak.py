"""A seeded random-click soak of the real main window: hand-overs, phases, proposals, undos, crises.

Reported in class: a segfault in libshiboken6 during a hot-seat hand-over ("End investment
phase", then "I am Islamabad"). This drives the window the way a class does, with real mouse
clicks and key presses chosen by a seeded generator: three people and one computer seat at one
computer, every hand-over confirmed, forms opened and submitted or cancelled, undo and redo from
the toolbar, phases ended through the confirmation, crisis responses sent with Enter, docks
floated and the window resized. After every step it checks that the window tells the truth (the
Undo label matches the stack, the hand-over hides the seat); at the end, that the saved game
replays to the same state. Any exception raised inside a Qt slot fails the test (pytest-qt).

Bounded in steps and time (``WARGAME_SOAK_STEPS``, default 1500; ``WARGAME_SOAK_SECONDS``,
default 60): the time bound only stops the run early, it is never asserted. For a crash hunt run
it longer under ``python -X faulthandler -m pytest tests/test_gui_soak.py`` with more steps.
It runs to the game's end when time allows: the debrief then opens, its worker threads running
while the window closes (tests/test_gui_debrief_exit.py covers leaving mid-debrief).
"""
from __future__ import annotations

import os
import random
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.types import SEAT_NAMES, SEATS  # noqa: E402

PEOPLE = ("riyadh", "islamabad", "ankara")
STEPS = int(os.environ.get("WARGAME_SOAK_STEPS", "1500"))
SECONDS = float(os.environ.get("WARGAME_SOAK_SECONDS", "60"))
SEED = int(os.environ.get("WARGAME_SOAK_SEED", "20260107"))


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


def visible(widget) -> bool:
    import shiboken6
    return widget is not None and shiboken6.isValid(widget) and widget.isVisible()


class Monkey:
    """Clicks around the window like a class of hurried players (one seeded generator)."""

    def __init__(self, qtbot, win, seed: int) -> None:
        self.qtbot, self.win, self.rng = qtbot, win, random.Random(seed)
        self.counts: dict[str, int] = {}

    @property
    def stale(self) -> list:
        """Actions legal earlier in the game that the engine now refuses (clicks on an old screen)."""
        g = self.win.game
        return [a for a in g.actions[-40:] if a.seat in SEATS and a.kind not in ("undo", "end_phase")
                and g.check(a) is not None]

    def _count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1
        self.last = [*getattr(self, "last", [])[-5:], f"{what} ({self.win.viewer}, {self.win.game.phase})"]

    def click(self, button) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def step(self) -> None:
        """One gesture, then let the event loop run (deferred deletes included)."""
        win, rng = self.win, self.rng
        dialogs = [d for d in (win.end_phase_box, win.error_box) if visible(d)]
        if dialogs:
            box = dialogs[0]
            buttons = [b for b in box.buttons() if b.isEnabled()]
            self._count("message box")
            self.click(rng.choice(buttons))
        elif win.handover.covering():
            self._count("hand-over")
            self.click(win.handover.button)
        elif visible(win.crisis_dialog):
            self._crisis(win.crisis_dialog)
        elif visible(win.form):
            self._form(win.form)
        else:
            self._gesture()
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # run deleteLater() now
        QApplication.processEvents()

    def _crisis(self, dialog) -> None:
        self._count("crisis")
        radios = [r for r in dialog.radios.values() if r.isEnabled()]
        roll = self.rng.random()
        if roll < 0.1:
            self.click(dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
            return
        radio = self.rng.choice(radios)
        self.click(radio)
        QTest.keyClick(radio, Qt.Key.Key_Return)

    def _form(self, form) -> None:
        self._count("form")
        combos = [c for c in form.findChildren(QComboBox) if c.isEnabled() and c.count()]
        for combo in self.rng.sample(combos, min(2, len(combos))):
            if combo.count():  # choosing in one combo may refill another
                combo.setCurrentIndex(self.rng.randrange(combo.count()))
        if form.ok.isEnabled() and self.rng.random() < 0.7:
            self.click(form.ok)
        else:
            form.reject()

    def _gesture(self) -> None:
        win, rng = self.win, self.rng
        acts = win.menu_actions
        roll = rng.random()
        panel = win.seat_panel.action_panel
        enabled = [b for b in panel.buttons.values() if isinstance(b, QPushButton) and b.isEnabled()
                   and b.isVisible()]
        if roll < 0.40 and enabled:
            button = rng.choice(enabled)
            self._count(f"panel {button.objectName().split('_p')[0]}")
            self.click(button)
        elif roll < 0.52:
            self._count("toolbar undo")
            self.click(win.toolbar.widgetForAction(acts["undo"]))
        elif roll < 0.58:
            self._count("toolbar redo")
            self.click(win.toolbar.widgetForAction(acts["redo"]))
        elif roll < 0.72:
            self._count("toolbar end phase")
            self.click(win.toolbar.widgetForAction(acts["end_phase"]))
        elif roll < 0.80:
            self._count("tab")
            win.tabs.setCurrentIndex(rng.randrange(win.tabs.count()))
        elif roll < 0.85:
            self._count("dock float")
            dock = rng.choice([win.seat_dock, win.ind_dock, win.log_dock])
            dock.setFloating(not dock.isFloating())
        elif roll < 0.90:
            self._count("resize")
            win.resize(*rng.choice([(1280, 720), (1366, 768), (1600, 900), (1024, 700)]))
        elif roll < 0.91:
            self._count("log filter")
            win.log.filter.setText(rng.choice(["", "crisis", "riyadh", "p", ""]))
        elif roll < 0.94 and win._can_act():
            self._count("refused action")  # a stale click: the engine refuses, a message box says why
            win.do(rng.choice(self.stale) if self.stale else A.Invest(win.viewer, "air", 10**9))
        elif roll < 0.96:
            self._count("facilitator")
            if win.facilitator.active:  # back to the seats: the hand-over screen comes up
                win.facilitator.leave()
            else:
                win.facilitator.enter(pin="")
            if rng.random() < 0.5:
                win.facilitator.toggle_projector()
        else:
            self._count("wait")
            self.qtbot.wait(rng.choice([1, 5, 20]))  # computer seats move on the timer


def check_window_tells_the_truth(win) -> None:
    """What the toolbar and panels say matches the game and the stacks."""
    acts = win.menu_actions
    if win.handover.covering():
        assert not win._can_act() and not acts["undo"].isEnabled()
        if win.isVisible():  # nothing of the seat shows through, whatever the window re-laid out
            hit = win.childAt(win.rect().center())
            assert hit is win.handover or win.handover.isAncestorOf(hit), f"{hit!r} shows over the hand-over"
        return
    seat = win.viewer
    if win._can_act() and seat in SEATS and acts["undo"].isEnabled():
        text = win.undo.undo_text(seat)
        assert acts["undo"].text().replace("&", "") == (f"Undo {text}" if text else "Undo")
    if win._can_act() and seat in SEATS:
        assert acts["redo"].isEnabled() == (win.undo.redo_reason(seat) is None)


def test_random_clicks_through_hand_overs_phases_and_undos(qtbot, tmp_path):
    from ui.app import new_session_controller
    from ui.main_window import MainWindow
    from wargame.storage import SeatInfo, Session
    seats = [SeatInfo(s, "person" if s in PEOPLE else "computer", SEAT_NAMES[s], "balanced") for s in SEATS]
    path = tmp_path / "soak.wargame"
    controller = new_session_controller("pact-2026", 11, seats, str(path))
    controller.set_bot_interval(0)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    monkey = Monkey(qtbot, win, seed=SEED)
    start, steps = time.monotonic(), 0
    while steps < STEPS and time.monotonic() - start < SECONDS:
        if win.game.over:  # the debrief opens (its worker threads run while the window closes)
            break
        monkey.step()
        try:
            check_window_tells_the_truth(win)
        except AssertionError as err:  # say what led there
            raise AssertionError(f"after {getattr(monkey, 'last', [])}: {err}") from None
        steps += 1
    g = win.game
    print(f"soak: {steps} steps in {time.monotonic() - start:.1f} s, reached {g.quarter} {g.phase}, "
          f"{len(g.actions)} actions; {sorted(monkey.counts.items())}")
    assert steps >= min(STEPS, 150), "the soak ran too few steps to mean anything"
    assert monkey.counts.get("hand-over", 0) >= 5
    assert any(a.kind == "undo" for a in g.actions), "some undo went through"
    assert g.turn >= 2, "the game moved past the first quarter"
    if g.over:  # the debrief is on screen, weighing decisions, as the window closes
        from ui.dialogs.game_over import GameOverDialog
        assert any(isinstance(w, GameOverDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    digest, count = g.digest(), len(g.actions)
    win.close()
    again = Session.resume(str(path))
    assert len(again.game.actions) == count and again.game.digest() == digest


def test_closed_forms_do_not_pile_up(qtbot):
    """Each form holds a copy of its game: a class session opens hundreds, so closed ones go."""
    from ui.adapter import GameController
    from ui.forms.base import ActionForm
    from ui.main_window import MainWindow
    from wargame.rules.game import Game
    controller = GameController(Game("pact-2026", 7), {s: "person" if s == "riyadh" else "computer"
                                                       for s in SEATS})
    controller.set_paused(True)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.show()
    for _ in range(6):
        win.open_form("propose")
        assert visible(win.form)
        win.form.reject()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(win.findChildren(ActionForm)) <= 1
