"""The facilitator's console: the big phase countdown, phase control, injections, rulings and notes.

Everything the facilitator decides is an engine action (``PhaseControl``, ``InjectCrisis``,
``InjectEvent``, ``SetParameter``, ``Ruling``, ``Note``) applied through
``GameController.apply``: it is saved, logged and replayed exactly. Only the countdown is UI
state. The console also shows every seat's private numbers, so it is shown only in
facilitator mode (see :mod:`ui.facilitator.mode`).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget,
)

from ui.facilitator.base import FACILITATOR, HINT_STYLE, ActionBox
from ui.facilitator.countdown import PLAYING, Countdown, CountdownLabel
from ui.facilitator.inject import CrisisBox, EventBox, ParameterBox
from ui.facilitator.rulings import NoteBox, RulingBox
from ui.facilitator.seats_table import SeatsTable
from ui.theme import seat_name, set_style
from ui.view_host import scrolled
from wargame import actions as A
from wargame.types import PHASE_NAMES

PHASE_BUTTON = ("QPushButton{{font-size:{px}px;font-weight:bold;padding:8px 10px;border-radius:7px;"
                "color:white;background:{bg};border:1px solid {border};}}"
                "QPushButton:disabled{{background:#C9CED6;color:#6B717A;border-color:#B8BEC7;}}")
CLOCK_BUTTON = ("QPushButton{{font-size:{px}px;padding:6px 8px;border-radius:7px;background:white;"
                "border:1px solid #9AA1AB;}} QPushButton:disabled{{color:#9AA1AB;}}")


def done_text(action: A.Action, first: int, count: int) -> str:
    """What the console says once an action is logged, numbered as the notes list numbers events."""
    if count == 0:
        return f"Done: “{action.label}” is recorded in the log."
    where = f"event #{first}" if count == 1 else f"events #{first}–#{first + count - 1}"
    return f"Done: “{action.label}” is logged as {where} (the numbers of the Notes list)."


class FacilitatorConsole(QWidget):
    """Countdown and phase control on top; tabs for seats, crisis, event, parameter, ruling, notes, clock.

    Signals:
        applied(str): a facilitator action was applied (its label), for the status bar.
    """

    applied = Signal(str)

    def __init__(self, controller: Any, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facilitator_console")
        self.controller = controller
        self.countdown = countdown
        self.confirm_advance = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self._header())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("facilitator_tabs")
        self.tabs.setUsesScrollButtons(True)
        self.seats = SeatsTable()
        game = lambda: self.controller.game  # noqa: E731 (always the current game)
        self.crisis_box, self.event_box = CrisisBox(game), EventBox(game)
        self.param_box, self.ruling_box, self.note_box = ParameterBox(game), RulingBox(game), NoteBox(game)
        self.boxes: list[ActionBox] = [self.crisis_box, self.event_box, self.param_box, self.ruling_box,
                                       self.note_box]
        self.tabs.addTab(scrolled(self.seats), "Seats")
        for box, title in zip(self.boxes, ("Crisis", "Event", "Parameter", "Ruling", "Notes")):
            box.submitted.connect(lambda action, b=box: self.submit(action, b))
            self.tabs.addTab(box, title)
        self.tabs.addTab(scrolled(self._clock_settings()), "Clock")
        layout.addWidget(self.tabs, 1)
        countdown.ticked.connect(lambda _s: self._show_clock_state())
        self.refresh()

    # ------------------------------------------------------------------ header
    def _header(self) -> QFrame:
        box = QFrame()
        box.setObjectName("console_header")
        box.setStyleSheet("QFrame#console_header{background:white;border:1px solid #D0D5DB;border-radius:10px;}")
        grid = QGridLayout(box)
        grid.setContentsMargins(12, 8, 12, 10)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.where = QLabel()
        self.where.setObjectName("console_where")
        self.where.setStyleSheet("font-size:20px;font-weight:bold;color:#1F2328;")
        self.state = QLabel()
        self.state.setObjectName("console_state")
        self.state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(self.state)
        grid.addLayout(top, 0, 0, 1, 4)
        self.clock = CountdownLabel(self.countdown, ratio=0.9)
        self.clock.setFixedHeight(118)
        grid.addWidget(self.clock, 1, 0, 1, 4)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet("font-size:14px;color:#3C4043;")
        grid.addWidget(self.waiting, 2, 0, 1, 4)
        self.advance = QPushButton("Advance phase ▶")
        self.advance.setObjectName("advance")
        self.advance.setStyleSheet(PHASE_BUTTON.format(px=16, bg="#2B3A55", border="#1F2A40"))
        self.advance.clicked.connect(self._advance_clicked)
        self.hold = QPushButton("Hold phase")
        self.hold.setObjectName("hold")
        self.hold.clicked.connect(lambda: self.phase_control("resume" if self.game.state.held_phase else "hold"))
        grid.addWidget(self.advance, 3, 0, 1, 2)
        grid.addWidget(self.hold, 3, 2, 1, 2)
        self.plus1 = QPushButton("+1 min")
        self.plus5 = QPushButton("+5 min")
        self.plus1.setObjectName("extend60")
        self.plus5.setObjectName("extend300")
        self.plus1.clicked.connect(lambda: self.phase_control("extend", 60))
        self.plus5.clicked.connect(lambda: self.phase_control("extend", 300))
        self.run = QPushButton("Pause clock")
        self.run.setObjectName("clock_run")
        self.run.clicked.connect(self._toggle_clock)
        self.restart = QPushButton("Restart clock")
        self.restart.clicked.connect(lambda: self.countdown.reset(self.game.phase, start=not self.game.state.held_phase))
        for col, button in enumerate((self.plus1, self.plus5, self.run, self.restart)):
            button.setStyleSheet(CLOCK_BUTTON.format(px=14))
            grid.addWidget(button, 4, col)
        for button in (self.advance, self.hold, self.plus1, self.plus5, self.run, self.restart):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        return box

    def _clock_settings(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        hint = QLabel("How long each phase lasts on the clock. When it reaches zero the clock flashes and "
                      "the room is told, but nothing is forced: you advance the phase when you are ready.")
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form.addRow(hint)
        self.durations: dict[str, QSpinBox] = {}
        for phase in PLAYING:
            spin = QSpinBox()
            spin.setRange(1, 120)
            spin.setSuffix(" min")
            spin.setValue(max(1, round(Countdown.duration(phase) / 60)))
            spin.valueChanged.connect(lambda v, p=phase: Countdown.set_duration(p, v * 60))
            self.durations[phase] = spin
            form.addRow(PHASE_NAMES.get(phase, phase), spin)
        apply_now = QPushButton("Restart the clock of the current phase with its duration")
        apply_now.clicked.connect(lambda: self.countdown.reset(self.game.phase, start=not self.game.state.held_phase))
        form.addRow(apply_now)
        return page

    # ------------------------------------------------------------------ state
    @property
    def game(self) -> Any:
        """The controller's current game."""
        return self.controller.game

    def set_controller(self, controller: Any) -> None:
        """Work on another game."""
        self.controller = controller
        self.refresh()

    def refresh(self, _events: list | None = None) -> None:
        """Show the game now: header, buttons, seats and every box's choices."""
        g = self.game
        self.where.setText(f"{g.quarter} · {'Game over' if g.over else PHASE_NAMES.get(g.phase, g.phase)}")
        acting = g.acting_seats()
        if g.over:
            waiting = "The game is over: write the debrief report from the Game menu."
        elif g.phase == "crisis":
            waiting = "Still to respond: " + (", ".join(self._who(s) for s in acting) or "nobody")
        else:
            waiting = "Still playing: " + (", ".join(self._who(s) for s in acting) or "nobody — every seat is done")
        if g.state.held_phase and not g.over:
            waiting += ". The phase is held: it will not advance until you resume or advance it."
        self.waiting.setText(waiting)
        self._phase_buttons()
        self.seats.set_game(g, self.controller.players)
        for box in self.boxes:
            box.set_game(g)
        self._show_clock_state()

    def _who(self, seat: str) -> str:
        label = self.controller.seat_label(seat) if hasattr(self.controller, "seat_label") else seat
        return label or seat_name(seat)

    def _phase_buttons(self) -> None:
        g = self.game
        held = g.state.held_phase
        self.hold.setText("Resume phase ▶" if held else "Hold phase ‖")
        colour = ("#1B6E3C", "#145530") if held else ("#B35C00", "#8A4700")
        set_style(self.hold, PHASE_BUTTON.format(px=16, bg=colour[0], border=colour[1]))
        for button, action in ((self.advance, A.PhaseControl(FACILITATOR, "advance")),
                               (self.hold, A.PhaseControl(FACILITATOR, "resume" if held else "hold")),
                               (self.plus1, A.PhaseControl(FACILITATOR, "extend", 60)),
                               (self.plus5, A.PhaseControl(FACILITATOR, "extend", 300))):
            reason = g.check(action)
            button.setEnabled(reason is None)
            button.setToolTip(reason or action.label)

    def _show_clock_state(self) -> None:
        c = self.countdown
        if c.held:
            text, colour = "ON HOLD", "#B35C00"
        elif c.is_up:
            text, colour = "TIME IS UP", "#C0392B"
        elif c.running:
            text, colour = "clock running", "#1B6E3C"
        elif c.active:
            text, colour = "clock paused", "#5C636E"
        else:
            text, colour = "", "#5C636E"
        self.state.setText(text)
        set_style(self.state, f"font-size:16px;font-weight:bold;color:{colour};")  # runs on every tick
        self.run.setText("Pause clock" if c.running else "Start clock")
        self.run.setEnabled(c.active and not c.held and not c.is_up)
        self.restart.setEnabled(c.active)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """A shorter clock when the console is short, so the tabs keep room."""
        super().resizeEvent(event)
        height = max(72, min(132, int(self.height() * 0.15)))
        if self.clock.height() != height:
            self.clock.setFixedHeight(height)

    # ------------------------------------------------------------------ acting
    def _toggle_clock(self) -> None:
        self.countdown.pause() if self.countdown.running else self.countdown.start()

    def _advance_clicked(self) -> None:
        acting = self.game.acting_seats()
        if self.confirm_advance and acting:
            who = ", ".join(self._who(s) for s in acting)
            answer = QMessageBox.question(self, "Advance the phase",
                                          f"{who} still {'has' if len(acting) == 1 else 'have'} to play. "
                                          "Close the phase for everyone now?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.phase_control("advance")

    def phase_control(self, command: str, seconds: int = 0) -> bool:
        """Advance, hold, resume or extend the phase (an engine action). Returns whether it applied."""
        return self.submit(A.PhaseControl(FACILITATOR, command, seconds))

    def submit(self, action: A.Action, box: ActionBox | None = None) -> bool:
        """Apply a facilitator action through the controller; the box says it was done."""
        events = self.controller.apply(action)
        if events is None:
            return False
        if box is not None:
            box.done(done_text(action, len(self.game.events) - len(events), len(events)))
        self.applied.emit(action.label)
        return True
