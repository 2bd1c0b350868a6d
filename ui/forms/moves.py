"""Forms for every action other than proposing: signals, investment and Washington's instruments.

Each form lists only the choices that make sense for the seat (its commitments, the US bases,
the other seats) and greys out those the engine refuses now, with the engine's reason.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from ui.forms.base import ActionForm, seat_name
from wargame import actions as A
from wargame.actions import Action
from wargame.rules.game import Game
from wargame.rules.moves import posture_cost, show_exercise_cost
from wargame.rules.terms import PURCHASE, TermRange
from wargame.types import DOMAIN_NAMES, DOMAINS, SEATS, money

PARTNERS = ("ankara", "riyadh", "islamabad")


class ChoiceForm(ActionForm):
    """A form of a few combos (and optionally an amount) that builds one action kind.

    ``fields`` is a list of ``(key, label, values)`` where ``values`` is a list of
    ``(label, value)``; ``make(values_by_key)`` returns the action.
    """

    def __init__(self, game: Game, seat: str, title: str, verb: str, intro: str,
                 fields: list[tuple[str, str, list[tuple[str, Any]]]],
                 make: Callable[[dict[str, Any]], Action | None],
                 amount: TermRange | None = None, check: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(game, seat, title, verb, intro, parent)
        self._make = make
        self._fields = fields
        self.boxes: dict[str, QComboBox] = {}
        for key, label, choices in fields:
            self.boxes[key] = self.combo(label, [(text, value, None) for text, value in choices])
        self.amount: QSpinBox | None = None
        if amount is not None:  # the engine's range, standard value and step
            self.amount = QSpinBox()
            self.amount.setRange(int(amount.low), int(amount.high))
            self.amount.setSingleStep(int(amount.step))
            self.amount.setValue(int(amount.default))
            self.amount.setSuffix(" $m")
            self.amount.valueChanged.connect(self.revalidate)
            self.form.addRow("Amount", self.amount)
        self.flag: QCheckBox | None = None
        if check:
            self.flag = QCheckBox(check)
            self.flag.setChecked(True)
            self.flag.toggled.connect(self.revalidate)
            self.form.addRow("", self.flag)
        self.revalidate()

    def values(self) -> dict[str, Any]:
        """The current value of every field."""
        out = {key: box.currentData() for key, box in self.boxes.items()}
        if self.amount is not None:
            out["amount"] = self.amount.value()
        if self.flag is not None:
            out["flag"] = self.flag.isChecked()
        return out

    def build(self) -> Action | None:
        """The action the fields describe."""
        values = self.values()
        if any(v is None for v in values.values()):
            return None
        return self._make(values)

    def describe(self, action: Action) -> str:
        """The choices in words."""
        parts = [f"{label}: {self.boxes[key].currentText().replace(' — unavailable', '')}"
                 for key, label, _ in self._fields]
        if self.amount is not None:
            parts.append(f"amount: {money(self.amount.value())}")
        if self.flag is not None:
            parts.append(self.flag.text() if self.flag.isChecked() else "not " + self.flag.text().lower())
        return f"<b>{action.label}</b> — " + "; ".join(parts)

    def revalidate(self, *_: object) -> None:
        """Grey out, in each combo, the choices the engine refuses given the other fields."""
        for key, _, choices in getattr(self, "_fields", ()):
            box = self.boxes[key]
            base = self.values()

            def make_with(value: Any, key: str = key, base: dict[str, Any] = base) -> Action | None:
                return self._make({**base, key: value})
            box.blockSignals(True)
            self.offer(box, choices, make_with)
            box.blockSignals(False)
        super().revalidate()


def _my_commitments(game: Game, seat: str, kinds: tuple[str, ...] | None = None) -> list[tuple[str, Any]]:
    return [(c.name + ("" if c.public else " (secret)"), c.id) for c in game.state.commitments.values()
            if c.status == "active" and seat in c.parties and (kinds is None or c.kind in kinds)]


def _others(seat: str, pool: tuple[str, ...] = SEATS) -> list[tuple[str, Any]]:
    return [(seat_name(s), s) for s in pool if s != seat]


def _domains() -> list[tuple[str, Any]]:
    return [(DOMAIN_NAMES[d].capitalize(), d) for d in DOMAINS]


def form_for(kind: str, game: Game, seat: str, parent: QWidget | None = None) -> ActionForm:
    """The form for an action kind (``propose`` gives the deal form)."""
    if kind == "propose":
        from ui.forms.propose import ProposeForm
        return ProposeForm(game, seat, parent=parent)
    spec = _SPECS[kind]
    return spec(game, seat, parent)


def _declare(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Public declaration", "Declare",
                      "Declare publicly that you stand with a seat you are bound to. Cheap, and it raises "
                      "how strong that seat looks; failing it in a crisis costs more credibility.",
                      [("target", "Stand with", _others(seat))], lambda v: A.Declare(seat, v["target"]),
                      parent=parent)


def _withdraw(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Withdraw from a commitment", "Withdraw",
                      "Leaving a commitment costs credibility (more if it is public).",
                      [("commitment", "Commitment", _my_commitments(g, seat))],
                      lambda v: A.Withdraw(seat, v["commitment"]), parent=parent)


def _exercise(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    cost = show_exercise_cost(g)
    return ChoiceForm(g, seat, "Visible exercise", "Hold the exercise",
                      f"A visible exercise ({money(cost)}) raises perceived deterrence and adds a little "
                      "operational habit to a pact or agreement.",
                      [("commitment", "Under", _my_commitments(g, seat, ("pact", "agreement")))],
                      lambda v: A.ShowExercise(seat, v["commitment"]), parent=parent)


def _invest(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Invest in own forces", "Invest",
                      "National procurement: pay now, capability arrives next quarter.",
                      [("domain", "Domain", _domains())],
                      lambda v: A.Invest(seat, v["domain"], v["amount"]), amount=PURCHASE,
                      parent=parent)


def _buy_foreign(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Buy from Russia or China", "Buy",
                      "Cheaper capability (delivered in two quarters), but Washington notices: standing falls.",
                      [("supplier", "Supplier", [("Russia", "russia"), ("China", "china")]),
                       ("domain", "Domain", _domains())],
                      lambda v: A.BuyForeign(seat, v["supplier"], v["domain"], v["amount"]),
                      amount=PURCHASE, parent=parent)


def _assure(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Security assurance", "Extend the assurance",
                      "A public assurance raises perceived deterrence; a private one only real deterrence.",
                      [("to", "To", _others(seat, PARTNERS))],
                      lambda v: A.Assure(seat, v["to"], bool(v["flag"])),
                      check="Public (announced)", parent=parent)


def _posture(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    bases = [(f"{g.scenario.site(b).name} (now {lvl}/3)", b) for b, lvl in g.state.posture.items()]
    cost = posture_cost(g, 1)
    return ChoiceForm(g, seat, "Change force posture", "Change posture",
                      f"Reinforcing a base costs {money(cost)}; drawing down is free but worries the host.",
                      [("base", "Base", bases), ("change", "Change", [("Reinforce (+1)", 1), ("Draw down (−1)", -1)])],
                      lambda v: A.Posture(seat, v["base"], v["change"]), parent=parent)


def _us_sales(g: Game) -> list[tuple[str, Any]]:
    return [(c.name + (" — held" if c.terms.get("held") else ""), c.id) for c in g.state.commitments.values()
            if c.kind == "arms_sale" and c.status == "active" and c.terms.get("seller") == "washington"]


def _hold(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Hold an arms sale", "Hold", "Deliveries stop until released; the buyer is worried.",
                      [("commitment", "Sale", _us_sales(g))], lambda v: A.Hold(seat, v["commitment"]), parent=parent)


def _release(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Release a held sale", "Release", "Deliveries resume next quarter.",
                      [("commitment", "Sale", _us_sales(g))], lambda v: A.Release(seat, v["commitment"]),
                      parent=parent)


def _sanction(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Sanctions pressure", "Apply pressure",
                      "CAATSA-like pressure on a partner's purchases: its standing falls and US sales stop.",
                      [("target", "On", _others(seat, PARTNERS))], lambda v: A.Sanction(seat, v["target"]),
                      parent=parent)


def _lift(g: Game, seat: str, parent: QWidget | None) -> ActionForm:
    return ChoiceForm(g, seat, "Lift sanctions", "Lift", "End sanctions pressure on a seat.",
                      [("target", "On", _others(seat, PARTNERS))], lambda v: A.LiftSanctions(seat, v["target"]),
                      parent=parent)


_SPECS: dict[str, Callable[[Game, str, QWidget | None], ActionForm]] = {
    "declare": _declare, "withdraw": _withdraw, "show_exercise": _exercise, "invest": _invest,
    "buy_foreign": _buy_foreign, "assure": _assure, "posture": _posture, "hold": _hold,
    "release": _release, "sanction": _sanction, "lift_sanctions": _lift,
}
FORM_KINDS: tuple[str, ...] = ("propose", *_SPECS)
"""Action kinds that open a form (the others are buttons: accept, reject, undo, end phase...)."""
