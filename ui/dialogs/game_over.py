"""The end of the game: a debrief — who won and why, every seat's score, and for each person's
seat the three decisions that moved its score most.

Every figure is the engine's: the scores and their components (``game.scores()``), the crises
(``game.state.crises``) and the decisions (:func:`wargame.decisions.top_decisions`, which plays
the rest of the game out both ways from each decision). That takes seconds, so it runs in a
worker thread while the rest of the debrief is already on screen.
"""
from __future__ import annotations

import atexit
from typing import Sequence

import shiboken6

from PySide6.QtCore import QCoreApplication, QObject, QThread, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.forms.base import seat_name
from ui.theme import SEAT_COLORS
from wargame.decisions import Decision, top_decisions
from wargame.rules.game import Game
from wargame.rules.scoring import Score, ranked


def _colored(seat: str) -> str:
    return f"<b style='color:{SEAT_COLORS.get(seat, '#000')}'>{seat_name(seat)}</b>"


def winner_html(game: Game) -> str:
    """Who won, by how much, and where the winner's points came from."""
    order = ranked(game.scores())
    (first, top), (second, runner) = order[0], order[1]
    lead = top.rating - runner.rating
    best = sorted(top.components, key=lambda c: -c.points)[:2]
    sources = " and ".join(f"<b>{c.label.lower()}</b> ({c.points:.1f} points: {c.value:.0f}/100 × {c.weight:g})"
                           for c in best)
    tested = [c for c in game.state.crises if c.target == first and c.outcome]
    crises = (f" It was tested {len(tested)} time{'s' if len(tested) != 1 else ''}: "
              + ", ".join(f"{c.title} ({c.outcome})" for c in tested) + "." if tested else
              " It was never the target of a crisis.")
    verdict = "level with" if lead < 0.05 else f"{lead:.1f} rating points ahead of"
    return (f"<p style='font-size:120%'>{_colored(first)} wins with <b>{top.total:.1f}</b> points against a "
            f"par of {top.par:.1f}: a rating of <b>{top.rating:.1f}</b>, {verdict} {_colored(second)} "
            f"({runner.total:.1f} against {runner.par:.1f}).</p>"
            "<p style='color:#5C636E'>Each seat is judged against its own par, what balanced computer "
            "play scores in that seat: a rating of 50 is par, and 10 points is one typical spread.</p>"
            f"<p>Most of its score came from {sources}.{crises}</p>")


def scores_html(scores: Sequence[tuple[str, Score]]) -> str:
    """Every seat's total with its components, highest first."""
    rows = []
    for seat, sc in scores:
        parts = ", ".join(f"{c.label} {c.points:.1f}" for c in sc.components)
        rows.append(f"<tr><td>{_colored(seat)}</td><td align='right'><b>{sc.total:.1f}</b></td>"
                    f"<td align='right'>rating {sc.rating:.1f} (par {sc.par:.1f})</td>"
                    f"<td style='color:#5C636E'>{parts}</td></tr>")
    return f"<table cellspacing='6'>{''.join(rows)}</table>"


def place_html(game: Game, seat: str) -> str:
    """The heading of a person's section: the seat, its rank and its score."""
    order = ranked(game.scores())
    place = [s for s, _ in order].index(seat) + 1
    mine = game.score(seat)
    return (f"<h3 style='margin-bottom:2px'>Your debrief — {seat_name(seat)}, {_ordinal(place)} of "
            f"{len(order)} with {mine.total:.1f} (rating {mine.rating:.1f} against par {mine.par:.1f})</h3>")


def decisions_html(decisions: Sequence[Decision]) -> str:
    """The decisions that moved the seat's score most, with the alternative they were weighed against."""
    if not decisions:
        return "<p>None of your decisions could be weighed against an alternative.</p>"
    items = "".join(
        f"<li>{d.quarter}: {d.text} — <b>{d.effect:+.1f}</b> points against {d.alternative} "
        f"<span style='color:#5C636E'>(± {d.se:.1f}, {d.playouts} paired playouts)</span></li>"
        for d in decisions)
    return ("<p>The three decisions that moved your final score most (the rest of the game played out "
            f"both ways from each one, with the same dice):</p><ol>{items}</ol>")


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


class _Cancelled(Exception):
    """Raised from the progress callback to stop a worker whose dialog closed."""


class DecisionsWorker(QThread):
    """Runs ``top_decisions`` for one seat on a copy of the game, off the interface's thread."""

    progressed = Signal(str, int, int)
    """seat, decisions weighed, decisions in all"""
    found = Signal(str, list)
    """seat, the decisions (``wargame.decisions.Decision``)"""

    def __init__(self, game: Game, seat: str, owner: QObject | None = None) -> None:
        super().__init__()  # no parent: it must outlive an owner deleted with its window
        self.game = game.clone()
        self.seat = seat
        self.owner = owner
        self.cancelled = False

    def run(self) -> None:
        """Weigh the seat's decisions; emit ``found`` (nothing if cancelled)."""
        def progress(done: int, total: int) -> None:
            if self.cancelled or (self.owner is not None and not shiboken6.isValid(self.owner)):
                raise _Cancelled  # stopped, or the dialog was deleted (with its window)
            self.progressed.emit(self.seat, done, total)
        try:
            found = top_decisions(self.game, self.seat, n=3, progress=progress)
        except _Cancelled:
            return
        self.found.emit(self.seat, found)


_RUNNING: set[DecisionsWorker] = set()
"""Workers still running (kept alive here until they finish)."""


_HOOKED: list[QCoreApplication] = []
_AT_EXIT: list[bool] = []


def _start(worker: DecisionsWorker) -> None:
    app = QCoreApplication.instance()
    if app is not None and app not in _HOOKED:
        app.aboutToQuit.connect(_stop_all)
        _HOOKED.append(app)
    if not _RUNNING and not _AT_EXIT:
        # a process that ends without the event loop's quit (a script, a test, sys.exit from a
        # handler) never emits aboutToQuit: a QThread destroyed while running aborts it
        atexit.register(_stop_all)
        _AT_EXIT.append(True)
    _RUNNING.add(worker)
    worker.finished.connect(lambda: _RUNNING.discard(worker))
    worker.start(QThread.Priority.LowPriority)


def _cancel(workers: Sequence[DecisionsWorker]) -> None:
    for worker in workers:
        worker.cancelled = True


def _stop_all() -> None:
    """At exit: stop every worker (each after the decision it is weighing) and wait for it."""
    _cancel(list(_RUNNING))
    for worker in list(_RUNNING):
        worker.wait()


class GameOverDialog(QDialog):
    """The debrief: who won and why, every seat's score, and each person's three key decisions."""

    def __init__(self, game: Game, parent: QWidget | None = None, people: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("The game is over — debrief")
        self.setMinimumWidth(640)
        self.game = game
        self.people = list(people)
        self.sections: dict[str, str] = {seat: "<p style='color:#5C636E'>Weighing your decisions…</p>"
                                         for seat in self.people}
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setObjectName("debrief")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._render()
        self.workers: list[DecisionsWorker] = []
        for seat in self.people:
            worker = DecisionsWorker(game, seat, self)
            worker.progressed.connect(self._progressed)
            worker.found.connect(self._found)
            self.workers.append(worker)
            _start(worker)

    def _render(self) -> None:
        crises = len(self.game.state.crises)
        people = "".join(place_html(self.game, seat) + self.sections[seat] for seat in self.people)
        self.text.setText(
            f"<h2>Debrief — {self.game.quarter}</h2>{winner_html(self.game)}{people}"
            f"<h3 style='margin-bottom:2px'>Final scores</h3>{scores_html(ranked(self.game.scores()))}"
            f"<p style='color:#5C636E'>{crises} crisis test{'s' if crises != 1 else ''} over the game. "
            "The event log and the indicators keep the whole story; Game → Debrief report… writes it out.</p>")

    def _progressed(self, seat: str, done: int, total: int) -> None:
        self.sections[seat] = (f"<p style='color:#5C636E'>Weighing your decisions: {done} of {total} "
                               "played out both ways…</p>")
        self._render()

    def _found(self, seat: str, decisions: list) -> None:
        self.sections[seat] = decisions_html(decisions)
        self._render()

    def stop_workers(self) -> None:
        """Stop the decision workers (each stops after the decision it is weighing) and wait."""
        for worker in self.workers:
            worker.cancelled = True
        for worker in self.workers:
            worker.wait()

    def done(self, result: int) -> None:  # noqa: D102 (QDialog.done: closing stops the workers)
        self.stop_workers()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing the window stops the workers too."""
        self.stop_workers()
        super().closeEvent(event)
