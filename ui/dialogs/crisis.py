"""The crisis dialog: a committed seat chooses its response to the crisis under way.

It shows what happened, who is tested, what the seat's commitments expect of it (the crisis's
``obligations`` and the commitments ``via`` which it is invoked) and, for each response, what
it costs; responses the engine refuses (e.g. unaffordable) are disabled with the reason.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QWidget

from ui.forms.base import HINT_STYLE, ActionForm, seat_name
from wargame import actions as A
from wargame.actions import Action
from wargame.rules.crisis import response_cost
from wargame.rules.game import Game
from wargame.rules.honour import HonourPrice, honour_price
from wargame.rules.odds import ResponseOdds, crisis_odds
from wargame.rules.seat_view import information_game
from wargame.types import RESPONSES, money

EXPLAIN = {
    "none": "Stay out: free, but falling short of what you owe costs credibility.",
    "diplomatic": "Statements and diplomatic pressure: free, counts for little on the ground.",
    "material": "Send equipment, money and logistics.",
    "military": "Commit forces: the strongest help; some capability is used up.",
}


OUTCOME_COLORS = {"deterred": "#1E7B34", "contained": "#9A6700", "damaging": "#B42318"}


def response_odds(game: Game, seat: str) -> dict[str, ResponseOdds]:
    """The engine's odds per response level for ``seat`` ({} if it is not called on to respond),
    computed on the seat's information: others' secret commitments do not move them."""
    try:
        return {o.level: o for o in crisis_odds(information_game(game, seat), seat)}
    except ValueError:
        return {}


def odds_text(odds: ResponseOdds) -> str:
    """One response's odds in words: the chance of each outcome, and defence against threat."""
    chances = " · ".join(f"<span style='color:{OUTCOME_COLORS.get(k, '#000')}'>{k} <b>{p:.0%}</b></span>"
                         for k, p in odds.chances.items())
    return f"{chances}<br><span style='color:#5C636E'>defence {odds.defence:.1f} against threat " \
           f"{odds.threat:.1f}</span>"


def price_text(price: HonourPrice) -> str:
    """The price of honouring in words, with the engine's estimate in score points."""
    more = f"{money(price.cost)} more than a {price.short_level} response" if price.cost else "no more money"
    risk = price.damaging_short - price.damaging_honour
    stake = (f"it makes a damaging outcome {risk:.0%} less likely"
             + (" (the same actor threatens you too)" if price.exposed else "")) if risk > 0.005 else \
        "it barely changes the outcome's odds"
    verdict = "pays" if price.net_points > 0 else "costs you"
    return (f"<b>The price of honouring</b> ({price.honour_level}): {more}; credibility "
            f"<b>+{price.credibility_gain:g}</b> if you honour, <b>−{price.credibility_loss:g}</b> if you fall "
            f"short; {stake}. <span style='color:#5C636E'>In score points, by the engine's estimate: "
            f"credibility {price.credibility_points:+.1f}, stakes {price.stake_points:+.1f}, money "
            f"{-price.money_points:+.1f}: honouring {verdict} about <b>{abs(price.net_points):.1f}</b> "
            "points.</span>")


MIN_WIDTH = 640
"""Wide enough that each response's note and odds wrap to a few lines."""


class CrisisDialog(ActionForm):
    """Choose ``seat``'s response to ``game.state.crisis``."""

    previews = False  # the odds of each response are the consequences shown here

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
        price = honour_price(game, seat)
        self.price = QLabel(price_text(price) if price else "")
        self.price.setObjectName("honour_price")
        self.price.setWordWrap(True)
        if price:
            self.form.addRow(self.price)
        self.odds = response_odds(game, seat)
        if self.odds:
            assumed = QLabel("<b>Odds of each outcome</b> for each response, from the resolution model, "
                             "assuming every other obliged seat gives what it is committed to "
                             "(responses stay secret until the outcome).")
            assumed.setWordWrap(True)
            assumed.setStyleSheet(HINT_STYLE)
            self.form.addRow(assumed)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.odds_labels: dict[str, QLabel] = {}
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
            if level in self.odds:  # the odds under the explanation, in the same row as the choice
                note.setText(f"{note.text()}<br>{odds_text(self.odds[level])}")
                note.setObjectName(f"odds_{level}")
                self.odds_labels[level] = note
            self.form.addRow(radio, note)
        default = RESPONSES[required] if seat != crisis.target else "military"
        for level in (default, *reversed(RESPONSES)):
            if self.radios[level].isEnabled():
                self.radios[level].setChecked(True)
                break
        self.setMinimumWidth(MIN_WIDTH)
        for button in self.buttons.buttons():  # Enter submits the chosen response, never cancels
            button.setAutoDefault(button is self.ok)
        self.ok.setDefault(True)
        self.revalidate()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Start on the chosen response, so the arrows change it and Enter submits it."""
        super().showEvent(event)
        chosen = self.radios.get(self.level() or "")
        (chosen or self.ok).setFocus()
        self._fit()

    def revalidate(self, *args: object) -> None:
        """Re-check the choice, then grow the dialog if its text now needs more room."""
        super().revalidate(*args)
        if self.isVisible():
            QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        """Make room for wrapped text (up to the screen's height)."""
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        screen = self.screen().availableGeometry().height() if self.screen() else need
        height = min(max(need, self.height()), screen - 40)
        if height != self.height():
            self.resize(self.width(), height)

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
