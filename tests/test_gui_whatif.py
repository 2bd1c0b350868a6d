"""The what-if dialog: runs in a worker thread, charts that match the aggregates, Cancel, JSON,
the live game left alone, and the main window's Analysis menu item (offscreen)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from wargame.bots import Bot  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.simulate import simulate  # noqa: E402
from wargame.types import SEATS  # noqa: E402

RUN_TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path))


def _played(turn: int, seed: int = 7) -> Game:
    game = Game("pact-2026", seed)
    bots = {s: Bot(s, seed) for s in SEATS}
    while game.turn < turn and not game.over:
        game.apply(bots[game.acting_seats()[0]].choose(game))
    return game


def _dialog(qtbot, game: Game, games: int, seed: int = 3, workers: int = 1, here: bool = False):
    from ui.whatif import WhatIfDialog
    dialog = WhatIfDialog(game)
    qtbot.addWidget(dialog)
    dialog.games_spin.setValue(games)
    dialog.seed_spin.setValue(seed)
    dialog.workers_spin.setValue(workers)
    (dialog.from_here if here else dialog.from_start).setChecked(True)
    return dialog


def _run(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "running" and not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.state == "idle", timeout=RUN_TIMEOUT_MS)


def _same(a: dict, b: dict) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_sweep_fills_every_chart_from_the_aggregates(qtbot, tmp_path):
    game = Game("pact-2026", 7)
    dialog = _dialog(qtbot, game, games=12, seed=3)
    assert dialog.pages.currentIndex() == 0 and not dialog.save_button.isEnabled()
    _run(qtbot, dialog)
    result = dialog.sim_result
    assert result is not None and not result.partial and result.meta["completed"] == 12
    expected = simulate(game.scenario, 12, 3, workers=1)  # the dialog adds nothing of its own
    assert _same(result.aggregates, expected.aggregates)
    a = result.aggregates
    assert dialog.pages.currentIndex() == 1 and dialog.save_button.isEnabled()
    assert dialog.progress.value() == 12 and "Done: 12 games" in dialog.status.text()

    scores = dialog.score_chart
    for seat in SEATS:
        q = a["scores"][seat]["quantiles"]
        assert scores.boxes[seat]["q50"] == q["0.5"] and scores.boxes[seat]["q05"] == q["0.05"]
        assert scores.boxes[seat]["mean"] == a["scores"][seat]["mean"]
        edges, counts = scores.histograms[seat]
        assert int(counts.sum()) == a["scores"][seat]["n"] == 12
        assert len(scores.hist_items[seat].opts["height"]) == len(edges) - 1 == len(counts)
        assert min(g["scores"][seat] for g in result.games) >= edges[0]

    pacts = dialog.pact_chart
    assert pacts.survival == {pid: p["survival"] for pid, p in a["pacts"].items()}
    assert list(pacts.bars.opts["width"]) == pytest.approx([100 * p["survival"] for p in a["pacts"].values()])

    crises = a["crises"]
    assert dialog.crisis_count_chart.counts == {int(k): v for k, v in crises["histogram"].items()}
    assert sum(dialog.crisis_count_chart.bars.opts["height"]) == 12
    chart = dialog.crisis_chart
    assert chart.stacks.keys() == crises["by_type"].keys()
    for outcome, total in crises["outcomes"].items():
        assert sum(chart.segments[outcome].opts["width"]) == total
    chart.by.setCurrentIndex(chart.by.findData("by_target"))
    assert chart.stacks.keys() == crises["by_target"].keys()

    gap = dialog.gap_chart.series
    for seat in SEATS:
        assert list(gap[seat]["turns"]) == a["bluff_gap"]["turns"]
        assert list(gap[seat]["mean"]) == pytest.approx(a["bluff_gap"][seat]["mean"])
        assert list(gap[seat]["q90"]) == pytest.approx(a["bluff_gap"][seat]["q90"])

    table = dialog.decisions
    sep = a["separating_decisions"]
    assert len(table.rows) == table.table.rowCount() == sum(len(sep[s]) for s in SEATS) > 0
    first_seat = next(s for s in SEATS if sep[s])
    assert table.table.item(0, 1).text().replace("  =  ", " = ") == sep[first_seat][0]["label"]
    assert "not causes" in table.note.text()
    table.seat.setCurrentIndex(table.seat.findData("washington"))
    assert {s for s, _ in table.rows} <= {"washington"} and len(table.rows) == len(sep["washington"])

    out = tmp_path / "whatif.json"
    assert dialog.save_json(out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["meta"] == result.meta and len(saved["games"]) == 12
    assert _same(saved["aggregates"], a)


def test_cancel_keeps_partial_results_and_returns_to_idle(qtbot):
    dialog = _dialog(qtbot, Game("pact-2026", 7), games=2000, seed=5)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 2, timeout=RUN_TIMEOUT_MS)
    assert dialog.state == "running"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.state == "idle", timeout=RUN_TIMEOUT_MS)
    result = dialog.sim_result
    assert result is not None and result.cancelled and result.partial
    assert 2 <= result.meta["completed"] < 2000 and result.aggregates["games"] == result.meta["completed"]
    assert dialog.run_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.games_spin.isEnabled() and dialog.save_button.isEnabled()
    assert "Cancelled" in dialog.status.text() and "Partial" in dialog.summary.text()
    assert int(dialog.score_chart.histograms["riyadh"][1].sum()) == result.meta["completed"]


def test_sweep_from_the_current_point_leaves_the_live_game_alone(qtbot):
    game = _played(turn=4)
    before, actions = game.digest(), len(game.actions)
    dialog = _dialog(qtbot, game, games=8, seed=11, here=True)
    assert "turn 4" in dialog.from_here.text()
    dialog.style_boxes["ankara"].setCurrentIndex(dialog.style_boxes["ankara"].findData("opportunist"))
    _run(qtbot, dialog)
    assert game.digest() == before and len(game.actions) == actions
    meta = dialog.sim_result.meta
    assert meta["from_game"] and meta["start_turn"] == 4 and meta["start_digest"] == before
    assert meta["styles"]["ankara"] == "opportunist" and meta["styles"]["riyadh"] == "balanced"
    assert "turn 4" in dialog.summary.text()
    band = dialog.gap_chart.series["riyadh"]
    assert band["q10"][0] == band["q90"][0]  # the history before the what-if is the same in every game


def test_worker_processes_give_the_same_results(qtbot):
    game = Game("pact-2026", 7)
    dialog = _dialog(qtbot, game, games=6, seed=2, workers=2)
    _run(qtbot, dialog)
    result = dialog.sim_result
    assert result.timing["backend"] == "processes" and result.timing["workers"] == 2
    assert _same(result.to_dict()["games"], simulate(game.scenario, 6, 2, workers=1).games)


def test_closing_during_a_run_cancels_it(qtbot):
    dialog = _dialog(qtbot, Game("pact-2026", 7), games=2000)
    dialog.show()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=RUN_TIMEOUT_MS)
    dialog.reject()
    assert not dialog.isVisible() and dialog.state == "idle" and not dialog.runner.running
    qtbot.wait(50)  # a late signal of the stopped run changes nothing
    assert dialog.sim_result is None


def test_over_game_can_only_start_from_the_scenario(qtbot):
    from ui.whatif import WhatIfDialog
    game = _played(turn=99, seed=4)
    assert game.over
    dialog = WhatIfDialog(game)
    qtbot.addWidget(dialog)
    assert dialog.from_start.isChecked() and not dialog.from_here.isEnabled()


def test_analysis_menu_opens_the_dialog(qtbot):
    from ui.app import demo_controller
    from ui.main_window import MainWindow
    from ui.whatif import WhatIfDialog
    win = MainWindow(demo_controller(turns=1), restore=False)
    qtbot.addWidget(win)
    act = win.menu_actions["whatif"]
    assert act.shortcut().toString() == "Ctrl+Shift+W"
    assert any(a.text() == "&Analysis" for a in win.menuBar().actions())
    act.trigger()
    dialog = win.whatif_dialog
    assert isinstance(dialog, WhatIfDialog) and dialog.isVisible()
    act.trigger()
    assert win.whatif_dialog is dialog  # raised, not opened twice
    dialog.reject()
    assert win.whatif_dialog is None


def test_forcing_a_decision_compares_with_and_without_it(qtbot):
    """Issue 16: the what-if dialog forces an action at a point and compares the outcome
    distributions with and without it (paired seeds)."""
    from wargame.forced import Forced, compare_forced
    from wargame import actions as A
    game = _played(3, seed=4)
    dialog = _dialog(qtbot, game, games=6, seed=2, here=True)
    dialog.from_start.setChecked(True)
    assert not dialog.force_action.isEnabled()  # forcing needs "this game now"
    dialog.from_here.setChecked(True)
    assert dialog.force_action.isEnabled()
    dialog.force_seat.setCurrentIndex(dialog.force_seat.findData("riyadh"))
    wanted = Forced(A.Declare("riyadh", "islamabad")).to_dict()
    index = dialog.force_action.findData(wanted)
    assert index > 0
    dialog.force_action.setCurrentIndex(index)
    _run(qtbot, dialog)
    cmp = dialog.comparison
    assert cmp is not None and cmp.force.action == A.Declare("riyadh", "islamabad")
    expected = compare_forced(game, Forced(A.Declare("riyadh", "islamabad")), games=6, seed=2)
    assert cmp.paired == expected.paired
    tab = dialog.tabs.count() - 1
    assert dialog.tabs.isTabVisible(tab) and dialog.tabs.currentIndex() == tab
    text = dialog.compare_view.text()
    assert f"{expected.paired['riyadh']['difference']:+.1f}" in text and "Public declaration" in text
    dialog.resize(1280, 720)
    dialog.grab().save(os.environ.get("WHATIF_FORCE_PNG", "/tmp/whatif-force.png"))
    # a plain run afterwards hides the comparison again
    dialog.force_action.setCurrentIndex(0)
    _run(qtbot, dialog)
    assert dialog.comparison is None and not dialog.tabs.isTabVisible(tab)
