"""View tests: each widget of the app built from a bare model (a fresh Game), offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.types import SEATS  # noqa: E402


@pytest.fixture
def game() -> Game:
    return Game("pact-2026", 7)


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path))


def _end_phase(g: Game) -> None:
    for seat in list(g.acting_seats()):
        g.apply(A.EndPhase(seat))


def test_map_model_sites_and_links(game):
    from ui.map_model import build
    scene = build(game, "riyadh")
    ids = {s.id: s for s in scene.sites}
    assert {"ankara", "riyadh", "islamabad", "washington", "incirlik", "gwadar", "pac_kamra", "abqaiq"} <= set(ids)
    assert ids["incirlik"].name.endswith("(2/3)") and "posture" in ids["incirlik"].detail.lower()
    assert "Budget" in ids["riyadh"].detail and "Budget" not in ids["ankara"].detail  # private to Riyadh
    kinds = {(ln.a, ln.b, ln.kind) for ln in scene.links}
    assert ("riyadh", "islamabad", "pact") in kinds
    assert ("riyadh", "islamabad", "finance") in kinds
    assert ("washington", "riyadh", "arms") in kinds and ("washington", "riyadh", "assurance") in kinds
    assert scene.crisis_site is None


def test_map_model_crisis_and_access_links(game):
    from ui.map_model import build
    game.apply(A.Propose("riyadh", "port_access", ("islamabad",),
                         A.make_terms(host="islamabad", guest="riyadh", site="gwadar", fee=50)))
    pid = game.open_proposals("islamabad")[0].id
    game.apply(A.Accept("islamabad", pid))
    game.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh"))
    _end_phase(game)
    _end_phase(game)
    assert game.phase == "crisis"
    scene = build(game, None)
    assert scene.crisis_site == "abqaiq" and "CRISIS" in scene.crisis_label
    assert any(ln.a == "riyadh" and ln.b == "gwadar" and ln.kind == "access" for ln in scene.links)


def test_action_panel_reasons(qtbot, game):
    from ui.action_panel import ActionPanel
    panel = ActionPanel()
    qtbot.addWidget(panel)
    panel.set_game(game, "riyadh")
    assert panel.buttons["propose"].isEnabled()
    assert "invest" not in panel.buttons  # investment-phase action, not offered in diplomacy
    assert "assure" not in panel.buttons  # Washington's alone
    assert panel.buttons["end_phase"].isEnabled()
    undo = panel.buttons["undo"]
    assert not undo.isEnabled() and "nothing to undo" in undo.toolTip()
    assert "nothing to undo" in panel.reasons["undo"].text()
    panel.set_game(game, "riyadh", can_act=False)
    assert not panel.buttons["propose"].isEnabled()


def test_action_panel_inbox_and_requests(qtbot, game):
    from ui.action_panel import ActionPanel
    game.apply(A.Propose("riyadh", "convert", ("islamabad",), A.make_terms(loan="saudi_loan", domain="air", turns=4)))
    pid = game.open_proposals("islamabad")[0].id
    panel = ActionPanel()
    qtbot.addWidget(panel)
    panel.set_game(game, "islamabad")
    with qtbot.waitSignal(panel.actionRequested) as blocker:
        qtbot.mouseClick(panel.buttons[f"accept_{pid}"], Qt.MouseButton.LeftButton)
    assert blocker.args[0] == A.Accept("islamabad", pid)
    with qtbot.waitSignal(panel.counterRequested) as blocker:
        panel.buttons[f"counter_{pid}"].click()
    assert blocker.args[0] == pid


def test_propose_form_live_validation(qtbot, game):
    from ui.forms.base import select_data
    from ui.forms.propose import ProposeForm
    form = ProposeForm(game, "riyadh")
    qtbot.addWidget(form)
    assert select_data(form.deal, "convert")
    assert form.ok.isEnabled()
    assert form.build() == A.Propose("riyadh", "convert", ("islamabad",),
                                     A.make_terms(loan="saudi_loan", domain="air", turns=4))
    select_data(form.deal, "loan")
    form.w["amount"].setValue(9_900)  # more than Riyadh's budget? legal to propose: the lender pays on signing
    assert form.build().deal == "loan"
    select_data(form.deal, "demand")  # Washington's alone: offered greyed out
    assert not form.ok.isEnabled() and "✗" in form.reason.text()


def test_counter_form_prefilled(qtbot, game):
    from ui.forms.propose import ProposeForm
    game.apply(A.Propose("riyadh", "loan", ("islamabad",),
                         A.make_terms(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8)))
    prop = game.open_proposals("islamabad")[0]
    form = ProposeForm(game, "islamabad", counter_to=prop)
    qtbot.addWidget(form)
    assert form.w["amount"].value() == 1000 and form._combo("role").currentData() == "them"
    form.w["amount"].setValue(2000)
    action = form.build()
    assert isinstance(action, A.Counter) and action.term("amount") == 2000 and action.term("lender") == "riyadh"
    assert form.ok.isEnabled()


@pytest.mark.parametrize("kind", ["declare", "withdraw", "show_exercise", "invest", "buy_foreign", "assure",
                                  "posture", "hold", "release", "sanction", "lift_sanctions"])
def test_move_forms_build(qtbot, game, kind):
    from ui.forms.moves import form_for
    seat = "washington" if kind in ("assure", "posture", "hold", "release", "sanction", "lift_sanctions") else "riyadh"
    form = form_for(kind, game, seat)
    qtbot.addWidget(form)
    action, reason = form.current_reason()
    assert action is not None and action.kind == kind
    assert form.ok.isEnabled() == (reason is None)
    if reason is not None:
        assert reason in form.reason.text()


def test_crisis_dialog(qtbot, game):
    from ui.dialogs.crisis import CrisisDialog
    game.apply(A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh"))
    _end_phase(game)
    _end_phase(game)
    dialog = CrisisDialog(game, "islamabad")
    qtbot.addWidget(dialog)
    assert "material" in dialog.expect.text()
    assert dialog.level() == "material"
    assert not dialog.radios["military"].isEnabled()  # unaffordable: the engine's reason
    assert "cannot pay" in dialog.radios["military"].toolTip()
    dialog.choose("diplomatic")
    assert dialog.build() == A.Respond("islamabad", game.state.crisis.id, "diplomatic")


def test_event_log_filters_by_viewer(qtbot, game):
    from ui.event_log import EventLog
    game.apply(A.Propose("ankara", "agreement", ("riyadh",), A.make_terms(clause="consultation")))
    log = EventLog()
    qtbot.addWidget(log)
    log.set_game(game, "islamabad")
    assert not any("Ankara proposes" in t for t in log.texts())
    log.set_game(game, "riyadh")
    assert any("Ankara proposes" in t for t in log.texts())
    log.filter.setText("proposes")
    shown = [log.list.item(i) for i in range(log.list.count()) if not log.list.item(i).isHidden()]
    assert shown and all("propos" in i.text().lower() for i in shown)


def test_seat_panel_resources(qtbot, game):
    from ui.seat_panel import SeatPanel
    panel = SeatPanel()
    qtbot.addWidget(panel)
    panel.set_game(game, "riyadh")
    assert panel.values["budget"].text().startswith("$")
    assert "Riyadh" in panel.header.text()
    panel.set_game(game, None)
    assert panel.values["budget"].text() == "—"


def test_handover_overlay(qtbot):
    from PySide6.QtWidgets import QWidget
    from ui.handover import HandoverOverlay
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(800, 500)
    overlay = HandoverOverlay(host)
    host.show()
    overlay.show_for("riyadh", "islamabad")
    assert overlay.isVisible() and overlay.geometry() == host.rect()
    assert "Riyadh" in overlay.title.text() and "Islamabad" in overlay.detail.text()
    with qtbot.waitSignal(overlay.confirmed) as blocker:
        qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["riyadh"] and not overlay.isVisible()


def test_controller_applies_and_reports(qtbot, game):
    from ui.adapter import GameController
    players = {"ankara": "computer", "riyadh": "person", "islamabad": "person", "washington": "computer"}
    c = GameController(game, players, bot_interval_ms=0)
    assert c.control == "riyadh" and c.humans() == ["riyadh", "islamabad"]
    with qtbot.waitSignal(c.error) as blocker:
        assert c.apply(A.Invest("riyadh", "air", 500)) is None
    assert "not allowed" in blocker.args[0]
    with qtbot.waitSignal(c.changed):
        c.apply(A.EndPhase("riyadh"))
    assert c.control == "islamabad"
    assert c.run_bots_now() > 0 and c.next_bot() is None
    assert set(game.acting_seats()) == {"islamabad"}


def test_undo_history_goes_through_the_engine(qtbot, game):
    from ui.adapter import GameController, UndoHistory
    c = GameController(game, {s: "person" for s in SEATS})
    history = UndoHistory(c)
    budget = game.state.seats["riyadh"].budget
    history.do(A.Declare("riyadh", "islamabad"))
    assert game.state.seats["riyadh"].declared
    assert history.undo_reason("riyadh") is None
    history.undo("riyadh")
    assert not game.state.seats["riyadh"].declared and game.actions[-1] == A.Undo("riyadh")
    assert history.redo_reason("riyadh") is None
    history.redo("riyadh")
    assert game.state.seats["riyadh"].declared and game.state.seats["riyadh"].budget == budget
    c.apply(A.EndPhase("riyadh"))
    assert "already ended" in history.undo_reason("riyadh")


def test_status_bar(qtbot, game):
    from ui.adapter import GameController
    from ui.status import StatusBar
    c = GameController(game, {"washington": "computer"})
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show_game(game, c)
    assert "2026-Q1" in bar.where.text() and "Diplomacy" in bar.where.text()
    assert "Washington (computer)" in bar.where.text()
    bar.set_thinking("washington")
    assert bar.thinking.text() == "Washington (computer) is thinking…"


def test_main_window_remembers_its_layout(qtbot, game):
    from ui.adapter import GameController
    from ui.main_window import MainWindow
    from ui import settings
    c = GameController(game, {"ankara": "computer", "washington": "computer"})
    c.set_paused(True)
    win = MainWindow(c)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.log_dock.hide()
    win.close()
    assert settings.window_state() is not None
    c2 = GameController(Game("pact-2026", 7), {"ankara": "computer", "washington": "computer"})
    c2.set_paused(True)
    again = MainWindow(c2)
    qtbot.addWidget(again)
    again.show()
    assert again._restored and not again.log_dock.isVisible()
    assert again.handover.isVisible()  # two people at one computer: the seat shows once confirmed
    again.handover.button.click()
    assert again.viewer == "riyadh" and again.seat_panel.action_panel.buttons["propose"].isEnabled()
    assert "Riyadh" in again.status.where.text()


def test_welcome_screen_choices(qtbot, tmp_path):
    from ui import settings
    from ui.welcome import WelcomeScreen
    save = tmp_path / "old.wargame"
    save.write_bytes(b"x")
    settings.add_recent_file(save)
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    assert screen.scenario.currentData() == "pact-2026" and "quarters" in screen.summary.text()
    assert screen.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(save.resolve())
    screen.set_player("washington", "person")
    screen.set_player("ankara", "computer", "opportunist")
    assert not screen.styles["riyadh"].isEnabled() and screen.styles["ankara"].isEnabled()
    seats = {s.seat: s for s in screen.seats()}
    assert seats["washington"].player == "person" and seats["ankara"].style == "opportunist"
    with qtbot.waitSignal(screen.newGame) as blocker:
        qtbot.mouseClick(screen.start, Qt.MouseButton.LeftButton)
    scenario, seed, chosen = blocker.args
    assert scenario == "pact-2026" and seed == screen.seed.value() and len(chosen) == 4
    with qtbot.waitSignal(screen.openGame) as blocker:
        screen.open_recent.click()
    assert blocker.args == [str(save.resolve())]


def test_game_over_dialog(qtbot, game):
    from wargame.bots import make_bots, play_bots
    from ui.dialogs.game_over import GameOverDialog
    play_bots(game, make_bots(7))
    dialog = GameOverDialog(game)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "Final scores" in text and all(n in text for n in ("Ankara", "Riyadh", "Islamabad", "Washington"))


def test_map_model_everything_for_the_facilitator(game):
    from ui.map_model import build, country_tints
    game.apply(A.Assure("washington", "islamabad", False))  # a private assurance
    seen_by_riyadh = {(ln.a, ln.b) for ln in build(game, "riyadh").links if ln.kind == "assurance"}
    seen_by_all = {(ln.a, ln.b) for ln in build(game, None).links if ln.kind == "assurance"}
    assert ("washington", "islamabad") not in seen_by_riyadh and ("washington", "islamabad") in seen_by_all
    assert set(country_tints({"ankara": "a", "riyadh": "b", "islamabad": "c", "washington": "d"})) == \
        {"Turkey", "Saudi Arabia", "Pakistan"}
