"""The facilitator's injections: a crisis (from the deck or custom), a world event, a parameter change.

Each box builds one engine action (``InjectCrisis``, ``InjectEvent``, ``SetParameter``) for the
``"facilitator"`` seat; the engine checks it live and the console applies it.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QRadioButton, QSpinBox, QWidget

from ui.facilitator.base import FACILITATOR, HINT_STYLE, ActionBox, fill_seats, line, seat_combo, text_box
from ui.facilitator.param_names import param_label
from wargame import actions as A
from wargame.actions import Action, make_terms
from wargame.types import SEATS


class CrisisBox(ActionBox):
    """Inject a crisis: a type of the scenario's deck and one of its targets, or a custom one."""

    def __init__(self, game: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(game, "Inject the crisis",
                         "The crisis starts now; it is tested in this quarter's crisis phase "
                         "(instead of the random draw).", parent)
        row = QHBoxLayout()
        self.from_deck = QRadioButton("From the deck")
        self.custom = QRadioButton("Custom")
        self.from_deck.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.from_deck)
        group.addButton(self.custom)
        row.addWidget(self.from_deck)
        row.addWidget(self.custom)
        row.addStretch(1)
        self.form.addRow("Source", row)
        self.deck = QComboBox()
        self.deck.setObjectName("deck")
        self.form.addRow("Crisis", self.deck)
        self.title = line("Title of the custom crisis, e.g. Cyber attack on the grid")
        self.form.addRow("Title", self.title)
        self.target = seat_combo()
        self.target.setObjectName("target")
        self.form.addRow("Target", self.target)
        self.severity = QDoubleSpinBox()
        self.severity.setRange(0.2, 3.0)
        self.severity.setSingleStep(0.1)
        self.severity.setValue(1.0)
        self.severity.setToolTip("1 is the deck's usual strength; 0.2 a scare, 3 a major blow")
        self.form.addRow("Severity", self.severity)
        self.text = text_box("What happens (read out to the room)")
        self.form.addRow("Text", self.text)
        self.from_deck.toggled.connect(lambda _on: self._mode())
        self.deck.currentIndexChanged.connect(lambda _i: self._targets())
        self.watch(self.deck, self.title, self.target, self.severity, self.text)
        self._mode()

    def set_game(self, game: Any) -> None:
        """Fill the deck from the scenario."""
        if self.deck.count() != len(game.scenario.crises):
            self.deck.blockSignals(True)
            self.deck.clear()
            for spec in game.scenario.crises:
                self.deck.addItem(spec.title, spec.id)
            self.deck.blockSignals(False)
            self._targets()
        super().set_game(game)

    def _mode(self) -> None:
        deck = self.from_deck.isChecked()
        self.deck.setEnabled(deck)
        self.title.setEnabled(not deck)
        self._targets()
        self.revalidate()

    def _targets(self) -> None:
        seats: list[str] = list(SEATS)
        if self.from_deck.isChecked() and self.deck.currentData():
            spec = self.game.scenario.crisis_type(self.deck.currentData())
            seats = [s for s in SEATS if s in spec.targets]
            self.text.setPlaceholderText(f"Empty: the deck's text — {spec.text}")
        else:
            self.text.setPlaceholderText("What happens (read out to the room)")
        fill_seats(self.target, seats)

    def build(self) -> Action | None:
        """``InjectCrisis`` for the facilitator."""
        deck = self.from_deck.isChecked()
        kind = self.deck.currentData() if deck else "custom"
        if not kind or not self.target.currentData():
            return None
        text = self.text.toPlainText().strip()
        title = "" if deck else self.title.text().strip()
        return A.InjectCrisis(FACILITATOR, kind, self.target.currentData(), round(self.severity.value(), 2),
                              title, text)

    def clear(self) -> None:
        """Empty the custom title and text."""
        self.title.clear()
        self.text.clear()


class EventBox(ActionBox):
    """Inject a world event: a title, a seat and its effects (budget, income, stress, credibility, standing)."""

    EFFECTS = (("budget", "Budget ($m, now)", 20_000, 50), ("income", "Income ($m a quarter)", 5_000, 25),
               ("stress", "Stress (points)", 50, 1), ("credibility", "Credibility (points)", 50, 1),
               ("standing", "Standing (points)", 50, 1))

    def __init__(self, game: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(game, "Inject the event",
                         "A piece of world news with effects on one seat, public to everyone.", parent)
        self.title = line("e.g. Oil prices collapse")
        self.title.setObjectName("event_title")
        self.form.addRow("Title", self.title)
        self.target = seat_combo()
        self.form.addRow("Seat affected", self.target)
        self.effects: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for key, label, limit, step in self.EFFECTS:
            spin: QSpinBox | QDoubleSpinBox = QSpinBox() if key in ("budget", "income") else QDoubleSpinBox()
            spin.setRange(-limit, limit)
            spin.setSingleStep(step)
            spin.setToolTip("0: no change")
            self.form.addRow(label, spin)
            self.effects[key] = spin
        self.text = text_box("Details (optional)", 2)
        self.form.addRow("Text", self.text)
        self.watch(self.title, self.target, self.text, *self.effects.values())
        self.revalidate()

    def terms(self) -> dict[str, int | float]:
        """The non-zero effects."""
        out: dict[str, int | float] = {}
        for key, spin in self.effects.items():
            value = spin.value()
            if value:
                out[key] = int(value) if isinstance(spin, QSpinBox) else round(float(value), 2)
        return out

    def build(self) -> Action | None:
        """``InjectEvent`` for the facilitator."""
        return A.InjectEvent(FACILITATOR, self.title.text().strip(), self.text.toPlainText().strip(),
                             self.target.currentData() or "", make_terms(self.terms()))

    def clear(self) -> None:
        """Back to an empty event."""
        self.title.clear()
        self.text.clear()
        for spin in self.effects.values():
            spin.setValue(0)


class ParameterBox(ActionBox):
    """Change a rule parameter of ``game.state.params``, with the reason that goes into the log."""

    def __init__(self, game: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(game, "Change the parameter",
                         "Rule parameters apply from now on; the reason is logged for the debrief.", parent)
        self.name = QComboBox()
        self.name.setObjectName("param")
        self.form.addRow("Parameter", self.name)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet(HINT_STYLE)
        self.form.addRow(self.source)
        self.value = QDoubleSpinBox()
        self.value.setDecimals(3)
        self.value.setRange(-1_000_000, 1_000_000)
        self.form.addRow("New value", self.value)
        self.reason_text = line("Why (e.g. the class agreed the honour gain is too small)")
        self.form.addRow("Reason", self.reason_text)
        self.name.currentIndexChanged.connect(lambda _i: self._show_current())
        self.watch(self.name, self.value, self.reason_text)

    def set_game(self, game: Any) -> None:
        """List the parameters with their current values."""
        params = game.state.params
        current = self.name.currentData()
        self.name.blockSignals(True)
        self.name.clear()
        for key in sorted(params, key=param_label):
            self.name.addItem(f"{param_label(key)} = {params[key]:g}", key)
            self.name.setItemData(self.name.count() - 1, f"{key} in the rulebook and scenario files",
                                  Qt.ItemDataRole.ToolTipRole)
        index = self.name.findData(current)
        self.name.setCurrentIndex(max(0, index))
        self.name.blockSignals(False)
        if index < 0:
            self._show_current()
        super().set_game(game)

    def _show_current(self) -> None:
        key = self.name.currentData()
        if not key:
            return
        g = self.game
        now = g.state.params.get(key, 0.0)
        self.value.setValue(float(now))
        cite = g.scenario.params_cite.get(key, "")
        self.name.setToolTip(f"{key} in the rulebook and scenario files")
        self.source.setText(f"Now {now:g} ({key})" + (f" — source: {cite}" if cite else ""))

    def build(self) -> Action | None:
        """``SetParameter`` for the facilitator."""
        key = self.name.currentData()
        if not key:
            return None
        return A.SetParameter(FACILITATOR, key, round(float(self.value.value()), 6), self.reason_text.text().strip())

    def clear(self) -> None:
        """Empty the reason (the value stays as set)."""
        self.reason_text.clear()
