"""The game state: plain dataclasses holding only JSON-safe values.

``state_to_dict`` / ``state_from_dict`` round-trip exactly; :func:`wargame.digest.digest` hashes
the state, so two states have equal digests exactly when they are equal.
"""
from __future__ import annotations

import dataclasses
import json
import pickle
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class SeatState:
    """What one seat holds. Money is in whole millions of dollars."""

    budget: int
    income: int
    debt: int
    reserves: int
    pc: int
    pc_per_turn: int
    capability: dict[str, float]
    credibility: float
    standing: float
    stress: float
    stress_drift: float
    exports: int = 0
    inflows: int = 0
    premium_income: int = 0
    spent: int = 0
    offers_received: int = 0
    signal: float = 0.0
    sanctioned: bool = False
    done: bool = False
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    declared: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Commitment:
    """A typed, dated, costed edge (or hyperedge) between seats."""

    id: str
    kind: str
    name: str
    parties: list[str]
    terms: dict[str, Any]
    status: str
    public: bool
    signed: int
    layers: dict[str, Any] = field(default_factory=dict)
    origin: str = ""


@dataclass(slots=True)
class Proposal:
    """A deal offered by ``sender`` to the seats in ``to``, waiting for their answers."""

    id: str
    sender: str
    deal: str
    to: list[str]
    terms: dict[str, Any]
    public: bool
    turn: int
    answers: dict[str, str] = field(default_factory=dict)
    status: str = "open"
    reply_to: str = ""


@dataclass(slots=True)
class Crisis:
    """A crisis test: its draw, who is obliged to respond, the responses and the outcome."""

    id: str
    type: str
    title: str
    actor: str
    target: str
    site: str
    kind: str
    severity: float
    text: str
    turn: int
    obligations: dict[str, int] = field(default_factory=dict)
    via: dict[str, list[str]] = field(default_factory=dict)
    responses: dict[str, str] = field(default_factory=dict)
    outcome: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    injected: bool = False
    ruling: str = ""


@dataclass(slots=True)
class State:
    """Everything that changes during a game, including the random generator's state."""

    turn: int
    phase: str
    rng: int
    counter: int
    over: bool
    seats: dict[str, SeatState]
    commitments: dict[str, Commitment]
    proposals: dict[str, Proposal]
    crisis: Crisis | None
    crises: list[Crisis]
    actors: dict[str, dict[str, Any]]
    posture: dict[str, int]
    params: dict[str, float]
    history: list[dict[str, Any]] = field(default_factory=list)
    external: int = 0
    held_phase: bool = False
    phase_actions: list[dict[str, Any]] = field(default_factory=list)
    phase_base: dict[str, Any] | None = None
    notes: list[dict[str, Any]] = field(default_factory=list)
    action_count: int = 0
    event_count: int = 0
    """Length of the game's event log (so a note's event index is checked from the state alone)."""
    digest_memo: Any = field(default=None, compare=False, repr=False)
    """What :func:`wargame.digest.digest` last worked out on this state: not part of the state
    (equality, the dict form and clones' comparisons ignore it)."""


def _copy(value: Any) -> Any:
    """Deep copy of a JSON-like value (dicts, lists, scalars)."""
    kind = type(value)
    if kind is dict:
        return {k: (v if type(v) in _SCALARS else _copy(v)) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _SCALARS else _copy(v) for v in value]
    return value


_SCALARS = frozenset((int, float, str, bool, type(None)))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _obj(obj: Any) -> dict[str, Any]:
    cls = type(obj)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return {n: _copy(getattr(obj, n)) for n in names}


# Specialised copies of the hot records: the snapshot taken at every phase and the digest
# serialise them often, and their nested values are known to be flat (scalars) except where
# noted, so a shallow copy of each nested container is a deep copy. The outputs equal _obj's.

def _seat_dict(s: SeatState) -> dict[str, Any]:
    return {
        "budget": s.budget, "income": s.income, "debt": s.debt, "reserves": s.reserves,
        "pc": s.pc, "pc_per_turn": s.pc_per_turn, "capability": s.capability.copy(),
        "credibility": s.credibility, "standing": s.standing, "stress": s.stress,
        "stress_drift": s.stress_drift, "exports": s.exports, "inflows": s.inflows,
        "premium_income": s.premium_income, "spent": s.spent,
        "offers_received": s.offers_received, "signal": s.signal, "sanctioned": s.sanctioned,
        "done": s.done, "deliveries": [d.copy() for d in s.deliveries],
        "declared": s.declared.copy(),
    }


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    """Copy of a dict whose values are normally scalars (falls back to a deep copy)."""
    for v in d.values():
        if type(v) not in _SCALARS:
            return _copy(d)
    return d.copy()


def _commitment_dict(c: Commitment) -> dict[str, Any]:
    return {
        "id": c.id, "kind": c.kind, "name": c.name, "parties": c.parties.copy(),
        "terms": _flat(c.terms), "status": c.status, "public": c.public, "signed": c.signed,
        "layers": _flat(c.layers), "origin": c.origin,
    }


def _proposal_dict(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id, "sender": p.sender, "deal": p.deal, "to": p.to.copy(), "terms": _flat(p.terms),
        "public": p.public, "turn": p.turn, "answers": p.answers.copy(), "status": p.status,
        "reply_to": p.reply_to,
    }


def _crisis_dict(c: Crisis) -> dict[str, Any]:
    details = {}
    for k, v in c.details.items():
        kind = type(v)
        details[k] = v if kind in _SCALARS else _flat(v) if kind is dict else _copy(v)
    return {
        "id": c.id, "type": c.type, "title": c.title, "actor": c.actor, "target": c.target,
        "site": c.site, "kind": c.kind, "severity": c.severity, "text": c.text, "turn": c.turn,
        "obligations": c.obligations.copy(), "via": {k: v.copy() for k, v in c.via.items()},
        "responses": c.responses.copy(), "outcome": c.outcome, "details": details,
        "injected": c.injected, "ruling": c.ruling,
    }


def _crises_list(state: State, reuse: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Past crises change only by a ruling: an earlier snapshot's dict serves if the ruling is the same."""
    out = []
    for i, c in enumerate(state.crises):
        old = reuse[i] if reuse is not None and i < len(reuse) else None
        out.append(old if old is not None and old["id"] == c.id and old["ruling"] == c.ruling
                   else _crisis_dict(c))
    return out


TERMINAL = frozenset(("expired", "broken"))
"""Statuses a commitment never leaves: the rules do not change such a commitment again.
(``suspended`` is not one: a suspended fee-based commitment resumes when its payer can pay.)"""


def _commitments_dict(state: State, reuse: dict[str, Any] | None) -> dict[str, Any]:
    if not reuse:
        return {k: _commitment_dict(v) for k, v in state.commitments.items()}
    out = {}
    for k, v in state.commitments.items():
        old = reuse.get(k) if v.status in TERMINAL else None
        same = (old is not None and old["status"] == v.status and old["signed"] == v.signed
                and old["kind"] == v.kind and old["origin"] == v.origin)
        out[k] = old if same else _commitment_dict(v)
    return out


def _state_dict(state: State, history: bool, base: bool,
                reuse: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "turn": state.turn, "phase": state.phase, "rng": state.rng, "counter": state.counter,
        "over": state.over,
        "seats": {k: _seat_dict(v) for k, v in state.seats.items()},
        "commitments": _commitments_dict(state, None if reuse is None else reuse["commitments"]),
        "proposals": {k: _proposal_dict(v) for k, v in state.proposals.items()},
        "crisis": None if state.crisis is None else _crisis_dict(state.crisis),
        "crises": _crises_list(state, None if reuse is None else reuse["crises"]),
        "actors": _copy(state.actors), "posture": dict(state.posture), "params": dict(state.params),
        "history": _copy(state.history) if history else None,
        "external": state.external, "held_phase": state.held_phase,
        "phase_actions": _copy(state.phase_actions),
        "phase_base": _copy(state.phase_base) if base else state.phase_base,
        "notes": _copy(state.notes), "action_count": state.action_count,
        "event_count": state.event_count,
    }


def state_to_dict(state: State, history: bool = True) -> dict[str, Any]:
    """The plain JSON-safe dict form of a state (a deep copy).

    ``history=False`` leaves out the per-quarter history (used for the phase snapshot,
    since the history never changes within a phase).
    """
    return _state_dict(state, history, True)


def snapshot(state: State, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The undo snapshot of a phase: the state's dict form without history or snapshot.

    ``previous`` (an earlier snapshot of the same game) lets it share the dicts of commitments
    that had already reached a terminal status then (they cannot have changed since) and of
    past crises with the same ruling; snapshots are never mutated. The result is equal either
    way; only the work differs.
    """
    base, state.phase_base = state.phase_base, None
    try:
        return _state_dict(state, False, False, previous)
    finally:
        state.phase_base = base


def _seat(d: dict[str, Any]) -> SeatState:
    return SeatState(**{**d, "capability": dict(d["capability"]),
                        "deliveries": [dict(x) for x in d["deliveries"]],
                        "declared": dict(d["declared"])})


def _crisis(d: dict[str, Any] | None) -> Crisis | None:
    return None if d is None else Crisis(**d)


def state_from_dict(data: dict[str, Any], copy: bool = True) -> State:
    """Rebuild a state from :func:`state_to_dict`'s output (which it does not alias, unless
    ``copy=False``: for a dict nothing else holds, such as one just parsed from JSON)."""
    if copy:
        data = _copy(data)
    return State(
        turn=data["turn"], phase=data["phase"], rng=data["rng"], counter=data["counter"],
        over=data["over"],
        seats={k: _seat(v) for k, v in data["seats"].items()},
        commitments={k: Commitment(**v) for k, v in data["commitments"].items()},
        proposals={k: Proposal(**v) for k, v in data["proposals"].items()},
        crisis=_crisis(data["crisis"]),
        crises=[Crisis(**c) for c in data["crises"]],
        actors=data["actors"], posture=data["posture"], params=data["params"],
        history=data["history"] if data["history"] is not None else [], external=data["external"], held_phase=data["held_phase"],
        phase_actions=data["phase_actions"], phase_base=data["phase_base"], notes=data["notes"],
        action_count=data["action_count"], event_count=data.get("event_count", 0),
    )


def canonical_json(data: Any) -> str:
    """The state's JSON text: no spaces, floats in repr form, dict keys in their own order.

    Keys are *not* sorted: the rules iterate dicts (commitments, proposals...) in insertion
    order, so that order is part of the state, and the digest must see it. Insertion order is
    deterministic (same scenario, seed and actions give the same order) and survives clone and
    the dict round trip.
    """
    return _ENCODE(data)


_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode
"""``json.dumps`` with these options, without building an encoder at each call (the digest
hashes many small values)."""


def clone_state(state: State) -> State:
    """An independent copy (one pickle round trip).

    The history rows and the phase snapshot are shared, not copied: the rules never change
    either in place (a row is appended once per quarter; a snapshot is replaced, never edited),
    and copying them was most of the cost of a clone late in a game. The copy gets what the
    digest had worked out on the original, so its first digest is as cheap as the original's.
    """
    history, base, memo = state.history, state.phase_base, state.digest_memo
    state.history, state.phase_base, state.digest_memo = [], None, None
    try:
        other: State = pickle.loads(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        state.history, state.phase_base, state.digest_memo = history, base, memo
    other.history = list(history)
    other.phase_base = base
    if memo is not None:
        other.digest_memo = memo.copy(other)
    return other
