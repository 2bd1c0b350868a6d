"""The what-if analysis dialog: many seeded continuations played by computer players.

From the start of the scenario or from the point the game has reached (a private copy, taken
when the dialog opens: the live game is never touched), play N continuations with a computer
style per seat, in a worker thread (and worker processes), with a progress bar and Cancel. Then
show the distributions (:mod:`ui.whatif.charts`) and the decisions that most separated good
outcomes from bad (:mod:`ui.whatif.table`), and save the results as JSON.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QApplication, QButtonGroup, QComboBox, QDialog, QFileDialog, QHBoxLayout,
                               QLabel, QMessageBox, QProgressBar, QPushButton, QRadioButton, QSpinBox,
                               QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget)

from ui import settings
from ui.screen_fit import fit_to_screen
from ui.theme import NEUTRAL, SEAT_COLORS, SEAT_LABELS, THREAT_RED
from ui.whatif.charts import CrisisCountChart, CrisisOutcomeChart, GapChart, PactChart, ScoreChart
from ui.whatif.runner import SimulationRunner
from ui.whatif.table import DecisionTable
from wargame import actions as A
from wargame.bots import STYLES
from wargame.forced import Forced, ForcedComparison
from wargame.rules.game import Game
from wargame.simulate import SimulationResult
from wargame.types import RESPONSES, SEATS

STYLE_TIPS = {"cautious": "few moves, little money and risk behind the seat's motives",
              "balanced": "the default computer player",
              "opportunist": "more moves, more money and risk"}
MAX_GAMES = 100_000


def comparison_html(cmp: ForcedComparison) -> str:
    """The paired comparison as a table: each seat's mean final score without and with the
    decision, the mean paired difference ± its standard error, and how often it did better."""
    head = "".join(f"<th style='padding:4px 14px'>{h}</th>" for h in
                   ("Seat", "Without", "With", "Difference (paired)", "Better in"))
    rows = []
    for seat in SEATS:
        p = cmp.paired[seat]
        colour = NEUTRAL["muted"] if abs(p["difference"]) < 2 * p["se"] else (
            "#1B5E3B" if p["difference"] > 0 else THREAT_RED)
        rows.append(f"<tr><td style='padding:4px 14px;color:{SEAT_COLORS[seat]}'><b>{SEAT_LABELS[seat]}</b></td>"
                    f"<td align='right'>{p['mean_without']:.1f}</td><td align='right'>{p['mean_with']:.1f}</td>"
                    f"<td align='right' style='color:{colour}'><b>{p['difference']:+.1f} ± {p['se']:.1f}</b></td>"
                    f"<td align='right'>{p['better_share']:.0%} of {p['pairs']}</td></tr>")
    o = cmp.outcomes
    outcomes = ", ".join(f"{k} {o['without'][k]:.0%} → {o['with'][k]:.0%}" for k in o["without"])
    return (f"<p><b>{cmp.force.describe()}</b> — taken in {cmp.applied} of {len(cmp.forced.games)} "
            "continuations. Each continuation was played twice on the same seed, without and with the "
            "decision, so the difference is the decision's, not the dice's (grey: within two standard "
            f"errors of zero).</p><table cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>"
            f"<p>Crisis outcomes, without → with: {outcomes}</p>")


def _spin(low: int, high: int, value: int, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(min(max(value, low), high))
    box.setToolTip(tip)
    box.setAccelerated(True)
    return box


def _remembered(key: str, default: int) -> int:
    try:
        return int(settings.get(f"whatif/{key}", default))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


class WhatIfDialog(QDialog):
    """Run a what-if analysis of ``game`` (a copy is taken at once) and show its distributions.

    ``styles`` pre-selects a computer style per seat (e.g. the styles of the game's computer seats).
    """

    def __init__(self, game: Game, parent: QWidget | None = None, *,
                 styles: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What-if analysis")
        self.setObjectName("WhatIfDialog")
        self._snapshot = game.clone()  # the point the game had reached; the live game is never used
        self._scenario = game.scenario
        self.sim_result: SimulationResult | None = None
        self.comparison: ForcedComparison | None = None
        self.runner = SimulationRunner(self)
        self.runner.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.runner.shutdown)
        lay = QVBoxLayout(self)
        lay.setSpacing(6)
        lay.addLayout(self._build_start_row(game))
        lay.addLayout(self._build_style_row(styles or {}))
        lay.addLayout(self._build_force_row())
        lay.addLayout(self._build_run_row())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.summary)
        self.pages = QStackedWidget()
        self.placeholder = QLabel("Choose where to start, how many games and each seat's computer style, "
                                  "then click <b>Run</b>.<br>Every continuation is played to the end by "
                                  "computer players; the charts show what happened across them.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(f"color:{NEUTRAL['muted']}")
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self._build_tabs())
        lay.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        self.save_button = QPushButton("Save results as JSON…")
        self.save_button.setToolTip("Write the whole run (settings, every game, aggregates) to a JSON file")
        self.save_button.clicked.connect(lambda: self.save_json())
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        lay.addLayout(bottom)
        self._set_running(False)
        self._fit_to_screen()

    # ------------------------------------------------------------------ layout
    def _build_start_row(self, game: Game) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>Start from:</b>"))
        self.from_start = QRadioButton(f"the start of the scenario ({game.quarter_of(1)})")
        here = f"this game now (turn {game.turn}, {game.quarter}, {game.phase})"
        self.from_here = QRadioButton(here)
        self.from_here.setToolTip("A copy of the game as it was when this window opened; the game itself "
                                  "is not changed. Computer players see the whole state, secrets included.")
        self.start_group = QButtonGroup(self)
        for button in (self.from_start, self.from_here):
            self.start_group.addButton(button)
            row.addWidget(button)
        if game.over:
            self.from_here.setEnabled(False)
            self.from_here.setToolTip("The game is over: nothing is left to play from here")
            self.from_start.setChecked(True)
        else:
            (self.from_here if game.turn > 1 or game.actions else self.from_start).setChecked(True)
        row.addStretch(1)
        self.games_spin = _spin(1, MAX_GAMES, _remembered("games", 500), "How many continuations to play")
        self.seed_spin = _spin(0, 2**31 - 2, _remembered("seed", 1),
                               "Seed of the run: the same seed gives the same results")
        cpus = os.cpu_count() or 1
        self.workers_spin = _spin(1, cpus, _remembered("workers", cpus),
                                  f"Worker processes (this computer has {cpus} processor cores)")
        self.games_spin.setMinimumWidth(90)
        self.workers_spin.setMinimumWidth(60)
        for text, box in (("Games", self.games_spin), ("Seed", self.seed_spin),
                          ("Worker processes", self.workers_spin)):
            label = QLabel(text)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box)
        return row

    def _build_style_row(self, styles: Mapping[str, str]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>Computer players:</b>"))
        self.style_boxes: dict[str, QComboBox] = {}
        for seat in SEATS:
            label = QLabel(f"<span style='color:{SEAT_COLORS[seat]}'>■</span> {SEAT_LABELS[seat]}")
            box = QComboBox()
            for style in STYLES:
                box.addItem(style, style)
                box.setItemData(box.count() - 1, STYLE_TIPS.get(style, ""), Qt.ItemDataRole.ToolTipRole)
            box.setCurrentIndex(max(0, box.findData(styles.get(seat, "balanced"))))
            box.setToolTip(f"How {SEAT_LABELS[seat]}'s computer player plays every continuation")
            label.setBuddy(box)
            self.style_boxes[seat] = box
            row.addSpacing(8)
            row.addWidget(label)
            row.addWidget(box)
        row.addStretch(1)
        return row

    def _build_force_row(self) -> QHBoxLayout:
        """Force a decision: a seat, one of its actions, and when; compared with and without it."""
        row = QHBoxLayout()
        title = QLabel("<b>Force a decision:</b>")
        title.setToolTip("Play every continuation twice on the same seeds, without and with this action, "
                         "and compare them game by game")
        row.addWidget(title)
        self.force_seat = QComboBox()
        for seat in SEATS:
            self.force_seat.addItem(SEAT_LABELS[seat], seat)
        self.force_action = QComboBox()
        self.force_action.setMinimumContentsLength(42)
        self.force_action.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.force_action.setToolTip("The action every continuation takes (the computer players do the rest)")
        self.force_turn = QComboBox()
        self.force_turn.addItem("at the first chance", None)
        for turn in range(self._snapshot.turn, self._scenario.meta.turns + 1):
            self.force_turn.addItem(f"in turn {turn} ({self._snapshot.quarter_of(turn)})", turn)
        self.force_turn.setToolTip("When: the first moment in that quarter the seat may act and the action is legal")
        for text, box in (("Seat", self.force_seat), ("Action", self.force_action), ("When", self.force_turn)):
            label = QLabel(text)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box, 3 if box is self.force_action else 0)
        self.force_seat.currentIndexChanged.connect(self._fill_force_actions)
        self.from_start.toggled.connect(lambda _=False: self._set_running(self.running))
        self._fill_force_actions()
        row.addStretch(1)
        return row

    def _fill_force_actions(self) -> None:
        seat = str(self.force_seat.currentData())
        box = self.force_action
        box.clear()
        box.addItem("none: just play", None)
        g = self._snapshot
        if not g.over:
            for action in g.legal_actions(seat):
                if action.kind not in ("end_phase", "undo"):
                    box.addItem(Forced(action).describe().split(": ", 1)[1], Forced(action).to_dict())
        for level in RESPONSES:
            force = Forced(A.Respond(seat, "", level))
            box.addItem(f"the first crisis it must answer: a {level} response", force.to_dict())

    def forced(self) -> Forced | None:
        """The decision to force, or None (also None when starting from the scenario's start)."""
        data = self.force_action.currentData()
        if data is None or not (self.from_here.isChecked() and self.from_here.isEnabled()):
            return None
        force = Forced.from_dict(data)
        return Forced(force.action, self.force_turn.currentData())

    def _build_run_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.run_button = QPushButton("Run")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop after the games under way; the charts show the games played")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m games")
        self.progress.setMinimumWidth(220)
        self.status = QLabel("")
        self.status.setMinimumWidth(320)
        for w in (self.run_button, self.cancel_button):
            row.addWidget(w)
        row.addWidget(self.progress, 2)
        row.addWidget(self.status, 3)
        return row

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.score_chart = ScoreChart()
        self.pact_chart = PactChart()
        self.crisis_count_chart = CrisisCountChart()
        self.crisis_chart = CrisisOutcomeChart({c.id: c.title for c in self._scenario.crises})
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.pact_chart)
        left.addWidget(self.crisis_count_chart)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.crisis_chart)
        for splitter, stretches in ((left, (4, 5)), (split, (4, 6))):
            splitter.setChildrenCollapsible(False)
            splitter.setHandleWidth(10)
            for i, stretch in enumerate(stretches):
                splitter.setStretchFactor(i, stretch)
        self.gap_chart = GapChart()
        self.decisions = DecisionTable()
        self.tabs.addTab(self.score_chart, "Scores")
        self.tabs.addTab(split, "Pacts and crises")
        self.tabs.addTab(self.gap_chart, "Bluff gap")
        self.tabs.addTab(self.decisions, "Decisions that separated outcomes")
        self.compare_view = QLabel()
        self.compare_view.setTextFormat(Qt.TextFormat.RichText)
        self.compare_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.compare_view.setWordWrap(True)
        self.compare_view.setMargin(12)
        self.tabs.addTab(self.compare_view, "With and without the decision")
        self.tabs.setTabVisible(self.tabs.count() - 1, False)
        return self.tabs

    def _fit_to_screen(self) -> None:
        fit_to_screen(self, QSize(1500, 920))

    # ------------------------------------------------------------------ running
    @property
    def running(self) -> bool:
        """Whether a run is under way."""
        return self.runner.running

    @property
    def state(self) -> str:
        """``"running"``, ``"cancelling"`` or ``"idle"``."""
        return "cancelling" if self.runner.cancelling else "running" if self.running else "idle"

    def styles(self) -> dict[str, str]:
        """The chosen computer style of every seat."""
        return {seat: str(box.currentData()) for seat, box in self.style_boxes.items()}

    def run(self) -> None:
        """Start a run with the chosen settings (ignored while one is under way)."""
        if self.running:
            return
        games, seed, workers = self.games_spin.value(), self.seed_spin.value(), self.workers_spin.value()
        for key, value in (("games", games), ("seed", seed), ("workers", workers)):
            settings.put(f"whatif/{key}", value)
        here = self.from_here.isChecked() and self.from_here.isEnabled()
        target = self._snapshot.clone() if here else self._scenario  # the worker thread gets its own copy
        self.progress.setRange(0, games)
        self.progress.setValue(0)
        self.status.setText(f"Starting {games} game{'s' * (games != 1)}"
                            + (f" on {workers} worker processes…" if workers > 1 and games > 1 else "…"))
        if self.sim_result is not None and self.sim_result.games and not self.summary.text().startswith("<i>"):
            self.summary.setText("<i>Previous run, shown until this one ends:</i> " + self.summary.text())
        force = self.forced()
        if force is not None:
            self.progress.setRange(0, 2 * games)
            self.status.setText(f"Playing {games} games without and {games} with the decision…")
        self._set_running(True)
        self.runner.start(target, games, seed, workers=workers, styles=self.styles(), force=force)

    def cancel(self) -> None:
        """Stop the run under way; the games already played are kept."""
        if not self.running:
            return
        self.runner.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText("Cancelling: finishing the games under way…")

    def _set_running(self, running: bool) -> None:
        for w in (self.from_start, self.games_spin, self.seed_spin, self.workers_spin,
                  *self.style_boxes.values()):
            w.setEnabled(not running)
        here = self.from_here.isChecked() and not self._snapshot.over
        for w in (self.force_seat, self.force_action, self.force_turn):
            w.setEnabled(not running and here)
            w.setToolTip("" if here else "A decision is forced from this game now: choose that start")
        self.from_here.setEnabled(not running and not self._snapshot.over)
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.save_button.setEnabled(not running and self.sim_result is not None and bool(self.sim_result.games))

    def _on_progress(self, done: int, total: int) -> None:
        if not self.running:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if self.runner.cancelling:
            return
        elapsed = time.perf_counter() - self.runner.started_at
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        self.status.setText(f"{rate:.0f} games/s, about {left:.0f} s left" if done else "")

    def _on_finished(self, result: SimulationResult | ForcedComparison) -> None:
        self.comparison = None
        if isinstance(result, ForcedComparison):
            self.comparison = result
            result = result.forced
        m = result.meta
        if result.games or self.sim_result is None:
            self.sim_result = result
        self._set_running(False)
        self.progress.setMaximum(max(m["requested"], 1))
        self.progress.setValue(m["completed"])
        secs = result.timing.get("seconds", 0.0)
        if not result.games:
            self.status.setText("Cancelled before any game finished: nothing to show"
                                if result.cancelled else "No game was played")
            return
        if result.cancelled:
            self.status.setText(f"<span style='color:{THREAT_RED}'><b>Cancelled</b></span> after "
                                f"{m['completed']} of {m['requested']} games ({secs:.1f} s): partial results")
        else:
            self.status.setText(f"Done: {m['completed']} games in {secs:.1f} s "
                                f"({result.timing.get('games_per_second', 0):.0f} games/s)")
        self.show_result(result)

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.status.setText(f"<span style='color:{THREAT_RED}'>Could not run: {message}</span>")

    # ------------------------------------------------------------------ results
    def show_result(self, result: SimulationResult) -> None:
        """Fill every chart and the table from ``result``."""
        self.sim_result = result
        m, a = result.meta, result.aggregates
        start = (f"this game at turn {m['start_turn']} ({m['start_quarter']}, {m['start_phase']})"
                 if m.get("from_game") else f"the start of the scenario ({m['start_quarter']})")
        styles = ", ".join(f"{SEAT_LABELS[s]} {m['styles'][s]}" for s in SEATS)
        flag = (f" <span style='color:{THREAT_RED}'><b>Partial: cancelled after {m['completed']} of "
                f"{m['requested']} games.</b></span>") if result.partial else ""
        unfinished = (f" {a['unfinished']} game(s) stopped at a phase held by the facilitator."
                      if a.get("unfinished") else "")
        self.summary.setText(f"<b>{m['completed']} continuations</b> from {start}, seed {m['seed']}; "
                             f"computer players: {styles}.{flag}{unfinished}")
        self.score_chart.set_data(a.get("scores", {}), result.games)
        self.pact_chart.set_data(a.get("pacts", {}))
        self.crisis_count_chart.set_data(a.get("crises", {}))
        self.crisis_chart.set_data(a.get("crises", {}))
        self.gap_chart.set_data(a.get("bluff_gap", {}), self._snapshot.quarter_of,
                                m["start_turn"] if m.get("from_game") else None)
        self.decisions.set_data(a.get("separating_decisions", {}), m["completed"])
        cmp = self.comparison if self.comparison is not None and self.comparison.forced is result else None
        self.tabs.setTabVisible(self.tabs.count() - 1, cmp is not None)
        if cmp is not None:
            self.compare_view.setText(comparison_html(cmp))
            self.summary.setText(self.summary.text() + f" <b>Forced:</b> {cmp.force.describe()}, taken in "
                                 f"{cmp.applied} of {len(cmp.forced.games)} games; charts show the games with it.")
            self.tabs.setCurrentIndex(self.tabs.count() - 1)
        self.pages.setCurrentIndex(1)
        self._set_running(False)

    def save_json(self, path: str | os.PathLike[str] | None = None) -> bool:
        """Write the results as JSON (asks for a file when ``path`` is None). True once written."""
        result = self.sim_result
        if result is None or not result.games:
            return False
        if path is None:
            from wargame.storage import default_saves_dir
            m = result.meta
            name = f"whatif-{m['scenario']}-seed{m['seed']}-{m['completed']}games.json"
            path, _ = QFileDialog.getSaveFileName(self, "Save the what-if results",
                                                  str(default_saves_dir() / name), "JSON files (*.json)")
            if not path:
                return False
        try:
            Path(path).write_text(result.to_json(indent=1), encoding="utf-8")
        except OSError as err:
            QMessageBox.warning(self, "Could not save", f"Could not write {path}: {err}")
            return False
        self.status.setText(f"Saved to {Path(path).name}")
        return True

    # ------------------------------------------------------------------ closing
    def done(self, code: int) -> None:  # noqa: D401 (Qt API)
        """Closing (Close, Esc, the window's button) cancels a run and waits for its last games."""
        if self.running:
            self.status.setText("Cancelling: finishing the games under way…")
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.runner.shutdown()
            finally:
                QApplication.restoreOverrideCursor()
            self._set_running(False)
        super().done(code)
