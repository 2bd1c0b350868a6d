"""Projector mode: a full-screen, large-type, public-only view of the game for the whole room.

It shows the map with only the *public* commitments, the quarter and phase, the phase countdown,
the scores, real against perceived deterrence as the public can know it, the crises so far and
the latest public events; after a crisis test it shows the outcome (what the seats' outcome
screen shows, public information only) until the facilitator moves on. It is built from :func:`public_view`, a view of the state with
every seat's private lines blanked and every secret commitment and proposal removed, so it can
never show a secret deal or a private budget whoever is at the keyboard.
"""
from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget,
)

from ui import map_model
from ui.facilitator.countdown import Countdown, CountdownLabel
from ui.dialogs.crisis_outcome import OutcomeView
from ui.gap_chart import GapChart, GapRow
from ui.map_canvas import MapCanvas, MapLink
from ui.theme import OUTCOME_COLORS, SEAT_COLORS, SEAT_LABELS, pixel_font, seat_name
from wargame.events import Event
from wargame.rules.seat_view import PUBLIC, seat_state, seat_view
from wargame.rules.scoring import Score, ranked as ranked_scores
from wargame.types import PHASE_NAMES

SHORTCUT = "F5"
"""Toggles projector mode (F11 is the main window's full screen, Ctrl+Shift+P pauses the computer)."""
NEWS_KINDS_SKIPPED = frozenset({"pass", "proposal", "answer", "undo", "note"})
"""Public bookkeeping not worth the room's attention."""
MAX_NEWS = 14
STEPS = ("diplomacy", "investment", "crisis")
HEADER_BG = "#1F2328"
BOX_STYLE = "background:white;border:2px solid #D0D5DB;border-radius:14px;"
GAP_NOTE = "Real counts public commitments only: a secret deal may add to it unseen."


def crisis_lines(game: Any) -> list[tuple[str, str]]:
    """``(text, outcome)`` for every crisis so far, the one under way last: the facilitator's
    ruling replaces the rolled outcome (and says so)."""
    out = []
    for c in game.state.crises:
        outcome = c.ruling or c.outcome
        ruled = " (ruling)" if c.ruling and c.ruling != c.outcome else ""
        out.append((f"{game.quarter_of(c.turn)} {c.title}: {outcome}{ruled}", outcome))
    current = game.state.crisis
    if current is not None:
        out.append((f"{game.quarter_of(current.turn)} {current.title}: under way", ""))
    return out


def public_view(game: Any) -> dict[str, Any]:
    """The state as the whole room may see it: public commitments only, no private seat lines,
    history rows computed from public facts alone (the ``public`` :class:`SeatView`)."""
    return seat_state(game, PUBLIC)


def public_scene(game: Any) -> map_model.MapScene:
    """The map's sites and links from the public :class:`SeatView` (no secret link, no private
    budget, deterrence as the public can estimate it)."""
    seen = seat_view(game, PUBLIC)
    view = seen.state
    active = [c for c in view["commitments"].values() if c["status"] == "active"]
    sites = map_model.build_sites(game, None, view, active, seen)
    links = map_model.build_links(game, active)
    crisis = game.state.crisis
    if crisis is not None and game.phase == "crisis":
        return map_model.MapScene(sites, links, crisis.site, f"CRISIS: {crisis.title}")
    return map_model.MapScene(sites, links, None, "")


def public_events(events: Iterable[Event], limit: int = MAX_NEWS) -> list[Event]:
    """The latest public events worth showing, newest first."""
    out: list[Event] = []
    for event in reversed(list(events)):
        if not event.public or event.kind in NEWS_KINDS_SKIPPED:
            continue
        if event.kind == "phase" and "command" not in event.data:
            continue  # "Diplomacy phase": the header already says so
        out.append(event)
        if len(out) >= limit:
            break
    return out


_font = pixel_font


class ProjectorView(QWidget):
    """The room's screen: header (quarter, phase), map, big countdown and the latest public news.

    Signals:
        closed(): the projector window was closed (Esc, F5 or the window's close button).
    """

    closed = Signal()

    def __init__(self, controller: Any, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Layered Deterrence — projector")
        self.setObjectName("projector")
        self.setStyleSheet("QWidget#projector{background:#F6F7F9;}")
        self.controller = controller
        self.countdown = countdown
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header())
        body = QHBoxLayout()
        body.setContentsMargins(16, 16, 16, 12)
        body.setSpacing(16)
        outer.addLayout(body, 1)
        self.map = MapCanvas(seat_colors=SEAT_COLORS)
        self.map.set_country_tints(map_model.country_tints(SEAT_COLORS))
        self.map.setInteractive(False)
        self.outcome = OutcomeView()
        self.outcome_box = QFrame()
        self.outcome_box.setObjectName("outcome_box")
        self.outcome_box.setStyleSheet(f"QFrame#outcome_box{{{BOX_STYLE}}}")
        box = QVBoxLayout(self.outcome_box)
        box.setContentsMargins(24, 16, 24, 16)
        box.addWidget(self.outcome)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.map)
        self.stack.addWidget(self.outcome_box)
        self.stack.setMinimumWidth(200)  # the room's screen may be small: never wider than it
        body.addWidget(self.stack, 62)
        body.addLayout(self._side(), 38)
        self.banner = QLabel()
        self.banner.setObjectName("crisis_banner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("background:#C0392B;color:white;padding:10px 24px;")
        self.banner.hide()
        outer.addWidget(self.banner)
        self._links: list[MapLink] = []
        self._layout_key: object = None
        countdown.ticked.connect(lambda _s: self._show_clock_state())
        self._sizes()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _header(self) -> QWidget:
        bar = QFrame()
        bar.setObjectName("projector_header")
        bar.setStyleSheet(f"QFrame#projector_header{{background:{HEADER_BG};}} QLabel{{color:white;}}")
        row = QHBoxLayout(bar)
        row.setContentsMargins(28, 10, 28, 10)
        self.title = QLabel("LAYERED DETERRENCE")
        self.title.setStyleSheet("color:#AEB6C2;padding-right:36px;")
        self.quarter = QLabel()
        self.quarter.setObjectName("projector_quarter")
        self.phase = QLabel()
        self.phase.setObjectName("projector_phase")
        self.phase.setTextFormat(Qt.TextFormat.RichText)
        self.turn = QLabel()
        self.turn.setStyleSheet("color:#AEB6C2;")
        row.addWidget(self.title)
        row.addWidget(self.quarter)
        row.addSpacing(28)
        row.addWidget(self.phase)
        row.addStretch(1)
        row.addWidget(self.turn)
        return bar

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(12)
        self.clock_box = QFrame()
        self.clock_box.setObjectName("clock_box")
        self.clock_box.setStyleSheet("QFrame#clock_box{background:white;border:2px solid #D0D5DB;border-radius:14px;}")
        box = QVBoxLayout(self.clock_box)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(0)
        self.clock_caption = QLabel()
        self.clock_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock_caption.setStyleSheet("color:#5C636E;")
        self.clock = CountdownLabel(self.countdown, ratio=0.82)
        box.addWidget(self.clock_caption)
        box.addWidget(self.clock, 1)
        side.addWidget(self.clock_box, 0)
        self.scores_box = QFrame()
        self.scores_box.setObjectName("scores_box")
        self.scores_box.setStyleSheet(f"QFrame#scores_box{{{BOX_STYLE}}} QLabel{{border:none;}}")
        grid = QVBoxLayout(self.scores_box)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setSpacing(4)
        self.scores_title = QLabel(self.tr("Scores (estimated from public facts)"))
        grid.addWidget(self.scores_title)
        cells = QGridLayout()
        cells.setHorizontalSpacing(18)
        cells.setVerticalSpacing(0)
        self.score_labels: dict[str, QLabel] = {}
        for i, seat in enumerate(SEAT_LABELS):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            self.score_labels[seat] = label
            cells.addWidget(label, i // 2, i % 2)
        grid.addLayout(cells)
        self.gap_title = QLabel("Deterrence: real vs perceived")
        grid.addWidget(self.gap_title)
        self.gap = GapChart()
        self.gap.setObjectName("projector_gap")
        grid.addWidget(self.gap)
        self.scores_box.setMinimumWidth(200)
        side.addWidget(self.scores_box, 0)
        self.crises = QLabel()
        self.crises.setObjectName("projector_crises")
        self.crises.setWordWrap(True)
        self.crises.setTextFormat(Qt.TextFormat.RichText)
        side.addWidget(self.crises, 0)
        self.news_title = QLabel("Latest news")
        self.news_title.setStyleSheet("color:#1F2328;")
        side.addWidget(self.news_title)
        self.news = QListWidget()
        self.news.setObjectName("projector_news")
        self.news.setWordWrap(True)
        self.news.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.news.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.news.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.news.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.news.setStyleSheet("QListWidget{background:white;border:2px solid #D0D5DB;border-radius:14px;"
                                "padding:6px;} QListWidget::item{padding:7px 6px;border-bottom:1px solid #E3E6EA;}")
        side.addWidget(self.news, 1)
        return side

    def _sizes(self) -> None:
        """Type sized from the window height (1080 px: 26 px news, 44 px quarter)."""
        k = max(0.55, self.height() / 1080)
        for label, px, bold in ((self.title, 22, True), (self.quarter, 44, True), (self.phase, 40, True),
                                (self.turn, 28, False), (self.clock_caption, 28, True),
                                (self.news_title, 30, True), (self.banner, 30, True),
                                (self.scores_title, 24, True), (self.gap_title, 24, True),
                                (self.crises, 22, False)):
            label.setFont(_font(px * k, bold))
        for label in self.score_labels.values():
            label.setFont(_font(28 * k))
        self.news.setFont(_font(24 * k))
        self.clock_box.setFixedHeight(int(200 * k))
        self.title.setVisible(self.width() >= 1500)
        self.map.setMinimumWidth(int(300 * k))
        self.map.set_text_scale(self.label_scale())
        self.map.legend().set_scale(self.label_scale() * 1.15)  # the key's 11 px type: 20 px at 1080
        self.gap.set_scale(1.2 * k)
        self.outcome.set_scale(1.75 * k)

    def label_scale(self) -> float:
        """Map labels at 1080 px: 14 px x 1.6 = 22 px capitals, 20 px other sites (with the window)."""
        return max(0.9, 1.6 * self.height() / 1080)

    # ------------------------------------------------------------------ content
    def set_controller(self, controller: Any) -> None:
        """Follow another game (new or reopened)."""
        self.controller = controller
        self._layout_key = None
        self.refresh()

    def refresh(self, _events: list | None = None) -> None:
        """Show the game now: header, public map, news and crisis banner."""
        g = self.controller.game
        turns = g.scenario.meta.turns
        self.quarter.setText(g.quarter)
        self.phase.setText(self._steps(g))
        self.turn.setText(f"Turn {min(g.turn, turns)} of {turns}")
        scene = public_scene(g)
        layout = [(s.id, s.name, s.kind, s.owner) for s in scene.sites]
        if layout != self._layout_key:
            self._layout_key = layout
            self.map.set_sites(scene.sites)
        if scene.links != self._links:
            self._links = list(scene.links)
            self.map.set_links(scene.links)
        if self.map.active_crisis() != scene.crisis_site:
            self.map.set_active_crisis(scene.crisis_site, scene.crisis_label)
        self._fill_news(public_events(g.events))
        self._fill_scores(g)
        crisis = g.state.crisis
        if crisis is not None and g.phase == "crisis":
            self.banner.setText(f"CRISIS: {crisis.title} — {seat_name(crisis.target)} is tested")
            self.banner.show()
        else:
            self.banner.hide()
        self._show_clock_state()

    def _fill_scores(self, g: Any) -> None:
        """Scores (public), real vs perceived deterrence as the public knows it, the crises so far."""
        seen = seat_view(g, PUBLIC)
        scores = {s: row["total"] for s, row in seen.scores.items()}
        ranked = [s for s, _ in ranked_scores({s: Score.from_dict(row) for s, row in seen.scores.items()})]
        cells = list(self.score_labels.values())  # ranked, left to right and top to bottom
        for rank, (seat, label) in enumerate(zip(ranked, cells)):
            if seat in SEAT_COLORS:
                label.setText(f"<span style='color:#5C636E'>{rank + 1}.</span> <b style='color:{SEAT_COLORS[seat]}'>"
                              f"{SEAT_LABELS[seat]}</b> {scores[seat]:.1f}")
        known = seen.indicators["seats"]
        self.gap.set_rows([GapRow(SEAT_LABELS[s], known[s]["real"], known[s]["perceived"], SEAT_COLORS[s])
                           for s in SEAT_LABELS],
                          GAP_NOTE)
        lines = crisis_lines(g)
        items = [f"<span style='color:{OUTCOME_COLORS.get(o, OUTCOME_COLORS[''])}'><b>{t}</b></span>" for t, o in lines]
        text = ("<b>Crises:</b> " + " · ".join(items)) if items else "<span style='color:#5C636E'>No crisis so far.</span>"
        if self.crises.text() != text:
            self.crises.setText(text)

    def crises_text(self) -> str:
        """The crises line as plain text (for tests)."""
        doc = QTextDocument()
        doc.setHtml(self.crises.text())
        return doc.toPlainText()

    # ------------------------------------------------------------------ the outcome
    def show_outcome(self, summary: dict[str, Any]) -> None:
        """Show a crisis outcome (public summary) in place of the map until :meth:`hide_outcome`."""
        self.outcome.set_summary(summary)
        self.stack.setCurrentWidget(self.outcome_box)

    def hide_outcome(self) -> None:
        """Back to the map."""
        self.stack.setCurrentWidget(self.map)

    def showing_outcome(self) -> bool:
        """Whether a crisis outcome is on the screen."""
        return self.stack.currentWidget() is self.outcome_box

    @staticmethod
    def _steps(g: Any) -> str:
        """The quarter's playing phases, the current one lit: Diplomacy › Investment › Crisis test."""
        if g.over:
            return "Game over"
        parts = []
        for phase in STEPS:
            name = PHASE_NAMES.get(phase, phase)
            colour = "#FFD27A" if phase == g.phase else "#6B7480"
            parts.append(f"<span style='color:{colour}'>{name}</span>")
        return "<span style='color:#6B7480'>&nbsp;›&nbsp;</span>".join(parts)

    def phase_text(self) -> str:
        """The current phase as shown (for tests)."""
        g = self.controller.game
        return "Game over" if g.over else PHASE_NAMES.get(g.phase, g.phase)

    def _fill_news(self, events: list[Event]) -> None:
        texts = [self._news_text(e) for e in events]
        if texts == self.news_texts():
            return
        self.news.clear()
        for event, text in zip(events, texts):
            item = QListWidgetItem(text)
            if event.kind in ("crisis", "outcome", "ruling"):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.news.addItem(item)
        QTimer.singleShot(0, self, self._trim_news)

    def _trim_news(self) -> None:
        """Hide the news that would be cut at the bottom (the newest are on top)."""
        bottom = self.news.viewport().height()
        hide = False
        for i in range(self.news.count()):
            self.news.item(i).setHidden(False)
        self.news.doItemsLayout()
        for i in range(self.news.count()):
            item = self.news.item(i)
            hide = hide or self.news.visualItemRect(item).bottom() > bottom
            item.setHidden(hide and i > 0)

    def _news_text(self, event: Event) -> str:
        g = self.controller.game
        if event.kind == "turn":
            return f"— {g.quarter_of(event.turn)} begins —"
        return f"{g.quarter_of(event.turn)} · {event.text}"

    def _show_clock_state(self) -> None:
        c = self.countdown
        g = self.controller.game
        phase = PHASE_NAMES.get(g.phase, g.phase)
        if g.over:
            caption = "Game over"
        elif c.held:
            caption = f"{phase}: ON HOLD"
        elif c.waiting:
            caption = f"{phase}: clock starts with play"
        elif c.is_up:
            caption = "TIME IS UP"
        elif c.active and not c.running:
            caption = f"{phase}: clock paused"
        else:
            caption = f"{phase} ends in"
        if self.clock_caption.text() != caption:
            self.clock_caption.setText(caption)
            colour = "#C0392B" if c.is_up else "#5C636E"
            self.clock_caption.setStyleSheet(f"color:{colour};")

    # ------------------------------------------------------------------ for tests
    def shown_links(self) -> list[MapLink]:
        """The links drawn on the projector's map."""
        return list(self._links)

    def news_texts(self) -> list[str]:
        """The news lines shown, newest first."""
        return [self.news.item(i).text() for i in range(self.news.count())]

    def tooltips(self) -> list[str]:
        """Every site's and link's tooltip on the projector's map."""
        tips = [self.map.site_item(s).toolTip() for s in self.map._site_items]  # noqa: SLF001
        return tips + [item.toolTip() for item in self.map.link_items()]

    # ------------------------------------------------------------------ window
    def show_on_projector(self) -> None:
        """Full screen on the second screen if there is one (the projector), else this one."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        target = next((s for s in screens if s is not primary), primary)
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
        self.showFullScreen()
        self.raise_()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Esc or the projector shortcut closes the projector."""
        if event.key() == Qt.Key.Key_Escape or QKeySequence(event.keyCombination()) == QKeySequence(SHORTCUT):
            self.close()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Keep the type proportional to the screen."""
        super().resizeEvent(event)
        self._sizes()
        QTimer.singleShot(0, self, self._trim_news)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Say the projector is gone."""
        super().closeEvent(event)
        self.closed.emit()
