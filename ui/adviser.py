"""The adviser: a few hints for the seat at this point of the game, each linked to the rulebook.

The hints read the game only through the engine's queries (the phase, the seat's inbox, the
crisis under way, what is unavailable and why, the seat's score components); they name what to
look at and where the rulebook explains it, and never compute a rule themselves. ``F1`` shows
them (:func:`show_help`) with the shortcuts; the action panel shows the first one.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.theme import seat_name
from wargame.rules.game import Game
from wargame.types import RESPONSES

__all__ = ["Hint", "HelpDialog", "advise", "open_section", "show_help"]


@dataclass(frozen=True)
class Hint:
    """One piece of advice: a short title, the advice, and the rulebook section that explains it."""

    title: str
    text: str
    section: str
    section_title: str


def advise(game: Game, seat: str | None) -> list[Hint]:
    """The hints for ``seat`` now, most pressing first (none if no seat or the game is over)."""
    if seat is None:
        return [Hint("Watching", "The computer plays every seat. Follow a seat in the side panel to read "
                     "its brief; the event log tells the story.", "2.3", "Objectives and scores")]
    if game.over:
        return [Hint("The debrief", "The game is over: the debrief names who won and why. Game → Debrief "
                     "report… writes the full after-action report.", "13", "End of the game and scores")]
    hints: list[Hint] = []
    crisis = game.state.crisis
    if game.phase == "crisis" and crisis is not None:
        if seat == crisis.target:
            hints.append(Hint("You are tested", f"{crisis.title}: choose your own response. The dialog shows "
                              "the odds of each outcome for each response — real capability counts, and "
                              "partners count through the integration of your commitments.",
                              "10.4", "Responses"))
        elif seat in crisis.obligations:
            owed = RESPONSES[crisis.obligations[seat]]
            hints.append(Hint("A partner is tested", f"{seat_name(crisis.target)} is tested and your "
                              f"commitments expect at least a {owed} response. Giving less costs "
                              "credibility; the dialog shows the odds for each response.",
                              "10.3", "Who is invoked, and what they owe"))
        hints.append(Hint("How the outcome is decided", "Defence against threat, minus a penalty for an "
                          "exposed bluff, with a roll: the dialog gives the chance of each outcome.",
                          "10.5", "The outcome"))
        return hints
    inbox = game.open_proposals(seat)
    if inbox:
        hints.append(Hint("Answer your inbox", f"{len(inbox)} proposal{'s' if len(inbox) > 1 else ''} "
                          "waiting. Each card shows what accepting costs you now and per quarter, what it "
                          "obliges you to and how your score moves.", "4.1", "Proposals"))
    mine = [a for a in game.actions if getattr(a, "seat", None) == seat]
    if game.phase == "diplomacy":
        if not any(a.kind == "propose" for a in mine):
            hints.append(Hint("Propose a deal", "Propose a deal… opens the deal form: choose a kind and a "
                              "partner; the form previews the cost, the obligations and the score change "
                              "before you send it.", "4.2", "Deal kinds"))
        hints.append(Hint("Signals are cheap", "A public declaration raises how strong a partner looks, "
                          "but failing it in a crisis costs more credibility.", "8", "Signals"))
    elif game.phase == "investment":
        hints.append(Hint("Invest in capability", "Invest in own forces… buys capability that arrives next "
                          "quarter; arms sales and co-production lines deliver over time. Real capability "
                          "is what counts when you are tested.", "6.2", "Buying capability"))
        hints.append(Hint("Real and perceived", "What deters a crisis is perceived deterrence; what "
                          "decides it is real capability. Watch the gap in the indicators.",
                          "9", "Deterrence: real and perceived"))
    weakest = min(game.score(seat).components, key=lambda c: c.value, default=None)
    if weakest is not None:
        hints.append(Hint("Your weakest score", f"{weakest.label}: {weakest.value:.0f}/100 (weight "
                          f"{weakest.weight:g}). The Brief tab shows every component.",
                          "2.3", "Objectives and scores"))
    hints.append(Hint("When you are done", "End the phase when your seat has nothing more to do this "
                      "phase: the computer players then move.", "3", "The quarter"))
    return hints


def open_section(parent: QWidget | None, section: str) -> None:
    """Open the rulebook at ``section`` (its number, e.g. ``"10.4"``)."""
    from ui.dialogs.rulebook import show_rulebook
    show_rulebook(parent, section)


def hint_html(hint: Hint, prefix: str = "") -> str:
    """A hint as rich text with its rulebook link (``rules:<section>``)."""
    return (f"{prefix}<b>{hint.title}.</b> {hint.text} <a href='rules:{hint.section}'>Rules §{hint.section} "
            f"{hint.section_title}</a>")


def hint_label(hint: Hint, parent: QWidget | None = None, prefix: str = "") -> QLabel:
    """A label showing ``hint`` whose rulebook link opens the rulebook at its section."""
    label = QLabel(hint_html(hint, prefix), parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.linkActivated.connect(lambda link: open_section(label.window(), link.removeprefix("rules:")))
    return label


class HelpDialog(QDialog):
    """F1: the adviser's hints for the seat now, each with its rulebook section, and the shortcuts."""

    def __init__(self, game: Game | None, seat: str | None, shortcuts: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Adviser — what to do now")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        where = (f"<h3 style='margin:0'>{seat_name(seat)} — {game.quarter}, {game.phase} phase</h3>"
                 if game is not None and seat is not None else "<h3 style='margin:0'>Adviser</h3>")
        layout.addWidget(QLabel(where))
        self.hints = advise(game, seat) if game is not None else [
            Hint("Start", "Start a new game on the welcome screen, or the tutorial for a guided first "
                 "quarter as Riyadh.", "1", "What the game is about")]
        self.labels = [hint_label(h, self) for h in self.hints]
        for label in self.labels:
            layout.addWidget(label)
        layout.addStretch(1)
        if shortcuts:
            keys = QLabel(shortcuts)
            keys.setWordWrap(True)
            keys.setStyleSheet("color:#5C636E;")
            layout.addWidget(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        rules = QPushButton("Open the rulebook")
        rules.clicked.connect(lambda: open_section(self, self.hints[0].section if self.hints else "1"))
        buttons.addButton(rules, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_help(parent: QWidget | None, game: Game | None, seat: str | None, shortcuts: str = "") -> HelpDialog:
    """Open the adviser (non-modal) for ``seat`` in ``game``."""
    dialog = HelpDialog(game, seat, shortcuts, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
