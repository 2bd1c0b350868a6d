"""The PIN in front of what shows a protected game whole: its replay, its debrief report, the export
of any seat's view.

A game's facilitator PIN lives in its save (see :mod:`ui.facilitator.pin`), so the gate is the
same whichever window asks and whoever opened the file: the facilitator of the game on screen
who is already in facilitator mode passes; anyone else types the PIN, and wrong PINs count
against the save's attempt limit.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ui.facilitator import pin as pins

TITLE = "Facilitator PIN"


def _is_current_facilitator(parent: Any, path: Path) -> bool:
    """Whether ``parent``'s window shows this save with facilitator mode open."""
    win = parent.window() if isinstance(parent, QWidget) else parent
    mode = getattr(win, "facilitator", None)
    controller = getattr(win, "controller", None)
    current = getattr(controller, "path", None)
    return bool(mode is not None and mode.active and current is not None
                and Path(current).resolve() == path.resolve())


def protected(path: str | Path) -> bool:
    """Whether the save at ``path`` has a facilitator PIN (a seat's view file never has one)."""
    from wargame.seat_export import is_seat_view
    from wargame.storage import GameRecord
    p = Path(path)
    if "://" in str(path) or not p.is_file() or is_seat_view(p):
        return False
    try:
        with GameRecord.open(p, readonly=True) as rec:
            return bool(rec.meta(pins.SAVE_PIN))
    except Exception:  # an unreadable file: the opener reports it in its own words
        return False


def allowed(parent: QWidget | None, path: str | Path | None, what: str, pin: str | None = None) -> bool:
    """Whether ``what`` (e.g. "replay this game") may go on for the save at ``path``: yes without
    a PIN or for the facilitator in facilitator mode; else the PIN is asked (``pin``: given)."""
    from wargame.storage import GameRecord, SaveError
    if path is None or not protected(path):
        return True
    p = Path(path)
    if _is_current_facilitator(parent, p):
        return True
    try:
        record = GameRecord.open(p)
    except SaveError:  # a read-only file or folder: check without counting the attempt
        record = GameRecord.open(p, readonly=True)
    with record:
        book: pins.PinBook = pins.SavePins(record) if not record.readonly else _Uncounted(record)
        wait = pins.locked_for(book)
        if wait > 0:
            _say(parent, f"Too many wrong facilitator PINs: wait {wait:.0f} s before trying again.")
            return False
        if pin is None:
            text, ok = QInputDialog.getText(parent, TITLE, f"This game is protected: enter the facilitator "
                                            f"PIN to {what}:", QLineEdit.EchoMode.Password)
            if not ok:
                return False
            pin = text
        if pins.check_pin(book, pin):
            return True
    _say(parent, "That is not the facilitator PIN.")
    return False


class _Uncounted(pins.PinBook):
    """A read-only save's PIN: checked, but attempts cannot be recorded."""

    def __init__(self, record: Any) -> None:
        self.record = record

    def read(self, name: str) -> Any:
        return self.record.meta(pins.SAVE_PIN if name == "pin" else pins.SAVE_FAILURES)

    def write(self, name: str, value: Any) -> None:
        return None


def _say(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, TITLE, text)
