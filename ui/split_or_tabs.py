"""Two views one above the other when there is height for both, else as two tabs.

On a 1280×720 screen the scoreboard (which needs about 270 px to name its components) and the
indicator charts (about 260 px) do not both fit under a replay's timeline; squeezing them hides
the component names and flattens the charts. :class:`SplitOrTabs` shows them stacked in a
splitter from :attr:`SplitOrTabs.tall` pixels up, and as tabs below that.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QSplitter, QStackedLayout, QTabWidget, QWidget


class SplitOrTabs(QWidget):
    """``top`` above ``bottom`` (sizes in ``ratio``) when at least ``tall`` px high, else tabs titled ``titles``."""

    def __init__(self, top: QWidget, bottom: QWidget, titles: tuple[str, str], tall: int,
                 ratio: tuple[int, int] = (2, 3), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views, self.titles, self.tall, self.ratio = (top, bottom), titles, tall, ratio
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._stack = QStackedLayout(self)
        self._stack.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # minimumSizeHint rules
        self._stack.addWidget(self.split)
        self._stack.addWidget(self.tabs)
        self._tabbed: bool | None = None
        self._arrange(tabbed=False)

    @property
    def tabbed(self) -> bool:
        """Whether the two views are shown as tabs."""
        return bool(self._tabbed)

    def _arrange(self, tabbed: bool) -> None:
        if tabbed == self._tabbed:
            return
        self._tabbed = tabbed
        top, bottom = self.views
        if tabbed:
            self.tabs.addTab(top, self.titles[0])
            self.tabs.addTab(bottom, self.titles[1])
            self._stack.setCurrentWidget(self.tabs)
        else:
            self.split.addWidget(top)
            self.split.addWidget(bottom)
            h = max(self.height(), self.tall)
            share = h * self.ratio[0] // sum(self.ratio)
            first = max(share, top.minimumSizeHint().height())  # the top view's own minimum first
            self.split.setSizes([first, max(0, h - first)])
            self._stack.setCurrentWidget(self.split)
        top.show()
        bottom.show()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """The larger view's minimum plus a tab bar: the tabbed form always fits."""
        hints = [v.minimumSizeHint().expandedTo(v.minimumSize()) for v in self.views]
        return QSize(max(h.width() for h in hints), max(h.height() for h in hints) + 32)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Stack the views or tab them, as the new height allows."""
        super().resizeEvent(event)
        need = max(self.tall, sum(v.minimumSizeHint().height() for v in self.views) + self.split.handleWidth())
        self._arrange(tabbed=event.size().height() < need)
