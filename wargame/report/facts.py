"""The facts a debrief tells, read from a finished (or paused) game: key decisions and crises."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wargame.events import Event
from wargame.rules.game import Game
from wargame.state import Crisis
from wargame.types import CLAUSES, RESPONSES, SEAT_NAMES, money

DECISION_KINDS = ("signed", "withdrawal", "hold", "sanctions", "signal", "purchase", "posture",
                  "ruling", "world")
"""Event kinds that make the timeline of key decisions."""

CLAUSE_OF_LEVEL = {level: clause for clause, level in CLAUSES.items()}


@dataclass(frozen=True, slots=True)
class Decision:
    """One line of the timeline."""

    turn: int
    category: str
    text: str
    seats: tuple[str, ...]
    public: bool


@dataclass(frozen=True, slots=True)
class Partner:
    """One seat's part in a crisis: what it owed, what it gave and what that was worth."""

    seat: str
    obliged: int
    response: str
    contribution: float | None
    via: tuple[str, ...]
    is_target: bool

    @property
    def obliged_text(self) -> str:
        """``material (assistance clause)``, or ``own defence`` for the target."""
        if self.is_target:
            return "own defence"
        if self.obliged == 0:
            return "not obliged"
        return f"{RESPONSES[self.obliged]} ({CLAUSE_OF_LEVEL.get(self.obliged, '?')} clause)"

    @property
    def verdict(self) -> str:
        """``honoured``, ``fell short`` or ``—`` (targets and seats not obliged)."""
        if self.is_target or self.obliged == 0:
            return "—"
        return "honoured" if RESPONSES.index(self.response) >= self.obliged else "fell short"


@dataclass(frozen=True, slots=True)
class CrisisFacts:
    """A resolved crisis, ready to print."""

    number: int
    crisis: Crisis
    quarter: str
    actor: str
    site: str
    partners: tuple[Partner, ...]
    outcome: str
    ruling_text: str
    learning: str
    damage: int
    """Damage to the target in $m, after any facilitator ruling."""

    @property
    def real(self) -> float:
        """Real deterrence of the target against this threat when the crisis came."""
        return float(self.crisis.details.get("real", 0.0))

    @property
    def perceived(self) -> float:
        """Perceived deterrence of the target against this threat when the crisis came."""
        return float(self.crisis.details.get("perceived", 0.0))

    @property
    def gap(self) -> float:
        """Bluff gap at the time (perceived minus real)."""
        return self.perceived - self.real

    @property
    def partner_share(self) -> float:
        """Share of the defence that came from partners (0..1)."""
        total = float(self.crisis.details.get("defence", 0.0))
        own = float(self.crisis.details.get("contributions", {}).get(self.crisis.target, 0.0))
        return (total - own) / total if total > 0 else 0.0


def category(event: Event) -> str:
    """A short label for a timeline event."""
    data = event.data
    if event.kind == "signed":
        return {"accession": "Accession", "layer": "Layer added", "convert": "Loan converted",
                "demand": "Understanding"}.get(str(data.get("deal", "")),
                                                "Assurance" if "assurance" in event.text else "Signed")
    if event.kind == "signal":
        return "Declaration" if "target" in data else "Exercise"
    if event.kind == "hold":
        return "Release" if "releases" in event.text else "Arms hold"
    if event.kind == "sanctions":
        return "Sanctions lifted" if "lifts" in event.text else "Sanctions"
    return {"withdrawal": "Withdrawal", "purchase": "Foreign purchase", "posture": "Posture",
            "ruling": "Ruling", "world": "Facilitator event" if data.get("injected") else "World event",
            }.get(event.kind, event.kind.title())


PREFIXES = ("Signed: ", "World: ", "EVENT: ")
"""Leading words the timeline drops (its category column says them)."""


def short_text(event: Event) -> str:
    """The event's sentence without a prefix that repeats its category."""
    for prefix in PREFIXES:
        if event.text.startswith(prefix):
            return event.text[len(prefix):]
    return event.text


def decisions(game: Game) -> list[Decision]:
    """Every key decision, in log order."""
    return [Decision(e.turn, category(e), short_text(e), tuple(e.seats), e.public)
            for e in game.events if e.kind in DECISION_KINDS]


def _site_name(game: Game, site: str) -> str:
    try:
        return game.scenario.site(site).name
    except (KeyError, ValueError, StopIteration):
        return site


def _actor_name(game: Game, crisis: Crisis) -> str:
    actor = crisis.details.get("custom", {}).get("actor", crisis.actor)
    try:
        return game.scenario_actor(actor).name
    except KeyError:
        return str(actor)


def _rulings(game: Game, crisis: Crisis) -> list[Event]:
    return [e for e in game.events if e.kind == "ruling" and e.data.get("crisis") == crisis.id]


def _ruling_text(game: Game, crisis: Crisis) -> str:
    parts = []
    for e in _rulings(game, crisis):
        delta = int(e.data.get("delta", 0))
        cost = (f"{seat_name(crisis.target)} pays {money(-delta)} more" if delta < 0 else
                f"{seat_name(crisis.target)} recovers {money(delta)}" if delta > 0 else "no change in damage")
        parts.append(f"{e.data.get('old', '?')} \u2192 {e.data.get('new', '?')} in "
                     f"{game.quarter_of(e.turn)}; {cost}. Rationale: {e.data.get('rationale', '')}")
    return " ".join(parts)


def _afterwards(game: Game, crisis: Crisis) -> str:
    """What the crisis taught: exposed bluffs and threat actors' learning."""
    lines = [e.text for e in game.events if e.turn == crisis.turn and crisis.target in e.seats and (
        e.kind == "learning" or (e.kind == "credibility" and "bluff" in e.text))]
    return "; ".join(lines)


def crisis_facts(game: Game) -> list[CrisisFacts]:
    """Every resolved crisis, numbered C1, C2... in order."""
    out = []
    for number, crisis in enumerate(game.state.crises, start=1):
        contributions: dict[str, Any] = crisis.details.get("contributions", {})
        partners = []
        for seat, level in crisis.obligations.items():
            value = contributions.get(seat)
            partners.append(Partner(
                seat=seat, obliged=int(level), response=crisis.responses.get(seat, "none"),
                contribution=None if value is None else float(value),
                via=tuple(_commitment_name(game, c) for c in crisis.via.get(seat, ())),
                is_target=seat == crisis.target))
        paid = -sum(int(e.data.get("delta", 0)) for e in _rulings(game, crisis))
        out.append(CrisisFacts(
            number=number, crisis=crisis, quarter=game.quarter_of(crisis.turn),
            actor=_actor_name(game, crisis), site=_site_name(game, crisis.site),
            partners=tuple(partners), outcome=crisis.ruling or crisis.outcome,
            ruling_text=_ruling_text(game, crisis), learning=_afterwards(game, crisis),
            damage=int(crisis.details.get("damage", 0)) + paid))
    return out


def _commitment_name(game: Game, cid: str) -> str:
    com = game.state.commitments.get(cid)
    return com.name if com is not None else cid


def signed(value: float) -> str:
    """A whole number with its sign (``+9``, ``-3``), and a plain ``0``."""
    text = f"{value:+.0f}"
    return "0" if text in ("+0", "-0") else text


def seat_name(seat: str) -> str:
    """Display name of a seat."""
    return SEAT_NAMES.get(seat, seat)


def history_value(game: Game, turn: int, seat: str, key: str) -> float | None:
    """A seat's indicator in the history row of ``turn`` (``None`` if there is none)."""
    for row in reversed(game.state.history):
        if row["turn"] == turn:
            return float(row["seats"][seat][key])
    return None


def first_last(game: Game) -> tuple[dict[str, Any], dict[str, Any]]:
    """The first and the last history rows (the start and the latest assessment)."""
    hist = game.state.history
    if not hist:
        row = {"turn": game.turn, "quarter": game.quarter, **game.indicators(), "crisis": None}
        return row, row
    return hist[0], hist[-1]
