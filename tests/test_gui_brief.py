"""The seat panel's Brief tab: the scenario's role brief and what the seat is scored on."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.seat_panel import SeatPanel  # noqa: E402
from wargame import Game, load_scenario  # noqa: E402


def test_brief_tab_shows_the_role_brief_and_the_score_breakdown(qtbot):
    game = Game(load_scenario("pact-2026"), 7)
    panel = SeatPanel()
    qtbot.addWidget(panel)
    panel.set_game(game, "islamabad", True, "person")
    text = panel.brief.text()
    assert "security as an economic asset" in text  # from the scenario's brief for Islamabad
    for component in game.score("islamabad").components:
        assert component.label in text and f"{component.points:.1f}" in text
    assert panel.tabs.tabText(2) == "Brief"
    panel.set_game(game, None, False, observer=True)
    assert "computer plays every seat" in panel.brief.text()
