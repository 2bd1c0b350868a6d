"""The guided first game: a first quarter as Riyadh — a deal, an investment, a crisis.

The tutorial scenario (``assets/scenarios/tutorial-riyadh.toml``) is the default scenario
shortened to four quarters with a crisis in the first one. :func:`progress` reads the game's
own log (``game.actions``) to tell which steps are done; :class:`TutorialBox` shows the steps at
the top of the action panel, the current one with its advice and rulebook link.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.adviser import Hint, hint_label
from wargame.rules.game import Game

__all__ = ["SCENARIO", "SEAT", "STEPS", "Step", "TutorialBox", "is_tutorial", "progress"]

SCENARIO = "tutorial-riyadh"
"""The tutorial scenario's id."""
SEAT = "riyadh"
"""The seat the tutorial teaches."""


@dataclass(frozen=True)
class Step:
    """One step of the tutorial: what to do, and how to tell from the game that it is done."""

    title: str
    hint: Hint
    done: Callable[[Game], bool]


def _did(kind: str) -> Callable[[Game], bool]:
    return lambda g: any(a.kind == kind and getattr(a, "seat", None) == SEAT for a in g.actions)


def _left(phase: str) -> Callable[[Game], bool]:
    order = ("diplomacy", "investment", "crisis")
    return lambda g: g.turn > 1 or g.over or (g.phase in order and order.index(g.phase) > order.index(phase))


def _crisis_met(g: Game) -> bool:
    """Riyadh answered the crisis, or the first quarter's crisis is over."""
    return _did("respond")(g) or g.turn > 1 or g.over


STEPS: tuple[Step, ...] = (
    Step("Propose a deal", Hint(
        "A deal", "Click Propose a deal…, choose Arms sale and Ankara as partner (Ankara sells to Riyadh). "
        "Before you send it, the form shows what it costs you per quarter and how your score moves — "
        "a second arms supplier diversifies your providers.", "4.2", "Deal kinds"), _did("propose")),
    Step("End the diplomacy phase", Hint(
        "Your move is done", "Click End diplomacy phase: the computer players answer and make their "
        "own moves; watch the event log.", "3", "The quarter"), _left("diplomacy")),
    Step("Invest in your own forces", Hint(
        "An investment", "Click Invest in own forces…, choose air and missile defence and an amount: "
        "capability arrives next quarter, and real capability is what counts when you are tested.",
        "6.2", "Buying capability"), _did("invest")),
    Step("End the investment phase", Hint(
        "The crisis phase comes next", "Click End investment phase. A crisis is drawn: its chance "
        "falls as perceived deterrence rises.", "10.2", "How likely is a crisis?"), _left("investment")),
    Step("Face the crisis", Hint(
        "A crisis", "Click Respond to the crisis…: the dialog shows, for each response, the chance "
        "that the attack is deterred, contained or damaging. A stronger response costs more now.",
        "10.4", "Responses"), _crisis_met),
)


def is_tutorial(game: Game) -> bool:
    """Whether ``game`` is the guided first game."""
    return game.scenario.meta.id == SCENARIO


def progress(game: Game) -> int:
    """How many steps are done, in order (a later step does not count before an earlier one)."""
    count = 0
    for step in STEPS:
        if not step.done(game):
            break
        count += 1
    return count


class TutorialBox(QFrame):
    """The tutorial's steps, done ones ticked, the current one with its advice and rulebook link."""

    def __init__(self, game: Game, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tutorial")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#tutorial{background:#FFF8E1;border:1px solid #E6C65C;border-radius:4px;}"
                           "QLabel{background:transparent;}")
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        self.done = progress(game)
        head = QLabel(f"<b style='color:#7A5B00'>Tutorial — your first quarter as Riyadh "
                      f"({self.done}/{len(STEPS)})</b>")
        layout.addWidget(head)
        rows = []
        for i, step in enumerate(STEPS):
            mark = "✓" if i < self.done else ("➜" if i == self.done else "○")
            style = "color:#5C636E" if i < self.done else ("font-weight:bold" if i == self.done else "color:#3C4043")
            rows.append(f"<span style='{style}'>{mark} {i + 1}. {step.title}</span>")
        steps = QLabel("<br>".join(rows))
        steps.setObjectName("tutorial_steps")
        layout.addWidget(steps)
        crisis = game.state.crisis
        if self.done == len(STEPS) - 1 and crisis is not None and SEAT != crisis.target \
                and SEAT not in crisis.obligations:
            self.current: QLabel = hint_label(Hint(
                "A crisis elsewhere", f"{crisis.title}: this one does not call on Riyadh. Watch the seats "
                "that are called on answer it; the outcome screen explains the roll.", "10.3",
                "Who is invoked, and what they owe"), self)
        elif self.done < len(STEPS):
            self.current = hint_label(STEPS[self.done].hint, self)
        else:
            self.current = QLabel("<b>Well done.</b> You have proposed a deal, invested and met a crisis. "
                                  "Play on to the end of the fourth quarter: the debrief tells you who won "
                                  "and why. F1 opens the adviser at any time.")
            self.current.setWordWrap(True)
        self.current.setObjectName("tutorial_current")
        layout.addWidget(self.current)
