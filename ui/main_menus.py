"""Menus, toolbar and keyboard shortcuts of the main window, and their enabled state.

Kept apart from :mod:`ui.main_window` so each file stays small. Actions for the seat (propose,
undo, redo, end phase, respond) are enabled from the engine's reasons, shown as tooltips and
in the status bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolBar

from ui import settings
from wargame import actions as A

if TYPE_CHECKING:
    from ui.main_window import MainWindow

HOW_TO_PLAY = """<h3>How to play</h3>
<p>Each turn is a quarter. In <b>diplomacy</b> you propose deals (pacts, loans, arms sales,
co-production, port access…), answer your inbox, declare support; in <b>investment</b> you buy
capability, exercise your pacts, and Washington moves its forces. Then a <b>crisis</b> may test
someone: every seat committed to the target chooses how to respond. What counts in a test is
<i>real</i> capability through the integration layers; what deters a test is <i>perceived</i>
deterrence. Watch the gap between them.</p>
<p>Click <b>End phase</b> when your seat is done. Greyed-out actions say why they are unavailable.
With several people at one computer, a hand-over screen hides each seat's secrets.</p>
<p>Shortcuts: Ctrl+P propose, Ctrl+E end phase, Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+R respond
to a crisis, Ctrl+1 map, Ctrl+2 network, Ctrl+0 fit the map, F11 full screen.</p>
<p><b>In class:</b> Ctrl+Shift+F enters facilitator mode (PIN if set): phase clock, crises, events,
rulings, notes. F5 opens the projector view (public information only; Esc leaves it).
Game → Debrief report… writes the after-action report.</p>"""


def _action(win: "MainWindow", text: str, shortcut: str | QKeySequence.StandardKey | None,
            slot: Callable[[], object], tip: str = "") -> QAction:
    act = QAction(text, win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    act.setStatusTip(tip or text.replace("&", "").rstrip("…"))
    act.triggered.connect(lambda _=False: slot())
    return act


def build_menus(win: "MainWindow") -> dict[str, QAction]:
    """Create the menus and toolbar of ``win``; returns its actions by name."""
    acts = {
        "new": _action(win, "&New game…", QKeySequence.StandardKey.New, win.newGameRequested.emit),
        "open": _action(win, "&Open saved game…", QKeySequence.StandardKey.Open, lambda: open_dialog(win)),
        "save_as": _action(win, "Save &As…", "Ctrl+Shift+S", lambda: save_as(win),
                           "Save a copy of this game to a new file and go on playing there"),
        "quit": _action(win, "&Quit", QKeySequence.StandardKey.Quit, win.close),
        "propose": _action(win, "&Propose a deal…", "Ctrl+P", lambda: win.open_form("propose")),
        "end_phase": _action(win, "&End phase…", "Ctrl+E", lambda: confirm_end_phase(win),
                             "End your seat's phase (asks first: it cannot be undone)"),
        "undo": _action(win, "&Undo", QKeySequence.StandardKey.Undo, lambda: _undo(win, False)),
        "redo": _action(win, "&Redo", "Ctrl+Shift+Z", lambda: _undo(win, True)),
        "respond": _action(win, "&Respond to the crisis…", "Ctrl+R", win.open_crisis),
        "pause": _action(win, "&Pause computer players", "Ctrl+Shift+P", lambda: _pause(win)),
        "map": _action(win, "&Map", "Ctrl+1", lambda: win.tabs.setCurrentIndex(0)),
        "network": _action(win, "&Network", "Ctrl+2", lambda: win.tabs.setCurrentIndex(1)),
        "fit": _action(win, "&Fit the map", "Ctrl+0", win.map.fit_region),
        "full": _action(win, "&Full screen", "F11", lambda: win.showNormal() if win.isFullScreen()
                        else win.showFullScreen()),
        "reset": _action(win, "&Reset layout", None, lambda: reset_layout(win)),
        "large": _action(win, "&Large text (projector)", "Ctrl+Shift+L", lambda: _large_text(win),
                         "Bigger text for a projector (charts follow at the next start)"),
        "help": _action(win, "&Adviser and how to play", QKeySequence.StandardKey.HelpContents,
                        lambda: _adviser(win)),
        "rulebook": _action(win, "&Rulebook", "Shift+F1", lambda: _rulebook(win),
                            "The rules in full, with contents and search"),
        "briefs": _action(win, "Role &briefs…", None, lambda: _briefs(win),
                          "Each seat's role brief, to read or print (PDF)"),
    }
    acts["pause"].setCheckable(True)
    acts["large"].setCheckable(True)
    acts["large"].setChecked(settings.get("view/large", "false") in (True, "true"))
    bar = win.menuBar()
    game = bar.addMenu("&Game")
    for key in ("new", "open"):
        game.addAction(acts[key])
    win.recent_menu = QMenu("Open &recent", win)
    win.recent_menu.aboutToShow.connect(lambda: _fill_recent(win))
    game.addMenu(win.recent_menu)
    game.addAction(acts["save_as"])
    from ui.replay.hooks import install_main_menu
    install_main_menu(win, game, acts)  # replay, compare, export a seat's view
    game.addSeparator()
    game.addAction(acts["quit"])
    turn = bar.addMenu("&Turn")
    for key in ("propose", "respond", "undo", "redo", "end_phase"):
        turn.addAction(acts[key])
    turn.addSeparator()
    turn.addAction(acts["pause"])
    view = bar.addMenu("&View")
    for key in ("map", "network", "fit"):
        view.addAction(acts[key])
    view.addSeparator()
    for dock in (win.seat_dock, win.ind_dock, win.log_dock):
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addAction(acts["full"])
    view.addAction(acts["large"])
    view.addAction(acts["reset"])
    from ui.whatif import install_menu as install_whatif
    install_whatif(win, bar, acts)  # Analysis → What-if analysis… (Ctrl+Shift+W)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(acts["help"])
    help_menu.addAction(acts["rulebook"])
    help_menu.addAction(acts["briefs"])
    from ui.dialogs.about import install_menu as install_about
    install_about(win, help_menu, acts)  # Help → About: version, licence, credits, file locations
    tools = QToolBar("Main toolbar", win)
    tools.setObjectName("toolbar_main")
    tools.setMovable(False)
    for key, short in TOOLBAR_TEXT.items():  # the toolbar's texts never change: buttons keep their place
        acts[key].setIconText(short)
    for key in ("new", "open", "save_as", None, "propose", "undo", "redo", None, "end_phase", None,
                "map", "network"):
        if key is None:
            tools.addSeparator()
        else:
            tools.addAction(acts[key])
    win.addToolBar(tools)
    win.toolbar = tools
    for key in ("undo", "redo", "end_phase"):  # one width for the seat's buttons, whatever their state
        button = tools.widgetForAction(acts[key])
        button.setFixedWidth(max(96, button.sizeHint().width()))
    return acts


TOOLBAR_TEXT = {"new": "New game", "open": "Open", "save_as": "Save as", "propose": "Propose a deal",
                "undo": "Undo", "redo": "Redo", "end_phase": "End phase"}
"""Fixed toolbar texts (the menus and tooltips say what Undo and Redo would do)."""


def update_actions(win: "MainWindow") -> None:
    """Enable the seat's actions from the engine's reasons (tooltips say why not)."""
    acts = win.menu_actions
    c = win.controller
    seat = win.viewer
    can = win._can_act() and c is not None and seat is not None
    reasons: dict[str, str | None] = {}
    if can:
        g = c.game
        unavailable = g.unavailable(seat)
        reasons["propose"] = unavailable.get("propose")
        reasons["end_phase"] = g.check(A.EndPhase(seat))
        reasons["undo"] = win.undo.undo_reason(seat) if win.undo else "no game"
        reasons["redo"] = win.undo.redo_reason(seat) if win.undo else "no game"
        reasons["respond"] = None if (g.phase == "crisis" and seat in g.acting_seats()) \
            else unavailable.get("respond", "no crisis to respond to")
    else:
        why = "the hand-over is not confirmed yet" if win.handover.covering() else "no person plays a seat now"
        reasons = {k: why for k in ("propose", "end_phase", "undo", "redo", "respond")}
    undo_text = win.undo.undo_text(seat) if can and win.undo is not None and reasons["undo"] is None else ""
    redo_text = win.undo.redo_text(seat) if can and win.undo is not None else ""
    _set(acts["undo"], text=f"&Undo {undo_text}" if undo_text else "&Undo")
    _set(acts["redo"], text=f"&Redo {redo_text}" if redo_text else "&Redo")
    for key, reason in reasons.items():
        base = acts[key].text().replace("&", "")
        _set(acts[key], enabled=reason is None, tip=base if reason is None else f"{base}: {reason}")
    free = not win.handover.covering()
    for key in ("new", "open"):
        _set(acts[key], enabled=free)
    _set(acts["save_as"], enabled=free and c is not None and c.session is not None)


def _set(act: QAction, text: str | None = None, enabled: bool | None = None, tip: str | None = None) -> None:
    """Change an action only where it differs (each change re-lays out the toolbar)."""
    if text is not None and act.text() != text:
        act.setText(text)
    if enabled is not None and act.isEnabled() != enabled:
        act.setEnabled(enabled)
    if tip is not None and act.toolTip() != tip:
        act.setToolTip(tip)


def _seat_do(win: "MainWindow", make: Callable[[str], A.Action]) -> None:
    if win._can_act() and win.viewer:
        win.do(make(win.viewer))


END_PHASE_TEXT = ("{seat} ends its {phase} phase now.\n\nThis cannot be undone: {seat} can make no "
                  "more moves until the next phase.")


def confirm_end_phase(win: "MainWindow") -> None:
    """Ask the viewing seat before ending its phase (the toolbar's End phase is easy to hit)."""
    from ui.forms.base import seat_name
    if not (win._can_act() and win.viewer) or win.game.check(A.EndPhase(win.viewer)) is not None:
        return
    seat = win.viewer
    box = QMessageBox(QMessageBox.Icon.Question, "End the phase?",
                      END_PHASE_TEXT.format(seat=seat_name(seat), phase=win.game.phase),
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, win)
    box.button(QMessageBox.StandardButton.Ok).setText("End phase")
    box.button(QMessageBox.StandardButton.Cancel).setText("Keep playing")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    ok = box.button(QMessageBox.StandardButton.Ok)
    box.buttonClicked.connect(lambda b: b is ok and win.viewer == seat and _seat_do(win, A.EndPhase))
    old, win.end_phase_box = win.end_phase_box, box
    if old is not None:
        old.deleteLater()
    box.open()


def _undo(win: "MainWindow", redo: bool) -> None:
    if win._can_act() and win.viewer and win.undo is not None:
        (win.undo.redo if redo else win.undo.undo)(win.viewer)


def _large_text(win: "MainWindow") -> None:
    from PySide6.QtWidgets import QApplication
    from ui.theme import apply_theme
    large = win.menu_actions["large"].isChecked()
    settings.put("view/large", "true" if large else "false")
    apply_theme(QApplication.instance(), large=large)
    win.status.showMessage("Text size changed; the charts follow when the app next starts", 6000)


def _pause(win: "MainWindow") -> None:
    if win.controller is not None:
        win.controller.set_paused(win.menu_actions["pause"].isChecked())


def _fill_recent(win: "MainWindow") -> None:
    win.recent_menu.clear()
    files = settings.recent_files()
    for path in files:
        win.recent_menu.addAction(path, lambda p=path: win.openRequested.emit(p))
    if not files:
        win.recent_menu.addAction("(no recent games)").setEnabled(False)


def open_dialog(win: "MainWindow") -> None:
    """Ask for a save file and request to open it."""
    from wargame.storage import default_saves_dir
    path, _ = QFileDialog.getOpenFileName(win, "Open a saved game", str(default_saves_dir()),
                                          "Saved games (*.wargame);;All files (*)")
    if path:
        win.openRequested.emit(path)


def save_as(win: "MainWindow", path: str | None = None) -> bool:
    """Copy the game to a new file (a branch at the current action) and continue there."""
    from wargame.storage import SaveError, Session, default_saves_dir
    c = win.controller
    if c is None or c.session is None:
        return False
    if path is None:
        path, _ = QFileDialog.getSaveFileName(win, "Save the game as", str(default_saves_dir()),
                                              "Saved games (*.wargame)")
        if not path:
            return False
        if not path.endswith(".wargame"):
            path += ".wargame"
    try:
        record = c.session.record.branch(len(c.game.actions), path)
        record.close()
        c.replace_session(Session.resume(path))
    except SaveError as err:
        QMessageBox.critical(win, "Could not save", str(err))
        return False
    settings.add_recent_file(path)
    win.status.showMessage(f"Saved as {path}; the game goes on in this file", 6000)
    return True


def reset_layout(win: "MainWindow") -> None:
    """Put every dock back where it starts."""
    from PySide6.QtCore import Qt
    for dock, area in ((win.seat_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
                       (win.ind_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                       (win.log_dock, Qt.DockWidgetArea.BottomDockWidgetArea)):
        dock.setFloating(False)
        win.addDockWidget(area, dock)
        dock.show()
    win.default_dock_sizes()


def _adviser(win: "MainWindow") -> None:
    """F1: the adviser's hints for the seat on screen now (rulebook links), then the shortcuts."""
    from ui.adviser import show_help
    shortcuts = HOW_TO_PLAY[HOW_TO_PLAY.index("<p>Shortcuts"):]
    win.adviser = show_help(win, win.game, win.viewer, shortcuts)


def _rulebook(win: "MainWindow") -> None:
    from ui.dialogs.rulebook import show_rulebook
    show_rulebook(win)


def _briefs(win: "MainWindow") -> None:
    from ui.dialogs.briefs import show_briefs
    show_briefs(win)
