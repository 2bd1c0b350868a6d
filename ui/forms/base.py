"""Building blocks of the action forms: a dialog that validates live with ``game.check``.

A form never decides legality itself: it builds the action from its widgets, asks the engine
(``game.check``) and shows the engine's reason inline; the confirm button is enabled only when
the engine says the action is legal. Choices the engine would refuse are shown disabled, with
the reason as their tooltip.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from ui.consequences import preview_html
from ui.theme import BAD_STYLE, OK_STYLE, seat_name, set_style
from wargame.actions import Action
from wargame.rules.game import Game

__all__ = ["BAD_STYLE", "HINT_STYLE", "OK_STYLE", "ActionForm", "Option", "fill_combo", "seat_name",
           "select_data"]

HINT_STYLE = "color:#5F6368;"

Option = tuple[str, Any, "str | None"]
"""A choice: (label, value, reason it is unavailable or None)."""


def fill_combo(combo: QComboBox, options: Sequence[Option], keep: bool = True) -> None:
    """Fill ``combo`` with options; unavailable ones are greyed out with their reason.

    Keeps the current value when it is still offered (``keep``), else selects the first
    available option.
    """
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    model = combo.model()
    for i, (label, value, reason) in enumerate(options):
        combo.addItem(label if reason is None else f"{label} — unavailable", value)
        if reason is not None and isinstance(model, QStandardItemModel):
            item = model.item(i)
            item.setEnabled(False)
            item.setToolTip(reason)
        elif reason is None:
            combo.setItemData(i, None, Qt.ItemDataRole.ToolTipRole)
    index = next((i for i, (_, v, r) in enumerate(options) if v == current), -1)
    if index < 0:
        index = next((i for i, (_, _, r) in enumerate(options) if r is None), 0 if options else -1)
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: Any) -> bool:
    """Select the item whose data is ``value``; False if there is none."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return True
    return False


class ActionForm(QDialog):
    """A dialog that builds one action, validates it live and confirms only legal ones.

    Subclasses must override :meth:`build` (the abstract part of the contract; the base raises
    ``NotImplementedError``) and may override :meth:`describe`. They add widgets to
    :attr:`form` and call :meth:`revalidate` when a widget changes. After ``exec``/``accept``, :attr:`action`
    holds the action to apply (the form itself applies nothing).
    """

    previews = True
    """Show the engine's preview of the action (money, obligations, if tested, score)."""

    def __init__(self, game: Game, seat: str, title: str, verb: str,
                 intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.game = game
        self.seat = seat
        self.action: Action | None = None
        self.setWindowTitle(f"{seat_name(seat)} — {title}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            label.setStyleSheet(HINT_STYLE)
            layout.addWidget(label)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        layout.addWidget(self.summary)
        self.consequences = QLabel()
        self.consequences.setWordWrap(True)
        self.consequences.setObjectName("consequences")
        self.consequences.setStyleSheet("QLabel{background:#F6F8FA;border:1px solid #D8DEE4;padding:6px;}")
        layout.addWidget(self.consequences)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("reason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok: QPushButton = self.buttons.addButton(verb, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -------------------------------------------------------------- for subclasses
    def build(self) -> Action | None:
        """The action the widgets describe now (None if incomplete). Subclasses must override."""
        raise NotImplementedError(f"{type(self).__name__} must override ActionForm.build")

    def describe(self, action: Action) -> str:
        """A one-line summary of the action for the player (override for detail)."""
        return action.label

    def combo(self, label: str, options: Sequence[Option], tip: str = "") -> QComboBox:
        """Add a combo box row that revalidates on change."""
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        fill_combo(box, options, keep=False)
        box.currentIndexChanged.connect(self.revalidate)
        if tip:
            box.setToolTip(tip)
        self.form.addRow(label, box)
        return box

    def offer(self, combo: QComboBox, values: Sequence[tuple[str, Any]],
              make: Callable[[Any], Action | None]) -> None:
        """Fill ``combo`` with ``values``, disabling those whose action the engine refuses."""
        options: list[Option] = []
        for label, value in values:
            action = make(value)
            options.append((label, value, None if action is None else self.game.check(action)))
        fill_combo(combo, options)

    # -------------------------------------------------------------- validation
    def current_reason(self) -> tuple[Action | None, str | None]:
        """The action built now and the engine's reason it is illegal (None if legal)."""
        try:
            action = self.build()
        except (ValueError, TypeError) as err:
            return None, str(err)
        if action is None:
            return None, "Complete the form."
        return action, self.game.check(action)

    def revalidate(self, *_: object) -> None:
        """Ask the engine about the action the form describes; enable confirm only if legal."""
        action, reason = self.current_reason()
        self.summary.setText(self.describe(action) if action is not None else "")
        shown = preview_html(self.game, self.seat, action) if reason is None and self.previews else ""
        self.consequences.setText(shown)
        self.consequences.setVisible(bool(shown))
        if reason is None:
            self.reason.setText("✓ The rules allow this.")
            set_style(self.reason, OK_STYLE)
        else:
            self.reason.setText(f"✗ {reason}")
            set_style(self.reason, BAD_STYLE)
        self.ok.setEnabled(reason is None)
        self.ok.setToolTip(reason or "")

    def _confirm(self) -> None:
        action, reason = self.current_reason()
        if action is None or reason is not None:
            self.revalidate()
            return
        self.action = action
        self.accept()
