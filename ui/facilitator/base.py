"""Building blocks of the facilitator's forms: a box that builds one engine action and checks it live.

Like the seats' forms, a box never decides legality: it builds the action from its widgets, asks
the engine (``game.check``) and shows the engine's reason under the button, which is enabled
only when the action is legal. The console applies what a box submits through
``GameController.apply``, so every facilitator decision is an action in the log.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget,
)

from ui.theme import BAD_STYLE, OK_STYLE, seat_name, set_style
from ui.view_host import scrolled
from wargame.actions import Action
from wargame.types import FACILITATOR, SEATS

__all__ = ["BAD_STYLE", "BUTTON_STYLE", "FACILITATOR", "HINT_STYLE", "OK_STYLE", "ActionBox", "fill_seats", "line",
           "seat_combo", "text_box"]

HINT_STYLE = "color:#5C636E;"
BUTTON_STYLE = ("QPushButton{font-weight:bold;padding:7px 18px;border-radius:6px;background:#2B3A55;"
                "color:white;border:1px solid #1F2A40;} QPushButton:disabled{background:#C9CED6;"
                "color:#6B717A;border-color:#B8BEC7;}")


def seat_combo(seats: tuple[str, ...] | list[str] = SEATS) -> QComboBox:
    """A combo box of seats (data: seat id)."""
    combo = QComboBox()
    fill_seats(combo, seats)
    return combo


def fill_seats(combo: QComboBox, seats: tuple[str, ...] | list[str]) -> None:
    """Refill a seat combo, keeping the current seat when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for seat in seats:
        combo.addItem(seat_name(seat), seat)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def text_box(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    """A short multi-line text field about ``lines`` lines high."""
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


class ActionBox(QWidget):
    """One facilitator decision: a form, the engine's verdict and a button.

    Subclasses must override :meth:`build` (the abstract part of the contract; the base raises
    ``NotImplementedError``) and may override :meth:`missing`, :meth:`set_game` and
    :meth:`clear`. They add rows to ``self.form`` and call :meth:`watch` on their widgets.

    Signals:
        submitted(object): the (legal) action the facilitator confirmed.
    """

    submitted = Signal(object)

    def __init__(self, game: Callable[[], Any], button: str, intro: str = "",
                 parent: QWidget | None = None, scroll: bool = True) -> None:
        super().__init__(parent)
        self._game = game
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        if intro:
            hint = QLabel(intro)
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            outer.addWidget(hint)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(self.form)
        if scroll:  # the form scrolls in a short console; the button stays in sight below it
            self.body.addStretch(1)
            outer.addWidget(scrolled(body), 1)
        else:
            outer.addWidget(body, 1)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.button = QPushButton(button)
        self.button.setObjectName("submit")
        self.button.setStyleSheet(BUTTON_STYLE)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.reason, 1)
        outer.addLayout(row)

    @property
    def game(self) -> Any:
        """The game the box acts on (always the controller's current one)."""
        return self._game()

    def build(self) -> Action | None:
        """The action the form describes now (None: the form is not filled in enough). Subclasses must override."""
        raise NotImplementedError(f"{type(self).__name__} must override ActionBox.build")

    def missing(self) -> str:
        """What to fill in when :meth:`build` returns None."""
        return "fill in the form"

    def set_game(self, game: Any) -> None:
        """Refresh choices from the game (override), then re-check."""
        self.revalidate()

    def clear(self) -> None:
        """Empty the free-text fields after a successful action (override)."""

    def watch(self, *widgets: QWidget) -> None:
        """Re-check the action whenever one of ``widgets`` changes."""
        for w in widgets:
            for name in ("currentIndexChanged", "valueChanged", "textChanged", "toggled", "itemSelectionChanged"):
                signal = getattr(w, name, None)
                if signal is not None:
                    signal.connect(lambda *_: self.revalidate())
                    break

    def verdict(self) -> str | None:
        """None when the action is legal now, else the engine's reason (or what is missing)."""
        action = self.build()
        if action is None:
            return self.missing()
        return self.game.check(action)

    def revalidate(self) -> None:
        """Show the engine's verdict and enable the button only for a legal action."""
        reason = self.verdict()
        self.button.setEnabled(reason is None)
        self.button.setToolTip(reason or "")
        if reason is None:
            self.reason.setText("Ready: it will be recorded in the game log.")
            set_style(self.reason, OK_STYLE)
        else:
            self.reason.setText(f"Not possible now: {reason}")
            set_style(self.reason, BAD_STYLE)

    def submit(self) -> None:
        """Send the action to the console (which applies it through the controller)."""
        action = self.build()
        if action is not None and self.game.check(action) is None:
            self.submitted.emit(action)

    def done(self, message: str) -> None:
        """After the action was applied: clear the texts and say so."""
        self.clear()
        self.revalidate()
        self.reason.setText(message)
        set_style(self.reason, OK_STYLE)


def line(placeholder: str) -> QLineEdit:
    """A one-line text field with a placeholder."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit
