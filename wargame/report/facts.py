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
    def ruled(self) -> bool:
        """Whether a facilitator's ruling set the outcome (rather than the dice)."""
        return bool(self.crisis.ruling) and self.crisis.ruling != self.crisis.outcome

    @property
    def outcome_text(self) -> str:
        """The outcome, saying when it was a ruling: ``damaging by the facilitator's ruling
        (the dice said contained)``."""
        if not self.ruled:
            return self.outcome
        return f"{self.outcome} by the facilitator's ruling (the dice said {self.crisis.outcome})"

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


def ruling_cost(target: str, delta: int) -> str:
    """What a ruling's damage correction ``delta`` ($m) means for the target, in words."""
    if delta < 0:
        return f"{target} pays {money(-delta)} more"
    return f"{target} recovers {money(delta)}" if delta > 0 else "no change in damage"


def _ruling_text(game: Game, crisis: Crisis) -> str:
    parts = []
    for e in _rulings(game, crisis):
        cost = ruling_cost(seat_name(crisis.target), int(e.data.get("delta", 0)))
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


@dataclass(frozen=True, slots=True)
class Intervention:
    """One thing the facilitator did to the game: a parameter change, an inject or a ruling."""

    turn: int
    kind: str
    """``Parameter change``, ``Crisis injected``, ``Event injected`` or ``Ruling``."""
    text: str
    reason: str = ""


def _param_label(key: str) -> str:
    return key.replace("_", " ")


def interventions(game: Game) -> list[Intervention]:
    """Every facilitator intervention that changed the game, in log order, with its reason."""
    injected = {c.turn: c for c in game.state.crises if c.injected}
    if game.state.crisis is not None and game.state.crisis.injected:
        injected.setdefault(game.state.crisis.turn, game.state.crisis)
    crises = {c.id: c for c in game.state.crises}
    out: list[Intervention] = []
    for e in game.events:
        d = e.data
        if e.kind == "parameter":
            out.append(Intervention(e.turn, "Parameter change",
                                    f"{_param_label(str(d.get('name', '?')))}: {float(d.get('old', 0)):g} "
                                    f"\u2192 {float(d.get('new', 0)):g}", str(d.get("reason", ""))))
        elif e.kind == "ruling":
            c = crises.get(str(d.get("crisis", "")))
            what = f"{c.title} against {seat_name(c.target)}" if c is not None else "a crisis"
            cost = ruling_cost(seat_name(c.target) if c is not None else "the target", int(d.get("delta", 0)))
            out.append(Intervention(e.turn, "Ruling", f"{what}: outcome {d.get('old', '?')} \u2192 "
                                    f"{d.get('new', '?')}; {cost}", str(d.get("rationale", ""))))
        elif e.kind == "world" and d.get("injected"):
            out.append(Intervention(e.turn, "Event injected", short_text(e)))
        elif e.kind == "crisis" and e.turn in injected and e.text.startswith("CRISIS:"):
            c = injected.pop(e.turn)
            out.append(Intervention(e.turn, "Crisis injected",
                                    f"{c.title} against {seat_name(c.target)} (severity {c.severity:g})"))
    return out


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 exercise``, ``3 exercises`` (``many`` for irregular plurals)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def times(count: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


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
