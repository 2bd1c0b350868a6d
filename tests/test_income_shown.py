"""The income a seat is shown is the income it is paid.

Reported in class: Ankara's panel showed an income of $700m a quarter while the income phase
paid it $595m. Both are right in their way: Ankara's income is $700m, and while sanctions bite
it is paid 85% of it (rules §7, "Sanctions pressure"). The panel and the console now show what is
paid, with the full income beside it; this test ties them to the money that arrives.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wargame import actions as A  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.types import SEATS  # noqa: E402


def end_quarter(g: Game) -> None:
    turn = g.turn
    while g.turn == turn and not g.over:
        for seat in list(g.acting_seats()):
            g.apply(A.EndPhase(seat) if g.phase != "crisis" else A.Respond(seat, g.state.crisis.id, "none"))


def test_panel_and_console_show_the_income_the_income_phase_pays(qtbot):
    from ui.facilitator.seats_table import seat_facts
    from ui.seat_panel import SeatPanel
    g = Game("pact-2026", 7)
    assert g.state.seats["ankara"].sanctioned, "Ankara starts under sanctions (CAATSA)"
    panel = SeatPanel()
    qtbot.addWidget(panel)
    panel.set_game(g, "ankara")
    shown = panel.values["income"].text()
    facts = seat_facts(g)
    end_quarter(g)
    paid = next(e for e in reversed(g.events) if e.kind == "income")
    assert "Ankara +$595m" in paid.text
    assert shown.startswith("$595m") and "$700m" in shown and "sanctions" in shown
    assert facts["ankara"]["income"] == shown
    riyadh = SeatPanel()
    qtbot.addWidget(riyadh)
    riyadh.set_game(g, "riyadh")
    assert f"Riyadh +{riyadh.values['income'].text()}" in paid.text, "no note without sanctions"
    assert all(s in facts for s in SEATS)
