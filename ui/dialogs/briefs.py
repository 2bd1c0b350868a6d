"""Help → Role briefs…: read a seat's printable role brief and save it as PDF or HTML.

The brief is built by :mod:`wargame.briefs` for the game's scenario (the default scenario when
no game is open); the PDF is written by :func:`ui.report_pdf.write_briefs_pdf`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
    QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from wargame.report import css
from wargame.types import SEAT_NAMES, SEATS

ALL = "all"
"""The seat choice that prints every seat's brief, one per page."""


class BriefsDialog(QDialog):
    """A seat chooser, the brief as it will print, and Save as PDF / Save as web page."""

    def __init__(self, scenario: Any, seat: str | None = None, parent: QWidget | None = None,
                 teams: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.scenario = scenario
        self.teams = dict(teams or {})
        self.setWindowTitle(f"Role briefs — {scenario.meta.title}")
        self.setObjectName("briefs")
        self.resize(980, 660)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Brief for:"))
        self.seat = QComboBox()
        self.seat.setObjectName("brief_seat")
        for s in SEATS:
            self.seat.addItem(SEAT_NAMES[s], s)
        self.seat.addItem("Every seat (one after another)", ALL)
        row.addWidget(self.seat)
        row.addStretch(1)
        hint = QLabel("Print one for each team before the game: a page or two each.")
        hint.setStyleSheet("color:#5C636E;")
        row.addWidget(hint)
        layout.addLayout(row)
        self.text = QTextBrowser()
        self.text.setObjectName("brief_text")
        self.text.setStyleSheet("QTextBrowser{background:white;padding:8px 16px;font-size:14px;}")
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_pdf = QPushButton("Save as PDF…")
        self.save_pdf.setObjectName("brief_pdf")
        self.save_html = QPushButton("Save as web page…")
        buttons.addButton(self.save_pdf, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_html, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_pdf.clicked.connect(lambda: self._save(".pdf"))
        self.save_html.clicked.connect(lambda: self._save(".html"))
        layout.addWidget(buttons)
        self.seat.currentIndexChanged.connect(self._show)
        if seat in SEATS:
            self.seat.setCurrentIndex(SEATS.index(seat))
        self._show()

    def seats(self) -> list[str]:
        """The seats chosen (one, or all of them)."""
        value = self.seat.currentData()
        return list(SEATS) if value == ALL else [value]

    def _show(self, *_: object) -> None:
        from wargame.briefs import briefs_html
        self.text.setHtml(briefs_html(self.scenario, self.seats(), stylesheet=css.QT, teams=self.teams))

    def default_name(self, suffix: str) -> str:
        """``briefs-pact-2026-riyadh.pdf`` (no seat for every seat)."""
        seats = self.seats()
        who = f"-{seats[0]}" if len(seats) == 1 else ""
        return f"briefs-{self.scenario.meta.id}{who}{suffix}"

    def write(self, path: str | Path) -> Path:
        """Write the chosen briefs to ``path``: PDF if it ends in ``.pdf``, else HTML."""
        out = Path(path)
        if out.suffix.lower() == ".pdf":
            from ui.report_pdf import write_briefs_pdf
            return write_briefs_pdf(self.scenario, out, self.seats(), self.teams)
        from wargame.briefs import write_briefs_html
        return write_briefs_html(self.scenario, out.with_suffix(out.suffix or ".html"), self.seats(), self.teams)

    def _save(self, suffix: str) -> Path | None:
        from wargame.storage import default_saves_dir
        kind = "PDF document (*.pdf)" if suffix == ".pdf" else "Web page (*.html)"
        start = str(Path(default_saves_dir()) / self.default_name(suffix))
        path, _ = QFileDialog.getSaveFileName(self, "Save the role brief", start, kind)
        if not path:
            return None
        if not Path(path).suffix:
            path += suffix
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            out = self.write(path)
        except OSError as err:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, "Could not save the brief", f"{path}: {err.strerror or err}")
            return None
        QApplication.restoreOverrideCursor()
        QMessageBox.information(self, "Role brief saved", f"Saved to {out}")
        return out


def show_briefs(win: Any, seat: str | None = None) -> BriefsDialog:
    """Open the role briefs of ``win``'s game (the default scenario with no game), at ``seat``
    (the seat being viewed when not given)."""
    controller = getattr(win, "controller", None)
    if controller is not None:
        scenario = controller.game.scenario
    else:
        from wargame.scenario import load_scenario
        scenario = load_scenario("pact-2026")
    if seat is None:
        seat = getattr(win, "viewer", None)
    from ui.handover import team_name
    teams = {s: team_name(win, s) for s in SEATS} if controller is not None else {}
    dialog = BriefsDialog(scenario, seat, win if isinstance(win, QWidget) else None,
                          {s: t for s, t in teams.items() if t})
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
