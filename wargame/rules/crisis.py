"""Crisis tests: the draw (driven by perceived deterrence), obligations, responses and outcome
(driven by real capability through the integration layers), credibility and threat learning."""
from __future__ import annotations

from typing import TYPE_CHECKING

from wargame import rng
from wargame.rules.common import clamp, emit, external, name, new_id
from wargame.rules.deterrence import (
    as_index, clause_of, covering, wavering_without, integration, memo, raw_deterrence, tested_threat, threat_strength, threats, weighted_capability,
)
from wargame.state import Crisis
from wargame.types import CLAUSES, RESPONSES, money

if TYPE_CHECKING:
    from wargame.rules.game import Game
    from wargame.scenario import CrisisSpec

LEVEL = {r: i for i, r in enumerate(RESPONSES)}
PARTNER_FACTOR = {"none": 0.0, "diplomatic": 0.15, "material": 0.5, "military": 1.0}
OWN_FACTOR = {"none": 0.5, "diplomatic": 0.6, "material": 0.85, "military": 1.0}
RESPONSE_COST = {"none": 0, "diplomatic": 0, "material": 300, "military": 700}
"""Budget cost ($m, times severity) of each response."""
OUTCOMES = ("deterred", "contained", "damaging")
DAMAGE = {"deterred": 0.3, "contained": 0.8, "damaging": 1.5}
DAMAGE_BASE = 600
"""Damage ($m) of a severity-1 crisis met with no defence, before the outcome's factor."""
EXPOSURE_FREE = 5.0
"""Points of bluff gap adversaries take for granted (every deterrent is partly a bluff)."""
EXPOSURE_PENALTY = 0.5
"""How much an exposed bluff (gap / 100) lowers the outcome score: partners promised more than
they were ready to deliver, and the attacker came anyway (design: a gap "fails badly")."""
EXPOSURE_DAMAGE = 2.0
"""How much an exposed bluff multiplies the damage: ``1 + 2 x gap / 100``."""
EXPOSURE_CREDIBILITY = 0.2
"""Credibility the target loses per point of exposed gap when the test goes badly."""
ROLL_SWING = 0.4
"""The roll moves the outcome score by up to ``± ROLL_SWING / 2`` (``(roll - 0.5) x 0.4``)."""
DETERRED_AT = 0.62
CONTAINED_AT = 0.42
"""Outcome score thresholds: deterred at 0.62 and above, contained at 0.42, else damaging."""


def roll(g: "Game") -> float:
    """Draw a uniform number from the in-state generator."""
    g.state.rng, value = rng.uniform(g.state.rng)
    return value


def likelihoods(g: "Game") -> list[tuple[str, str, float]]:
    """``(crisis type, target, probability this quarter)`` for every threat, before the cap."""
    with memo(g):
        return _likelihoods(g)


def _likelihoods(g: "Game") -> list[tuple[str, str, float]]:
    out = []
    for spec, threat, rows in threats(g):
        actor = g.state.actors[spec.actor]
        for target in spec.targets:
            perceived = rows[target][1]
            p = spec.likelihood * actor["resolve"] * 2.0 * threat / (perceived + threat)
            out.append((spec.id, target, round(p / len(spec.targets), 6)))
    return out


def draw(g: "Game") -> None:
    """The chance step of the crisis phase: maybe start a crisis, recording the rolls."""
    table = likelihoods(g)
    total = min(g.state.params["crisis_cap"], sum(p for _, _, p in table))
    u = roll(g)
    if u >= total:
        emit(g, "chance", f"No crisis this quarter (chance {total:.0%}, roll {u:.2f})",
             public=True, probability=round(total, 6), roll=round(u, 6))
        return
    pick = roll(g) * sum(p for _, _, p in table)
    acc = 0.0
    chosen = table[-1]
    for row in table:
        acc += row[2]
        if pick < acc:
            chosen = row
            break
    spec = g.scenario.crisis_type(chosen[0])
    emit(g, "chance", f"Crisis drawn (chance {total:.0%}, roll {u:.2f}): {spec.title}",
         public=True, probability=round(total, 6), roll=round(u, 6), pick=round(pick, 6),
         crisis_type=spec.id, target=chosen[1])
    start(g, spec, chosen[1], spec.severity, spec.title, spec.text, injected=False)


def start(g: "Game", spec: "CrisisSpec", target: str, severity: float, title: str, text: str,
          injected: bool) -> Crisis:
    """Open a crisis against ``target``: work out who is obliged to respond, and how strongly."""
    crisis = Crisis(id=new_id(g, "x"), type=spec.id, title=title, actor=spec.actor, target=target,
                    site=spec.site, kind=spec.kind, severity=severity, text=text,
                    turn=g.state.turn, injected=injected)
    crisis.obligations[target] = 0
    excludes = tuple(spec.excludes)
    for partner, com in covering(g, target, excludes):
        if spec.kind == "wavering" and partner == "washington":
            continue
        level = CLAUSES.get(clause_of(com), 1)
        crisis.obligations[partner] = max(crisis.obligations.get(partner, 0), level)
        crisis.via.setdefault(partner, []).append(com.id)
    if spec.kind == "wavering":
        crisis.obligations.setdefault("washington", 0)
    real, perceived = raw_deterrence(g, target, spec.weights, spec.actor, excludes, wavering_without(spec))
    threat = threat_strength(g, spec) * severity / spec.severity
    crisis.details.update(real=round(as_index(real, threat), 2),
                          perceived=round(as_index(perceived, threat), 2))
    g.state.crisis = crisis
    hidden = secret_partners(g, crisis)
    shown = {s: lv for s, lv in crisis.obligations.items() if s not in hidden}
    who = ", ".join(f"{name(s)} ({RESPONSES[lv]} expected)" for s, lv in shown.items() if s != target)
    emit(g, "crisis", f"CRISIS: {title} — {name(target)} is tested. Invoked: {who or 'no partner'}",
         list(shown), True, crisis=crisis.id, crisis_type=spec.id, target=target,
         site=spec.site, severity=severity, obligations=shown)
    for seat in sorted(hidden):
        emit(g, "crisis", f"Secret commitment invoked: {name(seat)} is expected to give "
             f"{RESPONSES[crisis.obligations[seat]]} support to {name(target)}", [target, seat], False,
             crisis=crisis.id, seat=seat, level=crisis.obligations[seat])
    return crisis


def secret_partners(g: "Game", crisis: Crisis) -> set[str]:
    """Partners obliged only through secret commitments: third parties must not learn of them."""
    out = set()
    for seat, ids in crisis.via.items():
        coms = [g.state.commitments.get(c) for c in ids]
        if ids and all(c is not None and not c.public for c in coms):
            out.add(seat)
    return out


def spec_for(g: "Game", crisis: Crisis) -> "CrisisSpec":
    """The crisis type behind a crisis (custom crises get a built one)."""
    if crisis.type == "custom":
        from wargame.rules.umpire import custom_spec
        return custom_spec(g, crisis.target, crisis.title, crisis.text, crisis.severity)
    return g.scenario.crisis_type(crisis.type)


def response_cost(crisis: Crisis, level: str) -> int:
    """Budget cost of a response to this crisis."""
    return int(RESPONSE_COST[level] * crisis.severity)


def pay_responses(g: "Game", crisis: Crisis) -> None:
    """Pay for every response at the outcome (responses are secret until then, rules §10.4)."""
    for seat, level in crisis.responses.items():
        cost = response_cost(crisis, level)
        if cost:
            external(g, seat, -cost, spending=True)
            emit(g, "response_paid", f"{name(seat)} pays {money(cost)} for its {level} response",
                 [seat], False, crisis=crisis.id, seat=seat, cost=cost)


def resolve(g: "Game") -> None:
    """All responses are in: compute the outcome from real capability, pay, learn."""
    st = g.state
    crisis = st.crisis
    assert crisis is not None
    pay_responses(g, crisis)
    spec = spec_for(g, crisis)
    target = crisis.target
    weights = spec.weights
    own_level = crisis.responses.get(target, "none")
    defence = OWN_FACTOR[own_level] * weighted_capability(g, target, weights)
    parts = {target: round(defence, 3)}
    delivered_through: dict[str, float] = {}
    for partner, level in crisis.responses.items():
        if partner == target or partner not in crisis.via:
            continue
        best = max(integration(g, st.commitments[c]) for c in crisis.via[partner])
        delivered_through[partner] = round(best, 4)
        value = PARTNER_FACTOR[level] * best * weighted_capability(g, partner, weights)
        parts[partner] = round(value, 3)
        defence += value
    threat = tested_threat(g, spec, crisis.severity)
    margin = defence / (defence + threat) if defence + threat > 0 else 0.0
    exposure = exposure_of(crisis)
    u = roll(g)
    score = margin - EXPOSURE_PENALTY * exposure + (u - 0.5) * ROLL_SWING
    outcome = "deterred" if score >= DETERRED_AT else "contained" if score >= CONTAINED_AT else "damaging"
    if spec.kind == "wavering":
        wash = crisis.responses.get("washington", "none")
        if LEVEL[wash] >= 2:
            outcome = "deterred" if outcome == "deterred" else "contained"
        else:
            _hold_us_sales(g, target)
    crisis.outcome = outcome
    crisis.details.update(defence=round(defence, 3), threat=round(threat, 3), margin=round(margin, 4),
                          roll=round(u, 6), contributions=parts, exposure=round(exposure, 4),
                          integration=delivered_through, score=round(score, 4))
    damage = apply_damage(g, crisis, spec, outcome, margin)
    crisis.details["damage"] = damage
    military = [seat for seat, level in crisis.responses.items() if level == "military"]
    if military:  # each military response wears down the responder in the threat's main domain
        main = main_domain(weights)
        for seat in military:
            cap = st.seats[seat].capability
            cap[main] = round(max(0.0, cap[main] - 0.5 * crisis.severity), 4)
    _credibility(g, crisis)
    _learn(g, crisis, outcome)
    hidden = secret_partners(g, crisis)
    shown = {s: lv for s, lv in crisis.responses.items() if s not in hidden}
    resp_text = "; ".join(f"{name(s)}: {lv}" for s, lv in shown.items())
    emit(g, "outcome", f"Outcome of {crisis.title}: {outcome.upper()} (defence {defence:.1f} vs threat "
         f"{threat:.1f}, roll {u:.2f}); responses — {resp_text}; damage {money(damage)}",
         [s for s in crisis.obligations if s not in hidden], True, crisis=crisis.id, outcome=outcome,
         damage=damage, margin=round(margin, 4), roll=round(u, 6), responses=shown)
    for seat in sorted(hidden):
        emit(g, "outcome", f"In secret, {name(seat)} responded to {crisis.title}: "
             f"{crisis.responses.get(seat, 'none')}", [crisis.target, seat], False,
             crisis=crisis.id, seat=seat, level=crisis.responses.get(seat, "none"))
    st.crises.append(crisis)
    st.crisis = None


def main_domain(weights: dict[str, float]) -> str:
    """The domain a threat weighs most (ties go to the later name)."""
    return max(weights, key=lambda d: (weights[d], d))


def apply_damage(g: "Game", crisis: Crisis, spec: "CrisisSpec", outcome: str, margin: float) -> int:
    """Damage to the target: budget, stress and capability in the threat's main domain."""
    s = g.state.seats[crisis.target]
    exposure = float(crisis.details.get("exposure", 0.0))
    damage = damage_of(crisis, outcome, margin)
    paid = min(damage, max(0, s.budget))
    external(g, crisis.target, -paid)
    s.stress = clamp(s.stress + crisis.severity * 8 * (1 - margin) * DAMAGE[outcome] * (1 + exposure)
                     + (damage - paid) / 200)
    if outcome == "damaging":
        main = main_domain(spec.weights)
        s.capability[main] = round(max(0.0, s.capability[main] - crisis.severity * 2), 4)
    if outcome != "deterred" and exposure > 0:
        # the bluff is exposed: the target's own word is worth less afterwards
        loss = round(100 * exposure * EXPOSURE_CREDIBILITY, 2)
        s.credibility = clamp(s.credibility - loss)
        gap = 100 * exposure + EXPOSURE_FREE
        emit(g, "credibility", f"{name(crisis.target)}'s bluff is exposed (gap {gap:.0f}): "
             f"credibility -{loss:g}", [crisis.target], True, seat=crisis.target, delta=-loss,
             crisis=crisis.id)
    return damage


def exposure_of(crisis: Crisis) -> float:
    """How much of a bluff a crisis exposes: the target's bluff gap when tested, beyond the
    few points every deterrent is expected to carry (``EXPOSURE_FREE``), over 100."""
    gap = float(crisis.details.get("perceived", 0.0)) - float(crisis.details.get("real", 0.0))
    return max(0.0, gap - EXPOSURE_FREE) / 100.0


def damage_of(crisis: Crisis, outcome: str, margin: float) -> int:
    """Damage ($m) of an outcome: worse with a thin margin and with an exposed bluff."""
    exposure = float(crisis.details.get("exposure", 0.0))
    return int(crisis.severity * DAMAGE_BASE * (1 - margin) * DAMAGE[outcome] * (1 + EXPOSURE_DAMAGE * exposure))


def _hold_us_sales(g: "Game", target: str) -> None:
    for com in g.state.commitments.values():
        if (com.kind == "arms_sale" and com.status == "active" and com.terms["seller"] == "washington"
                and com.terms["buyer"] == target):
            com.terms["held"] = True
            emit(g, "hold", f"{com.name} is held in Washington", com.parties, True, commitment=com.id)


def _credibility(g: "Game", crisis: Crisis) -> None:
    p = g.state.params
    hidden = secret_partners(g, crisis)
    for seat, required in crisis.obligations.items():
        if seat == crisis.target or required == 0:
            continue
        given = LEVEL[crisis.responses.get(seat, "none")]
        s = g.state.seats[seat]
        declared = crisis.target in s.declared
        if given >= required:
            gain = p["honour_gain"] * (1.5 if declared else 1.0)
            s.credibility = clamp(s.credibility + gain)
            emit(g, "credibility", f"{name(seat)} honours its commitment to {name(crisis.target)} "
                 f"(credibility +{gain:g})", [seat, crisis.target], seat not in hidden, seat=seat, delta=gain,
                 crisis=crisis.id)
        else:
            loss = p["defect_loss"] * (required - given) * (1.5 if declared else 1.0)
            s.credibility = clamp(s.credibility - loss)
            emit(g, "credibility", f"{name(seat)} falls short of its commitment to "
                 f"{name(crisis.target)}{' after declaring support' if declared else ''} "
                 f"(credibility -{loss:g})", [seat, crisis.target], seat not in hidden, seat=seat,
                 delta=-loss, crisis=crisis.id)


def _learn(g: "Game", crisis: Crisis, outcome: str) -> None:
    actor = g.state.actors[crisis.actor]
    factor = {"deterred": 0.85, "contained": 0.97, "damaging": 1.12}[outcome]
    actor["resolve"] = round(min(2.5, max(0.3, actor["resolve"] * factor)), 4)
    gap = crisis.details.get("perceived", 0.0) - crisis.details.get("real", 0.0)
    disc = actor["discount"]
    if outcome == "damaging" and gap > 5:
        disc[crisis.target] = round(min(0.8, disc.get(crisis.target, 0.0) + 0.2), 4)
        g.state.seats[crisis.target].signal = 0.0
        emit(g, "learning", f"{g.scenario_actor(crisis.actor).name} saw through {name(crisis.target)}'s "
             f"bluff (gap {gap:.0f}): its signals now count for less", [crisis.target], True,
             actor=crisis.actor, discount=disc[crisis.target], crisis=crisis.id)
    elif outcome == "deterred" and disc.get(crisis.target, 0.0) > 0:
        disc[crisis.target] = round(max(0.0, disc[crisis.target] - 0.1), 4)


def rule(g: "Game", crisis: Crisis, new_outcome: str) -> int:
    """Facilitator's ruling: replace an outcome and correct the damage by the difference."""
    spec = spec_for(g, crisis)
    margin = float(crisis.details.get("margin", 0.5))
    old = crisis.ruling or crisis.outcome
    old_damage = damage_of(crisis, old, margin)
    new_damage = damage_of(crisis, new_outcome, margin)
    delta = old_damage - new_damage
    s = g.state.seats[crisis.target]
    if delta < 0:
        delta = -min(-delta, max(0, s.budget))
    external(g, crisis.target, delta)
    crisis.ruling = new_outcome
    _ = spec
    return delta
