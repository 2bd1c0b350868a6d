"""Paired comparisons over seeded games: the mean difference and its 95% half-width."""
from __future__ import annotations

import math
import statistics
from typing import Any, Callable, Iterable


def paired_effect(diffs: list[float]) -> tuple[float, float]:
    """``(mean, half-width of the 95% confidence interval)`` of paired differences."""
    return statistics.fmean(diffs), 1.96 * statistics.stdev(diffs) / math.sqrt(len(diffs))


def paired_scores(scenario: Any, seat: str, seeds: Iterable[int],
                  variant: Callable[[int], dict[str, Any]]) -> list[float]:
    """For each seed, ``seat``'s final score with ``variant(seed)``'s players minus its score
    with balanced bots at every seat (the same scenario and seed)."""
    from wargame.bots import make_bots, play_bots
    from wargame.rules.game import Game
    diffs = []
    for seed in seeds:
        base = Game(scenario, seed)
        play_bots(base, make_bots(seed))
        other = Game(scenario, seed)
        play_bots(other, variant(seed))
        diffs.append(other.score(seat).total - base.score(seat).total)
    return diffs
