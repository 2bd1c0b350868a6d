"""The quarter's phase machine: events and income, diplomacy, investment, crisis, assessment."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.rules import crisis as crisis_rules
from wargame.rules.common import clamp, emit, external, name
from wargame.rules.deterrence import active_commitments, memo, pact_deterrence, seat_deterrence
from wargame.rules.flows import quarter_flows
from wargame.rules.scoring import score
from wargame.state import snapshot
from wargame.types import PHASE_NAMES, SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

WORLD_EVENTS = (
    ("riyadh", "Oil prices slide", {"budget": -400, "stress": 3.0}, 0.12),
    ("riyadh", "Oil prices spike", {"budget": 500}, 0.10),
    ("islamabad", "IMF review passed", {"stress": -6.0}, 0.12),
    ("islamabad", "IMF review delayed", {"stress": 6.0}, 0.10),
    ("ankara", "Lira under pressure", {"stress": 5.0, "budget": -150}, 0.10),
    ("washington", "Congress trims regional funding", {"budget": -300}, 0.08),
)
"""Random world events of the events phase: (seat, title, effects, probability)."""


def enter(g: "Game", phase: str) -> None:
    """Enter a phase, running automatic phases until one needs the players."""
    st = g.state
    while True:
        st.phase = phase
        if phase == "events":
            emit(g, "turn", f"=== {g.quarter} ===", [], True, quarter=g.quarter)
            quarter_flows(g)
            _world_events(g)
            phase = "diplomacy"
            continue
        if phase in ("diplomacy", "investment"):
            for seat in SEATS:
                st.seats[seat].done = False
            st.held_phase = False
            st.phase_actions = []
            st.phase_base = None
            st.phase_base = g._last_base = snapshot(st, g._last_base)
            emit(g, "phase", f"{PHASE_NAMES[phase]} phase", [], True)
            # the log's length once this action's events are in: what a replay starts from
            st.phase_base["event_count"] = st.event_count + len(g._pending)
            return
        if phase == "crisis":
            st.phase_actions = []
            st.phase_base = None
            st.held_phase = False
            if st.crisis is None:
                # the draw reads deterrence; when no crisis starts nothing changes before the
                # assessment, which reads the same figures: compute them once for both
                with memo(g):
                    crisis_rules.draw(g)
                    if st.crisis is None:
                        st.phase = "assessment"
                        record_history(g)
                        phase = "assessed"
                        continue
            if st.crisis is not None:
                return
            phase = "assessment"
            continue
        if phase in ("assessment", "assessed"):
            if phase == "assessment":
                record_history(g)
            else:
                st.phase = "assessment"
            if st.turn >= g.scenario.meta.turns:
                st.over = True
                emit(g, "over", "The game is over: final scores are in", [], True)
                return
            st.turn += 1
            phase = "events"
            continue
        raise AssertionError(phase)


def maybe_advance(g: "Game") -> None:
    """After an action: move on if every seat is done (or every obliged seat has responded)."""
    st = g.state
    if st.over:
        return
    if st.phase in ("diplomacy", "investment"):
        if st.held_phase or not all(st.seats[s].done for s in SEATS):
            return
        enter(g, "investment" if st.phase == "diplomacy" else "crisis")
    elif st.phase == "crisis" and st.crisis is not None:
        if st.held_phase or any(s not in st.crisis.responses for s in st.crisis.obligations):
            return
        crisis_rules.resolve(g)
        enter(g, "assessment")


def _world_events(g: "Game") -> None:
    st = g.state
    for seat, title, effects, prob in WORLD_EVENTS:
        u = crisis_rules.roll(g)
        if u >= prob:
            continue
        s = st.seats[seat]
        budget = int(effects.get("budget", 0))
        if budget < 0:
            budget = -min(-budget, s.budget)
        if budget:
            external(g, seat, budget)
        if "stress" in effects:
            s.stress = clamp(s.stress + effects["stress"])
        emit(g, "world", f"World: {title} ({name(seat)}"
             + (f", budget {budget:+d}m" if budget else "")
             + (f", stress {effects['stress']:+g}" if "stress" in effects else "") + ")",
             [seat], True, title=title, roll=round(u, 6), effects={"budget": budget, **{k: v for k, v in effects.items() if k != "budget"}})


def indicators(g: "Game") -> dict[str, Any]:
    """Every headline indicator now: per seat and per pact (what the history records)."""
    with memo(g):
        return _indicators(g)


def _indicators(g: "Game") -> dict[str, Any]:
    st = g.state
    seats: dict[str, Any] = {}
    for seat in SEATS:
        s = st.seats[seat]
        real, perceived = seat_deterrence(g, seat)
        sc = score(g, seat)
        seats[seat] = {
            "budget": s.budget, "debt": s.debt, "reserves": s.reserves, "credibility": s.credibility,
            "standing": s.standing, "stress": s.stress, "real": real, "perceived": perceived,
            "gap": round(perceived - real, 2), "score": sc.total,
            "components": {c.key: c.value for c in sc.components},
            "exports": s.exports, "inflows": s.inflows, "spent": s.spent,
        }
    pacts = {}
    for com in active_commitments(g):
        if com.kind == "pact":
            real, perceived = pact_deterrence(g, com)
            pacts[com.id] = {"name": com.name, "members": list(com.parties), "real": real,
                             "perceived": perceived, "gap": round(perceived - real, 2)}
    return {"seats": seats, "pacts": pacts}


def record_history(g: "Game") -> None:
    """Append this quarter's indicators to the history (the indicator charts read it)."""
    st = g.state
    row = {"turn": st.turn, "quarter": g.quarter, **indicators(g)}
    last = st.crises[-1] if st.crises and st.crises[-1].turn == st.turn else None
    row["crisis"] = None if last is None else {"id": last.id, "title": last.title, "target": last.target,
                                               "outcome": last.outcome}
    st.history.append(row)
