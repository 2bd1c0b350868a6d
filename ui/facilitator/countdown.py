"""The phase countdown: UI state only (never in the game log), shown large on the console and projector.

Each playing phase has a duration (configurable, remembered in the settings). The clock restarts
when a new phase begins during play; a phase already under way when the game is opened (or
created) waits with its full time until play starts in it (:attr:`Countdown.waiting`), pauses while the facilitator holds the phase, and grows when the phase
is extended. At zero it announces that time is up but forces nothing: only the facilitator's
*advance* closes the phase.
"""
from __future__ import annotations

import time
from typing import Iterable

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui import settings

PLAYING = ("diplomacy", "investment", "crisis")
DEFAULT_SECONDS = {"diplomacy": 10 * 60, "investment": 8 * 60, "crisis": 4 * 60}


def clock_text(seconds: int) -> str:
    """``12:05`` (``1:02:05`` past an hour)."""
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class Countdown(QObject):
    """A per-phase countdown driven by the wall clock.

    Signals:
        ticked(int): the remaining whole seconds changed (or the state did).
        expired(): the countdown just reached zero (once per phase and extension).
    """

    ticked = Signal(int)
    expired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.phase = ""
        self.moment: tuple[int, str] | None = None
        self.held = False
        self.waiting = False
        """Set to its full time but not started: the phase has not been started yet."""
        self._remaining = 0.0
        self._deadline: float | None = None
        self._announced = False
        self._last = -1
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ settings
    @staticmethod
    def duration(phase: str) -> int:
        """Seconds given to ``phase`` (from the settings, else the default)."""
        value = settings.get(f"facilitator/duration/{phase}", DEFAULT_SECONDS.get(phase, 300))
        try:
            return max(10, int(value))
        except (TypeError, ValueError):
            return DEFAULT_SECONDS.get(phase, 300)

    @staticmethod
    def set_duration(phase: str, seconds: int) -> None:
        """Remember the seconds given to ``phase`` (used from the next time it starts)."""
        settings.put(f"facilitator/duration/{phase}", int(seconds))

    # ------------------------------------------------------------------ state
    @property
    def remaining(self) -> int:
        """Whole seconds left (rounded up: 0 only when time is really up)."""
        left = self._deadline - time.monotonic() if self._deadline is not None else self._remaining
        return max(0, int(left + 0.999))

    @property
    def running(self) -> bool:
        """Whether the clock is counting down now."""
        return self._deadline is not None

    @property
    def active(self) -> bool:
        """Whether a playing phase is timed."""
        return self.phase in PLAYING

    @property
    def is_up(self) -> bool:
        """Whether time is up for this phase."""
        return self.active and self.remaining <= 0

    def text(self) -> str:
        """The clock as shown (``--:--`` outside the playing phases)."""
        return clock_text(self.remaining) if self.active else "--:--"

    # ------------------------------------------------------------------ control
    def follow(self, turn: int, phase: str, held: bool, over: bool = False) -> None:
        """Track the game: restart on a new phase, pause while held, stop when the game is over."""
        moment = (turn, phase)
        if over:
            self.phase, self.moment = "", moment
            self._stop(0.0)
        elif moment != self.moment:
            first = self.moment is None  # just opened: the phase under way waits for play
            self.moment = moment
            self.reset(phase, start=not held and not first)
        if held != self.held:
            self.held = held
            self.pause() if held else self.start()
        self._emit(force=True)

    def reset(self, phase: str, start: bool = True) -> None:
        """Give ``phase`` its full duration (running, unless ``start`` is False)."""
        self.phase = phase
        self._announced = False
        self._stop(float(self.duration(phase)) if phase in PLAYING else 0.0)
        self.waiting = not start and phase in PLAYING
        if start and phase in PLAYING:
            self.start()
        self._emit(force=True)

    def start(self) -> None:
        """Run the clock (not while the phase is held)."""
        if self.running or not self.active or self.held:
            return
        self.waiting = False
        self._deadline = time.monotonic() + self._remaining
        self._timer.start()
        self._emit(force=True)

    def pause(self) -> None:
        """Stop the clock, keeping the time left."""
        if self.running:
            self._stop(self._deadline - time.monotonic())
        self._emit(force=True)

    def extend(self, seconds: int) -> None:
        """Add ``seconds`` to the time left (a fresh announcement at the new zero)."""
        if not self.active:
            return
        if self.remaining <= 0:
            self._announced = False
            if self._deadline is not None:
                self._deadline = time.monotonic()
            else:
                self._remaining = 0.0
        if self._deadline is not None:
            self._deadline += seconds
        else:
            self._remaining += seconds
        self._emit(force=True)

    def follow_events(self, events: Iterable[object]) -> None:
        """Apply the facilitator's logged ``extend`` commands to the clock."""
        for event in events:
            data = getattr(event, "data", {}) or {}
            if getattr(event, "kind", "") == "phase" and data.get("command") == "extend":
                self.extend(int(data.get("seconds", 0)))

    def _stop(self, remaining: float) -> None:
        self._timer.stop()
        self._deadline = None
        self._remaining = max(0.0, remaining)

    def _tick(self) -> None:
        self._emit()
        if self.running and self.remaining <= 0:
            self._stop(0.0)
            if not self._announced:
                self._announced = True
                self.expired.emit()
            self._emit(force=True)

    def _emit(self, force: bool = False) -> None:
        value = self.remaining
        if force or value != self._last:
            self._last = value
            self.ticked.emit(value)


class CountdownLabel(QLabel):
    """The clock in very large digits; it flashes red when time is up and greys out when held.

    The digits fill ``ratio`` of the label's height (and never overflow its width), so the
    clock stays as large as its space allows at any window size.
    """

    def __init__(self, countdown: Countdown, ratio: float = 0.8, dark: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = countdown
        self.ratio = ratio
        self.dark = dark
        self._flash_on = False
        self._style = ""
        self.setObjectName("countdown")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._flash = QTimer(self)
        self._flash.setInterval(500)
        self._flash.timeout.connect(self._toggle)
        self._flashes = 0
        countdown.ticked.connect(lambda _s: self.refresh())
        countdown.expired.connect(self.flash)
        self.refresh()

    def flash(self, times: int = 12) -> None:
        """Blink red for ``times`` half-seconds (then stay red while time is up)."""
        self._flashes = times
        self._flash_on = True
        self._flash.start()
        self.refresh()

    def _toggle(self) -> None:
        self._flashes -= 1
        self._flash_on = not self._flash_on
        if self._flashes <= 0:
            self._flash.stop()
        self.refresh()

    @property
    def flashing(self) -> bool:
        """Whether the time-is-up blinking is under way."""
        return self._flash.isActive()

    def colours(self) -> tuple[str, str]:
        """(text, background) for the current state."""
        c = self.countdown
        if c.is_up:
            steady = not self._flash.isActive()
            return ("#FFFFFF", "#C0392B") if self._flash_on or steady else ("#C0392B", "transparent")
        if c.held or (c.active and not c.running):
            return ("#9AA1AB", "transparent")
        if c.active and c.remaining <= 60:
            return ("#FFB44D" if self.dark else "#B35C00", "transparent")
        return ("#FFFFFF" if self.dark else "#1F2328", "transparent")

    def refresh(self) -> None:
        """Redraw the digits in the state's colours and size."""
        fg, bg = self.colours()
        style = f"QLabel#countdown{{color:{fg};background:{bg};border-radius:12px;}}"
        if style != self._style:
            self._style = style
            self.setStyleSheet(style)
        text = self.countdown.text()
        if self.text() != text:
            self.setText(text)
            self._fit()

    def _fit(self) -> None:
        font = QFont(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        wide = max(metrics.horizontalAdvance(self.text() or "00:00"), 1.0)
        px = min(self.height() * self.ratio, (self.width() - 16) * 100 / wide)
        font.setPixelSize(max(12, int(px)))
        if font != self.font():
            self.setFont(font)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Small: the digits follow the space given, never the other way round."""
        return QSize(160, max(48, self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As small as the label's minimum height allows."""
        return QSize(120, max(32, self.minimumHeight()))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Keep the digits proportional to the space."""
        super().resizeEvent(event)
        self._fit()
