"""Where replay meets the rest of the app: menu items of the main window and the welcome screen.

Each installer is called with one line from the host module, so the replay features stay here:

* :func:`install_main_menu` — Game menu: "Replay a saved game…", "Replay this game",
  "Compare two games…", "Export seat view…".
* :func:`add_welcome_button` — "Replay a saved game…" beside "Open saved game…".
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QPushButton, QWidget


translate = QCoreApplication.translate


def action_texts() -> dict[str, tuple[str, str]]:
    """The replay items' menu texts and tips, in the app's language now."""
    return {
        "replay": (translate("Replay", "Re&play a saved game…"),
                   translate("Replay", "Step through a saved game or a seat's view: bookmarks, branches, comparison")),
        "replay_this": (translate("Replay", "Replay &this game"),
                        translate("Replay", "Open this game in the replay window (bookmark, branch from any point)")),
        "compare": (translate("Replay", "&Compare two games…"),
                    translate("Replay", "A game and a branch of it side by side: indicators and the decisions "
                              "that differ")),
        "export_seat": (translate("Replay", "E&xport seat view…"),
                        translate("Replay", "Write one seat's replay: only what that seat saw, never the others' "
                                  "secrets")),
    }


def _act(win: QWidget, key: str, keys: str | None, slot: Any) -> QAction:
    text, tip = action_texts()[key]
    act = QAction(text, win)
    if keys:
        act.setShortcut(QKeySequence(keys))
    act.setStatusTip(tip)
    act.setToolTip(tip)
    act.triggered.connect(lambda _=False: slot())
    return act


def _save_path(win: Any) -> Any:
    controller = getattr(win, "controller", None)
    return getattr(controller, "path", None)


def replay_this(win: Any) -> Any:
    """Open the game of ``win`` in a replay window, at its current point."""
    from ui.replay import open_replay
    path = _save_path(win)
    if path is None:
        return None
    replay = open_replay(path, win, on_open_game=win.openRequested.emit)
    if replay is not None:
        replay.jump(replay.source.last)
    return replay


def install_main_menu(win: Any, menu: QMenu, acts: dict[str, QAction]) -> None:
    """Add the replay items to the main window's Game ``menu`` (and to ``acts`` by name)."""
    from ui.replay import ask_and_open_replay, export_seat_dialog, open_compare
    new = {
        "replay": _act(win, "replay", "Ctrl+Shift+R", lambda: ask_and_open_replay(win, win.openRequested.emit)),
        "replay_this": _act(win, "replay_this", None, lambda: replay_this(win)),
        "compare": _act(win, "compare", None, lambda: open_compare()),
        "export_seat": _act(win, "export_seat", None, lambda: export_seat_dialog(win, _save_path(win))),
    }
    menu.addSeparator()
    for act in new.values():
        menu.addAction(act)
    saved = ("replay_this", "export_seat")

    def update() -> None:
        has_save = _save_path(win) is not None
        for key in saved:
            new[key].setEnabled(has_save)
    menu.aboutToShow.connect(update)
    acts.update(new)


def add_welcome_button(screen: Any, row: QBoxLayout) -> QPushButton:
    """A "Replay a saved game…" button on the welcome screen (a branch opened from it goes to
    the screen's ``openGame`` signal, i.e. into the main window)."""
    from ui.replay import ask_and_open_replay
    button = QPushButton(translate("Replay", "Replay a saved game…"))
    button.setObjectName("replay_file")
    button.setToolTip(translate("Replay", "Step through a saved game or a seat's view, bookmark it, branch "
                                "from any point"))
    button.clicked.connect(lambda: ask_and_open_replay(screen, screen.openGame.emit))
    row.addWidget(button)
    return button
