"""Objectives and scores: each seat's score is a weighted sum of 0..100 components.

The components follow the role briefs (game-design.md, article §5); every score comes with
its breakdown so players can see why.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wargame.rules.deterrence import provider_shares, seat_deterrence
from wargame.types import SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game


@dataclass(frozen=True, slots=True)
class Component:
    """One scored component: its value (0..100), weight and the points it adds."""

    key: str
    label: str
    value: float
    weight: float

    @property
    def points(self) -> float:
        """Weighted contribution to the total."""
        return round(self.value * self.weight, 2)


@dataclass(frozen=True, slots=True)
class Score:
    """A seat's score with its breakdown."""

    seat: str
    total: float
    components: tuple[Component, ...]

    def to_dict(self) -> dict[str, object]:
        """JSON-safe form."""
        return {"seat": self.seat, "total": self.total,
                "components": [{"key": c.key, "label": c.label, "value": c.value,
                                "weight": c.weight, "points": c.points} for c in self.components]}


def _c(v: float) -> float:
    return round(min(100.0, max(0.0, v)), 2)


PARTNER_KINDS = ("pact", "agreement", "arms_sale", "coproduction", "port_access", "export_credit",
                 "loan", "deposit", "grant", "premium", "assurance")


def _partnerships(g: "Game", seat: str) -> tuple[set[str], set[str]]:
    partners: set[str] = set()
    kinds: set[str] = set()
    for com in g.state.commitments.values():
        if com.status == "active" and seat in com.parties and com.kind in PARTNER_KINDS:
            partners.update(p for p in com.parties if p != seat)
            kinds.add(com.kind)
    return partners, kinds


def _cost_index(g: "Game", seat: str) -> float:
    spent = g.state.seats[seat].spent
    scale = g.scenario.seats[seat].income * max(1, g.state.turn) * 0.6
    return _c(100.0 * spent / scale) if scale else 0.0


def components(g: "Game", seat: str) -> tuple[Component, ...]:
    """The scored components of one seat, now."""
    st = g.state
    s = st.seats[seat]
    if seat == "ankara":
        partners, kinds = _partnerships(g, seat)
        floor = st.params["standing_floor"]
        return (
            Component("manoeuvre", "Room for manoeuvre (partners × kinds)", _c(15 * len(partners) + 7 * len(kinds)), 0.35),
            Component("bargaining", "Bargaining power (offers received, standing)", _c(6 * s.offers_received + s.standing / 3), 0.20),
            Component("exports", "Defence-industry exports", _c(s.exports / 60.0), 0.30),
            Component("nato", "NATO standing above the floor", _c(50 + (s.standing - floor) * 1.5), 0.15),
        )
    if seat == "riyadh":
        real, _ = seat_deterrence(g, seat)
        resilient, _ = seat_deterrence(g, seat, without=("washington",))
        shares = provider_shares(g, seat)
        hhi = sum(v * v for v in shares.values()) if shares else 1.0
        return (
            Component("coverage", "Security coverage (real deterrence)", _c(real), 0.35),
            Component("diversity", "Diversified providers (1 − HHI)", _c(100 * (1 - hhi)), 0.25),
            Component("resilience", "Coverage without Washington", _c(resilient), 0.25),
            Component("cost", "Bearable cost", _c(100 - _cost_index(g, seat)), 0.15),
        )
    if seat == "islamabad":
        lines = sum(1 for c in st.commitments.values() if c.status == "active" and (
            (c.kind == "coproduction" and c.terms.get("host") == seat and st.turn >= c.terms["ready"])
            or (c.kind == "arms_sale" and c.terms.get("seller") == seat)))
        _, perceived = seat_deterrence(g, seat)
        return (
            Component("inflows", "Financial inflows", _c(s.inflows / 100.0), 0.30),
            Component("industry", "Industrial utilisation", _c(30 * lines), 0.25),
            Component("premium", "Deterrence premium priced", _c(s.premium_income / 15.0 + perceived / 4), 0.15),
            Component("stress", "Economic stress kept in check", _c(100 - s.stress), 0.30),
        )
    influence = []
    for partner in ("riyadh", "ankara", "islamabad"):
        influence.append(provider_shares(g, partner).get("washington", 0.0))
    crises = [c for c in st.crises if c.target in SEATS]
    contained = sum(1 for c in crises if (c.ruling or c.outcome) != "damaging")
    return (
        Component("influence", "Influence in partners' portfolios", _c(100 * sum(influence) / 1.5), 0.35),
        Component("anchor", "Turkey anchored in NATO", _c(st.seats["ankara"].standing), 0.25),
        Component("contained", "Regional crises contained", _c(100 * contained / len(crises)) if crises else 100.0, 0.25),
        Component("cost", "Bearable cost", _c(100 - _cost_index(g, seat)), 0.15),
    )


def score(g: "Game", seat: str) -> Score:
    """A seat's score now, with its breakdown."""
    comps = components(g, seat)
    return Score(seat, round(sum(c.points for c in comps), 2), comps)
