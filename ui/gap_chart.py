"""Real against perceived deterrence, one bar per row: the game's core lesson at a glance.

Each row draws the real index (solid, the seat's colour) and the perceived index (an outline
reaching further when the seat bluffs); the stretch between them is the bluff gap, hatched and
labelled. A row whose real value the viewer may not know shows only what is known, and says so.
Type and bars scale with :meth:`GapChart.set_scale`, so the same widget serves the seat's
outcome screen and the projector.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.theme import NEUTRAL, THREAT_RED, pixel_font


@dataclass(frozen=True)
class GapRow:
    """One bar: ``real`` None when it is not known to the viewer."""

    label: str
    real: float | None
    perceived: float
    colour: str


class GapChart(QWidget):
    """Rows of real (solid) against perceived (outline) deterrence on a 0–100 scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GapRow] = []
        self.scale = 1.0
        self.note = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[GapRow], note: str = "") -> None:
        """Show these rows (``note``: a line under the bars, e.g. what "real" counts)."""
        if rows != self.rows or note != self.note:
            self.rows, self.note = list(rows), note
            self.updateGeometry()
            self.update()

    def set_scale(self, k: float) -> None:
        """Grow the type and bars by ``k`` (1.0: 14 px labels, 30 px rows)."""
        if abs(k - self.scale) > 1e-3:
            self.scale = k
            self.updateGeometry()
            self.update()

    def _font(self, px: float, bold: bool = False) -> QFont:
        return pixel_font(px * self.scale, bold, minimum=9)

    def row_height(self) -> float:
        """Height of one bar row in pixels."""
        return 34 * self.scale

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Room for every row, the axis and the note."""
        return QSize(int(420 * self.scale), int(self.row_height() * len(self.rows) + 46 * self.scale))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As tall as the rows need."""
        return QSize(int(260 * self.scale), self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        """Labels on the left, bars on a 0–100 axis, the gap labelled at the bar's end."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_font, value_font = self._font(15, True), self._font(14)
        fm = QFontMetricsF(label_font)
        left = max((fm.horizontalAdvance(r.label) for r in self.rows), default=0.0) + 12 * self.scale
        right = QFontMetricsF(value_font).horizontalAdvance("gap 00 ") + 8 * self.scale
        width = max(40.0, self.width() - left - right)
        row_h = self.row_height()
        for i, row in enumerate(self.rows):
            y = i * row_h
            p.setFont(label_font)
            p.setPen(QColor(NEUTRAL["text"]))
            p.drawText(QRectF(0, y, left - 8 * self.scale, row_h), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, row.label)
            bar_h = row_h * 0.56
            top = y + (row_h - bar_h) / 2
            colour = QColor(row.colour)
            perceived_w = width * max(0.0, min(100.0, row.perceived)) / 100
            outline = QPen(colour, max(1.5, 2.2 * self.scale))
            p.setPen(outline)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(left, top, perceived_w, bar_h))
            text = ""
            if row.real is not None:
                real_w = width * max(0.0, min(100.0, row.real)) / 100
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawRect(QRectF(left, top, real_w, bar_h))
                if perceived_w > real_w:
                    hatch = QColor(THREAT_RED)
                    hatch.setAlpha(150)
                    p.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
                    p.drawRect(QRectF(left + real_w, top, perceived_w - real_w, bar_h))
                gap = row.perceived - row.real
                text = f"gap {gap:.0f}" if gap >= 0.5 else "no gap"
            else:
                text = "real ?"
            p.setFont(value_font)
            p.setPen(QColor(THREAT_RED if text.startswith("gap") else NEUTRAL["muted"]))
            p.drawText(QRectF(left + max(perceived_w, 0) + 6 * self.scale, y, right + 40, row_h),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        y = len(self.rows) * row_h + 4 * self.scale
        p.setFont(self._font(12))
        p.setPen(QColor(NEUTRAL["muted"]))
        key = "■ real   □ perceived   ▨ bluff gap (0–100)"
        p.drawText(QRectF(left, y, width + right, 18 * self.scale), Qt.AlignmentFlag.AlignLeft, key)
        if self.note:
            p.drawText(QRectF(0, y + 19 * self.scale, self.width(), 22 * self.scale),
                       Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, self.note)
        p.end()
