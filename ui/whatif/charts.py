"""The charts of the what-if dialog (pyqtgraph), each a pure view over a run's aggregates.

* :class:`ScoreChart` — final score per seat: box plots (5/25/50/75/95% and mean, from the
  aggregates) beside one histogram per seat (from the per-game records, shared bins).
* :class:`PactChart` — the share of games in which each pact is still active at the end.
* :class:`CrisisCountChart` — how many crises a continuation saw (distribution).
* :class:`CrisisOutcomeChart` — crisis outcomes stacked by crisis type (or by target seat).
* :class:`GapChart` — the bluff gap (perceived − real deterrence) per quarter and seat: mean line
  and 10–90% band.

Every chart keeps what it drew in plain attributes (``boxes``, ``histograms``, ``survival``,
``counts``, ``stacks``, ``series``) so tests and callers can read it back.
"""
from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import NEUTRAL, OUTCOME_COLORS, SEAT_COLORS, SEAT_LABELS, scaled_font
from wargame.types import SEATS

OUTCOME_ORDER = ("deterred", "contained", "damaging")


def _rgba(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def _pt(points: float) -> str:
    return f"{scaled_font(points).pointSizeF():.1f}pt"


def seat_title(seat: str, extra: str = "") -> str:
    """A plot title: the seat's name in its colour, then ``extra`` in the text colour."""
    tail = f" <span style='color:{NEUTRAL['muted']}'>{extra}</span>" if extra else ""
    return f"<span style='color:{SEAT_COLORS[seat]}; font-weight:bold'>{SEAT_LABELS[seat]}</span>{tail}"


def legend_html(items: list[tuple[str, str]]) -> str:
    """Inline legend: a coloured square and a label per item."""
    return " &nbsp; ".join(f"<span style='color:{c}'>■</span>&nbsp;{label}" for c, label in items)


class _Chart(QWidget):
    """A titled caption over a white pyqtgraph canvas."""

    def __init__(self, caption: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.header = QHBoxLayout()
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.header.addWidget(self.caption, 1)
        lay.addLayout(self.header)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.graphics.ci.setContentsMargins(4, 4, 8, 4)
        lay.addWidget(self.graphics, 1)

    def _plot(self, row: int, col: int, rowspan: int = 1, colspan: int = 1) -> pg.PlotItem:
        plot = self.graphics.addPlot(row=row, col=col, rowspan=rowspan, colspan=colspan)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getViewBox().setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            ax = plot.getAxis(side)
            ax.setTickFont(scaled_font(9))
            ax.setPen(pg.mkPen(NEUTRAL["border"]))
            ax.setTextPen(pg.mkPen(NEUTRAL["text"]))
        return plot

    @staticmethod
    def _label(plot: pg.PlotItem, side: str, text: str) -> None:
        plot.setLabel(side, text, **{"color": NEUTRAL["muted"], "font-size": _pt(9)})


class ScoreChart(_Chart):
    """Final score per seat: box plots and histograms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("<b>Final score per seat.</b> Box: 25–75% of the games, whiskers 5–95%, "
                         "dark bar the median, ◆ the mean. Right: how many games ended at each score "
                         "(dashed line: the mean).", parent)
        self.box_plot = self._plot(0, 0, rowspan=2)
        self.hist_plots = {s: self._plot(i // 2, 1 + i % 2) for i, s in enumerate(SEATS)}
        layout = self.graphics.ci.layout
        layout.setColumnStretchFactor(0, 4)
        layout.setColumnStretchFactor(1, 3)
        layout.setColumnStretchFactor(2, 3)
        first = self.hist_plots[SEATS[0]]
        for seat in SEATS[1:]:
            self.hist_plots[seat].setXLink(first)
            self.hist_plots[seat].setYLink(first)
        self.boxes: dict[str, dict[str, float]] = {}
        self.histograms: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.hist_items: dict[str, pg.BarGraphItem] = {}

    def set_data(self, scores: dict[str, dict[str, Any]], games: list[dict[str, Any]]) -> None:
        """Draw ``aggregates["scores"]`` and the histograms of ``games`` (per-game records)."""
        self._draw_boxes(scores)
        self._draw_histograms(scores, games)

    def _draw_boxes(self, scores: dict[str, dict[str, Any]]) -> None:
        plot = self.box_plot
        plot.clear()
        self.boxes = {}
        seats = [s for s in SEATS if scores.get(s, {}).get("n")]
        for i, seat in enumerate(seats):
            q = scores[seat]["quantiles"]
            box = {"q05": q["0.05"], "q25": q["0.25"], "q50": q["0.5"], "q75": q["0.75"],
                   "q95": q["0.95"], "mean": scores[seat]["mean"]}
            self.boxes[seat] = box
            colour = SEAT_COLORS[seat]
            plot.addItem(pg.BarGraphItem(x=[i], y0=[box["q25"]], height=[max(box["q75"] - box["q25"], 0.05)],
                                         width=0.5, brush=_rgba(colour, 90), pen=pg.mkPen(colour, width=2)))
            xs = [i, i, i, i, i - 0.12, i + 0.12, i - 0.12, i + 0.12]
            ys = [box["q05"], box["q25"], box["q75"], box["q95"], box["q05"], box["q05"], box["q95"], box["q95"]]
            plot.addItem(pg.PlotDataItem(xs, ys, connect="pairs", pen=pg.mkPen(colour, width=2)))
            plot.addItem(pg.PlotDataItem([i - 0.25, i + 0.25], [box["q50"]] * 2,
                                         pen=pg.mkPen(NEUTRAL["text"], width=3.5)))
            plot.addItem(pg.ScatterPlotItem([i], [box["mean"]], symbol="d", size=12,
                                            brush=pg.mkBrush("w"), pen=pg.mkPen(NEUTRAL["text"], width=1.5)))
        plot.getAxis("bottom").setTicks([[(i, SEAT_LABELS[s]) for i, s in enumerate(seats)]])
        plot.setXRange(-0.6, len(seats) - 0.4, padding=0)
        if self.boxes:
            lo = min(b["q05"] for b in self.boxes.values())
            hi = max(b["q95"] for b in self.boxes.values())
            pad = max(1.0, (hi - lo) * 0.08)
            plot.setYRange(lo - pad, hi + pad, padding=0)
        self._label(plot, "left", "Final score (0–100)")

    def _draw_histograms(self, scores: dict[str, dict[str, Any]], games: list[dict[str, Any]]) -> None:
        self.histograms, self.hist_items = {}, {}
        values = {s: np.array([g["scores"][s] for g in games], dtype=float) for s in SEATS}
        n = len(games)
        every = np.concatenate(list(values.values())) if n else np.array([])
        if n:
            lo, hi = float(every.min()), float(every.max())
            if hi - lo < 1e-9:
                lo, hi = lo - 0.5, hi + 0.5
            edges = np.linspace(lo, hi, int(np.clip(round(math.sqrt(n) * 2), 5, 40)) + 1)
        top = 1
        for i, seat in enumerate(SEATS):
            plot = self.hist_plots[seat]
            plot.clear()
            agg = scores.get(seat, {})
            extra = (f"mean {agg['mean']:.1f}, 5–95%: {agg['quantiles']['0.05']:.1f}–"
                     f"{agg['quantiles']['0.95']:.1f}") if agg.get("n") else "no games"
            plot.setTitle(seat_title(seat, extra), size=_pt(9.5))
            if i % 2 == 0:
                self._label(plot, "left", "Games")
            if i >= 2:
                self._label(plot, "bottom", "Final score")
            if not n:
                continue
            counts, _ = np.histogram(values[seat], bins=edges)
            self.histograms[seat] = (edges, counts)
            item = pg.BarGraphItem(x0=edges[:-1], x1=edges[1:], height=counts,
                                   brush=_rgba(SEAT_COLORS[seat], 190), pen=pg.mkPen("w", width=0.8))
            self.hist_items[seat] = item
            plot.addItem(item)
            plot.addItem(pg.InfiniteLine(pos=agg.get("mean", float(values[seat].mean())), angle=90,
                                         pen=pg.mkPen(NEUTRAL["text"], width=1.5, style=Qt.PenStyle.DashLine)))
            top = max(top, int(counts.max()))
        if n:
            first = self.hist_plots[SEATS[0]]
            first.setXRange(float(edges[0]), float(edges[-1]), padding=0.02)
            first.setYRange(0, top * 1.08, padding=0)


class PactChart(_Chart):
    """Probability that each pact is still active at the end (bars, with the members' shares)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("<b>Does each pact survive?</b> Share of the games in which it is still in "
                         "force at the end, and how often each seat is then a member.", parent)
        self.plot = self._plot(0, 0)
        self.plot.showGrid(x=False, y=False)
        self.plot.hideAxis("left")
        self.survival: dict[str, float] = {}
        self.bars: pg.BarGraphItem | None = None

    def set_data(self, pacts: dict[str, dict[str, Any]]) -> None:
        """Draw ``aggregates["pacts"]``."""
        plot = self.plot
        plot.clear()
        self.survival = {pid: float(p["survival"]) for pid, p in pacts.items()}
        ids = list(pacts)
        ys = [-1.8 * i for i in range(len(ids))]
        values = [100 * self.survival[pid] for pid in ids]
        plot.addItem(pg.BarGraphItem(x0=[0] * len(ids), width=[100] * len(ids), y=ys, height=0.45,
                                     brush=pg.mkBrush(NEUTRAL["grid"]), pen=pg.mkPen(None)))
        self.bars = pg.BarGraphItem(x0=[0] * len(ids), width=values, y=ys, height=0.45,
                                    brush=pg.mkBrush(NEUTRAL["hub"]), pen=pg.mkPen(None))
        plot.addItem(self.bars)
        for pid, y, value in zip(ids, ys, values):
            p = pacts[pid]
            name = pg.TextItem(html=f"<b>{p['name']}</b>", color=NEUTRAL["text"], anchor=(0, 1))
            name.setFont(scaled_font(9.5))
            name.setPos(0, y + 0.3)
            inside = value >= 18
            pct = pg.TextItem(f"{value:.0f}%", color="w" if inside else NEUTRAL["text"],
                              anchor=(1, 0.5) if inside else (0, 0.5))
            pct.setFont(scaled_font(10, bold=True))
            pct.setPos(value - 1.5 if inside else value + 1.5, y)
            members = [f"{SEAT_LABELS[s]} {v:.0%}" for s, v in p.get("membership", {}).items() if v > 0]
            sub = pg.TextItem("members at the end: " + (", ".join(members) or "none"),
                              color=NEUTRAL["muted"], anchor=(0, 0))
            sub.setFont(scaled_font(8.5))
            sub.setPos(0, y - 0.28)
            for item in (name, pct, sub):
                plot.addItem(item)
        plot.setXRange(-4, 104, padding=0)
        plot.setYRange(min(ys, default=0) - 1.1, 0.95, padding=0)
        plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in (0, 25, 50, 75, 100)]])
        self._label(plot, "bottom", "Games in which the pact survives")


class CrisisCountChart(_Chart):
    """Distribution of the number of crises per continuation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("<b>Crises per game.</b> How many games saw 0, 1, 2… crises "
                         "(dashed: the mean).", parent)
        self.plot = self._plot(0, 0)
        self.counts: dict[int, int] = {}
        self.bars: pg.BarGraphItem | None = None

    def set_data(self, crises: dict[str, Any]) -> None:
        """Draw ``aggregates["crises"]["histogram"]`` (and its mean)."""
        plot = self.plot
        plot.clear()
        self.counts = {int(k): int(v) for k, v in crises.get("histogram", {}).items()}
        xs = sorted(self.counts)
        self.bars = pg.BarGraphItem(x=xs, height=[self.counts[x] for x in xs], width=0.75,
                                    brush=pg.mkBrush(NEUTRAL["muted"]), pen=pg.mkPen(None))
        plot.addItem(self.bars)
        mean = crises.get("count", {}).get("mean")
        if mean is not None:
            plot.addItem(pg.InfiniteLine(pos=mean, angle=90, pen=pg.mkPen(NEUTRAL["text"], width=1.5,
                                                                          style=Qt.PenStyle.DashLine)))
        if xs:
            plot.setXRange(min(xs) - 0.6, max(xs) + 0.6, padding=0)
            plot.setYRange(0, max(self.counts.values()) * 1.08, padding=0)
            step = max(1, math.ceil((max(xs) - min(xs) + 1) / 10))
            plot.getAxis("bottom").setTicks([[(x, str(x)) for x in range(min(xs), max(xs) + 1, step)]])
        self._label(plot, "bottom", "Crises in the game")
        self._label(plot, "left", "Games")


class CrisisOutcomeChart(_Chart):
    """Crisis outcomes (deterred, contained, damaging) stacked per crisis type or target seat."""

    def __init__(self, titles: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.titles = dict(titles or {})
        self.by = QComboBox()
        self.by.addItem("by crisis type", "by_type")
        self.by.addItem("by target seat", "by_target")
        self.by.currentIndexChanged.connect(lambda _i: self._draw())
        self.header.addWidget(self.by, 0, Qt.AlignmentFlag.AlignTop)
        self.plot = self._plot(0, 0)
        self.plot.showGrid(x=False, y=False)
        self._crises: dict[str, Any] = {}
        self.stacks: dict[str, dict[str, int]] = {}
        self.segments: dict[str, pg.BarGraphItem] = {}

    def set_data(self, crises: dict[str, Any]) -> None:
        """Draw ``aggregates["crises"]`` (``by_type`` or ``by_target``, as chosen)."""
        self._crises = crises
        self._draw()

    def _name(self, key: str) -> str:
        if key in SEAT_LABELS:
            return SEAT_LABELS[key]
        text = self.titles.get(key, key.replace("_", " ").capitalize())
        return text if len(text) <= 42 else text[:41].rstrip() + "…"

    def _draw(self) -> None:
        plot = self.plot
        plot.clear()
        crises = self._crises
        stacks = crises.get(self.by.currentData(), {})
        outcomes = list(OUTCOME_ORDER) + sorted({o for v in stacks.values() for o in v} - set(OUTCOME_ORDER))
        keys = sorted(stacks, key=lambda k: (-sum(stacks[k].values()), k))
        self.stacks = {k: {o: int(stacks[k].get(o, 0)) for o in outcomes} for k in keys}
        total = sum(sum(v.values()) for v in self.stacks.values()) or 1
        shares = ", ".join(f"{o} {crises.get('outcomes', {}).get(o, 0) / total:.0%}" for o in OUTCOME_ORDER)
        self.caption.setText(f"<b>Crisis outcomes</b> (all games; {shares}). "
                             + legend_html([(OUTCOME_COLORS.get(o, NEUTRAL["actor"]), o) for o in outcomes]))
        ys = list(range(len(keys) - 1, -1, -1))  # the most frequent at the top
        left = np.zeros(len(keys))
        self.segments = {}
        for outcome in outcomes:
            widths = np.array([self.stacks[k][outcome] for k in keys], dtype=float)
            item = pg.BarGraphItem(x0=left.copy(), width=widths, y=ys, height=0.62,
                                   brush=pg.mkBrush(OUTCOME_COLORS.get(outcome, NEUTRAL["actor"])),
                                   pen=pg.mkPen("w", width=0.8))
            self.segments[outcome] = item
            plot.addItem(item)
            left += widths
        for y, k, end in zip(ys, keys, left):
            label = pg.TextItem(f"{int(end)}", color=NEUTRAL["text"], anchor=(0, 0.5))
            label.setFont(scaled_font(8.5))
            label.setPos(float(end), y)
            plot.addItem(label)
        plot.getAxis("left").setTicks([[(y, self._name(k)) for y, k in zip(ys, keys)]])
        plot.setYRange(-0.6, max(len(keys) - 0.4, 0.6), padding=0)
        plot.setXRange(0, float(left.max()) * 1.1 if len(keys) else 1.0, padding=0)
        self._label(plot, "bottom", "Crises (all games together)")


class GapChart(_Chart):
    """The bluff gap per seat over the quarters: mean line and 10–90% band (small multiples)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("<b>Bluff gap over time</b> (perceived − real deterrence, index points; above 0 "
                         "the seat looks stronger than it is). Line: mean over the games; band: 10–90% of "
                         "the games.", parent)
        self.plots = {s: self._plot(i // 2, i % 2) for i, s in enumerate(SEATS)}
        first = self.plots[SEATS[0]]
        for seat in SEATS[1:]:
            self.plots[seat].setXLink(first)
            self.plots[seat].setYLink(first)
        self.series: dict[str, dict[str, np.ndarray]] = {}

    def set_data(self, gap: dict[str, Any], quarter_of: Callable[[int], str] | None = None,
                 start_turn: int | None = None) -> None:
        """Draw ``aggregates["bluff_gap"]``; ``start_turn`` marks where the continuations begin."""
        turns = np.array(gap.get("turns", []), dtype=float)
        self.series = {}
        lows, highs = [0.0], [0.0]
        for i, seat in enumerate(SEATS):
            plot = self.plots[seat]
            plot.clear()
            rows = gap.get(seat, {})
            arr = {k: np.array([np.nan if v is None else v for v in rows.get(k, [])], dtype=float)
                   for k in ("mean", "q10", "q50", "q90")}
            self.series[seat] = {"turns": turns, **arr}
            colour = SEAT_COLORS[seat]
            last = f"at the end {arr['mean'][-1]:+.1f} [{arr['q10'][-1]:+.1f}, {arr['q90'][-1]:+.1f}]" \
                if len(turns) else ""
            plot.setTitle(seat_title(seat, last), size=_pt(9.5))
            plot.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(NEUTRAL["muted"], width=1,
                                                                      style=Qt.PenStyle.DashLine)))
            if len(turns):
                lo = pg.PlotDataItem(turns, arr["q10"], pen=pg.mkPen(_rgba(colour, 110), width=1))
                hi = pg.PlotDataItem(turns, arr["q90"], pen=pg.mkPen(_rgba(colour, 110), width=1))
                plot.addItem(pg.FillBetweenItem(lo, hi, brush=_rgba(colour, 55)))
                plot.addItem(lo)
                plot.addItem(hi)
                plot.addItem(pg.PlotDataItem(turns, arr["mean"], pen=pg.mkPen(colour, width=2.5),
                                             symbol="o", symbolSize=4, symbolBrush=colour, symbolPen=None))
                lows.append(float(np.nanmin(arr["q10"])))
                highs.append(float(np.nanmax(arr["q90"])))
            if start_turn is not None and start_turn > 1:
                mark = pg.InfiniteLine(pos=start_turn - 1, angle=90, label="what-if starts",
                                       labelOpts={"position": 0.94, "color": NEUTRAL["muted"], "fill": (255, 255, 255, 225),
                                                  "anchors": [(0, 0.5), (0, 0.5)]},
                                       pen=pg.mkPen(NEUTRAL["hub"], width=1.2, style=Qt.PenStyle.DotLine))
                plot.addItem(mark)
            if len(turns):
                step = max(1, math.ceil(len(turns) / 5))
                name = quarter_of or (lambda t: f"turn {t}")
                ticks = [(float(t), "start" if t == 0 else name(int(t))) for t in turns[::step]]
                plot.getAxis("bottom").setTicks([ticks, [(float(t), "") for t in turns]])
            if i % 2 == 0:
                self._label(plot, "left", "Gap")
        if len(turns):
            first = self.plots[SEATS[0]]
            span = max(1.0, float(turns[-1] - turns[0]))
            first.setXRange(float(turns[0]) - 0.03 * span, float(turns[-1]) + 0.07 * span, padding=0)
            pad = max(0.5, (max(highs) - min(lows)) * 0.08)
            first.setYRange(min(lows) - pad, max(highs) + pad, padding=0)
