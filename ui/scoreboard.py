"""Scoreboard: each seat's score as a stacked bar of its weighted components (transparent breakdown).

:class:`Scoreboard` is a pure view: it reads the viewer's :class:`~wargame.rules.seat_view.SeatView`
scores (another seat's score is the viewer's estimate, marked "est."), or takes the same data
through :meth:`Scoreboard.set_scores`, and paints one row per seat, legible on a projector.

Layout adapts to the space (380–700+ px wide, normal and large text): wide rows put the name and
total in a left column beside the bar; narrow ones stack a name/total line above the bar. Every
component is listed under the bar (one or two columns); a label that must be shortened keeps its
numbers and shows in full in its tooltip. Fonts shrink a little before anything is dropped.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen, QResizeEvent
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


NOTE = "bar = 100 points · segment = value × weight · rank: against each seat's par"
NOTE_SHORT = "bar = 100 points"
PAD = 4.0          # inside a row, above and below its content
STRIP = 16.0       # left inset of a row's content (after the seat colour strip)
SWATCH = 13.0      # swatch and gap before a legend entry's text
LEGEND_GAP = 2.0   # between the bar and its legend
GAP = 14.0         # between legend columns
MIN_LABEL = 48.0   # narrowest shortened component label worth showing
MAX_MIN_HEIGHT = 310.0  # the minimum height asked for never exceeds this (six components a seat, a 1280x720 window)
THIN = "\u2009"    # thin space, around the × of "value × weight"


@dataclass
class _Plan:
    """How the rows are laid out at one size (the same for every row)."""

    scale: float
    side: bool                 # name and total in a left column (else a line above the bar)
    columns: int               # legend columns (0: no legend)
    left_w: float
    bar_min: float
    bar_max: float
    elided: bool
    name_f: QFont
    total_f: QFont
    small_f: QFont
    seg_f: QFont
    labels: bool = True        # legend entries name their component (else numbers only)

    @property
    def lh(self) -> float:
        return QFontMetricsF(self.small_f).height() * 1.05


class Scoreboard(QWidget):
    """One row per seat: name, total and a 0–100 bar split into the weighted components."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float, list[Part]]] = []
        self._ratings: dict[str, tuple[float, float, float]] = {}
        self._viewer: str | None = None
        self._estimated: set[str] = set()
        self._hits: list[tuple[QRectF, str]] = []
        self._quarter = ""
        self._min_hint = QSize()
        self._hint_key: tuple | None = None
        self._plan_key: tuple | None = None
        self._shown_viewer: str | None = None
        self._shown_quarter = ""
        self._plan_cached: _Plan | None = None
        self._min_hint_cached = QSize()
        self.setMinimumWidth(360)  # the height's minimum comes from minimumSizeHint()
        self.setMouseTracking(True)

    # -- public API ------------------------------------------------------------------------
    def set_game(self, game: "Game", viewer: str | None = None) -> None:
        """Show the scores of ``viewer``'s :class:`SeatView`; its own row is highlighted."""
        from wargame.rules.seat_view import seat_view
        self._quarter = game.quarter
        seen = seat_view(game, viewer)
        self.set_scores({seat: (sc["total"], [(c["key"], c["label"], c["value"], c["weight"], c["points"])
                                              for c in sc["components"]])
                         for seat, sc in seen.scores.items()}, viewer,
                        [s for s in seen.scores if seen.is_estimate(s, "score")],
                        {seat: (float(sc.get("rating", sc["total"])), float(sc.get("par", 50.0)),
                                float(sc.get("spread", 10.0))) for seat, sc in seen.scores.items()})

    def set_scores(self, scores: dict[str, tuple[float, Iterable[tuple[str, str, float, float, float]]]],
                   viewer: str | None = None, estimated: Iterable[str] = (),
                   ratings: dict[str, tuple[float, float, float]] | None = None) -> None:
        """Plain data: ``{seat: (total, [(key, label, value, weight, points), ...])}``; the seats in
        ``estimated`` are the viewer's estimates (marked so). ``ratings``: ``{seat: (rating, par,
        spread)}`` from the engine's scores; seats are ranked by rating (by total without it)."""
        self._viewer = viewer
        self._ratings = dict(ratings or {})
        self._estimated = set(estimated)
        order = [s for s in SEAT_ORDER if s in scores] + [s for s in scores if s not in SEAT_ORDER]
        rows = [(s, float(scores[s][0]), [Part(*c) for c in scores[s][1]]) for s in order]
        if rows == self._rows and viewer == self._shown_viewer and self._quarter == self._shown_quarter:
            return  # nothing new to paint
        self._shown_viewer, self._shown_quarter = viewer, self._quarter
        resized = [len(p) for _, _, p in rows] != [len(p) for _, _, p in self._rows]
        self._rows = rows
        if resized:
            self.updateGeometry()
        self.update()

    def totals(self) -> dict[str, float]:
        """The totals shown, by seat."""
        return {seat: total for seat, total, _ in self._rows}

    def parts(self, seat: str) -> list[Part]:
        """The components shown for ``seat``."""
        return next((p for s, _, p in self._rows if s == seat), [])

    def layout_info(self) -> dict[str, object]:
        """How the rows are laid out at the current size (for tests and tuning).

        ``form``: "side" (name and total beside the bar) or "stacked"; ``columns`` of the
        component list (0: none, the bar only); ``labels``: whether it names the components;
        ``shortened``: whether some names are cut (in full in their tooltips); ``fits``: the
        content fits the rows; ``note``: the header note shown; ``tooltips``: how many tooltip
        areas the last paint made.
        """
        w = float(self.width())
        head, note, two_lines = self._header(w)
        row_h = (self.height() - head - 8) / max(len(self._rows), 1) - 6
        plan = self._plan(w - 16, row_h)
        n_parts = max((len(p) for _, _, p in self._rows), default=0)
        return {"form": "side" if plan.side else "stacked", "columns": plan.columns,
                "labels": plan.labels and plan.columns > 0, "shortened": plan.elided and plan.labels,
                "fits": self._row_need(plan, n_parts) <= row_h + 0.5, "note": note,
                "header_lines": 2 if two_lines else 1, "tooltips": len(self._hits)}

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(760, 420)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Room for each row's components under its bar, at slightly reduced text (capped)."""
        width = float(max(self.width(), 360))
        rows = max(len(self._rows), 4)
        n_parts = max((len(p) for _, _, p in self._rows), default=4)
        key = (width, rows, n_parts, self._quarter, scaled_font(9).pointSizeF(), self._viewer)
        if key == self._hint_key:
            return QSize(self._min_hint_cached)
        needs = [self._row_need(plan, n_parts)
                 for side in (True, False) for columns, labels in ((2, True), (n_parts, True))
                 if (plan := self._option(width - 16, 0.85, side, columns, labels)) is not None]
        need = min(needs, default=40.0)
        height = self._header(width)[0] + rows * (need + 6) + 16  # 8 px of slack for rounding in the paint
        self._hint_key = key
        self._min_hint_cached = QSize(360, round(min(max(height, 200.0), MAX_MIN_HEIGHT)))
        return QSize(self._min_hint_cached)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """The minimum height depends on the width: tell the layout when it changes."""
        super().resizeEvent(event)
        hint = self.minimumSizeHint()
        if hint != self._min_hint:
            self._min_hint = hint
            self.updateGeometry()

    # -- layout ----------------------------------------------------------------------------
    def _label(self, seat: str, fm: QFontMetricsF | None = None, room: float = 0.0) -> str:
        """The seat's name, with " (you)" for the viewer when it fits in ``room`` (or always)."""
        name = SEAT_LABELS.get(seat, seat.title())
        if seat == self._viewer and (fm is None or fm.horizontalAdvance(name + " (you)") <= room):
            name += " (you)"
        mark = " " + self.tr("(est.)")
        if seat in self._estimated and (fm is None or fm.horizontalAdvance(name + mark) <= room):
            name += mark
        return name

    def _header(self, width: float) -> tuple[float, str, bool]:
        """Header height, the note shown (the full one in its tooltip) and whether it has its own line."""
        title_f, note_f = scaled_font(12, True), scaled_font(9)
        fm_t, fm_n = QFontMetricsF(title_f), QFontMetricsF(note_f)
        title_w = fm_t.horizontalAdvance("Scores" + (f" · {self._quarter}" if self._quarter else ""))
        for note in (NOTE, NOTE_SHORT):
            if title_w + 16 + fm_n.horizontalAdvance(note) <= width - 24:
                return fm_t.height() + 10, note, False
        return fm_t.height() + fm_n.height() + 12, NOTE, True

    def _fonts(self, scale: float) -> tuple[QFont, QFont, QFont, QFont]:
        return (scaled_font(13 * scale, True), scaled_font(19 * scale, True), scaled_font(9 * scale),
                scaled_font(9.5 * scale, True))

    def _entry_texts(self, part: Part) -> tuple[str, str]:
        return _short(part.label), f"{part.value:.0f}{THIN}×{THIN}{part.weight:.2f}"

    def _option(self, width: float, scale: float, side: bool, columns: int,
                labels: bool = True) -> _Plan | None:
        """A plan for rows ``width`` px wide, or None if the names, totals or legend do not fit."""
        name_f, total_f, small_f, seg_f = self._fonts(scale)
        if not side:
            total_f = scaled_font(14 * scale, True)
        fm_name, fm_total, fm_small = QFontMetricsF(name_f), QFontMetricsF(total_f), QFontMetricsF(small_f)
        rows = self._rows or [("washington", 100.0, [])]
        # "(you)" is shown only where it fits (the viewer's row is tinted anyway)
        name_w = max(fm_name.horizontalAdvance(SEAT_LABELS.get(s, s.title())) for s, _, _ in rows)
        total_w = max(fm_total.horizontalAdvance(f"{t:.1f}") for _, t, _ in rows) + fm_total.horizontalAdvance("0")
        rank_w = max(fm_small.horizontalAdvance("rank 4"), fm_small.horizontalAdvance(self._par_text("washington"))) + 8
        if not side:
            rank_w = fm_small.horizontalAdvance(self._rank_text(4, "washington")) + 8
        if side:
            left_w = max(name_w, total_w + rank_w) + STRIP + 8
            bw = width - left_w - 14
            if left_w > width * 0.42 or bw < 200:
                return None
        else:
            left_w = 0.0
            bw = width - STRIP - 10
            if name_w + 12 + total_w + rank_w > bw:
                return None
        elided = False
        if columns:
            col_w = (bw - GAP * (columns - 1)) / columns
            for _, _, parts in rows:
                for part in parts:
                    label, nums = self._entry_texts(part)
                    if not labels:
                        if col_w < SWATCH + fm_small.horizontalAdvance(nums):
                            return None
                        continue
                    room = col_w - SWATCH - fm_small.horizontalAdvance(" " + nums)
                    if room < MIN_LABEL:
                        return None
                    elided = elided or fm_small.horizontalAdvance(label) > room
        bar_min = 12.0
        bar_max = 44.0 * scale if side else 30.0 * scale
        return _Plan(scale, side, columns, left_w, bar_min, bar_max, elided or not labels, name_f, total_f,
                     small_f, seg_f, labels)

    def _row_need(self, plan: _Plan, n_parts: int) -> float:
        """Smallest row height for ``plan`` with ``n_parts`` components."""
        lines = math.ceil(n_parts / plan.columns) if plan.columns else 0
        legend = plan.bar_min + (LEGEND_GAP + lines * plan.lh if lines else 0)
        name_h = QFontMetricsF(plan.name_f).height()
        total_h = QFontMetricsF(plan.total_f).height()
        if plan.side:
            return max(name_h + total_h * 0.9, legend) + 2 * PAD
        return max(name_h, total_h) + 2 + legend + 2 * PAD

    def _plan(self, width: float, row_h: float) -> _Plan:
        """The roomiest plan that fits: full labels and large text, else shortened labels, else numbers.

        Remembered for the same size and texts, so a repaint does not search again.
        """
        # digits have one width, so the lengths of the numbers stand for their widths
        key = (width, row_h, scaled_font(9).pointSizeF(), self._viewer,
               tuple((s, len(f"{t:.1f}"), tuple((label, len(nums)) for label, nums in map(self._entry_texts, ps)))
                     for s, t, ps in self._rows))
        if key != self._plan_key:
            self._plan_key, self._plan_cached = key, self._search_plan(width, row_h)
        assert self._plan_cached is not None
        return self._plan_cached

    def _search_plan(self, width: float, row_h: float) -> _Plan:
        n_parts = max((len(p) for _, _, p in self._rows), default=0)
        pref = max(0.9, min(1.35, row_h / 95, width / 820))
        floor = (1.0, 0.92, 0.85, 0.8)
        scales = [pref] + [s for s in floor if s < pref]
        options = [(True, 1), (False, 1), (True, 2), (False, 2)]
        if n_parts > 2:
            options += [(True, n_parts), (False, n_parts)]  # one line
        fitting: list[_Plan] = []
        for scale in scales:
            for side, columns in options:
                plan = self._option(width, scale, side, columns)
                if plan is not None and self._row_need(plan, n_parts) <= row_h:
                    fitting.append(plan)
        if fitting:  # full labels beat a slightly larger text with shortened ones
            return max(fitting, key=lambda plan: plan.scale - 0.07 * plan.elided)
        # short of room: one line of "value × weight" per row, the names in tooltips
        for scale in scales:
            for side in (True, False):
                plan = self._option(width, scale, side, max(n_parts, 1), labels=False)
                if plan is not None and self._row_need(plan, n_parts) <= row_h:
                    return plan
        # too little room for a legend: the bar alone (points in its segments, all in tooltips)
        bare = [plan for side in (True, False) for scale in (0.92, 0.85, 0.8)
                if (plan := self._option(width, scale, side, 0)) is not None]
        for plan in bare:
            if self._row_need(plan, n_parts) <= row_h:
                return plan
        if bare:
            return min(bare, key=lambda plan: self._row_need(plan, n_parts))
        name_f, _total, small_f, seg_f = self._fonts(0.85)
        return _Plan(0.85, False, 0, 0.0, 12.0, 24.0, True, name_f, name_f, small_f, seg_f)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        self._hits = []
        w = float(self.width())
        head, note, two_lines = self._header(w)
        title_f, note_f = scaled_font(12, True), scaled_font(9)
        fm_t = QFontMetricsF(title_f)
        p.setFont(title_f)
        p.setPen(QColor(NEUTRAL["text"]))
        if two_lines:
            title_rect = QRectF(12, 4, w - 24, fm_t.height() + 2)
        else:
            title_rect = QRectF(12, 4, w - 24, head - 4)
        p.drawText(title_rect, int(Qt.AlignmentFlag.AlignVCenter),
                   "Scores" + (f" · {self._quarter}" if self._quarter else ""))
        p.setFont(note_f)
        p.setPen(QColor(NEUTRAL["muted"]))
        fm_n = QFontMetricsF(note_f)
        if two_lines:
            note_rect = QRectF(12, title_rect.bottom(), w - 24, fm_n.height() + 2)
            p.drawText(note_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       fm_n.elidedText(NOTE, Qt.TextElideMode.ElideRight, note_rect.width()))
            self._hits.append((note_rect, NOTE))
        else:
            p.drawText(title_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), note)
            if note != NOTE:
                note_w = fm_n.horizontalAdvance(note)
                self._hits.append((QRectF(title_rect.right() - note_w, title_rect.top(), note_w,
                                          title_rect.height()), NOTE))
        if not self._rows:
            p.end()
            return
        ranks = {s: i + 1 for i, (s, _, _) in enumerate(
            sorted(self._rows, key=lambda r: (-self._ratings.get(r[0], (r[1],))[0], -r[1])))}
        row_h = (self.height() - head - 8) / len(self._rows)
        plan = self._plan(w - 16, row_h - 6)
        for i, (seat, total, parts) in enumerate(self._rows):
            self._paint_row(p, QRectF(8, head + 4 + i * row_h, w - 16, row_h - 6), seat, total,
                            parts, ranks[seat], plan)
        p.end()

    def _paint_row(self, p: QPainter, r: QRectF, seat: str, total: float, parts: list[Part], rank: int,
                   plan: _Plan) -> None:
        colour = QColor(SEAT_COLORS.get(seat, NEUTRAL["actor"]))
        mine = seat == self._viewer
        p.setPen(QPen(QColor(NEUTRAL["border"]), 1))
        p.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 28) if mine else QColor(NEUTRAL["panel"]))
        p.drawRoundedRect(r, 6, 6)
        p.fillRect(QRectF(r.left(), r.top() + 1, 6, r.height() - 2), colour)
        fm_name, fm_total = QFontMetricsF(plan.name_f), QFontMetricsF(plan.total_f)
        fm_small = QFontMetricsF(plan.small_f)
        total_text = f"{total:.1f}"
        rated = self._ratings.get(seat)
        against = (f"<br>Rating {rated[0]:.1f} against par {rated[1]:.1f} ± {rated[2]:.1f} (50 = what "
                   "balanced computer play scores in this seat by now; 10 points per typical spread)"
                   if rated else "")
        summary = (f"<b>{SEAT_LABELS.get(seat, seat)}</b>: {total:.1f} points, rank {rank}{against}<br>"
                   + "<br>".join(f"{pt.label}: {pt.value:.1f} × {pt.weight:.2f} = {pt.points:.1f}" for pt in parts))
        lines = math.ceil(len(parts) / plan.columns) if plan.columns and parts else 0
        legend_h = LEGEND_GAP + lines * plan.lh if lines else 0.0
        inner = QRectF(r.left() + STRIP, r.top() + PAD, r.width() - STRIP - 10, r.height() - 2 * PAD)
        if plan.side:
            # name over total in the left column
            left = QRectF(inner.left(), inner.top(), plan.left_w - STRIP - 4, inner.height())
            block = fm_name.height() + fm_total.height() * 0.9
            top = left.top() + max(0.0, (left.height() - block) / 2)
            name = self._label(seat, fm_name, left.width())
            self._text(p, QRectF(left.left(), top, left.width(), fm_name.height()), name, plan.name_f,
                       colour.darker(135), fm_name)
            tot = QRectF(left.left(), top + fm_name.height() - fm_total.height() * 0.05, left.width(),
                         fm_total.height())
            self._text(p, tot, total_text, plan.total_f, QColor(NEUTRAL["text"]), fm_total)
            rank_x = tot.left() + fm_total.horizontalAdvance(total_text) + 8
            p.setFont(plan.small_f)
            p.setPen(QColor(NEUTRAL["muted"]))
            par_text = self._par_text(seat)
            if par_text:  # rank over par, beside the total
                half = tot.height() / 2
                p.drawText(QRectF(rank_x, tot.top(), left.right() - rank_x, half),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), f"rank {rank}")
                p.drawText(QRectF(rank_x, tot.top() + half, left.right() - rank_x, half),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), par_text)
            else:
                p.drawText(QRectF(rank_x, tot.top(), left.right() - rank_x, tot.height()),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), f"rank {rank}")
            self._hits.append((QRectF(r.left(), r.top(), plan.left_w, r.height()), summary))
            bx, bw = r.left() + plan.left_w, r.right() - 10 - (r.left() + plan.left_w)
            bar_h = max(plan.bar_min, min(plan.bar_max, inner.height() - legend_h))
            by = inner.top() + max(0.0, (inner.height() - bar_h - legend_h) / 2)
        else:
            # one line: name at the left, rank and total at the right; the bar below
            line_h = max(fm_name.height(), fm_total.height())
            tw = fm_total.horizontalAdvance(total_text)
            tot = QRectF(inner.right() - tw, inner.top(), tw, line_h)
            self._text(p, tot, total_text, plan.total_f, QColor(NEUTRAL["text"]), fm_total)
            rank_text = self._rank_text(rank, seat)
            rank_w = fm_small.horizontalAdvance(rank_text)
            p.setFont(plan.small_f)
            p.setPen(QColor(NEUTRAL["muted"]))
            p.drawText(QRectF(tot.left() - rank_w - 8, inner.top(), rank_w + 2, line_h),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), rank_text)
            name_rect = QRectF(inner.left(), inner.top(), tot.left() - rank_w - 16 - inner.left(), line_h)
            name = self._label(seat, fm_name, name_rect.width())
            self._text(p, name_rect, name, plan.name_f, colour.darker(135), fm_name)
            self._hits.append((QRectF(r.left(), r.top(), r.width(), line_h + PAD), summary))
            bx, bw = inner.left(), inner.width()
            room = inner.height() - line_h - 2
            bar_h = max(plan.bar_min, min(plan.bar_max, room - legend_h))
            by = inner.top() + line_h + 2 + max(0.0, (room - bar_h - legend_h) / 2)
        self._paint_bar(p, QRectF(bx, by, bw, bar_h), seat, parts, colour, plan)
        if lines:
            self._paint_legend(p, bx, by + bar_h + LEGEND_GAP, bw, seat, parts, colour, plan, fm_small)

    def _par_text(self, seat: str) -> str:
        """"par N" for a seat with a rating (what balanced play scores in it by now), else ""."""
        rated = self._ratings.get(seat)
        return f"par {rated[1]:.0f}" if rated else ""

    def _rank_text(self, rank: int, seat: str) -> str:
        """The rank, with the seat's par when it has one (one line)."""
        par = self._par_text(seat)
        return f"rank {rank} · {par}" if par else f"rank {rank}"

    @staticmethod
    def _text(p: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor, fm: QFontMetricsF) -> None:
        p.setFont(font)
        p.setPen(colour)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() + 0.5))

    def _tip(self, seat: str, part: Part) -> str:
        tip = (f"<b>{SEAT_LABELS.get(seat, seat)}: {part.label}</b><br>value {part.value:.1f} × "
               f"weight {part.weight:.2f} = <b>{part.points:.1f}</b> points")
        if seat in self._estimated:
            tip += "<br><i>" + self.tr("Your estimate: this seat's secret deals and private budget "
                                       "lines are not known to you.") + "</i>"
        return tip

    def _paint_bar(self, p: QPainter, bar: QRectF, seat: str, parts: list[Part], colour: QColor,
                   plan: _Plan) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#E9ECF0"))
        p.drawRoundedRect(bar, 4, 4)
        x = bar.left()
        fm_seg = QFontMetricsF(plan.seg_f)
        p.setFont(plan.seg_f)
        for j, part in enumerate(parts):
            shade = _shade(colour, j)
            w = bar.width() * max(0.0, part.points) / 100.0
            seg = QRectF(x, bar.top(), w, bar.height())
            p.setPen(QPen(QColor("#FFFFFF"), 2))
            p.setBrush(shade)
            p.drawRect(seg)
            light = 0.2126 * shade.redF() + 0.7152 * shade.greenF() + 0.0722 * shade.blueF() > 0.42
            p.setPen(QColor(NEUTRAL["text"]) if light else QColor("#FFFFFF"))
            full = f"{_short(part.label)} {part.points:.0f}"
            if fm_seg.height() <= bar.height() + 2:
                if fm_seg.horizontalAdvance(full) + 8 < w:
                    p.drawText(seg, int(Qt.AlignmentFlag.AlignCenter), full)
                elif fm_seg.horizontalAdvance(f"{part.points:.0f}") + 6 < w:
                    p.drawText(seg, int(Qt.AlignmentFlag.AlignCenter), f"{part.points:.0f}")
            self._hits.append((seg, self._tip(seat, part)))
            x += w

    def _paint_legend(self, p: QPainter, x0: float, y0: float, width: float, seat: str, parts: list[Part],
                      colour: QColor, plan: _Plan, fm: QFontMetricsF) -> None:
        col_w = (width - GAP * (plan.columns - 1)) / plan.columns
        p.setFont(plan.small_f)
        for j, part in enumerate(parts):
            line, col = divmod(j, plan.columns)
            x, y = x0 + col * (col_w + GAP), y0 + line * plan.lh
            label, nums = self._entry_texts(part)
            if plan.labels:
                nums = " " + nums
                room = col_w - SWATCH - fm.horizontalAdvance(nums)
                text = fm.elidedText(label, Qt.TextElideMode.ElideRight, room) + nums
            else:
                text = nums
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_shade(colour, j))
            p.drawRect(QRectF(x, y + fm.height() / 2 - 4, 9, 9))
            p.setPen(QColor(NEUTRAL["text"]))
            p.drawText(QPointF(x + SWATCH, y + fm.ascent()), text)
            self._hits.append((QRectF(x, y, col_w, plan.lh), self._tip(seat, part)))

    def event(self, ev: QEvent) -> bool:
        """Tooltips with each component's value × weight."""
        if ev.type() == QEvent.Type.ToolTip and isinstance(ev, QHelpEvent):
            for rect, tip in reversed(self._hits):
                if rect.contains(QPointF(ev.pos())):
                    QToolTip.showText(ev.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            if not self.toolTip():
                return True
        return super().event(ev)


def _shade(colour: QColor, j: int) -> QColor:
    return _blend(colour, (0.0, 0.3, 0.5, 0.66, 0.78)[min(j, 4)])
