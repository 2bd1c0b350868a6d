"""Game → Debrief report…: the current save's after-action report as HTML or PDF."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

FILTERS = "Web page (*.html);;PDF document (*.pdf)"


def write_debrief(save_path: str | Path | None, out_path: str | Path, audience: str = "facilitator") -> Path:
    """Write the report of the save ``save_path`` to ``out_path`` (PDF if it ends in ``.pdf``, else HTML);
    ``audience="students"`` writes the handout without the facilitator's notes."""
    if not save_path:
        raise ValueError("this game is not saved: there is no record to report on")
    from wargame.report import write_report
    out = Path(out_path)
    if out.suffix.lower() not in (".html", ".htm", ".pdf"):
        out = out.with_suffix(".html")
    return Path(write_report(str(save_path), str(out), audience))


def ask_audience(parent: QWidget) -> str | None:
    """Ask who the report is for: ``facilitator``, ``students`` or ``None`` (cancelled)."""
    box = QMessageBox(parent)
    box.setWindowTitle("Debrief report")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText("Who is this report for?")
    box.setInformativeText("The full debrief has your notes and bookmarks. The student handout leaves "
                           "them out; your interventions and their reasons stay, as the class saw them.")
    full = box.addButton("Full debrief (facilitator)", QMessageBox.ButtonRole.AcceptRole)
    handout = box.addButton("Student handout", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(full)
    box.exec()
    clicked = box.clickedButton()
    return "facilitator" if clicked is full else "students" if clicked is handout else None


def debrief_dialog(win: Any) -> Path | None:
    """Ask where to write the report of ``win``'s game, write it, and say where it is."""
    controller = win.controller
    save = controller.path if controller is not None else None
    parent: QWidget = win
    if save is None:
        QMessageBox.information(parent, "Debrief report", "This game is not saved, so there is no record to "
                                "report on. Start or open a saved game.")
        return None
    from ui.facilitator.pin_gate import allowed
    if not allowed(parent, save, "write its debrief report"):
        return None
    audience = ask_audience(parent)
    if audience is None:
        return None
    kind = "debrief" if audience == "facilitator" else "handout"
    suggested = str(Path(save).with_name(f"{Path(save).stem}-{kind}.html"))
    path, chosen = QFileDialog.getSaveFileName(parent, "Write the debrief report", suggested, FILTERS)
    if not path:
        return None
    if not Path(path).suffix:
        path += ".pdf" if "pdf" in chosen.lower() else ".html"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        out = write_debrief(save, path, audience)
    except Exception as err:  # a report failure must never crash the game
        QApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, "Could not write the report", str(err))
        return None
    QApplication.restoreOverrideCursor()
    status = getattr(win, "status", None)
    if status is not None:
        status.showMessage(f"Debrief report written to {out}", 8000)
    return out
