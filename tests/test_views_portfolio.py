"""Tests for the portfolio table (ui.portfolio_view) and the scoreboard (ui.scoreboard)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from ui.portfolio_view import HEADERS, SORT_ROLE, PortfolioView, commitment_facts  # noqa: E402
from ui.scoreboard import Scoreboard  # noqa: E402
from ui.theme import SEAT_COLORS, apply_theme, kind_style, scaled_font  # noqa: E402
from wargame import Game, load_scenario  # noqa: E402
from wargame import actions as A  # noqa: E402
from wargame.actions import make_terms  # noqa: E402
from wargame.bots import make_bots  # noqa: E402
from wargame.rules.deterrence import provider_shares, seat_deterrence  # noqa: E402
from wargame.types import SEATS  # noqa: E402


from view_support import play  # noqa: E402



@pytest.fixture
def portfolio(qtbot):
    w = PortfolioView()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def active_of(g: Game, seat: str) -> list:
    return [c for c in g.state.commitments.values() if c.status == "active" and seat in c.parties]


@pytest.mark.parametrize("seat", SEATS)
def test_one_row_per_active_commitment(portfolio, mid_game, seat):
    portfolio.set_game(mid_game, seat)
    assert portfolio.row_count() == len(active_of(mid_game, seat))
    assert portfolio.proxy.rowCount() == len(active_of(mid_game, seat))
    assert portfolio.model.columnCount() == len(HEADERS)


def test_start_of_game_portfolio(portfolio):
    g = Game(load_scenario("pact-2026"), seed=7)
    portfolio.set_game(g, "islamabad")
    assert portfolio.row_count() == len(active_of(g, "islamabad"))
    names = [portfolio.model.index(r, 0).data() for r in range(portfolio.row_count())]
    assert any(n.startswith("Saudi–Pakistani Mutual Defence Agreement") for n in names)


def test_header_tiles(portfolio, mid_game):
    portfolio.set_game(mid_game, "riyadh")
    real, perceived = seat_deterrence(mid_game, "riyadh")
    shares = provider_shares(mid_game, "riyadh")
    hhi = sum(v * v for v in shares.values())
    assert portfolio.tiles["real"].value.text() == f"{real:.1f}"
    assert portfolio.tiles["perceived"].value.text() == f"{perceived:.1f}"
    assert portfolio.tiles["gap"].value.text() == f"{perceived - real:+.1f}"
    assert portfolio.tiles["hhi"].value.text() == f"{hhi:.2f}"
    assert "Washington" in portfolio.tiles["providers"].value.text()


def test_sorting_uses_numeric_keys(portfolio, mid_game):
    portfolio.set_game(mid_game, "riyadh")
    for column in range(len(HEADERS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            portfolio.table.sortByColumn(column, order)
            keys = [portfolio.proxy.index(r, column).data(SORT_ROLE) for r in range(portfolio.proxy.rowCount())]
            expected = sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
            assert keys == expected, HEADERS[column]


def test_costs_deliveries_and_credibility(portfolio, mid_game):
    portfolio.set_game(mid_game, "riyadh")
    rows = {portfolio.model.index(r, 0).data().split("\n")[0]: r for r in range(portfolio.row_count())}
    sda = rows["US–Saudi Strategic Defense Agreement"]
    delivers = portfolio.model.index(sda, 4).data()
    assert "pts" in delivers and "seen" in delivers
    com = mid_game.state.commitments["us_saudi_sda"]
    facts = commitment_facts(mid_game, com)
    assert portfolio.model.index(sda, 4).data(SORT_ROLE) == pytest.approx(facts.deliveries[0].real)
    assert portfolio.model.index(sda, 5).data() == f"{mid_game.state.seats['washington'].credibility:.0f}"
    assert "Credibility" in portfolio.model.index(sda, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_secret_commitment_is_marked(portfolio):
    g = Game(load_scenario("pact-2026"), seed=7)
    g.apply(A.Propose("riyadh", "loan", ("islamabad",),
                      make_terms(lender="riyadh", borrower="islamabad", amount=500, rate=3.0, turns=4), False))
    g.apply(A.Accept("islamabad", g.open_proposals("islamabad")[-1].id))
    portfolio.set_game(g, "islamabad")
    vis = [portfolio.model.index(r, 6).data() for r in range(portfolio.row_count())]
    assert vis.count("secret") == 1
    row = vis.index("secret")
    assert portfolio.model.index(row, 2).data() == "gets $500m"


@pytest.fixture
def scoreboard(qtbot):
    w = Scoreboard()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_scoreboard_totals_match_the_engine(scoreboard, mid_game):
    """The facilitator's (omniscient) scoreboard shows the engine's scores; a seat's shows its
    own true total and, for the others, the estimates of its information set (issue 10)."""
    from wargame.rules.seat_view import seat_view
    scores = mid_game.scores()
    scoreboard.set_game(mid_game, viewer="riyadh")
    seen = seat_view(mid_game, "riyadh").scores
    assert scoreboard.totals() == {s: seen[s]["total"] for s in scores}
    assert scoreboard.totals()["riyadh"] == scores["riyadh"].total
    scoreboard.set_game(mid_game, viewer=None)
    assert scoreboard.totals() == {s: sc.total for s, sc in scores.items()}
    for seat, sc in scores.items():
        parts = scoreboard.parts(seat)
        assert [p.key for p in parts] == [c.key for c in sc.components]
        assert sum(p.points for p in parts) == pytest.approx(sc.total, abs=0.05)
    image = scoreboard.grab().toImage()
    assert not image.isNull()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("width", [380, 430, 460, 520, 600, 700])
def test_scoreboard_lays_out_cleanly(qtbot, qapp, mid_game, width, large):
    """380-700 px wide, normal and large text: everything fits, every component is there."""
    apply_theme(qapp, large=large)
    try:
        w = Scoreboard()
        qtbot.addWidget(w)
        w.set_game(mid_game, viewer="islamabad")
        n_parts = sum(len(w.parts(s)) for s in SEATS)
        for height in (w.minimumSizeHint().height(), 340, 420):
            w.resize(width, height)
            w.show()
            w.grab()  # paints
            info = w.layout_info()
            assert info["fits"], (width, height, info)
            # every component has a tooltip: its bar segment, and its line in the list
            assert info["tooltips"] >= n_parts * (2 if info["columns"] else 1), info
            if not large and height >= 300 and width >= 430:
                assert info["columns"] and info["labels"], (width, height, info)  # listed by name
            if width >= 600 and height >= 420 and not large:
                assert not info["shortened"], info  # six components a seat, named in full
        if large and width >= 700:
            w.resize(width, 520)
            w.grab()
            assert not w.layout_info()["shortened"], w.layout_info()  # large text needs a little more height
        assert w.minimumSizeHint().height() <= 310  # fits a 1280x720 window, even in large mode
    finally:
        apply_theme(qapp)


def test_scoreboard_title_and_note_do_not_overlap(qtbot, mid_game):
    from PySide6.QtGui import QFontMetricsF

    w = Scoreboard()
    qtbot.addWidget(w)
    w.set_game(mid_game, viewer="riyadh")
    title = QFontMetricsF(scaled_font(12, True)).horizontalAdvance(f"Scores · {mid_game.quarter}")
    for width in (380, 430, 460, 520, 700):
        w.resize(width, 340)
        w.grab()
        info = w.layout_info()
        note = QFontMetricsF(scaled_font(9)).horizontalAdvance(str(info["note"]))
        assert info["header_lines"] == 2 or title + 16 + note <= width - 24


def test_theme(qapp):
    apply_theme(qapp)
    assert qapp.style().name().lower() == "fusion"
    assert set(SEAT_COLORS) == set(SEATS)
    normal = scaled_font(10).pointSizeF()
    apply_theme(qapp, large=True)
    assert scaled_font(10).pointSizeF() > normal
    apply_theme(qapp)
    for kind in ("pact", "agreement", "assurance", "loan", "deposit", "grant", "arms_sale", "export_credit",
                 "coproduction", "port_access", "premium", "understanding"):
        assert kind_style(kind).group != "Other"
