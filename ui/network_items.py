"""Graphics items of the commitment network (:mod:`ui.network_canvas`): nodes, edges, legend.

Presentation only: items receive plain values (geometry, colours, text) and know nothing of
the game. Geometry is in scene units, which the canvas keeps equal to viewport pixels.
"""
from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPainterPath,
                           QPainterPathStroker, QPen, QPolygonF, QResizeEvent)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from ui.network_labels import side_rect
from ui.theme import KIND_GROUPS, KIND_STYLES, NEUTRAL, THREAT_RED, scaled_font

SECRET = "secret"
"""The mark on a secret commitment's edge."""
TEXT = QColor(NEUTRAL["text"])
MUTED = QColor(NEUTRAL["muted"])


def halo_text(painter: QPainter, rect: QRectF, flags: int, text: str, font: QFont,
              color: QColor = TEXT) -> None:
    """Draw ``text`` with a white halo so it stays legible over lines."""
    painter.setFont(font)
    painter.setPen(QPen(QColor(255, 255, 255, 230), 3.0))
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)):
        painter.drawText(rect.translated(dx, dy), flags, text)
    painter.setPen(color)
    painter.drawText(rect, flags, text)


class NodeItem(QGraphicsItem):
    """A disc with a bold label and an optional smaller second line below it."""

    def __init__(self, node_id: str, kind: str) -> None:
        super().__init__()
        self.node_id = node_id
        self.kind = kind          # "seat", "actor" or "supplier"
        self.radius = 20.0
        self.color = QColor(NEUTRAL["actor"])
        self.label = node_id
        self.sublabel = ""
        self.highlight = False
        self.label_side = "below"   # a side of ui.network_labels.SIDES
        self.label_shown = True     # False: no free place, the tooltip names the node
        self.compact = False        # True: the name alone (no room for the second line)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._fonts = (scaled_font(10.5, True), scaled_font(9))

    def set_data(self, label: str, sublabel: str, color: QColor, radius: float, tooltip: str) -> None:
        """Update what the node shows (nothing is repainted if nothing changed)."""
        if self.toolTip() != tooltip:
            self.setToolTip(tooltip)
        if (label, sublabel, QColor(color), radius) == (self.label, self.sublabel, self.color, self.radius):
            return
        self.prepareGeometryChange()
        self.label, self.sublabel, self.color, self.radius = label, sublabel, QColor(color), radius
        big = self.kind == "seat"
        self._fonts = (scaled_font(12 if big else 10, True), scaled_font(9.5 if big else 8.5))
        self.update()

    def label_rect(self, side: str | None = None, compact: bool | None = None) -> QRectF:
        """The label's box in item coordinates on ``side``, ``compact`` or not (default: as now)."""
        second = self.sublabel if not (self.compact if compact is None else compact) else ""
        w = max(QFontMetricsF(self._fonts[0]).horizontalAdvance(self.label),
                QFontMetricsF(self._fonts[1]).horizontalAdvance(second)) + 8
        h = QFontMetricsF(self._fonts[0]).height() + (QFontMetricsF(self._fonts[1]).height() if second else 0) + 2
        return side_rect(QPointF(0, 0), self.radius, w, h, side or self.label_side)

    def set_label(self, side: str, shown: bool, compact: bool = False) -> None:
        """Put the label on ``side`` of the disc, or hide it (``shown`` False); ``compact``: the
        name without its second line."""
        if (side, shown, compact) != (self.label_side, self.label_shown, self.compact):
            self.prepareGeometryChange()
            self.label_side, self.label_shown, self.compact = side, shown, compact
            self.update()

    def _text_rect(self) -> QRectF:
        return self.label_rect() if self.label_shown else QRectF()

    def boundingRect(self) -> QRectF:
        r = self.radius + 4
        box = QRectF(-r, -r, 2 * r, 2 * r)
        return box.united(self._text_rect()) if self.label_shown else box

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius + 2, self.radius + 2)
        if self.label_shown:
            path.addRect(self._text_rect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.radius
        fill = QColor(self.color)
        if self.kind == "actor":
            fill = QColor("#FFFFFF")
        painter.setPen(QPen(self.color.darker(125) if self.kind != "actor" else self.color,
                            3.0 if self.highlight else 2.0))
        painter.setBrush(fill)
        if self.kind == "supplier":
            painter.drawRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), r * 0.3, r * 0.3)
        else:
            painter.drawEllipse(QPointF(0, 0), r, r)
        if self.kind == "actor":
            painter.setPen(QPen(QColor(THREAT_RED), 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r * 0.45, r * 0.45)
        if not self.label_shown:
            return
        rect = self._text_rect()
        fm0 = QFontMetricsF(self._fonts[0])
        top = QRectF(rect.left(), rect.top(), rect.width(), fm0.height())
        halo_text(painter, top, int(Qt.AlignmentFlag.AlignCenter), self.label, self._fonts[0],
                  self.color.darker(140) if self.kind == "seat" else TEXT)
        if self.sublabel and not self.compact:
            sub = QRectF(rect.left(), top.bottom(), rect.width(), rect.height() - fm0.height())
            halo_text(painter, sub, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                      self.sublabel, self._fonts[1], MUTED)

    def hoverEnterEvent(self, event) -> None:  # noqa: ANN001
        self.highlight = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: ANN001
        self.highlight = False
        self.update()


class EdgeItem(QGraphicsItem):
    """One commitment: one or more stroked segments, an optional pact hub and arrowheads."""

    def __init__(self, cid: str) -> None:
        super().__init__()
        self.cid = cid
        self.segments: list[tuple[QPainterPath, QPen]] = []
        self.arrows: list[tuple[QPolygonF, QColor]] = []
        self.hub: tuple[QPointF, float, QColor, str] | None = None
        self.hub_label = QRectF()
        self.hub_caption = ""       # the hub's name as drawn ("" with an empty hub_label: not drawn)
        self.secret_at: QPointF | None = None
        self.hovered = False
        self.selected = False
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self._key: object = None
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._font = scaled_font(9, True)
        self._secret_font = scaled_font(8.5, True)

    def secret_rect(self, at: QPointF) -> QRectF:
        """The box of the "secret" mark centred on ``at`` (its halo included)."""
        fm = QFontMetricsF(self._secret_font)
        w, h = fm.horizontalAdvance(SECRET) + 8, fm.height() + 2
        return QRectF(at.x() - w / 2, at.y() - h / 2, w, h)

    def set_geometry(self, segments: list[tuple[QPainterPath, QPen]], arrows: list[tuple[QPolygonF, QColor]],
                     hub: tuple[QPointF, float, QColor, str] | None, secret_at: QPointF | None,
                     hub_label: QRectF | None = None, caption: str | None = None) -> None:
        """Replace the drawn geometry (segments with their pens, arrowheads, hub, secret mark).

        ``hub_label`` places the hub's name (default: centred below the hub; an empty rectangle:
        no label, the tooltip names it), drawn as ``caption`` (default: the hub's text). Nothing
        is repainted when the geometry is unchanged.
        """
        key = ([(path, QPen(pen)) for path, pen in segments], [(QPolygonF(a), QColor(c)) for a, c in arrows],
               hub, secret_at, hub_label, caption)
        if key == self._key:
            return
        self._key = key
        self.prepareGeometryChange()
        self.hub = hub
        if hub is not None:
            self.hub_label = hub_label if hub_label is not None else self.hub_label_rect(hub[0], hub[1], hub[3], "below")
            self.hub_caption = hub[3] if caption is None else caption
        self.segments, self.arrows, self.hub, self.secret_at = segments, arrows, hub, secret_at
        shape = QPainterPath()
        stroker = QPainterPathStroker()
        for path, pen in segments:
            stroker.setWidth(max(10.0, pen.widthF() + 6))
            shape.addPath(stroker.createStroke(path))
        if hub is not None:
            shape.addEllipse(hub[0], hub[1] + 3, hub[1] + 3)
        shape.setFillRule(Qt.FillRule.WindingFill)
        self._shape = shape
        bounds = shape.boundingRect()
        if hub is not None and not self.hub_label.isEmpty():
            bounds = bounds.united(self.hub_label)
        if secret_at is not None:
            bounds = bounds.united(self.secret_rect(secret_at))
        self._bounds = bounds.adjusted(-6, -6, 6, 6)
        self.update()

    def elided(self, text: str, width: float) -> str:
        """``text`` cut with "…" to one line of at most ``width`` px in the hub's font."""
        return QFontMetricsF(self._font).elidedText(text, Qt.TextElideMode.ElideRight, width)

    def hub_label_rect(self, centre: QPointF, radius: float, text: str, side: str) -> QRectF:
        """Where the hub's name goes on ``side`` of the hub ("below", "above", "left", "right" or a
        diagonal such as "below-right")."""
        fm = QFontMetricsF(self._font)
        wrap = 170.0
        lines = fm.boundingRect(QRectF(0, 0, wrap, 400), int(Qt.TextFlag.TextWordWrap), text)
        return side_rect(centre, radius, lines.width() + 10, lines.height() + 4, side)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.hovered or self.selected:
            glow = QColor("#FFD166") if self.selected else QColor(0, 0, 0, 40)
            for path, pen in self.segments:
                painter.setPen(QPen(glow, pen.widthF() + 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawPath(path)
        for path, pen in self.segments:
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        for poly, colour in self.arrows:
            painter.setBrush(colour)
            painter.drawPolygon(poly)
        if self.secret_at is not None:
            halo_text(painter, self.secret_rect(self.secret_at), int(Qt.AlignmentFlag.AlignCenter), SECRET,
                      self._secret_font, QColor(THREAT_RED))
        if self.hub is not None:
            centre, radius, colour, _name = self.hub
            painter.setPen(QPen(QColor("#FFFFFF"), 2))
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            rect = self.hub_label
            if rect.isEmpty():
                return
            painter.setPen(QPen(QColor(NEUTRAL["border"]), 1))
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setFont(self._font)
            painter.setPen(colour)
            painter.drawText(rect.adjusted(4, 1, -4, -1), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.hub_caption)

    def hoverEnterEvent(self, event) -> None:  # noqa: ANN001
        self.hovered = True
        self.setZValue(7)
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: ANN001
        self.hovered = False
        self.setZValue(5)
        self.update()


def curve(a: QPointF, b: QPointF, offset: float, trim_a: float, trim_b: float) -> tuple[QPainterPath, QPointF, QPointF]:
    """A quadratic curve from ``a`` to ``b`` bulging ``offset`` px sideways, trimmed at the discs.

    Returns the path, the point at 55 % of the way and the tangent there.
    """
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    ctrl = QPointF((a.x() + b.x()) / 2 + nx * offset * 2, (a.y() + b.y()) / 2 + ny * offset * 2)

    def toward(p: QPointF, q: QPointF, d: float) -> QPointF:
        vx, vy = q.x() - p.x(), q.y() - p.y()
        n = math.hypot(vx, vy) or 1.0
        return QPointF(p.x() + vx / n * d, p.y() + vy / n * d)

    start, end = toward(a, ctrl, trim_a), toward(b, ctrl, trim_b)
    path = QPainterPath(start)
    path.quadTo(ctrl, end)
    t = 0.55
    point = path.pointAtPercent(t)
    ahead = path.pointAtPercent(t + 0.02)
    return path, point, QPointF(ahead.x() - point.x(), ahead.y() - point.y())


def arrowhead(tip: QPointF, direction: QPointF, size: float) -> QPolygonF:
    """A filled triangle pointing along ``direction`` with its tip at ``tip``."""
    n = math.hypot(direction.x(), direction.y()) or 1.0
    ux, uy = direction.x() / n, direction.y() / n
    back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    return QPolygonF([tip + QPointF(ux * size * 0.4, uy * size * 0.4),
                      back + QPointF(-uy * size * 0.55, ux * size * 0.55),
                      back + QPointF(uy * size * 0.55, -ux * size * 0.55)])


class LegendWidget(QWidget):
    """Key of the edge kinds (grouped), threat lines and node shapes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, QPen | None]] = []
        for group in KIND_GROUPS:
            self._rows.append(("header", group, None))
            for st in KIND_STYLES.values():
                if st.group == group:
                    self._rows.append(("line", st.label, QPen(QColor(st.color), 3, st.pen_style, Qt.PenCapStyle.FlatCap)))
        self._rows.append(("header", "Other lines", None))
        self._rows.append(("line", "Threat (crisis deck)", QPen(QColor(THREAT_RED), 1.6, Qt.PenStyle.DashLine)))
        self._rows.append(("line", "Purchase from Russia/China", QPen(QColor(NEUTRAL["supplier"]), 2, Qt.PenStyle.DotLine)))
        self._rows.append(("note", "Width: real strength (security) or money. Faint: low credibility. "
                                   "Arrow: direction of the flow. Hover for details.", None))

    def _fonts(self) -> tuple[QFont, QFont]:
        return scaled_font(9.5, True), scaled_font(9.5)

    def _row_h(self) -> float:
        return QFontMetricsF(self._fonts()[1]).height() + 3

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self._fonts()[1])
        width = max(fm.horizontalAdvance(text) for kind, text, _ in self._rows if kind != "note") + 48
        notes = sum(3 for kind, _, _ in self._rows if kind == "note")
        return QSize(int(width), int(self._row_h() * (len(self._rows) + notes) + 6))

    def paintEvent(self, event) -> None:  # noqa: ANN001
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold, normal = self._fonts()
        h = self._row_h()
        y = 2.0
        for kind, text, pen in self._rows:
            if kind == "header":
                p.setFont(bold)
                p.setPen(MUTED)
                p.drawText(QRectF(0, y, self.width(), h), int(Qt.AlignmentFlag.AlignVCenter), text)
            elif kind == "note":
                p.setFont(scaled_font(8.5))
                p.setPen(MUTED)
                p.drawText(QRectF(0, y, self.width(), h * 4), int(Qt.TextFlag.TextWordWrap), text)
                y += 3 * h
            else:
                assert pen is not None
                p.setPen(pen)
                p.drawLine(QPointF(6, y + h / 2), QPointF(36, y + h / 2))
                p.setFont(normal)
                p.setPen(TEXT)
                p.drawText(QRectF(44, y, self.width() - 44, h), int(Qt.AlignmentFlag.AlignVCenter), text)
            y += h
        p.end()


def hub_clearance(a: QPointF, b: QPointF, hubs: list[QPointF], hub_r: float, total: float) -> float:
    """Sideways shift that keeps a bundle of edges (``total`` px wide) from ``a`` to ``b`` clear of hubs."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    n2 = dx * dx + dy * dy or 1.0
    for h in hubs:
        t = ((h.x() - a.x()) * dx + (h.y() - a.y()) * dy) / n2
        if 0.15 < t < 0.85:
            side = ((h.x() - a.x()) * -dy + (h.y() - a.y()) * dx) / math.sqrt(n2)
            if abs(side) < hub_r + 12 + total / 2:
                return -math.copysign(hub_r + 14 + total / 2 - abs(side), side or 1.0)
    return 0.0


class NetworkView(QGraphicsView):
    """The canvas's graphics view: white, no scroll bars; reports resizes and clicks on edges."""

    def __init__(self, on_resize: Callable[[], None], on_edge_click: Callable[[str], None]) -> None:
        super().__init__()
        self._on_resize, self._on_edge_click = on_resize, on_edge_click
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor("#FFFFFF"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_resize()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, EdgeItem):
            self._on_edge_click(item.cid)
        super().mousePressEvent(event)
