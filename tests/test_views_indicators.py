"""Tests for the indicator charts (ui.indicators_view)."""
from __future__ import annotations

import copy
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from ui.indicators_view import METRICS, IndicatorsView  # noqa: E402
from wargame import Game, load_scenario  # noqa: E402
from wargame.bots import make_bots  # noqa: E402
from wargame.types import SEATS  # noqa: E402


from view_support import play  # noqa: E402



@pytest.fixture
def view(qtbot):
    w = IndicatorsView()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_one_curve_per_seat(view, mid_game):
    view.set_game(mid_game)
    for metric in ("credibility", "score", "gap", "budget", "stress", "standing"):
        view.set_metric(metric)
        assert set(view.curves()) == set(SEATS), metric
        for curve in view.curves().values():
            assert len(curve.xData) == len(mid_game.state.history)


def test_real_vs_perceived_with_shaded_gap(view, mid_game):
    view.set_game(mid_game)
    view.set_metric("deterrence")
    keys = set(view.curves())
    assert keys == {f"{s}:{k}" for s in SEATS for k in ("real", "perceived")}
    assert len(view._fills) == len(SEATS)
    last = mid_game.state.history[-1]["seats"]["riyadh"]
    assert view.curves()["riyadh:real"].yData[-1] == pytest.approx(last["real"])
    assert view.curves()["riyadh:perceived"].yData[-1] == pytest.approx(last["perceived"])
    view.set_seat("riyadh")
    assert set(view.curves()) == {"riyadh:real", "riyadh:perceived"}


def test_crisis_markers(view, mid_game):
    view.set_game(mid_game)
    crises = [row for row in mid_game.state.history if row["crisis"]]
    assert len(crises) >= 1
    markers = view.crisis_markers()
    assert len(markers) == len(crises)
    for marker, row in zip(markers, crises):
        assert marker.value() == row["turn"]
        assert row["crisis"]["title"] in marker.toolTip()
    damaging = [m for m, row in zip(markers, crises) if row["crisis"]["outcome"] == "damaging"]
    for m in damaging:
        assert m.pen.color().name().lower() == "#c0392b"
    view.set_history(mid_game.state.history)          # crises from the rows themselves
    assert len(view.crisis_markers()) == len(crises)


def test_private_budgets_are_not_drawn(view, mid_game):
    view.set_game(mid_game, viewer="riyadh")
    view.set_metric("budget")
    curves = view.curves()
    assert len(curves["riyadh"].xData) == len(mid_game.state.history)
    for seat in ("ankara", "islamabad", "washington"):
        assert curves[seat].xData is None or len(curves[seat].xData) == 0
    assert "private" in view.note.text()
    assert any("(private)" in label for label in view.legend.labels())


def test_history_with_hidden_values_from_a_seat_view(view, mid_game):
    hist = copy.deepcopy(mid_game.view("ankara")["history"])
    assert hist[-1]["seats"]["riyadh"]["budget"] is None
    view.set_history(hist, viewer="ankara")
    for metric in METRICS:
        view.set_metric(metric)
        for seat in (None, *SEATS):
            view.set_seat(seat)
    view.set_history([], viewer=None)                  # empty history must not crash either


def test_components_per_seat_and_small_multiples(view, mid_game):
    view.set_game(mid_game)
    view.set_metric("components")
    assert len(view.plots()) == 4
    view.set_seat("ankara")
    comps = mid_game.state.history[-1]["seats"]["ankara"]["components"]
    assert len(view.plots()) == 1
    assert set(view.curves()) == {f"ankara:c:{k}" for k in comps} | {"ankara:score"}


def test_quarter_names_on_the_time_axis(view, mid_game):
    view.set_game(mid_game)
    view.resize(1600, 900)
    ticks = view.plots()[0].getAxis("bottom")._tickLevels[0]
    labels = [label for _, label in ticks]
    assert labels[0] == "start" and "2026-Q1" in labels and "2028-Q4" in labels


def test_update_is_fast(view, mid_game):
    view.set_game(mid_game)
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        view.set_game(mid_game)
        times.append(time.perf_counter() - t0)
    assert statistics.median(times) < 0.05
