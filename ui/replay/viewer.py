"""The replay window: step through a saved game (or one seat's exported view of it).

A timeline of every log entry (painted bar with quarter ticks, crisis and bookmark marks, and a
tree grouped by quarter); play, pause, step, jump (Space, Left/Right, Home/End, Page Up/Down);
the map, the network of commitments, the scores and the indicator charts all show the state at
the chosen point (``source.game_at(index)``: rebuilt from the nearest snapshot, cached).
Bookmarks with notes are stored in the save. "Branch from here", comparison and seat export
live in :mod:`ui.replay.tasks`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QLabel, QMainWindow, QMessageBox, QSplitter, QStyle, QTabWidget,
                               QToolBar, QVBoxLayout, QWidget)

from ui import map_model
from ui.indicators_view import IndicatorsView
from ui.map_canvas import MapCanvas
from ui.network_canvas import NetworkCanvas
from ui.replay.bookmarks import BookmarkDialog, BookmarksPanel
from ui.replay.source import ReplaySource, open_source, recorded_scores
from ui.replay.timeline import LogTree, TimelineBar
from ui.scoreboard import Scoreboard
from ui.screen_fit import fit_to_screen
from ui.split_or_tabs import SplitOrTabs
from ui.theme import NEUTRAL, SEAT_COLORS, scaled_font
from wargame.rules.game import Game
from wargame.storage import SaveError
from wargame.types import SEAT_NAMES, SEATS

SPEEDS: tuple[tuple[str, int], ...] = (("Slow · 1 step/s", 1000), ("Normal · 4 steps/s", 250),
                                       ("Fast · 12 steps/s", 80))
"""Play speeds: label and milliseconds per step."""


class ReplayWindow(QMainWindow):
    """Replays one source. Build with :meth:`open` (a path) or from a :class:`ReplaySource`.

    Signals:
        openGameRequested(str): continue this save (e.g. a new branch) in the main window.
        indexChanged(int): the point shown changed.
    """

    openGameRequested = Signal(str)
    indexChanged = Signal(int)

    def __init__(self, source: ReplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.source = source
        self._index = -1
        self._shown: dict[str, Any] = {}
        self.children_windows: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._build_views()
        self._build_toolbar()
        from ui.replay.tasks import build_replay_menus
        self.acts = build_replay_menus(self)
        self._load_source()
        fit_to_screen(self, QSize(1600, 900))
        self.jump(0)

    @classmethod
    def open(cls, path: str | Path, readonly: bool | None = None, parent: QWidget | None = None) -> "ReplayWindow":
        """A window on the save or seat view at ``path`` (raises ``SaveError`` if it cannot be read)."""
        return cls(open_source(path, readonly), parent)

    # ------------------------------------------------------------------ building
    def _build_views(self) -> None:
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setWordWrap(True)
        self.banner.setFont(scaled_font(12))
        self.banner.setStyleSheet(f"background:white; border-bottom:1px solid {NEUTRAL['border']}; padding:8px 14px;")
        self.timeline = TimelineBar()
        self.timeline.indexRequested.connect(self.jump)
        self.log = LogTree()
        self.log.indexRequested.connect(self.jump)
        self.bookmarks = BookmarksPanel()
        self.bookmarks.indexRequested.connect(self.jump)
        self.bookmarks.addRequested.connect(self.ask_bookmark)
        self.bookmarks.removeRequested.connect(self.remove_bookmark)
        self.side = QTabWidget()
        self.side.addTab(self.log, "Timeline")
        self.side.addTab(self.bookmarks, "Bookmarks")
        self.map = MapCanvas(seat_colors=SEAT_COLORS)
        self.map.set_country_tints(map_model.country_tints(SEAT_COLORS))
        self.network = NetworkCanvas()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.map, "Map")
        self.tabs.addTab(self.network, "Network of commitments")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_center())
        self.scoreboard = Scoreboard()
        self.indicators = IndicatorsView()
        # stacked from 560 px up (1080p screens); tabs on a 720p laptop keep the component names
        right = self.right = SplitOrTabs(self.scoreboard, self.indicators, ("Scores", "Indicators"), 560, (3, 5))
        self.split = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.side, self.tabs, right):
            self.split.addWidget(w)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([400, 720, 480])
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(self.timeline)
        lay.addWidget(self.split, 1)
        self.setCentralWidget(body)

    def _act(self, text: str, icon: QStyle.StandardPixmap | None, keys: tuple[Any, ...], slot: Any, tip: str) -> QAction:
        act = QAction(text, self)
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.setToolTip(f"{tip} ({', '.join(QKeySequence(k).toString() for k in keys)})" if keys else tip)
        act.triggered.connect(lambda _=False: slot())
        self.addAction(act)
        return act

    def _build_toolbar(self) -> None:
        P = QStyle.StandardPixmap
        Key = Qt.Key
        self.act_start = self._act("Start", P.SP_MediaSkipBackward, (Key.Key_Home,), lambda: self.jump(0), "Go to the start")
        self.act_back = self._act("Back", P.SP_MediaSeekBackward, (Key.Key_Left,), lambda: self.step(-1), "One step back")
        self.act_play = self._act("Play", P.SP_MediaPlay, (Key.Key_Space,), self.toggle_play, "Play or pause")
        self.act_forward = self._act("Forward", P.SP_MediaSeekForward, (Key.Key_Right,), lambda: self.step(1),
                                     "One step forward")
        self.act_end = self._act("End", P.SP_MediaSkipForward, (Key.Key_End,), lambda: self.jump(self.source.last),
                                 "Go to the end")
        self.act_prev_q = self._act("Previous quarter", None, (Key.Key_PageUp,), lambda: self.step_quarter(-1),
                                    "Go to the start of the previous quarter")
        self.act_next_q = self._act("Next quarter", None, (Key.Key_PageDown,), lambda: self.step_quarter(1),
                                    "Go to the start of the next quarter")
        bar = QToolBar("Replay", self)
        bar.setObjectName("toolbar_replay")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setFont(scaled_font(10.5))
        bar.setStyleSheet("QToolButton:disabled { color: #A5ABB3; }")
        for act in (self.act_start, self.act_back, self.act_play, self.act_forward, self.act_end):
            bar.addAction(act)
        self.speed = QComboBox()
        for label, ms in SPEEDS:
            self.speed.addItem(label, ms)
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(lambda _i: self.timer.setInterval(int(self.speed.currentData())))
        self.timer.setInterval(int(self.speed.currentData()))
        self.quarter_box = QComboBox()
        self.quarter_box.setMinimumWidth(110)
        self.quarter_box.activated.connect(lambda i: self.jump(int(self.quarter_box.itemData(i))))
        self.viewer_box = QComboBox()
        self.viewer_box.addItem("Facilitator (everything)", None)
        for seat in SEATS:
            self.viewer_box.addItem(f"{SEAT_NAMES[seat]}'s view", seat)
        self.viewer_box.currentIndexChanged.connect(lambda _i: self.set_viewer(self.viewer_box.currentData()))
        for label, widget in (("  Speed", self.speed), ("  Quarter", self.quarter_box), ("  Show", self.viewer_box)):
            bar.addSeparator()
            bar.addWidget(QLabel(label + " "))
            bar.addWidget(widget)
        self.toolbar = bar
        self.addToolBar(bar)

    def _load_source(self) -> None:
        src = self.source
        self.setWindowTitle(f"Replay — {src.title} ({Path(src.where).name})")
        self.timeline.set_entries(src.entries, src.quarter_starts())
        self.log.set_entries(src.entries)
        self.quarter_box.clear()
        for index, _turn, quarter in src.quarter_starts():
            self.quarter_box.addItem(quarter, index)
        fixed = src.kind == "seat-view"
        self.viewer_box.blockSignals(True)
        self.viewer_box.setCurrentIndex(max(0, self.viewer_box.findData(src.viewer)))
        self.viewer_box.blockSignals(False)
        self.viewer_box.setEnabled(not fixed)
        if fixed:
            self.viewer_box.setToolTip(f"This file holds only {SEAT_NAMES[src.viewer or '']}'s view")
        self.refresh_bookmarks()

    # ------------------------------------------------------------------ navigation
    @property
    def index(self) -> int:
        """The log index shown (after that many actions)."""
        return self._index

    @property
    def game(self) -> Game:
        """The game at the point shown (do not modify it)."""
        return self.source.game_at(self._index)

    @property
    def viewer(self) -> str | None:
        """Whose view is shown (None: everything)."""
        return self.source.viewer

    def jump(self, index: int) -> None:
        """Show the state after ``index`` actions (clamped to the log)."""
        index = max(0, min(int(index), self.source.last))
        if index == self._index:
            return
        try:
            game = self.source.game_at(index)
        except SaveError as err:
            self.pause()
            QMessageBox.warning(self, "Cannot show this point", str(err))
            return
        self._index = index
        self.timeline.set_index(index)
        self.log.set_index(index)
        self._show_banner(game)
        self._refresh_views(game)
        self._update_actions()
        self.indexChanged.emit(index)

    def step(self, delta: int) -> None:
        """Move ``delta`` entries forward (or back)."""
        self.jump(self._index + delta)

    def step_quarter(self, delta: int) -> None:
        """Go to the start of the next (or previous) quarter."""
        starts = [i for i, _t, _q in self.source.quarter_starts()]
        if delta > 0:
            target = next((i for i in starts if i > self._index), self.source.last)
        else:
            target = next((i for i in reversed(starts) if i < self._index), 0)
        self.jump(target)

    def jump_to_turn(self, turn: int) -> None:
        """Go to the first entry of ``turn``."""
        self.jump(self.source.index_of_turn(turn))

    def play(self) -> None:
        """Step forward on a timer until the end (or :meth:`pause`)."""
        if self._index >= self.source.last:
            self.jump(0)
        self.timer.start()
        self._update_actions()

    def pause(self) -> None:
        """Stop playing."""
        self.timer.stop()
        self._update_actions()

    def toggle_play(self) -> None:
        """Play or pause (Space)."""
        self.pause() if self.timer.isActive() else self.play()

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def _tick(self) -> None:
        if self._index >= self.source.last:
            self.pause()
        else:
            self.step(1)

    def set_viewer(self, seat: str | None) -> None:
        """Show the replay as ``seat`` saw it (None: everything); only for a full save."""
        if self.source.kind != "save" or seat == self.source.viewer:
            return
        self.source.set_viewer(seat)  # type: ignore[attr-defined]
        self.log.set_entries(self.source.entries)
        self.timeline.set_entries(self.source.entries, self.source.quarter_starts())
        self._shown.clear()
        index, self._index = self._index, -1
        self.jump(index)

    # ------------------------------------------------------------------ showing
    def _show_banner(self, game: Game) -> None:
        e = self.source.entries[self._index]
        who = "everything (facilitator)" if self.viewer is None else f"{SEAT_NAMES[self.viewer]}'s view"
        over = " · <b>game over</b>" if game.over else ""
        colour = SEAT_COLORS.get(e.seat, NEUTRAL["text"])
        self.banner.setText(
            f"<span style='font-size:15pt'><b>#{e.index}</b> of {self.source.last} · <b>{e.quarter}</b> · "
            f"{self.source.phase_text(self._index)}{over}</span>"
            f"<span style='color:{NEUTRAL['muted']}'> &nbsp; showing {who}</span><br>"
            f"<span style='color:{colour}'>{e.title}</span>")

    def _changed(self, key: str, value: Any) -> bool:
        if self._shown.get(key) == value:
            return False
        self._shown[key] = value
        return True

    def _refresh_views(self, game: Game) -> None:
        viewer = self.viewer
        if self.source.kind == "seat-view" and game.state.history:
            self._show_recorded_scores(game)
        else:
            self.scoreboard.set_game(game, viewer)
        if self._changed("indicators", (viewer, len(game.state.history), len(game.state.crises),
                                        tuple(c.ruling for c in game.state.crises))):
            self.indicators.set_game(game, viewer)
        self._refresh_center()

    def _show_recorded_scores(self, game: Game) -> None:
        """A seat view shows the scores of the last assessment (see :func:`recorded_scores`)."""
        scores, quarter = recorded_scores(game)
        self.scoreboard.set_scores(scores, self.viewer)
        self.scoreboard._quarter = quarter  # the title names the assessment shown
        self.scoreboard.setToolTip("A seat's view shows the scores recorded at the last assessment: the other "
                                   "seats' private lines are not in the view, so live scores cannot be recomputed.")
        self.scoreboard.update()

    def _refresh_center(self) -> None:
        if self._index < 0:
            return
        game, viewer = self.game, self.viewer
        if self.tabs.currentWidget() is self.map:
            self._show_map(map_model.build(game, viewer))
        elif self._changed("network", (viewer, self._index)):
            self.network.set_game(game, viewer)

    def _show_map(self, scene: map_model.MapScene) -> None:
        if self._changed("map_sites", [(s.id, s.name, s.kind, s.owner) for s in scene.sites]):
            self.map.set_sites(scene.sites)  # re-lays out the labels: only when the sites change
        else:
            for site in scene.sites:
                item = self.map.site_item(site.id)
                if item is not None and item.toolTip() != site.detail:
                    item.setToolTip(site.detail)
        if self._changed("map_links", scene.links):
            self.map.set_links(scene.links)
        if self._changed("map_crisis", (scene.crisis_site, scene.crisis_label)):
            self.map.set_active_crisis(scene.crisis_site, scene.crisis_label)

    def _update_actions(self) -> None:
        playing = self.timer.isActive()
        self.act_play.setText("Pause" if playing else "Play")
        self.act_play.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))
        at_start, at_end = self._index <= 0, self._index >= self.source.last
        for act, off in ((self.act_start, at_start), (self.act_back, at_start), (self.act_prev_q, at_start),
                         (self.act_forward, at_end), (self.act_end, at_end), (self.act_next_q, at_end)):
            act.setEnabled(not off)
        q = self.source.entries[self._index].quarter if self._index >= 0 else ""
        self.quarter_box.setCurrentIndex(max(0, self.quarter_box.findText(q)))

    # ------------------------------------------------------------------ bookmarks
    def refresh_bookmarks(self) -> None:
        """Reload the bookmarks from the source."""
        problem = self.source.bookmark_problem
        marks = self.source.bookmarks()
        self.bookmarks.set_bookmarks(marks, lambda i: self.source.entries[min(i, self.source.last)].quarter)
        self.bookmarks.set_problem(problem)
        self.timeline.set_bookmarks([(b.index, b.label) for b in marks])
        if hasattr(self, "acts"):
            self.acts["bookmark"].setEnabled(problem is None)

    def add_bookmark(self, label: str, note: str = "", index: int | None = None) -> int:
        """Bookmark the point shown (or ``index``); returns its id. Raises ``SaveError`` if not possible."""
        bid = self.source.add_bookmark(self._index if index is None else index, label, note)
        self.refresh_bookmarks()
        self.side.setCurrentWidget(self.bookmarks)
        return bid

    def ask_bookmark(self) -> None:
        """Ask for a label and note, then bookmark the point shown."""
        problem = self.source.bookmark_problem
        if problem is not None:
            QMessageBox.information(self, "Bookmarks", f"Bookmarks cannot be added: {problem}.")
            return
        e = self.source.entries[self._index]
        dialog = BookmarkDialog(f"#{e.index} ({e.quarter}, {self.source.phase_text(e.index)})", self)
        if dialog.exec():
            try:
                self.add_bookmark(dialog.label.text().strip(), dialog.note.toPlainText().strip())
            except SaveError as err:
                QMessageBox.warning(self, "Could not add the bookmark", str(err))

    def remove_bookmark(self, bookmark_id: int) -> None:
        """Delete a bookmark."""
        try:
            self.source.remove_bookmark(bookmark_id)
        except SaveError as err:
            QMessageBox.warning(self, "Could not remove the bookmark", str(err))
        self.refresh_bookmarks()

    # ------------------------------------------------------------------ layout
    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        """Below 1500 px the step buttons show their icons only (their tooltips name them), so the toolbar fits."""
        super().resizeEvent(event)
        style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if self.width() >= 1500 \
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        """Stop playing and close the file."""
        self.timer.stop()
        self.source.close()
        super().closeEvent(event)
