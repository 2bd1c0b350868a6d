"""The hand-over screen: a full overlay that hides one seat's private information from the next.

Shown when control passes between two human seats at one computer (hot seat). It covers the
whole main window (menus, docks and views) until the next seat confirms it is ready.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.forms.base import seat_name
from ui.theme import SEAT_COLORS

translate = QCoreApplication.translate


def team_name(window: QWidget | None, seat: str) -> str:
    """The team and students entered for ``seat`` in the window's saved game ("" if none, or
    if only the seat's own name was stored)."""
    controller = getattr(window, "controller", None)
    record = getattr(getattr(controller, "session", None), "record", None)
    for info in getattr(record, "seats", None) or ():
        if info.seat == seat and info.player == "person" and info.name.strip() not in ("", seat_name(seat)):
            return info.name.strip()
    return ""


RESTACK = frozenset({QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.ChildAdded,
                     QEvent.Type.LayoutRequest})
"""Events of the window after which the overlay makes sure it still covers everything."""


class HandoverOverlay(QWidget):
    """An opaque overlay over its parent window: "Pass the laptop to Riyadh — click when ready".

    Signals:
        confirmed(str): the next seat clicked that it is ready (its id).
    """

    confirmed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(False)
        self.seat = ""
        self.previous: str | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color:#D9DEE5;font-size:16px;")
        layout.addWidget(self.detail)
        self.button = QPushButton()
        self.button.setObjectName("handover_ready")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._ready)
        layout.addSpacing(24)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(3)
        parent.installEventFilter(self)
        self.hide()

    def show_for(self, seat: str, previous: str | None) -> None:
        """Cover the window and ask ``seat`` to take over from ``previous``."""
        self.seat = seat
        self.previous = previous
        color = SEAT_COLORS.get(seat, "#FFFFFF")
        self.retranslate()
        self.button.setStyleSheet(
            f"QPushButton{{font-size:20px;padding:14px 36px;border-radius:8px;color:white;"
            f"background:{color};border:2px solid white;}}")
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.button.setFocus()

    def retranslate(self) -> None:
        """The overlay's texts for its seat, in the app's language now."""
        seat, previous = self.seat, self.previous
        color = SEAT_COLORS.get(seat, "#FFFFFF")
        team = team_name(self.parentWidget(), seat)
        who = (f"<br><span style='font-size:24px;color:#D9DEE5'>{escape(team)}</span>" if team else "")
        name = f"<b style='color:{color}'>{seat_name(seat)}</b>"
        self.title.setText("<span style='font-size:34px;color:white'>"
                           + translate("Handover", "Pass the laptop to {seat}").format(seat=name)
                           + f"</span>{who}")
        ready = translate("Handover", "{seat}: click when you are ready to play.").format(seat=seat_name(seat))
        self.detail.setText(translate("Handover", "{previous}'s private information is hidden.").format(
            previous=seat_name(previous)) + " " + ready if previous else ready)
        self.button.setText(translate("Handover", "I am {seat} — show my seat").format(seat=seat_name(seat)))

    def covering(self) -> bool:
        """Whether the overlay is up (also before the window is first shown)."""
        return not self.isHidden()

    def _ready(self) -> None:
        self.hide()
        self.confirmed.emit(self.seat)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """An opaque dark backdrop: nothing of the previous seat shows through."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1F2328"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Follow the parent's size, and stay on top of whatever the window adds or re-lays out
        while covered (docks tabified, views loaded after the first paint)."""
        if watched is self.parentWidget() and event.type() in RESTACK and self.covering():
            self.setGeometry(self.parentWidget().rect())
            if self.parentWidget().children()[-1] is not self:
                self.raise_()
        return False
