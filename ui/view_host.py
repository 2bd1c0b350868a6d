"""Helpers of the main window's views: a lazily built view, a scroll area, and which views an action's change flags make stale.

Heavy views (charts on pyqtgraph, the network on networkx) are imported and built just after
the window's first paint, so the app opens fast; until then their host shows one line of text.
"""
from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedLayout, QWidget

from wargame.rules.changes import Changes


def scrolled(widget: QWidget) -> QScrollArea:
    """A frameless scroll area that resizes ``widget`` to its width (and scrolls when it is too small)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class LazyView(QWidget):
    """Hosts a view built on first :meth:`load` (``module.cls()``), forwarding ``set_game``."""

    def __init__(self, module: str, cls: str, loading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._module, self._cls = module, cls
        self.view: Any = None
        self._pending: tuple[Any, ...] | None = None
        self._dirty = False
        self._stack = QStackedLayout(self)
        label = QLabel(loading)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color:#5C636E;")
        self._stack.addWidget(label)

    @property
    def loaded(self) -> bool:
        """Whether the real view exists."""
        return self.view is not None

    def load(self) -> Any:
        """Import and build the view (once), and show the last game it was given."""
        if self.view is None:
            cls = getattr(importlib.import_module(self._module), self._cls)
            self.view = cls()
            self._stack.addWidget(self.view)
            self._stack.setCurrentWidget(self.view)
            if self._pending is not None:
                self._dirty = False
                self.view.set_game(*self._pending)
        return self.view

    def set_game(self, game: Any, viewer: str | None) -> None:
        """Forward to the view; while it is hidden (or not built), remember and forward when shown."""
        self._pending = (game, viewer)
        self._dirty = True
        if self.view is not None and self.isVisible():
            self._dirty = False
            self.view.set_game(game, viewer)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        """Catch up with the last game given while hidden."""
        super().showEvent(event)
        if self._dirty and self.view is not None and self._pending is not None:
            self._dirty = False
            self.view.set_game(*self._pending)


ALL_VIEWS = frozenset({"seat", "portfolio", "scoreboard", "map", "network", "indicators"})
"""The main window's views that redraw from game data."""


def stale_views(changes: Changes | None, shown: str | None) -> set[str]:
    """The views whose data ``changes`` (an action's change flags) touched; None: all of them.

    ``shown`` is the seat the seat panel shows: another seat's budget or political capital
    changing leaves it as it is.
    """
    if changes is None:
        return set(ALL_VIEWS)
    out: set[str] = set()
    shared = bool(changes.commitments or changes.proposals) or changes.phase or changes.crisis
    if shared or shown in changes.seats:
        out.add("seat")
    if changes.commitments or shown in changes.seats or changes.phase:
        out.add("portfolio")
    if changes.scores:
        out.add("scoreboard")
    if changes.map:
        out.add("map")
    if changes.network:
        out.add("network")
    if changes.indicators or changes.crisis:
        out.add("indicators")
    return out
