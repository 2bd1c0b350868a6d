"""The replay's timeline: a painted bar (quarters, crises, bookmarks, the current point) and the
log as a tree grouped by quarter.

Both emit ``indexRequested(int)`` when the user picks a point; the window decides what to show.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractItemView, QToolTip, QTreeWidget, QTreeWidgetItem, QWidget

from ui.replay.source import TimelineEntry
from ui.theme import NEUTRAL, OUTCOME_COLORS, SEAT_COLORS, THREAT_RED, scaled_font

BOOKMARK_GOLD = "#B8860B"
ACCENT = "#2B3A55"


class TimelineBar(QWidget):
    """A horizontal timeline over log indices 0..N with quarter ticks, crisis and bookmark marks.

    Signals:
        indexRequested(int): the user clicked or dragged to an index.
    """

    indexRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._quarters: list[tuple[int, int, str]] = []
        self._bookmarks: list[tuple[int, str]] = []
        self._index = 0
        self.setMouseTracking(True)
        self.setMinimumHeight(104)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolTip("")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(900, 108)

    # -- data -----------------------------------------------------------------------------
    def set_entries(self, entries: list[TimelineEntry], quarters: list[tuple[int, int, str]]) -> None:
        """The timeline's points and the first index of each quarter."""
        self._entries, self._quarters = entries, quarters
        self.update()

    def set_bookmarks(self, marks: list[tuple[int, str]]) -> None:
        """``(index, label)`` of each bookmark."""
        self._bookmarks = marks
        self.update()

    def set_index(self, index: int) -> None:
        """Move the current-point handle."""
        self._index = index
        self.update()

    def crisis_marks(self) -> list[tuple[int, str]]:
        """``(index, title)`` of every crisis start on the timeline."""
        return [(e.index, e.crisis) for e in self._entries if e.crisis]

    # -- geometry -------------------------------------------------------------------------
    def _track(self) -> QRectF:
        return QRectF(18, 34, max(10.0, self.width() - 36), 12)

    def _x(self, index: int) -> float:
        track = self._track()
        last = max(1, len(self._entries) - 1)
        return track.left() + track.width() * index / last

    def _index_at(self, x: float) -> int:
        track = self._track()
        last = max(1, len(self._entries) - 1)
        return max(0, min(len(self._entries) - 1, round((x - track.left()) / track.width() * last)))

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = self._track()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(NEUTRAL["grid"]))
        p.drawRoundedRect(track, 6, 6)
        if self._entries:
            done = QRectF(track.left(), track.top(), self._x(self._index) - track.left(), track.height())
            p.setBrush(QColor("#9DB0CF"))
            p.drawRoundedRect(done, 6, 6)
        self._paint_quarters(p, track)
        self._paint_crises(p, track)
        self._paint_bookmarks(p, track)
        if self._entries:
            x = self._x(self._index)
            p.setPen(QPen(QColor("white"), 2.5))
            p.setBrush(QColor(ACCENT))
            p.drawEllipse(QPointF(x, track.center().y()), 10, 10)
        p.end()

    def _paint_quarters(self, p: QPainter, track: QRectF) -> None:
        font = scaled_font(9)
        p.setFont(font)
        label_w = p.fontMetrics().horizontalAdvance("2026-Q4") + 8
        spans = [(self._x(i), self._x(self._quarters[k + 1][0]) if k + 1 < len(self._quarters) else track.right(), q)
                 for k, (i, _t, q) in enumerate(self._quarters)]
        last_label = -1e9
        for k, (x0, x1, quarter) in enumerate(spans):
            p.setPen(QPen(QColor(NEUTRAL["muted"]), 1.2))
            if k:
                p.drawLine(QPointF(x0, track.top() - 6), QPointF(x0, track.bottom() + 6))
            mid = (x0 + x1) / 2
            if mid - label_w / 2 > last_label + 4 and (x1 - x0 > label_w * 0.6 or k % 2 == 0):
                p.setPen(QColor(NEUTRAL["text"]))
                p.drawText(QRectF(mid - label_w / 2, track.bottom() + 8, label_w, 18),
                           Qt.AlignmentFlag.AlignCenter, quarter)
                last_label = mid + label_w / 2

    def _paint_crises(self, p: QPainter, track: QRectF) -> None:
        font = scaled_font(8.5, True)
        p.setFont(font)
        outcomes = [e for e in self._entries if e.outcome]
        for n, (index, title) in enumerate(self.crisis_marks(), start=1):
            outcome = next((o.outcome for o in outcomes if o.index >= index), "")
            colour = QColor(OUTCOME_COLORS.get(outcome, THREAT_RED) if outcome else THREAT_RED)
            x = self._x(index)
            tri = QPolygonF([QPointF(x, track.top() - 3), QPointF(x - 8, track.top() - 17), QPointF(x + 8, track.top() - 17)])
            p.setPen(QPen(QColor("white"), 1))
            p.setBrush(colour)
            p.drawPolygon(tri)
            p.setPen(colour)
            p.drawText(QRectF(x - 30, 0, 60, 15), Qt.AlignmentFlag.AlignCenter, f"crisis {n}")

    def _paint_bookmarks(self, p: QPainter, track: QRectF) -> None:
        """A gold flag and the label on a lane under the quarter names, pole up to the track."""
        font = scaled_font(8.5)
        p.setFont(font)
        fm = p.fontMetrics()
        top, lane = track.bottom() + 2, track.bottom() + 30
        right_edge = -1e9
        for index, label in self._bookmarks:
            x = self._x(index)
            p.setPen(QPen(QColor(BOOKMARK_GOLD), 1.6, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, top), QPointF(x, lane + 14))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(BOOKMARK_GOLD))
            p.drawPolygon(QPolygonF([QPointF(x, lane), QPointF(x + 11, lane + 4), QPointF(x, lane + 9)]))
            text = fm.elidedText(label, Qt.TextElideMode.ElideRight, 150)
            width = fm.horizontalAdvance(text) + 6
            if x + 13 > right_edge and x + 13 + width < self.width():
                p.setPen(QColor("#7A5A00"))
                p.drawText(QRectF(x + 13, lane - 3, width, 16), Qt.AlignmentFlag.AlignVCenter, text)
                right_edge = x + 13 + width

    # -- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton and self._entries:
            self.indexRequested.emit(self._index_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if not self._entries:
            return
        index = self._index_at(event.position().x())
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.indexRequested.emit(index)
        e = self._entries[index]
        marks = [f"Bookmark: {label}" for i, label in self._bookmarks if abs(self._x(i) - event.position().x()) < 8]
        marks += [f"CRISIS: {t}" for i, t in self.crisis_marks() if abs(self._x(i) - event.position().x()) < 8]
        text = "<br>".join([f"<b>#{e.index}</b> · {e.quarter} · {e.title}", *marks])
        QToolTip.showText(event.globalPosition().toPoint(), text, self)


class LogTree(QTreeWidget):
    """Every log entry, grouped by quarter (a quarter's row names its crisis), the current one selected.

    Signals:
        indexRequested(int): the user picked an entry (or a quarter: its first entry).
    """

    indexRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels(["#", "What happened"])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys and Space drive the replay instead
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFont(scaled_font(10.5))
        self._items: list[QTreeWidgetItem] = []
        self._quarter_items: list[QTreeWidgetItem] = []
        self._muted = False
        self.itemClicked.connect(self._clicked)

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Rebuild the tree (one top-level row per quarter)."""
        self.clear()
        self._items, self._quarter_items = [], []
        bold = QFont(self.font())
        bold.setBold(True)
        current: QTreeWidgetItem | None = None
        counts: dict[int, int] = {}
        crises: dict[int, list[str]] = {}
        for e in entries:
            counts[e.turn] = counts.get(e.turn, 0) + 1
            if e.crisis:
                crises.setdefault(e.turn, []).append(e.crisis)
        for e in entries:
            if current is None or current.data(0, Qt.ItemDataRole.UserRole + 1) != e.turn:
                extra = f" — CRISIS: {', '.join(crises[e.turn])}" if e.turn in crises else ""
                current = QTreeWidgetItem([e.quarter, f"{counts[e.turn]} entries{extra}"])
                current.setData(0, Qt.ItemDataRole.UserRole, e.index)
                current.setData(0, Qt.ItemDataRole.UserRole + 1, e.turn)
                for col in (0, 1):
                    current.setFont(col, bold)
                if extra:
                    current.setForeground(1, QColor(THREAT_RED))
                self.addTopLevelItem(current)
                self._quarter_items.append(current)
            item = QTreeWidgetItem([str(e.index), e.title])
            item.setData(0, Qt.ItemDataRole.UserRole, e.index)
            item.setToolTip(1, "<br>".join([f"<b>{e.quarter} · {e.phase}</b>", *e.details]) if e.details else e.title)
            if e.seat in SEAT_COLORS:
                item.setForeground(0, QColor(SEAT_COLORS[e.seat]))
            if e.crisis or e.outcome:
                item.setForeground(1, QColor(THREAT_RED))
                item.setFont(1, bold)
            elif not e.seat and e.index:
                item.setForeground(1, QColor(NEUTRAL["muted"]))
            current.addChild(item)
            self._items.append(item)
        self.resizeColumnToContents(0)
        self.setColumnWidth(0, max(self.columnWidth(0), 96))

    def set_index(self, index: int) -> None:
        """Select and show the entry of ``index`` (its quarter expanded)."""
        if not 0 <= index < len(self._items):
            return
        item = self._items[index]
        self._muted = True
        try:
            parent = item.parent()
            for quarter in self._quarter_items:
                if quarter is not parent and quarter.isExpanded():
                    quarter.setExpanded(False)
            if parent is not None and not parent.isExpanded():
                parent.setExpanded(True)
            self.setCurrentItem(item)
            self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._muted = False

    def entry_item(self, index: int) -> QTreeWidgetItem:
        """The row of log index ``index``."""
        return self._items[index]

    def quarter_items(self) -> list[QTreeWidgetItem]:
        """The quarter rows, in order."""
        return list(self._quarter_items)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self._muted:
            self.indexRequested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

