"""Facilitator mode, offscreen: the console's controls become engine actions in the log.

A four-person game (no computer seats) in a main window. Through the console's widgets the
facilitator injects crises (custom and from the deck), holds, resumes and extends phases, changes
a parameter, rules on a resolved crisis and pins a note; every decision is an action of the log
and replaying the log gives the same game. Also: the PIN (only a salted hash is stored; a wrong
PIN is refused), the hand-over screen around facilitator mode, the countdown and the debrief.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.types import SEAT_NAMES, SEATS  # noqa: E402

F = "facilitator"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


def make_window(qtbot, tmp_path, players: dict[str, str] | None = None, seed: int = 7):
    from ui.app import new_session_controller
    from ui.main_window import MainWindow
    from wargame.storage import SeatInfo
    seats = [SeatInfo(s, (players or {}).get(s, "person"), SEAT_NAMES[s], "balanced") for s in SEATS]
    controller = new_session_controller("pact-2026", seed, seats, str(tmp_path / f"class{seed}.wargame"))
    controller.set_bot_interval(0)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


@pytest.fixture
def win(qtbot, tmp_path):
    return make_window(qtbot, tmp_path)


def enter(win):
    assert win.facilitator.enter(pin="")
    console = win.facilitator.console
    console.confirm_advance = False
    return console


def click(qtbot, button) -> None:
    assert button.isEnabled(), f"{button.text()} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def facilitator_kinds(game) -> list[str]:
    return [a.kind for a in game.actions if a.seat == F]


def assert_replays(win) -> None:
    g = win.controller.game
    assert Game.replay(g.scenario, g.seed, list(g.actions)).digest() == g.digest()


# ------------------------------------------------------------------ seeing everything
def test_facilitator_sees_everything_and_handover_around_it(qtbot, win):
    c = win.controller
    secret = A.Propose("riyadh", "loan", ("islamabad",),
                       A.make_terms(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8), False)
    assert c.apply(secret) is not None
    assert win.viewer == "ankara"
    assert not any("loan (p" in t for t in win.log.texts())  # Ankara does not see it
    console = enter(win)
    assert win.facilitator.active and win.viewer is None and win.facilitator.dock.isVisible()
    assert any("Riyadh proposes to Islamabad: loan" in t for t in win.log.texts())
    assert any("loan (secret)" in t for t in console.seats.secret_texts())
    assert console.seats.cell("riyadh", "budget").startswith("$")
    # seats change hands while the facilitator looks: no hand-over screen hides anything
    for seat in ("ankara", "riyadh"):
        c.apply(A.EndPhase(seat))
    assert not win.handover.isVisible() and win.viewer is None
    assert console.seats.cell("ankara", "done") == "done"
    # returning control to the seats shows the hand-over screen for the seat to move
    win.facilitator.leave()
    assert win.handover.isVisible() and win.handover.seat == c.control == "islamabad"
    assert not win.facilitator.dock.isVisible()
    assert "facilitator" in win.handover.detail.text().lower()
    click(qtbot, win.handover.button)
    assert win.viewer == "islamabad" and not win.handover.isVisible()


def test_enter_from_the_handover_screen(qtbot, tmp_path):
    win = make_window(qtbot, tmp_path, {"ankara": "computer", "washington": "computer"})
    c = win.controller
    c.run_bots_now()
    c.apply(A.EndPhase("riyadh"))
    assert win.handover.isVisible() and win.handover.seat == "islamabad"
    enter(win)
    assert not win.handover.isVisible() and win.viewer is None


# ------------------------------------------------------------------ the console's actions
def test_inject_crises_custom_and_from_the_deck(qtbot, win):
    console = enter(win)
    g = lambda: win.controller.game  # noqa: E731
    box = console.crisis_box
    box.custom.setChecked(True)
    box.title.setText("Cyber attack on the national grid")
    box.target.setCurrentIndex(box.target.findData("ankara"))
    box.severity.setValue(0.8)
    box.text.setPlainText("Blackouts across Anatolia.")
    click(qtbot, box.button)
    crisis = g().state.crisis
    assert crisis.type == "custom" and crisis.title == "Cyber attack on the national grid"
    assert crisis.target == "ankara" and crisis.severity == pytest.approx(0.8) and crisis.injected
    assert g().actions[-1] == A.InjectCrisis(F, "custom", "ankara", 0.8, "Cyber attack on the national grid",
                                             "Blackouts across Anatolia.")
    assert not box.button.isEnabled() and "already" in box.button.toolTip()  # one crisis at a time
    turn = g().turn
    while g().turn == turn:  # the facilitator closes diplomacy, investment and the crisis
        assert console.phase_control("advance")
    assert g().phase == "diplomacy" and g().state.crises[-1].title == "Cyber attack on the national grid"
    box.from_deck.setChecked(True)
    box.deck.setCurrentIndex(box.deck.findData("india_pakistan"))
    assert [box.target.itemData(i) for i in range(box.target.count())] == ["islamabad"]
    click(qtbot, box.button)
    assert g().state.crisis.type == "india_pakistan" and g().state.crisis.target == "islamabad"
    assert facilitator_kinds(g()).count("inject_crisis") == 2
    assert_replays(win)


def test_hold_resume_and_extend(qtbot, win):
    console = enter(win)
    c, mode = win.controller, win.facilitator
    click(qtbot, console.hold)
    assert c.game.state.held_phase and mode.countdown.held and not mode.countdown.running
    assert console.hold.text().startswith("Resume")
    for seat in SEATS:
        assert c.apply(A.EndPhase(seat)) is not None
    assert c.game.phase == "diplomacy"  # held: the seats' End phase does not advance it
    click(qtbot, console.hold)  # resume
    assert c.game.phase == "investment" and not c.game.state.held_phase
    assert mode.countdown.phase == "investment" and mode.countdown.running
    before = mode.countdown.remaining
    click(qtbot, console.plus1)
    assert mode.countdown.remaining - before in (59, 60, 61)
    assert c.game.actions[-1] == A.PhaseControl(F, "extend", 60)
    assert [a.command for a in c.game.actions if a.kind == "phase_control"] == ["hold", "resume", "extend"]
    assert_replays(win)


def test_countdown_announces_but_forces_nothing(qtbot, win):
    console = enter(win)
    mode = win.facilitator
    expired: list[bool] = []
    mode.countdown.expired.connect(lambda: expired.append(True))
    assert mode.countdown.phase == "diplomacy" and mode.countdown.remaining > 60
    mode.countdown._deadline = time.monotonic() - 0.5  # time runs out
    qtbot.waitUntil(lambda: bool(expired), timeout=2000)
    assert mode.countdown.is_up and console.clock.flashing and console.clock.text() == "00:00"
    assert "Time is up" in win.status.currentMessage()
    assert win.controller.game.phase == "diplomacy" and not facilitator_kinds(win.controller.game)
    mode.countdown.extend(120)
    assert not mode.countdown.is_up and 119 <= mode.countdown.remaining <= 120


def test_parameter_ruling_and_note(qtbot, win):
    console = enter(win)
    c = win.controller
    g = lambda: c.game  # noqa: E731
    # a parameter, with its reason in the log
    box = console.param_box
    box.name.setCurrentIndex(box.name.findData("honour_gain"))
    box.value.setValue(9.0)
    assert not box.button.isEnabled() and "reason" in box.reason.text()
    box.reason_text.setText("the class agreed honour matters more")
    click(qtbot, box.button)
    assert g().state.params["honour_gain"] == 9.0
    event = next(e for e in reversed(g().events) if e.kind == "parameter")
    assert event.data["reason"] == "the class agreed honour matters more"
    # a crisis, resolved, then a ruling
    assert c.apply(A.InjectCrisis(F, "abqaiq_strike", "riyadh", 1.0)) is not None
    while g().phase != "crisis":
        console.phase_control("advance")
    crisis = g().state.crisis
    console.phase_control("advance")  # nobody responded: resolved
    assert crisis.outcome and crisis in g().state.crises
    ruling = console.ruling_box
    assert ruling.crisis.currentData() == crisis.id
    new = "contained" if crisis.outcome == "damaging" else "damaging"
    ruling.outcome.setCurrentIndex(ruling.outcome.findData(new))
    ruling.rationale.setPlainText("the interceptors were moved the week before")
    budget = g().state.seats["riyadh"].budget
    click(qtbot, ruling.button)
    assert crisis.ruling == new
    event = next(e for e in reversed(g().events) if e.kind == "ruling")
    assert event.data["delta"] != 0
    assert g().state.seats["riyadh"].budget == budget + event.data["delta"]
    # a note pinned to an event selected in the list
    notes = console.note_box
    console.tabs.setCurrentWidget(notes)
    notes.select_event(3)
    notes.text.setText("a good example of a costly signal")
    click(qtbot, notes.button)
    assert g().state.notes[-1]["event"] == 3 and g().state.notes[-1]["text"] == "a good example of a costly signal"
    assert "costly signal" in notes.pinned.text()
    kinds = facilitator_kinds(g())
    assert {"set_parameter", "inject_crisis", "phase_control", "ruling", "note"} <= set(kinds)
    assert_replays(win)


def test_world_event_from_the_console(qtbot, win):
    console = enter(win)
    g = win.controller.game
    box = console.event_box
    box.title.setText("Oil prices collapse")
    box.target.setCurrentIndex(box.target.findData("riyadh"))
    box.effects["budget"].setValue(-400)
    box.effects["stress"].setValue(4.0)
    budget = g.state.seats["riyadh"].budget
    click(qtbot, box.button)
    g = win.controller.game
    assert g.state.seats["riyadh"].budget == budget - 400
    assert g.actions[-1] == A.InjectEvent(F, "Oil prices collapse", "", "riyadh", A.make_terms(budget=-400, stress=4.0))
    assert box.title.text() == ""  # cleared for the next one
    assert_replays(win)


# ------------------------------------------------------------------ PIN
def test_pin_is_hashed_and_a_wrong_pin_is_refused(qtbot, win):
    from ui import settings
    from ui.facilitator import pin as pins
    mode = win.facilitator
    key = mode.key()
    pins.set_pin(key, "2468")
    stored = win.controller.session.record.meta("facilitator_pin")  # in the save, not the settings
    assert stored.startswith("pbkdf2_sha256$") and "2468" not in stored
    everything = settings.settings()
    assert not any(stored == everything.value(k) for k in everything.allKeys())
    assert not mode.enter(pin="1111")
    assert not mode.active and win.viewer == "ankara" and "Wrong" in win.status.currentMessage()
    assert mode.enter(pin="2468") and mode.active
    assert mode.change_pin("9999")
    mode.leave()
    assert not mode.enter(pin="2468") and mode.enter(pin="9999")


def test_welcome_screen_pin_goes_to_the_new_game(qtbot, tmp_path):
    from ui.facilitator import pin as pins
    from ui.welcome import WelcomeScreen
    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    welcome.seed.setValue(7)
    welcome.facilitator_pin.setText("1357")
    started: list[int] = []
    welcome.newGame.connect(lambda sc, seed, seats: started.append(seed))
    click(qtbot, welcome.start)
    assert started == [7]
    win = make_window(qtbot, tmp_path, seed=7)
    assert pins.has_pin(win.facilitator.key())
    assert not win.facilitator.enter(pin="0000") and win.facilitator.enter(pin="1357")


# ------------------------------------------------------------------ menus and debrief
def test_menus_and_debrief_report(qtbot, win, tmp_path):
    from ui.facilitator.debrief import write_debrief
    acts = win.menu_actions
    assert acts["facilitator"].shortcut().toString() == "Ctrl+Shift+F"
    assert acts["projector"].shortcut().toString() == "F5"
    game_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Game")
    assert acts["debrief"] in game_menu.actions()
    enter(win)
    assert acts["facilitator"].text() == "&Return control to the seats"
    win.controller.apply(A.Note(F, "start of the class", -1))
    out = write_debrief(win.controller.path, tmp_path / "debrief.html")
    text = out.read_text(encoding="utf-8")
    assert out.exists() and "<html" in text.lower()
    with pytest.raises(ValueError):
        write_debrief(None, tmp_path / "none.html")


def test_pin_follows_save_as(qtbot, win, tmp_path):
    from ui.facilitator import pin as pins
    from ui.main_menus import save_as
    mode = win.facilitator
    pins.set_pin(mode.key(), "2468")
    assert save_as(win, str(tmp_path / "copy.wargame"))
    assert win.controller.path.name == "copy.wargame"
    assert pins.has_pin(mode.key()) and not mode.enter(pin="") and mode.enter(pin="2468")


def test_interactive_entry_asks_for_the_pin(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
    from ui.facilitator import pin as pins
    win = make_window(qtbot, tmp_path, {"ankara": "computer", "washington": "computer"})
    win.controller.run_bots_now()
    win.controller.apply(A.EndPhase("riyadh"))
    assert win.handover.isVisible()
    answers = iter([("4321", True), ("0000", True), ("4321", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    button = win.handover.findChild(QPushButton, "handover_facilitator")
    click(qtbot, button)  # first entry: the facilitator chooses a PIN
    assert win.facilitator.active and pins.has_pin(win.facilitator.key())
    win.facilitator.leave()
    assert win.handover.isVisible()
    win.menu_actions["facilitator"].trigger()  # a wrong PIN
    assert not win.facilitator.active and warned
    win.menu_actions["facilitator"].trigger()
    assert win.facilitator.active and not win.handover.isVisible()
