"""Two saves side by side (e.g. a game and its branch): indicators overlaid, decisions that differ.

The numbers come from :func:`wargame.compare.compare_records`; this module only draws them: one
pyqtgraph plot with both games' histories (A solid, B dashed, a line at the branch point), the
decisions after the branch point grouped by quarter and seat, and the final scores and
indicators with their differences.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QPen
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
                               QPushButton, QSplitter, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from ui.indicators_view import SYMBOLS, SeriesLegend, labels_for_turn
from ui.screen_fit import fit_to_screen
from ui.theme import NEUTRAL, SEAT_COLORS, SEAT_LABELS, THREAT_RED, scaled_font
from wargame.compare import INDICATOR_LABELS, Comparison, compare_records
from wargame.storage import GameRecord, SaveError
from wargame.types import SEAT_NAMES, SEATS

METRICS: dict[str, str] = {"score": "Score", "real": "Real deterrence", "perceived": "Perceived deterrence",
                           "gap": "Bluff gap (perceived − real)", "credibility": "Credibility",
                           "standing": "Standing with Washington", "stress": "Economic stress", "debt": "Debt ($bn)"}
"""Metrics that can be overlaid (all public, so no seat's private line is drawn)."""
LOWER_IS_BETTER = frozenset({"gap", "stress", "debt"})
"""Indicators whose rise is shown in red."""
CSS = ("body{font-size:11pt;} h3{margin:14px 0 4px 0;} table{border-collapse:collapse;width:100%;}"
       "td,th{border-bottom:1px solid #E3E6EA;padding:4px 8px;vertical-align:top;text-align:left;}"
       "th{background:#F1F3F6;} .muted{color:#5C636E;} .num{text-align:right;}")


class OverlayPlot(QWidget):
    """One metric of both games on the same axes: A solid with markers, B dashed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metric_box = QComboBox()
        for key, title in METRICS.items():
            self.metric_box.addItem(title, key)
        self.seat = QComboBox()
        self.seat.addItem("All seats", None)
        for s in SEATS:
            self.seat.addItem(SEAT_LABELS[s], s)
        bar = QHBoxLayout()
        for text, box in (("Show", self.metric_box), ("Seat", self.seat)):
            label = QLabel(text)
            label.setFont(scaled_font(10.5, True))
            bar.addWidget(label)
            bar.addWidget(box)
            bar.addSpacing(10)
        self.key_label = QLabel()
        self.key_label.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.key_label, 1)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom"):
            ax = self.plot.getAxis(side)
            ax.setTickFont(scaled_font(10))
            ax.setPen(pg.mkPen(NEUTRAL["border"]))
            ax.setTextPen(pg.mkPen(NEUTRAL["text"]))
        self.legend = SeriesLegend()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(bar)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.plot_widget, 1)
        row.addWidget(self.legend)
        lay.addLayout(row, 1)
        self._cmp: Comparison | None = None
        self._curves: dict[str, pg.PlotDataItem] = {}
        self.metric_box.currentIndexChanged.connect(lambda _i: self.render())
        self.seat.currentIndexChanged.connect(lambda _i: self.render())

    def set_comparison(self, cmp: Comparison) -> None:
        """Draw ``cmp``'s two histories."""
        self._cmp = cmp
        self.key_label.setText(f"<span style='color:{NEUTRAL['muted']}'>A solid with markers · B dashed</span>")
        self.render()

    def curves(self) -> dict[str, pg.PlotDataItem]:
        """The curves drawn, by ``"a:seat"`` / ``"b:seat"``."""
        return dict(self._curves)

    def render(self) -> None:
        """Redraw for the chosen metric and seat."""
        cmp = self._cmp
        if cmp is None:
            return
        metric, only = self.metric_box.currentData(), self.seat.currentData()
        self.plot.clear()
        self._curves = {}
        rows: list[tuple[QPen | None, str, str | None, QColor | None]] = []
        for seat in SEATS if only is None else (only,):
            colour = SEAT_COLORS[seat]
            for game, history in (("a", cmp.history_a), ("b", cmp.history_b)):
                xs = np.array([float(r["turn"]) for r in history])
                ys = np.array([self._value(r, seat, metric) for r in history])
                solid = game == "a"
                pen = pg.mkPen(colour, width=3 if solid else 2.6,
                               style=Qt.PenStyle.SolidLine if solid else Qt.PenStyle.DashLine)
                item = self.plot.plot(xs, ys, pen=pen, symbol=SYMBOLS[seat] if solid else None, symbolSize=7,
                                      symbolBrush=colour, symbolPen=pg.mkPen("w"))
                self._curves[f"{game}:{seat}"] = item
                if solid or only:
                    rows.append((QPen(pen), SEAT_LABELS[seat] + (f" ({game.upper()})" if only else ""),
                                 SYMBOLS[seat] if solid else None, QColor(colour)))
        grey = NEUTRAL["muted"]
        rows += [(QPen(pg.mkPen(grey, width=3)), "A: solid", None, None),
                 (QPen(pg.mkPen(grey, width=2.6, style=Qt.PenStyle.DashLine)), "B: dashed", None, None),
                 (QPen(pg.mkPen(grey, width=2, style=Qt.PenStyle.DotLine)), "branch point", None, None)]
        self.legend.set_rows(rows)
        line = pg.InfiniteLine(pos=float(cmp.branch_turn), angle=90, movable=False,
                               pen=pg.mkPen(NEUTRAL["muted"], width=2, style=Qt.PenStyle.DotLine),
                               label=f"branch point: {cmp.branch_quarter}",
                               labelOpts={"position": 0.96, "color": NEUTRAL["text"], "fill": (255, 255, 255, 220)})
        self.plot.addItem(line)
        n = len(cmp.quarter_names)
        self.plot.setXRange(-0.3, n + 0.3, padding=0)
        self.plot.setLabel("left", METRICS[metric], **{"font-size": f"{scaled_font(10.5).pointSizeF():.0f}pt"})
        self.plot.setLabel("bottom", "Quarter", **{"font-size": f"{scaled_font(10.5).pointSizeF():.0f}pt"})
        step = 1 if n <= 8 else 2
        ticks = [(t, labels_for_turn(cmp.history_a, cmp.quarter_names, t)) for t in range(0, n + 1, step)]
        self.plot.getAxis("bottom").setTicks([ticks, [(t, "") for t in range(n + 1)]])

    @staticmethod
    def _value(row: dict, seat: str, metric: str) -> float:
        value = row["seats"].get(seat, {}).get(metric)
        if value is None:
            return float("nan")
        return float(value) / 1000.0 if metric == "debt" else float(value)


def decisions_html(cmp: Comparison, include_routine: bool = False) -> str:
    """The decisions after the branch point, by quarter and seat, as an HTML table."""
    parts = [f"<style>{CSS}</style>"]
    if not cmp.same_start:
        parts.append(f"<p style='color:{THREAT_RED}'><b>These games start differently</b> (scenario or seed): "
                     "every decision differs.</p>")
    rows = 0
    for q in cmp.quarters:
        body = []
        for sd in q.seats:
            a = [d for d in sd.a if include_routine or not d.routine]
            b = [d for d in sd.b if include_routine or not d.routine]
            if not a and not b:
                continue
            colour = SEAT_COLORS.get(sd.seat, NEUTRAL["text"])
            cell = lambda ds: "<br>".join(f"<span class='muted'>#{d.index}</span> {escape(d.text)}" for d in ds) \
                or "<span class='muted'>—</span>"  # noqa: E731
            body.append(f"<tr><td nowrap style='color:{colour}'><b>{escape(SEAT_NAMES.get(sd.seat, sd.seat.title()))}</b>"
                        f"</td><td>{cell(a)}</td><td>{cell(b)}</td></tr>")
        if body:
            rows += len(body)
            parts.append(f"<h3>{q.quarter}</h3><table width='100%' cellspacing='0'><tr><th width='118'>Seat</th><th>Game A</th>"
                         f"<th>Game B</th></tr>{''.join(body)}</table>")
    if not rows:
        parts.append("<p class='muted'>No decisions after the branch point: the games are the same so far.</p>")
    return "".join(parts)


def scores_html(cmp: Comparison) -> str:
    """Final scores and indicators of both games, with B − A."""
    head = "<tr><th>Seat</th><th>Indicator</th><th class='num'>Game A</th><th class='num'>Game B</th>" \
           "<th class='num'>B − A</th></tr>"
    rows = []
    for seat in SEATS:
        colour = SEAT_COLORS[seat]
        for i, key in enumerate(INDICATOR_LABELS):
            d = cmp.indicator(seat, key)
            money = key in ("budget", "debt")
            fmt = (lambda v: "private" if v is None else f"{v:,.0f}") if money else \
                (lambda v: "—" if v is None else f"{v:.1f}")
            delta = d.delta
            better = delta is not None and (delta < 0 if key in LOWER_IS_BETTER else delta > 0)
            tint = "" if not delta else f" style='color:{'#1B6E3C' if better else THREAT_RED}'"
            name = f"<b style='color:{colour}'>{SEAT_NAMES[seat]}</b>" if i == 0 else ""
            weight = "<b>" if key == "score" else ""
            rows.append(f"<tr><td>{name}</td><td>{weight}{INDICATOR_LABELS[key]}</td><td class='num'>{fmt(d.a)}</td>"
                        f"<td class='num'>{fmt(d.b)}</td><td class='num'{tint}>"
                        f"{'' if delta is None else '0' if not delta else f'{delta:+,.0f}' if money else f'{delta:+.1f}'}</td></tr>")
    return f"<style>{CSS}</style><table width='100%' cellspacing='0'>{head}{''.join(rows)}</table>"


class CompareWindow(QMainWindow):
    """Pick two saves and compare them."""

    def __init__(self, a: str | Path | None = None, b: str | Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare two games")
        self.paths: list[Path | None] = [None, None]
        self.comparison: Comparison | None = None
        self.pickers: list[QPushButton] = []
        top = QHBoxLayout()
        for slot in (0, 1):
            button = QPushButton(f"Choose game {'AB'[slot]}…")
            button.clicked.connect(lambda _=False, s=slot: self.choose(s))
            top.addWidget(button)
            self.pickers.append(button)
        swap = QPushButton("Swap A ⇄ B")
        swap.clicked.connect(self.swap)
        top.addWidget(swap)
        top.addStretch(1)
        close = QPushButton("Close")
        close.setToolTip("Close the comparison (Ctrl+W)")
        close.setShortcut(QKeySequence("Ctrl+W"))
        close.clicked.connect(self.close)
        top.addWidget(close)
        self.header = QLabel("Choose two saved games (e.g. a game and a branch of it).")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setFont(scaled_font(11.5))
        self.header.setStyleSheet(f"background:white; border:1px solid {NEUTRAL['border']}; padding:8px 12px;")
        self.overlay = OverlayPlot()
        self.decisions = QTextBrowser()
        self.routine = QCheckBox("Show phase ends")
        self.routine.toggled.connect(lambda _c: self._fill_text())
        dec = QWidget()
        dl = QVBoxLayout(dec)
        dl.setContentsMargins(0, 4, 0, 0)
        dl.addWidget(self.routine)
        dl.addWidget(self.decisions, 1)
        self.scores = QTextBrowser()
        self.tabs = QTabWidget()
        self.tabs.addTab(dec, "Decisions that differ")
        self.tabs.addTab(self.scores, "Final scores and indicators")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.overlay)
        split.addWidget(self.tabs)
        split.setSizes([880, 720])
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addLayout(top)
        lay.addWidget(self.header)
        lay.addWidget(split, 1)
        self.setCentralWidget(body)
        fit_to_screen(self, QSize(1600, 900))
        if a is not None or b is not None:
            self.set_paths(a, b)

    def set_paths(self, a: str | Path | None, b: str | Path | None) -> bool:
        """Compare the saves at ``a`` and ``b`` (either may be None: not chosen yet)."""
        self.paths = [Path(a) if a else None, Path(b) if b else None]
        for slot, path in enumerate(self.paths):
            self.pickers[slot].setText(f"{'AB'[slot]}: {path.name}" if path else f"Choose game {'AB'[slot]}…")
        if None in self.paths:
            return False
        try:
            with GameRecord.open(self.paths[0], readonly=True) as ra, GameRecord.open(self.paths[1], readonly=True) as rb:
                self.comparison = compare_records(ra, rb)
        except SaveError as err:
            QMessageBox.warning(self, "Cannot compare", str(err))
            return False
        self._fill()
        return True

    def choose(self, slot: int) -> None:
        """Ask for the save of game A (0) or B (1)."""
        from wargame.storage import default_saves_dir
        start = str(self.paths[slot] or self.paths[1 - slot] or default_saves_dir())
        path, _ = QFileDialog.getOpenFileName(self, f"Choose game {'AB'[slot]}", start, "Saved games (*.wargame)")
        if path:
            paths = list(self.paths)
            paths[slot] = Path(path)
            self.set_paths(*paths)

    def swap(self) -> None:
        """Exchange A and B."""
        self.set_paths(self.paths[1], self.paths[0])

    def _fill(self) -> None:
        cmp = self.comparison
        assert cmp is not None
        recorded = "" if cmp.recorded_branch is None else f" (the save records a branch at #{cmp.recorded_branch})"
        self.header.setText(
            f"<b>A</b>: {escape(cmp.a_title)} — {cmp.a_actions} actions, {cmp.a_end}<br>"
            f"<b>B</b>: {escape(cmp.b_title)} — {cmp.b_actions} actions, {cmp.b_end}<br>"
            f"<b>Branch point: #{cmp.common}</b> — {cmp.common} shared actions, parting in {cmp.branch_quarter} "
            f"({cmp.branch_phase}){recorded}. Decisions after it: A {len(cmp.differing()[0])}, "
            f"B {len(cmp.differing()[1])}.")
        self.setWindowTitle(f"Compare — {cmp.a_title} vs {cmp.b_title}")
        self.overlay.set_comparison(cmp)
        self._fill_text()

    def _fill_text(self) -> None:
        if self.comparison is None:
            return
        self.decisions.setHtml(decisions_html(self.comparison, self.routine.isChecked()))
        self.scores.setHtml(scores_html(self.comparison))
