"""End to end: a whole 12-turn game played through the widgets, offscreen.

Riyadh and Islamabad are people (hot seat), Ankara and Washington the computer. Through the
widgets: the game is started from the welcome screen; Riyadh proposes converting the Saudi loan
into an arms package with the propose form and Islamabad accepts it in its inbox; an action is
undone; a crisis (injected by the facilitator as test setup) is answered through the crisis
dialog; hand-overs are confirmed; the game is saved as a copy and reopened through the app, and
the reopened game's digest equals the original's. The engine is only read, except to inject
the crisis.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wargame import actions as A  # noqa: E402

HUMANS = ("riyadh", "islamabad")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


def click(qtbot, button) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def end_phase(qtbot, window) -> None:
    """The panel's End phase, confirmed in the box it opens."""
    from PySide6.QtWidgets import QMessageBox
    click(qtbot, window.seat_panel.action_panel.buttons["end_phase"])
    click(qtbot, window.end_phase_box.button(QMessageBox.StandardButton.Ok))


class Driver:
    """Plays the human seats through the window, like a person with a mouse."""

    def __init__(self, qtbot, app, window) -> None:
        self.qtbot, self.app, self.window = qtbot, app, window
        self.c = window.controller
        self.proposed = self.accepted = self.undone = self.injected = False
        self.crisis_answers: list[str] = []
        self.handovers = 0

    @property
    def g(self):
        return self.window.controller.game

    def panel(self):
        return self.window.seat_panel.action_panel

    def settle(self) -> None:
        """Let the computer seats move until a person must act (or the game ends)."""
        self.qtbot.waitUntil(lambda: self.c.next_bot() is None or self.window.handover.isVisible()
                             or self._dialog_open() or self._human_turn(), timeout=10_000)
        self.app.processEvents()

    def _dialog_open(self) -> bool:
        d = self.window.crisis_dialog
        return d is not None and d.isVisible()

    def _human_turn(self) -> bool:
        return self.window.viewer in self.g.acting_seats() and self.window.viewer in HUMANS

    def step(self) -> None:
        w = self.window
        if w.handover.isVisible():
            self.handovers += 1
            click(self.qtbot, w.handover.button)
            return
        if self._dialog_open():
            self.answer_crisis()
            return
        seat = w.viewer
        if seat not in self.g.acting_seats():
            self.qtbot.wait(5)
            return
        if self.g.phase == "diplomacy":
            self.diplomacy(seat)
        elif self.g.phase == "investment":
            self.investment(seat)
        elif self.g.phase == "crisis":
            w.open_crisis()

    def diplomacy(self, seat: str) -> None:
        p = self.panel()
        if seat == "riyadh" and not self.proposed:
            self.propose_conversion()
            return
        if seat == "islamabad":
            for prop in self.g.open_proposals("islamabad"):
                key = f"{'accept' if prop.deal == 'convert' else 'reject'}_{prop.id}"
                click(self.qtbot, p.buttons[key])
                self.accepted |= prop.deal == "convert"
                return
        if self.g.turn == 2 and not self.injected:
            # test setup: the facilitator injects a crisis (through the adapter, so it is saved)
            self.injected = self.c.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh")) is not None
            return
        end_phase(self.qtbot, self.window)

    def investment(self, seat: str) -> None:
        p = self.panel()
        for prop in self.g.open_proposals(seat):  # answer anything the computer proposed
            click(self.qtbot, p.buttons[f"reject_{prop.id}"])
            return
        if seat == "riyadh" and not self.undone:
            budget = self.g.state.seats["riyadh"].budget
            click(self.qtbot, p.buttons["invest"])
            form = self.window.form
            form.amount.setValue(750)
            click(self.qtbot, form.ok)
            assert self.g.state.seats["riyadh"].budget == budget - 750
            click(self.qtbot, self.panel().buttons["undo"])
            assert self.g.state.seats["riyadh"].budget == budget
            assert self.g.actions[-1] == A.Undo("riyadh")
            self.undone = True
            return
        end_phase(self.qtbot, self.window)

    def propose_conversion(self) -> None:
        from ui.forms.base import select_data
        click(self.qtbot, self.panel().buttons["propose"])
        form = self.window.form
        assert select_data(form.deal, "convert")
        assert select_data(form._combo("loan"), "saudi_loan")
        assert select_data(form._combo("domain"), "air")
        assert form.to_label.text() == "Islamabad"
        click(self.qtbot, form.ok)
        self.proposed = True
        assert any(p.deal == "convert" for p in self.g.open_proposals("islamabad"))

    def answer_crisis(self) -> None:
        dialog = self.window.crisis_dialog
        level = "military" if dialog.seat == dialog.crisis.target else "material"
        if not dialog.radios[level].isEnabled():
            level = "diplomatic"
        dialog.choose(level)
        click(self.qtbot, dialog.ok)
        self.crisis_answers.append(f"{dialog.seat}:{level}")


def test_full_game_through_the_widgets(qtbot, tmp_path):
    from ui.adapter import GameController
    from ui.app import App, new_session_controller
    from ui.welcome import WelcomeScreen
    started = time.perf_counter()
    app = QApplication.instance()
    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    for seat, player in (("ankara", "computer"), ("riyadh", "person"), ("islamabad", "person"),
                         ("washington", "computer")):
        welcome.set_player(seat, player, "balanced")
    welcome.seed.setValue(11)
    holder: dict[str, GameController] = {}
    welcome.newGame.connect(lambda sc, seed, seats: holder.setdefault(
        "c", new_session_controller(sc, seed, seats, str(tmp_path / "game.wargame"))))
    click(qtbot, welcome.start)
    controller = holder["c"]
    controller.set_bot_interval(0)
    main = App()
    main._show(controller)
    window = main.window
    qtbot.addWidget(window)
    window.resize(1600, 900)
    assert window.viewer == "riyadh"
    d = Driver(qtbot, app, window)
    steps = 0
    while not controller.game.over:
        d.settle()
        if controller.game.over:
            break
        d.step()
        steps += 1
        assert steps < 2000, "the game did not finish"
    g = controller.game
    assert g.over and g.turn == 12
    assert d.proposed and d.accepted and d.undone and d.injected
    loan = g.state.commitments["saudi_loan"]
    assert loan.status == "expired" and loan.terms.get("converted")
    assert any(c.kind == "arms_sale" and c.terms.get("from_loan") == "saudi_loan" for c in g.state.commitments.values())
    assert any(c.injected and c.outcome for c in g.state.crises)
    assert any(a.startswith("islamabad:") for a in d.crisis_answers)
    assert d.handovers >= 12
    assert window.log.texts() and "game over" in window.status.where.text()
    # save a copy, keep playing there, then reopen it through the app
    from ui.main_menus import save_as
    digest = g.digest()
    copy = tmp_path / "copy.wargame"
    assert save_as(window, str(copy))
    assert controller.path == copy and controller.game.digest() == digest
    assert main.open_path(str(copy))
    assert window.controller is not controller
    assert window.controller.game.digest() == digest
    elapsed = time.perf_counter() - started
    assert elapsed < 90, f"the end-to-end game took {elapsed:.0f}s"


def test_bad_file_opens_a_clear_dialog(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from ui.app import App
    bad = tmp_path / "broken.wargame"
    bad.write_bytes(b"this is not a saved game")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert App().open_path(str(bad)) is False
    assert shown and "broken.wargame" in shown[0]
