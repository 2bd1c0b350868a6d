"""Real and perceived deterrence, per seat and per pact, and the bluff gap between them.

Real deterrence is what a test would deliver: own capability plus each partner's capability
weighted by the clause, the partner's honouring record and, above all, the *integration*
layers (planning, command, interoperability, exercise habit, access). Perceived deterrence is
what adversaries believe: the clause text counts more and integration less, secret commitments
do not count, signals and Pakistan's deterrence premium add to it.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

from wargame.rules.layers import pact_integration
from wargame.state import Commitment
from wargame.types import CLAUSE_STRENGTH, DOMAINS

if TYPE_CHECKING:
    from wargame.rules.game import Game
    from wargame.scenario import CrisisSpec

COVERING = ("pact", "agreement", "assurance")
"""Commitment kinds a seat can invoke when tested."""

UNIFORM = {d: 1.0 / len(DOMAINS) for d in DOMAINS}


@contextmanager
def memo(g: "Game") -> Iterator[None]:
    """Within the block, deterrence figures are computed once and reused.

    For queries that read the state without changing it (indicators, scores): the cache
    lives only as long as the outermost block, so no stale figure can survive a change.
    """
    if g._memo is not None:
        yield
        return
    g._memo = {}
    try:
        yield
    finally:
        g._memo = None


def _cached(g: "Game", key: Any) -> Any:
    cache = g._memo
    return None if cache is None else cache.get(key)


def _store(g: "Game", key: Any, value: Any) -> Any:
    if g._memo is not None:
        g._memo[key] = value
    return value


def active_commitments(g: "Game") -> list[Commitment]:
    """The commitments in force (status ``active``), in the state's order."""
    cached = _cached(g, "active")
    if cached is not None:
        return cached
    return _store(g, "active", [c for c in g.state.commitments.values() if c.status == "active"])


def weighted_capability(g: "Game", seat: str, weights: dict[str, float]) -> float:
    """A seat's capability against a threat's domain weights (Washington's scaled by posture)."""
    return _wc_table(g, weights)[seat]


def _wc_table(g: "Game", weights: dict[str, float]) -> dict[str, float]:
    """Every seat's weighted capability against ``weights`` (memoised by the weights object)."""
    cache = g._memo
    if cache is not None:
        entry = cache.get(id(weights))
        if entry is not None and entry[0] is weights:  # the weights object is kept alive with it
            return entry[1]
    table = {}
    seats = g.state.seats
    for seat in seats:
        cap = seats[seat].capability
        value = 0.0
        for d, w in weights.items():
            value += w * cap[d]
        table[seat] = value
    table["washington"] *= posture_factor(g)
    if cache is not None:
        cache[id(weights)] = (weights, table)
    return table


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
    pairs = _cached(g, "access")
    if pairs is None:
        pairs = _store(g, "access", [(com.terms["host"], com.terms["guest"])
                                     for com in active_commitments(g) if com.kind == "port_access"])
    linked: set[str] = set()
    for host, guest in pairs:
        if host in members and guest in members:
            linked.add(host)
            linked.add(guest)
    return len(linked) / len(members)


def integration(g: "Game", com: Commitment) -> float:
    """How much of a partner's capability a commitment actually delivers (0.1 .. 1.0)."""
    key = ("integration", com.id)
    cached = _cached(g, key)
    if cached is not None:
        return cached
    return _store(g, key, _integration(g, com))


def _integration(g: "Game", com: Commitment) -> float:
    if com.kind == "assurance":
        to = com.terms["to"]
        near = sum(level for base, level in g.state.posture.items()
                   if g.scenario.site(base).host == to)
        value = float(com.terms.get("integration", 0.35)) + 0.05 * near
    else:
        value = pact_integration(com, access_share(g, com.parties))
    return round(min(1.0, value), 4)


def clause_of(com: Commitment) -> str:
    """The clause a commitment carries (assurances oblige assistance; otherwise its terms, consultation by default)."""
    if com.kind == "assurance":
        return "assistance"
    return str(com.terms.get("clause", "consultation"))


def covering(g: "Game", seat: str, excludes: tuple[str, ...] = ()) -> Iterator[tuple[str, Commitment]]:
    """``(partner, commitment)`` for every active commitment that obliges a partner to defend ``seat``."""
    for com in active_commitments(g):
        if com.kind not in COVERING or com.id in excludes:
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
    cached = _cached(g, "links")
    if cached is not None:
        return cached
    out: list[Link] = []
    seats = g.state.seats
    for com in active_commitments(g):
        if com.kind not in COVERING:
            continue
        integ = integration(g, com)
        strength = CLAUSE_STRENGTH[clause_of(com)]
        pairs = ([(com.terms["to"], "washington")] if com.kind == "assurance" else
                 [(t, p) for t in com.parties for p in com.parties if p != t])
        for target, partner in pairs:
            honour = seats[partner].credibility / 100.0
            out.append((target, partner, com.id, strength * integ * honour,
                        strength * (0.6 + 0.4 * integ) * honour, com.public))
    return _store(g, "links", out)


def premium(g: "Game", seat: str) -> float:
    """Pakistan's nuclear-tinged deterrence premium: its own, or bought into by a partner."""
    key = ("premium", seat)
    cached = _cached(g, key)
    if cached is not None:
        return cached
    return _store(g, key, _premium(g, seat))


PREMIUM_BOUGHT = 0.8
"""Share of Islamabad's premium a seat that buys into it gets."""

PREMIUM_PACT = 0.4
"""Share of Islamabad's premium a member of a pact with Islamabad and nuclear ambiguity gets."""


def bought_premium(g: "Game") -> float:
    """The perceived deterrence (points) a seat that buys into Islamabad's premium gets from it."""
    return g.state.params["premium_boost"] * PREMIUM_BOUGHT


def _premium(g: "Game", seat: str) -> float:
    boost = g.state.params["premium_boost"]
    if seat == "islamabad":
        return boost
    best = 0.0
    for com in active_commitments(g):
        if com.kind == "premium" and com.terms.get("buyer") == seat:
            best = max(best, bought_premium(g))
        elif (com.kind == "pact" and seat in com.parties and "islamabad" in com.parties
                and com.terms.get("nuclear_ambiguity")):
            # the ambiguity lent through a pact is shared: a third member dilutes it (issue 14)
            others = max(1, len(com.parties) - 1)
            share = 1.0 / others if g.state.params.get("premium_shared", 0.0) else 1.0
            best = max(best, boost * PREMIUM_PACT * share)
    return best


def raw_deterrence(g: "Game", seat: str, weights: dict[str, float], actor: str | None = None,
                   excludes: tuple[str, ...] = (), without: tuple[str, ...] = (),
                   all_links: list[Link] | None = None) -> tuple[float, float]:
    """``(real, perceived)`` in capability points for ``seat`` against a threat's weights.

    ``actor`` applies that actor's learned discount of the seat's signals; ``without`` leaves
    some partners out (for instance Washington, to measure coverage that survives its wavering).
    """
    cache = g._memo
    if cache is None:
        return _raw(g, seat, weights, actor, excludes, without, all_links)
    key = ("raw", seat, id(weights), actor, excludes, without)
    entry = cache.get(key)
    if entry is None or entry[0] is not weights:
        entry = cache[key] = (weights, _raw(g, seat, weights, actor, excludes, without, all_links))
    return entry[1]


def _by_target(g: "Game", all_links: list[Link] | None) -> dict[str, list[Link]]:
    if all_links is None:
        cached = _cached(g, "by_target")
        if cached is not None:
            return cached
    out: dict[str, list[Link]] = {}
    for link in (links(g) if all_links is None else all_links):
        out.setdefault(link[0], []).append(link)
    return _store(g, "by_target", out) if all_links is None else out


def _link_rows(g: "Game", seat: str) -> list[Link]:
    """The covering links whose target is ``seat``, in the state's order."""
    return _by_target(g, None if g._memo is not None else links(g)).get(seat, [])


def _raw(g: "Game", seat: str, weights: dict[str, float], actor: str | None,
         excludes: tuple[str, ...], without: tuple[str, ...],
         all_links: list[Link] | None) -> tuple[float, float]:
    table = _wc_table(g, weights)
    own = table[seat]
    real = own
    perceived = own
    keep = 1.0
    if actor is not None:
        keep = 1.0 - g.state.actors[actor]["discount"].get(seat, 0.0)
    for _, partner, cid, real_factor, perc_factor, public in _by_target(g, all_links).get(seat, ()):
        if partner in without or cid in excludes:
            continue
        cap = table[partner]
        real += real_factor * cap
        if public:
            perceived += perc_factor * cap * keep
    prem = premium(g, seat)
    perceived += (g.state.seats[seat].signal + prem) * keep
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


def tested_threat(g: "Game", spec: "CrisisSpec", severity: float) -> float:
    """The threat a test of this type brings when it comes, at this severity: the actor's
    strength now times the type's calibration against history (``CrisisSpec.calibration``, how
    hard such tests have bitten). Deterrence indices and the chance of a crisis use the bare
    :func:`threat_strength`: the calibration moves outcomes, not how often crises come."""
    return threat_strength(g, spec) * severity / spec.severity * spec.calibration


def seat_deterrence(g: "Game", seat: str, without: tuple[str, ...] = ()) -> tuple[float, float]:
    """A seat's ``(real, perceived)`` deterrence index (0..100), averaged over the threats it faces."""
    key = ("seat", seat, without)
    cached = _cached(g, key)
    if cached is not None:
        return cached
    return _store(g, key, _seat_deterrence(g, seat, without))


def wavering_without(spec: "CrisisSpec") -> tuple[str, ...]:
    """Partners that do not count against a crisis type: Washington, when the test is its own
    wavering (a US arms hold): coverage must then survive without it."""
    return ("washington",) if spec.kind == "wavering" else ()


def threats(g: "Game") -> list[tuple["CrisisSpec", float, dict[str, tuple[float, float]]]]:
    """For every crisis type: its spec, its actor's strength now, and each target's
    ``(real, perceived)`` points against it as that actor sees them (the draw and the seats'
    indices read this one table)."""
    cached = _cached(g, "threats")
    if cached is not None:
        return cached
    all_links = None if g._memo is not None else links(g)
    out = []
    for spec in g.scenario.crises:
        excl = tuple(spec.excludes)
        rows = {t: raw_deterrence(g, t, spec.weights, spec.actor, excl, wavering_without(spec), all_links)
                for t in spec.targets}
        out.append((spec, threat_strength(g, spec), rows))
    return _store(g, "threats", out)


def _seat_deterrence(g: "Game", seat: str, without: tuple[str, ...]) -> tuple[float, float]:
    total_w = real_sum = perc_sum = 0.0
    all_links = None if g._memo is not None else links(g)
    table = threats(g) if not without else None
    for i, spec in enumerate(g.scenario.crises):
        if seat not in spec.targets:
            continue
        if table is not None:
            _, threat, rows = table[i]
            r, p = rows[seat]
        else:
            r, p = raw_deterrence(g, seat, spec.weights, spec.actor, tuple(spec.excludes),
                                  tuple(sorted(set(without) | set(wavering_without(spec)))), all_links)
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
    table = _wc_table(g, UNIFORM)
    factors = {}
    for member in members:
        for target, partner, cid, real_factor, perc_factor, _ in _link_rows(g, member):
            if cid == com.id:
                factors[(target, partner)] = (real_factor, perc_factor)
    for member in members:
        for partner in members:
            if partner != member:
                # the same products as contribution(): clause x integration x honour x capability
                real_factor, perc_factor = factors[(member, partner)]
                cap = table[partner]
                real += real_factor * cap
                perc += perc_factor * cap if com.public else 0.0
    real /= len(members)
    perc /= len(members)
    half = g.state.params["threat_half"]
    return as_index(real, half * 0.5), as_index(perc, half * 0.5)


def provider_shares(g: "Game", seat: str) -> dict[str, float]:
    """Each partner's share of the real contributions to a seat's security (its portfolio)."""
    key = ("shares", seat)
    cached = _cached(g, key)
    if cached is not None:
        return dict(cached)
    return dict(_store(g, key, _provider_shares(g, seat)))


def _provider_shares(g: "Game", seat: str) -> dict[str, float]:
    contributions: dict[str, float] = {}
    table = _wc_table(g, UNIFORM)
    for _, partner, _, real_factor, _, _ in _link_rows(g, seat):
        # the links carry clause x integration x honour: the same products as contribution()
        contributions[partner] = contributions.get(partner, 0.0) + real_factor * table[partner]
    for com in active_commitments(g):
        if com.kind in ("arms_sale", "coproduction"):
            seller = com.terms.get("seller") or com.terms.get("host")
            buyer = com.terms.get("buyer") or com.terms.get("partner")
            if buyer == seat and seller != seat:
                contributions[seller] = contributions.get(seller, 0.0) + com.terms.get("value", com.terms.get("capital", 0)) / 1000.0
    total = sum(contributions.values())
    if total <= 0:
        return {}
    return {k: v / total for k, v in sorted(contributions.items())}
