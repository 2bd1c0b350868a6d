"""Projector mode, offscreen: full screen, large type, public information only.

The projector must never show a secret commitment or a private budget, whoever is at the
keyboard (even the facilitator, who sees everything on the main window).
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.types import SEAT_NAMES, SEATS  # noqa: E402

LOAN = A.make_terms(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


@pytest.fixture
def win(qtbot, tmp_path):
    from ui.app import new_session_controller
    from ui.main_window import MainWindow
    from wargame.storage import SeatInfo
    seats = [SeatInfo(s, "person", SEAT_NAMES[s], "balanced") for s in SEATS]
    controller = new_session_controller("pact-2026", 7, seats, str(tmp_path / "room.wargame"))
    window = MainWindow(controller, restore=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    yield window
    window.facilitator.close()


def secret_deal(controller) -> str:
    """Riyadh lends to Islamabad in secret; returns the commitment's name."""
    assert controller.apply(A.Propose("riyadh", "loan", ("islamabad",), LOAN, False)) is not None
    proposal = next(p for p in controller.game.open_proposals("islamabad") if p.sender == "riyadh")
    assert controller.apply(A.Accept("islamabad", proposal.id)) is not None
    secret = [c for c in controller.game.state.commitments.values() if not c.public]
    assert len(secret) == 1 and secret[0].status == "active"
    return secret[0].name


def test_projector_shows_no_secret_deal(qtbot, win):
    from ui import map_model
    c = win.controller
    win.facilitator.toggle_projector(True)
    projector = win.facilitator.projector
    public_links = len(projector.shown_links())
    name = secret_deal(c)
    win.facilitator.enter(pin="")  # even with the facilitator at the keyboard
    assert any(name in ln.tooltip for ln in map_model.build(c.game, None).links)  # the facilitator's map has it
    assert any(name in t for t in win.facilitator.console.seats.secret_texts())
    projector.refresh()
    assert len(projector.shown_links()) == public_links
    assert not any(name in ln.tooltip or "secret" in ln.tooltip for ln in projector.shown_links())
    assert not any("loan" in t.lower() and "islamabad" in t.lower() for t in projector.news_texts())
    signed = [e for e in c.game.events if e.kind in ("proposal", "answer", "signed")
              and e.data.get("commitment", e.data.get("proposal")) is not None]
    assert signed and all(e.text not in " ".join(projector.news_texts()) for e in signed if not e.public)
    tips = " ".join(projector.tooltips())
    assert name not in tips and "Budget" not in tips and "(secret)" not in tips
    # a quarter later (interest flows), still nothing of it
    while c.game.turn == 1:
        win.facilitator.console.phase_control("advance")
    projector.refresh()
    text = " ".join(projector.news_texts()) + " ".join(projector.tooltips())
    assert name not in text and "Loan Riyadh→Islamabad" not in text


def test_public_view_blanks_private_lines(win):
    from ui.projector import public_view
    c = win.controller
    secret_deal(c)
    view = public_view(c.game)
    assert all(c["public"] for c in view["commitments"].values())
    assert view["proposals"] == {} and view["notes"] == []
    for seat in SEATS:
        s = view["seats"][seat]
        assert s["budget"] is None and s["reserves"] is None and s["pc"] is None and s["declared"] == {}
    assert c.game.state.seats["riyadh"].budget > 0  # the game itself is untouched


def test_projector_toggles_full_screen_with_big_type(qtbot, win):
    from ui.main_menus import HOW_TO_PLAY
    mode = win.facilitator
    act = win.menu_actions["projector"]
    assert act.shortcut().toString() == "F5" and "F5" in HOW_TO_PLAY and "projector" in HOW_TO_PLAY
    act.trigger()
    projector = mode.projector
    assert projector.isVisible() and projector.isFullScreen() and act.isChecked()
    projector.showNormal()
    projector.resize(1920, 1080)
    qtbot.wait(20)
    assert projector.news.font().pixelSize() >= 24 and projector.quarter.font().pixelSize() >= 40
    assert projector.clock.font().pixelSize() >= 120
    g = win.controller.game
    assert projector.quarter.text() == g.quarter and projector.phase_text() == "Diplomacy"
    assert projector.clock.text() == mode.countdown.text()
    win.facilitator.enter(pin="")
    win.facilitator.console.phase_control("hold")
    assert "HOLD" in projector.clock_caption.text()
    act.trigger()
    assert not projector.isVisible() and not act.isChecked()


def test_projector_crisis_banner(win):
    c = win.controller
    win.facilitator.toggle_projector(True)
    projector = win.facilitator.projector
    assert c.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh")) is not None
    while c.game.phase != "crisis":
        assert c.apply(A.PhaseControl("facilitator", "advance")) is not None
    assert not projector.banner.isHidden() and "CRISIS" in projector.banner.text()
    assert projector.map.active_crisis() == c.game.state.crisis.site
    assert projector.phase_text() == "Crisis test"


def to_crisis(c):
    while c.game.phase != "crisis":
        assert c.apply(A.PhaseControl("facilitator", "advance")) is not None
    return c.game.state.crisis


def test_projector_crises_follow_injection_and_ruling(win):
    """Issue 15: "No crisis so far." stayed after an injected crisis, and "contained" after a
    ruling made it damaging."""
    c = win.controller
    win.facilitator.toggle_projector(True)
    projector = win.facilitator.projector
    assert projector.crises_text() == "No crisis so far."
    assert c.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh")) is not None
    assert "under way" in projector.crises_text() and "No crisis" not in projector.crises_text()
    crisis = to_crisis(c)
    for seat in list(c.game.acting_seats()):
        assert c.apply(A.Respond(seat, crisis.id, "none")) is not None
    assert f"{crisis.title}: {crisis.outcome}" in projector.crises_text()
    other = "deterred" if crisis.outcome == "damaging" else "damaging"
    assert c.apply(A.Ruling("facilitator", crisis.id, other, "the strike hit the terminal")) is not None
    assert f"{crisis.title}: {other} (ruling)" in projector.crises_text()
    win.facilitator.move_on()


def test_projector_outcome_reaches_the_room(win):
    """Issue 15: the outcome never appeared on the projector (only the current quarter's news)."""
    c = win.controller
    win.facilitator.toggle_projector(True)
    projector = win.facilitator.projector
    assert c.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh")) is not None
    crisis = to_crisis(c)
    for seat in list(c.game.acting_seats()):
        assert c.apply(A.Respond(seat, crisis.id, "none")) is not None
    assert c.game.turn == 2 and projector.showing_outcome()
    assert crisis.outcome.upper() in projector.outcome.text() and crisis.title in projector.outcome.text()
    win.facilitator.move_on()
    assert not projector.showing_outcome()
    assert crisis.outcome in projector.crises_text()  # and it stays on the crises line


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_projector_map_type_scores_and_bluff_gap(qtbot, win, size):
    from wargame.rules.seat_view import PUBLIC, seat_view
    win.facilitator.toggle_projector(True)
    projector = win.facilitator.projector
    projector.showNormal()
    projector.resize(*size)
    qtbot.wait(20)
    k = size[1] / 1080
    sites = [projector.map.site_item(s.id) for s in win.controller.game.scenario.sites]
    sizes = [f.pixelSize() for item in sites if item is not None for _t, f in item.label_lines()]
    assert sizes and min(sizes) >= int(20 * k)  # 12.5 px on the seats' map
    assert projector.map.legend().type_px() >= 20 * k  # 11 px on the seats' map
    g = win.controller.game
    shown = " ".join(label.text() for label in projector.score_labels.values())
    seen = seat_view(g, PUBLIC)  # the room's information: public facts only
    for seat, sc in seen.scores.items():
        assert f"{SEAT_NAMES[seat]}</b> {sc['total']:.1f}" in shown
    known = seen.indicators["seats"]
    assert [(r.real, r.perceived) for r in projector.gap.rows] == [(known[s]["real"], known[s]["perceived"]) for s in SEATS]
    assert "public commitments only" in projector.gap.note
    assert min(label.font().pixelSize() for label in projector.score_labels.values()) >= int(28 * k)


def test_phase_clock_waits_for_play_and_the_seats_see_it(qtbot, win):
    """Issue 15: the clock started when the game was created (the console first opened at
    "00:00 TIME IS UP") and the seats never saw it."""
    from ui.facilitator.countdown import Countdown
    mode, c = win.facilitator, win.controller
    clock = mode.countdown
    assert not clock.running and clock.waiting and clock.remaining == Countdown.duration("diplomacy")
    mode.toggle_projector(True)
    projector = mode.projector
    assert "starts with play" in projector.clock_caption.text() and projector.clock.text() == "10:00"
    status = win.status.clock
    assert not status.isHidden() and "10:00" in status.text() and "starts with play" in status.text()
    assert c.apply(A.EndPhase("ankara")) is not None  # play has started in the phase
    assert clock.running and not clock.waiting and "ends in" in projector.clock_caption.text()
    assert clock.text() in status.text() and "starts" not in status.text()
    while c.game.phase == "diplomacy":
        assert c.apply(A.PhaseControl("facilitator", "advance")) is not None
    assert clock.phase == "investment" and clock.running  # a new phase starts its clock
    assert clock.remaining == pytest.approx(Countdown.duration("investment"), abs=2)


def test_reopened_game_clock_waits_until_the_facilitator_starts(qtbot, win):
    mode = win.facilitator
    assert mode.countdown.waiting
    console_entered = mode.enter(pin="")
    assert console_entered and mode.countdown.running  # the facilitator takes the room: the phase starts
