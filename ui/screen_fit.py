"""Opening windows inside the screen: a preferred size, shrunk to the available geometry.

Every top-level screen (welcome, main window, replay, compare, what-if) opens through
:func:`fit_to_screen`, so on a 1280×720 classroom laptop nothing opens larger than the
screen or with its title bar off the top. The window frame (title bar and borders) is not
known before a window is shown, so :data:`FRAME` is kept free around it.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)
"""Room kept for a window manager's frame: borders (width) and title bar plus borders (height)."""


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available geometry (without task bars) of ``widget``'s screen, else the primary screen's."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def client_room(available: QRect) -> QSize:
    """The largest client size whose frame fits in ``available``."""
    return QSize(max(available.width() - FRAME.width(), 200), max(available.height() - FRAME.height(), 200))


def fitted_size(preferred: QSize, available: QRect) -> QSize:
    """``preferred``, shrunk where needed so the framed window fits in ``available``."""
    return preferred.boundedTo(client_room(available))


def fit_to_screen(widget: QWidget, preferred: QSize, available: QRect | None = None) -> QSize:
    """Resize ``widget`` to ``preferred`` (shrunk to fit its screen) and centre it there.

    Returns the size given. ``available`` defaults to the screen's available geometry.
    """
    room = available if available is not None else available_geometry(widget)
    size = fitted_size(preferred, room)
    widget.resize(size)
    x = room.x() + max((room.width() - size.width() - FRAME.width()) // 2, 0)
    y = room.y() + max((room.height() - size.height() - FRAME.height()) // 2, 0)
    widget.move(x, y)
    return size
