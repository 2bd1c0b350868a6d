"""Tests for the commitment network view (ui.network_canvas)."""
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

from ui.network_canvas import NetworkCanvas  # noqa: E402
from wargame import Game, load_scenario  # noqa: E402
from wargame import actions as A  # noqa: E402
from wargame.actions import make_terms  # noqa: E402
from wargame.bots import make_bots  # noqa: E402
from wargame.types import SEATS  # noqa: E402


from view_support import play  # noqa: E402


def secret_loan_game() -> tuple[Game, str]:
    """A fresh game in which Riyadh lends Islamabad $500m in secret."""
    g = Game(load_scenario("pact-2026"), seed=7)
    g.apply(A.Propose("riyadh", "loan", ("islamabad",),
                      make_terms(lender="riyadh", borrower="islamabad", amount=500, rate=3.0, turns=4), False))
    prop = g.open_proposals("islamabad")[-1]
    g.apply(A.Accept("islamabad", prop.id))
    cid = next(c.id for c in g.state.commitments.values() if not c.public)
    return g, cid


@pytest.fixture
def canvas(qtbot):
    view = NetworkCanvas()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view



def active_ids(g: Game) -> set[str]:
    return {c.id for c in g.state.commitments.values() if c.status == "active"}


def test_one_edge_per_active_commitment(canvas, mid_game):
    canvas.set_game(mid_game)
    assert set(canvas.edge_ids()) == active_ids(mid_game)


def test_secret_commitment_respects_viewer(canvas):
    g, cid = secret_loan_game()
    canvas.set_game(g, viewer="ankara")
    assert cid not in canvas.edge_ids()
    assert set(canvas.edge_ids()) == {c.id for c in g.state.commitments.values()
                                      if c.status == "active" and c.public}
    canvas.set_game(g, viewer="islamabad")
    assert cid in canvas.edge_ids()
    assert "SECRET" in canvas.edge_item(cid).toolTip()
    canvas.set_game(g, viewer=None)
    assert cid in canvas.edge_ids()
    canvas.set_game(g, viewer="washington")
    assert cid not in canvas.edge_ids()


def test_edge_tooltips_show_credibility_and_test_delivery(canvas, mid_game):
    canvas.set_game(mid_game)
    for cid in canvas.edge_ids():
        assert "Credibility" in canvas.edge_item(cid).toolTip()
    tip = canvas.edge_item("us_saudi_sda").toolTip()
    assert "real" in tip and "perceived" in tip and "If tested" in tip


def test_node_tooltips_and_private_budget(canvas, mid_game):
    canvas.set_game(mid_game, viewer="riyadh")
    assert "private" in canvas.node_item("ankara").toolTip()
    assert "private" not in canvas.node_item("riyadh").toolTip()
    assert "Credibility" in canvas.node_item("islamabad").toolTip()


def test_positions_are_stable_across_turns(canvas):
    g = Game(load_scenario("pact-2026"), seed=7)
    canvas.set_game(g)
    before = canvas.node_positions()
    play(g, 6)
    canvas.set_game(g)
    after = canvas.node_positions()
    assert before.keys() == after.keys()
    for key, pos in before.items():
        assert (pos.x(), pos.y()) == (after[key].x(), after[key].y()), key


def test_actors_suppliers_and_threat_lines(canvas, mid_game):
    canvas.set_game(mid_game)
    positions = canvas.node_positions()
    for actor in mid_game.scenario.actors:
        assert actor.id in positions
    assert {"russia", "china", *SEATS} <= positions.keys()
    pairs = {(c.actor, t) for c in mid_game.scenario.crises for t in c.targets}
    assert canvas.threat_count() == len(pairs)


def test_multi_party_pact_is_a_hyperedge(canvas, mid_game):
    canvas.set_game(mid_game)
    for com in mid_game.state.commitments.values():
        if com.kind == "pact" and com.status == "active":
            item = canvas.edge_item(com.id)
            assert item.hub is not None and item.hub[3].startswith(com.name[:20])
            assert len(item.segments) == len(com.parties)


def test_items_are_updated_in_place(canvas, mid_game):
    canvas.set_game(mid_game)
    item = canvas.edge_item("nato")
    node = canvas.node_item("riyadh")
    canvas.set_game(mid_game, viewer="ankara")
    assert canvas.edge_item("nato") is item and canvas.node_item("riyadh") is node
    reloaded = Game.from_dict(mid_game.to_dict())      # e.g. after undo or loading a save
    canvas.set_game(reloaded)
    assert canvas.edge_item("nato") is item and canvas.node_item("riyadh") is node
    assert "resolve" in canvas.node_item("iran").toolTip()


def test_measures_panel(canvas, mid_game):
    canvas.set_game(mid_game)
    assert canvas.hub_seat in SEATS
    assert 0.0 < canvas.density <= 1.0
    assert set(canvas.measures) == set(SEATS)
    assert "Hub of the web" in canvas.measures_label.text()


def test_betweenness_counts_tie_strength_once_every_seat_is_linked(canvas, mid_game):
    """Issue 16: "network betweenness 0.00 for every seat". Once every pair of seats shares some
    commitment the plain graph is complete and no seat lies between two others; with distances
    1/(shared commitments) the seat holding the strong ties is the broker."""
    from ui.network_canvas import seat_betweenness
    # Riyadh shares three commitments with each of the others, who share one with each other
    strong = {("riyadh", "islamabad"): 3, ("riyadh", "washington"): 3, ("islamabad", "washington"): 1,
              ("ankara", "riyadh"): 3, ("ankara", "islamabad"): 1, ("ankara", "washington"): 1}
    between = seat_betweenness(strong)
    assert between["riyadh"] == pytest.approx(1.0)
    assert between["ankara"] == between["islamabad"] == between["washington"] == 0.0
    canvas.set_game(mid_game)
    assert canvas.density == 1.0  # the case the issue saw
    assert max(m["betweenness"] for m in canvas.measures.values()) > 0.0


def test_click_on_edge_emits_selection(canvas, qtbot, mid_game):
    canvas.set_game(mid_game)
    hub = canvas.edge_item("nato").hub
    assert hub is not None
    point = canvas.view.mapFromScene(hub[0])
    with qtbot.waitSignal(canvas.commitmentSelected, timeout=1000) as blocker:
        qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["nato"]
    assert canvas.edge_item("nato").selected


def test_showing_the_same_game_again_changes_no_item(canvas, mid_game, monkeypatch):
    """Each turn's refresh is cheap because unchanged items are left alone (bench/gui.py times it)."""
    from ui.network_items import EdgeItem, NodeItem
    canvas.set_game(mid_game)
    changed: list[object] = []
    for cls in (EdgeItem, NodeItem):
        real = cls.prepareGeometryChange
        monkeypatch.setattr(cls, "prepareGeometryChange", lambda self, real=real: changed.append(self) or real(self))
    canvas.set_game(mid_game)
    canvas.set_game(mid_game, viewer=None)
    assert changed == []


def test_renders_at_projector_size(canvas, mid_game):
    canvas.set_game(mid_game)
    canvas.resize(1600, 900)
    image = canvas.grab().toImage()
    assert image.width() == 1600 and not image.isNull()


# -- labels never drawn over one another ------------------------------------------------------
LABEL_SIZES = {
    # the canvas in the main window's central tab at these screens (side panel included)
    "main 1280x720": (865, 460), "main 1366x768": (923, 498), "main 1920x1080": (872, 741),
    # a wider dock layout, a projector-sized window and the canvas's minimum size
    "narrow": (700, 420), "projector 1600x900": (1600, 900), "minimum": (440, 300)}


def label_clashes(view: NetworkCanvas) -> list[str]:
    """Every pair of label boxes that share area, every label over a disc, every label outside the view."""
    labels, discs = view.label_boxes(), view.disc_boxes()
    area = view.scene.sceneRect()
    clashes = [f"{name} leaves the view" for name, box in labels.items() if not area.contains(box)]
    names = list(labels)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            both = labels[a] & labels[b]
            if both.width() > 0.01 and both.height() > 0.01:
                clashes.append(f"{a} over {b}")
        for d, disc in discs.items():
            own = d.split(":", 1)[1] == a.split(":", 1)[1]
            both = labels[a] & disc
            if not own and both.width() > 0.01 and both.height() > 0.01:
                clashes.append(f"{a} over {d}")
    return clashes


@pytest.fixture(scope="module")
def label_games():
    from wargame import Game
    out = []
    for seed in (7, 3):
        g = Game(load_scenario("pact-2026"), seed=seed)
        out.append((f"seed {seed} start", Game.from_dict(g.to_dict())))
        for turns in (6, 12):
            play(g, turns, seed)
            out.append((f"seed {seed} after {turns}", Game.from_dict(g.to_dict())))
    return out


@pytest.mark.parametrize("size", list(LABEL_SIZES), ids=list(LABEL_SIZES))
def test_no_label_box_covers_another_or_a_disc(qtbot, label_games, size):
    """Issue 15: "the SMDA label on Washington's node" (and Ankara's name over Greece / Cyprus).
    At each size, in games from start to end, for every viewer, every node, pact and "secret"
    label has a place of its own inside the view; every seat's name is shown."""
    view = NetworkCanvas()
    qtbot.addWidget(view)
    view.resize(*LABEL_SIZES[size])
    view.show()
    qtbot.waitExposed(view)
    for name, game in label_games:
        for viewer in (None, *SEATS):
            view.set_game(game, viewer)
            clashes = label_clashes(view)
            assert not clashes, f"{size}, {name}, seen by {viewer}: {clashes}"
            shown = view.label_boxes()
            assert all(f"node:{s}" in shown for s in SEATS), f"{size}, {name}: a seat's name is hidden"
    if size != "minimum":  # with room, every actor and supplier is named too
        assert all(view.node_item(k).label_shown for k in view.node_positions()), size


def test_labels_keep_off_the_main_window_s_network_at_a_classroom_screen(qtbot, mid_game, tmp_path, monkeypatch):
    """The canvas as the main window sizes it at 1280x720 (the docks take their share)."""
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    from ui.adapter import GameController
    from view_support import shown_main_window
    win = shown_main_window(qtbot, GameController(mid_game, {s: "computer" for s in SEATS}))
    win.load_heavy_views()
    win.tabs.setCurrentWidget(win.network)
    view = win.network.view
    qtbot.waitUntil(lambda: view.view.viewport().width() >= 400)  # the web keeps a usable width at 1280x720
    view.set_game(mid_game, None)
    assert not label_clashes(view)


def test_a_label_takes_the_first_free_place_or_says_none_is_free():
    from PySide6.QtCore import QPointF, QRectF
    from ui.network_labels import outward_sides, place
    area = QRectF(0, 0, 100, 100)
    taken = [QRectF(0, 0, 50, 50)]
    spots = [QRectF(10, 10, 20, 20), QRectF(60, 60, 20, 20), QRectF(60, 10, 20, 20)]
    chosen = place(spots, taken, [], area)
    assert (chosen.index, chosen.clear) == (1, True)
    crossed = place(spots, taken, [QPointF(70, 70)], area)  # a line runs through the second
    assert (crossed.index, crossed.clear) == (2, True)
    assert not place([QRectF(10, 10, 20, 20), QRectF(90, 90, 20, 20)], taken, [], area).clear
    assert outward_sides(QPointF(-5, 0))[0] == "left" and outward_sides(QPointF(0, 9))[0] == "below"
