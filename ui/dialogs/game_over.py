"""The end of the game: a debrief — who won and why, every seat's score, and for each person's
seat the decisions that moved its score most.

Every figure is the engine's: the scores and their components (``game.scores()``), the crises
(``game.state.crises``) and the decisions (:func:`decisions_for`, the what-if machinery).
"""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.forms.base import seat_name
from ui.theme import SEAT_COLORS
from wargame.rules.game import Game
from wargame.rules.scoring import Score


def _colored(seat: str) -> str:
    return f"<b style='color:{SEAT_COLORS.get(seat, '#000')}'>{seat_name(seat)}</b>"


def winner_html(game: Game) -> str:
    """Who won, by how much, and where the winner's points came from."""
    ranked = sorted(game.scores().items(), key=lambda kv: -kv[1].total)
    (first, top), (second, runner) = ranked[0], ranked[1]
    lead = top.total - runner.total
    best = sorted(top.components, key=lambda c: -c.points)[:2]
    sources = " and ".join(f"<b>{c.label.lower()}</b> ({c.points:.1f} points: {c.value:.0f}/100 × {c.weight:g})"
                           for c in best)
    tested = [c for c in game.state.crises if c.target == first and c.outcome]
    crises = (f" It was tested {len(tested)} time{'s' if len(tested) != 1 else ''}: "
              + ", ".join(f"{c.title} ({c.outcome})" for c in tested) + "." if tested else
              " It was never the target of a crisis.")
    verdict = "a tie" if lead < 0.05 else f"{lead:.1f} points ahead of {_colored(second)}"
    return (f"<p style='font-size:120%'>{_colored(first)} wins with <b>{top.total:.1f}</b>, {verdict}.</p>"
            f"<p>Most of its score came from {sources}.{crises}</p>")


def scores_html(scores: Sequence[tuple[str, Score]]) -> str:
    """Every seat's total with its components, highest first."""
    rows = []
    for seat, sc in scores:
        parts = ", ".join(f"{c.label} {c.points:.1f}" for c in sc.components)
        rows.append(f"<tr><td>{_colored(seat)}</td><td align='right'><b>{sc.total:.1f}</b></td>"
                    f"<td style='color:#5C636E'>{parts}</td></tr>")
    return f"<table cellspacing='6'>{''.join(rows)}</table>"


def decisions_for(game: Game, seat: str, n: int = 3) -> list[Any] | None:
    """The ``n`` decisions that moved ``seat``'s score most (engine ``top_decisions``), or None
    when this engine does not provide the query."""
    try:
        from wargame.compare import top_decisions  # type: ignore[attr-defined]
    except ImportError:
        return None
    return list(top_decisions(game, seat, n=n))


def decisions_html(game: Game, seat: str) -> str:
    """A person's seat: its rank, and the three decisions that moved its score most."""
    ranked = [s for s, _ in sorted(game.scores().items(), key=lambda kv: -kv[1].total)]
    place = ranked.index(seat) + 1
    head = f"<h3 style='margin-bottom:2px'>Your debrief — {seat_name(seat)}, {_ordinal(place)} of {len(ranked)}</h3>"
    found = decisions_for(game, seat)
    if found is None:
        return head + "<p style='color:#5C636E'>Every key decision of the game is listed in the debrief " \
                      "report (Game → Debrief report…).</p>"
    if not found:
        return head + "<p>None of your decisions moved your score measurably.</p>"
    items = "".join(f"<li>{_decision_text(d)}</li>" for d in found)
    return head + f"<p>The three decisions that moved your score most:</p><ol>{items}</ol>"


def _decision_text(decision: Any) -> str:
    text = getattr(decision, "text", None) or getattr(decision, "label", None) or str(decision)
    delta = getattr(decision, "delta", None)
    when = getattr(decision, "quarter", None)
    return (f"{when}: " if when else "") + text + (f" — <b>{delta:+.1f}</b> points" if delta is not None else "")


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


class GameOverDialog(QDialog):
    """The debrief: who won and why, every seat's score, and each person's three key decisions."""

    def __init__(self, game: Game, parent: QWidget | None = None, people: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("The game is over — debrief")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        scores = sorted(game.scores().items(), key=lambda kv: -kv[1].total)
        crises = len(game.state.crises)
        html = (f"<h2>Debrief — {game.quarter}</h2>{winner_html(game)}"
                + "".join(decisions_for_people(game, people))
                + f"<h3 style='margin-bottom:2px'>Final scores</h3>{scores_html(scores)}"
                f"<p style='color:#5C636E'>{crises} crisis test{'s' if crises != 1 else ''} over the game. "
                "The event log and the indicators keep the whole story.</p>")
        self.text = QLabel(html)
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


def decisions_for_people(game: Game, people: Sequence[str]) -> list[str]:
    """One debrief section per person's seat."""
    return [decisions_html(game, seat) for seat in people]
