"""Objectives and scores: each seat's score is a weighted sum of 0..100 components.

The components follow the role briefs (game-design.md, article §5); every score comes with
its breakdown so players can see why. A seat's ``spent`` (the "bearable cost" components) counts
its security spending: arms instalments, fees, grants given, layer and exercise costs, its own
procurement, posture and crisis responses; lending, deposits and debt service are not spending.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wargame.rules.deterrence import active_commitments, memo, provider_shares, seat_deterrence
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
    for com in active_commitments(g):
        if seat in com.parties and com.kind in PARTNER_KINDS and not com.terms.get("closed"):
            partners.update(p for p in com.parties if p != seat)
            kinds.add(com.kind)
    return partners, kinds


BEARABLE_SHARE = 0.5
"""Share of its income a seat can spend on security purchases, fees and upkeep before the
cost starts to weigh (judgement); the cost component falls to 0 when it spends all of it."""


def spending_share(g: "Game", seat: str) -> float:
    """What the seat has spent so far, as a share of its (starting) income over the turns played."""
    income = g.scenario.seats[seat].income * max(1, g.state.turn)
    return g.state.seats[seat].spent / income if income else 0.0


def _bearable(g: "Game", seat: str) -> float:
    share = spending_share(g, seat)
    return _c(100.0 * min(1.0, (1.0 - share) / (1.0 - BEARABLE_SHARE)))


def industry_lines(g: "Game", seat: str) -> int:
    """Production lines the seat hosts that are running now."""
    return sum(1 for c in active_commitments(g)
               if c.kind == "coproduction" and c.terms.get("host") == seat
               and g.state.turn >= c.terms["ready"])


def components(g: "Game", seat: str) -> tuple[Component, ...]:
    """The scored components of one seat, now.

    Cumulative figures (exports, inflows, offers, premium income) are scaled so that strong
    play over a 12-quarter game approaches, but rarely reaches, 100 (judgement).
    """
    st = g.state
    s = st.seats[seat]
    turns = max(1, st.turn)
    if seat == "ankara":
        partners, kinds = _partnerships(g, seat)
        floor = st.params["standing_floor"]
        return (
            Component("manoeuvre", "Room for manoeuvre (partners × kinds)", _c(12 * len(partners) + 8 * len(kinds)), 0.35),
            Component("bargaining", "Bargaining power (offers received, standing)", _c(20 * s.offers_received / turns + s.standing / 2), 0.20),
            Component("exports", "Defence-industry exports", _c(s.exports / 100.0), 0.30),
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
            Component("cost", "Bearable cost", _bearable(g, seat), 0.15),
        )
    if seat == "islamabad":
        _, perceived = seat_deterrence(g, seat)
        return (
            Component("inflows", "Financial inflows", _c(s.inflows / 300.0), 0.30),
            Component("industry", "Industrial utilisation (lines running, exports)",
                      _c(20 * industry_lines(g, seat) + s.exports / 80.0), 0.25),
            Component("premium", "Deterrence premium priced", _c(s.premium_income / 30.0 + perceived / 4), 0.15),
            Component("stress", "Economic stress kept in check", _c(100 - s.stress), 0.30),
        )
    influence = []
    for partner in ("riyadh", "ankara", "islamabad"):
        influence.append(provider_shares(g, partner).get("washington", 0.0))
    crises = [c for c in st.crises if c.target in SEATS]
    contained = sum(1 for c in crises if (c.ruling or c.outcome) != "damaging")
    return (
        Component("influence", "Influence in partners' portfolios", _c(100 * sum(influence) / 1.8), 0.35),
        Component("anchor", "Turkey anchored in NATO", _c(st.seats["ankara"].standing), 0.25),
        Component("contained", "Regional crises contained", _c(100 * contained / len(crises)) if crises else 100.0, 0.25),
        Component("cost", "Bearable cost", _bearable(g, seat), 0.15),
    )


def score(g: "Game", seat: str) -> Score:
    """A seat's score now, with its breakdown."""
    with memo(g):
        comps = components(g, seat)
    return Score(seat, round(sum(c.points for c in comps), 2), comps)
