"""The scripted class session of issue 5, end to end through engine + storage + adapter + GUI.

Two teams play Riyadh and Islamabad (the computer plays Ankara and Washington) in a saved game.
They sign a secret deposit. The facilitator injects a crisis, holds the phase, rules on the
outcome and pins a note, all through ``GameController.apply`` on a session-backed controller.
After the game, the replay goes to a bookmark, a branch is made from it and compared with the
original, Ankara's per-seat replay shows nothing of the secret deal, and the debrief report
holds the expected sections and the numbers from the save.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from html import escape  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from test_replay_support import SECRET_TERMS  # noqa: E402
from ui.adapter import GameController  # noqa: E402
from ui.replay.compare import CompareWindow  # noqa: E402
from ui.replay.tasks import branch_here  # noqa: E402
from ui.replay.viewer import ReplayWindow  # noqa: E402
from wargame import actions as A  # noqa: E402
from wargame import load_scenario  # noqa: E402
from wargame.bots import Bot, make_bots  # noqa: E402
from wargame.compare import compare_records  # noqa: E402
from wargame.report import build_report_html, write_report  # noqa: E402
from wargame.report.html import score_text  # noqa: E402
from wargame.seat_export import export_seat_view, open_seat_view  # noqa: E402
from wargame.storage import GameRecord, SeatInfo, Session  # noqa: E402
from wargame.types import SEAT_NAMES, SEATS  # noqa: E402

SEED = 7
TEAMS = ("riyadh", "islamabad")
CRISIS_TITLE = "Classroom drill: drones over Abqaiq"
RATIONALE = "Saudi air defences were on alert after the exercise: the damage is contained"
NOTE = "Debrief: was the secret deposit worth the risk of discovery?"
BOOKMARK = "The facilitator's crisis"
FIRST_BRANCH_NOTE = "Branch: the teams replay the crisis without the facilitator's hold"


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))


def _apply(controller: GameController, action: A.Action) -> list:
    errors: list[str] = []
    controller.error.connect(errors.append)
    events = controller.apply(action)
    controller.error.disconnect(errors.append)
    assert events is not None, f"{action} refused: {errors}"
    controller.run_bots_now()
    return events


def _teams_move(controller: GameController, bots: dict[str, Bot], until: object) -> None:
    """The two teams take their (computer-advised) moves until ``until()`` or the game ends."""
    for _ in range(5000):
        g = controller.game
        if g.over or until():
            return
        seat = next((s for s in g.acting_seats() if s in TEAMS), None)
        assert seat is not None, f"nobody can act in {g.phase}"
        _apply(controller, bots[seat].choose(g))
    raise AssertionError("the session did not finish")


def play_class_session(path: Path) -> dict:
    """Play the scripted session; return what the checks need."""
    seats = [SeatInfo(s, "person" if s in TEAMS else "computer", SEAT_NAMES[s]) for s in SEATS]
    session = Session.new(path, load_scenario("pact-2026"), SEED, seats, title="Seminar 5: the pact under test")
    controller = GameController.from_session(session, bot_interval_ms=0)
    bots = make_bots(SEED)
    facts: dict = {}
    try:
        _apply(controller, A.Propose("riyadh", "deposit", ("islamabad",), SECRET_TERMS, public=False))
        facts["proposal"] = controller.game.open_proposals("islamabad")[0].id
        events = _apply(controller, A.Accept("islamabad", facts["proposal"]))
        facts["commitment"] = next(str(e.data["commitment"]) for e in events if e.kind == "signed")
        facts["name"] = controller.game.state.commitments[facts["commitment"]].name
        _apply(controller, A.InjectCrisis("facilitator", "abqaiq_strike", "riyadh", 1.2, CRISIS_TITLE))
        facts["inject_index"] = len(controller.game.actions)
        events = _apply(controller, A.PhaseControl("facilitator", "hold"))
        assert any(e.kind == "phase" and "holds" in e.text for e in events)
        for seat in TEAMS:
            _apply(controller, A.EndPhase(seat))
        assert controller.game.phase == "diplomacy" and controller.game.state.held_phase  # held: no advance
        _apply(controller, A.PhaseControl("facilitator", "resume"))
        assert controller.game.phase == "investment"
        _teams_move(controller, bots, lambda: controller.game.phase == "crisis")
        crisis = controller.game.state.crisis
        assert crisis is not None and crisis.title == CRISIS_TITLE and crisis.injected
        facts["crisis"] = crisis.id
        _teams_move(controller, bots, lambda: controller.game.state.crisis is None)
        done = next(c for c in controller.game.state.crises if c.id == crisis.id)
        ruled = "contained" if done.outcome != "contained" else "deterred"
        events = _apply(controller, A.Ruling("facilitator", crisis.id, ruled, RATIONALE))
        assert any(e.kind == "ruling" for e in events)
        _apply(controller, A.Note("facilitator", NOTE))
        facts["ruled"] = ruled
        _teams_move(controller, bots, lambda: False)
        assert controller.game.over
        facts["scores"] = {s: sc.total for s, sc in controller.game.scores().items()}
        facts["actions"] = len(controller.game.actions)
    finally:
        controller.close()
    return facts


def test_class_session(qtbot, tmp_path):
    path = tmp_path / "seminar.wargame"
    facts = play_class_session(path)

    # the replay goes to a bookmark
    replay = ReplayWindow.open(path)
    qtbot.addWidget(replay)
    replay.show()
    replay.jump(facts["inject_index"])
    assert CRISIS_TITLE in replay.source.entries[facts["inject_index"]].title
    replay.add_bookmark(BOOKMARK, "Ask Riyadh's team how they read the warning")
    replay.jump(0)
    item = replay.bookmarks.list.item(0)
    qtbot.mouseClick(replay.bookmarks.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=replay.bookmarks.list.visualItemRect(item).center())
    assert replay.index == facts["inject_index"]
    assert replay.game.state.crisis is not None and replay.game.state.crisis.title == CRISIS_TITLE

    # a branch is made from the bookmark and compared with the original
    branch = branch_here(replay, tmp_path / "seminar-branch.wargame", ask=False)
    assert branch is not None
    with Session.resume(branch) as session:
        session.apply(A.Note("facilitator", FIRST_BRANCH_NOTE))
        session.play_bots(make_bots(SEED))
        assert session.game.over
    with GameRecord.open(path, readonly=True) as a, GameRecord.open(branch, readonly=True) as b:
        cmp = compare_records(a, b)
    assert cmp.common == facts["inject_index"] == cmp.recorded_branch
    assert cmp.b_after[0].text.endswith(FIRST_BRANCH_NOTE)
    assert any(d.kind == "phase_control" for d in cmp.a_after) and not any(d.kind == "ruling" and RATIONALE in d.text
                                                                          for d in cmp.b_after)
    window = CompareWindow(path, branch)
    qtbot.addWidget(window)
    assert f"Branch point: #{facts['inject_index']}" in window.header.text()
    assert FIRST_BRANCH_NOTE in window.decisions.toPlainText() and RATIONALE in window.decisions.toPlainText()
    replay.close()

    # Ankara's per-seat replay shows nothing of Riyadh and Islamabad's secret deal
    with GameRecord.open(path, readonly=True) as record:
        ankara = export_seat_view(record, "ankara", tmp_path / "ankara.wargame-view")
        riyadh = export_seat_view(record, "riyadh", tmp_path / "riyadh.wargame-view")
    secrets = [rb"(?<![A-Za-z0-9_])" + facts[k].encode() + rb"(?![A-Za-z0-9_])" for k in ("commitment", "proposal")]
    data = ankara.read_bytes()
    assert not [p for p in secrets if re.search(p, data)] and facts["name"].encode() not in data
    assert all(re.search(p, riyadh.read_bytes()) for p in secrets) and facts["name"].encode() in riyadh.read_bytes()
    assert NOTE.encode() not in data  # the facilitator's pinned note is not a seat's to see
    view = ReplayWindow.open(ankara)
    qtbot.addWidget(view)
    view.tabs.setCurrentWidget(view.network)
    view.show()
    view.jump(view.source.last)
    assert facts["commitment"] not in view.network.edge_ids() and view.game.over
    assert len(open_seat_view(ankara)) == facts["actions"] + 1
    view.close()

    # the debrief report: its sections and the numbers from the save
    with GameRecord.open(path, readonly=True) as record:
        html = build_report_html(record)
    for heading in ("Debrief: Seminar 5: the pact under test", "At a glance", "1. The scenario", "2. The seats",
                    "3. Timeline of key decisions", "4. Facilitator interventions", "5. Crises",
                    "6. Indicators over time", "7. Scores", "8. Facilitator notes and bookmarks",
                    "9. Discussion questions"):
        assert heading in html, heading
    assert escape(CRISIS_TITLE) in html
    assert escape(RATIONALE) in html and escape(NOTE) in html and escape(BOOKMARK) in html
    for seat, total in facts["scores"].items():
        assert re.search(rf"{SEAT_NAMES[seat]}.{{0,300}}&mdash; {re.escape(score_text(total))} points", html), seat
    out = write_report(path, tmp_path / "debrief.html")
    assert out.read_text(encoding="utf-8").count("<h2") == html.count("<h2")
