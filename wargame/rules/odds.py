"""The odds of a crisis test before a seat answers it: for each response it could give, the
chance of each outcome, its cost and what the defence would be against the threat.

The figures follow the resolution model of :func:`wargame.rules.crisis.resolve`: the defence is
the target's own weighted capability (times its response factor) plus what each invoked
partner's response delivers through the integration layers; the outcome score is the margin
``defence / (defence + threat)`` less the exposed bluff, moved by a uniform roll of
``± ROLL_SWING / 2``. So each outcome's chance is the share of that roll interval lying above
(or between) the thresholds. A seat does not know what the others will send (responses are
secret until the outcome): the odds assume every other obliged seat gives what it is committed
to, unless ``assume`` says otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wargame.rules import crisis as rules
from wargame.rules.deterrence import integration, memo, tested_threat, weighted_capability
from wargame.state import Crisis
from wargame.types import RESPONSES

if TYPE_CHECKING:
    from wargame.rules.game import Game


@dataclass(frozen=True, slots=True)
class ResponseOdds:
    """One response option: its cost, the defence it makes and the chance of each outcome."""

    level: str
    cost: int
    affordable: bool
    meets_obligation: bool
    defence: float
    threat: float
    margin: float
    exposure: float
    low: float
    high: float
    chances: dict[str, float]
    contributions: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"level": self.level, "cost": self.cost, "affordable": self.affordable,
                "meets_obligation": self.meets_obligation, "defence": self.defence,
                "threat": self.threat, "margin": self.margin, "exposure": self.exposure,
                "score_range": [self.low, self.high], "chances": dict(self.chances),
                "contributions": dict(self.contributions)}


def defence_for(g: "Game", crisis: Crisis, responses: dict[str, str]) -> tuple[float, dict[str, float], float]:
    """``(defence, contribution by seat, threat)`` of a crisis met with ``responses``."""
    spec = rules.spec_for(g, crisis)
    weights = spec.weights
    target = crisis.target
    with memo(g):
        defence = rules.OWN_FACTOR[responses.get(target, "none")] * weighted_capability(g, target, weights)
        parts = {target: round(defence, 3)}
        for partner, level in responses.items():
            if partner == target or partner not in crisis.via:
                continue
            best = max(integration(g, g.state.commitments[c]) for c in crisis.via[partner])
            value = rules.PARTNER_FACTOR[level] * best * weighted_capability(g, partner, weights)
            parts[partner] = round(value, 3)
            defence += value
        threat = tested_threat(g, spec, crisis.severity)
    return defence, parts, threat


def chances_for(score_mid: float, wavering_backed: bool | None = None) -> tuple[float, float, dict[str, float]]:
    """The outcome chances when the outcome score is uniform on ``score_mid ± ROLL_SWING / 2``.

    ``wavering_backed``: for a wavering crisis, whether Washington gives material support or
    more (then "damaging" becomes "contained"; ``None`` for other crises)."""
    half = rules.ROLL_SWING / 2
    low, high = score_mid - half, score_mid + half

    def above(x: float) -> float:
        return min(1.0, max(0.0, (high - x) / (high - low)))
    deterred = above(rules.DETERRED_AT)
    contained = above(rules.CONTAINED_AT) - deterred
    damaging = 1.0 - deterred - contained
    if wavering_backed:
        contained, damaging = contained + damaging, 0.0
    return round(low, 4), round(high, 4), {"deterred": round(deterred, 4), "contained": round(contained, 4),
                                           "damaging": round(damaging, 4)}


def assumed_responses(g: "Game", crisis: Crisis, seat: str, level: str,
                      assume: dict[str, str] | None = None) -> dict[str, str]:
    """The responses the odds assume: ``seat`` gives ``level``; every other obliged seat gives
    what it is committed to (the target: none), unless ``assume`` names its response."""
    out = {s: RESPONSES[need] for s, need in crisis.obligations.items()}
    out.update(assume or {})
    out[seat] = level
    return out


def crisis_odds(g: "Game", seat: str, assume: dict[str, str] | None = None) -> list[ResponseOdds]:
    """For the crisis under way, the odds of each outcome for each response ``seat`` could give."""
    crisis = g.state.crisis
    if crisis is None:
        raise ValueError("there is no crisis under way")
    if seat not in crisis.obligations:
        raise ValueError(f"{seat} is not called on to respond to {crisis.title}")
    spec = rules.spec_for(g, crisis)
    need = crisis.obligations.get(seat, 0)
    exposure = rules.exposure_of(crisis)
    budget = g.state.seats[seat].budget
    out = []
    for level in RESPONSES:
        responses = assumed_responses(g, crisis, seat, level, assume)
        defence, parts, threat = defence_for(g, crisis, responses)
        margin = defence / (defence + threat) if defence + threat > 0 else 0.0
        mid = margin - rules.EXPOSURE_PENALTY * exposure
        backed = None
        if spec.kind == "wavering":
            backed = rules.LEVEL[responses.get("washington", "none")] >= 2
        low, high, chances = chances_for(mid, backed)
        cost = rules.response_cost(crisis, level)
        out.append(ResponseOdds(level, cost, cost <= budget, rules.LEVEL[level] >= need,
                                round(defence, 2), round(threat, 2), round(margin, 4), round(exposure, 4),
                                low, high, chances, parts))
    return out
