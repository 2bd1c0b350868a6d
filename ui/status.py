"""The main window's status bar: quarter, phase, whose move it is, and the computer's progress."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from ui.i18n import phase_name

if TYPE_CHECKING:
    from ui.adapter import GameController
    from wargame.rules.game import Game


class StatusBar(QStatusBar):
    """Quarter · phase · whose move, plus "Washington (computer) is thinking…" and a busy bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where = QLabel()
        self.where.setObjectName("status_where")
        self.where.setStyleSheet("font-weight:bold;padding:0 8px;")
        self.thinking = QLabel()
        self.thinking.setObjectName("status_thinking")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.clock = QLabel()
        self.clock.setObjectName("status_clock")
        self.clock.setStyleSheet("font-weight:bold;padding:0 8px;")
        self.clock.hide()
        self.addWidget(self.where)
        self.addPermanentWidget(self.clock)
        self.addPermanentWidget(self.thinking)
        self.addPermanentWidget(self.progress)
        self._controller: GameController | None = None

    def show_game(self, game: "Game", controller: "GameController") -> None:
        """Quarter, phase and whose move it is."""
        self._controller = controller
        if game.over:
            self._set(QCoreApplication.translate("StatusBar", "{quarter} · game over").format(quarter=game.quarter))
            return
        acting = game.acting_seats()
        who = ", ".join(controller.seat_label(s) for s in acting) or "—"
        turns = game.scenario.meta.turns
        self._set(QCoreApplication.translate("StatusBar", "{quarter} (turn {turn}/{turns}) · {phase} · to move: {who}")
                  .format(quarter=game.quarter, turn=game.turn, turns=turns, phase=phase_name(game.phase), who=who))

    def _set(self, text: str) -> None:
        if self.where.text() != text:
            self.where.setText(text)

    def set_clock(self, text: str, tip: str = "") -> None:
        """Show the phase clock (``""`` hides it)."""
        if self.clock.text() != text:
            self.clock.setText(text)
            self.clock.setToolTip(tip)
        if self.clock.isVisible() != bool(text):
            self.clock.setVisible(bool(text))

    def set_thinking(self, seat: str) -> None:
        """Show which computer seat is about to move ("" hides it)."""
        text = QCoreApplication.translate("StatusBar", "{seat} is thinking…").format(
            seat=self._controller.seat_label(seat)) if seat and self._controller else ""
        if self.thinking.text() != text:
            self.thinking.setText(text)
        if self.progress.isVisible() != bool(text):
            self.progress.setVisible(bool(text))
