"""The end of the game: final scores with their breakdown."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.forms.base import seat_name
from ui.theme import SEAT_COLORS
from wargame.rules.game import Game


class GameOverDialog(QDialog):
    """Final scores, highest first, with each seat's score components."""

    def __init__(self, game: Game, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("The game is over")
        layout = QVBoxLayout(self)
        scores = sorted(game.scores().items(), key=lambda kv: -kv[1].total)
        rows = []
        for seat, sc in scores:
            parts = ", ".join(f"{c.label} {c.points:+.1f}" for c in sc.components)
            rows.append(f"<tr><td><b style='color:{SEAT_COLORS.get(seat, '#000')}'>{seat_name(seat)}</b></td>"
                        f"<td align='right'><b>{sc.total:.1f}</b></td><td style='color:#5C636E'>{parts}</td></tr>")
        crises = len(game.state.crises)
        text = QLabel(f"<h2>Final scores — {game.quarter}</h2><table cellspacing='6'>{''.join(rows)}</table>"
                      f"<p>{crises} crisis test{'s' if crises != 1 else ''} over the game. "
                      f"The event log and the indicators keep the whole story.</p>")
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
