"""The main window: map and network canvases, the seat, indicator and log docks, menus and status.

It talks to the game only through the :class:`~ui.adapter.GameController`: it turns clicks and
forms into actions for ``controller`` (via the per-seat undo history) and refreshes each view
when ``changed`` fans out the events. Views show what the confirmed human seat (the *viewer*)
may see; when control passes between two human seats a hand-over overlay hides everything
until the next seat confirms.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QTabWidget, QToolBar, QWidget

from ui import settings
from ui.adapter import GameController, UndoHistory
from ui.event_log import EventLog
from ui.forms.base import seat_name
from ui.handover import HandoverOverlay
from ui.main_menus import build_menus
from ui.map_canvas import MapCanvas
from ui import map_model, screen_fit
from ui.scoreboard import Scoreboard
from ui.seat_panel import SeatPanel
from ui.split_or_tabs import SplitOrTabs
from ui.status import StatusBar
from ui.theme import SEAT_COLORS
from ui.view_host import LazyView, stale_views, ALL_VIEWS
from wargame.actions import Action

translate = QCoreApplication.translate

PREFERRED_SIZE = QSize(1600, 900)
"""The size the window opens at when the screen has room (shrunk to fit smaller screens)."""
WIDE = 1500
"""From this width the indicators get a column of their own; narrower windows tab them behind the seat."""

class MainWindow(QMainWindow):
    """The game window over one controller (replaceable with :meth:`set_controller`).

    Signals:
        newGameRequested(): the player asked for a new game (File > New).
        openRequested(str): the player chose a save file to open.
    """

    newGameRequested = Signal()
    openRequested = Signal(str)

    def __init__(self, controller: GameController, parent: QWidget | None = None,
                 restore: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.map = MapCanvas(seat_colors=SEAT_COLORS)
        self.map.siteSelected.connect(self._on_site_selected)
        self.map.set_country_tints(map_model.country_tints(SEAT_COLORS))
        self.network = LazyView("ui.network_canvas", "NetworkCanvas",
                                translate("MainWindow", "Drawing the network of commitments…"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.map, "")
        self.tabs.addTab(self.network, "")
        self.setCentralWidget(self.tabs)
        self.seat_panel = SeatPanel()
        self.scoreboard = Scoreboard()
        self.indicators = LazyView("ui.indicators_view", "IndicatorsView",
                                   translate("MainWindow", "Drawing the indicator charts…"))
        self._stale: set[str] = set(ALL_VIEWS)
        """Views whose data changed since they last drew it (filled from the engine's change flags)."""
        self._map_scene: map_model.MapScene | None = None
        self.tabs.currentChanged.connect(self._on_tab_changed)  # a bound slot: dropped with the window
        self.log = EventLog()
        # stacked when the dock has the height (about 580 px: 1080p screens), else two tabs, so the
        # scoreboard keeps room to name its components and the charts stay readable on a laptop
        split = self.ind_split = SplitOrTabs(self.scoreboard, self.indicators, ("", ""), 580, (42, 58))
        self.seat_dock = self._dock("seat", self.seat_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.ind_dock = self._dock("indicators", split, Qt.DockWidgetArea.RightDockWidgetArea)
        self.log_dock = self._dock("log", self.log, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._retranslate_frame()
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._sized = False
        self._painted = False
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.handover = HandoverOverlay(self)
        self.handover.confirmed.connect(self._on_handover_confirmed)
        self._restored = False
        self._hidden_docks: list[QDockWidget] = []
        self.crisis_dialog = None
        self.form = None
        self.error_box: QMessageBox | None = None
        self.end_phase_box: QMessageBox | None = None
        self.viewer: str | None = None
        self.follow_seat = "riyadh"
        self.controller: GameController | None = None
        self.undo: UndoHistory | None = None
        # set by the menu, facilitator and what-if modules that build them for this window
        self.recent_menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self.adviser: QWidget | None = None
        self.facilitator_menu: QMenu | None = None
        self.whatif_dialog: QWidget | None = None
        self.menu_actions = build_menus(self)
        sp = self.seat_panel.action_panel
        sp.formRequested.connect(self.open_form)
        sp.actionRequested.connect(self.do)
        sp.endPhaseRequested.connect(self.menu_actions["end_phase"].trigger)  # the one confirmation
        sp.counterRequested.connect(self.open_counter)
        sp.crisisRequested.connect(self.open_crisis)
        self.seat_panel.followChanged.connect(self._on_follow)
        if restore:
            self.restore_layout()
        from ui.facilitator import install as install_facilitator
        self.facilitator = install_facilitator(self)  # facilitator seat, console, projector
        self.set_controller(controller)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _retranslate_frame(self) -> None:
        """The tab, dock and split titles in the app's language now."""
        self.tabs.setTabText(0, translate("MainWindow", "Map"))
        self.tabs.setTabText(1, translate("MainWindow", "Network of commitments"))
        self.seat_dock.setWindowTitle(translate("MainWindow", "Your seat"))
        self.ind_dock.setWindowTitle(translate("MainWindow", "Indicators and scores"))
        self.log_dock.setWindowTitle(translate("MainWindow", "Event log"))
        split = self.ind_split
        split.titles = (translate("MainWindow", "Scores"), translate("MainWindow", "Charts"))
        if split.tabbed:
            for i, title in enumerate(split.titles):
                split.tabs.setTabText(i, title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """A new language: every text of the window is set again and every view redrawn from the
        game (which the switch leaves as it is)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menu_actions"):
            from ui.main_menus import retranslate
            self._retranslate_frame()
            retranslate(self)
            self._update_title()
            self._stale |= set(ALL_VIEWS)
            self._map_scene = None
            if self.handover.covering():
                self.handover.retranslate()
            self.refresh()
    # ------------------------------------------------------------------ controller
    def set_controller(self, controller: GameController) -> None:
        """Show another game (new, opened or reopened) in this window."""
        if self.controller is not None:
            self.controller.close()
            self.controller.deleteLater()
        self.controller = controller
        controller.setParent(self)
        self.undo = UndoHistory(controller)
        self.undo.stacksChanged.connect(self._update_actions)
        controller.changed.connect(self._on_changed)
        controller.error.connect(self._on_error)
        controller.crisisStarted.connect(self._on_crisis_started)
        controller.gameOver.connect(self._on_game_over)
        controller.actingSeatChanged.connect(self._on_acting_seat_changed)
        controller.botActivity.connect(self.status.set_thinking)
        controller.sessionChanged.connect(self._update_title)
        controller.saveAdvanced.connect(self._on_save_advanced)
        self.viewer = controller.control
        self.handover.hide()
        if self.viewer and len(controller.humans()) > 1 and not self.facilitator.active:
            self._cover(self.viewer, None)  # several people at one computer: nobody's seat shows at start
        self._update_title()
        self.refresh()
        controller.schedule_bots()
        self._maybe_open_crisis()
        self.facilitator.attach(controller)

    @property
    def game(self):  # noqa: ANN201 (the engine's Game)
        """The game shown."""
        assert self.controller is not None
        return self.controller.game

    def _can_act(self) -> bool:
        c = self.controller
        return c is not None and self.viewer is not None and c.is_human(self.viewer) \
            and not self.handover.covering()

    # ------------------------------------------------------------------ refreshing
    def refresh(self, events: list | None = None) -> None:
        """Refresh every view (``events`` None) or only those whose data the action changed.

        ``events`` is what :meth:`Game.apply` returned: its ``changes`` flags say which views
        are stale (a plain list of events, without flags, refreshes every view).
        """
        c = self.controller
        if c is None:
            return
        g = c.game
        observer = not c.humans() or self.facilitator.active  # the facilitator may follow any seat
        shown = self.follow_seat if observer else self.viewer
        self._stale |= stale_views(getattr(events, "changes", None), shown)
        self.status.show_game(g, c)
        if events is None:
            self.log.set_game(g, self.viewer)
        else:
            self.log.append(events)
        if self.handover.covering():
            return
        if "seat" in self._stale:
            who = "person" if shown and c.is_human(shown) else "computer"
            self.seat_panel.set_game(g, shown, self._can_act(), who, observer,
                                     portfolio="portfolio" in self._stale)
            self._stale -= {"seat", "portfolio"}
        if "scoreboard" in self._stale:
            self._stale.discard("scoreboard")
            self.scoreboard.set_game(g, self.viewer)
        self._refresh_views()
        self._update_actions()

    def _refresh_views(self) -> None:
        """Refresh the map, network and charts, each only if its data changed (and it is shown)."""
        c = self.controller
        if c is None or self.handover.covering():
            return
        g, viewer = c.game, self.viewer
        if "map" in self._stale and self.tabs.currentWidget() is self.map and self.isVisible():
            self._stale.discard("map")  # laid out once shown
            self._show_map(map_model.build(g, viewer))
        if "network" in self._stale and self.tabs.currentWidget() is self.network:
            self._stale.discard("network")
            self.network.set_game(g, viewer)
        if "indicators" in self._stale:
            self._stale.discard("indicators")
            self.indicators.set_game(g, viewer)

    def _show_map(self, scene: map_model.MapScene) -> None:
        """Push the scene to the map, touching only the parts that differ from the last one."""
        last, self._map_scene = self._map_scene, scene
        def layout(sc: map_model.MapScene | None) -> list[tuple[str, str, str, str | None]]:
            return [(x.id, x.name, x.kind, x.owner) for x in sc.sites] if sc is not None else []
        if layout(last) != layout(scene):
            self.map.set_sites(scene.sites)  # the canvas lays out again only if names or kinds moved
        elif last is not None and last.sites != scene.sites:
            for site in scene.sites:  # tooltips only
                item = self.map.site_item(site.id)
                if item is not None and item.toolTip() != site.detail:
                    item.setToolTip(site.detail)
        if last is None or last.links != scene.links:
            self.map.set_links(scene.links)
        before = (last.crisis_site, last.crisis_label) if last is not None else (None, "")
        if before != (scene.crisis_site, scene.crisis_label):
            self.map.set_active_crisis(scene.crisis_site, scene.crisis_label)

    def _on_tab_changed(self, _index: int) -> None:
        self._refresh_views()

    def _on_crisis_started(self, _crisis: object) -> None:
        self._maybe_open_crisis()

    def _on_follow(self, seat: str) -> None:
        self.follow_seat = seat
        self.refresh()

    def _on_changed(self, events: list) -> None:
        self.refresh(events)

    def _update_actions(self) -> None:
        from ui.main_menus import update_actions
        update_actions(self)

    def _update_title(self) -> None:
        c = self.controller
        path = c.path if c is not None else None
        self.setWindowTitle(translate("MainWindow", "Layered Deterrence — {file}").format(
            file=path.name if path else translate("MainWindow", "unsaved game")))
        if path is not None:
            settings.add_recent_file(path)

    # ------------------------------------------------------------------ hot seat
    def _on_acting_seat_changed(self, seat: str) -> None:
        c = self.controller
        if not seat or c is None or self.facilitator.active:  # no hand-over hides the facilitator's view
            return
        previous = self.viewer
        if previous and previous != seat and c.is_human(previous) and len(c.humans()) > 1:
            self._cover(seat, previous)
            return
        self.viewer = seat
        self.refresh()
        self._maybe_open_crisis()

    def _cover(self, seat: str, previous: str | None) -> None:
        """Show the hand-over screen for ``seat`` (taking over from ``previous``, if any)."""
        self._close_popups()
        self._hidden_docks = [d for d in (self.seat_dock, self.ind_dock, self.log_dock)
                              if d.isFloating() and d.isVisible()]
        for dock in self._hidden_docks:  # floating docks are windows of their own: hide them too
            dock.hide()
        self.handover.show_for(seat, previous)
        self._update_actions()

    def _on_handover_confirmed(self, seat: str) -> None:
        for dock in self._hidden_docks:
            dock.show()
        self._hidden_docks = []
        self.viewer = seat
        self.refresh()
        self._maybe_open_crisis()

    def _close_popups(self) -> None:
        """Close the previous seat's dialogs (a message box deletes itself when closed)."""
        for dialog in (self.crisis_dialog, self.form, self.error_box, self.end_phase_box):
            if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.reject()

    # ------------------------------------------------------------------ acting
    def do(self, action: Action) -> None:
        """Apply a human seat's action (through its undo stack)."""
        if self.undo is not None and self._can_act():
            self.undo.do(action)

    def open_form(self, kind: str) -> None:
        """Open the form for an action kind for the viewing seat."""
        from ui.forms.moves import form_for
        if not self._can_act():
            return
        _retire(self.form)
        self.form = form_for(kind, self.game, self.viewer, self)
        self.form.accepted.connect(lambda f=self.form: f.action is not None and self.do(f.action))
        self.form.open()

    def open_counter(self, proposal_id: str) -> None:
        """Open the counter-proposal form for a proposal in the viewer's inbox."""
        from ui.forms.propose import ProposeForm
        prop = self.game.state.proposals.get(proposal_id)
        if prop is None or not self._can_act():
            return
        _retire(self.form)
        self.form = ProposeForm(self.game, self.viewer, counter_to=prop, parent=self)
        self.form.accepted.connect(lambda f=self.form: f.action is not None and self.do(f.action))
        self.form.open()

    def open_crisis(self) -> None:
        """Open the crisis dialog for the viewing seat."""
        from ui.dialogs.crisis import CrisisDialog
        g = self.game
        if g.state.crisis is None or g.phase != "crisis" or not self._can_act() \
                or self.viewer not in g.acting_seats():
            return
        if self.crisis_dialog is not None and self.crisis_dialog.isVisible():
            return
        _retire(self.crisis_dialog)
        self.crisis_dialog = CrisisDialog(g, self.viewer, self)
        dialog = self.crisis_dialog
        dialog.accepted.connect(lambda: dialog.action is not None and self.do(dialog.action))
        dialog.open()

    def _maybe_open_crisis(self) -> None:
        self.open_crisis()

    def _on_site_selected(self, site_id: str) -> None:
        for site in self.game.scenario.sites:
            if site.id == site_id:
                self.status.showMessage(translate("MainWindow", "{site}: hover for details").format(site=site.name),
                                        4000)

    def _on_error(self, message: str) -> None:
        """Say why an action was refused (non-blocking, so the computer seats go on)."""
        self.status.showMessage(message, 8000)
        box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Not possible"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box

    def _on_save_advanced(self, message: str) -> None:
        """The save was changed elsewhere: the session reloaded the game and the move was not
        applied. Say so, and start this window over on the reloaded game (after the action
        that found it has returned)."""
        box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Game changed elsewhere"),
                          message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        QTimer.singleShot(0, self, self._reload_game)
        box.open()

    def _reload_game(self) -> None:
        old = self.controller
        if old is None or old.session is None:
            return
        paused = old.paused
        controller = GameController.from_session(old.detach_session(), levels=old.levels)
        controller.set_paused(paused)
        self.set_controller(controller)

    def _on_game_over(self) -> None:
        from ui.dialogs.game_over import GameOverDialog
        self.refresh()
        people = self.controller.humans() if self.controller is not None else []
        GameOverDialog(self.game, self, people=people).open()

    # ------------------------------------------------------------------ layout
    def restore_layout(self) -> None:
        """Restore the remembered geometry and dock layout."""
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
            room = screen_fit.client_room(screen_fit.available_geometry(self))
            if self.width() > room.width() or self.height() > room.height():
                self.fit_to_screen()  # remembered from a larger screen
        if state is not None:
            self._restored = self.restoreState(state)

    def fit_to_screen(self) -> None:
        """Open at :data:`PREFERRED_SIZE`, shrunk to the screen's available geometry and centred."""
        screen_fit.fit_to_screen(self, PREFERRED_SIZE)

    def default_dock_sizes(self) -> None:
        """Give the docks sizes that suit the window.

        Wide windows (1500 px and more) show the seat (25% of the width) and the indicators (29%)
        on either side of the map; narrower ones stack the indicators as a tab behind the seat
        panel so the map keeps two thirds of the width.
        """
        w, h = max(self.width(), 800), max(self.height(), 500)
        self._set_wide(w >= WIDE)
        self.resizeDocks([self.log_dock], [int(h * 0.22)], Qt.Orientation.Vertical)

    def _docks_tabbed(self) -> bool:
        return self.ind_dock in self.tabifiedDockWidgets(self.seat_dock)

    def _set_wide(self, wide: bool) -> None:
        """Indicators in a column of their own (``wide``) or tabbed behind the seat panel."""
        w = max(self.width(), 800)
        if not wide:
            if not self._docks_tabbed():
                self.tabifyDockWidget(self.seat_dock, self.ind_dock)
                self.seat_dock.raise_()
            self.resizeDocks([self.seat_dock], [int(w * 0.32)], Qt.Orientation.Horizontal)
        else:
            if self._docks_tabbed():
                self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.ind_dock)
            self.resizeDocks([self.seat_dock, self.ind_dock], [int(w * 0.25), int(w * 0.29)],
                             Qt.Orientation.Horizontal)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Crossing :data:`WIDE` (maximising, restoring, another screen) re-arranges the default docks."""
        super().resizeEvent(event)
        if not self._sized or self._restored:
            return  # the first show sizes the docks; a remembered layout is the player's own
        wide = event.size().width() >= WIDE
        if wide != (event.oldSize().width() >= WIDE) and event.oldSize().width() > 0 \
                and not (self.seat_dock.isFloating() or self.ind_dock.isFloating()):
            self._set_wide(wide)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Size the docks once, unless a remembered layout was restored."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._restored:
                self.default_dock_sizes()
            self._refresh_views()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """After the first paint, build the heavy views (the window shows up first)."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.load_heavy_views)

    def load_heavy_views(self) -> None:
        """Build the chart and network views (after the first paint, so the window opens fast)."""
        for host in (self.network, self.indicators, self.seat_panel.portfolio):
            host.load()
        self._stale |= {"network", "indicators"}
        self._refresh_views()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Remember the layout and close the save file."""
        settings.save_window(self.saveGeometry(), self.saveState())
        self.facilitator.close()  # the projector window goes with the game window
        if self.controller is not None:
            self.controller.close()
        super().closeEvent(event)

    def who_label(self, seat: str) -> str:
        """'Riyadh' or 'Washington (computer)'."""
        return self.controller.seat_label(seat) if self.controller else seat_name(seat)


def _retire(dialog: QWidget | None) -> None:
    """Delete a closed form or dialog that a new one replaces (each holds a copy of its game)."""
    if dialog is not None and shiboken6.isValid(dialog) and not dialog.isVisible():
        dialog.deleteLater()
