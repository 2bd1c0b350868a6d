"""Screens read the viewer's SeatView: scoreboard and indicators history do not move with another
seat's secret, and they say which figures are the viewer's estimates."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_seat_view_leaks import ALLIANCE, _pair  # noqa: E402
from view_support import play, play_alike  # noqa: E402

from wargame.rules.seat_view import seat_view  # noqa: E402


def test_scoreboard_shows_the_viewers_estimates_and_says_so(qtbot):
    from ui.scoreboard import Scoreboard
    plain, secret = _pair(*ALLIANCE)
    shown = []
    for g in (plain, secret):
        board = Scoreboard()
        qtbot.addWidget(board)
        board.set_game(g, "washington")
        shown.append((board.totals(), {s: board.parts(s) for s in board.totals()}))
        assert board.totals() == {s: sc["total"] for s, sc in seat_view(g, "washington").scores.items()}
        assert "(est.)" in board._label("ankara") and "(est.)" not in board._label("washington")
        assert "estimate" in board._tip("ankara", board.parts("ankara")[0])
    assert shown[0] == shown[1]
    assert secret.score("ankara").total != shown[1][0]["ankara"]  # the truth did move


def test_indicators_history_is_the_viewers_own(qtbot):
    from ui.indicators_view import IndicatorsView
    plain, secret = _pair(*ALLIANCE)
    play_alike(plain, secret, 1)
    data = []
    for g in (plain, secret):
        view = IndicatorsView()
        qtbot.addWidget(view)
        view.set_game(g, "washington")
        view.set_metric("deterrence")
        curves = view.curves()
        assert any("(est.)" in label for label in view.legend.labels())
        data.append({k: list(c.getData()[1]) for k, c in curves.items()})
    assert data[0] == data[1]
