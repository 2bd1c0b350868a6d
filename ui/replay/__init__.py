"""Replaying saved games: step through a save or a seat's view, bookmark, branch, compare.

Entry points for the rest of the app (each shows errors as a message box, never raises):

* :func:`open_replay` — a :class:`~ui.replay.viewer.ReplayWindow` on a ``.wargame`` save or a
  ``.wargame-view`` seat view.
* :func:`ask_and_open_replay` — the same, asking for the file first ("Replay a saved game…").
* :func:`open_compare` — the comparison of two saves.
* :func:`export_seat_dialog` — "Export seat view…" for a save.

Windows opened here are kept alive in :data:`OPEN_WINDOWS` until they close.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import QMessageBox, QWidget

OPEN_WINDOWS: list[QWidget] = []
"""Top-level replay and comparison windows (a reference keeps them from being collected)."""


def _keep(window: QWidget) -> None:
    from PySide6.QtCore import Qt
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    OPEN_WINDOWS.append(window)
    window.destroyed.connect(lambda *_: OPEN_WINDOWS.remove(window) if window in OPEN_WINDOWS else None)


def open_replay(path: str | Path, parent: QWidget | None = None, readonly: bool | None = None,
                on_open_game: Callable[[str], Any] | None = None, show: bool = True) -> Any:
    """A replay window on ``path`` (None, after a message box, if it cannot be read).

    ``on_open_game(path)`` is called when the user wants to continue a save (e.g. a new branch).
    """
    from wargame.errors import WargameError
    from ui.facilitator.pin_gate import allowed
    from ui.replay.viewer import ReplayWindow
    if not allowed(parent, path, "replay it"):
        return None
    try:
        window = ReplayWindow.open(path, readonly)
    except (WargameError, OSError, ValueError) as err:
        QMessageBox.critical(parent, "Could not open the replay", str(err))
        return None
    if on_open_game is not None:
        window.openGameRequested.connect(on_open_game)
    _keep(window)
    if show:
        window.show()
    return window


def ask_and_open_replay(parent: QWidget | None = None, on_open_game: Callable[[str], Any] | None = None) -> Any:
    """Ask for a save or seat view, then open its replay."""
    from ui.replay.tasks import ask_replay_path
    path = ask_replay_path(parent)
    return open_replay(path, parent, on_open_game=on_open_game) if path else None


def open_compare(a: str | Path | None = None, b: str | Path | None = None, show: bool = True) -> Any:
    """The comparison window (files chosen in it when not given)."""
    from ui.replay.compare import CompareWindow
    window = CompareWindow(a, b)
    _keep(window)
    if show:
        window.show()
    return window


def export_seat_dialog(parent: QWidget, path: str | Path | None, seat: str | None = None,
                       out: str | Path | None = None, offer_open: bool = True) -> Path | None:
    """Export a seat's view of the save at ``path`` (asking for the seat and file if not given)."""
    from ui.replay.tasks import export_record_seat
    from wargame.storage import GameRecord, SaveError
    from ui.facilitator.pin_gate import allowed
    if path is None:
        QMessageBox.information(parent, "Export a seat's view", "This game is not saved, so there is nothing to export.")
        return None
    if not allowed(parent, path, "export a seat's view"):
        return None
    try:
        with GameRecord.open(path, readonly=True) as record:
            return export_record_seat(parent, record, seat, out, offer_open, on_open=lambda p: open_replay(p, parent))
    except SaveError as err:
        QMessageBox.critical(parent, "Could not export", str(err))
        return None
