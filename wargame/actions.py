"""Actions: small typed value objects, one class per kind, whose dict form round-trips exactly.

Every action names the ``seat`` that takes it. ``Terms`` is a sorted tuple of ``(key, value)``
pairs with scalar values, so actions stay hashable and compare by value.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, Mapping, Union

Scalar = Union[int, float, str, bool]
Terms = tuple[tuple[str, Scalar], ...]

ACTION_TYPES: dict[str, type["Action"]] = {}

OMIT_EMPTY: frozenset[str] = frozenset({"reason"})
"""Optional fields left out of the dict form while empty (so saves made before they existed,
and the digests of their states, stay the same)."""


def make_terms(mapping: Mapping[str, Scalar] | Terms | None = None, **kwargs: Scalar) -> Terms:
    """Build canonical ``Terms`` from a mapping or keyword arguments."""
    items: dict[str, Scalar] = dict(mapping or ())
    items.update(kwargs)
    for key, value in items.items():
        if not isinstance(value, (int, float, str, bool)):
            raise TypeError(f"term {key!r} must be a number, text or true/false, not {type(value).__name__}")
    return tuple(sorted(items.items()))


@dataclass(frozen=True, slots=True)
class Action:
    """Base of every action. ``kind`` is the stable name used in saves and on the command line."""

    seat: str
    kind: ClassVar[str] = "action"
    label: ClassVar[str] = "Action"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe dict form; :func:`action_from_dict` parses it back exactly."""
        out: dict[str, Any] = {"type": self.kind}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name in OMIT_EMPTY and not value:
                continue
            if field.name == "terms":
                value = dict(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[field.name] = value
        return out

    def term(self, key: str, default: Any = None) -> Any:
        """A term's value (for actions that carry ``terms``)."""
        for k, v in getattr(self, "terms", ()):
            if k == key:
                return v
        return default


def _register(cls: type[Action]) -> type[Action]:
    ACTION_TYPES[cls.kind] = cls
    return cls


def action_from_dict(data: Mapping[str, Any]) -> Action:
    """Parse the dict form of an action; raises ``ValueError`` naming what is wrong."""
    if not isinstance(data, Mapping) or "type" not in data:
        raise ValueError("an action needs a 'type'")
    cls = ACTION_TYPES.get(data["type"])
    if cls is None:
        raise ValueError(f"unknown action type {data['type']!r}")
    kwargs: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name not in data:
            if field.default is not dataclasses.MISSING:
                continue
            raise ValueError(f"action {cls.kind!r} lacks field {field.name!r}")
        value = data[field.name]
        if field.name == "terms":
            value = make_terms(value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[field.name] = value
    extra = set(data) - {f.name for f in dataclasses.fields(cls)} - {"type"}
    if extra:
        raise ValueError(f"action {cls.kind!r} has unknown fields {sorted(extra)}")
    return cls(**kwargs)


@_register
@dataclass(frozen=True, slots=True)
class EndPhase(Action):
    """The seat is done for this phase (diplomacy or investment)."""

    kind: ClassVar[str] = "end_phase"
    label: ClassVar[str] = "End phase"


@_register
@dataclass(frozen=True, slots=True)
class Propose(Action):
    """Offer a deal (see ``wargame.types.DEALS``) with terms to one or more seats."""

    deal: str = "agreement"
    to: tuple[str, ...] = ()
    terms: Terms = ()
    public: bool = True
    kind: ClassVar[str] = "propose"
    label: ClassVar[str] = "Propose a deal"


@_register
@dataclass(frozen=True, slots=True)
class Accept(Action):
    """Accept a proposal addressed to the seat."""

    proposal: str = ""
    kind: ClassVar[str] = "accept"
    label: ClassVar[str] = "Accept proposal"


@_register
@dataclass(frozen=True, slots=True)
class Reject(Action):
    """Reject a proposal addressed to the seat, optionally saying why (computer players do)."""

    proposal: str = ""
    reason: str = ""
    kind: ClassVar[str] = "reject"
    label: ClassVar[str] = "Reject proposal"


@_register
@dataclass(frozen=True, slots=True)
class Counter(Action):
    """Reject a proposal and send back the same deal with changed terms."""

    proposal: str = ""
    terms: Terms = ()
    kind: ClassVar[str] = "counter"
    label: ClassVar[str] = "Counter-propose"


@_register
@dataclass(frozen=True, slots=True)
class Withdraw(Action):
    """Leave an active commitment; costs credibility."""

    commitment: str = ""
    kind: ClassVar[str] = "withdraw"
    label: ClassVar[str] = "Withdraw from a commitment"


@_register
@dataclass(frozen=True, slots=True)
class Declare(Action):
    """A public declaration of support for a seat: cheap, raises perceived deterrence."""

    target: str = ""
    kind: ClassVar[str] = "declare"
    label: ClassVar[str] = "Public declaration"


@_register
@dataclass(frozen=True, slots=True)
class ShowExercise(Action):
    """A visible one-off exercise on a pact or agreement: perceived deterrence and a little habit."""

    commitment: str = ""
    kind: ClassVar[str] = "show_exercise"
    label: ClassVar[str] = "Visible exercise"


@_register
@dataclass(frozen=True, slots=True)
class Invest(Action):
    """Buy national capability in a domain ($m); delivered next turn."""

    domain: str = "air"
    amount: int = 0
    kind: ClassVar[str] = "invest"
    label: ClassVar[str] = "Invest in own forces"


@_register
@dataclass(frozen=True, slots=True)
class BuyForeign(Action):
    """Buy from Russia or China: cheap capability, but Washington notices."""

    supplier: str = "russia"
    domain: str = "amd"
    amount: int = 0
    kind: ClassVar[str] = "buy_foreign"
    label: ClassVar[str] = "Buy from Russia/China"


@_register
@dataclass(frozen=True, slots=True)
class Assure(Action):
    """Washington extends a security assurance to a seat, public or private."""

    to: str = ""
    public: bool = True
    kind: ClassVar[str] = "assure"
    label: ClassVar[str] = "Security assurance"


@_register
@dataclass(frozen=True, slots=True)
class Posture(Action):
    """Washington raises (+1) or lowers (-1) its force posture at a regional base."""

    base: str = ""
    change: int = 1
    kind: ClassVar[str] = "posture"
    label: ClassVar[str] = "Change force posture"


@_register
@dataclass(frozen=True, slots=True)
class Hold(Action):
    """Washington holds deliveries of one of its arms sales."""

    commitment: str = ""
    kind: ClassVar[str] = "hold"
    label: ClassVar[str] = "Hold an arms sale"


@_register
@dataclass(frozen=True, slots=True)
class Release(Action):
    """Washington releases a held arms sale."""

    commitment: str = ""
    kind: ClassVar[str] = "release"
    label: ClassVar[str] = "Release a held sale"


@_register
@dataclass(frozen=True, slots=True)
class Sanction(Action):
    """Washington applies (CAATSA-like) sanctions pressure on a seat's purchases."""

    target: str = ""
    kind: ClassVar[str] = "sanction"
    label: ClassVar[str] = "Sanctions pressure"


@_register
@dataclass(frozen=True, slots=True)
class LiftSanctions(Action):
    """Washington lifts sanctions pressure on a seat."""

    target: str = ""
    kind: ClassVar[str] = "lift_sanctions"
    label: ClassVar[str] = "Lift sanctions"


@_register
@dataclass(frozen=True, slots=True)
class Respond(Action):
    """A seat's response to the crisis under way: none, diplomatic, material or military."""

    crisis: str = ""
    level: str = "none"
    kind: ClassVar[str] = "respond"
    label: ClassVar[str] = "Respond to the crisis"


@_register
@dataclass(frozen=True, slots=True)
class Undo(Action):
    """Take back the seat's last action of the current phase, where the rules allow."""

    kind: ClassVar[str] = "undo"
    label: ClassVar[str] = "Undo last action"


@_register
@dataclass(frozen=True, slots=True)
class InjectCrisis(Action):
    """Facilitator: start a crisis now, from the deck or custom."""

    crisis_type: str = ""
    target: str = ""
    severity: float = 1.0
    title: str = ""
    text: str = ""
    kind: ClassVar[str] = "inject_crisis"
    label: ClassVar[str] = "Inject a crisis"


@_register
@dataclass(frozen=True, slots=True)
class InjectEvent(Action):
    """Facilitator: a world event with effects on one seat (terms: budget, stress, credibility, standing)."""

    title: str = ""
    text: str = ""
    target: str = ""
    terms: Terms = ()
    kind: ClassVar[str] = "inject_event"
    label: ClassVar[str] = "Inject a world event"


@_register
@dataclass(frozen=True, slots=True)
class SetParameter(Action):
    """Facilitator: change a rule parameter, with a logged reason."""

    name: str = ""
    value: float = 0.0
    reason: str = ""
    kind: ClassVar[str] = "set_parameter"
    label: ClassVar[str] = "Change a parameter"


@_register
@dataclass(frozen=True, slots=True)
class Ruling(Action):
    """Facilitator: rule on a disputed crisis outcome (matrix-game style), with a rationale."""

    crisis: str = ""
    outcome: str = "contained"
    rationale: str = ""
    kind: ClassVar[str] = "ruling"
    label: ClassVar[str] = "Rule on an outcome"


@_register
@dataclass(frozen=True, slots=True)
class Note(Action):
    """Facilitator: pin a note to a logged event (by its index in the event log)."""

    text: str = ""
    event: int = -1
    kind: ClassVar[str] = "note"
    label: ClassVar[str] = "Pin a note"


@_register
@dataclass(frozen=True, slots=True)
class PhaseControl(Action):
    """Facilitator: advance, hold or extend the current phase (``command``; ``seconds`` for extend)."""

    command: str = "advance"
    seconds: int = 0
    kind: ClassVar[str] = "phase_control"
    label: ClassVar[str] = "Control the phase"


SEAT_ACTIONS: tuple[str, ...] = (
    "propose", "accept", "reject", "counter", "withdraw", "declare", "show_exercise", "invest",
    "buy_foreign", "assure", "posture", "hold", "release", "sanction", "lift_sanctions",
    "respond", "undo", "end_phase",
)
FACILITATOR_ACTIONS: tuple[str, ...] = (
    "inject_crisis", "inject_event", "set_parameter", "ruling", "note", "phase_control",
)
