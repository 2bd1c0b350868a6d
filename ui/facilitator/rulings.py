"""The facilitator's judgements: rule on a disputed crisis outcome, pin notes to events of the log.

``RulingBox`` builds a ``Ruling`` (matrix-game style: a resolved crisis, the new outcome and the
rationale; the engine corrects the damage by the difference). ``NoteBox`` lists every event (the
facilitator sees all) and builds a ``Note`` pinned to the selected one.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from ui.facilitator.base import FACILITATOR, HINT_STYLE, ActionBox, line, text_box
from ui.theme import seat_name
from wargame import actions as A
from wargame.actions import Action
from wargame.rules.crisis import OUTCOMES
from wargame.types import money

OUTCOME_TEXT = {"deterred": "Deterred (no attack)", "contained": "Contained (limited damage)",
                "damaging": "Damaging (full damage)"}


class RulingBox(ActionBox):
    """Rule on a resolved crisis: new outcome and rationale; the target's budget is corrected."""

    def __init__(self, game: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(game, "Rule on the outcome",
                         "Matrix-game style: hear the arguments, then change a resolved crisis's outcome. "
                         "The damage to the target's budget is corrected by the difference.", parent)
        self.crisis = QComboBox()
        self.crisis.setObjectName("crisis")
        self.form.addRow("Crisis", self.crisis)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet(HINT_STYLE)
        self.form.addRow(self.info)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for outcome in OUTCOMES:
            self.outcome.addItem(OUTCOME_TEXT.get(outcome, outcome), outcome)
        self.form.addRow("New outcome", self.outcome)
        self.rationale = text_box("The rationale (read out and kept in the log)")
        self.form.addRow("Rationale", self.rationale)
        self.crisis.currentIndexChanged.connect(lambda _i: self._show_crisis())
        self.watch(self.crisis, self.outcome, self.rationale)

    def set_game(self, game: Any) -> None:
        """List the resolved crises, latest first."""
        current = self.crisis.currentData()
        self.crisis.blockSignals(True)
        self.crisis.clear()
        for c in reversed(game.state.crises):
            shown = c.ruling or c.outcome
            ruled = " (ruled)" if c.ruling else ""
            self.crisis.addItem(f"{game.quarter_of(c.turn)}: {c.title} — {seat_name(c.target)}, "
                                f"{shown}{ruled}", c.id)
        index = self.crisis.findData(current)
        self.crisis.setCurrentIndex(index if index >= 0 else (0 if self.crisis.count() else -1))
        self.crisis.blockSignals(False)
        self._show_crisis()
        super().set_game(game)

    def _selected(self) -> Any:
        cid = self.crisis.currentData()
        return next((c for c in self.game.state.crises if c.id == cid), None)

    def _show_crisis(self) -> None:
        c = self._selected()
        if c is None:
            self.info.setText("No crisis has been resolved yet.")
            return
        responses = ", ".join(f"{seat_name(s)} {r}" for s, r in c.responses.items()) or "none"
        shown = c.ruling or c.outcome
        self.info.setText(f"Outcome {shown}" + (f" (ruled; the test gave {c.outcome})" if c.ruling else "")
                          + f". Responses: {responses}. Budget of {seat_name(c.target)} now "
                          f"{money(self.game.state.seats[c.target].budget)}.")
        if self.outcome.currentData() == shown:
            other = next(o for o in OUTCOMES if o != shown)
            self.outcome.setCurrentIndex(self.outcome.findData(other))

    def missing(self) -> str:
        """Nothing to rule on before a crisis is resolved."""
        return "no crisis has been resolved yet" if not self.crisis.count() else "fill in the form"

    def build(self) -> Action | None:
        """``Ruling`` for the facilitator."""
        cid = self.crisis.currentData()
        if not cid:
            return None
        return A.Ruling(FACILITATOR, cid, self.outcome.currentData(), self.rationale.toPlainText().strip())

    def clear(self) -> None:
        """Empty the rationale."""
        self.rationale.clear()


class NoteBox(ActionBox):
    """Pin a note to an event of the log: every event is listed, the newest at the bottom."""

    def __init__(self, game: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(game, "Pin the note to the selected event",
                         "Select an event, write the note. Notes are the facilitator's: they appear in "
                         "the debrief, never on a seat's screen or the projector.", parent, scroll=False)
        self.filter = line("Filter the events (e.g. crisis, loan, Riyadh)…")
        self.form.addRow(self.filter)
        self.events = QListWidget()
        self.events.setObjectName("events")
        self.events.setWordWrap(True)
        self.events.setAlternatingRowColors(True)
        self.events.setMinimumHeight(90)
        self.body.addWidget(self.events, 1)
        self.pinned = QLabel()
        self.pinned.setWordWrap(True)
        self.pinned.setStyleSheet(HINT_STYLE)
        self.pinned.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.pinned)
        notes = QFormLayout()
        self.text = line("The note, e.g. good example of a costly signal")
        self.text.setObjectName("note_text")
        notes.addRow("Note", self.text)
        self.body.addLayout(notes)
        self._shown = 0
        self._game_id = 0
        self.filter.textChanged.connect(self._apply_filter)
        self.watch(self.events, self.text)

    def set_game(self, game: Any) -> None:
        """Add the events logged since the last refresh (all of them for another game)."""
        if id(game) != self._game_id or len(game.events) < self._shown:
            self._game_id = id(game)
            self.events.clear()
            self._shown = 0
        noted = {n["event"] for n in game.state.notes}
        bar = self.events.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        for index in range(self._shown, len(game.events)):
            self.events.addItem(self._item(game, index))
        if len(game.events) > self._shown and at_bottom:
            QTimer.singleShot(0, self.events, self.events.scrollToBottom)  # once wrapped rows have their height
        self._shown = len(game.events)
        for i in range(self.events.count()):
            item = self.events.item(i)
            mark = item.data(Qt.ItemDataRole.UserRole) in noted
            if item.font().bold() != mark:
                font = item.font()
                font.setBold(mark)
                item.setFont(font)
        notes = [f"• {self._where(game, n)}: {n['text']}" for n in game.state.notes[-3:]]
        self.pinned.setText("Pinned notes (latest):<br>" + "<br>".join(notes) if notes else "No notes yet.")
        self._apply_filter(self.filter.text())
        super().set_game(game)

    @staticmethod
    def _where(game: Any, note: dict[str, Any]) -> str:
        index = note.get("event", -1)
        if 0 <= index < len(game.events):
            return f"#{index} ({game.events[index].text[:40]})"
        return game.quarter_of(note.get("turn", game.turn))

    def _item(self, game: Any, index: int) -> QListWidgetItem:
        event = game.events[index]
        secret = "" if event.public else "  [private]"
        item = QListWidgetItem(f"#{index} · {game.quarter_of(event.turn)} · {event.text}{secret}")
        item.setData(Qt.ItemDataRole.UserRole, index)
        if not event.public:
            item.setForeground(QColor("#6B4E16"))
        return item

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.events.count()):
            item = self.events.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def select_event(self, index: int) -> None:
        """Select the event with this log index (for scripting and tests)."""
        for i in range(self.events.count()):
            if self.events.item(i).data(Qt.ItemDataRole.UserRole) == index:
                self.events.setCurrentRow(i)
                return

    def missing(self) -> str:
        """An event must be selected."""
        return "select an event of the log"

    def build(self) -> Action | None:
        """``Note`` for the facilitator, pinned to the selected event."""
        item = self.events.currentItem()
        if item is None:
            return None
        return A.Note(FACILITATOR, self.text.text().strip(), int(item.data(Qt.ItemDataRole.UserRole)))

    def clear(self) -> None:
        """Empty the note."""
        self.text.clear()
