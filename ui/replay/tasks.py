"""The replay window's menus and its bigger tasks: branch from here, compare, export a seat's view.

Each task takes optional arguments so tests and scripts can run it without dialogs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QSizePolicy, QWidget

from wargame.storage import SaveError
from wargame.types import SEAT_NAMES, SEATS

if TYPE_CHECKING:
    from ui.replay.compare import CompareWindow
    from ui.replay.viewer import ReplayWindow


def _action(win: "ReplayWindow", text: str, keys: str | None, slot: Callable[[], object], tip: str = "") -> QAction:
    act = QAction(text, win)
    if keys:
        act.setShortcut(QKeySequence(keys))
    act.setStatusTip(tip or text.replace("&", "").rstrip("…"))
    act.setToolTip(tip or text.replace("&", "").rstrip("…"))
    act.triggered.connect(lambda _=False: slot())
    return act


def build_replay_menus(win: "ReplayWindow") -> dict[str, QAction]:
    """The Replay, Go and Bookmarks menus (and the toolbar's task buttons) of ``win``."""
    acts = {
        "open": _action(win, "&Open another replay…", "Ctrl+O", lambda: open_dialog(win)),
        "branch": _action(win, "&Branch from here…", "Ctrl+Shift+B", lambda: branch_here(win),
                          "Start a new save from this point and continue playing it"),
        "compare": _action(win, "&Compare with another save…", None, lambda: compare_with(win),
                           "Compare this game with another, e.g. a branch of it"),
        "export": _action(win, "&Export a seat's view…", None, lambda: export_seat(win),
                          "Write a per-seat replay holding only what one seat saw"),
        "close": _action(win, "&Close", "Ctrl+W", win.close),
        "bookmark": _action(win, "&Bookmark this point…", "Ctrl+B", win.ask_bookmark),
        "goto": _action(win, "&Go to action…", "Ctrl+G", lambda: goto_dialog(win)),
    }
    bar = win.menuBar()
    replay = bar.addMenu("&Replay")
    for key in ("open", "branch", "compare", "export"):
        replay.addAction(acts[key])
    replay.addSeparator()
    replay.addAction(acts["close"])
    go = bar.addMenu("&Go")
    for act in (win.act_play, win.act_back, win.act_forward, win.act_start, win.act_end, win.act_prev_q,
                win.act_next_q):
        go.addAction(act)
    go.addSeparator()
    go.addAction(acts["goto"])
    bar.addMenu("&Bookmarks").addAction(acts["bookmark"])
    win.toolbar.addSeparator()
    acts["compare"].setIconText("Compare…")  # the toolbar's short label (the menu keeps the full one)
    for key in ("bookmark", "branch", "compare"):
        win.toolbar.addAction(acts[key])
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    win.toolbar.addWidget(spacer)
    win.toolbar.addAction(acts["close"])  # a visible way out, at the right end
    src = win.source
    acts["branch"].setEnabled(src.branch_problem is None)
    for key in ("export", "compare", "branch"):
        acts[key].setVisible(src.kind == "save")  # a seat view holds one seat's view, not the log
    if src.branch_problem:
        acts["branch"].setToolTip(f"Branch from here: not possible, {src.branch_problem}")
    return acts


def _keep(win: "ReplayWindow", child: QWidget) -> QWidget:
    win.children_windows.append(child)
    return child


def open_dialog(win: "ReplayWindow") -> None:
    """Open another save or seat view in a new replay window."""
    path = ask_replay_path(win)
    if path:
        from ui.replay import open_replay
        other = open_replay(path, win)
        if other is not None:
            other.openGameRequested.connect(win.openGameRequested.emit)


def ask_replay_path(parent: QWidget | None) -> str:
    """Ask for a save or a seat view to replay ("" if cancelled)."""
    from wargame.storage import default_saves_dir
    path, _ = QFileDialog.getOpenFileName(parent, "Replay a saved game", str(default_saves_dir()),
                                          "Saved games and seat views (*.wargame *.wargame-view);;All files (*)")
    return path


def goto_dialog(win: "ReplayWindow") -> None:
    """Ask for a log index and jump there."""
    value, ok = QInputDialog.getInt(win, "Go to action", f"Action number (0 to {win.source.last})",
                                    win.index, 0, win.source.last)
    if ok:
        win.jump(value)


def free_path(path: Path) -> Path:
    """``path``, or ``path`` with -2, -3… added before the suffix if it exists."""
    n, candidate = 2, path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def branch_here(win: "ReplayWindow", path: str | Path | None = None, ask: bool = True) -> Path | None:
    """Start a new save sharing this game's history up to the point shown.

    Without ``path`` a file dialog asks for it. With ``ask`` the user is then offered to continue
    playing the branch in the main window (``openGameRequested``) or to compare it with this game.
    """
    src = win.source
    if src.branch_problem is not None:
        QMessageBox.information(win, "Branch from here", f"Not possible: {src.branch_problem}.")
        return None
    index = win.index
    if path is None:
        base = Path(src.path or "game.wargame")
        suggestion = free_path(base.with_name(f"{base.stem}-branch-{index}.wargame"))
        chosen, _ = QFileDialog.getSaveFileName(win, f"Branch from #{index}: new save", str(suggestion),
                                                "Saved games (*.wargame)")
        if not chosen:
            return None
        path = chosen if chosen.endswith(".wargame") else f"{chosen}.wargame"
    win.pause()
    try:
        src.record.branch(index, path).close()  # type: ignore[attr-defined]
    except SaveError as err:
        QMessageBox.critical(win, "Could not branch", str(err))
        return None
    out = Path(path)
    win.statusBar().showMessage(f"Branch saved to {out} (shares the first {index} actions)", 8000)
    if ask:
        box = QMessageBox(QMessageBox.Icon.Question, "Branch saved",
                          f"<b>{out.name}</b> shares this game's first {index} actions.<br>"
                          "Continue playing it in the main window?", parent=win)
        play = box.addButton("Continue playing it", QMessageBox.ButtonRole.AcceptRole)
        compare = box.addButton("Compare with this game", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is play:
            win.openGameRequested.emit(str(out))
        elif box.clickedButton() is compare:
            compare_with(win, out)
    return out


def compare_with(win: "ReplayWindow", other: str | Path | None = None) -> "CompareWindow | None":
    """Open the comparison of this save (A) with ``other`` (B; asked for if None)."""
    from ui.replay.compare import CompareWindow
    src = win.source
    if src.kind != "save" or src.path is None:
        return None
    if other is None:
        parent = getattr(src.record, "parent", None)  # type: ignore[attr-defined]
        start = parent.target if parent is not None and "://" not in parent.target else str(src.path.parent)
        other, _ = QFileDialog.getOpenFileName(win, "Compare with…", start, "Saved games (*.wargame)")
        if not other:
            return None
    window = CompareWindow(src.path, other)
    _keep(win, window)
    window.show()
    return window


def export_seat(win: "ReplayWindow", seat: str | None = None, path: str | Path | None = None,
                offer_open: bool = True) -> Path | None:
    """Write one seat's view of this save (asks for the seat and the file when not given)."""
    src = win.source
    if src.kind != "save":
        return None
    return export_record_seat(win, src.record, seat, path, offer_open,  # type: ignore[attr-defined]
                              on_open=lambda p: _open_child(win, p))


def _open_child(win: "ReplayWindow", path: Path) -> None:
    from ui.replay import open_replay
    other = open_replay(path, win)
    if other is not None:
        _keep(win, other)


def export_record_seat(parent: QWidget, record: Any, seat: str | None = None, path: str | Path | None = None,
                       offer_open: bool = True, on_open: Callable[[Path], None] | None = None) -> Path | None:
    """Ask (if needed) for a seat and a file, and export that seat's view of ``record``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from wargame.seat_export import SUFFIX, export_seat_view
    if seat is None:
        names = [SEAT_NAMES[s] for s in SEATS]
        name, ok = QInputDialog.getItem(parent, "Export a seat's view", "Whose view?", names, 0, False)
        if not ok:
            return None
        seat = SEATS[names.index(name)]
    if path is None:
        base = Path(record.path or "game.wargame")
        chosen, _ = QFileDialog.getSaveFileName(parent, f"Export {SEAT_NAMES[seat]}'s view",
                                                str(base.with_name(f"{base.stem}-{seat}{SUFFIX}")),
                                                f"Seat views (*{SUFFIX})")
        if not chosen:
            return None
        path = chosen if chosen.endswith(SUFFIX) else f"{chosen}{SUFFIX}"
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        out = export_seat_view(record, seat, path)
    except SaveError as err:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, "Could not export", str(err))
        return None
    QGuiApplication.restoreOverrideCursor()
    if offer_open and on_open is not None:
        answer = QMessageBox.question(parent, "Seat view exported",
                                      f"{SEAT_NAMES[seat]}'s view is in <b>{out.name}</b>: only what "
                                      f"{SEAT_NAMES[seat]} saw, step by step.<br>Replay it now?")
        if answer == QMessageBox.StandardButton.Yes:
            on_open(out)
    return out
