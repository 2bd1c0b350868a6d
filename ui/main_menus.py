"""Menus, toolbar and keyboard shortcuts of the main window, and their enabled state.

Kept apart from :mod:`ui.main_window` so each file stays small. Actions for the seat (propose,
undo, redo, end phase, respond) are enabled from the engine's reasons, shown as tooltips and
in the status bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolBar

from ui import i18n, settings
from wargame import actions as A

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate

HOW_TO_PLAY_INTRO = QT_TRANSLATE_NOOP("MainMenus", """<h3>How to play</h3>
<p>Each turn is a quarter. In <b>diplomacy</b> you propose deals (pacts, loans, arms sales,
co-production, port access…), answer your inbox, declare support; in <b>investment</b> you buy
capability, exercise your pacts, and Washington moves its forces. Then a <b>crisis</b> may test
someone: every seat committed to the target chooses how to respond. What counts in a test is
<i>real</i> capability through the integration layers; what deters a test is <i>perceived</i>
deterrence. Watch the gap between them.</p>
<p>Click <b>End phase</b> when your seat is done. Greyed-out actions say why they are unavailable.
With several people at one computer, a hand-over screen hides each seat's secrets.</p>""")
HOW_TO_PLAY_KEYS = QT_TRANSLATE_NOOP("MainMenus", """<p>Shortcuts: Ctrl+P propose, Ctrl+E end phase,
Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+R respond to a crisis, Ctrl+1 map, Ctrl+2 network, Ctrl+0 fit the map, F11 full screen.</p>
<p><b>In class:</b> Ctrl+Shift+F enters facilitator mode (PIN if set): phase clock, crises, events,
rulings, notes. F5 opens the projector view (public information only; Esc leaves it).
Game → Debrief report… writes the after-action report.</p>""")
HOW_TO_PLAY = HOW_TO_PLAY_INTRO + "\n" + HOW_TO_PLAY_KEYS
"""How to play, in English (the source text; :func:`how_to_play` gives it in the app's language)."""


def how_to_play() -> str:
    """How to play (HTML) in the app's language now."""
    return translate("MainMenus", HOW_TO_PLAY_INTRO) + "\n" + shortcuts_help()


def shortcuts_help() -> str:
    """The shortcuts and the classroom keys (HTML) in the app's language now."""
    return translate("MainMenus", HOW_TO_PLAY_KEYS)


def action_texts() -> dict[str, tuple[str, str]]:
    """The menu text and status tip ("" for the text itself) of each action, in the app's language now."""
    return {
        "new": (translate("MainMenus", "&New game…"), ""),
        "open": (translate("MainMenus", "&Open saved game…"), ""),
        "save_as": (translate("MainMenus", "Save &As…"),
                    translate("MainMenus", "Save a copy of this game to a new file and go on playing there")),
        "quit": (translate("MainMenus", "&Quit"), ""),
        "propose": (translate("MainMenus", "&Propose a deal…"), ""),
        "end_phase": (translate("MainMenus", "&End phase…"),
                      translate("MainMenus", "End your seat's phase (asks first: it cannot be undone)")),
        "undo": (translate("MainMenus", "&Undo"), ""),
        "redo": (translate("MainMenus", "&Redo"), ""),
        "respond": (translate("MainMenus", "&Respond to the crisis…"), ""),
        "pause": (translate("MainMenus", "&Pause computer players"), ""),
        "map": (translate("MainMenus", "&Map"), ""),
        "network": (translate("MainMenus", "&Network"), ""),
        "fit": (translate("MainMenus", "&Fit the map"), ""),
        "full": (translate("MainMenus", "&Full screen"), ""),
        "reset": (translate("MainMenus", "&Reset layout"), ""),
        "large": (translate("MainMenus", "&Large text (projector)"),
                  translate("MainMenus", "Bigger text for a projector (charts follow at the next start)")),
        "help": (translate("MainMenus", "&Adviser and how to play"), ""),
        "rulebook": (translate("MainMenus", "&Rulebook"),
                     translate("MainMenus", "The rules in full, with contents and search")),
        "briefs": (translate("MainMenus", "Role &briefs…"),
                   translate("MainMenus", "Each seat's role brief, to read or print (PDF)")),
    }


def menu_titles() -> dict[str, str]:
    """The title of each menu of the main window, in the app's language now."""
    return {
        "game": translate("MainMenus", "&Game"),
        "recent": translate("MainMenus", "Open &recent"),
        "turn": translate("MainMenus", "&Turn"),
        "view": translate("MainMenus", "&View"),
        "language": translate("MainMenus", "&Language"),
        "help": translate("MainMenus", "&Help"),
    }


def toolbar_texts() -> dict[str, str]:
    """Fixed toolbar texts (the menus and tooltips say what Undo and Redo would do)."""
    return {"new": translate("MainMenus", "New game"), "open": translate("MainMenus", "Open"),
            "save_as": translate("MainMenus", "Save as"), "propose": translate("MainMenus", "Propose a deal"),
            "undo": translate("MainMenus", "Undo"), "redo": translate("MainMenus", "Redo"),
            "end_phase": translate("MainMenus", "End phase")}


SHORTCUTS: dict[str, str | QKeySequence.StandardKey | None] = {
    "new": QKeySequence.StandardKey.New, "open": QKeySequence.StandardKey.Open, "save_as": "Ctrl+Shift+S",
    "quit": QKeySequence.StandardKey.Quit, "propose": "Ctrl+P", "end_phase": "Ctrl+E",
    "undo": QKeySequence.StandardKey.Undo, "redo": "Ctrl+Shift+Z", "respond": "Ctrl+R",
    "pause": "Ctrl+Shift+P", "map": "Ctrl+1", "network": "Ctrl+2", "fit": "Ctrl+0", "full": "F11",
    "reset": None, "large": "Ctrl+Shift+L", "help": QKeySequence.StandardKey.HelpContents,
    "rulebook": "Shift+F1", "briefs": None,
}
"""The keyboard shortcut of each action (the same in every language)."""


def _action(win: "MainWindow", key: str, slot: Callable[[], object]) -> QAction:
    """An action of the main window; its texts are set by :func:`retranslate`."""
    act = QAction(win)
    shortcut = SHORTCUTS[key]
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(lambda _=False: slot())
    return act


def build_menus(win: "MainWindow") -> dict[str, QAction]:
    """Create the menus and toolbar of ``win``; returns its actions by name."""
    slots: dict[str, Callable[[], object]] = {
        "new": win.newGameRequested.emit, "open": lambda: open_dialog(win), "save_as": lambda: save_as(win),
        "quit": win.close, "propose": lambda: win.open_form("propose"),
        "end_phase": lambda: confirm_end_phase(win), "undo": lambda: _undo(win, False),
        "redo": lambda: _undo(win, True), "respond": win.open_crisis, "pause": lambda: _pause(win),
        "map": lambda: win.tabs.setCurrentIndex(0), "network": lambda: win.tabs.setCurrentIndex(1),
        "fit": win.map.fit_region,
        "full": lambda: win.showNormal() if win.isFullScreen() else win.showFullScreen(),
        "reset": lambda: reset_layout(win), "large": lambda: _large_text(win), "help": lambda: _adviser(win),
        "rulebook": lambda: _rulebook(win), "briefs": lambda: _briefs(win),
    }
    acts = {key: _action(win, key, slot) for key, slot in slots.items()}
    acts["pause"].setCheckable(True)
    acts["large"].setCheckable(True)
    acts["large"].setChecked(settings.get("view/large", "false") in (True, "true"))
    bar = win.menuBar()
    menus: dict[str, QMenu] = {}
    win.main_menus = menus
    game = menus["game"] = bar.addMenu("")
    for key in ("new", "open"):
        game.addAction(acts[key])
    win.recent_menu = menus["recent"] = QMenu(win)
    win.recent_menu.aboutToShow.connect(lambda: _fill_recent(win))
    game.addMenu(win.recent_menu)
    game.addAction(acts["save_as"])
    from ui.replay.hooks import install_main_menu
    install_main_menu(win, game, acts)  # replay, compare, export a seat's view
    game.addSeparator()
    game.addAction(acts["quit"])
    turn = menus["turn"] = bar.addMenu("")
    for key in ("propose", "respond", "undo", "redo", "end_phase"):
        turn.addAction(acts[key])
    turn.addSeparator()
    turn.addAction(acts["pause"])
    view = menus["view"] = bar.addMenu("")
    for key in ("map", "network", "fit"):
        view.addAction(acts[key])
    view.addSeparator()
    for dock in (win.seat_dock, win.ind_dock, win.log_dock):
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addAction(acts["full"])
    view.addAction(acts["large"])
    view.addAction(acts["reset"])
    view.addSeparator()
    menus["language"] = _language_menu(win, view, acts)
    from ui.whatif import install_menu as install_whatif
    menus["analysis"] = install_whatif(win, bar, acts)  # Analysis → What-if analysis… (Ctrl+Shift+W)
    help_menu = menus["help"] = bar.addMenu("")
    help_menu.addAction(acts["help"])
    help_menu.addAction(acts["rulebook"])
    help_menu.addAction(acts["briefs"])
    from ui.dialogs.about import install_menu as install_about
    install_about(win, help_menu, acts)  # Help → About: version, licence, credits, file locations
    tools = QToolBar(win)
    tools.setObjectName("toolbar_main")
    tools.setMovable(False)
    for key in ("new", "open", "save_as", None, "propose", "undo", "redo", None, "end_phase", None,
                "map", "network"):
        if key is None:
            tools.addSeparator()
        else:
            tools.addAction(acts[key])
    win.addToolBar(tools)
    win.toolbar = tools
    retranslate(win, acts)
    return acts


def _language_menu(win: "MainWindow", view: QMenu, acts: dict[str, QAction]) -> QMenu:
    """View → Language: one checkable item per language, each written in its own language."""
    from PySide6.QtGui import QActionGroup
    menu = view.addMenu("")
    group = QActionGroup(menu)
    current = i18n.current()
    for lang in i18n.LANGUAGES:
        act = menu.addAction(lang.name)
        act.setCheckable(True)
        act.setChecked(lang.code == current)
        act.setData(lang.code)
        group.addAction(act)
        act.triggered.connect(lambda _=False, code=lang.code: choose_language(win, code))
        acts[f"language_{lang.code}"] = act
    return menu


def choose_language(win: "MainWindow", code: str) -> None:
    """Switch the app to ``code`` now and remember it (the game on screen stays as it is)."""
    i18n.remember_language(code)
    i18n.install(code)  # Qt sends LanguageChange: the window retranslates itself


def retranslate(win: "MainWindow", acts: dict[str, QAction] | None = None) -> None:
    """Set every menu, action and toolbar text of ``win`` in the app's language now."""
    acts = acts if acts is not None else win.menu_actions
    from ui.dialogs.about import action_texts as about_texts
    from ui.replay.hooks import action_texts as replay_texts
    from ui.whatif import action_texts as whatif_texts
    texts = {**action_texts(), **replay_texts(), **whatif_texts(), **about_texts()}
    for key, (text, tip) in texts.items():
        act = acts.get(key)
        if act is not None:
            act.setText(text)
            act.setStatusTip(tip or text.replace("&", "").rstrip("…"))
            if tip:
                act.setToolTip(tip)
    from ui.whatif import menu_title as analysis_title
    titles = {**menu_titles(), "analysis": analysis_title()}
    for key, menu in win.main_menus.items():
        if key in titles:
            menu.setTitle(titles[key])
    if win.toolbar is not None:
        win.toolbar.setWindowTitle(translate("MainMenus", "Main toolbar"))
        for key, short in toolbar_texts().items():  # the toolbar's texts never change: buttons keep their place
            acts[key].setIconText(short)
        for key in ("undo", "redo", "end_phase"):  # one width for the seat's buttons, whatever their state
            button = win.toolbar.widgetForAction(acts[key])
            button.setMinimumWidth(0)
            button.setMaximumWidth(16777215)
            button.setFixedWidth(max(96, button.sizeHint().width()))
    current = i18n.current()
    for lang in i18n.LANGUAGES:
        act = acts.get(f"language_{lang.code}")
        if act is not None and act.isChecked() != (lang.code == current):
            act.setChecked(lang.code == current)


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
        no_game = translate("MainMenus", "no game")
        reasons["undo"] = win.undo.undo_reason(seat) if win.undo else no_game
        reasons["redo"] = win.undo.redo_reason(seat) if win.undo else no_game
        reasons["respond"] = None if (g.phase == "crisis" and seat in g.acting_seats()) \
            else unavailable.get("respond", translate("MainMenus", "no crisis to respond to"))
    else:
        why = translate("MainMenus", "the hand-over is not confirmed yet") if win.handover.covering() \
            else translate("MainMenus", "no person plays a seat now")
        reasons = {k: why for k in ("propose", "end_phase", "undo", "redo", "respond")}
    undo_text = win.undo.undo_text(seat) if can and win.undo is not None and reasons["undo"] is None else ""
    redo_text = win.undo.redo_text(seat) if can and win.undo is not None else ""
    _set(acts["undo"], text=translate("MainMenus", "&Undo {action}").format(action=undo_text) if undo_text
         else translate("MainMenus", "&Undo"))
    _set(acts["redo"], text=translate("MainMenus", "&Redo {action}").format(action=redo_text) if redo_text
         else translate("MainMenus", "&Redo"))
    for key, reason in reasons.items():
        base = acts[key].text().replace("&", "")
        _set(acts[key], enabled=reason is None, tip=base if reason is None
             else translate("MainMenus", "{action}: {reason}").format(action=base, reason=reason))
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


END_PHASE_TEXT = QT_TRANSLATE_NOOP("MainMenus", "{seat} ends its {phase} phase now.\n\nThis cannot be undone: "
                                  "{seat} can make no more moves until the next phase.")
"""The question before a seat ends its phase (English source; shown translated)."""


def confirm_end_phase(win: "MainWindow") -> None:
    """Ask the viewing seat before ending its phase (the toolbar's End phase is easy to hit)."""
    from ui.forms.base import seat_name
    if not (win._can_act() and win.viewer) or win.game.check(A.EndPhase(win.viewer)) is not None:
        return
    seat = win.viewer
    box = QMessageBox(QMessageBox.Icon.Question, translate("MainMenus", "End the phase?"),
                      translate("MainMenus", END_PHASE_TEXT).format(
                          seat=seat_name(seat), phase=i18n.phase_name(win.game.phase, lower=True)),
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, win)
    box.button(QMessageBox.StandardButton.Ok).setText(translate("MainMenus", "End phase"))
    box.button(QMessageBox.StandardButton.Cancel).setText(translate("MainMenus", "Keep playing"))
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
    win.status.showMessage(translate("MainMenus", "Text size changed; the charts follow when the app next starts"),
                           6000)


def _pause(win: "MainWindow") -> None:
    if win.controller is not None:
        win.controller.set_paused(win.menu_actions["pause"].isChecked())


def _fill_recent(win: "MainWindow") -> None:
    win.recent_menu.clear()
    files = settings.recent_files()
    for path in files:
        win.recent_menu.addAction(path, lambda p=path: win.openRequested.emit(p))
    if not files:
        win.recent_menu.addAction(translate("MainMenus", "(no recent games)")).setEnabled(False)


def open_dialog(win: "MainWindow") -> None:
    """Ask for a save file and request to open it."""
    from wargame.storage import default_saves_dir
    path, _ = QFileDialog.getOpenFileName(win, translate("MainMenus", "Open a saved game"), str(default_saves_dir()),
                                          translate("MainMenus", "Saved games (*.wargame);;All files (*)"))
    if path:
        win.openRequested.emit(path)


def save_as(win: "MainWindow", path: str | None = None) -> bool:
    """Copy the game to a new file (a branch at the current action) and continue there."""
    from wargame.storage import SaveError, Session, default_saves_dir
    c = win.controller
    if c is None or c.session is None:
        return False
    if path is None:
        path, _ = QFileDialog.getSaveFileName(win, translate("MainMenus", "Save the game as"),
                                              str(default_saves_dir()),
                                              translate("MainMenus", "Saved games (*.wargame)"))
        if not path:
            return False
        if not path.endswith(".wargame"):
            path += ".wargame"
    try:
        record = c.session.record.branch(len(c.game.actions), path)
        record.close()
        c.replace_session(Session.resume(path))
    except SaveError as err:
        QMessageBox.critical(win, translate("MainMenus", "Could not save"), str(err))
        return False
    settings.add_recent_file(path)
    win.status.showMessage(translate("MainMenus", "Saved as {path}; the game goes on in this file").format(path=path),
                           6000)
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
    win.adviser = show_help(win, win.game, win.viewer, shortcuts_help())


def _rulebook(win: "MainWindow") -> None:
    from ui.dialogs.rulebook import show_rulebook
    show_rulebook(win)


def _briefs(win: "MainWindow") -> None:
    from ui.dialogs.briefs import show_briefs
    show_briefs(win)
