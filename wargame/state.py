"""The game state: plain dataclasses holding only JSON-safe values.

``state_to_dict`` / ``state_from_dict`` round-trip exactly; ``digest`` hashes the canonical
JSON form, so two states have equal digests exactly when they are equal.
"""
from __future__ import annotations

import dataclasses
import hashlib
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


def state_to_dict(state: State, history: bool = True) -> dict[str, Any]:
    """The plain JSON-safe dict form of a state (a deep copy).

    ``history=False`` leaves out the per-quarter history (used for the phase snapshot,
    since the history never changes within a phase).
    """
    return {
        "turn": state.turn, "phase": state.phase, "rng": state.rng, "counter": state.counter,
        "over": state.over,
        "seats": {k: _obj(v) for k, v in state.seats.items()},
        "commitments": {k: _obj(v) for k, v in state.commitments.items()},
        "proposals": {k: _obj(v) for k, v in state.proposals.items()},
        "crisis": None if state.crisis is None else _obj(state.crisis),
        "crises": [_obj(c) for c in state.crises],
        "actors": _copy(state.actors), "posture": dict(state.posture), "params": dict(state.params),
        "history": _copy(state.history) if history else None,
        "external": state.external, "held_phase": state.held_phase,
        "phase_actions": _copy(state.phase_actions), "phase_base": _copy(state.phase_base),
        "notes": _copy(state.notes), "action_count": state.action_count,
    }


def _seat(d: dict[str, Any]) -> SeatState:
    return SeatState(**{**d, "capability": dict(d["capability"]),
                        "deliveries": [dict(x) for x in d["deliveries"]],
                        "declared": dict(d["declared"])})


def _crisis(d: dict[str, Any] | None) -> Crisis | None:
    return None if d is None else Crisis(**d)


def state_from_dict(data: dict[str, Any]) -> State:
    """Rebuild a state from :func:`state_to_dict`'s output (which it does not alias)."""
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
        action_count=data["action_count"],
    )


def canonical_json(data: Any) -> str:
    """Canonical JSON text: sorted keys, no spaces, floats in repr form."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def digest(state: State) -> str:
    """SHA-256 of the canonical JSON of the state, as 64 hex digits."""
    return hashlib.sha256(canonical_json(state_to_dict(state)).encode("utf-8")).hexdigest()


def clone_state(state: State) -> State:
    """A deep, independent copy (fast: one pickle round trip)."""
    return pickle.loads(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
