"""Branching from the replay, comparing two games, and the replay hooks in the app's menus."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from test_replay_support import bot_save  # noqa: E402
from ui.replay.compare import CompareWindow, decisions_html  # noqa: E402
from ui.replay.tasks import branch_here, export_seat  # noqa: E402
from ui.replay.viewer import ReplayWindow  # noqa: E402
from wargame import actions as A  # noqa: E402
from wargame.bots import make_bots  # noqa: E402
from wargame.compare import compare_records, format_comparison  # noqa: E402
from wargame.seat_export import open_seat_view  # noqa: E402
from wargame.storage import GameRecord, Session  # noqa: E402
from wargame.types import SEATS  # noqa: E402

BRANCH_AT = 40
WHAT_IF = "What if the facilitator had paused here?"


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))


@pytest.fixture
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bot_save(tmp_path_factory.mktemp("branch") / "original.wargame", 90)


def _continue_differently(path: Path, moves: int = 40) -> None:
    """Play a branch on: first a decision the original never took (a facilitator's note), then the computer."""
    with Session.resume(path) as session:
        session.apply(A.Note("facilitator", WHAT_IF))
        session.play_bots(make_bots(11, styles={s: "opportunist" for s in SEATS}), max_actions=moves)


def test_branch_from_here_and_compare(qtbot, original, tmp_path):
    win = ReplayWindow.open(original)
    qtbot.addWidget(win)
    win.jump(BRANCH_AT)
    path = branch_here(win, tmp_path / "alt.wargame", ask=False)
    assert path is not None and path.exists()
    with GameRecord.open(path, readonly=True) as branch:
        assert branch.branch_index == BRANCH_AT and branch.action_count() == BRANCH_AT
    _continue_differently(path)
    with GameRecord.open(original, readonly=True) as a, GameRecord.open(path, readonly=True) as b:
        cmp = compare_records(a, b)
        after_a = [e.action for e in a.entries()[BRANCH_AT + 1:]]
    assert cmp.common == cmp.branch_point == BRANCH_AT == cmp.recorded_branch and cmp.same_start
    assert [d.index for d in cmp.a_after] == list(range(BRANCH_AT + 1, cmp.a_actions + 1))
    assert [d.kind for d in cmp.a_after] == [x.kind for x in after_a]
    first_b = cmp.b_after[0]
    assert first_b.kind == "note" and first_b.seat == "facilitator" and WHAT_IF in first_b.text
    assert first_b.index == BRANCH_AT + 1 and first_b.quarter == cmp.branch_quarter
    grouped = [d for q in cmp.quarters for row in q.seats for d in row.b]
    assert sorted(d.index for d in grouped) == [d.index for d in cmp.b_after]
    assert set(cmp.scores_a) == set(cmp.scores_b) == set(SEATS)
    assert cmp.indicator("riyadh", "score").a == pytest.approx(cmp.scores_a["riyadh"])
    assert f"Shared history: {BRANCH_AT} actions" in format_comparison(cmp)
    view = CompareWindow(original, path)
    qtbot.addWidget(view)
    assert view.comparison is not None and view.comparison.common == BRANCH_AT
    assert f"Branch point: #{BRANCH_AT}" in view.header.text()
    assert WHAT_IF in view.decisions.toPlainText()
    assert "Facilitator" in decisions_html(view.comparison)
    curves = view.overlay.curves()
    assert {"a:riyadh", "b:riyadh", "a:ankara", "b:ankara"} <= set(curves)
    assert len(curves["b:riyadh"].getData()[0]) == len(view.comparison.history_b)
    assert curves["b:riyadh"].opts["pen"].style() != curves["a:riyadh"].opts["pen"].style()  # dashed vs solid
    assert "Score" in view.scores.toPlainText()
    view.swap()
    assert view.comparison.common == BRANCH_AT and view.paths[0] == path
    win.close()


def test_branch_offers_to_continue_in_the_main_window(qtbot, original, tmp_path):
    win = ReplayWindow.open(original)
    qtbot.addWidget(win)
    win.jump(12)

    def click_continue() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            button = next(b for b in box.buttons() if b.text() == "Continue playing it")
            button.click()
        else:
            QTimer.singleShot(50, click_continue)
    QTimer.singleShot(50, click_continue)
    with qtbot.waitSignal(win.openGameRequested, timeout=5000) as blocker:
        path = branch_here(win, tmp_path / "play-on.wargame", ask=True)
    assert blocker.args == [str(path)]
    with Session.resume(path) as session:  # it can be played on
        assert len(session.game.actions) == 12
    win.close()


def test_export_a_seat_view_from_the_replay(qtbot, original, tmp_path):
    win = ReplayWindow.open(original)
    qtbot.addWidget(win)
    out = export_seat(win, "islamabad", tmp_path / "isl.wargame-view", offer_open=False)
    assert out is not None and open_seat_view(out).seat == "islamabad"
    win.close()


def test_main_window_and_welcome_hooks(qtbot, original, tmp_path):
    import ui.replay as replay
    from ui.adapter import GameController
    from ui.main_window import MainWindow
    from ui.welcome import WelcomeScreen
    copy = tmp_path / "live.wargame"
    copy.write_bytes(original.read_bytes())
    controller = GameController.from_session(Session.resume(copy))
    controller.set_paused(True)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    acts = win.menu_actions
    assert {"replay", "replay_this", "compare", "export_seat"} <= set(acts)
    game_menu = next(a.menu() for a in win.menuBar().actions() if a.text().replace("&", "") == "Game")
    assert acts["replay"] in game_menu.actions() and acts["export_seat"] in game_menu.actions()
    acts["replay_this"].trigger()
    replays = [w for w in replay.OPEN_WINDOWS if isinstance(w, ReplayWindow)]
    assert replays and replays[-1].index == replays[-1].source.last == len(controller.game.actions)
    with qtbot.waitSignal(win.openRequested, timeout=2000):
        replays[-1].openGameRequested.emit(str(copy))
    replays[-1].close()
    out = replay.export_seat_dialog(win, copy, "washington", tmp_path / "w.wargame-view", offer_open=False)
    assert out is not None and open_seat_view(out).seat == "washington"
    win.close()
    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    assert welcome.replay_file.text().startswith("Replay")
