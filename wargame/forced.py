"""What-if with a forced decision: the same seeded continuations played with and without one
action taken at a point, compared game by game (paired seeds).

    from wargame.forced import Forced, compare_forced
    force = Forced(A.Declare("riyadh", "islamabad"), turn=5)
    cmp = compare_forced(game, force, games=200, seed=1, workers=2)
    print(cmp.summary())

Continuation ``i`` of the forced run and of the baseline use the same seed, so they see the same
dice until the forced action changes the course of the game: the paired difference of a seat's
final score isolates the decision from the luck of the draw (and from whether a crisis came).
A forced crisis response may name no crisis (``Respond(seat, "", level)``): it answers the first
crisis the seat is called on to answer.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Callable

from wargame import actions as A
from wargame.actions import Action, action_from_dict
from wargame.errors import WargameError
from wargame.rules.game import Game
from wargame.types import SEAT_NAMES, SEATS


@dataclass(frozen=True)
class Forced:
    """An action to take at a point: the first moment, in ``turn`` (``None``: from the start),
    at which the seat may act and the action is legal."""

    action: Action
    turn: int | None = None

    def due(self, g: Game) -> bool:
        """Whether to take the action now (and it is legal now)."""
        if self.turn is not None and g.turn != self.turn:
            return False
        if self.action.seat not in g.acting_seats():
            return False
        return g.check(self.concrete(g)) is None

    def concrete(self, g: Game) -> Action:
        """The action for this position (a crisis response names the crisis under way)."""
        a = self.action
        if isinstance(a, A.Respond) and not a.crisis and g.state.crisis is not None:
            return dataclasses.replace(a, crisis=g.state.crisis.id)
        return a

    def describe(self) -> str:
        """In words, e.g. "Riyadh: Public declaration (target islamabad) in turn 5"."""
        a = self.action
        fields = ", ".join(f"{k} {SEAT_NAMES.get(v, v) if isinstance(v, str) else v}" for k, v in a.to_dict().items()
                           if k not in ("type", "seat", "crisis") and v not in ("", (), []))
        when = f" in turn {self.turn}" if self.turn is not None else ""
        return f"{SEAT_NAMES.get(a.seat, a.seat)}: {a.label}" + (f" ({fields})" if fields else "") + when

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"action": self.action.to_dict(), "turn": self.turn}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Forced":
        """Parse :meth:`to_dict`."""
        return cls(action_from_dict(data["action"]), data.get("turn"))


@dataclass
class ForcedComparison:
    """A forced run and its baseline, compared pair by pair."""

    force: Forced
    baseline: Any
    forced: Any
    paired: dict[str, dict[str, float]]
    applied: int
    outcomes: dict[str, dict[str, float]]

    def summary(self) -> str:
        """Readable text (what ``wargame simulate --force`` prints)."""
        n = len(self.forced.games)
        lines = [f"Forced decision: {self.force.describe()} — taken in {self.applied} of {n} games",
                 f"{'Final score':<14}{'without':>9}{'with':>9}{'paired diff':>13}{'better in':>11}"]
        for seat in SEATS:
            p = self.paired[seat]
            lines.append(f"{SEAT_NAMES[seat]:<14}{p['mean_without']:>9.1f}{p['mean_with']:>9.1f}"
                         f"{p['difference']:>+9.1f} ± {p['se']:.1f}{p['better_share']:>9.0%}")
        o = self.outcomes
        lines.append("Crisis outcomes without → with: " + ", ".join(
            f"{k} {o['without'][k]:.0%} → {o['with'][k]:.0%}" for k in o["without"]))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form (aggregates only)."""
        return {"force": self.force.to_dict(), "applied": self.applied, "paired": self.paired,
                "outcomes": self.outcomes, "baseline": self.baseline.to_dict(games=False),
                "forced": self.forced.to_dict(games=False)}


def paired_differences(base: list[dict[str, Any]], forced: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per seat: mean final score without and with, the mean paired difference, its standard
    error and the share of pairs where the forced game scored more (ties count half)."""
    by_index = {f["index"]: f for f in forced}
    pairs = [(b, by_index[b["index"]]) for b in base if b["index"] in by_index]
    out = {}
    for seat in SEATS:
        diffs = [f["scores"][seat] - b["scores"][seat] for b, f in pairs]
        n = len(diffs)
        mean = math.fsum(diffs) / n if n else 0.0
        var = math.fsum((d - mean) ** 2 for d in diffs) / (n - 1) if n > 1 else 0.0
        better = sum(1.0 if d > 1e-9 else 0.5 if abs(d) <= 1e-9 else 0.0 for d in diffs)
        out[seat] = {"mean_without": round(math.fsum(b["scores"][seat] for b, _ in pairs) / max(1, n), 4),
                     "mean_with": round(math.fsum(f["scores"][seat] for _, f in pairs) / max(1, n), 4),
                     "difference": round(mean, 4), "se": round(math.sqrt(var / n) if n else 0.0, 4),
                     "better_share": round(better / n, 4) if n else 0.0, "pairs": n}
    return out


def _outcome_shares(games: list[dict[str, Any]]) -> dict[str, float]:
    counts = {"deterred": 0, "contained": 0, "damaging": 0}
    for g in games:
        for c in g["crises"]:
            counts[c["outcome"]] = counts.get(c["outcome"], 0) + 1
    total = sum(counts.values()) or 1
    return {k: round(v / total, 4) for k, v in counts.items()}


def compare_forced(game: Game, force: Forced, games: int, seed: int, workers: int = 1,
                   styles: dict[str, str] | None = None,
                   progress: Callable[[int, int], None] | None = None, cancel: Any = None) -> ForcedComparison:
    """Play ``games`` continuations of ``game`` without and with ``force`` (same seeds) and
    compare them. ``progress(done, total)`` counts both runs (``total = 2 × games``)."""
    from wargame.simulate import simulate
    if force.action.seat not in SEATS:
        raise WargameError(f"a forced decision is a seat's action, not {force.action.seat!r}'s")
    if force.turn is not None and force.turn < game.turn:
        raise WargameError(f"turn {force.turn} is already past (the game is at turn {game.turn})")

    def part(offset: int) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        return lambda done, total: progress(offset + done, 2 * games)
    base = simulate(game, games, seed, workers, styles, progress=part(0), cancel=cancel)
    forced = simulate(game, games, seed, workers, styles, progress=part(games), cancel=cancel, force=force)
    applied = sum(1 for g in forced.games if g.get("forced"))
    if applied == 0:
        raise WargameError(f"the forced decision ({force.describe()}) was never legal in any continuation: "
                           "choose another action or turn")
    return ForcedComparison(force, base, forced, paired_differences(base.games, forced.games), applied,
                            {"without": _outcome_shares(base.games), "with": _outcome_shares(forced.games)})
