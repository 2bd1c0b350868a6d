"""Regional map view for Layered Deterrence.

:class:`MapCanvas` is a pure view: it draws country outlines from
the packaged ``assets/map/region.geojson`` (Natural Earth, public domain), site markers,
relationship links and an active-crisis highlight, and reports clicks on
sites. It knows nothing of game rules; callers push :class:`MapSite` and
:class:`MapLink` values in.

Projection: equirectangular, ``x = lon * PX_PER_DEG * cos(LAT0)``,
``y = -lat * PX_PER_DEG`` (scene units). Markers and labels ignore zoom, so
they keep their pixel size; overlapping markers are spread apart with short
leader lines and labels are placed greedily to avoid collisions.

Speed: the static base map (sea, graticule, countries) is drawn in
:meth:`MapCanvas.drawBackground` and cached by the view; markers and labels
cache their own rendering (see :mod:`ui.map_items`). The label layout runs
only when what it depends on changed (site names, kinds and positions, the
zoom and the visible area); a crisis re-places just its own label, and
resizing or zooming lays out again once the user pauses.
"""

from __future__ import annotations

import itertools
import json
import math
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from PySide6.QtCore import (QByteArray, QDataStream, QIODevice, QPointF, QRect, QRectF, QTimer, Qt,
                            Signal)
from PySide6.QtGui import (QColor, QPainter, QPainterPath, QPen, QPixmapCache, QPolygonF,
                           QTransform)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from wargame import resources
from ui.map_items import (BORDER, CRISIS_RED, COUNTRY_TEXT, GRATICULE, LAND,
                          LINK_KIND_COLORS, NEUTRAL, SEA, SEA_TEXT, InsetItem,
                          LegendWidget, LinkItem, SiteItem, TextLabelItem, ui_font)

#: Qt's pixmap cache (KB) is raised to at least this, so the map's cached items fit in it.
PIXMAP_CACHE_KB = 32 * 1024
#: Weight of overlapping a country or sea name when placing a site label (a marker or label: 1).
SOFT_WEIGHT = 0.35
#: Weight of a label's area outside the view (cut off: worse than covering something).
OUTSIDE_WEIGHT = 5.0
#: Below this viewport height (px) the map key starts collapsed, as a chip.
LEGEND_AUTO_MIN_HEIGHT = 540
#: Milliseconds to wait after the last resize or zoom step before laying labels out again.
LAYOUT_DELAY_MS = 120

Box = tuple[float, float, float, float]
"""A rectangle as (left, top, right, bottom) in device pixels (layout arithmetic)."""

#: Okabe-Ito colour-blind-safe colours for the four seats.
SEAT_COLORS: dict[str, str] = {
    "ankara": "#D55E00",      # vermillion
    "riyadh": "#009E73",      # bluish green
    "islamabad": "#0072B2",   # blue
    "washington": "#CC79A7",  # reddish purple
}

DEFAULT_GEOJSON: Path = resources.map_path()  # package data (assets/map/ in the repository)
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
        self._text_scale = 1.0
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the base map
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setBackgroundBrush(SEA)
        self.setMinimumSize(320, 240)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:  # room for the items' cached rendering
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)

        self._countries: dict[str, tuple[QPainterPath, QRectF]] = {}
        self._country_fill: dict[str, QColor] = {}
        self._border_pen = QPen(BORDER, 0.8)
        self._border_pen.setCosmetic(True)
        self._graticule = QPainterPath()
        self._graticule_pen = QPen(GRATICULE, 0.7, Qt.PenStyle.DashLine)
        self._graticule_pen.setCosmetic(True)
        self._country_labels: list[TextLabelItem] = []
        self._label_boxes: list[tuple[TextLabelItem, QRectF]] = []
        self._sites: dict[str, MapSite] = {}
        self._site_items: dict[str, SiteItem] = {}
        self._links: list[MapLink] = []
        self._link_items: dict[tuple[str, str, str, int], LinkItem] = {}
        self._selected: str | None = None
        self._crisis: tuple[str, str] | None = None
        self._user_zoomed = False
        x0, y0, x1, y1 = REGION
        self._region_rect = QRectF(project(x0, y1), project(x1, y0))
        # layout state: what the last layout was computed for, and its results
        self._layout_key: object = None
        self._layout_dirty = False
        self._laid_out_painted = False           # painted since sites arrived
        self._painted = False
        self._view_box: Box = (0.0, 0.0, 0.0, 0.0)
        self._layout_scale = 1.0
        self._fixed_boxes: list[Box] = []          # the inset
        self._soft_boxes: list[Box] = []           # country and sea names (may be overlapped)
        self._marker_boxes: dict[str, Box] = {}    # markers after spreading
        self._base_labels: dict[str, Box] = {}     # label boxes without the crisis line
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(LAYOUT_DELAY_MS)
        self._layout_timer.timeout.connect(self.flush_layout)

        self._load_countries(Path(geojson_path) if geojson_path else DEFAULT_GEOJSON)
        self._legend = LegendWidget(self.seat_colors, self.viewport())
        self._legend_choice: bool | None = None  # None: expanded where it hides no site
        self._legend.toggled.connect(self._on_legend_toggled)
        self.fit_region()

    # -- public API ------------------------------------------------------------
    def country_names(self) -> list[str]:
        """Names of the countries drawn on the map (sorted)."""
        return sorted(self._countries)

    def set_country_tints(self, tints: Mapping[str, str]) -> None:
        """Lightly tint countries by name (e.g. seat members); others reset."""
        fill: dict[str, QColor] = {}
        for name in self._countries:
            col = QColor(LAND)
            if name in tints:
                t = QColor(tints[name])
                f = 0.16
                col = QColor.fromRgbF(LAND.redF() * (1 - f) + t.redF() * f,
                                      LAND.greenF() * (1 - f) + t.greenF() * f,
                                      LAND.blueF() * (1 - f) + t.blueF() * f)
            fill[name] = col
        if fill != self._country_fill:
            self._country_fill = fill
            self.resetCachedContent()
            self.viewport().update()

    def country_fill(self, name: str) -> QColor:
        """The fill colour of a country (after :meth:`set_country_tints`)."""
        return QColor(self._country_fill.get(name, LAND))

    def set_text_scale(self, k: float) -> None:
        """Grow the site labels and the map key by ``k`` (the projector: readable from the back
        of a room). 1.0 is the seats' size."""
        if abs(k - self._text_scale) < 1e-3:
            return
        self._text_scale = k
        for item in self._site_items.values():
            if isinstance(item, SiteItem):
                item.set_text_scale(k)
        self._legend.set_scale(k)
        self._add_place_labels()
        self._layout_key = None
        self._schedule_layout()

    def text_scale(self) -> float:
        """The label scale set by :meth:`set_text_scale`."""
        return self._text_scale

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
                item.text_scale = self._text_scale
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
        if self._painted:
            self._relayout()  # a no-op unless names, kinds or positions changed
        else:  # not shown yet: its size is not final, so lay out once, at the first paint
            self._layout_dirty = True

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
        """Highlight ``site_id`` with a red halo and ``label``; None clears.

        Only the crisis site's label is placed again (around the others); the rest of the
        layout stays as it is.
        """
        self._crisis = (site_id, label) if site_id is not None else None
        for sid, item in self._site_items.items():
            item.set_crisis(label if sid == site_id else None)
        self._place_crisis_label()
        self._place_legend()

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
        """The graphics item of a site (for tests and overlays), laid out."""
        self.flush_layout()
        return self._site_items.get(site_id)

    def link_items(self) -> list[LinkItem]:
        """The link graphics items, in the order of the last :meth:`set_links`."""
        return list(self._link_items.values())

    def site_scene_pos(self, site_id: str) -> QPointF:
        """Scene position of a site's geographic anchor."""
        return self._site_items[site_id].pos()

    def site_view_pos(self, site_id: str) -> QPointF:
        """Viewport pixel position of a site's (possibly nudged) marker centre."""
        self.flush_layout()
        item = self._site_items[site_id]
        off = item.link_offset() if isinstance(item, InsetItem) else item.offset
        return QPointF(self.mapFromScene(item.pos())) + off

    def fit_region(self) -> None:
        """Zoom and centre so the whole game region is visible."""
        self._fit()
        self._relayout()

    def _fit(self) -> None:
        self.resetTransform()
        self.fitInView(self._region_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._user_zoomed = False
        self._clamp_scale()
        self.centerOn(self._region_rect.center())

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the map key overlay."""
        self._legend.setVisible(visible)

    def legend(self) -> LegendWidget:
        """The map key overlay (collapsible)."""
        return self._legend

    def flush_layout(self) -> None:
        """Lay the labels out now if a resize or zoom left the layout pending."""
        if self._layout_dirty:
            self._relayout()

    def layout_pending(self) -> bool:
        """Whether a (debounced) layout is waiting."""
        return self._layout_dirty

    # -- loading ---------------------------------------------------------------
    def _load_countries(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        bounds = QRectF()
        to_scene = QTransform(PX_PER_DEG * _COS, 0, 0, -PX_PER_DEG, 0, 0)  # == project()
        for feat in data.get("features", []):
            geom = feat.get("geometry") or {}
            polys = geom.get("coordinates", [])
            if geom.get("type") == "Polygon":
                polys = [polys]
            path_ = QPainterPath()
            path_.setFillRule(Qt.FillRule.OddEvenFill)
            for poly in polys:
                for ring in poly:
                    path_.addPolygon(to_scene.map(_polygon(ring)))
                    path_.closeSubpath()
            name = feat.get("properties", {}).get("name", "")
            self._countries[name] = (path_, path_.boundingRect())
            self._country_fill[name] = QColor(LAND)
            bounds = bounds.united(path_.boundingRect())
        if "clip_bbox" in data:
            x0, y0, x1, y1 = data["clip_bbox"]
            bounds = QRectF(project(x0, y1), project(x1, y0))
        self._scene.setSceneRect(bounds)
        self._add_graticule(bounds)
        self._add_place_labels()

    def _add_place_labels(self) -> None:
        """Country and sea names, at the label scale (:meth:`set_text_scale` replaces them)."""
        for item in self._country_labels:
            self._scene.removeItem(item)
        self._country_labels.clear()
        self._label_boxes.clear()
        k = self._text_scale
        font = ui_font(11 * k, spacing=1.2)
        for name, (lon, lat, text) in COUNTRY_LABELS.items():
            if name in self._countries:
                self._add_label(TextLabelItem(text, font, COUNTRY_TEXT), lon, lat)
        sea_font = ui_font(11.5 * k, italic=True)
        for text, (lon, lat, angle) in SEA_LABELS.items():
            self._add_label(TextLabelItem(text, sea_font, SEA_TEXT, angle), lon, lat)

    def _add_label(self, item: TextLabelItem, lon: float, lat: float) -> None:
        item.setPos(project(lon, lat))
        self._scene.addItem(item)
        self._country_labels.append(item)
        self._label_boxes.append((item, QTransform().rotate(item.angle).mapRect(item.pixel_rect())))

    def _add_graticule(self, r: QRectF) -> None:
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
        self._graticule = path

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt API)
        """The static base map: sea, graticule and countries (cached by the view)."""
        super().drawBackground(painter, rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._graticule_pen)
        painter.drawPath(self._graticule)
        painter.setPen(self._border_pen)
        for name, (path_, brect) in self._countries.items():
            if brect.intersects(rect):
                painter.setBrush(self._country_fill[name])
                painter.drawPath(path_)

    def _color_for(self, site: MapSite) -> QColor:
        if site.kind == "crisis" and not site.owner:
            return QColor(CRISIS_RED)
        return QColor(self.seat_colors.get(site.owner or "", NEUTRAL.name()))

    # -- layout ----------------------------------------------------------------
    def _scale(self) -> float:
        return self.transform().m11()

    def _layout_signature(self) -> tuple:
        s = self._scale()
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        box = (view.left() * s + 4, view.top() * s + 4, view.right() * s - 4, view.bottom() * s - 4)
        sites = tuple((sid, it.name, it.kind, it.pos().x(), it.pos().y(), isinstance(it, InsetItem))
                      for sid, it in self._site_items.items())
        return (round(s, 9), tuple(round(v, 2) for v in box), sites)

    def _schedule_layout(self) -> None:
        """Lay out again once resizing or zooming pauses (links follow the markers at once)."""
        self._layout_dirty = True
        self._layout_timer.start()
        self._update_link_paths()

    def _relayout(self) -> None:
        """Spread overlapping markers and place labels for the current zoom, if anything changed."""
        self._layout_timer.stop()
        self._layout_dirty = False
        key = self._layout_signature()
        if key == self._layout_key:
            self._update_link_paths()
            return
        old, self._layout_key = self._layout_key, key
        if old is not None and old[:2] == key[:2] and len(old[2]) == len(key[2]) and \
                all(a[0] == b[0] and a[2:] == b[2:] for a, b in zip(old[2], key[2])):
            # only names changed (e.g. a base's posture level): place just those labels again
            self._replace_labels([b[0] for a, b in zip(old[2], key[2]) if a[1] != b[1]])
            self._place_crisis_label()
            self._place_legend()
            return
        s = self._layout_scale = self._scale()
        self._view_box = key[1]
        items = [(sid, it) for sid, it in self._site_items.items() if not isinstance(it, InsetItem)]
        bx = [it.pos().x() * s for _, it in items]
        by = [it.pos().y() * s for _, it in items]
        ox, oy = _spread([it.marker_radius() for _, it in items], bx, by,
                         [0.2 if it.kind == "capital" else 0.8 for _, it in items])
        fixed: list[Box] = []
        for it in self._site_items.values():
            if isinstance(it, InsetItem):
                w, h = it.box_size()
                x, y = it.pos().x() * s - 4, it.pos().y() * s - h / 2 - 4
                fixed.append((x, y, x + w + 8, y + h + 8))
        self._fixed_boxes = fixed
        self._soft_boxes = []
        for lab, rect in self._label_boxes:
            x, y = lab.pos().x() * s, lab.pos().y() * s
            self._soft_boxes.append((rect.left() + x, rect.top() + y, rect.right() + x, rect.bottom() + y))
        self._marker_boxes = {}
        for i, (sid, it) in enumerate(items):
            cx, cy, r = bx[i] + ox[i], by[i] + oy[i], it.marker_radius() + 2
            self._marker_boxes[sid] = (cx - r, cy - r, cx + r, cy + r)
        obstacles = fixed + list(self._marker_boxes.values())
        order = sorted(range(len(items)), key=lambda i: items[i][1].kind != "capital")
        self._base_labels = {}
        for i in order:
            sid, it = items[i]
            cx, cy = bx[i] + ox[i], by[i] + oy[i]
            w, h = it.label_size(with_crisis=False)
            box = _place_label(cx, cy, w, h, it.marker_radius(), obstacles, self._view_box,
                               self._soft_boxes)
            crisis = self._crisis is not None and self._crisis[0] == sid
            if not crisis and _covers(box, self._base_labels.values()):
                # no free place: the name stays in the tooltip rather than over another name
                it.set_layout(QPointF(ox[i], oy[i]), QRectF())
                continue
            obstacles.append(box)
            self._base_labels[sid] = box
            it.set_layout(QPointF(ox[i], oy[i]), _rel(box, bx[i], by[i]))
        self._place_crisis_label()
        self._update_link_paths()
        self._place_legend()

    def _replace_labels(self, site_ids: list[str]) -> None:
        """Place the labels of ``site_ids`` again around everything else (same zoom and view)."""
        s = self._layout_scale
        for sid in site_ids:
            it = self._site_items.get(sid)
            if it is None or isinstance(it, InsetItem) or sid not in self._marker_boxes:
                continue
            x0, y0, x1, y1 = self._marker_boxes[sid]
            obstacles = self._fixed_boxes + list(self._marker_boxes.values())
            obstacles += [b for k, b in self._base_labels.items() if k != sid]
            w, h = it.label_size(with_crisis=False)
            box = _place_label((x0 + x1) / 2, (y0 + y1) / 2, w, h, it.marker_radius(), obstacles,
                               self._view_box, self._soft_boxes)
            if _covers(box, [b for k, b in self._base_labels.items() if k != sid]):
                self._base_labels.pop(sid, None)
                it.set_layout(it.offset, QRectF())
                continue
            self._base_labels[sid] = box
            it.set_layout(it.offset, _rel(box, it.pos().x() * s, it.pos().y() * s))

    def _place_crisis_label(self) -> None:
        """Give the crisis site's label (with its crisis line) a place; others keep theirs."""
        s = self._layout_scale
        crisis_id = self._crisis[0] if self._crisis else None
        for sid, it in self._site_items.items():
            base = self._base_labels.get(sid)
            if isinstance(it, InsetItem) or sid not in self._marker_boxes or (base is None and sid != crisis_id):
                continue  # an inset, or a label dropped for want of room (the crisis site's always shows)
            ax, ay = it.pos().x() * s, it.pos().y() * s
            if sid != crisis_id:
                it.set_layout(it.offset, _rel(base, ax, ay))
                continue
            x0, y0, x1, y1 = self._marker_boxes[sid]
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            obstacles = list(self._fixed_boxes)
            obstacles += [(cx - 22, cy - 22, cx + 22, cy + 22) if k == sid else m
                          for k, m in self._marker_boxes.items()]
            obstacles += [b for k, b in self._base_labels.items() if k != sid]
            w, h = it.label_size(with_crisis=True)
            box = _place_label(cx, cy, w, h, it.marker_radius(), obstacles, self._view_box,
                               self._soft_boxes)
            it.set_layout(it.offset, _rel(box, ax, ay))

    # -- map key -----------------------------------------------------------------
    def _on_legend_toggled(self, expanded: bool) -> None:
        self._legend_choice = expanded
        self._place_legend()

    def _place_legend(self) -> None:
        """Put the key in the corner where it hides the fewest sites and labels.

        Unless the user chose (by clicking it), the key is expanded only on a map at least
        :data:`LEGEND_AUTO_MIN_HEIGHT` px tall and where it hides no site or label; otherwise
        it collapses to a small "Map key" chip.
        """
        vp = self.viewport().rect()
        if vp.width() < 50 or vp.height() < 50:
            return
        boxes: list[tuple[QRectF, float]] = []
        for sid, it in self._site_items.items():
            anchor = QPointF(self.mapFromScene(it.pos()))
            if isinstance(it, InsetItem):
                w, h = it.box_size()
                boxes.append((QRectF(anchor.x(), anchor.y() - h / 2, w, h), 2.0))
                continue
            c = anchor + it.offset
            r = it.marker_radius() + 3
            boxes.append((QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 4.0))
            if not it.label_rect.isEmpty():
                boxes.append((it.label_rect.translated(anchor), 1.0))
        margin = 10

        def cost(size, corner: int) -> tuple[float, QRect]:
            x = vp.width() - size.width() - margin if corner in (0, 2) else margin
            y = vp.height() - size.height() - margin if corner in (0, 1) else margin
            rect = QRect(x, y, size.width(), size.height())
            rf = QRectF(rect).adjusted(-4, -4, 4, 4)
            return sum(wt for b, wt in boxes if rf.intersects(b)) + 0.01 * corner, rect

        options = []  # corners: bottom right, bottom left, top right
        for columns in (1, 2):
            size = self._legend.size_for(True, columns)
            if size.height() > vp.height() - 2 * margin or size.width() > vp.width() // 2:
                continue
            for corner in (0, 1, 2):
                c, rect = cost(size, corner)
                options.append((c + 0.001 * columns, columns, rect))
        best = min(options, key=lambda o: o[0]) if options else None
        expanded = self._legend_choice if self._legend_choice is not None else \
            (best is not None and best[0] < 1.0 and vp.height() >= LEGEND_AUTO_MIN_HEIGHT)
        if expanded and best is not None:
            self._legend.set_columns(best[1])
            self._legend.set_expanded(True)
            self._legend.move(best[2].topLeft())
        else:
            self._legend.set_expanded(False)
            chip = self._legend.size_for(False)
            _c, rect = min((cost(chip, corner) for corner in (0, 1, 2)), key=lambda o: o[0])
            self._legend.move(rect.topLeft())

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
            item.set_curve(path)
            item.setVisible(True)
        self._update_link_caching()

    def _update_link_caching(self) -> None:
        """Cache the links' rendering while their pixmaps fit Qt's pixmap cache with room to spare.

        Each cached link keeps a pixmap of its device bounding box (Qt clips one larger than
        1.2 screens to the view). If they would not fit, Qt would evict and re-render them on
        every paint, which is slower than drawing; then they are drawn directly.
        """
        if not self._link_items:
            return
        dpr = self.viewport().devicePixelRatioF()
        screen = self.screen().geometry() if self.screen() is not None else QRect(0, 0, 1920, 1080)
        max_w, max_h = screen.width() * 1.2, screen.height() * 1.2
        vp = QRectF(self.viewport().rect())
        t = self.viewportTransform()
        total = 0.0
        for item in self._link_items.values():
            if not item.isVisible():
                continue
            r = t.mapRect(item.boundingRect())
            if r.width() > max_w or r.height() > max_h:
                r = r.intersected(vp)
            total += r.width() * r.height() * 4 * dpr * dpr
        budget = QPixmapCache.cacheLimit() * 1024 * 0.6 - 2_000_000  # the sites and labels
        mode = (QGraphicsItem.CacheMode.DeviceCoordinateCache if total < budget
                else QGraphicsItem.CacheMode.NoCache)
        for item in self._link_items.values():
            if item.cacheMode() != mode:
                item.setCacheMode(mode)

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
        self._schedule_layout()
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
        """Keep the region fitted until the user zooms; lay out again when resizing pauses."""
        super().resizeEvent(event)
        if self._user_zoomed:
            self._clamp_scale()
        else:
            self._fit()
        self._schedule_layout()
        self._place_legend()

    def paintEvent(self, event) -> None:  # noqa: N802
        """Paint; the first paint after sites arrive waits for no debounce."""
        if self._layout_dirty and not self._laid_out_painted:
            self._relayout()
        self._painted = True
        if self._site_items:
            self._laid_out_painted = True
        super().paintEvent(event)


def _spread(radius: list[float], bx: list[float], by: list[float],
            weight: list[float]) -> tuple[list[float], list[float]]:
    """Offsets (device pixels) that push overlapping markers apart; capitals move least."""
    n = len(radius)
    ox, oy = [0.0] * n, [0.0] * n
    for _ in range(60):
        moved = False
        for i in range(n):
            xi, yi = bx[i] + ox[i], by[i] + oy[i]
            for j in range(i + 1, n):
                need = radius[i] + radius[j] + 5
                dx, dy = xi - (bx[j] + ox[j]), yi - (by[j] + oy[j])
                if dx >= need or -dx >= need or dy >= need or -dy >= need:
                    continue
                dist = math.hypot(dx, dy)
                if dist >= need:
                    continue
                ux, uy = (dx / dist, dy / dist) if dist > 1e-6 else (0.6, -0.8)
                push = (need - dist) / (weight[i] + weight[j])
                ox[i] += ux * push * weight[i]
                oy[i] += uy * push * weight[i]
                ox[j] -= ux * push * weight[j]
                oy[j] -= uy * push * weight[j]
                xi, yi = bx[i] + ox[i], by[i] + oy[i]
                moved = True
        if not moved:
            break
    return ox, oy


def _place_label(cx: float, cy: float, w: float, h: float, r: float, obstacles: list[Box],
                 view: Box, soft: list[Box] = ()) -> Box:  # type: ignore[assignment]
    """The best of 24 candidate boxes around a marker: least overlap, inside the view, close.

    Overlapping a ``soft`` obstacle (a country or sea name) costs a third of a hard one (a
    marker, another site's label, the inset).
    """
    reach = r + 6 + 26 + w + h
    near = [(o, 1.0) for o in obstacles
            if o[0] < cx + reach and o[2] > cx - reach and o[1] < cy + reach and o[3] > cy - reach]
    near += [(o, SOFT_WEIGHT) for o in soft
             if o[0] < cx + reach and o[2] > cx - reach and o[1] < cy + reach and o[3] > cy - reach]
    vx0, vy0, vx1, vy1 = view
    area = max(w * h, 1.0)
    best: tuple[float, Box] | None = None
    rank = 0
    for extra in (0.0, 12.0, 26.0):
        g = r + 6 + extra
        d = g * 0.72
        for x0, y0 in ((cx + g, cy - h / 2),             # right
                       (cx - g - w, cy - h / 2),         # left
                       (cx + d, cy - d - h + 4),         # upper right
                       (cx + d, cy + d - 4),             # lower right
                       (cx - d - w, cy - d - h + 4),     # upper left
                       (cx - d - w, cy + d - 4),         # lower left
                       (cx - w / 2, cy - g - h),         # above
                       (cx - w / 2, cy + g)):            # below
            x1, y1 = x0 + w, y0 + h
            overlap = 0.0
            for (ax0, ay0, ax1, ay1), weight in near:
                iw = min(x1, ax1) - max(x0, ax0)
                if iw > 0:
                    ih = min(y1, ay1) - max(y0, ay0)
                    if ih > 0:
                        overlap += iw * ih * weight
            iw, ih = min(x1, vx1) - max(x0, vx0), min(y1, vy1) - max(y0, vy0)
            overlap += (area - (iw * ih if iw > 0 and ih > 0 else 0.0)) * OUTSIDE_WEIGHT
            score = overlap / area * 100 + rank * 0.4 + extra * 0.6
            rank += 1
            if best is None or score < best[0]:
                best = (score, (x0, y0, x1, y1))
        if best is not None and best[0] < 12:
            break
    assert best is not None
    return best[1]


def _covers(box: Box, others: Iterable[Box]) -> bool:
    """Whether ``box`` overlaps any of ``others``."""
    x0, y0, x1, y1 = box
    return any(min(x1, o[2]) > max(x0, o[0]) and min(y1, o[3]) > max(y0, o[1]) for o in others)


def _rel(box: Box, ax: float, ay: float) -> QRectF:
    """``box`` as a QRectF relative to the anchor (ax, ay)."""
    return QRectF(box[0] - ax, box[1] - ay, box[2] - box[0], box[3] - box[1])


def _polygon(ring: list[list[float]]) -> QPolygonF:
    """A QPolygonF of (lon, lat) pairs, read from Qt's own serialised form.

    Packing the numbers and letting Qt read them is ~3x faster than making one QPointF per
    vertex in Python (the map has ~17,000 vertices; this is start-up time).
    """
    n = len(ring)
    data = QByteArray(struct.pack(f">I{2 * n}d", n, *itertools.chain.from_iterable(ring)))
    poly = QPolygonF()
    QDataStream(data, QIODevice.OpenModeFlag.ReadOnly) >> poly  # type: ignore[operator]
    return poly
