"""Paired comparisons over seeded games: the mean difference and its 95% half-width."""
from __future__ import annotations

import math
import statistics


def paired_effect(diffs: list[float]) -> tuple[float, float]:
    """``(mean, half-width of the 95% confidence interval)`` of paired differences."""
    return statistics.fmean(diffs), 1.96 * statistics.stdev(diffs) / math.sqrt(len(diffs))
