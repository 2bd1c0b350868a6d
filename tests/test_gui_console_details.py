"""The facilitator console: one numbering of the log, parameters by name.

Reported in class: the console said a change was "action #14" while the Notes list showed the
same change as "#21"; the parameters were listed by code names (honour_gain).
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from wargame.scenario import REQUIRED_PARAMS  # noqa: E402
from wargame.types import SEAT_NAMES, SEATS  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


@pytest.fixture
def console(qtbot, tmp_path):
    from ui.app import new_session_controller
    from ui.main_window import MainWindow
    from wargame.storage import SeatInfo
    seats = [SeatInfo(s, "person", SEAT_NAMES[s], "balanced") for s in SEATS]
    controller = new_session_controller("pact-2026", 7, seats, str(tmp_path / "class.wargame"))
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    assert win.facilitator.enter(pin="")
    # a few moves first, so the action and event counts differ
    for seat in ("ankara", "riyadh"):
        controller.apply(next(a for a in controller.game.legal_actions(seat) if a.kind == "declare"))
    return win.facilitator.console


def test_console_and_notes_list_number_the_log_alike(qtbot, console):
    box = console.param_box
    box.name.setCurrentIndex(box.name.findData("honour_gain"))
    box.value.setValue(7.0)
    box.reason_text.setText("the class agreed honour matters more")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    game = console.game
    said = re.search(r"event #(\d+)", box.reason.text())
    assert said, box.reason.text()
    number = int(said.group(1))
    assert number != len(game.actions), "not the action count"
    assert game.events[number].kind == "parameter"
    notes = console.note_box
    notes.set_game(game)
    rows = [notes.events.item(i).text() for i in range(notes.events.count())]
    row = next(r for r in rows if r.startswith(f"#{number} "))
    assert game.events[number].text in row


def test_parameters_are_listed_by_plain_names_with_the_code_name_as_tooltip(console):
    from ui.facilitator.param_names import PARAM_LABELS
    assert set(REQUIRED_PARAMS) <= set(PARAM_LABELS)
    combo = console.param_box.name
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts and not any("_" in t for t in texts), texts
    i = combo.findData("honour_gain")
    assert combo.itemText(i).startswith("Credibility gained for honouring")
    assert "honour_gain" in combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
