"""Comparing two saved games, e.g. a game and a branch of it (no Qt).

:func:`compare_records` finds the common prefix of the two action logs (the branch point),
lists the decisions each game took after it grouped by quarter and seat, and sets the final
scores and headline indicators side by side. The app's comparison window draws it; anything
else (a script, a report) can print it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wargame.types import SEAT_NAMES, SEATS

INDICATOR_KEYS: tuple[str, ...] = ("score", "real", "perceived", "gap", "credibility", "standing", "stress",
                                   "budget", "debt")
"""Headline indicators compared at the end of each game."""
INDICATOR_LABELS: dict[str, str] = {
    "score": "Score", "real": "Real deterrence", "perceived": "Perceived deterrence", "gap": "Bluff gap",
    "credibility": "Credibility", "standing": "Standing", "stress": "Stress", "budget": "Budget ($m)",
    "debt": "Debt ($m)"}
ROUTINE_KINDS = frozenset({"end_phase"})
"""Action kinds that are bookkeeping rather than decisions (listed, flagged ``routine``)."""
ACTOR_ORDER: tuple[str, ...] = (*SEATS, "facilitator")


@dataclass(frozen=True)
class Decision:
    """One action taken after the branch point: when (the quarter and phase it was taken in), by
    whom, what (``text``: the first event it produced, or its label)."""

    index: int
    turn: int
    quarter: str
    phase: str
    seat: str
    kind: str
    label: str
    text: str

    @property
    def routine(self) -> bool:
        """Whether this is bookkeeping (ending a phase) rather than a decision."""
        return self.kind in ROUTINE_KINDS


@dataclass(frozen=True)
class SeatDecisions:
    """One seat's decisions in one quarter, in each game."""

    seat: str
    a: tuple[Decision, ...]
    b: tuple[Decision, ...]


@dataclass(frozen=True)
class QuarterDecisions:
    """The decisions of one quarter after the branch point, by seat."""

    turn: int
    quarter: str
    seats: tuple[SeatDecisions, ...]


@dataclass(frozen=True)
class IndicatorDiff:
    """One seat's indicator at the end of each game (``delta`` is B minus A)."""

    seat: str
    key: str
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else round(self.b - self.a, 2)


@dataclass(frozen=True)
class Comparison:
    """Two games side by side. ``common`` actions are shared (the branch point is after them)."""

    a_title: str
    b_title: str
    common: int
    same_start: bool
    branch_turn: int
    branch_quarter: str
    branch_phase: str
    a_actions: int
    b_actions: int
    a_after: tuple[Decision, ...]
    b_after: tuple[Decision, ...]
    quarters: tuple[QuarterDecisions, ...]
    scores_a: dict[str, float]
    scores_b: dict[str, float]
    indicators: tuple[IndicatorDiff, ...]
    history_a: list[dict[str, Any]] = field(repr=False)
    history_b: list[dict[str, Any]] = field(repr=False)
    quarter_names: list[str] = field(repr=False)
    a_end: str = ""
    b_end: str = ""
    recorded_branch: int | None = None
    """The branch index the save itself records, when one game is a branch of the other."""

    @property
    def branch_point(self) -> int:
        """The log index the two games part at (the number of shared actions)."""
        return self.common

    def differing(self, include_routine: bool = False) -> tuple[tuple[Decision, ...], tuple[Decision, ...]]:
        """The decisions after the branch point in A and in B (without phase ends by default)."""
        keep = (lambda d: True) if include_routine else (lambda d: not d.routine)
        return tuple(d for d in self.a_after if keep(d)), tuple(d for d in self.b_after if keep(d))

    def indicator(self, seat: str, key: str) -> IndicatorDiff:
        """The comparison of one seat's indicator."""
        return next(d for d in self.indicators if d.seat == seat and d.key == key)


def _decisions(entries: list[Any], start: int, quarter_of: Any) -> tuple[Decision, ...]:
    out = []
    for i in range(start + 1, len(entries)):
        entry, before = entries[i], entries[i - 1]
        action = entry.action
        first = next((e.text for e in entry.events if e.kind not in ("turn", "phase")), "")
        out.append(Decision(entry.index, before.turn, quarter_of(before.turn), before.phase, action.seat,
                            action.kind, action.label, first or action.label))
    return tuple(out)


def _group(a: tuple[Decision, ...], b: tuple[Decision, ...], quarter_of: Any) -> tuple[QuarterDecisions, ...]:
    turns = sorted({d.turn for d in (*a, *b)})
    out = []
    for turn in turns:
        rows = []
        seats = {d.seat for d in (*a, *b) if d.turn == turn}
        for seat in sorted(seats, key=lambda s: (ACTOR_ORDER.index(s) if s in ACTOR_ORDER else 99, s)):
            rows.append(SeatDecisions(seat, tuple(d for d in a if d.turn == turn and d.seat == seat),
                                      tuple(d for d in b if d.turn == turn and d.seat == seat)))
        out.append(QuarterDecisions(turn, quarter_of(turn), tuple(rows)))
    return tuple(out)


def _title(record: Any) -> str:
    path = getattr(record, "path", None)
    name = path.name if path is not None else f"game {record.game_id}"
    return f"{record.title} ({name})" if record.title else name


def _end_text(game: Any) -> str:
    return "game over" if game.over else f"{game.quarter} {game.phase}"


def _recorded_branch(a: Any, b: Any) -> int | None:
    """The branch index if one record names the other as its parent."""
    for child, parent in ((b, a), (a, b)):
        ref = getattr(child, "parent", None)
        path = getattr(parent, "path", None)
        if ref is not None and path is not None and str(ref.target) == str(path.resolve()):
            return child.branch_index
    return None


def compare_records(a: Any, b: Any) -> Comparison:
    """Compare two saved games (``GameRecord`` objects): branch point, differing decisions,
    final scores and indicators. Games of different scenarios or seeds share nothing."""
    ea, eb = a.entries(), b.entries()
    same_start = a.seed == b.seed and a.scenario.model_dump(mode="json") == b.scenario.model_dump(mode="json")
    common = 0
    if same_start:
        limit = min(len(ea), len(eb)) - 1
        while common < limit and ea[common + 1].action == eb[common + 1].action:
            common += 1
    game_a, game_b = a.load(check=False), b.load(check=False)
    quarter_of = game_a.quarter_of
    after_a, after_b = _decisions(ea, common, quarter_of), _decisions(eb, common, quarter_of)
    ind_a, ind_b = game_a.indicators()["seats"], game_b.indicators()["seats"]
    diffs = []
    for seat in SEATS:
        for key in INDICATOR_KEYS:
            va, vb = ind_a.get(seat, {}).get(key), ind_b.get(seat, {}).get(key)
            diffs.append(IndicatorDiff(seat, key, None if va is None else float(va), None if vb is None else float(vb)))
    point = ea[common]
    turns = game_a.scenario.meta.turns
    return Comparison(
        a_title=_title(a), b_title=_title(b), common=common, same_start=same_start,
        branch_turn=point.turn, branch_quarter=quarter_of(point.turn), branch_phase=point.phase,
        a_actions=len(ea) - 1, b_actions=len(eb) - 1, a_after=after_a, b_after=after_b,
        quarters=_group(after_a, after_b, quarter_of),
        scores_a={s: sc.total for s, sc in game_a.scores().items()},
        scores_b={s: sc.total for s, sc in game_b.scores().items()},
        indicators=tuple(diffs), history_a=game_a.state.history, history_b=game_b.state.history,
        quarter_names=[quarter_of(t) for t in range(1, turns + 1)],
        a_end=_end_text(game_a), b_end=_end_text(game_b), recorded_branch=_recorded_branch(a, b))


def format_comparison(c: Comparison, include_routine: bool = False) -> str:
    """A plain-text account of a comparison (for the command line and tests)."""
    lines = [f"A: {c.a_title} — {c.a_actions} actions, {c.a_end}",
             f"B: {c.b_title} — {c.b_actions} actions, {c.b_end}"]
    if not c.same_start:
        lines.append("The games start differently (scenario or seed): nothing is shared.")
    lines.append(f"Shared history: {c.common} actions; they part at {c.branch_quarter} ({c.branch_phase}).")
    for q in c.quarters:
        lines.append(f"\n{q.quarter}")
        for row in q.seats:
            a = [d.text for d in row.a if include_routine or not d.routine]
            b = [d.text for d in row.b if include_routine or not d.routine]
            if a or b:
                lines.append(f"  {SEAT_NAMES.get(row.seat, row.seat.title())}")
                lines += [f"    A: {t}" for t in a] + [f"    B: {t}" for t in b]
    lines.append("\nFinal scores (A → B):")
    for seat in SEATS:
        sa, sb = c.scores_a.get(seat, 0.0), c.scores_b.get(seat, 0.0)
        lines.append(f"  {SEAT_NAMES[seat]}: {sa:.1f} → {sb:.1f} ({sb - sa:+.1f})")
    return "\n".join(lines)
