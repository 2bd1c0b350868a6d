"""The replay's bookmarks: a list (label, point, note), add at the current point, jump, remove.

Bookmarks are stored in the save through the source (``record.add_bookmark``); when the source
cannot hold them (a read-only file, a seat view) the panel says why and disables adding.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from ui.theme import NEUTRAL, scaled_font


class BookmarkDialog(QDialog):
    """Ask for a bookmark's label and note."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a bookmark")
        form = QFormLayout(self)
        form.addRow(QLabel(f"Bookmark the point <b>{where}</b>"))
        self.label = QLineEdit()
        self.label.setPlaceholderText("e.g. Turkey's accession vote")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("A note for the debrief (optional)")
        self.note.setFixedHeight(90)
        form.addRow("Label", self.label)
        form.addRow("Note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, 240)

    def _accept(self) -> None:
        if self.label.text().strip():
            self.accept()
        else:
            self.label.setFocus()
            self.label.setPlaceholderText("A bookmark needs a label")


class BookmarksPanel(QWidget):
    """The bookmarks of the replayed game.

    Signals:
        indexRequested(int): jump to a bookmark's point.
        addRequested(): the user wants to bookmark the current point.
        removeRequested(int): the id of a bookmark to delete.
    """

    indexRequested = Signal(int)
    addRequested = Signal()
    removeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(f"color:{NEUTRAL['muted']}; background:#FFF7E0; border:1px solid #E8D9A8;"
                                  "padding:6px; border-radius:4px;")
        self.reason.hide()
        lay.addWidget(self.reason)
        self.list = QListWidget()
        self.list.setFont(scaled_font(10.5))
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._jump)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("★ Bookmark this point…")
        self.add_button.setToolTip("Ctrl+B")
        self.add_button.clicked.connect(self.addRequested.emit)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove)
        for button in (self.add_button, self.remove_button):
            button.setStyleSheet("QPushButton:disabled { color: #A5ABB3; }")
        row.addWidget(self.add_button, 1)
        row.addWidget(self.remove_button)
        lay.addLayout(row)
        self._ids: list[int] = []

    def set_bookmarks(self, bookmarks: list[Any], quarter_of_index: Any) -> None:
        """Show ``bookmarks`` (storage ``Bookmark`` objects); ``quarter_of_index(i)`` names a point."""
        self.list.clear()
        self._ids = []
        for b in bookmarks:
            text = f"★ {b.label}\n    #{b.index} · {quarter_of_index(b.index)}"
            if b.note:
                text += f"\n    {b.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, b.index)
            item.setData(Qt.ItemDataRole.UserRole + 1, b.id)
            item.setToolTip(b.note or b.label)
            self.list.addItem(item)
            self._ids.append(b.id)
        if not bookmarks:
            item = QListWidgetItem("No bookmarks yet. Step to a moment worth discussing and bookmark it.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(bookmarks) and self.add_button.isEnabled())

    def set_problem(self, problem: str | None) -> None:
        """Disable adding and removing, and say why (None: enabled)."""
        self.add_button.setEnabled(problem is None)
        self.remove_button.setEnabled(problem is None and bool(self._ids))
        self.reason.setVisible(problem is not None)
        if problem is not None:
            self.reason.setText(f"Bookmarks cannot be added: {problem}.")
            self.add_button.setToolTip(f"Bookmarks cannot be added: {problem}")

    def labels(self) -> list[str]:
        """The bookmark rows' texts (for tests)."""
        return [self.list.item(i).text() for i in range(self.list.count()) if self._ids]

    def _jump(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None:
            self.indexRequested.emit(int(index))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole + 1) is not None:
            self.removeRequested.emit(int(item.data(Qt.ItemDataRole.UserRole + 1)))
