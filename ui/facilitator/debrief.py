"""Game → Debrief report…: the current save's after-action report as HTML or PDF."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

FILTERS = "Web page (*.html);;PDF document (*.pdf)"


def write_debrief(save_path: str | Path | None, out_path: str | Path) -> Path:
    """Write the report of the save ``save_path`` to ``out_path`` (PDF if it ends in ``.pdf``, else HTML)."""
    if not save_path:
        raise ValueError("this game is not saved: there is no record to report on")
    from wargame.report import write_report
    out = Path(out_path)
    if out.suffix.lower() not in (".html", ".htm", ".pdf"):
        out = out.with_suffix(".html")
    return Path(write_report(str(save_path), str(out)))


def debrief_dialog(win: Any) -> Path | None:
    """Ask where to write the report of ``win``'s game, write it, and say where it is."""
    controller = win.controller
    save = controller.path if controller is not None else None
    parent: QWidget = win
    if save is None:
        QMessageBox.information(parent, "Debrief report", "This game is not saved, so there is no record to "
                                "report on. Start or open a saved game.")
        return None
    suggested = str(Path(save).with_name(f"{Path(save).stem}-debrief.html"))
    path, chosen = QFileDialog.getSaveFileName(parent, "Write the debrief report", suggested, FILTERS)
    if not path:
        return None
    if not Path(path).suffix:
        path += ".pdf" if "pdf" in chosen.lower() else ".html"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        out = write_debrief(save, path)
    except Exception as err:  # a report failure must never crash the game
        QApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, "Could not write the report", str(err))
        return None
    QApplication.restoreOverrideCursor()
    status = getattr(win, "status", None)
    if status is not None:
        status.showMessage(f"Debrief report written to {out}", 8000)
    return out
