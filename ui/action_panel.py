"""The acting seat's actions: its inbox, a button per action of the phase, undo and end phase.

Every button is enabled from the engine's answer: ``game.unavailable(seat)`` for action kinds and
``game.check(action)`` for concrete actions. A disabled button carries the engine's reason as its
tooltip and as grey text under it. The panel applies nothing itself: it emits requests that the
main window turns into forms or passes to the controller.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget,
)

from ui.adviser import advise, hint_label
from ui.consequences import preview_html
from ui.forms.base import HINT_STYLE, seat_name
from ui.forms.propose import terms_text
from ui.tutorial import SEAT as TUTORIAL_SEAT
from ui.tutorial import TutorialBox, is_tutorial, progress
from wargame import actions as A
from wargame.actions import ACTION_TYPES, Action
from wargame.rules.deals import DEAL_NAMES
from wargame.rules.game import Game
from wargame.rules.moves import PHASE_ACTIONS, WASHINGTON_ONLY
from wargame.state import Proposal
from wargame.types import PHASE_NAMES, RESPONSES

FORM_ORDER = ("propose", "declare", "withdraw", "assure", "sanction", "lift_sanctions", "invest",
              "show_exercise", "buy_foreign", "posture", "hold", "release")
BUTTON_TEXT = {
    "propose": "Propose a deal…", "declare": "Public declaration…", "withdraw": "Withdraw…",
    "assure": "Security assurance…", "sanction": "Sanctions pressure…", "lift_sanctions": "Lift sanctions…",
    "invest": "Invest in own forces…", "show_exercise": "Visible exercise…", "buy_foreign": "Buy from Russia/China…",
    "posture": "Change force posture…", "hold": "Hold an arms sale…", "release": "Release a held sale…",
}


def _reason_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE + "font-size:90%;")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _guide_key(game: Game, seat: str) -> object:
    """What the tutorial box or the adviser line shows (the panel is rebuilt when it changes)."""
    if is_tutorial(game) and seat == TUTORIAL_SEAT:
        return ("tutorial", progress(game))
    hints = advise(game, seat)
    return hints[0].title if hints else None


class ActionPanel(QScrollArea):
    """Inbox, actions of the phase and the end-of-phase controls for one seat.

    Signals:
        formRequested(str): open the form for an action kind (``propose``, ``invest``...).
        actionRequested(object): apply this concrete action (accept, reject, undo).
        endPhaseRequested(): the seat asks to end its phase (the window confirms first, as for
            the toolbar, the menu and Ctrl+E: the phase cannot be resumed).
        counterRequested(str): open the counter-proposal form for this proposal id.
        crisisRequested(): open the crisis dialog.
    """

    formRequested = Signal(str)
    actionRequested = Signal(object)
    endPhaseRequested = Signal()
    counterRequested = Signal(str)
    crisisRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons: dict[str, QPushButton] = {}
        self.reasons: dict[str, QLabel] = {}
        self._inner: QWidget | None = None
        self._why_not = "another seat is in control"
        self._last_key: object = None
        self.tutorial: TutorialBox | None = None

    @staticmethod
    def _key(game: Game, seat: str | None, can_act: bool, why_not: str) -> object:
        """Everything the panel shows: rebuilding is skipped when it has not changed."""
        if seat is None or game.over:
            return (seat, game.over)
        inbox = tuple((p.id, game.check(A.Accept(seat, p.id)), game.check(A.Reject(seat, p.id)))
                      for p in game.open_proposals(seat))
        crisis = game.state.crisis.id if game.state.crisis is not None else None
        return (seat, can_act, why_not, game.turn, game.phase, crisis, tuple(game.acting_seats()),
                tuple(sorted(game.unavailable(seat).items())), inbox,
                game.check(A.Undo(seat)), game.check(A.EndPhase(seat)), _guide_key(game, seat))

    def set_game(self, game: Game, seat: str | None, can_act: bool = True,
                 why_not: str = "another seat is in control") -> None:
        """Rebuild for ``seat`` (``can_act`` False: a computer seat or another seat's turn, ``why_not``)."""
        self._why_not = why_not
        key = self._key(game, seat, can_act, why_not)
        if key == self._last_key:
            return
        self._last_key = key
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.buttons, self.reasons = {}, {}
        if seat is None:
            layout.addWidget(_reason_label("Every seat is played by the computer: watch the game unfold."))
        elif game.over:
            layout.addWidget(QLabel("<b>The game is over.</b> See the scores in the Indicators panel."))
        else:
            self._build(game, seat, can_act, layout)
        layout.addStretch(1)
        old = self.takeWidget()  # setWidget() would delete it now, maybe inside one of its buttons' click
        self.setWidget(inner)
        if old is not None:
            old.hide()
            old.deleteLater()
        self._inner = inner

    def _build(self, game: Game, seat: str, can_act: bool, layout: QVBoxLayout) -> None:
        if is_tutorial(game) and seat == TUTORIAL_SEAT:
            self.tutorial: TutorialBox | None = TutorialBox(game)
            layout.addWidget(self.tutorial)
        else:
            self.tutorial = None
        self._build_actions(game, seat, can_act, layout)
        hints = advise(game, seat) if can_act else []
        if hints and self.tutorial is None:
            adviser = hint_label(hints[0], prefix="<span style='color:#0B5C8E'><b>Adviser:</b></span> ")
            adviser.setObjectName("adviser")
            adviser.setStyleSheet("color:#3C4043;font-size:90%;")
            layout.addWidget(adviser)

    def _build_actions(self, game: Game, seat: str, can_act: bool, layout: QVBoxLayout) -> None:
        unavailable = game.unavailable(seat)
        phase = game.phase
        if not can_act:
            layout.addWidget(_reason_label(f"{seat_name(seat)}: {self._why_not}. Its moves appear in the "
                                           "event log and on the map."))
        acting = seat in game.acting_seats()
        if phase == "crisis" and game.state.crisis is not None:
            crisis = game.state.crisis
            box = self._section(layout, f"Crisis: {crisis.title}", "#C0392B")
            text = QLabel(f"{crisis.text}<br><b>{seat_name(crisis.target)}</b> is tested. " + (
                "You are the target." if seat == crisis.target else
                f"Expected of {seat_name(seat)}: <b>{RESPONSES[crisis.obligations[seat]]}</b>."
                if seat in crisis.obligations else f"{seat_name(seat)} is not involved."))
            text.setWordWrap(True)
            box.addWidget(text, 1, 0)
            waiting = [seat_name(s) for s in game.acting_seats()]
            box.addWidget(_reason_label("Waiting for: " + (", ".join(waiting) or "nobody")), 2, 0)
            button = self._button("respond", "Respond to the crisis…", unavailable.get("respond"), box, 0)
            button.clicked.connect(self.crisisRequested.emit)
            button.setEnabled(button.isEnabled() and can_act)
            return
        inbox = game.open_proposals(seat)
        if inbox:
            box = self._section(layout, f"Inbox — {len(inbox)} proposal{'s' if len(inbox) > 1 else ''} to answer",
                                "#0B5C8E")
            for row, prop in enumerate(inbox):
                self._proposal_row(game, seat, prop, box, row, can_act)
        state = ("your move" if can_act else f"{seat_name(seat)} to move") if acting else "done for this phase"
        title = f"{PHASE_NAMES.get(phase, phase)} — {state}"
        box = self._section(layout, title, "#1F2328")
        kinds = [k for k in FORM_ORDER if k in PHASE_ACTIONS.get(phase, ())
                 and (seat == "washington" or k not in WASHINGTON_ONLY)
                 and not (seat == "washington" and k == "buy_foreign")]
        for row, kind in enumerate(kinds):
            reason = unavailable.get(kind) if can_act else self._why_not
            button = self._button(kind, BUTTON_TEXT[kind], reason, box, row)
            button.clicked.connect(lambda _=False, k=kind: self.formRequested.emit(k))
        footer = QHBoxLayout()
        undo_reason = game.check(A.Undo(seat)) if can_act else self._why_not
        end_reason = game.check(A.EndPhase(seat)) if can_act else self._why_not
        undo = QPushButton("Undo last action")
        undo.setObjectName("undo")
        end = QPushButton(f"End {PHASE_NAMES.get(phase, phase).lower()} phase")
        end.setObjectName("end_phase")
        end.setStyleSheet("QPushButton:enabled{font-weight:bold;padding:6px 14px;}")
        for button, reason, action in ((undo, undo_reason, A.Undo(seat)), (end, end_reason, A.EndPhase(seat))):
            button.setEnabled(reason is None)
            button.setToolTip(reason or action.label)
            if action.kind == "end_phase":
                button.clicked.connect(self.endPhaseRequested.emit)
            else:
                button.clicked.connect(lambda _=False, a=action: self.actionRequested.emit(a))
            self.buttons[button.objectName()] = button
            footer.addWidget(button)
        layout.addLayout(footer)
        for key, reason in (("undo", undo_reason), ("end_phase", end_reason)):
            if reason is not None and reason != self._why_not:
                label = _reason_label(f"{'Undo' if key == 'undo' else 'End phase'}: {reason}")
                self.reasons[key] = label
                layout.addWidget(label)

    def _section(self, layout: QVBoxLayout, title: str, color: str) -> QGridLayout:
        head = QLabel(f"<b style='color:{color}'>{title}</b>")
        head.setWordWrap(True)
        layout.addWidget(head)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        layout.addLayout(grid)
        return grid

    def _button(self, key: str, text: str, reason: str | None, grid: QGridLayout, row: int) -> QPushButton:
        """A button for an action kind; disabled with the engine's reason (tooltip and grey text)."""
        button = QPushButton(text)
        button.setObjectName(f"action_{key}")
        button.setEnabled(reason is None)
        button.setToolTip(reason or ACTION_TYPES[key].__doc__ or text)
        button.setStyleSheet("text-align:left;padding:4px 8px;")
        self.buttons[key] = button
        cell = QVBoxLayout()
        cell.setSpacing(0)
        cell.addWidget(button)
        if reason is not None and reason != self._why_not:
            label = _reason_label(reason)
            self.reasons[key] = label
            cell.addWidget(label)
        grid.addLayout(cell, row, 0)
        return button

    def _proposal_row(self, game: Game, seat: str, prop: Proposal, grid: QGridLayout, row: int,
                      can_act: bool) -> None:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet("QFrame{background:#EEF5FB;border:1px solid #BBD3E6;border-radius:4px;}"
                            "QLabel{border:none;background:transparent;}")
        box = QVBoxLayout(frame)
        # the title is one line and the buttons come right under it, so they keep their place
        # whatever the width (the terms and consequences below wrap freely)
        title = QLabel(f"<b>{seat_name(prop.sender)}</b> proposes {DEAL_NAMES[prop.deal]}"
                       + ("" if prop.public else " (secret)"))
        title.setObjectName(f"title_{prop.id}")
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        box.addWidget(title)
        buttons = QHBoxLayout()
        actions: list[tuple[str, Action | None]] = [
            ("Accept", A.Accept(seat, prop.id)), ("Reject", A.Reject(seat, prop.id)), ("Counter…", None)]
        notes = []
        for label, action in actions:
            button = QPushButton(label)
            key = f"{label.rstrip('…').lower()}_{prop.id}"
            button.setObjectName(key)
            if action is None:
                reason = None if game.phase == "diplomacy" else "counter-proposals are made in the diplomacy phase"
                button.clicked.connect(lambda _=False, p=prop.id: self.counterRequested.emit(p))
            else:
                reason = game.check(action)
                button.clicked.connect(lambda _=False, a=action: self.actionRequested.emit(a))
            if not can_act:
                reason = self._why_not
            button.setEnabled(reason is None)
            button.setToolTip(reason or label)
            if reason is not None and action is not None and action.kind == "accept":
                notes.append(f"Accept: {reason}")
            self.buttons[key] = button
            buttons.addWidget(button)
        box.addLayout(buttons)
        terms = QLabel(terms_text(game, prop.terms) or "no terms")
        terms.setObjectName(f"terms_{prop.id}")
        terms.setWordWrap(True)
        box.addWidget(terms)
        shown = preview_html(game, seat, A.Accept(seat, prop.id))
        if shown:
            consequences = QLabel(shown)
            consequences.setObjectName(f"consequences_{prop.id}")
            consequences.setWordWrap(True)
            consequences.setStyleSheet("color:#3C4043;font-size:90%;")
            box.addWidget(consequences)
        for note in notes:
            box.addWidget(_reason_label(note))
        grid.addWidget(frame, row, 0)
