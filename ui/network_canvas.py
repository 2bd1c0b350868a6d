"""The layered web of commitments (article §3–§4) as a network: a pure view of a :class:`wargame.Game`.

Seats sit on a fixed diamond (Washington west, Ankara north, Islamabad east, Riyadh south), the
non-playable actors and the Russian/Chinese suppliers on a ring around them, so nodes never move
between turns. Commitments are typed edges (style by kind, width by real strength or money,
opacity by the obliged partner's credibility); multi-party pacts are hyperedges drawn through a
hub. Items are kept by id and updated in place. A side panel shows networkx measures and the legend.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import networkx as nx
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (QFrame, QGraphicsPathItem, QGraphicsScene, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from ui.network_items import EdgeItem, LegendWidget, NetworkView, NodeItem, arrowhead, curve, hub_clearance
from ui.network_labels import SIDES, disc_box, outward_sides, place
from ui.portfolio_view import commitment_facts, commitment_tooltip
from ui.theme import KIND_GROUPS, NEUTRAL, SEAT_COLORS, kind_style, scaled_font
from ui.view_host import scrolled
from wargame.rules.deterrence import seat_deterrence
from wargame.types import SEAT_NAMES, SEATS, money

if TYPE_CHECKING:
    from wargame import Game

SEAT_POS: dict[str, tuple[float, float]] = {
    "washington": (-0.52, 0.0), "ankara": (0.0, -0.56), "islamabad": (0.52, 0.0), "riyadh": (0.0, 0.56)}
"""Normalised seat positions (x right, y down, ring radius 1)."""
ACTOR_ANGLES: dict[str, float] = {
    "greece": 248, "israel": 206, "us_congress": 162, "iran": 126, "houthis": 90, "india": 30,
    "taliban": 338, "china": 312, "russia": 288}
"""Fixed ring angles (degrees, clockwise from east) of the known actors and suppliers."""
SHORT_NAMES = {"houthis": "Houthis", "greece": "Greece / Cyprus", "taliban": "Taliban / TTP",
               "us_congress": "US Congress"}
SUPPLIERS = {"russia": "Russia", "china": "China"}
MIN_WEB_WIDTH = 440
"""Narrowest web (px) shown beside the side panel; below it the panel of measures and key hides."""
HUB_ELIDE = 120.0
"""Width (px) of a pact's name cut to one line when the whole name finds no free place."""
SECRET_AT = (0.35, 0.3, 0.4, 0.25, 0.45, 0.2, 0.5, 0.6, 0.7, 0.15, 0.8)
"""Where along a secret edge its "secret" mark may go (fractions of the way), in order of preference."""
DIRECTION = {"loan": ("lender", "borrower"), "deposit": ("lender", "borrower"), "grant": ("donor", "recipient"),
             "arms_sale": ("seller", "buyer"), "export_credit": ("provider", "beneficiary"),
             "coproduction": ("host", "partner"), "port_access": ("host", "guest"),
             "premium": ("provider", "buyer")}
"""Which way value flows along a directed kind (an arrowhead shows it)."""


def _name(node: str) -> str:
    return SEAT_NAMES.get(node, SUPPLIERS.get(node, node.title()))


def _width_points(points: float) -> float:
    return 1.3 + 6.5 * math.sqrt(max(0.0, min(points, 40.0)) / 40.0)


def _width_money(amount: float) -> float:
    return 1.3 + 6.0 * math.sqrt(max(0.0, min(amount, 6000.0)) / 6000.0)


def _alpha(cred: float) -> int:
    return int(255 * (0.28 + 0.72 * max(0.0, min(cred, 100.0)) / 100.0))


@dataclass
class _Edge:
    cid: str
    kind: str
    name: str
    members: list[str]
    public: bool
    widths: dict[str, float] = field(default_factory=dict)
    alphas: dict[str, int] = field(default_factory=dict)
    direction: tuple[str, str] | None = None



def seat_betweenness(ties: dict[tuple[str, str], int]) -> dict[str, float]:
    """Normalised betweenness of each seat, a tie of ``n`` shared commitments being ``1/n`` long.

    Plain betweenness is 0 for every seat as soon as every pair shares a commitment (the graph
    of four seats is complete); weighting by strength shows which seat the strong ties run through.
    """
    graph = nx.Graph()
    graph.add_nodes_from(SEATS)
    for (a, b), n in ties.items():
        graph.add_edge(a, b, length=1.0 / max(n, 1))
    return nx.betweenness_centrality(graph, weight="length", normalized=True)


class NetworkCanvas(QWidget):
    """The commitment web with centrality measures and a legend.

    Signals:
        commitmentSelected(str): the id of a commitment edge the user clicked.
    """

    commitmentSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.view = NetworkView(self._relayout, self.select)
        self.view.setScene(self.scene)
        self._norm: dict[str, tuple[float, float]] = {}
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[str, EdgeItem] = {}
        self._specs: dict[str, _Edge] = {}
        self._threats: dict[tuple[str, str], QGraphicsPathItem] = {}
        self._purchases: dict[str, tuple[str, str, float, QGraphicsPathItem]] = {}
        self._scenario_key: object = None
        self._selected: str | None = None
        self.measures: dict[str, dict[str, float]] = {}
        self.density = 0.0
        self.hub_seat: str | None = None

        self.title = QLabel("Commitment web")
        self.title.setFont(scaled_font(12, True))
        self.title.setWordWrap(True)
        self.measures_label = QLabel()
        self.measures_label.setTextFormat(Qt.TextFormat.RichText)
        self.measures_label.setWordWrap(True)
        self.measures_label.setFont(scaled_font(9.5))
        self.legend = LegendWidget()
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(10, 8, 10, 8)
        side_lay.addWidget(self.title)
        side_lay.addWidget(self.measures_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {NEUTRAL['border']};")
        side_lay.addWidget(line)
        side_lay.addWidget(self.legend)
        side_lay.addStretch(1)
        self.side = scrolled(side)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setFixedWidth(self.legend.sizeHint().width() + 34)
        self.side.setStyleSheet(f"QScrollArea, QScrollArea > QWidget > QWidget {{ background: {NEUTRAL['panel']}; }}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.side)
        self.setMinimumSize(440, 300)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """A narrow canvas gives the side panel's room to the web (its labels need it more)."""
        wanted = self.width() - self.side.width() >= MIN_WEB_WIDTH
        super().resizeEvent(event)
        if wanted == self.side.isHidden():
            self.side.setVisible(wanted)
            self.layout().activate()  # the web takes (or gives back) the room now, not on a later event

    # -- public API ------------------------------------------------------------------------
    def set_game(self, game: "Game", viewer: str | None = None) -> None:
        """Show ``game``'s active commitments as ``viewer`` may see them (None: all)."""
        sc = game.scenario
        key = (sc.meta.id, tuple(a.id for a in sc.actors), tuple((c.id, c.actor, *c.targets) for c in sc.crises))
        if key != self._scenario_key:
            self._build_scenario(game)
            self._scenario_key = key
        self._update_actors(game)
        st = game.state
        for seat in SEATS:
            s = st.seats[seat]
            real, perc = seat_deterrence(game, seat)
            budget = "private" if viewer not in (None, "facilitator", seat) else money(s.budget)
            tip = (f"<b>{_name(seat)}</b><br>Real deterrence <b>{real:.1f}</b> · perceived {perc:.1f} · "
                   f"bluff gap {perc - real:+.1f}<br>Budget {budget} · debt {money(s.debt)}<br>"
                   f"Credibility {s.credibility:.0f} · standing {s.standing:.0f} · stress {s.stress:.0f}")
            self._nodes[seat].set_data(_name(seat), f"real {real:.0f} · seen {perc:.0f}",
                                       QColor(SEAT_COLORS[seat]), self._seat_r(), tip)
        specs: dict[str, _Edge] = {}
        for com in st.commitments.values():
            if com.status != "active" or not (viewer in (None, "facilitator") or com.public or viewer in com.parties):
                continue
            f = commitment_facts(game, com)
            e = _Edge(com.id, com.kind, com.name, list(com.parties), com.public)
            for m in e.members:
                if f.deliveries:
                    pts = sum(d.real for d in f.deliveries if d.partner == m or (len(e.members) == 2 and d.target == m))
                    e.widths[m] = _width_points(pts)
                elif kind_style(com.kind).group in ("Finance", "Industry"):
                    e.widths[m] = _width_money(f.value)
                else:
                    e.widths[m] = 2.2
                cred = f.credibility.get(m) if len(e.members) > 2 else min(f.credibility.values(), default=50.0)
                e.alphas[m] = _alpha(st.seats[m].credibility if cred is None else cred)
            if com.kind in DIRECTION:
                src, dst = (com.terms.get(k) for k in DIRECTION[com.kind])
                if src in com.parties and dst in com.parties:
                    e.direction = (str(src), str(dst))
            elif com.kind == "assurance":
                e.direction = ("washington", str(com.terms.get("to")))
            specs[com.id] = e
            item = self._edges.get(com.id)
            if item is None:
                item = self._edges[com.id] = EdgeItem(com.id)
                self.scene.addItem(item)
            item.setToolTip(commitment_tooltip(game, com, f))
            item.selected = com.id == self._selected
        for cid in [c for c in self._edges if c not in specs]:
            self.scene.removeItem(self._edges.pop(cid))
        self._specs = specs
        self._update_purchases(game, viewer)
        self._update_measures(game, viewer)
        self._relayout()

    def edge_ids(self) -> list[str]:
        """Ids of the commitments drawn as edges."""
        return sorted(self._edges)

    def edge_item(self, cid: str) -> EdgeItem:
        """The graphics item of commitment ``cid``."""
        return self._edges[cid]

    def node_item(self, node_id: str) -> NodeItem:
        """The graphics item of a seat, actor or supplier."""
        return self._nodes[node_id]

    def node_positions(self) -> dict[str, QPointF]:
        """Scene positions of every node (stable across turns)."""
        return {k: QPointF(v.pos()) for k, v in self._nodes.items()}

    def threat_count(self) -> int:
        """Number of actor → seat threat lines."""
        return len(self._threats)

    def select(self, cid: str | None) -> None:
        """Highlight commitment ``cid`` (None clears) and emit :attr:`commitmentSelected`."""
        self._selected = cid
        for k, item in self._edges.items():
            item.selected = k == cid
            item.update()
        if cid is not None:
            self.commitmentSelected.emit(cid)

    # -- building --------------------------------------------------------------------------
    def _build_scenario(self, game: "Game") -> None:
        for item in [*self._nodes.values(), *self._threats.values()]:
            self.scene.removeItem(item)
        self._nodes.clear()
        self._threats.clear()
        self._norm = dict(SEAT_POS)
        for seat in SEATS:
            self._add_node(seat, "seat")
        actors = {a.id: a for a in game.scenario.actors}
        targets: dict[str, list[str]] = {}
        for spec in game.scenario.crises:
            for t in spec.targets:
                if t not in targets.setdefault(spec.actor, []):
                    targets[spec.actor].append(t)
        used = [ACTOR_ANGLES[a] for a in [*actors, *SUPPLIERS] if a in ACTOR_ANGLES]
        for aid in [*actors, *SUPPLIERS]:
            angle = ACTOR_ANGLES.get(aid)
            if angle is None:
                vx = sum(SEAT_POS[t][0] for t in targets.get(aid, ()))
                vy = sum(SEAT_POS[t][1] for t in targets.get(aid, ()))
                angle = math.degrees(math.atan2(vy, vx)) % 360 if abs(vx) + abs(vy) > 1e-6 else 15.0
                while any(abs((angle - u + 180) % 360 - 180) < 20 for u in used):
                    angle = (angle + 23) % 360
                used.append(angle)
            self._norm[aid] = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
            kind = "supplier" if aid in SUPPLIERS else "actor"
            node = self._add_node(aid, kind)
            if kind == "supplier":
                node.set_data(SUPPLIERS[aid], "arms supplier", QColor(NEUTRAL["supplier"]), 14,
                              f"<b>{SUPPLIERS[aid]}</b><br>Arms supplier outside the game: cheaper capability, "
                              "but Washington takes note.")
            else:
                a = actors[aid]
                crises = [c for c in game.scenario.crises if c.actor == aid]
                node.set_data(SHORT_NAMES.get(aid, a.name.removeprefix("The ")), "", QColor(NEUTRAL["actor"]), 13, "")
                for t in targets.get(aid, []):
                    line = QGraphicsPathItem()
                    line.setPen(QPen(QColor(192, 57, 43, 150), 1.4, Qt.PenStyle.DashLine))
                    line.setZValue(1)
                    line.setToolTip(f"<b>{a.name}</b> threatens <b>{_name(t)}</b>:<br>" + "<br>".join(
                        f"• {c.title} (likelihood {c.likelihood:.0%})" for c in crises if t in c.targets))
                    self.scene.addItem(line)
                    self._threats[(aid, t)] = line

    def _update_actors(self, game: "Game") -> None:
        """Refresh the threat actors' tooltips (their resolve and what they have learned change)."""
        for a in game.scenario.actors:
            state = game.state.actors.get(a.id, {})
            learned = ", ".join(f"{_name(s)} −{d:.0%}" for s, d in state.get("discount", {}).items() if d)
            tip = (f"<b>{a.name}</b> (non-playable)<br>Strength {a.strength:g} · resolve {state.get('resolve', a.resolve):.2f}"
                   + (f"<br>Discounts the signals of: {learned}" if learned else "") + "<br>Crisis types:<br>"
                   + "<br>".join(f"• {c.title} → {', '.join(_name(t) for t in c.targets)}"
                                 for c in game.scenario.crises if c.actor == a.id))
            node = self._nodes[a.id]
            node.set_data(node.label, node.sublabel, node.color, node.radius, tip)

    def _add_node(self, node_id: str, kind: str) -> NodeItem:
        node = NodeItem(node_id, kind)
        self.scene.addItem(node)
        self._nodes[node_id] = node
        return node

    def _update_purchases(self, game: "Game", viewer: str | None) -> None:
        totals: dict[tuple[str, str], float] = {}
        for ev in game.events:
            if ev.kind == "purchase" and ev.visible_to(viewer) and ev.data.get("supplier") in SUPPLIERS:
                key = (str(ev.data["supplier"]), ev.seats[0])
                totals[key] = totals.get(key, 0.0) + float(ev.data.get("amount", 0))
        wanted = {f"buy:{s}:{b}": (s, b, amount) for (s, b), amount in totals.items()}
        for key in [k for k in self._purchases if k not in wanted]:
            self.scene.removeItem(self._purchases.pop(key)[3])
        for key, (s, b, amount) in wanted.items():
            item = self._purchases[key][3] if key in self._purchases else QGraphicsPathItem()
            if key not in self._purchases:
                item.setZValue(2)
                self.scene.addItem(item)
            item.setPen(QPen(QColor(NEUTRAL["supplier"]), _width_money(amount), Qt.PenStyle.DotLine))
            item.setToolTip(f"{_name(b)} bought {money(amount)} of arms from {SUPPLIERS[s]}")
            self._purchases[key] = (s, b, amount, item)

    def _update_measures(self, game: "Game", viewer: str | None) -> None:
        graph = nx.Graph()
        graph.add_nodes_from(SEATS)
        for e in self._specs.values():
            for i, a in enumerate(e.members):
                for b in e.members[i + 1:]:
                    w = graph[a][b]["weight"] + 1 if graph.has_edge(a, b) else 1
                    graph.add_edge(a, b, weight=w)
        degree = nx.degree_centrality(graph)
        between = seat_betweenness({(a, b): d["weight"] for a, b, d in graph.edges(data=True)})
        try:
            eigen = nx.eigenvector_centrality(graph, weight="weight", max_iter=500, tol=1e-8)
        except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
            eigen = degree
        ties = {s: sum(1 for e in self._specs.values() if s in e.members) for s in SEATS}
        self.measures = {s: {"ties": ties[s], "degree": degree[s], "betweenness": between[s],
                             "eigenvector": eigen.get(s, 0.0)} for s in SEATS}
        self.density = nx.density(graph)
        self.hub_seat = max(SEATS, key=lambda s: (round(eigen.get(s, 0.0), 6), ties[s])) if self._specs else None
        seen = "all commitments" if viewer in (None, "facilitator") else f"as seen by {_name(viewer)}"
        self.title.setText(f"Commitment web<br><span style='font-size:small; font-weight:normal; "
                           f"color:{NEUTRAL['muted']}'>{game.quarter} · {seen}</span>")
        hub = self.hub_seat
        rows = "".join(
            f"<tr><td><span style='color:{SEAT_COLORS[s]}'>●</span> {_name(s)}</td><td align=right>{m['ties']}</td>"
            f"<td align=right>{m['betweenness']:.2f}</td><td align=right>{m['eigenvector']:.2f}</td></tr>"
            for s, m in self.measures.items())
        hub_txt = (f"<span style='color:{SEAT_COLORS[hub]}'><b>{_name(hub)}</b></span>" if hub else "none")
        self.measures_label.setText(
            f"<p style='margin:0'>Hub of the web: {hub_txt}<br>Density {self.density:.2f} · "
            f"{len(self._specs)} commitments</p><table cellspacing=0 cellpadding=2 width='100%'>"
            f"<tr style='color:{NEUTRAL['muted']}'><td></td><td align=right>ties</td><td align=right>betw.</td>"
            f"<td align=right>eigen.</td></tr>{rows}</table>")

    # -- geometry --------------------------------------------------------------------------
    def _seat_r(self) -> float:
        vp = self.view.viewport()
        return max(18.0, min(34.0, min(vp.width(), vp.height()) * 0.045))

    def _relayout(self) -> None:
        vp = self.view.viewport()
        w, h = max(vp.width(), 200), max(vp.height(), 200)
        self.scene.setSceneRect(QRectF(-w / 2, -h / 2, w, h))
        sx, sy = w / 2 - 78, h / 2 - 46
        for nid, node in self._nodes.items():
            nx_, ny_ = self._norm.get(nid, (0.0, 0.0))
            node.setPos(nx_ * sx, ny_ * sy - (8 if node.kind != "seat" else 0))
            if node.kind == "seat" and abs(node.radius - self._seat_r()) > 0.5:
                node.set_data(node.label, node.sublabel, node.color, self._seat_r(), node.toolTip())
        pos = {k: v.pos() for k, v in self._nodes.items()}
        rad = {k: v.radius for k, v in self._nodes.items()}
        for (aid, seat), line in self._threats.items():
            path, _, _ = curve(pos[aid], pos[seat], 0.0, rad[aid] + 2, rad[seat] + 3)
            line.setPath(path)
        for s, b, _amount, item in self._purchases.values():
            path, _, _ = curve(pos[s], pos[b], 0.0, rad[s] + 2, rad[b] + 3)
            item.setPath(path)
        hub_r = max(7.0, self._seat_r() * 0.3)
        hubs = self._hub_centres(pos, hub_r)
        self._place_node_labels([disc_box(c, hub_r) for c in hubs.values()])
        self._layout_edges(pos, rad, hubs, hub_r)

    def _layout_edges(self, pos: dict[str, QPointF], rad: dict[str, float], hubs: dict[str, QPointF],
                      hub_r: float) -> None:
        bundles: dict[tuple[str, str], list[_Edge]] = {}
        for e in self._specs.values():
            if e.cid not in hubs and len(e.members) == 2:
                bundles.setdefault(tuple(sorted(e.members)), []).append(e)  # type: ignore[arg-type]
        samples: list[QPointF] = []
        drawn: dict[str, tuple[list[tuple[QPainterPath, QPen]], list[tuple[QPolygonF, QColor]]]] = {}
        paths: dict[str, QPainterPath] = {}
        group_rank = {g: i for i, g in enumerate(KIND_GROUPS)}
        for (a, b), edges in bundles.items():
            edges.sort(key=lambda e: (group_rank.get(kind_style(e.kind).group, 9), e.kind, e.cid))
            widths = [max(e.widths.values(), default=2.0) for e in edges]
            gap = 6.0
            total = sum(widths) + gap * (len(edges) - 1)
            shift = hub_clearance(pos[a], pos[b], list(hubs.values()), hub_r, total)
            cursor = -total / 2 + shift
            for e, wdt in zip(edges, widths):
                offset = cursor + wdt / 2
                cursor += wdt + gap
                src, dst = e.direction if e.direction and set(e.direction) == {a, b} else (a, b)
                sign = 1.0 if (src, dst) == (a, b) else -1.0
                path, mid, tangent = curve(pos[src], pos[dst], offset * sign, rad[src] + 3, rad[dst] + 3)
                st = kind_style(e.kind)
                col = QColor(st.color)
                col.setAlpha(min(e.alphas.values(), default=200))
                pen = QPen(col, wdt, st.pen_style, Qt.PenCapStyle.FlatCap)
                drawn[e.cid] = ([(path, pen)], [(arrowhead(mid, tangent, 5 + 0.7 * wdt), col)] if e.direction else [])
                paths[e.cid] = path
                samples.extend(path.pointAtPercent(t / 10) for t in range(1, 10))
        for cid, c in hubs.items():
            e = self._specs[cid]
            st = kind_style(e.kind)
            segs = []
            for m in e.members:
                path, _, _ = curve(c, pos[m], 0.0, hub_r, rad[m] + 3)
                col = QColor(st.color)
                col.setAlpha(e.alphas.get(m, 200))
                segs.append((path, QPen(col, e.widths.get(m, 2.0), st.pen_style, Qt.PenCapStyle.FlatCap)))
                samples.extend(path.pointAtPercent(t / 10) for t in range(1, 10))
            drawn[cid] = (segs, [])
        area = self.scene.sceneRect()
        obstacles = [*self._node_boxes(), *(disc_box(c, hub_r) for c in hubs.values())]
        hub_labels: dict[str, tuple[tuple[QPointF, float, QColor, str], QRectF, str]] = {}
        for cid, c in hubs.items():
            e, item = self._specs[cid], self._edges[cid]
            label = e.name if len(e.name) <= 60 else e.name[:58] + "…"
            rect, caption = self._place_hub_label(item, c, hub_r, label, obstacles, samples)
            hub_labels[cid] = ((c, hub_r, QColor(kind_style(e.kind).color), label), rect, caption)
            if not rect.isEmpty():
                obstacles.append(rect)
        secrets: dict[str, QPointF | None] = {}
        for cid, e in self._specs.items():
            if e.public:
                continue
            item = self._edges[cid]
            if cid in hubs:
                c = hubs[cid]
                points = [QPointF(c.x() + dx * (hub_r + 12), c.y() + dy * (hub_r + 12)) for dx, dy in SIDES.values()]
            else:
                points = [paths[cid].pointAtPercent(t) for t in SECRET_AT]
            spot = place([item.secret_rect(q) for q in points], obstacles, [], area)
            secrets[cid] = points[spot.index] if spot.clear else None  # else the tooltip says SECRET
            if spot.clear:
                obstacles.append(spot.rect)
        for cid, (segs, arrows) in drawn.items():
            hub, rect, caption = hub_labels.get(cid, (None, None, None))
            self._edges[cid].set_geometry(segs, arrows, hub, secrets.get(cid), rect, caption)

    def _place_hub_label(self, item: EdgeItem, c: QPointF, hub_r: float, label: str, obstacles: list[QRectF],
                         samples: list[QPointF]) -> tuple[QRectF, str]:
        """A free place next to the hub for its name, else for the name on one shortened line;
        with neither, an empty rectangle (the hub's tooltip names the pact)."""
        sides = outward_sides(c)
        for caption in (label, item.elided(label, HUB_ELIDE)):
            spots = [item.hub_label_rect(c, r, caption, side) for r in (hub_r, hub_r + 20) for side in sides]
            spot = place(spots, obstacles, samples, self.scene.sceneRect())
            if spot.clear:
                return spot.rect, caption
        return QRectF(), ""

    def _hub_centres(self, pos: dict[str, QPointF], hub_r: float) -> dict[str, QPointF]:
        """Where each pact (or commitment of more than two seats) has its hub: the members'
        centroid, pushed outward for a pact of two and away from the hubs placed before it."""
        hubs: dict[str, QPointF] = {}
        for e in self._specs.values():
            if not (e.kind == "pact" or len(e.members) > 2):
                continue
            pts = [pos[m] for m in e.members]
            c = QPointF(sum(p.x() for p in pts) / len(pts), sum(p.y() for p in pts) / len(pts))
            if len(pts) == 2:
                dx, dy = pts[1].x() - pts[0].x(), pts[1].y() - pts[0].y()
                n = math.hypot(dx, dy) or 1.0
                nx_, ny_ = -dy / n, dx / n
                if nx_ * c.x() + ny_ * c.y() < 0:
                    nx_, ny_ = -nx_, -ny_
                c = QPointF(c.x() + nx_ * n * 0.2, c.y() + ny_ * n * 0.2)
            while any(math.hypot(c.x() - o.x(), c.y() - o.y()) < 3 * hub_r for o in hubs.values()):
                c = QPointF(c.x() + 2.5 * hub_r, c.y() + hub_r)
            hubs[e.cid] = c
        return hubs

    def _node_boxes(self) -> list[QRectF]:
        """The discs of every node and the labels shown beside them, in scene coordinates."""
        boxes = [disc_box(n.pos(), n.radius) for n in self._nodes.values()]
        boxes.extend(n.mapRectToScene(n.label_rect()) for n in self._nodes.values() if n.label_shown)
        return boxes

    def _place_node_labels(self, hub_discs: list[QRectF]) -> None:
        """Put each node's label beside its disc where it covers no other disc, pact hub or label:
        the seats first (always shown, without their second line if need be), then actors and
        suppliers (left to their tooltips if no place is free)."""
        area = self.scene.sceneRect()
        discs = {k: disc_box(n.pos(), n.radius) for k, n in self._nodes.items()}
        placed: list[QRectF] = list(hub_discs)
        order = sorted(self._nodes.values(), key=lambda n: n.kind != "seat")
        for node in order:
            sides = outward_sides(node.pos())
            others = [box for k, box in discs.items() if k != node.node_id] + placed
            for compact in (False, True) if node.sublabel else (False,):
                spots = [node.mapRectToScene(node.label_rect(side, compact)) for side in sides]
                spot = place(spots, others, [], area)  # outward first: the edges come from inside
                if spot.clear:
                    break
            shown = spot.clear or node.kind == "seat"
            node.set_label(sides[spot.index], shown, compact)
            if shown:
                placed.append(spot.rect)

    def label_boxes(self) -> dict[str, QRectF]:
        """Every label drawn now, in scene coordinates: ``node:ID`` (a node's name),
        ``hub:CID`` (a pact's name) and ``secret:CID`` (the mark on a secret commitment)."""
        boxes = {f"node:{k}": n.mapRectToScene(n.label_rect()) for k, n in self._nodes.items() if n.label_shown}
        for cid, item in self._edges.items():
            if item.hub is not None and not item.hub_label.isEmpty():
                boxes[f"hub:{cid}"] = QRectF(item.hub_label)
            if item.secret_at is not None:
                boxes[f"secret:{cid}"] = item.secret_rect(item.secret_at)
        return boxes

    def disc_boxes(self) -> dict[str, QRectF]:
        """The square of every node's disc and pact hub, in scene coordinates (labels keep off them)."""
        boxes = {f"disc:{k}": disc_box(n.pos(), n.radius) for k, n in self._nodes.items()}
        boxes.update({f"hubdisc:{cid}": disc_box(item.hub[0], item.hub[1])
                      for cid, item in self._edges.items() if item.hub is not None})
        return boxes
