"""Indicator charts over the quarters: budget, real vs perceived deterrence, credibility, scores.

:class:`IndicatorsView` is a pure view over ``game.state.history`` rows (see docs/engine-api.md).
It keeps its pyqtgraph items and only calls ``setData`` on an update, so a refresh costs a few ms.
Crises are marked on the time axis (red for damaging ones). Values a viewer may not see
(other seats' budgets) are shown as "private", never drawn.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import COMPONENT_COLORS, NEUTRAL, OUTCOME_COLORS, SEAT_COLORS, SEAT_LABELS, scaled_font

if TYPE_CHECKING:
    from wargame import Game

SEAT_ORDER = ("ankara", "riyadh", "islamabad", "washington")
SYMBOLS = {"ankara": "o", "riyadh": "s", "islamabad": "t", "washington": "d"}
"""A marker shape per seat, so seats differ by more than colour."""

METRICS: dict[str, tuple[str, str, tuple[float, float] | None]] = {
    "deterrence": ("Real vs perceived deterrence", "Deterrence index (0–100)", (0, 100)),
    "gap": ("Bluff gap (perceived − real)", "Index points", None),
    "budget": ("Budget", "Budget ($bn)", None),
    "credibility": ("Credibility", "Credibility (0–100)", (0, 100)),
    "score": ("Score", "Score (0–100)", (0, 100)),
    "components": ("Score components", "Component value (0–100)", (0, 100)),
    "stress": ("Economic stress", "Stress (0–100)", (0, 100)),
    "standing": ("Standing with Washington", "Standing (0–100)", (0, 100)),
}
"""Metric key → (menu title, y-axis label, fixed y range or None)."""
PRIVATE_KEYS = ("budget", "reserves", "spent")
ESTIMATED_METRICS = ("deterrence", "gap", "score", "components")
"""Metrics that, for another seat than the viewer, are the viewer's estimate (see docs/information.md)."""
SHORT_COMPONENTS = {"nato": "NATO standing", "hhi": "Diversity", "contained": "Crises contained",
                    "anchor": "Turkey anchored"}
"""Short names of score components for the small multiples (others: the key, capitalised)."""


def labels_for_turn(history: list[dict[str, Any]], quarters: list[str], turn: int) -> str:
    """The quarter name of ``turn`` ("start" for turn 0)."""
    if turn <= 0:
        return "start"
    if 0 < turn <= len(quarters):
        return quarters[turn - 1]
    for row in history:
        if row.get("turn") == turn:
            return str(row.get("quarter", turn))
    return str(turn)


def _symbol(p: QPainter, symbol: str, c: QPointF, r: float) -> None:
    """Draw a pyqtgraph-like marker (o, s, t, d) centred on ``c``."""
    if symbol == "s":
        p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
    elif symbol in ("t", "d"):
        pts = ([(0, r * 1.2), (-r * 1.1, -r * 0.8), (r * 1.1, -r * 0.8)] if symbol == "t" else
               [(0, -r * 1.3), (r * 1.1, 0), (0, r * 1.3), (-r * 1.1, 0)])
        p.drawPolygon(QPolygonF([QPointF(c.x() + x, c.y() + y) for x, y in pts]))
    else:
        p.drawEllipse(c, r, r)


class SeriesLegend(QWidget):
    """A plain Qt legend (line sample + label): one column beside the plot, or, when
    :attr:`flow` is set (narrow views), rows that wrap below the plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[QPen | None, str, str | None, QColor | None]] = []
        self.flow = False

    def set_rows(self, rows: list[tuple[QPen | None, str, str | None, QColor | None]]) -> None:
        """Rows of (pen or None for a shaded swatch, label, symbol, fill colour)."""
        self._rows = rows
        self._fit()
        self.update()

    def set_flow(self, flow: bool) -> None:
        """Beside the plot (False) or wrapped below it (True)."""
        self.flow = flow
        self._fit()

    def labels(self) -> list[str]:
        """The legend's labels, in order."""
        return [r[1] for r in self._rows]

    def _cells(self, width: float) -> list[tuple[float, float, int]]:
        fm = QFontMetricsF(scaled_font(10))
        h = fm.height() + 8
        cells, x, y = [], 4.0, 4.0
        for i, row in enumerate(self._rows):
            w = fm.horizontalAdvance(row[1]) + 62
            if self.flow:
                if x + w > width and x > 4:
                    x, y = 4.0, y + h
                cells.append((x, y, i))
                x += w
            else:
                cells.append((4.0, 10 + i * h, i))
        return cells

    def _fit(self) -> None:
        fm = QFontMetricsF(scaled_font(10))
        if self.flow:
            self.setMinimumWidth(0)
            self.setMaximumWidth(16777215)
            cells = self._cells(max(100, self.width()))
            self.setFixedHeight(int((cells[-1][1] if cells else 0) + fm.height() + 14))
        else:
            self.setMinimumHeight(0)
            self.setMaximumHeight(16777215)
            self.setFixedWidth(int(max((fm.horizontalAdvance(r[1]) for r in self._rows), default=80) + 66))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.flow:
            self._fit()

    def paintEvent(self, event) -> None:  # noqa: ANN001
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        font = scaled_font(10)
        p.setFont(font)
        h = QFontMetricsF(font).height() + 8
        for x, y, i in self._cells(self.width()):
            pen, label, symbol, fill = self._rows[i]
            mid = y + h / 2
            if pen is None:
                p.fillRect(QRectF(x + 4, mid - 6, 34, 12), fill or QColor(200, 200, 200))
            else:
                p.setPen(pen)
                p.drawLine(QPointF(x + 4, mid), QPointF(x + 38, mid))
                if symbol and fill is not None:
                    p.setPen(QPen(QColor("#FFFFFF"), 1))
                    p.setBrush(fill)
                    _symbol(p, symbol, QPointF(x + 21, mid), 4.5)
            p.setPen(QColor(NEUTRAL["text"]))
            p.drawText(QRectF(x + 46, y, QFontMetricsF(font).horizontalAdvance(label) + 8, h),
                       int(Qt.AlignmentFlag.AlignVCenter), label)
        p.end()


def _pen(color: str, width: float = 2.5, dash: bool = False) -> QColor | Any:
    return pg.mkPen(color=color, width=width, style=Qt.PenStyle.DashLine if dash else Qt.PenStyle.SolidLine)


class IndicatorsView(QWidget):
    """Time series of the headline indicators, per seat or for all seats, with crisis markers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: list[dict[str, Any]] = []
        self.component_labels: dict[str, str] = {}
        """Full labels of score components by key (filled by :meth:`set_game`)."""
        self._quarters: list[str] = []
        self._crises: list[dict[str, Any]] = []
        self._viewer: str | None = None
        self._layout_key: tuple[str, ...] = ()
        self._plots: list[pg.PlotItem] = []
        self._legends: list[pg.LegendItem] = []
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._styles: dict[str, tuple[Any, ...]] = {}
        self._fills: dict[str, pg.FillBetweenItem] = {}
        self._markers: list[list[pg.InfiniteLine]] = []
        self.seat_box = QComboBox()
        self.seat_box.addItem("All seats", None)
        for seat in SEAT_ORDER:
            self.seat_box.addItem(SEAT_LABELS[seat], seat)
        self.metric_box = QComboBox()
        for key, (title, _, _) in METRICS.items():
            self.metric_box.addItem(title, key)
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {NEUTRAL['muted']};")
        bar = QHBoxLayout()
        for text, box in (("Seat", self.seat_box), ("Show", self.metric_box)):
            label = QLabel(text)
            label.setFont(scaled_font(10.5, True))
            box.setFont(scaled_font(10.5))
            bar.addWidget(label)
            bar.addWidget(box)
            bar.addSpacing(12)
        bar.addWidget(self.note, 1)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.graphics.setAntialiasing(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(bar)
        self.legend = SeriesLegend()
        body = self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(0)
        body.addWidget(self.graphics, 1)
        body.addWidget(self.legend)
        lay.addLayout(body, 1)
        self.crisis_list = QLabel()
        self.crisis_list.setWordWrap(True)
        self.crisis_list.setTextFormat(Qt.TextFormat.RichText)
        self.crisis_list.setFont(scaled_font(9.5))
        lay.addWidget(self.crisis_list)
        self.seat_box.currentIndexChanged.connect(lambda _i: self._render())
        self.metric_box.currentIndexChanged.connect(lambda _i: self._render())
        self.setMinimumSize(340, 260)

    # -- public API ------------------------------------------------------------------------
    def set_history(self, history: list[dict], viewer: str | None = None, quarters: list[str] | None = None,
                    crises: list[dict] | None = None) -> None:
        """Show ``history`` (``game.state.history`` rows) as ``viewer`` may see it.

        ``quarters`` names turns 1..N of the whole game (fixes the time axis); ``crises`` are dicts
        with ``turn``, ``title`` and ``outcome`` (default: the ``crisis`` entries of the rows).
        """
        self._history, self._viewer = history, viewer
        self._quarters = list(quarters) if quarters else []
        if crises is None:
            crises = [{**row["crisis"], "turn": row["turn"]} for row in history if row.get("crisis")]
        self._crises = list(crises)
        self._render()

    def set_game(self, game: "Game", viewer: str | None = None) -> None:
        """Convenience: the game's history, its quarters and its crises."""
        turns = game.scenario.meta.turns
        self.component_labels = {c.key: c.label for sc in game.scores().values() for c in sc.components}
        crises = [{"turn": c.turn, "title": c.title, "outcome": c.ruling or c.outcome, "target": c.target}
                  for c in game.state.crises]
        current = game.state.crisis
        if current is not None:  # drawn or injected, not yet resolved: "under way"
            crises.append({"turn": current.turn, "title": current.title, "outcome": "", "target": current.target})
        # the viewer's own history: each row computed from what it knew then (its SeatView)
        history = game.view(viewer)["history"]
        self.set_history(history, viewer, [game.quarter_of(t) for t in range(1, turns + 1)], crises)

    def set_seat(self, seat: str | None) -> None:
        """Show one seat (or None: all seats)."""
        self.seat_box.setCurrentIndex(max(0, self.seat_box.findData(seat)))

    def set_metric(self, metric: str) -> None:
        """Show one metric (a key of :data:`METRICS`)."""
        self.metric_box.setCurrentIndex(max(0, self.metric_box.findData(metric)))

    def curves(self) -> dict[str, pg.PlotDataItem]:
        """The data curves now shown, by key (``seat`` or ``seat:series``)."""
        return {k: c for k, c in self._curves.items() if c.isVisible()}

    def crisis_markers(self) -> list[pg.InfiniteLine]:
        """The crisis markers of the first plot, in turn order."""
        return list(self._markers[0]) if self._markers else []

    def plots(self) -> list[pg.PlotItem]:
        """The plot items (one, or four small multiples)."""
        return list(self._plots)

    # -- rendering -------------------------------------------------------------------------
    def _value(self, row: dict[str, Any], seat: str, key: str) -> float:
        s = row["seats"].get(seat, {})
        if key in PRIVATE_KEYS and self._viewer not in (None, "facilitator", seat):
            return math.nan
        if key.startswith("c:"):
            v = s.get("components", {}).get(key[2:])
        else:
            v = s.get(key)
        if v is None:
            return math.nan
        return float(v) / 1000.0 if key == "budget" else float(v)

    def _series(self, seat: str | None, metric: str) -> list[tuple[int, str, str, str, np.ndarray, Any, str | None]]:
        """(plot, key, legend name, seat/colour, values, pen, symbol) for every curve to draw."""
        out: list[tuple[int, str, str, str, np.ndarray, Any, str | None]] = []
        hist = self._history
        seats = SEAT_ORDER if seat is None else (seat,)
        for i, s in enumerate(seats):
            col = SEAT_COLORS[s]
            est = self._estimate_mark(s, metric)
            plot = i if (metric == "components" and seat is None) else 0
            if metric == "deterrence":
                real = np.array([self._value(r, s, "real") for r in hist])
                perc = np.array([self._value(r, s, "perceived") for r in hist])
                out.append((plot, f"{s}:real", (f"{SEAT_LABELS[s]} real" if seat else SEAT_LABELS[s]) + est, col, real,
                            _pen(col, 3), SYMBOLS[s]))
                out.append((plot, f"{s}:perceived", f"{SEAT_LABELS[s]} perceived" if seat else "", col, perc,
                            _pen(col, 2, dash=True), None))
            elif metric == "components":
                keys = list(hist[-1]["seats"].get(s, {}).get("components", {})) if hist else []
                for j, ck in enumerate(keys):
                    c = COMPONENT_COLORS[j % len(COMPONENT_COLORS)]
                    label = (self.component_labels.get(ck) if seat else None) or SHORT_COMPONENTS.get(ck, ck.capitalize())
                    out.append((plot, f"{s}:c:{ck}", label, c,
                                np.array([self._value(r, s, f"c:{ck}") for r in hist]), _pen(c, 2.2), "o"))
                out.append((plot, f"{s}:score", "Score" + est, col, np.array([self._value(r, s, "score") for r in hist]),
                            _pen(col, 3.5), SYMBOLS[s]))
            else:
                vals = np.array([self._value(r, s, metric) for r in hist])
                name = SEAT_LABELS[s] + (" (private)" if vals.size and np.isnan(vals).all() else est)
                out.append((plot, s, name, col, vals, _pen(col, 3), SYMBOLS[s]))
        return out

    def _estimate_mark(self, seat: str, metric: str) -> str:
        """" (est.)" when the figure about ``seat`` is the viewer's estimate (another seat's
        deterrence, gap, score: computed without that seat's secrets)."""
        if self._viewer in (None, "facilitator", seat) or metric not in ESTIMATED_METRICS:
            return ""
        return " " + self.tr("(est.)")

    def _build_plots(self, count: int, seat: str | None) -> None:
        self.graphics.clear()
        self._plots, self._legends, self._markers = [], [], []
        self._curves.clear()
        self._styles.clear()
        self._fills.clear()
        small = count > 1
        for i in range(count):
            axis = pg.AxisItem("bottom")
            plot = pg.PlotItem(axisItems={"bottom": axis})
            plot.showGrid(x=False, y=True, alpha=0.15)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getViewBox().setMouseEnabled(x=False, y=False)
            font = scaled_font(9 if small else 10)
            for side in ("left", "bottom"):
                ax = plot.getAxis(side)
                ax.setTickFont(font)
                ax.setPen(pg.mkPen(NEUTRAL["border"]))
                ax.setTextPen(pg.mkPen(NEUTRAL["text"]))
            if small:
                s = SEAT_ORDER[i]
                plot.setTitle(f"<span style='color:{SEAT_COLORS[s]}; font-weight:bold'>{SEAT_LABELS[s]}</span>",
                              size=f"{10 * font.pointSizeF() / 9:.0f}pt")
            self.graphics.addItem(plot, row=2 * (i // 2), col=i % 2)
            legend = pg.LegendItem(brush=None, pen=None, labelTextColor=NEUTRAL["text"],
                                   labelTextSize=f"{font.pointSizeF():.0f}pt", verSpacing=-8, colCount=3)
            if small:
                self.graphics.addItem(legend, row=2 * (i // 2) + 1, col=i % 2)
            legend.setVisible(small)
            self._plots.append(plot)
            self._legends.append(legend)
            self._markers.append([])

    def _render(self) -> None:
        seat = self.seat_box.currentData()
        metric = self.metric_box.currentData() or "deterrence"
        count = 4 if (metric == "components" and seat is None) else 1
        key = (str(seat), metric, str(count))
        if key != self._layout_key:
            self._build_plots(count, seat)
            self._layout_key = key
        title, ylabel, yrange = METRICS[metric]
        n = len(self._quarters) if self._quarters else (self._history[-1]["turn"] if self._history else 1)
        xs = np.array([float(r["turn"]) for r in self._history])
        wanted = self._series(seat, metric)
        names: list[list[tuple[pg.PlotDataItem, str, str, str | None]]] = [[] for _ in self._plots]
        for plot_i, k, name, col, vals, pen, symbol in wanted:
            item = self._curves.get(k)
            if item is None:
                item = pg.PlotDataItem(antialias=True, connect="finite")
                self._plots[plot_i].addItem(item)
                self._curves[k] = item
            style = (k, pen.color().name(), pen.widthF(), int(pen.style().value), symbol, col)
            finite = np.isfinite(vals)
            x_data, y_data = (xs, vals) if finite.any() else ([], [])
            if self._styles.get(k) != style:
                self._styles[k] = style
                if symbol is None:
                    item.setData(x_data, y_data, pen=pen, symbol=None)
                else:
                    item.setData(x_data, y_data, pen=pen, symbol=symbol, symbolSize=7, symbolBrush=col,
                                 symbolPen=pg.mkPen("w", width=1))
            else:
                item.setData(x_data, y_data)
            item.setVisible(True)
            if name:
                names[plot_i].append((item, name, col, symbol))
        seen = {w[1] for w in wanted}
        for k, item in self._curves.items():
            if k not in seen:
                item.setVisible(False)
        if metric == "deterrence":
            for s in (SEAT_ORDER if seat is None else (seat,)):
                if f"{s}:real" in self._curves and s not in self._fills:
                    c = QColor(SEAT_COLORS[s])
                    c.setAlpha(45 if seat is None else 70)
                    fill = pg.FillBetweenItem(self._curves[f"{s}:real"], self._curves[f"{s}:perceived"], brush=c)
                    self._plots[0].addItem(fill)
                    self._fills[s] = fill
        small = len(self._plots) > 1
        self.legend.setVisible(not small)
        if not small:
            rows = [(QPen(it.opts["pen"]), nm, sym, QColor(col)) for it, nm, col, sym in names[0]]
            if metric == "deterrence" and seat is None:
                rows.append((_pen(NEUTRAL["muted"], 3), "real (solid)", None, None))
                rows.append((_pen(NEUTRAL["muted"], 2, dash=True), "perceived (dashed)", None, None))
            if metric == "deterrence":
                rows.append((None, "bluff gap (shaded)", None, QColor(120, 120, 120, 80)))
            self.legend.set_rows(rows)
        lo, hi = self._y_range(wanted, metric, yrange)
        for plot_i, (plot, legend) in enumerate(zip(self._plots, self._legends)):
            legend.clear()
            if small:
                for item, name, _col, _sym in names[plot_i]:
                    legend.addItem(item, name)
            if plot.getAxis("left").labelText != ylabel:
                plot.setLabel("left", ylabel, **{"font-size": f"{scaled_font(10).pointSizeF():.0f}pt"})
                if len(self._plots) == 1:
                    plot.setLabel("bottom", "Quarter", **{"font-size": f"{scaled_font(10).pointSizeF():.0f}pt"})
            plot.setXRange(-0.5, n + 0.4, padding=0)
            plot.setYRange(lo, hi, padding=0)
            self._update_markers(plot_i, seat if len(self._plots) == 1 else SEAT_ORDER[plot_i], hi)
        self._update_ticks()
        private = [SEAT_LABELS[s] for s in SEAT_ORDER if self._viewer not in (None, "facilitator", s)]
        self.note.setText(f"Budgets of {', '.join(private)} are private." if metric == "budget" and private else "")
        items = []
        for i, c in enumerate(self._crises):
            outcome = c.get("outcome", "") or "under way"
            colour = OUTCOME_COLORS.get(c.get("outcome", "") or "", OUTCOME_COLORS[""])
            when = labels_for_turn(self._history, self._quarters, int(c.get("turn", 0)))
            weight = "bold" if outcome == "damaging" else "normal"
            items.append(f"<span style='color:{colour}; font-weight:{weight}'>[{i + 1}] {when} {c.get('title', 'crisis')}"
                         f" — {outcome}</span>")
        self.crisis_list.setText(("<b>Crises:</b> " + " &nbsp;·&nbsp; ".join(items)) if items else
                                 "<span style='color:#5C636E'>No crisis so far.</span>")

    @staticmethod
    def _y_range(wanted: list, metric: str, bounds: tuple[float, float] | None) -> tuple[float, float]:  # noqa: ANN001
        vals = np.concatenate([w[4] for w in wanted]) if wanted else np.array([])
        vals = vals[np.isfinite(vals)]
        if metric == "gap":
            vals = np.append(vals, 0.0)
        if not vals.size:
            return bounds or (0.0, 1.0)
        lo, hi = float(vals.min()), float(vals.max())
        span = max(hi - lo, 10.0 if bounds else max(abs(hi) * 0.2, 1.0))
        lo, hi = lo - 0.08 * span, hi + 0.16 * span     # head room for the crisis tags
        if bounds:
            lo, hi = max(bounds[0], math.floor(lo / 5) * 5), min(bounds[1] + 5, math.ceil(hi / 5) * 5)
        return lo, hi

    def _update_markers(self, plot_i: int, seat: str | None, top: float) -> None:
        plot = self._plots[plot_i]
        markers = self._markers[plot_i]
        while len(markers) > len(self._crises):
            old = markers.pop()
            plot.removeItem(old.label)
            plot.removeItem(old)
        font = QFont(scaled_font(8.5 if len(self._plots) > 1 else 9.5))
        for i, crisis in enumerate(self._crises):
            outcome = crisis.get("outcome", "") or ""
            colour = OUTCOME_COLORS.get(outcome, OUTCOME_COLORS[""])
            mine = seat is None or crisis.get("target") in (None, seat)
            title = str(crisis.get("title", "crisis"))
            if i < len(markers):
                line = markers[i]
            else:
                line = pg.InfiniteLine(angle=90, movable=False)
                line.label = pg.TextItem("", anchor=(0.5, 0), fill=pg.mkBrush(255, 255, 255, 235))
                line.setZValue(-5)
                line.label.setZValue(-4)
                plot.addItem(line)
                plot.addItem(line.label, ignoreBounds=True)
                markers.append(line)
            line.setPos(float(crisis.get("turn", 0)))
            line.label.setPos(float(crisis.get("turn", 0)), top)
            line.setPen(pg.mkPen(colour, width=2.2 if outcome == "damaging" else 1.5,
                                 style=Qt.PenStyle.SolidLine if outcome == "damaging" else Qt.PenStyle.DashLine))
            line.setOpacity(1.0 if mine else 0.35)
            line.label.setOpacity(1.0 if mine else 0.45)
            line.label.setFont(font)
            line.label.setColor(colour)
            line.label.setText(f"{i + 1}")
            line.label.border = pg.mkPen(colour, width=1.5)
            target = SEAT_LABELS.get(str(crisis.get("target")), "")
            line.setToolTip(f"{title}{' — ' + target if target else ''}: {outcome or 'under way'}")

    def _update_ticks(self) -> None:
        n = len(self._quarters) if self._quarters else (self._history[-1]["turn"] if self._history else 1)
        labels = {t: labels_for_turn(self._history, self._quarters, t) for t in range(0, n + 1)}
        cols = 2 if len(self._plots) > 1 else 1
        width = max(200.0, self.graphics.width() / cols - 80)
        fm = QFontMetricsF(scaled_font(9 if cols > 1 else 10))
        label_w = fm.horizontalAdvance("2026-Q4") + 10
        px_per = width / max(1, n + 1)
        step = 1 if px_per > label_w else 2 if 2 * px_per > label_w else 4
        major = [(t, labels.get(t, "")) for t in range(0, n + 1, step)]
        minor = [(t, "") for t in range(0, n + 1) if t % step]
        for plot in self._plots:
            plot.getAxis("bottom").setTicks([major, minor])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-thin the quarter labels; below 700 px the legend moves under the plot."""
        super().resizeEvent(event)
        narrow = event.size().width() < 700
        if narrow != self.legend.flow:
            self._body.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)
            self.legend.set_flow(narrow)
        if self._plots:
            self._update_ticks()
