"""Scoreboard: each seat's score as a stacked bar of its weighted components (transparent breakdown).

:class:`Scoreboard` is a pure view: it reads ``game.scores()`` (or takes the same data through
:meth:`Scoreboard.set_scores`) and paints one row per seat, legible on a projector.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ui.theme import NEUTRAL, SEAT_COLORS, SEAT_LABELS, scaled_font

if TYPE_CHECKING:
    from wargame import Game

SEAT_ORDER = ("ankara", "riyadh", "islamabad", "washington")


@dataclass(frozen=True)
class Part:
    """One component of a seat's score, as drawn."""

    key: str
    label: str
    value: float
    weight: float
    points: float


def _blend(colour: QColor, f: float) -> QColor:
    """``colour`` mixed with white by ``f`` (keeps the hue, unlike QColor.lighter)."""
    return QColor(round(colour.red() + (255 - colour.red()) * f), round(colour.green() + (255 - colour.green()) * f),
                  round(colour.blue() + (255 - colour.blue()) * f))


def _short(label: str) -> str:
    return label.split(" (")[0]


class Scoreboard(QWidget):
    """One row per seat: name, total and a 0–100 bar split into the weighted components."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float, list[Part]]] = []
        self._viewer: str | None = None
        self._hits: list[tuple[QRectF, str]] = []
        self._quarter = ""
        self.setMinimumSize(420, 260)
        self.setMouseTracking(True)

    # -- public API ------------------------------------------------------------------------
    def set_game(self, game: "Game", viewer: str | None = None) -> None:
        """Show ``game.scores()``; the ``viewer``'s own row is highlighted."""
        self._quarter = game.quarter
        self.set_scores({seat: (sc.total, [(c.key, c.label, c.value, c.weight, c.points) for c in sc.components])
                         for seat, sc in game.scores().items()}, viewer)

    def set_scores(self, scores: dict[str, tuple[float, Iterable[tuple[str, str, float, float, float]]]],
                   viewer: str | None = None) -> None:
        """Plain data: ``{seat: (total, [(key, label, value, weight, points), ...])}``."""
        self._viewer = viewer
        order = [s for s in SEAT_ORDER if s in scores] + [s for s in scores if s not in SEAT_ORDER]
        self._rows = [(s, float(scores[s][0]), [Part(*c) for c in scores[s][1]]) for s in order]
        self.update()

    def totals(self) -> dict[str, float]:
        """The totals shown, by seat."""
        return {seat: total for seat, total, _ in self._rows}

    def parts(self, seat: str) -> list[Part]:
        """The components shown for ``seat``."""
        return next((p for s, _, p in self._rows if s == seat), [])

    def sizeHint(self) -> QSize:
        return QSize(760, 420)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        self._hits = []
        title_f = scaled_font(12, True)
        head = QFontMetricsF(title_f).height() + 10
        p.setFont(title_f)
        p.setPen(QColor(NEUTRAL["text"]))
        p.drawText(QRectF(12, 4, self.width() - 24, head), int(Qt.AlignmentFlag.AlignVCenter),
                   "Scores" + (f" · {self._quarter}" if self._quarter else ""))
        p.setFont(scaled_font(9))
        p.setPen(QColor(NEUTRAL["muted"]))
        p.drawText(QRectF(12, 4, self.width() - 24, head), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                   "bar = 100 points · segment = value × weight")
        if not self._rows:
            p.end()
            return
        ranks = {s: i + 1 for i, (s, _, _) in enumerate(sorted(self._rows, key=lambda r: -r[1]))}
        row_h = (self.height() - head - 8) / len(self._rows)
        for i, (seat, total, parts) in enumerate(self._rows):
            self._paint_row(p, QRectF(8, head + 4 + i * row_h, self.width() - 16, row_h - 6), seat, total,
                            parts, ranks[seat])
        p.end()

    def _paint_row(self, p: QPainter, r: QRectF, seat: str, total: float, parts: list[Part], rank: int) -> None:
        colour = QColor(SEAT_COLORS.get(seat, NEUTRAL["actor"]))
        mine = seat == self._viewer
        p.setPen(QPen(QColor(NEUTRAL["border"]), 1))
        p.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 28) if mine else QColor(NEUTRAL["panel"]))
        p.drawRoundedRect(r, 6, 6)
        p.fillRect(QRectF(r.left(), r.top() + 1, 6, r.height() - 2), colour)
        scale = max(0.8, min(1.35, r.height() / 95, r.width() / 820))
        name_f, total_f, small_f = scaled_font(13 * scale, True), scaled_font(21 * scale, True), scaled_font(9 * scale)
        left_w = max(118.0, min(r.width() * 0.22, 230.0))
        # name, total and rank
        name = SEAT_LABELS.get(seat, seat.title()) + (" (you)" if mine else "")
        fm_name, fm_total, fm_small = QFontMetricsF(name_f), QFontMetricsF(total_f), QFontMetricsF(small_f)
        p.setFont(name_f)
        p.setPen(colour.darker(135))
        name_rect = QRectF(r.left() + 16, r.top() + 4, left_w - 20, fm_name.height())
        if fm_name.horizontalAdvance(name) > name_rect.width():
            name = SEAT_LABELS.get(seat, seat.title())
        p.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   fm_name.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()))
        p.setFont(total_f)
        p.setPen(QColor(NEUTRAL["text"]))
        tot_rect = QRectF(r.left() + 16, name_rect.bottom(), left_w - 20, r.bottom() - name_rect.bottom() - 2)
        text = f"{total:.1f}"
        p.drawText(tot_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        rank_x = tot_rect.left() + fm_total.horizontalAdvance(text) + 8
        if rank_x + fm_small.horizontalAdvance("rank 4") < r.left() + left_w - 4:
            p.setFont(small_f)
            p.setPen(QColor(NEUTRAL["muted"]))
            p.drawText(QRectF(rank_x, tot_rect.top(), left_w, tot_rect.height()),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), f"rank {rank}")
        # breakdown (swatch + "label value × weight"), flowed over as many lines as needed
        bx, bw = r.left() + left_w, r.width() - left_w - 14
        lh = fm_small.height() * 1.1
        shades = [_blend(colour, (0.0, 0.3, 0.5, 0.66, 0.78)[min(j, 4)]) for j in range(len(parts))]
        flow: list[tuple[float, int, str]] = []
        dx, line = 0.0, 0
        for part in parts:
            text = f"{_short(part.label)} {part.value:.0f} × {part.weight:.2f}"
            tw = fm_small.horizontalAdvance(text) + 13
            if dx + tw > bw and dx > 0:
                dx, line = 0.0, line + 1
            flow.append((dx, line, fm_small.elidedText(text, Qt.TextElideMode.ElideRight, bw - dx - 13)))
            dx += tw + 14
        lines = line + 1 if parts else 0
        bar_h = max(16.0, min(44.0 * scale, r.height() - 14 - lines * lh))
        lines = min(lines, int(max(0.0, r.height() - 12 - bar_h) // lh))
        by = r.top() + (r.height() - bar_h - lines * lh - 3) / 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#E9ECF0"))
        p.drawRoundedRect(QRectF(bx, by, bw, bar_h), 4, 4)
        x = bx
        seg_f = scaled_font(9.5 * scale, True)
        fm_seg = QFontMetricsF(seg_f)
        for part, shade in zip(parts, shades):
            w = bw * max(0.0, part.points) / 100.0
            seg = QRectF(x, by, w, bar_h)
            p.setPen(QPen(QColor("#FFFFFF"), 2))
            p.setBrush(shade)
            p.drawRect(seg)
            light = 0.2126 * shade.redF() + 0.7152 * shade.greenF() + 0.0722 * shade.blueF() > 0.42
            p.setFont(seg_f)
            p.setPen(QColor(NEUTRAL["text"]) if light else QColor("#FFFFFF"))
            full = f"{_short(part.label)} {part.points:.0f}"
            if fm_seg.horizontalAdvance(full) + 8 < w:
                p.drawText(seg, int(Qt.AlignmentFlag.AlignCenter), full)
            elif fm_seg.horizontalAdvance(f"{part.points:.0f}") + 6 < w:
                p.drawText(seg, int(Qt.AlignmentFlag.AlignCenter), f"{part.points:.0f}")
            self._hits.append((seg, f"<b>{SEAT_LABELS.get(seat, seat)}: {part.label}</b><br>value {part.value:.1f} × "
                                    f"weight {part.weight:.2f} = <b>{part.points:.1f}</b> points"))
            x += w
        p.setFont(small_f)
        for (dx, line, text), shade in zip(flow, shades):
            if line >= lines:
                break
            dy = by + bar_h + 3 + line * lh
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(shade)
            p.drawRect(QRectF(bx + dx, dy + fm_small.height() / 2 - 4, 9, 9))
            p.setPen(QColor(NEUTRAL["text"]))
            p.drawText(QPointF(bx + dx + 13, dy + fm_small.ascent()), text)

    def event(self, ev: QEvent) -> bool:
        """Tooltips with each component's value × weight."""
        if ev.type() == QEvent.Type.ToolTip and isinstance(ev, QHelpEvent):
            for rect, tip in self._hits:
                if rect.contains(QPointF(ev.pos())):
                    QToolTip.showText(ev.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(ev)
