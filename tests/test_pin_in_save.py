"""The facilitator PIN lives in the save and guards what shows the game whole (issue 10).

It used to be kept in the app's settings under the save's path, so a copied or renamed save was
unguarded, and clearing the settings lifted it. Wrong PINs were not limited.
"""
from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ui.facilitator import pin as pins
from wargame.storage import GameRecord

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_gui_facilitator import make_window  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)


def _protected(qtbot, tmp_path, pin: str = "2468"):
    win = make_window(qtbot, tmp_path)
    assert win.facilitator.enter(pin="")
    assert win.facilitator.change_pin(pin)
    win.facilitator.leave()
    return win


def _reopen(qtbot, path):
    from ui.app import open_session_controller
    from ui.main_window import MainWindow
    win = MainWindow(open_session_controller(str(path)), restore=False)
    qtbot.addWidget(win)
    return win


def test_a_copied_and_renamed_save_keeps_its_pin_and_clearing_settings_does_not_lift_it(qtbot, tmp_path):
    from ui import settings
    win = _protected(qtbot, tmp_path)
    path = win.controller.path
    copy = tmp_path / "elsewhere" / "renamed.wargame"
    copy.parent.mkdir()
    win.close()
    shutil.copyfile(path, copy)
    settings.settings().clear()  # a student edits (here: wipes) the app's settings
    other = _reopen(qtbot, copy)
    assert pins.has_pin(other.facilitator.key())
    assert not other.facilitator.enter(pin="") and not other.facilitator.active
    assert other.facilitator.enter(pin="2468")


def test_wrong_pins_wait_longer_each_time_and_restarting_does_not_reset(qtbot, tmp_path):
    win = _protected(qtbot, tmp_path)
    mode = win.facilitator
    for _ in range(pins.FREE_TRIES):
        assert not mode.enter(pin="0000")
    assert pins.locked_for(mode.key()) > 0
    assert not mode.enter(pin="2468") and "wait" in win.status.currentMessage()  # even the right PIN waits
    path = win.controller.path
    win.close()
    again = _reopen(qtbot, path)
    book = again.facilitator.key()
    first = pins.locked_for(book)
    assert first > 0  # the count is in the save
    import time
    later = time.time() + first + 1
    assert pins.locked_for(book, now=later) == 0
    assert not pins.check_pin(book, "0000", now=later)  # the fourth wrong PIN: a longer wait
    assert pins.locked_for(book, now=later) > first
    assert pins.check_pin(book, "2468", now=later + 3600)  # the right PIN clears the count
    assert pins.locked_for(book) == 0


def test_replay_export_and_debrief_of_a_protected_game_ask_for_the_pin(qtbot, tmp_path, monkeypatch):
    from ui.facilitator.debrief import debrief_dialog
    from ui.replay import export_seat_dialog, open_replay
    win = _protected(qtbot, tmp_path)
    path = win.controller.path
    answers: list[tuple[str, bool]] = []
    asked: list[str] = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    answers[:] = [("1111", True)]
    assert open_replay(path, win, show=False) is None
    answers[:] = [("1111", True)]
    assert export_seat_dialog(win, path, seat="riyadh", out=tmp_path / "r.wargame-view") is None
    assert not (tmp_path / "r.wargame-view").exists()
    answers[:] = [("", False)]  # cancelled: not counted as a wrong PIN
    assert debrief_dialog(win) is None
    assert len(asked) == 3 and all("protected" in a for a in asked)
    answers[:] = [("2468", True)]
    replay = open_replay(path, win, show=False)
    assert replay is not None
    replay.close()
    assert win.facilitator.enter(pin="2468")  # the facilitator in facilitator mode is not asked again
    replay = open_replay(path, win, show=False)
    assert replay is not None and len(asked) == 4
    replay.close()


def test_an_unprotected_game_opens_its_replay_without_a_question(qtbot, tmp_path, monkeypatch):
    from ui.replay import open_replay
    win = make_window(qtbot, tmp_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("asked for a PIN"))
    replay = open_replay(win.controller.path, win, show=False)
    assert replay is not None
    replay.close()
    with GameRecord.open(win.controller.path, readonly=True) as rec:
        assert rec.meta(pins.SAVE_PIN) is None
