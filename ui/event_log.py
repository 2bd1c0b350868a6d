"""The event log: what happened, as the viewing seat may see it, newest at the bottom."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wargame.events import Event
from wargame.rules.game import Game
from wargame.types import SEAT_NAMES

KIND_COLORS = {
    "crisis": "#C0392B", "outcome": "#C0392B", "learning": "#C0392B", "chance": "#7A6A00",
    "signed": "#1B6E3C", "credibility": "#1B6E3C", "proposal": "#0B5C8E", "answer": "#0B5C8E",
    "withdrawal": "#8A1C1C", "sanctions": "#8A1C1C", "hold": "#8A1C1C", "world": "#6B4E16",
    "turn": "#1F2328", "phase": "#5C636E", "pass": "#5C636E", "undo": "#5C636E",
}
QUIET = ("phase", "pass")
"""Kinds shown in grey (routine bookkeeping)."""


def audience_tag(game: Game | None, event: Event) -> str:
    """Who was told of a non-public event, and for a proposal whether the deal itself is public.

    "(private)" alone misled players: talks about a *public* deal are still seen only by their
    parties (rules §4.1, §4.6), so the tag says who sees the line and what kind of deal it is.
    """
    if event.public:
        return ""
    names = [SEAT_NAMES.get(s, s) for s in event.seats]
    if len(names) > 1:
        who = ", ".join(names[:-1]) + " and " + names[-1]
    else:
        who = names[0] if names else "nobody"
    tag = f"  (seen only by {who}"
    prop = game.state.proposals.get(str(event.data.get("proposal", ""))) if game is not None else None
    if prop is not None and event.kind in ("proposal", "answer", "lapsed"):
        tag += "; a public deal once signed" if prop.public else "; a secret deal"
    return tag + ")"


class EventLog(QWidget):
    """A filterable list of the events ``viewer`` may see (``Event.visible_to``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter the log (e.g. crisis, Riyadh, loan)…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        layout.addWidget(self.list)
        self._viewer: str | None = None
        self._count = 0
        self._game: Game | None = None

    def set_game(self, game: Game, viewer: str | None) -> None:
        """Show the whole log as ``viewer`` sees it (None: everything)."""
        self._game = game
        self._viewer = viewer
        self.list.clear()
        self._count = 0
        self._add(game.events)

    def append(self, events: Iterable[Event]) -> None:
        """Add newly produced events (only those the current viewer may see)."""
        self._add(events)

    def _add(self, events: Iterable[Event]) -> None:
        text = self.filter.text().strip().lower()
        bottom = self.list.verticalScrollBar().value() >= self.list.verticalScrollBar().maximum() - 4
        added = False
        for event in events:
            if not event.visible_to(self._viewer):
                continue
            self.list.addItem(self._item(event, text))
            self._count += 1
            added = True
        if added and bottom:  # once the new rows have their (wrapped) height
            QTimer.singleShot(0, self.list, self.list.scrollToBottom)

    def _item(self, event: Event, text: str) -> QListWidgetItem:
        label = event.text + audience_tag(self._game, event)
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, event.kind)
        color = KIND_COLORS.get(event.kind, "#1F2328")
        item.setForeground(QColor(color))
        if event.kind in ("turn", "crisis", "outcome"):
            font = QFont(self.list.font())
            font.setBold(True)
            item.setFont(font)
        elif not event.public:
            font = QFont(self.list.font())
            font.setItalic(True)
            item.setFont(font)
        item.setHidden(bool(text) and text not in label.lower())
        return item

    def texts(self) -> list[str]:
        """The texts shown (for tests)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())
