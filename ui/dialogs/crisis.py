"""The crisis dialog: a committed seat chooses its response to the crisis under way.

It shows what happened, who is tested, what the seat's commitments expect of it (the crisis's
``obligations`` and the commitments ``via`` which it is invoked) and, for each response, what
it costs; responses the engine refuses (e.g. unaffordable) are disabled with the reason.
"""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QWidget

from ui.forms.base import HINT_STYLE, ActionForm, seat_name
from wargame import actions as A
from wargame.actions import Action
from wargame.rules.crisis import response_cost
from wargame.rules.game import Game
from wargame.types import RESPONSES, money

EXPLAIN = {
    "none": "Stay out: free, but falling short of what you owe costs credibility.",
    "diplomatic": "Statements and diplomatic pressure: free, counts for little on the ground.",
    "material": "Send equipment, money and logistics.",
    "military": "Commit forces: the strongest help; some capability is used up.",
}


class CrisisDialog(ActionForm):
    """Choose ``seat``'s response to ``game.state.crisis``."""

    def __init__(self, game: Game, seat: str, parent: QWidget | None = None) -> None:
        crisis = game.state.crisis
        assert crisis is not None, "the crisis dialog needs a crisis under way"
        super().__init__(game, seat, "Crisis", "Respond", "", parent)
        self.setWindowTitle(f"CRISIS — {crisis.title} — {seat_name(seat)} responds")
        self.crisis = crisis
        head = QLabel(f"<h2 style='color:#C0392B;margin:0'>{crisis.title}</h2>"
                      f"<p>{crisis.text}</p><p><b>{seat_name(crisis.target)}</b> is tested "
                      f"(severity {crisis.severity:g}).</p>")
        head.setWordWrap(True)
        self.layout().insertWidget(0, head)
        required = crisis.obligations.get(seat, 0)
        if seat == crisis.target:
            expect = "You are the target. Your own response counts at full strength; partners' help " \
                     "counts through the integration of your commitments."
        else:
            names = [game.state.commitments[c].name for c in crisis.via.get(seat, [])
                     if c in game.state.commitments]
            expect = (f"Your commitments ({', '.join(names) or 'none'}) expect at least a "
                      f"<b>{RESPONSES[required]}</b> response. Giving less costs credibility; "
                      "honouring it builds credibility.")
        self.expect = QLabel(expect)
        self.expect.setWordWrap(True)
        self.form.addRow(self.expect)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for level in RESPONSES:
            cost = response_cost(crisis, level)
            tag = " — expected" if level == RESPONSES[required] and seat != crisis.target else ""
            radio = QRadioButton(f"{level.capitalize()} ({money(cost) if cost else 'free'}){tag}")
            reason = game.check(A.Respond(seat, crisis.id, level))
            note = QLabel(EXPLAIN[level] if reason is None else f"Unavailable: {reason}")
            note.setWordWrap(True)
            note.setStyleSheet(HINT_STYLE)
            radio.setEnabled(reason is None)
            radio.setToolTip(reason or EXPLAIN[level])
            radio.toggled.connect(self.revalidate)
            self.group.addButton(radio)
            self.radios[level] = radio
            self.form.addRow(radio, note)
        default = RESPONSES[required] if seat != crisis.target else "military"
        for level in (default, *reversed(RESPONSES)):
            if self.radios[level].isEnabled():
                self.radios[level].setChecked(True)
                break
        self.revalidate()

    def level(self) -> str | None:
        """The chosen response level."""
        return next((lv for lv, r in self.radios.items() if r.isChecked()), None)

    def choose(self, level: str) -> None:
        """Select a response level (for keyboard users and tests)."""
        self.radios[level].setChecked(True)

    def build(self) -> Action | None:
        """The ``Respond`` action chosen."""
        level = self.level() if hasattr(self, "radios") else None
        return None if level is None else A.Respond(self.seat, self.crisis.id, level)

    def describe(self, action: Action) -> str:
        """The chosen response in words."""
        level = self.level() or "none"
        return f"<b>{seat_name(self.seat)} responds: {level}</b> — {EXPLAIN[level]}"
