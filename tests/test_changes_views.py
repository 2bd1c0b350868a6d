"""The main window redraws each view only when the engine's change flags say its data changed."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from wargame import actions as A  # noqa: E402
from wargame.rules.changes import Changes  # noqa: E402
from wargame.rules.game import Game  # noqa: E402


@pytest.fixture(autouse=True)
def _settings(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path))


def test_stale_views_follow_the_flags() -> None:
    from ui.view_host import ALL_VIEWS, stale_views
    assert stale_views(None, "riyadh") == set(ALL_VIEWS)
    assert stale_views(Changes(), "riyadh") == set()
    assert stale_views(Changes(proposals=frozenset({"p1"})), "riyadh") == {"seat"}
    # another seat's resources: its score may move, the shown seat's panel stays
    assert stale_views(Changes(seats=frozenset({"ankara"})), "riyadh") == {"scoreboard"}
    assert stale_views(Changes(seats=frozenset({"riyadh"})), "riyadh") == {"seat", "portfolio", "scoreboard"}
    assert stale_views(Changes(posture=True), "riyadh") == {"map"}
    assert {"map", "network", "portfolio"} <= stale_views(Changes(commitments=frozenset({"c1"})), None)
    assert stale_views(Changes(indicators=True), None) == {"scoreboard", "indicators"}


class _Count:
    def __init__(self, monkeypatch, obj, name: str) -> None:
        self.n = 0
        real = getattr(obj, name)

        def counted(*args, **kwargs):
            self.n += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(obj, name, counted)


def test_window_redraws_only_the_views_an_action_changed(qtbot, monkeypatch) -> None:
    from ui import main_window, map_model
    from ui.adapter import GameController
    players = {"ankara": "computer", "riyadh": "person", "islamabad": "computer", "washington": "computer"}
    c = GameController(Game("pact-2026", 7), players, bot_interval_ms=0)
    c.set_paused(True)  # the test plays the computer seats' moves itself
    win = main_window.MainWindow(c, restore=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    builds = _Count(monkeypatch, map_model, "build")
    scores = _Count(monkeypatch, win.scoreboard, "set_game")
    seat = _Count(monkeypatch, win.seat_panel, "set_game")
    g = c.game
    assert g.phase == "diplomacy" and win.viewer == "riyadh"
    builds.n = scores.n = seat.n = 0
    result = c.apply(A.EndPhase("ankara"))  # another seat is done: only that seat's data changed
    assert result is not None and result.changes.flags() == {"seats"}
    assert (builds.n, seat.n, scores.n) == (0, 0, 1)  # a score may read any seat's resources
    win.refresh()  # e.g. a new viewer: everything is drawn
    assert (builds.n, seat.n, scores.n) == (1, 1, 2)
    for other in ("islamabad", "washington", "riyadh"):  # the phase ends: Riyadh's panel follows
        result = c.apply(A.EndPhase(other))
    assert result is not None and result.changes.phase and g.phase != "diplomacy"
    assert seat.n >= 2
