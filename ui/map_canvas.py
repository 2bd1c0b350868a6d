"""Regional map view for Layered Deterrence.

:class:`MapCanvas` is a pure view: it draws country outlines from
``assets/map/region.geojson`` (Natural Earth, public domain), site markers,
relationship links and an active-crisis highlight, and reports clicks on
sites. It knows nothing of game rules; callers push :class:`MapSite` and
:class:`MapLink` values in.

Projection: equirectangular, ``x = lon * PX_PER_DEG * cos(LAT0)``,
``y = -lat * PX_PER_DEG`` (scene units). Markers and labels ignore zoom, so
they keep their pixel size; overlapping markers are spread apart with short
leader lines and labels are placed greedily to avoid collisions.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF,
                           QTransform)
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsView, QWidget

from ui.map_items import (BORDER, CRISIS_RED, COUNTRY_TEXT, GRATICULE, LAND,
                          LINK_KIND_COLORS, NEUTRAL, SEA, SEA_TEXT, InsetItem,
                          LegendWidget, LinkItem, SiteItem, TextLabelItem, ui_font)

#: Okabe-Ito colour-blind-safe colours for the four seats.
SEAT_COLORS: dict[str, str] = {
    "ankara": "#D55E00",      # vermillion
    "riyadh": "#009E73",      # bluish green
    "islamabad": "#0072B2",   # blue
    "washington": "#CC79A7",  # reddish purple
}

DEFAULT_GEOJSON: Path = Path(__file__).resolve().parents[1] / "assets" / "map" / "region.geojson"
PX_PER_DEG = 10.0
LAT0 = 28.0
_COS = math.cos(math.radians(LAT0))
#: Game region (lon_min, lat_min, lon_max, lat_max) used by :meth:`MapCanvas.fit_region`.
REGION = (18.0, 5.0, 80.0, 47.0)
#: Scene anchor (lon, lat) of the left edge of the off-map Washington inset.
WASHINGTON_ANCHOR = (18.6, 45.2)
OFF_MAP_ID = "washington"

#: Country label anchors (lon, lat) for the main countries.
COUNTRY_LABELS: dict[str, tuple[float, float, str]] = {
    "Turkey": (37.6, 39.2, "TURKEY"), "Saudi Arabia": (44.2, 21.2, "SAUDI ARABIA"),
    "Pakistan": (68.8, 29.2, "PAKISTAN"), "Iran": (55.0, 32.2, "IRAN"),
    "India": (76.6, 21.5, "INDIA"), "Egypt": (29.3, 26.4, "EGYPT"),
    "Iraq": (43.2, 32.6, "IRAQ"), "Syria": (38.6, 35.2, "SYRIA"),
    "Greece": (22.2, 39.6, "GREECE"), "Yemen": (47.0, 15.6, "YEMEN"),
    "Oman": (56.6, 20.0, "OMAN"), "United Arab Emirates": (54.2, 23.3, "UAE"),
    "Afghanistan": (65.6, 33.9, "AFGHANISTAN"), "Sudan": (30.5, 16.0, "SUDAN"),
    "Ethiopia": (39.5, 8.6, "ETHIOPIA"), "Jordan": (36.9, 30.6, "JORDAN"),
    "Turkmenistan": (59.0, 39.3, "TURKMENISTAN"), "Libya": (21.5, 27.0, "LIBYA"),
}
#: Sea labels: (lon, lat, rotation degrees).
SEA_LABELS: dict[str, tuple[float, float, float]] = {
    "Mediterranean Sea": (22.4, 34.3, 0), "Black Sea": (35.6, 43.1, 0),
    "Caspian Sea": (50.6, 41.6, 72), "Red Sea": (38.3, 20.2, 57),
    "Arabian Sea": (63.0, 16.5, 0), "Gulf of Aden": (48.5, 12.6, 0),
}


@dataclass(frozen=True)
class MapSite:
    """A point of interest. ``kind``: capital, base, port, industry or crisis.

    ``owner`` is a seat id (e.g. ``"ankara"``) or None; ``detail`` is the hover
    tooltip. A site with id ``"washington"`` is drawn as an off-map inset and
    its ``lat``/``lon`` are ignored.
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    owner: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class MapLink:
    """A relationship between two sites, drawn as a curved line.

    ``width`` is in pixels (1..8), ``opacity`` in 0.15..1; ``color`` None uses
    the default colour for ``kind``.
    """

    a: str
    b: str
    kind: str = "pact"
    width: float = 2.0
    opacity: float = 0.8
    color: str | None = None
    tooltip: str = ""
    dashed: bool = False


def project(lon: float, lat: float) -> QPointF:
    """Map geographic coordinates to scene coordinates."""
    return QPointF(lon * PX_PER_DEG * _COS, -lat * PX_PER_DEG)


class MapCanvas(QGraphicsView):
    """Zoomable, pannable regional map with sites, links and crisis highlight.

    Signals:
        siteSelected(str): emitted with the site id when a marker is clicked.
    """

    siteSelected = Signal(str)

    def __init__(self, geojson_path: Path | None = None, parent: QWidget | None = None,
                 seat_colors: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.seat_colors: dict[str, str] = dict(seat_colors or SEAT_COLORS)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setBackgroundBrush(SEA)
        self.setMinimumSize(320, 240)

        self._countries: dict[str, QGraphicsPathItem] = {}
        self._country_labels: list[TextLabelItem] = []
        self._sites: dict[str, MapSite] = {}
        self._site_items: dict[str, SiteItem] = {}
        self._links: list[MapLink] = []
        self._link_items: dict[tuple[str, str, str, int], LinkItem] = {}
        self._selected: str | None = None
        self._crisis: tuple[str, str] | None = None
        self._user_zoomed = False
        x0, y0, x1, y1 = REGION
        self._region_rect = QRectF(project(x0, y1), project(x1, y0))

        self._load_countries(Path(geojson_path) if geojson_path else DEFAULT_GEOJSON)
        self._legend = LegendWidget(self.seat_colors, self.viewport())
        self.fit_region()

    # -- public API ------------------------------------------------------------
    def country_names(self) -> list[str]:
        """Names of the countries drawn on the map (sorted)."""
        return sorted(self._countries)

    def set_country_tints(self, tints: Mapping[str, str]) -> None:
        """Lightly tint countries by name (e.g. seat members); others reset."""
        for name, item in self._countries.items():
            col = QColor(LAND)
            if name in tints:
                t = QColor(tints[name])
                f = 0.16
                col = QColor.fromRgbF(LAND.redF() * (1 - f) + t.redF() * f,
                                      LAND.greenF() * (1 - f) + t.greenF() * f,
                                      LAND.blueF() * (1 - f) + t.blueF() * f)
            item.setBrush(col)

    def set_sites(self, sites: list[MapSite]) -> None:
        """Replace the site markers; items are reused by site id."""
        self._sites = {s.id: s for s in sites}
        for sid in list(self._site_items):
            wanted = self._sites.get(sid)
            if wanted is None or (sid == OFF_MAP_ID) != isinstance(self._site_items[sid], InsetItem):
                self._scene.removeItem(self._site_items.pop(sid))
        for s in sites:
            item = self._site_items.get(s.id)
            if item is None:
                item = InsetItem(s.id) if s.id == OFF_MAP_ID else SiteItem(s.id)
                self._scene.addItem(item)
                self._site_items[s.id] = item
            color = self._color_for(s)
            item.set_data(s.name, s.kind, color, s.detail or s.name)
            item.setPos(project(*WASHINGTON_ANCHOR) if s.id == OFF_MAP_ID
                        else project(s.lon, s.lat))
            item.set_selected(s.id == self._selected)
            item.set_crisis(self._crisis[1] if self._crisis and self._crisis[0] == s.id else None)
        if self._selected not in self._sites:
            self._selected = None
        self._relayout()

    def set_links(self, links: list[MapLink]) -> None:
        """Replace the relationship links; items are reused by (a, b, kind)."""
        self._links = list(links)
        keys: list[tuple[str, str, str, int]] = []
        seen: dict[tuple[str, str, str], int] = {}
        for ln in self._links:
            k3 = (ln.a, ln.b, ln.kind)
            seen[k3] = seen.get(k3, -1) + 1
            keys.append((*k3, seen[k3]))
        for key in set(self._link_items) - set(keys):
            self._scene.removeItem(self._link_items.pop(key))
        for key, ln in zip(keys, self._links):
            item = self._link_items.get(key)
            if item is None:
                item = LinkItem()
                self._scene.addItem(item)
                self._link_items[key] = item
            color = QColor(ln.color or LINK_KIND_COLORS.get(ln.kind, "#555555"))
            item.set_style(color, min(max(ln.width, 1.0), 8.0),
                           min(max(ln.opacity, 0.15), 1.0), ln.dashed, ln.tooltip)
        self._update_link_paths()

    def set_active_crisis(self, site_id: str | None, label: str = "") -> None:
        """Highlight ``site_id`` with a red halo and ``label``; None clears."""
        self._crisis = (site_id, label) if site_id is not None else None
        for sid, item in self._site_items.items():
            item.set_crisis(label if sid == site_id else None)
        self._relayout()

    def active_crisis(self) -> str | None:
        """Id of the highlighted crisis site, or None."""
        return self._crisis[0] if self._crisis else None

    def selected_site(self) -> str | None:
        """Id of the selected site, or None."""
        return self._selected

    def select_site(self, site_id: str | None) -> None:
        """Select a site programmatically (no signal is emitted)."""
        self._selected = site_id if site_id in self._site_items else None
        for sid, item in self._site_items.items():
            item.set_selected(sid == self._selected)

    def site_item(self, site_id: str) -> SiteItem | None:
        """The graphics item of a site (for tests and overlays)."""
        return self._site_items.get(site_id)

    def link_items(self) -> list[LinkItem]:
        """The link graphics items, in the order of the last :meth:`set_links`."""
        return list(self._link_items.values())

    def site_scene_pos(self, site_id: str) -> QPointF:
        """Scene position of a site's geographic anchor."""
        return self._site_items[site_id].pos()

    def site_view_pos(self, site_id: str) -> QPointF:
        """Viewport pixel position of a site's (possibly nudged) marker centre."""
        item = self._site_items[site_id]
        off = item.link_offset() if isinstance(item, InsetItem) else item.offset
        return QPointF(self.mapFromScene(item.pos())) + off

    def fit_region(self) -> None:
        """Zoom and centre so the whole game region is visible."""
        self.resetTransform()
        self.fitInView(self._region_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._user_zoomed = False
        self._clamp_scale()
        self.centerOn(self._region_rect.center())
        self._relayout()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the map key overlay."""
        self._legend.setVisible(visible)

    # -- loading ---------------------------------------------------------------
    def _load_countries(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        pen = QPen(BORDER, 0.8)
        pen.setCosmetic(True)
        bounds = QRectF()
        for feat in data.get("features", []):
            geom = feat.get("geometry") or {}
            polys = geom.get("coordinates", [])
            if geom.get("type") == "Polygon":
                polys = [polys]
            path_ = QPainterPath()
            path_.setFillRule(Qt.FillRule.OddEvenFill)
            for poly in polys:
                for ring in poly:
                    path_.addPolygon(QPolygonF([project(x, y) for x, y in ring]))
                    path_.closeSubpath()
            item = QGraphicsPathItem(path_)
            item.setPen(pen)
            item.setBrush(QBrush(LAND))
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self._scene.addItem(item)
            self._countries[feat.get("properties", {}).get("name", "")] = item
            bounds = bounds.united(path_.boundingRect())
        if "clip_bbox" in data:
            x0, y0, x1, y1 = data["clip_bbox"]
            bounds = QRectF(project(x0, y1), project(x1, y0))
        self._scene.setSceneRect(bounds)
        self._add_graticule(bounds)
        font = ui_font(11, spacing=1.2)
        for name, (lon, lat, text) in COUNTRY_LABELS.items():
            if name in self._countries:
                self._add_label(TextLabelItem(text, font, COUNTRY_TEXT), lon, lat)
        sea_font = ui_font(11.5, italic=True)
        for text, (lon, lat, angle) in SEA_LABELS.items():
            self._add_label(TextLabelItem(text, sea_font, SEA_TEXT, angle), lon, lat)

    def _add_label(self, item: TextLabelItem, lon: float, lat: float) -> None:
        item.setPos(project(lon, lat))
        self._scene.addItem(item)
        self._country_labels.append(item)

    def _add_graticule(self, r: QRectF) -> None:
        pen = QPen(GRATICULE, 0.7, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        path = QPainterPath()
        for lon in range(0, 101, 10):
            x = project(lon, 0).x()
            if r.left() <= x <= r.right():
                path.moveTo(x, r.top())
                path.lineTo(x, r.bottom())
        for lat in range(0, 61, 10):
            y = project(0, lat).y()
            if r.top() <= y <= r.bottom():
                path.moveTo(r.left(), y)
                path.lineTo(r.right(), y)
        item = self._scene.addPath(path, pen)
        item.setZValue(-1)

    def _color_for(self, site: MapSite) -> QColor:
        if site.kind == "crisis" and not site.owner:
            return QColor(CRISIS_RED)
        return QColor(self.seat_colors.get(site.owner or "", NEUTRAL.name()))

    # -- layout ----------------------------------------------------------------
    def _scale(self) -> float:
        return self.transform().m11()

    def _relayout(self) -> None:
        """Spread overlapping markers and place labels for the current zoom."""
        s = self._scale()
        items = {sid: it for sid, it in self._site_items.items() if not isinstance(it, InsetItem)}
        base = {sid: it.pos() * s for sid, it in items.items()}
        off = {sid: QPointF(0, 0) for sid in items}
        ids = list(items)
        for _ in range(60):
            moved = False
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    d = (base[a] + off[a]) - (base[b] + off[b])
                    dist = math.hypot(d.x(), d.y())
                    need = items[a].marker_radius() + items[b].marker_radius() + 5
                    if dist >= need:
                        continue
                    u = d / dist if dist > 1e-6 else QPointF(0.6, -0.8)
                    wa = 0.2 if items[a].kind == "capital" else 0.8
                    wb = 0.2 if items[b].kind == "capital" else 0.8
                    push = (need - dist) / (wa + wb)
                    off[a] += u * push * wa
                    off[b] -= u * push * wb
                    moved = True
            if not moved:
                break
        obstacles: list[QRectF] = []
        for sid, it in items.items():
            c, r = base[sid] + off[sid], (22 if it.is_active_crisis else it.marker_radius() + 2)
            obstacles.append(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
        for sid, it in self._site_items.items():
            if isinstance(it, InsetItem):
                obstacles.append(QRectF(it.pos() * s + QPointF(-4, -InsetItem.HEIGHT / 2 - 4),
                                        QRectF(0, 0, InsetItem.WIDTH + 8, InsetItem.HEIGHT + 8).size()))
        for lab in self._country_labels:
            rect = QTransform().rotate(lab.angle).mapRect(lab.pixel_rect())
            obstacles.append(rect.translated(lab.pos() * s))
        view = QRectF(self.mapToScene(self.viewport().rect()).boundingRect())
        view = QRectF(view.topLeft() * s, view.bottomRight() * s).adjusted(4, 4, -4, -4)
        crisis_id = self._crisis[0] if self._crisis else None
        order = sorted(items, key=lambda k: (k != crisis_id, items[k].kind != "capital"))
        for sid in order:
            it = items[sid]
            rect = self._place_label(base[sid] + off[sid], it, obstacles, view)
            obstacles.append(rect)
            it.set_layout(off[sid], rect.translated(-base[sid]))
        self._update_link_paths()

    @staticmethod
    def _place_label(c: QPointF, it: SiteItem, obstacles: list[QRectF],
                     view: QRectF) -> QRectF:
        w, h = it.label_size()
        r = it.marker_radius()
        best: tuple[float, QRectF] | None = None
        rank = 0
        for extra in (0.0, 12.0, 26.0):
            g = r + 6 + extra
            d = g * 0.72
            cands = [
                QRectF(c.x() + g, c.y() - h / 2, w, h),            # right
                QRectF(c.x() - g - w, c.y() - h / 2, w, h),        # left
                QRectF(c.x() + d, c.y() - d - h + 4, w, h),        # upper right
                QRectF(c.x() + d, c.y() + d - 4, w, h),            # lower right
                QRectF(c.x() - d - w, c.y() - d - h + 4, w, h),    # upper left
                QRectF(c.x() - d - w, c.y() + d - 4, w, h),        # lower left
                QRectF(c.x() - w / 2, c.y() - g - h, w, h),        # above
                QRectF(c.x() - w / 2, c.y() + g, w, h),            # below
            ]
            for rect in cands:
                overlap = 0.0
                for ob in obstacles:
                    inter = rect.intersected(ob)
                    if not inter.isEmpty():
                        overlap += inter.width() * inter.height()
                inside = rect.intersected(view)
                overlap += (w * h - inside.width() * inside.height()) * 2
                score = overlap / (w * h) * 100 + rank * 0.4 + extra * 0.6
                rank += 1
                if best is None or score < best[0]:
                    best = (score, rect)
            if best[0] < 12:
                break
        return best[1]

    def _anchor(self, site_id: str) -> QPointF | None:
        item = self._site_items.get(site_id)
        if item is None:
            return None
        s = max(self._scale(), 1e-6)
        off = item.link_offset() if isinstance(item, InsetItem) else item.offset
        return item.pos() + off / s

    def _update_link_paths(self) -> None:
        s = self._scale()
        fan: dict[tuple[str, str], int] = {}
        for key, item in self._link_items.items():
            a, b = self._anchor(key[0]), self._anchor(key[1])
            item.set_view_scale(s)
            if a is None or b is None:
                item.setVisible(False)
                continue
            pair = tuple(sorted(key[:2]))
            n = fan.get(pair, 0)
            fan[pair] = n + 1
            if key[0] > key[1]:
                a, b = b, a  # canonical direction so parallel links fan out
            d = b - a
            length = math.hypot(d.x(), d.y())
            perp = QPointF(-d.y(), d.x()) / length if length > 1e-9 else QPointF(0, 0)
            ctrl = (a + b) / 2 + perp * length * (0.12 + 0.11 * n)
            path = QPainterPath(a)
            path.quadTo(ctrl, b)
            item.setPath(path)
            item.setVisible(True)

    def _clamp_scale(self) -> None:
        s = self._scale()
        vp, sr = self.viewport().size(), self.sceneRect()
        lo = max(vp.width() / sr.width(), vp.height() / sr.height())
        fit = min(vp.width() / self._region_rect.width(), vp.height() / self._region_rect.height())
        hi = max(fit * 14, lo)
        target = min(max(s, lo), hi)
        if abs(target - s) > 1e-9 and s > 0:
            self.scale(target / s, target / s)

    # -- events ----------------------------------------------------------------
    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Zoom under the mouse, clamped between the region and 14x closer."""
        steps = event.angleDelta().y() / 120.0
        if not steps:
            return
        self._user_zoomed = True
        self.scale(1.18 ** steps, 1.18 ** steps)
        self._clamp_scale()
        self._relayout()
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        """Select a site on left click; otherwise start panning."""
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            while item is not None and not isinstance(item, SiteItem):
                item = item.parentItem()
            if isinstance(item, SiteItem):
                self.select_site(item.site_id)
                self.siteSelected.emit(item.site_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Keep the region fitted until the user zooms; keep the key placed."""
        super().resizeEvent(event)
        if self._user_zoomed:
            self._clamp_scale()
            self._relayout()
        else:
            self.fit_region()
        vp = self.viewport()
        self._legend.move(vp.width() - self._legend.width() - 12,
                          vp.height() - self._legend.height() - 12)
