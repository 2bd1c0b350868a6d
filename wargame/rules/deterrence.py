"""Real and perceived deterrence, per seat and per pact, and the bluff gap between them.

Real deterrence is what a test would deliver: own capability plus each partner's capability
weighted by the clause, the partner's honouring record and, above all, the *integration*
layers (planning, command, interoperability, exercise habit, access). Perceived deterrence is
what adversaries believe: the clause text counts more and integration less, secret commitments
do not count, signals and Pakistan's deterrence premium add to it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from wargame.state import Commitment
from wargame.types import CLAUSE_STRENGTH, DOMAINS

if TYPE_CHECKING:
    from wargame.rules.game import Game
    from wargame.scenario import CrisisSpec

COVERING = ("pact", "agreement", "assurance")
"""Commitment kinds a seat can invoke when tested."""

UNIFORM = {d: 1.0 / len(DOMAINS) for d in DOMAINS}


def weighted_capability(g: "Game", seat: str, weights: dict[str, float]) -> float:
    """A seat's capability against a threat's domain weights (Washington's scaled by posture)."""
    cap = g.state.seats[seat].capability
    value = sum(w * cap[d] for d, w in weights.items())
    if seat == "washington":
        value *= posture_factor(g)
    return value


def posture_factor(g: "Game") -> float:
    """How much of Washington's regional force is present: 0.4 with bases empty, 1.0 at full posture."""
    levels = list(g.state.posture.values())
    if not levels:
        return 0.4
    return 0.4 + 0.6 * sum(levels) / (3 * len(levels))


def access_share(g: "Game", members: list[str]) -> float:
    """Fraction of members who have port or logistics access with another member."""
    if len(members) < 2:
        return 0.0
    linked: set[str] = set()
    for com in g.state.commitments.values():
        if com.kind == "port_access" and com.status == "active":
            host, guest = com.terms["host"], com.terms["guest"]
            if host in members and guest in members:
                linked.update((host, guest))
    return len(linked) / len(members)


def integration(g: "Game", com: Commitment) -> float:
    """How much of a partner's capability a commitment actually delivers (0.1 .. 1.0)."""
    layers = com.layers
    if com.kind == "pact":
        value = (0.10 + 0.20 * bool(layers.get("planning")) + 0.10 * layers.get("command", 0)
                 + 0.20 * layers.get("interop", 0) / 3 + 0.25 * layers.get("habit", 0.0)
                 + 0.15 * access_share(g, com.parties))
    elif com.kind == "assurance":
        to = com.terms["to"]
        near = sum(level for base, level in g.state.posture.items()
                   if g.scenario.site(base).host == to)
        value = float(com.terms.get("integration", 0.35)) + 0.05 * near
    else:
        value = 0.15 + 0.25 * layers.get("habit", 0.0) + 0.15 * access_share(g, com.parties)
    return round(min(1.0, value), 4)


def clause_of(com: Commitment) -> str:
    """The clause a commitment carries (assurances oblige assistance, agreements consultation)."""
    if com.kind == "assurance":
        return "assistance"
    if com.kind == "agreement":
        return "consultation"
    return str(com.terms.get("clause", "consultation"))


def covering(g: "Game", seat: str, excludes: tuple[str, ...] = ()) -> Iterator[tuple[str, Commitment]]:
    """``(partner, commitment)`` for every active commitment that obliges a partner to defend ``seat``."""
    for com in g.state.commitments.values():
        if com.status != "active" or com.kind not in COVERING or com.id in excludes:
            continue
        if com.kind == "assurance":
            if com.terms["to"] == seat:
                yield "washington", com
        elif seat in com.parties:
            for partner in com.parties:
                if partner != seat:
                    yield partner, com


def contribution(g: "Game", partner: str, com: Commitment, weights: dict[str, float],
                 perceived: bool = False) -> float:
    """What ``partner`` is expected to deliver through ``com`` (real) or believed to (perceived)."""
    strength = CLAUSE_STRENGTH[clause_of(com)]
    honour = g.state.seats[partner].credibility / 100.0
    cap = weighted_capability(g, partner, weights)
    integ = integration(g, com)
    if perceived:
        return strength * (0.6 + 0.4 * integ) * honour * cap
    return strength * integ * honour * cap


Link = tuple[str, str, str, float, float, bool]
"""(target, partner, commitment id, strength x honour x integration, perceived factor, public)."""


def links(g: "Game") -> list[Link]:
    """Every active covering link, with its weight-independent factors computed once."""
    out: list[Link] = []
    seats = g.state.seats
    for com in g.state.commitments.values():
        if com.status != "active" or com.kind not in COVERING:
            continue
        integ = integration(g, com)
        strength = CLAUSE_STRENGTH[clause_of(com)]
        pairs = ([(com.terms["to"], "washington")] if com.kind == "assurance" else
                 [(t, p) for t in com.parties for p in com.parties if p != t])
        for target, partner in pairs:
            honour = seats[partner].credibility / 100.0
            out.append((target, partner, com.id, strength * integ * honour,
                        strength * (0.6 + 0.4 * integ) * honour, com.public))
    return out


def premium(g: "Game", seat: str) -> float:
    """Pakistan's nuclear-tinged deterrence premium: its own, or bought into by a partner."""
    boost = g.state.params["premium_boost"]
    if seat == "islamabad":
        return boost
    for com in g.state.commitments.values():
        if com.status != "active":
            continue
        if com.kind == "premium" and com.terms.get("buyer") == seat:
            return boost * 0.8
        if (com.kind == "pact" and seat in com.parties and "islamabad" in com.parties
                and com.terms.get("nuclear_ambiguity")):
            return boost * 0.4
    return 0.0


def raw_deterrence(g: "Game", seat: str, weights: dict[str, float], actor: str | None = None,
                   excludes: tuple[str, ...] = (), without: tuple[str, ...] = (),
                   all_links: list[Link] | None = None) -> tuple[float, float]:
    """``(real, perceived)`` in capability points for ``seat`` against a threat's weights.

    ``actor`` applies that actor's learned discount of the seat's signals; ``without`` leaves
    some partners out (for instance Washington, to measure coverage that survives its wavering).
    """
    own = weighted_capability(g, seat, weights)
    real = own
    perceived = own
    discount = 0.0
    if actor is not None:
        discount = g.state.actors[actor]["discount"].get(seat, 0.0)
    if all_links is None:
        all_links = links(g)
    caps: dict[str, float] = {}
    for target, partner, cid, real_factor, perc_factor, public in all_links:
        if target != seat or partner in without or cid in excludes:
            continue
        cap = caps.get(partner)
        if cap is None:
            cap = caps[partner] = weighted_capability(g, partner, weights)
        real += real_factor * cap
        if public:
            perceived += perc_factor * cap * (1 - discount)
    perceived += g.state.seats[seat].signal * (1 - discount)
    prem = premium(g, seat)
    perceived += prem * (1 - discount)
    if seat == "islamabad":
        real += prem * 0.5
    return real, perceived


def as_index(points: float, threat: float) -> float:
    """Map capability points against a threat's strength onto 0..100."""
    if points <= 0:
        return 0.0
    return round(100.0 * points / (points + threat), 2)


def threat_strength(g: "Game", spec: "CrisisSpec") -> float:
    """How strong the actor behind a crisis type is now (strength x severity x resolve)."""
    actor = g.state.actors[spec.actor]
    return g.scenario_actor(spec.actor).strength * spec.severity * actor["resolve"]


def seat_deterrence(g: "Game", seat: str, without: tuple[str, ...] = ()) -> tuple[float, float]:
    """A seat's ``(real, perceived)`` deterrence index (0..100), averaged over the threats it faces."""
    total_w = real_sum = perc_sum = 0.0
    all_links = links(g)
    for spec in g.scenario.crises:
        if seat not in spec.targets:
            continue
        excl = tuple(spec.excludes)
        r, p = raw_deterrence(g, seat, spec.weights, spec.actor, excl, without, all_links)
        threat = threat_strength(g, spec)
        w = spec.likelihood
        total_w += w
        real_sum += w * as_index(r, threat)
        perc_sum += w * as_index(p, threat)
    if total_w == 0:
        r, p = raw_deterrence(g, seat, UNIFORM, without=without, all_links=all_links)
        half = g.state.params["threat_half"]
        return as_index(r, half), as_index(p, half)
    return round(real_sum / total_w, 2), round(perc_sum / total_w, 2)


def pact_deterrence(g: "Game", com: Commitment) -> tuple[float, float]:
    """A pact's ``(real, perceived)`` index: what its partners deliver to a member, on average."""
    members = com.parties
    if len(members) < 2 or com.status != "active":
        return 0.0, 0.0
    real = perc = 0.0
    for member in members:
        for partner in members:
            if partner != member:
                real += contribution(g, partner, com, UNIFORM)
                perc += contribution(g, partner, com, UNIFORM, perceived=True) if com.public else 0.0
    real /= len(members)
    perc /= len(members)
    half = g.state.params["threat_half"]
    return as_index(real, half * 0.5), as_index(perc, half * 0.5)


def provider_shares(g: "Game", seat: str) -> dict[str, float]:
    """Each partner's share of the real contributions to a seat's security (its portfolio)."""
    contributions: dict[str, float] = {}
    for partner, com in covering(g, seat):
        contributions[partner] = contributions.get(partner, 0.0) + contribution(g, partner, com, UNIFORM)
    for com in g.state.commitments.values():
        if com.kind in ("arms_sale", "coproduction") and com.status == "active":
            seller = com.terms.get("seller") or com.terms.get("host")
            buyer = com.terms.get("buyer") or com.terms.get("partner")
            if buyer == seat and seller != seat:
                contributions[seller] = contributions.get(seller, 0.0) + com.terms.get("value", com.terms.get("capital", 0)) / 1000.0
    total = sum(contributions.values())
    if total <= 0:
        return {}
    return {k: v / total for k, v in sorted(contributions.items())}
