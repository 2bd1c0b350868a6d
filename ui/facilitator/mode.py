"""Facilitator mode in the main window: the seat that sees everything, the console, the projector.

:func:`install` gives a :class:`~ui.main_window.MainWindow` its facilitator: a *Facilitator*
menu (enter/leave facilitator mode, projector view, PIN), *Game → Debrief report…*, a
"Facilitator" button on the hand-over screen, and the phase countdown shared by the console and
the projector. Entering asks for the game's PIN when one is set; while the facilitator is in
control the views show everything (viewer None) and no hand-over screen hides anything;
returning control to the seats shows the hand-over screen for the seat whose turn it is.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QInputDialog, QLineEdit, QMessageBox, QPushButton

from ui.facilitator import pin as pins
from ui.facilitator.countdown import Countdown
from ui.facilitator.debrief import debrief_dialog
from ui.theme import seat_name
from wargame.types import PHASE_NAMES

ENTER_SHORTCUT = "Ctrl+Shift+F"
PROJECTOR_SHORTCUT = "F5"


class FacilitatorMode(QObject):
    """The facilitator of one main window.

    Signals:
        activeChanged(bool): facilitator mode was entered (True) or left (False).
    """

    activeChanged = Signal(bool)

    def __init__(self, win: Any) -> None:
        super().__init__(win)
        self.win = win
        self.active = False
        self.classroom = False
        """Whether facilitator or projector mode was used: only then does the clock announce time up."""
        self.countdown = Countdown(self)
        self.countdown.expired.connect(self._time_up)
        self.countdown.ticked.connect(lambda _s: self._show_clock())
        self.console: Any = None
        self.dock: QDockWidget | None = None
        self.projector: Any = None
        self.controller: Any = None
        self._key: pins.PinBook | str = ""
        self.outcome_id: str | None = None
        """The resolved crisis whose outcome is on the screens until someone moves on."""
        self.outcome_dialog: Any = None
        self.activeChanged.connect(lambda _on: self._sync_outcome_button())

    # ------------------------------------------------------------------ game
    def attach(self, controller: Any) -> None:
        """Follow a (new or reopened) game: back to the seats, claim a welcome-screen PIN, reset the clock."""
        self.controller = controller
        controller.changed.connect(self._on_changed)
        controller.sessionChanged.connect(self._on_session_changed)
        if self.active:
            self.active = False
            if self.dock is not None:
                self.dock.hide()
            self.activeChanged.emit(False)
            self.win.refresh()
        g = controller.game
        pins.claim_pending(self.key(), g.scenario.meta.id, g.seed, fresh=not g.actions)
        self._key = self.key()
        self.countdown.moment = None
        self.countdown.held = False
        self._follow([])
        self.move_on()
        for view in (self.console, self.projector):
            if view is not None:
                view.set_controller(controller)

    def key(self) -> pins.PinBook:
        """Where this game's PIN is kept: its save (or, unsaved, the app's settings)."""
        c = self.controller
        g = c.game
        record = getattr(c.session, "record", None)
        return pins.book_for(record, pins.game_key(c.path, g.scenario.meta.id, g.seed))

    def _on_session_changed(self) -> None:
        """Save As or a first save: a PIN kept in the settings moves into the save (a PIN in a
        save travels with the copied file by itself)."""
        old, self._key = self._key, self.key()
        if isinstance(old, pins.SettingsPins):
            pins.copy_pin(old, self._key)

    def _on_changed(self, events: list) -> None:
        self._follow(events)
        if self.active and self.console is not None:
            self.console.refresh(events)
        if self.projector is not None and self.projector.isVisible():
            self.projector.refresh(events)
        outcome = next((e for e in reversed(events) if e.kind == "outcome" and e.public), None)
        if outcome is not None:
            self.show_outcome(str(outcome.data["crisis"]))
        elif any(e.kind == "ruling" and e.data.get("crisis") == self.outcome_id for e in events):
            self._update_outcome()  # ruled while on the screens: they say so at once

    def _update_outcome(self) -> None:
        from wargame.rules.outcome import outcome_summary
        g = self.controller.game
        if self.outcome_dialog is not None:
            self.outcome_dialog.view.set_summary(outcome_summary(g, self.outcome_id, self.outcome_viewer()))
        if self.projector is not None:
            self.projector.show_outcome(outcome_summary(g, self.outcome_id, "public"))

    # ------------------------------------------------------------------ the crisis outcome
    def outcome_viewer(self) -> str | None:
        """Whose eyes the seats' outcome screen is for: everything for the facilitator or an
        observer, the one person's seat, or the public when several people share the screen."""
        c = self.controller
        humans = c.humans()
        if self.active or not humans:
            return None
        return humans[0] if len(humans) == 1 else "public"

    def show_outcome(self, crisis_id: str) -> None:
        """Put a crisis outcome on the seats' window and the projector until someone moves on."""
        from wargame.rules.outcome import outcome_summary
        from ui.dialogs.crisis_outcome import CrisisOutcomeDialog
        self.move_on()
        self.outcome_id = crisis_id
        g = self.controller.game
        dialog = CrisisOutcomeDialog(outcome_summary(g, crisis_id, self.outcome_viewer()), "", self.win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.movedOn.connect(lambda d=dialog: self._dialog_done(d))
        dialog.moveOnRequested.connect(self.request_move_on)
        self.outcome_dialog = dialog
        self._sync_outcome_button()
        width = min(980, max(640, int(self.win.width() * 0.75)))
        dialog.resize(width, min(int(self.win.height() * 0.9), max(380, dialog.layout().heightForWidth(width))))
        dialog.show()
        dialog.raise_()
        if self.projector is not None:
            self.projector.show_outcome(outcome_summary(g, crisis_id, "public"))

    def _sync_outcome_button(self) -> None:
        """In a facilitated class the facilitator moves the room on; otherwise the player does."""
        dialog = self.outcome_dialog
        if dialog is None:
            return
        g = self.controller.game
        step = "See the final results" if g.over else f"Move on to {g.quarter}"
        dialog.closable = not (self.classroom and not self.active)
        if not dialog.closable:
            dialog.move_on.setText(f"Facilitator: {step[0].lower()}{step[1:]}…")
            dialog.hint.setText("The facilitator moves the room on (the projector shows this outcome until then).")
        else:
            dialog.move_on.setText(step)
            dialog.hint.setText("")

    def _dialog_done(self, dialog: Any) -> None:
        if dialog is self.outcome_dialog:
            self.outcome_dialog = None
            self.move_on()

    def request_move_on(self) -> bool:
        """The outcome screen's button: in a facilitated class only the facilitator moves on
        (asking for the PIN if the seats have control). Returns whether the room moved on."""
        if self.classroom and not self.active and not self.enter():
            return False
        self.move_on()
        return True

    def move_on(self) -> None:
        """Take the outcome off the screens (the seats' window and the projector)."""
        self.outcome_id = None
        dialog, self.outcome_dialog = self.outcome_dialog, None
        if dialog is not None:
            dialog.force_close()
        if self.projector is not None:
            self.projector.hide_outcome()

    def _follow(self, events: list) -> None:
        g = self.controller.game
        self.countdown.follow_events(events)
        self.countdown.follow(g.turn, g.phase, g.state.held_phase, g.over)
        if events and self.countdown.waiting:
            self.countdown.start()  # play has started in the phase: so does its clock

    def _show_clock(self) -> None:
        """The phase clock on the seats' window too (in a class: facilitated or several people)."""
        c, cd = self.controller, self.countdown
        shown = c is not None and (self.classroom or len(c.humans()) > 1) and cd.active
        if not shown:
            self.win.status.set_clock("", "")
            return
        state = "on hold" if cd.held else "starts with play" if cd.waiting else \
            "time is up" if cd.is_up else "" if cd.running else "paused"
        phase = PHASE_NAMES.get(cd.phase, cd.phase)
        self.win.status.set_clock(f"Clock {cd.text()}" + (f" ({state})" if state else ""),
                                  f"Time left in the {phase.lower()} phase (the facilitator advances it)")

    def _time_up(self) -> None:
        if not self.classroom:
            return  # a game without a facilitator: the clock counts silently
        QApplication.beep()
        phase = PHASE_NAMES.get(self.countdown.phase, self.countdown.phase)
        self.win.status.showMessage(f"Time is up for the {phase.lower()} phase — the facilitator "
                                    "advances it when ready", 15000)

    # ------------------------------------------------------------------ entering and leaving
    def enter(self, pin: str | None = None) -> bool:
        """Enter facilitator mode (``pin``: the PIN, else asked when one is set). Returns whether entered.

        Without a PIN set for this game, the first entry offers to choose one (unless ``pin``
        is given, as scripts and tests do).
        """
        if self.active:
            return True
        key = self.key()
        if pins.has_pin(key):
            asked = pin is None
            wait = pins.locked_for(key)
            if wait > 0:
                text = (f"Too many wrong facilitator PINs: wait {wait:.0f} s before trying again "
                        "(the wait grows with each wrong PIN)")
                self.win.status.showMessage(text, 8000)
                if asked:
                    QMessageBox.warning(self.win, "Facilitator PIN", text + ".")
                return False
            if asked:
                pin = self._ask("Facilitator PIN", "Enter the facilitator PIN:")
                if pin is None:
                    return False
            if not pins.check_pin(key, pin or ""):
                self.win.status.showMessage("Wrong facilitator PIN: facilitator mode stays closed", 8000)
                if asked:
                    QMessageBox.warning(self.win, "Facilitator PIN", "That is not the facilitator PIN.")
                return False
        elif pin is None and not pins.was_asked(key):
            chosen = self._ask("Facilitator PIN", "Choose a PIN that protects facilitator mode in this game\n"
                                                  "(leave it empty for no PIN):")
            if chosen is None:
                return False
            pins.set_pin(key, chosen)
        self._activate()
        return True

    def _activate(self) -> None:
        win = self.win
        win._close_popups()
        win.handover.hide()
        for dock in win._hidden_docks:
            dock.show()
        win._hidden_docks = []
        self.active = self.classroom = True
        if self.countdown.waiting:
            self.countdown.start()  # the facilitator takes the room: the phase starts
        win.viewer = None
        dock = self._ensure_console()
        dock.show()
        dock.raise_()
        self._size_console()
        self.console.refresh()
        win.refresh()
        self.activeChanged.emit(True)

    def leave(self) -> None:
        """Return control to the seats: the hand-over screen asks the seat to move to confirm."""
        if not self.active:
            return
        win = self.win
        self.active = False
        if self.dock is not None:
            self.dock.hide()
        self.activeChanged.emit(False)
        c = self.controller
        seat = c.control if c is not None else None
        if seat is None or not c.is_human(seat):
            win.viewer = seat
            win.refresh()
            return
        win._hidden_docks = [d for d in (win.seat_dock, win.ind_dock, win.log_dock)
                             if d.isFloating() and d.isVisible()]
        for dock in win._hidden_docks:
            dock.hide()
        win.handover.show_for(seat, None)
        name = seat_name(seat)
        win.handover.detail.setText(f"The facilitator's view is hidden. {name}: click when you are ready to play.")
        win._update_actions()

    def toggle(self) -> None:
        """Enter facilitator mode, or return control to the seats."""
        self.leave() if self.active else self.enter()

    def _ensure_console(self) -> QDockWidget:
        if self.dock is None:
            from ui.facilitator.console import FacilitatorConsole
            win = self.win
            self.console = FacilitatorConsole(self.controller, self.countdown)
            self.console.applied.connect(lambda label: win.status.showMessage(f"Facilitator: {label} — logged", 5000))
            self.dock = QDockWidget("Facilitator console", win)
            self.dock.setObjectName("dock_facilitator")
            self.dock.setWidget(self.console)
            self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                  | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            area = win.dockWidgetArea(win.seat_dock)
            win.addDockWidget(area if area != Qt.DockWidgetArea.NoDockWidgetArea
                              else Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
            if not win.seat_dock.isFloating() and win.seat_dock.isVisible():
                win.tabifyDockWidget(win.seat_dock, self.dock)  # the console takes the seat's place
            self._sized = False
        return self.dock

    def _size_console(self) -> None:
        """Give the console about 40% of the window the first time it shows."""
        if self.dock is None or self._sized or not self.dock.isVisible():
            return
        self._sized = True
        win = self.win
        width = max(520, min(700, int(win.width() * 0.34)))
        win.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.win, title, label, QLineEdit.EchoMode.Password)
        return text.strip() if ok else None

    def change_pin(self, new: str | None = None) -> bool:
        """Set or change this game's PIN (only in facilitator mode; empty: no PIN)."""
        if not self.active:
            return False
        if new is None:
            new = self._ask("Facilitator PIN", "New facilitator PIN for this game (empty: no PIN):")
            if new is None:
                return False
        pins.set_pin(self.key(), new)
        self.win.status.showMessage("Facilitator PIN set" if new else "Facilitator PIN removed", 5000)
        return True

    # ------------------------------------------------------------------ projector
    def toggle_projector(self, show: bool | None = None) -> None:
        """Open (full screen, on the second screen if any) or close the public projector view."""
        from ui.projector import ProjectorView
        visible = self.projector is not None and self.projector.isVisible()
        show = not visible if show is None else show
        if not show:
            if visible:
                self.projector.close()
            return
        if self.projector is None:
            self.projector = ProjectorView(self.controller, self.countdown)
            self.projector.closed.connect(lambda: self._sync_projector(False))
        self.classroom = True
        self._sync_outcome_button()
        self.projector.refresh()
        if self.outcome_id is not None:
            from wargame.rules.outcome import outcome_summary
            self.projector.show_outcome(outcome_summary(self.controller.game, self.outcome_id, "public"))
        self.projector.show_on_projector()
        self._sync_projector(True)

    def _sync_projector(self, on: bool) -> None:
        act = getattr(self, "projector_action", None)
        if act is not None and act.isChecked() != on:
            act.setChecked(on)

    def close(self) -> None:
        """Close the projector with the main window."""
        if self.projector is not None:
            self.projector.close()


def _act(win: Any, text: str, shortcut: str | None, slot: Any, tip: str) -> QAction:
    act = QAction(text, win)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    act.setStatusTip(tip)
    act.triggered.connect(lambda _=False: slot())
    return act


def install(win: Any) -> FacilitatorMode:
    """Give ``win`` its facilitator: menus, hand-over button and the shared countdown."""
    mode = FacilitatorMode(win)
    enter = _act(win, "&Enter facilitator mode…", ENTER_SHORTCUT, mode.toggle,
                 "See every seat, control the phases, inject crises and events, rule and annotate")
    projector = _act(win, "&Projector view", PROJECTOR_SHORTCUT, mode.toggle_projector,
                     "Full-screen public view for the room (Esc or F5 to leave)")
    projector.setCheckable(True)
    mode.projector_action = projector
    pin = _act(win, "Set the facilitator &PIN…", None, mode.change_pin, "Protect facilitator mode with a PIN")
    pin.setEnabled(False)
    teams = _act(win, "Team and student &names…", None, lambda: _edit_team_names(win),
                 "Who plays each seat: shown on the hand-over screen and in the report")
    teams.setEnabled(False)
    debrief = _act(win, "&Debrief report…", None, lambda: debrief_dialog(win),
                   "Write the after-action report of this saved game (HTML or PDF)")

    def changed(active: bool) -> None:
        enter.setText("&Return control to the seats" if active else "&Enter facilitator mode…")
        pin.setEnabled(active)
        teams.setEnabled(active)

    mode.activeChanged.connect(changed)
    bar = win.menuBar()
    menus = {a.text().replace("&", ""): a for a in bar.actions() if a.menu() is not None}
    menu = win.facilitator_menu = bar.addMenu("F&acilitator")
    if "Help" in menus:
        bar.insertMenu(menus["Help"], menu)
    for act in (enter, projector, None, pin, teams):
        menu.addSeparator() if act is None else menu.addAction(act)
    if "Game" in menus:
        game = menus["Game"].menu()
        items = game.actions()
        quit_act = win.menu_actions.get("quit")
        at = items.index(quit_act) if quit_act in items else len(items)
        before = items[at - 1] if at > 0 and items[at - 1].isSeparator() else (items[at] if at < len(items) else None)
        game.insertAction(before, debrief) if before is not None else game.addAction(debrief)
    win.menu_actions.update(facilitator=enter, projector=projector, facilitator_pin=pin, debrief=debrief,
                            team_names=teams)
    button = QPushButton("Facilitator…")
    button.setObjectName("handover_facilitator")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton{color:#AEB6C2;background:transparent;border:1px solid #5C636E;"
                         "border-radius:6px;padding:6px 16px;font-size:14px;}")
    button.clicked.connect(lambda: mode.enter())
    win.handover.layout().addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
    return mode


def _edit_team_names(win: Any) -> None:
    from ui.dialogs.teams import edit_team_names
    edit_team_names(win)
