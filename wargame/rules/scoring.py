"""Objectives and scores: each seat's score is a weighted sum of 0..100 components.

The components follow the role briefs (game-design.md, article §5); every score comes with
its breakdown so players can see why. A seat's ``spent`` (the "bearable cost" components) counts
its security spending: arms instalments, fees, grants given, layer and exercise costs, its own
procurement, posture and crisis responses; lending, deposits and debt service are not spending.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

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
    """A seat's score with its breakdown, and its result against the seat's par.

    ``total`` is the brief's score (the weighted components, 0..100). ``par`` is what balanced
    computer play scores in this seat by now, ``spread`` its typical spread (one standard
    deviation), and ``rating`` the result against par on a common scale: 50 at par, 10 points
    per spread (``50 + 10 * (total - par) / spread``). Seats are ranked, and the winner chosen,
    by ``rating``: each seat is judged against its own brief.
    """

    seat: str
    total: float
    components: tuple[Component, ...]
    par: float = 50.0
    spread: float = 10.0

    @property
    def rating(self) -> float:
        """The result against par: 50 at par, 10 points per typical spread."""
        return round(50.0 + 10.0 * (self.total - self.par) / self.spread, 1)

    def to_dict(self) -> dict[str, object]:
        """JSON-safe form."""
        return {"seat": self.seat, "total": self.total, "par": self.par, "spread": self.spread,
                "rating": self.rating,
                "components": [{"key": c.key, "label": c.label, "value": c.value,
                                "weight": c.weight, "points": c.points} for c in self.components]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Score":
        """Rebuild from :meth:`to_dict` (a score without par, from an older view, is at 50/10)."""
        comps = tuple(Component(str(c["key"]), str(c["label"]), float(c["value"]), float(c["weight"]))
                      for c in data.get("components", ()))
        return cls(str(data["seat"]), float(data["total"]), comps,
                   float(data.get("par", 50.0)), float(data.get("spread", 10.0)))


def ranked(scores: Mapping[str, Score]) -> list[tuple[str, Score]]:
    """Seats best first: by rating (the result against each seat's par), then by score, then
    in seat order, so that ties are broken the same way everywhere."""
    order = {s: i for i, s in enumerate(SEATS)}
    return sorted(scores.items(), key=lambda kv: (-kv[1].rating, -kv[1].total, order.get(kv[0], 99)))


def par_of(g: "Game", seat: str) -> tuple[float, float]:
    """``(par, spread)`` of the seat now: the scenario's par for the quarter under way (the last
    measured quarter beyond the curve), or ``(50, 10)`` when the scenario gives none."""
    spec = g.scenario.par.get(seat)
    if spec is None:
        return 50.0, 10.0
    i = min(max(0, g.state.turn - 1), len(spec.mean) - 1)
    return spec.mean[i], spec.sd[i]


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


HARM_SCALE = 0.5
"""Crisis damage that takes the "crisis damage avoided" component to 0, as a share of the seat's
income over the quarters played (judgement: losing half a game's discretionary income to crises
is as bad as it gets)."""

SHARED_WEIGHT = 0.2
"""The weight of the two components every seat shares (credibility and crisis damage avoided,
0.1 each); the seat's own components share the remaining 0.8 in its brief's proportions."""


def damage_suffered(g: "Game", seat: str) -> int:
    """Damage ($m) the seat has taken in crises aimed at it so far."""
    return sum(int(c.details.get("damage", 0)) for c in g.state.crises if c.target == seat)


def _harm(g: "Game", seat: str) -> float:
    income = g.scenario.seats[seat].income * max(1, g.state.turn)
    if not income:
        return 100.0
    return _c(100.0 * (1.0 - damage_suffered(g, seat) / (HARM_SCALE * income)))


def shared_components(g: "Game", seat: str) -> tuple[Component, ...]:
    """What every seat's brief asks of it (article §2 and §4): a word others can count on, and
    crises that do not hurt. Credibility rises when a seat honours what it signed and falls when
    it defects or its bluff is exposed in a crisis, so both choices reach every score."""
    half = SHARED_WEIGHT / 2
    return (
        Component("credibility", "Credibility",
                  _c(g.state.seats[seat].credibility), half),
        Component("harm", "Crisis damage avoided", _harm(g, seat), half),
    )


def components(g: "Game", seat: str) -> tuple[Component, ...]:
    """The scored components of one seat, now: its brief's own, then the shared ones.

    Cumulative figures (exports, inflows, offers, premium income) are scaled so that strong
    play over a 12-quarter game approaches, but rarely reaches, 100 (judgement).
    """
    own = _own_components(g, seat)
    scale = 1.0 - SHARED_WEIGHT
    return tuple(Component(c.key, c.label, c.value, round(c.weight * scale, 4)) for c in own) \
        + shared_components(g, seat)


def _own_components(g: "Game", seat: str) -> tuple[Component, ...]:
    """The components of the seat's own brief (weights summing to 1 before scaling)."""
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
    par, spread = par_of(g, seat)
    return Score(seat, round(sum(c.points for c in comps), 2), comps, par, spread)
