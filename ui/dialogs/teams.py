"""Facilitator → Team and student names…: change who plays each seat by name, during the game.

The names are the seats' ``name`` in the save (``GameRecord.rename_seat``); the hand-over screen
and the debrief report read them from there.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.handover import team_name
from ui.welcome import TEAM_MAX
from wargame.types import SEAT_NAMES, SEATS


class TeamNamesDialog(QDialog):
    """One field per seat played by a person, filled with the names the save holds."""

    def __init__(self, win: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or win)
        self.win = win
        self.setWindowTitle("Team and student names")
        self.setObjectName("team_names")
        layout = QVBoxLayout(self)
        intro = QLabel("Who plays each seat: a team name and the students' names. They are saved "
                       "with the game and shown on the hand-over screen and in the debrief report.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        controller = win.controller
        for seat in SEATS:
            if not controller.is_human(seat):
                continue
            field = QLineEdit(team_name(win, seat))
            field.setObjectName(f"team_{seat}")
            field.setMaxLength(TEAM_MAX)
            field.setPlaceholderText("e.g. Falcons: Aylin, Bora")
            form.addRow(SEAT_NAMES[seat], field)
            self.fields[seat] = field
        if not self.fields:
            form.addRow(QLabel("The computer plays every seat."))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def save(self) -> dict[str, str]:
        """Write the fields to the save; returns the names as stored, by seat."""
        record = self.win.controller.session.record
        for seat, field in self.fields.items():
            record.rename_seat(seat, field.text())
        return {i.seat: i.name for i in record.seats}

    def accept(self) -> None:
        """Save, then close."""
        self.save()
        super().accept()


def edit_team_names(win: Any) -> TeamNamesDialog | None:
    """Open the names dialog for ``win``'s saved game (a message if the game is not saved)."""
    from PySide6.QtWidgets import QMessageBox
    session = getattr(win.controller, "session", None) if win.controller is not None else None
    if session is None:
        QMessageBox.information(win, "Team and student names", "This game is not saved, so there is "
                                "nowhere to keep the names. Start or open a saved game.")
        return None
    dialog = TeamNamesDialog(win)
    dialog.open()
    return dialog
