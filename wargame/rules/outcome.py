"""What a crisis test showed, as plain data for the outcome screen, the projector and the report.

:func:`outcome_summary` explains a resolved crisis to one viewer: what each partner was
expected to send and sent, what the integration layers let it deliver, real against perceived
deterrence when the crisis began, the credibility moves and how the roll turned the margin into
the outcome. It never shows a viewer a partner obliged only through a secret commitment the
viewer is not party to. :func:`public_deterrence` gives each seat's deterrence as the public can
know it (secret commitments left out), for the projector's real-vs-perceived chart.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.rules import crisis as rules
from wargame.rules.common import name
from wargame.rules.deterrence import _raw, as_index, clause_of, links, threat_strength, wavering_without
from wargame.state import Crisis
from wargame.types import FACILITATOR, RESPONSES, SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

PUBLIC = "public"
"""The viewer of the projector: public information only."""


def find_crisis(g: "Game", crisis_id: str | None = None) -> Crisis | None:
    """A resolved crisis by id (``None``: the latest), or ``None`` if there is none."""
    if crisis_id is None:
        return g.state.crises[-1] if g.state.crises else None
    return next((c for c in g.state.crises if c.id == crisis_id), None)


def _hidden_for(g: "Game", crisis: Crisis, viewer: str | None) -> set[str]:
    """Partners the viewer may not learn of (obliged only through secret commitments)."""
    if viewer is None or viewer == FACILITATOR:
        return set()
    secret = rules.secret_partners(g, crisis)
    if viewer == PUBLIC:
        return secret
    return {s for s in secret if viewer not in (s, crisis.target)}


def outcome_summary(g: "Game", crisis_id: str | None = None, viewer: str | None = PUBLIC) -> dict[str, Any]:
    """The outcome of a resolved crisis explained to ``viewer`` (a seat, ``"public"`` for the
    room, ``None`` or ``"facilitator"`` for everything). Raises ``ValueError`` for an unknown crisis."""
    if viewer not in (None, FACILITATOR, PUBLIC) and viewer not in SEATS:
        raise ValueError(f"unknown viewer {viewer!r}: a seat, 'public' or 'facilitator'")
    crisis = find_crisis(g, crisis_id)
    if crisis is None or not crisis.outcome:
        raise ValueError(f"there is no resolved crisis {crisis_id!r}" if crisis_id else "no crisis has been resolved yet")
    d = crisis.details
    hidden = _hidden_for(g, crisis, viewer)
    contributions = d.get("contributions", {})
    delivered_through = d.get("integration", {})
    partners = []
    for seat, required in crisis.obligations.items():
        if seat == crisis.target or seat in hidden:
            continue
        sent = crisis.responses.get(seat, "none")
        coms = [g.state.commitments[c] for c in crisis.via.get(seat, []) if c in g.state.commitments]
        partners.append({
            "seat": seat, "name": name(seat), "expected": RESPONSES[required], "sent": sent,
            "honoured": rules.LEVEL[sent] >= required,
            "via": [c.name for c in coms if viewer in (None, FACILITATOR) or c.public or viewer in c.parties],
            "clause": clause_of(coms[0]) if coms else "",
            "integration": delivered_through.get(seat), "delivered": float(contributions.get(seat, 0.0)),
        })
    real, perceived = float(d.get("real", 0.0)), float(d.get("perceived", 0.0))
    real_known = not hidden  # a secret partner's share of real deterrence stays secret
    exposure = float(d.get("exposure", 0.0))
    u = float(d.get("roll", 0.5))
    margin = float(d.get("margin", 0.0))
    swing = (u - 0.5) * rules.ROLL_SWING
    penalty = rules.EXPOSURE_PENALTY * exposure
    spec = rules.spec_for(g, crisis)
    events = [e for e in g.events if e.data.get("crisis") == crisis.id and e.kind in ("credibility", "learning")
              and (e.public if viewer == PUBLIC else e.visible_to(viewer))]
    visible_total = sum(v for s, v in contributions.items() if s not in hidden)
    return {
        "id": crisis.id, "title": crisis.title, "text": crisis.text, "quarter": g.quarter_of(crisis.turn),
        "actor": g.scenario_actor(crisis.actor).name, "target": crisis.target, "target_name": name(crisis.target),
        "severity": crisis.severity, "injected": crisis.injected, "wavering": spec.kind == "wavering",
        "outcome": crisis.ruling or crisis.outcome, "rolled_outcome": crisis.outcome,
        "ruled": bool(crisis.ruling) and crisis.ruling != crisis.outcome,
        "own": {"sent": crisis.responses.get(crisis.target, "none"),
                "delivered": float(contributions.get(crisis.target, 0.0))},
        "partners": partners,
        "defence": float(d.get("defence", 0.0)) if not hidden else round(visible_total, 3),
        "defence_partial": bool(hidden),
        "threat": float(d.get("threat", threat_strength(g, spec))),
        "margin": margin,
        "deterrence": {"real": real if real_known else None, "perceived": perceived,
                       "gap": round(perceived - real, 2) if real_known else None},
        "roll": {"value": u, "swing": round(swing, 4), "margin": margin, "exposure_penalty": round(penalty, 4),
                 "score": round(margin - penalty + swing, 4), "deterred_at": rules.DETERRED_AT,
                 "contained_at": rules.CONTAINED_AT},
        "damage": int(d.get("damage", 0)),
        "credibility": [{"seat": e.data.get("seat", ""), "delta": float(e.data.get("delta", 0.0)), "text": e.text}
                        for e in events if e.kind == "credibility"],
        "learning": [e.text for e in events if e.kind == "learning"],
    }


def public_deterrence(g: "Game") -> dict[str, tuple[float, float]]:
    """Each seat's ``(real, perceived)`` deterrence index as the public can know it: real counts
    only the public commitments (a secret one may add to it unseen); perceived is what the
    adversaries believe, which is public by nature."""
    public_links = [link for link in links(g) if link[5]]
    out = {}
    for seat in SEATS:
        total_w = real_sum = perc_sum = 0.0
        for spec in g.scenario.crises:
            if seat not in spec.targets:
                continue
            r, p = _raw(g, seat, spec.weights, spec.actor, tuple(spec.excludes),
                        wavering_without(spec), public_links)
            threat = threat_strength(g, spec)
            total_w += spec.likelihood
            real_sum += spec.likelihood * as_index(r, threat)
            perc_sum += spec.likelihood * as_index(p, threat)
        out[seat] = (round(real_sum / total_w, 2), round(perc_sum / total_w, 2)) if total_w else (0.0, 0.0)
    return out
