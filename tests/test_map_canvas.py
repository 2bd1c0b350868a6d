"""Tests for the regional map view (ui.map_canvas)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.map_canvas import DEFAULT_GEOJSON, MapCanvas, MapLink, MapSite  # noqa: E402

SITES = [
    MapSite("ankara", "Ankara", "capital", 39.93, 32.86, "ankara", "Capital of Türkiye"),
    MapSite("riyadh", "Riyadh", "capital", 24.71, 46.68, "riyadh", "Capital of Saudi Arabia"),
    MapSite("islamabad", "Islamabad", "capital", 33.68, 73.05, "islamabad", "Capital\nof Pakistan"),
    MapSite("washington", "Washington", "capital", 0.0, 0.0, "washington", "Off-map"),
    MapSite("tusas", "TUSAS Ankara", "industry", 39.93, 32.70, "ankara", "Aerospace"),
    MapSite("hormuz", "Strait of Hormuz", "crisis", 26.57, 56.25, None, "Chokepoint"),
]


@pytest.fixture
def canvas(qtbot):
    view = MapCanvas()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_sites(SITES)
    return view


def test_asset_has_region_countries():
    data = json.loads(DEFAULT_GEOJSON.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in data["features"]}
    assert len(names) >= 15
    assert {"Turkey", "Saudi Arabia", "Pakistan"} <= names
    assert all("id" in f["properties"] for f in data["features"])
    assert DEFAULT_GEOJSON.stat().st_size < 1_000_000


def test_canvas_loads_countries(canvas):
    names = canvas.country_names()
    assert len(names) >= 15
    assert {"Turkey", "Saudi Arabia", "Pakistan", "Iran"} <= set(names)


def test_site_positions(canvas):
    riyadh = canvas.site_scene_pos("riyadh")
    islamabad = canvas.site_scene_pos("islamabad")
    ankara = canvas.site_scene_pos("ankara")
    assert riyadh.x() < islamabad.x()
    assert riyadh.y() > ankara.y()  # scene y grows downwards: "below"
    assert canvas.site_item("islamabad").toolTip() == "Capital\nof Pakistan"


def test_set_sites_reuses_items_and_removes_stale(canvas):
    item = canvas.site_item("riyadh")
    canvas.set_sites(SITES[:3])
    assert canvas.site_item("riyadh") is item
    assert canvas.site_item("tusas") is None


def test_click_emits_site_selected(canvas, qtbot):
    pos = canvas.site_view_pos("riyadh").toPoint()
    with qtbot.waitSignal(canvas.siteSelected, timeout=1000) as blocker:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["riyadh"]
    assert canvas.selected_site() == "riyadh"
    assert canvas.site_item("riyadh").selected
    assert not canvas.site_item("ankara").selected


def test_click_off_map_washington(canvas, qtbot):
    pos = canvas.site_view_pos("washington").toPoint()
    with qtbot.waitSignal(canvas.siteSelected, timeout=1000) as blocker:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["washington"]


def test_overlapping_sites_are_separated(canvas):
    a, t = canvas.site_view_pos("ankara"), canvas.site_view_pos("tusas")
    assert (a - t).manhattanLength() > 10
    ra = canvas.site_item("ankara").label_rect.translated(canvas.site_item("ankara").pos())
    assert not canvas.site_item("ankara").label_rect.isEmpty()
    assert not ra.isNull()


def test_set_links_creates_items_with_tooltips(canvas):
    canvas.set_links([
        MapLink("riyadh", "islamabad", "pact", 5, 0.9, None, "SMDA pact"),
        MapLink("riyadh", "islamabad", "finance", 3, 0.6, "#E69F00", "Deposits", True),
        MapLink("washington", "riyadh", "assurance", 2, 0.5, None, "US assurance"),
    ])
    items = canvas.link_items()
    assert [i.toolTip() for i in items] == ["SMDA pact", "Deposits", "US assurance"]
    assert all(i.isVisible() and not i.path().isEmpty() for i in items)
    first = items[0]
    canvas.set_links([MapLink("riyadh", "islamabad", "pact", 2, 0.5, None, "Pact (weaker)")])
    assert canvas.link_items() == [first]
    assert first.toolTip() == "Pact (weaker)"
    assert first.opacity() == pytest.approx(0.5)
    canvas.set_links([])
    assert canvas.link_items() == []


def test_active_crisis_set_and_clear(canvas):
    canvas.set_active_crisis("hormuz", "Tanker seized")
    assert canvas.active_crisis() == "hormuz"
    assert canvas.site_item("hormuz").is_active_crisis
    canvas.set_active_crisis(None)
    assert canvas.active_crisis() is None
    assert not any(canvas.site_item(s.id).is_active_crisis for s in SITES)


def test_zoom_is_clamped_and_fit_restores(canvas):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    fitted = canvas.transform().m11()
    centre = QPointF(canvas.viewport().rect().center())
    for _ in range(60):
        ev = QWheelEvent(centre, canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                         Qt.ScrollPhase.NoScrollPhase, False)
        canvas.wheelEvent(ev)
    assert fitted < canvas.transform().m11() <= fitted * 14 * 1.02
    canvas.fit_region()
    assert canvas.transform().m11() == pytest.approx(fitted)


# -- speed: cached rendering, incremental layout, debounced resize ---------------------------
def _label_rects(canvas):
    return {s.id: canvas.site_item(s.id).label_rect for s in SITES if s.id != "washington"}


def test_items_cache_their_own_rendering(canvas):
    from PySide6.QtWidgets import QGraphicsItem
    from ui.map_items import TextLabelItem

    device = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(canvas.site_item(s.id).cacheMode() == device for s in SITES)
    labels = [i for i in canvas.scene().items() if isinstance(i, TextLabelItem)]
    assert labels and all(i.cacheMode() != QGraphicsItem.CacheMode.NoCache for i in labels)
    assert canvas.cacheMode() & canvas.CacheModeFlag.CacheBackground  # countries: the background


def test_set_sites_with_same_layout_data_does_not_lay_out_again(canvas, monkeypatch):
    import dataclasses

    import ui.map_canvas as mc

    calls = []
    real = mc._place_label
    monkeypatch.setattr(mc, "_place_label", lambda *a, **k: calls.append(1) or real(*a, **k))
    canvas.set_sites([dataclasses.replace(s, detail=s.detail + " (new)") for s in SITES])
    assert calls == []
    assert canvas.site_item("riyadh").toolTip() == "Capital of Saudi Arabia (new)"
    renamed = [dataclasses.replace(s, name="Riyadh HQ") if s.id == "riyadh" else s for s in SITES]
    canvas.set_sites(renamed)
    assert len(calls) == 1  # only the renamed site's label is placed again


def test_crisis_places_only_its_own_label(canvas):
    before = _label_rects(canvas)
    canvas.set_active_crisis("hormuz", "CRISIS: Tanker seized")
    during = _label_rects(canvas)
    assert {k for k in before if before[k] != during[k]} <= {"hormuz"}
    assert during["hormuz"].height() > before["hormuz"].height()  # the crisis line
    canvas.set_active_crisis(None)
    assert _label_rects(canvas) == before


def test_layout_is_the_same_whatever_the_order(qtbot):
    def build(crisis_first):
        view = MapCanvas()
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        qtbot.waitExposed(view)
        if crisis_first:
            view.set_active_crisis("hormuz", "CRISIS")
        view.set_sites(SITES)
        if not crisis_first:
            view.set_active_crisis("hormuz", "CRISIS")
        return _label_rects(view)

    assert build(True) == build(False)


def test_resize_lays_out_once_resizing_pauses(canvas, qtbot):
    canvas.resize(900, 640)
    assert canvas.layout_pending()
    before = canvas.site_item("riyadh").label_rect  # site_item() flushes a pending layout
    assert not canvas.layout_pending()
    canvas.resize(1000, 700)
    qtbot.waitUntil(lambda: not canvas.layout_pending(), timeout=2000)
    assert canvas.site_item("riyadh").label_rect.isValid() and before.isValid()


def test_crisis_toggle_repaints_only_the_crisis_site(qtbot, monkeypatch):
    """Toggling a crisis re-renders the crisis site, not every site and label.

    Sites and labels cache their rendering, so a repaint after a crisis toggle must call
    ``paint`` on a handful of items (the crisis site, its label), not on all of them: it was
    ~80 ms per action when every label was redrawn. Speed itself is measured by bench/gui.py.
    """
    from ui.map_items import SiteItem, TextLabelItem

    painted: list[object] = []
    for cls in (SiteItem, TextLabelItem):  # before any paint: shiboken caches the override
        original = cls.paint

        def counting(self, p, option, widget=None, _original=original):
            painted.append(self)
            return _original(self, p, option, widget)

        monkeypatch.setattr(cls, "paint", counting)
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1000, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_sites(SITES)
    canvas.set_links([MapLink("riyadh", "islamabad", "pact", 5), MapLink("ankara", "riyadh", "finance", 3)])
    vp = canvas.viewport()
    QApplication.processEvents()
    vp.repaint()  # fill the caches
    total = len(set(map(id, painted)))
    assert total >= len(SITES)
    painted.clear()
    QApplication.processEvents()
    vp.repaint()
    assert painted == []  # an unchanged map re-renders no cached item
    for i in range(4):
        painted.clear()
        canvas.set_active_crisis("hormuz" if i % 2 == 0 else None, "CRISIS: Tanker seized")
        QApplication.processEvents()  # the scene reports its changed region to the view
        vp.repaint()
        assert painted, "the crisis site must be drawn again"
        assert len(set(map(id, painted))) <= 3 < total


# -- map key ---------------------------------------------------------------------------------
def test_legend_collapses_on_a_short_map_and_toggles(qtbot):
    view = MapCanvas()
    qtbot.addWidget(view)
    view.resize(850, 450)
    view.show()
    qtbot.waitExposed(view)
    view.set_sites(SITES)
    legend = view.legend()
    assert not legend.expanded and legend.height() < 40  # a small "Map key" chip
    qtbot.mouseClick(legend, Qt.MouseButton.LeftButton)
    assert legend.expanded
    qtbot.mouseClick(legend, Qt.MouseButton.LeftButton)
    assert not legend.expanded


def test_expanded_legend_hides_no_site(qtbot):
    view = MapCanvas()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_sites(SITES)
    legend = view.legend()
    assert legend.expanded
    box = legend.geometry()
    assert all(not box.contains(view.site_view_pos(s.id).toPoint()) for s in SITES)
    assert view.viewport().rect().contains(box)
