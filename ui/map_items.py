"""Graphics items and drawing helpers used by :mod:`ui.map_canvas`.

Everything here is presentation only: items receive plain values (text,
colours, kinds) and know nothing of the game. Site markers, labels and map
annotations ignore view transformations so they keep their pixel size when
the user zooms; their geometry is in device pixels around their scene anchor.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPainter,
                           QPainterPath, QPainterPathStroker, QPen, QPixmap, QPolygonF,
                           QRadialGradient)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QWidget

# --- theme -----------------------------------------------------------------
SEA = QColor("#D3E0E8")
LAND = QColor("#F1EEE6")
BORDER = QColor("#B4AC9C")
GRATICULE = QColor("#C8D7E0")
COUNTRY_TEXT = QColor("#8B8474")
SEA_TEXT = QColor("#7C97A8")
LABEL_TEXT = QColor("#26282B")
NEUTRAL = QColor("#6E6E6E")
CRISIS_RED = QColor("#C0392B")
SELECT = QColor("#1F2328")

KINDS: tuple[str, ...] = ("capital", "base", "port", "industry", "crisis")
KIND_TITLES = {"capital": "Capital", "base": "Military base", "port": "Port",
               "industry": "Defence industry", "crisis": "Crisis point"}
MARKER_SIZE = {"capital": 16.0, "base": 13.0, "port": 12.0, "industry": 13.0,
               "crisis": 16.0}

#: Default link colours per link kind (muted, distinct from the seat hues).
LINK_KIND_COLORS: dict[str, str] = {
    "pact": "#3A4A6B", "finance": "#E69F00", "industry": "#8C6D46",
    "access": "#56B4E9", "assurance": "#7B5EA7", "exercise": "#4F8A63",
    "arms": "#5E5E5E",
}


def ui_font(px: float, bold: bool = False, italic: bool = False,
            spacing: float = 0.0) -> QFont:
    """Return the sans-serif UI font used on the map at a pixel size."""
    f = QFont()
    f.setFamilies(["Inter", "Segoe UI", "Noto Sans", "DejaVu Sans", "Arial"])
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    f.setItalic(italic)
    if spacing:
        f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return f


def marker_path(kind: str, size: float) -> QPainterPath:
    """Outline of the marker for a site kind, centred on (0, 0)."""
    r = size / 2
    path = QPainterPath()
    if kind == "capital":
        path.addPolygon(_star(5, r, r * 0.45, -90))
    elif kind == "base":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.1), QPointF(r, r * 0.75),
                                   QPointF(-r, r * 0.75)]))
    elif kind == "port":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0),
                                   QPointF(0, r), QPointF(-r, 0)]))
    elif kind == "industry":
        path.addPolygon(_star(6, r, r, 0))  # hexagon
        hole = QPainterPath()
        hole.addEllipse(QPointF(0, 0), r * 0.38, r * 0.38)
        path = path.subtracted(hole)
    elif kind == "crisis":
        path.addPolygon(_star(8, r * 1.05, r * 0.5, -90))
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    path.closeSubpath()
    return path


def _star(points: int, r_out: float, r_in: float, start_deg: float) -> QPolygonF:
    poly = QPolygonF()
    n = points * 2 if r_in != r_out else points
    for i in range(n):
        rr = r_out if (i % 2 == 0 or r_in == r_out) else r_in
        a = math.radians(start_deg + 360.0 * i / n)
        poly.append(QPointF(rr * math.cos(a), rr * math.sin(a)))
    poly.append(poly[0])
    return poly


def draw_marker(p: QPainter, kind: str, center: QPointF, color: QColor,
                size: float | None = None) -> None:
    """Paint a site marker of ``kind`` filled with ``color`` at ``center``."""
    size = size or MARKER_SIZE.get(kind, 12.0)
    path = marker_path(kind, size).translated(center)
    if kind == "capital":  # ring behind the star
        p.setPen(QPen(color.darker(125), 1.4))
        p.setBrush(QColor(255, 255, 255, 235))
        p.drawEllipse(center, size * 0.78, size * 0.78)
    p.setPen(QPen(QColor("white"), 1.6, Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(color)
    p.drawPath(path)
    p.setPen(QPen(color.darker(150), 0.8))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


#: Unit offsets around which a label's halo is stamped (12 directions: a round outline).
_HALO_DIRS: tuple[tuple[float, float], ...] = tuple(
    (math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(0, 360, 30))


def haloed_text(p: QPainter, pos: QPointF, text: str, font: QFont,
                color: QColor, halo: QColor = QColor(255, 255, 255, 225),
                halo_width: float = 3.2) -> None:
    """Draw ``text`` with its baseline origin at ``pos`` and a soft halo ``halo_width`` px wide.

    The halo is the text itself stamped around ``pos`` (Qt's glyph cache makes that ~10x
    cheaper than stroking the text's outline, for the same look).
    """
    p.setFont(font)
    p.setPen(halo)
    r = halo_width / 2
    x, y = pos.x(), pos.y()
    for dx, dy in _HALO_DIRS:
        p.drawText(QPointF(x + dx * r, y + dy * r), text)
    p.setPen(color)
    p.drawText(pos, text)


#: How the map's pixel-sized items keep their rendering: drawn once into a pixmap in device
#: coordinates and blitted on every repaint until they change (haloed text is costly to draw).
ITEM_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


class SiteItem(QGraphicsItem):
    """Marker + label for one site, in pixels around its geographic anchor.

    The canvas sets :attr:`offset` (marker displacement, to separate nearly
    coincident sites) and :attr:`label_rect` (label box relative to the
    anchor) when it lays the map out; both are in device pixels. The item
    caches its rendering (:data:`ITEM_CACHE`) and its label's font metrics,
    so a repaint of the map only blits it; setters that change nothing visible
    do not invalidate the cache.
    """

    def __init__(self, site_id: str) -> None:
        super().__init__()
        self.site_id = site_id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(ITEM_CACHE)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(20)
        self.name = ""
        self.kind = "capital"
        self.color = NEUTRAL
        self.offset = QPointF(0, 0)
        self.label_rect = QRectF()
        self.selected = False
        self.hovered = False
        self.crisis_label: str | None = None
        self.text_scale = 1.0
        """Label type grows by this factor (the projector sets it from its height)."""
        self._bounds = QRectF()
        self._lines: list[tuple[str, QFont, QFontMetricsF]] | None = None

    # -- data ----------------------------------------------------------------
    def set_data(self, name: str, kind: str, color: QColor, tooltip: str) -> None:
        """Update the displayed name, kind, colour and tooltip in place."""
        if tooltip != self.toolTip():
            self.setToolTip(tooltip)
        color = QColor(color)
        if (name, kind) != (self.name, self.kind):
            self.name, self.kind, self.color = name, kind, color
            self._lines = None
            self.setZValue(self._z())
            self._relayout()
        elif color != self.color:
            self.color = color
            self.update()

    def set_layout(self, offset: QPointF, label_rect: QRectF) -> None:
        """Set marker offset and label box (device pixels) from the canvas."""
        if offset == self.offset and label_rect == self.label_rect:
            return
        self.offset, self.label_rect = QPointF(offset), QRectF(label_rect)
        self._relayout()

    def set_selected(self, on: bool) -> None:
        """Show or hide the selection highlight."""
        if on != self.selected:
            self.selected = on
            self.update()

    def set_text_scale(self, k: float) -> None:
        """Grow the label type by ``k`` (1.0: 14 px capitals, 12.5 px other sites)."""
        if k != self.text_scale:
            self.text_scale = k
            self._lines = None
            self._relayout()

    def set_crisis(self, label: str | None) -> None:
        """Show the active-crisis halo (``label`` may be ''); None clears."""
        if label == self.crisis_label:
            return
        self.crisis_label = label
        self._lines = None
        self.setZValue(self._z())
        self._relayout()

    def _z(self) -> float:
        return 24 if self.crisis_label is not None else (22 if self.kind == "capital" else 20)

    @property
    def is_active_crisis(self) -> bool:
        """True while the crisis halo is shown."""
        return self.crisis_label is not None

    def _metrics(self) -> list[tuple[str, QFont, QFontMetricsF]]:
        if self._lines is None:
            k = self.text_scale
            lines = [(self.name, ui_font((14 if self.kind == "capital" else 12.5) * k,
                                         bold=self.kind == "capital"))]
            if self.crisis_label:
                lines.append((self.crisis_label, ui_font(12 * k, bold=True)))
            self._lines = [(t, f, QFontMetricsF(f)) for t, f in lines]
        return self._lines

    def label_lines(self) -> list[tuple[str, QFont]]:
        """The text lines of the label block with their fonts."""
        return [(t, f) for t, f, _ in self._metrics()]

    def label_size(self, with_crisis: bool = True) -> tuple[float, float]:
        """Width and height of the label block in pixels (``with_crisis``: with the crisis line)."""
        w = h = 0.0
        for i, (text, _font, fm) in enumerate(self._metrics()):
            if i and not with_crisis:
                break
            pad = 10 if i else 0
            w = max(w, fm.horizontalAdvance(text) + pad)
            h += fm.height() + (4 if i else 0)
        return w, h

    def marker_radius(self) -> float:
        """Approximate marker radius in pixels."""
        return MARKER_SIZE.get(self.kind, 12.0) * (0.8 if self.kind == "capital" else 0.55)

    # -- QGraphicsItem -------------------------------------------------------
    def _relayout(self) -> None:
        self.prepareGeometryChange()
        r = 26.0 if self.crisis_label is not None else 14.0
        marker = QRectF(self.offset.x() - r, self.offset.y() - r, 2 * r, 2 * r)
        self._bounds = marker.united(self.label_rect.adjusted(-4, -4, 4, 4)).united(
            QRectF(-2, -2, 4, 4))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = max(self.marker_radius(), 8.0)
        path.addEllipse(self.offset, r, r)
        if not self.label_rect.isEmpty():
            path.addRect(self.label_rect)
        return path

    def paint(self, p: QPainter, option, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = self.offset
        if abs(c.x()) + abs(c.y()) > 2.5:  # leader to the true position
            p.setPen(QPen(QColor(60, 60, 60, 170), 1.0))
            p.drawLine(QPointF(0, 0), c)
            p.setBrush(QColor(60, 60, 60))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(0, 0), 1.6, 1.6)
        if self.crisis_label is not None:
            grad = QRadialGradient(c, 26)
            grad.setColorAt(0.0, QColor(192, 57, 43, 150))
            grad.setColorAt(0.55, QColor(192, 57, 43, 70))
            grad.setColorAt(1.0, QColor(192, 57, 43, 0))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(grad)
            p.drawEllipse(c, 26, 26)
            p.setBrush(Qt.BrushStyle.NoBrush)
            for rad, alpha in ((14, 230), (20, 120)):
                p.setPen(QPen(QColor(192, 57, 43, alpha), 2.0))
                p.drawEllipse(c, rad, rad)
        if self.selected or self.hovered:
            rad = self.marker_radius() + 4.5
            p.setBrush(QColor(255, 255, 255, 200))
            p.setPen(QPen(SELECT if self.selected else QColor(90, 90, 90), 2.0))
            p.drawEllipse(c, rad, rad)
        draw_marker(p, self.kind, c, self.color)
        self._paint_label(p)

    def _paint_label(self, p: QPainter) -> None:
        if self.label_rect.isEmpty():
            return
        lr = self.label_rect
        # Leader from marker to a label that sits away from it.
        gap = _rect_point_distance(lr, self.offset)
        if gap > self.marker_radius() + 8:
            target = _nearest_on_rect(lr, self.offset)
            p.setPen(QPen(QColor(80, 80, 80, 150), 0.9))
            p.drawLine(self.offset, target)
        y = lr.top()
        for i, (text, font, fm) in enumerate(self._metrics()):
            if i == 0:
                col = SELECT if self.selected else LABEL_TEXT
                haloed_text(p, QPointF(lr.left(), y + fm.ascent()), text, font, col)
                y += fm.height()
            else:
                y += 4
                pill = QRectF(lr.left(), y, fm.horizontalAdvance(text) + 10, fm.height())
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(CRISIS_RED)
                p.drawRoundedRect(pill, 4, 4)
                p.setPen(QColor("white"))
                p.setFont(font)
                p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
                y += fm.height()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)


class InsetItem(SiteItem):
    """Off-map pseudo-site (Washington): a framed box anchored at its left edge.

    The marker sits inside the box near its right edge; :meth:`link_point`
    returns that marker's offset so links end on it.
    """

    WIDTH, HEIGHT = 168.0, 44.0

    def __init__(self, site_id: str) -> None:
        super().__init__(site_id)
        self.setZValue(26)

    def box_size(self) -> tuple[float, float]:
        """Width and height of the box in pixels (grown with :attr:`text_scale`)."""
        return self.WIDTH * self.text_scale, self.HEIGHT * self.text_scale

    def link_offset(self) -> QPointF:
        """Pixel offset (from the anchor) where links attach."""
        return QPointF((self.WIDTH - 20) * self.text_scale, 0)

    def marker_radius(self) -> float:
        return 9.0

    def _relayout(self) -> None:
        w, h = self.box_size()
        bounds = QRectF(-6, -h / 2 - 6, w + 12, h + 12)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        w, h = self.box_size()
        path.addRect(QRectF(0, -h / 2, w, h))
        return path

    def paint(self, p: QPainter, option, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(self.text_scale, self.text_scale)  # drawn at 1.0, grown for the projector
        box = QRectF(0, -self.HEIGHT / 2, self.WIDTH, self.HEIGHT)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 30))
        p.drawRoundedRect(box.translated(1.5, 2), 7, 7)
        edge = SELECT if self.selected else (self.color if self.hovered else QColor("#9AA5AE"))
        p.setPen(QPen(edge, 2.0 if (self.selected or self.hovered) else 1.2))
        p.setBrush(QColor(255, 255, 255, 238))
        p.drawRoundedRect(box, 7, 7)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        p.drawRoundedRect(QRectF(box.left(), box.top(), 5, box.height()), 2, 2)
        f1, f2 = ui_font(13, bold=True), ui_font(10.5, italic=True)
        p.setFont(f1)
        p.setPen(LABEL_TEXT)
        p.drawText(QRectF(14, box.top() + 5, self.WIDTH - 40, 18),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.name)
        p.setFont(f2)
        p.setPen(QColor("#6B7177"))
        p.drawText(QRectF(14, box.top() + 22, self.WIDTH - 40, 16),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   "off-map · United States")
        draw_marker(p, "capital", QPointF(self.WIDTH - 20, 0), self.color, 13)


class LinkItem(QGraphicsPathItem):
    """A curved relationship line with a light casing; hover shows tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self._scale = 1.0
        self._hover = False
        self.dashed = False

    def set_style(self, color: QColor, width: float, opacity: float,
                  dashed: bool, tooltip: str) -> None:
        """Apply colour, pixel width, opacity, dash style and tooltip."""
        pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        if dashed:
            pen.setDashPattern([3.0, 2.0])
        self.dashed = dashed
        if pen != self.pen():  # unchanged styles must not repaint the link
            self.setPen(pen)
        if opacity != self.opacity():
            self.setOpacity(opacity)
        if tooltip != self.toolTip():
            self.setToolTip(tooltip)

    def set_curve(self, path: QPainterPath) -> None:
        """Set the line's path (a no-op, without a repaint, when it is unchanged)."""
        if path != self.path():
            self.setPath(path)

    def set_view_scale(self, scale: float) -> None:
        """Tell the item the view scale so its hover area stays ~10 px wide."""
        if scale != self._scale:
            self.prepareGeometryChange()
            self._scale = scale

    def boundingRect(self) -> QRectF:  # noqa: N802
        m = (self.pen().widthF() + 12) / max(self._scale, 1e-6)
        return self.path().boundingRect().adjusted(-m, -m, m, m)

    def shape(self) -> QPainterPath:
        s = QPainterPathStroker()
        s.setWidth(max(self.pen().widthF(), 10.0) / max(self._scale, 1e-6))
        return s.createStroke(self.path())

    def paint(self, p: QPainter, option, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = self.pen()
        casing = QPen(QColor(255, 255, 255, 170), pen.widthF() + 2.5,
                      Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        casing.setCosmetic(True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(casing)
        p.drawPath(self.path())
        if self._hover:
            pen = QPen(pen)
            pen.setWidthF(pen.widthF() + 1.5)
        p.setPen(pen)
        p.drawPath(self.path())

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()


class TextLabelItem(QGraphicsItem):
    """Static map annotation (country or sea name), centred on its anchor (cached rendering)."""

    def __init__(self, text: str, font: QFont, color: QColor,
                 angle: float = 0.0) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(ITEM_CACHE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(5)
        self.text, self.font, self.color, self.angle = text, font, color, angle
        fm = QFontMetricsF(font)
        w, h = fm.horizontalAdvance(text), fm.height()
        self._rect = QRectF(-w / 2, -h / 2, w, h)
        self._ascent = fm.ascent()
        self.setRotation(angle)
        if angle:  # Qt re-renders a device cache of a rotated item on every paint: cache unrotated
            self.setCacheMode(QGraphicsItem.CacheMode.ItemCoordinateCache)

    def pixel_rect(self) -> QRectF:
        """Unrotated label box in pixels relative to the anchor."""
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, p: QPainter, option, widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        haloed_text(p, QPointF(self._rect.left(), self._rect.top() + self._ascent),
                    self.text, self.font, self.color,
                    halo=QColor(LAND if not self.font.italic() else SEA), halo_width=2.5)


class LegendWidget(QWidget):
    """Collapsible key of marker kinds and seat colours (a child of the map's viewport).

    Expanded, it lists the kinds and the seats in one column, or in two (:meth:`set_columns`,
    for short maps); collapsed, it is a small "Key" chip. A click toggles it and emits
    ``toggled(expanded)``; the canvas decides where it goes.
    """

    toggled = Signal(bool)

    ROW = 17.0
    HEAD = 30.0

    def __init__(self, seat_colors: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_colors = dict(seat_colors)
        self._k = 1.0
        self._title, self._font = ui_font(11, bold=True), ui_font(11)
        self._expanded = True
        self._columns = 1
        fm = QFontMetricsF(self._font)
        self._kind_w = max(fm.horizontalAdvance(t) for t in KIND_TITLES.values())
        self._seat_w = max([fm.horizontalAdvance(s.capitalize()) for s in self.seat_colors] or [0.0])
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._pixmap: QPixmap | None = None
        self._resize()

    # -- state -----------------------------------------------------------------
    @property
    def expanded(self) -> bool:
        """Whether the full key is shown (else the small chip)."""
        return self._expanded

    def set_expanded(self, on: bool) -> None:
        """Show the full key or the chip (no signal)."""
        if on != self._expanded:
            self._expanded = on
            self._resize()

    def set_columns(self, columns: int) -> None:
        """Lay the expanded key out in 1 or 2 columns."""
        columns = 2 if columns >= 2 else 1
        if columns != self._columns:
            self._columns = columns
            self._resize()

    def set_scale(self, k: float) -> None:
        """Draw the key ``k`` times larger (1.0: 11 px type), for the projector."""
        if k != self._k:
            self._k = k
            self._resize()

    def type_px(self) -> float:
        """The key's type size on screen, in pixels."""
        return self._font.pixelSize() * self._k

    def size_for(self, expanded: bool, columns: int = 1) -> QSize:
        """The widget's size when ``expanded`` (with ``columns``) or collapsed."""
        k = self._k
        if not expanded:
            return QSize(round((QFontMetricsF(self._title).horizontalAdvance("Map key") + 40) * k), round(26 * k))
        kinds, seats = len(KINDS), len(self.seat_colors)
        if columns >= 2:
            w = 34 + self._kind_w + 18 + 34 + self._seat_w + 12
            h = self.HEAD + max(kinds, seats) * self.ROW + 6
        else:
            w = max(34 + max(self._kind_w, self._seat_w) + 12, 150)
            h = self.HEAD + (kinds + seats) * self.ROW + 12
        return QSize(round(w * k), round(h * k))

    def _resize(self) -> None:
        self.setFixedSize(self.size_for(self._expanded, self._columns))
        self.setToolTip("Hide the map key" if self._expanded else "Show the map key")
        self._pixmap = None
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """A click toggles the key."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.set_expanded(not self._expanded)
            self.toggled.emit(self._expanded)
            event.accept()
            return
        super().mousePressEvent(event)

    # -- painting --------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        """Blit the key, drawn once into a pixmap per size and state."""
        dpr = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.devicePixelRatio() != dpr:
            self._pixmap = QPixmap(round(self.width() * dpr), round(self.height() * dpr))
            self._pixmap.setDevicePixelRatio(dpr)
            self._pixmap.fill(Qt.GlobalColor.transparent)
            self._draw(QPainter(self._pixmap))
        p = QPainter(self)
        p.drawPixmap(0, 0, self._pixmap)
        p.end()

    def _draw(self, p: QPainter) -> None:
        p.scale(self._k, self._k)  # drawn at 1.0 in units of 1/k pixels
        width, height = self.width() / self._k, self.height() / self._k
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setPen(QPen(QColor("#B9C3CA"), 1))
        p.setBrush(QColor(255, 255, 255, 225 if self._expanded else 235))
        p.drawRoundedRect(QRectF(0, 0, width, height).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7)
        p.setFont(self._title)
        p.setPen(LABEL_TEXT)
        if not self._expanded:
            draw_marker(p, "capital", QPointF(14, height / 2), NEUTRAL, 11)
            p.drawText(QRectF(26, 0, width - 30, height),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "Map key")
            p.end()
            return
        p.drawText(QPointF(10, 18), "Map key")
        # a small "collapse" bar at the top right
        p.setPen(QPen(QColor("#7C858D"), 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(width - 20, 13), QPointF(width - 11, 13))
        p.setFont(self._font)
        y = 34.0
        for kind in KINDS:
            col = CRISIS_RED if kind == "crisis" else NEUTRAL
            draw_marker(p, kind, QPointF(18, y), col, MARKER_SIZE[kind] * 0.85)
            p.setPen(LABEL_TEXT)
            p.drawText(QPointF(34, y + 4), KIND_TITLES[kind])
            y += self.ROW
        if self._columns >= 2:
            x0, y = 34 + self._kind_w + 18, 34.0
        else:
            x0, y = 0.0, y + 6
        for seat, col in self.seat_colors.items():
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(col))
            p.drawRoundedRect(QRectF(x0 + 11, y - 6, 14, 12), 3, 3)
            p.setPen(LABEL_TEXT)
            p.drawText(QPointF(x0 + 34, y + 4), seat.capitalize())
            y += self.ROW
        p.end()


def _rect_point_distance(r: QRectF, pt: QPointF) -> float:
    q = _nearest_on_rect(r, pt)
    return math.hypot(q.x() - pt.x(), q.y() - pt.y())


def _nearest_on_rect(r: QRectF, pt: QPointF) -> QPointF:
    return QPointF(min(max(pt.x(), r.left()), r.right()),
                   min(max(pt.y(), r.top()), r.bottom()))
