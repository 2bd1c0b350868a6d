"""Calibrating the crisis deck against history: how often each type of test ends damaging.

Each crisis type in a scenario may give ``damaging``, the share of its tests that history
suggests end damaging (with ``damaging_cite``), and carries ``calibration``, a multiplier on
its threat (:func:`wargame.rules.deterrence.threat_strength`). :func:`damaging_shares` measures
the share over seeded games of balanced bots; :func:`fit` moves each multiplier until balanced
play lands near the historical share. ``tools/calibrate_crises.py`` writes the result into the
scenario file, and a test checks the stored calibration still holds.
"""
from __future__ import annotations

import math
from concurrent.futures import ProcessPoolExecutor
from typing import Callable

from wargame.bots import make_bots, play_bots
from wargame.rules.game import Game
from wargame.scenario import Scenario

Shares = dict[str, tuple[int, int]]
"""Per crisis type: ``(damaging tests, all tests)``."""


def _one(args: tuple[Scenario, int]) -> Shares:
    scenario, seed = args
    g = Game(scenario, seed)
    play_bots(g, make_bots(seed))
    out: dict[str, list[int]] = {}
    for c in g.state.crises:
        row = out.setdefault(c.type, [0, 0])
        row[0] += (c.ruling or c.outcome) == "damaging"
        row[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def damaging_shares(scenario: Scenario, games: int, seed: int = 1, workers: int = 1) -> Shares:
    """How many tests of each type ended damaging, over ``games`` balanced games from ``seed``."""
    tasks = [(scenario, s) for s in range(seed, seed + games)]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_one, tasks, chunksize=8))
    else:
        parts = [_one(t) for t in tasks]
    total: dict[str, list[int]] = {}
    for part in parts:
        for k, (d, n) in part.items():
            row = total.setdefault(k, [0, 0])
            row[0] += d
            row[1] += n
    return {k: (v[0], v[1]) for k, v in total.items()}


def _logit(p: float) -> float:
    p = min(0.97, max(0.03, p))
    return math.log(p / (1 - p))


def with_calibration(scenario: Scenario, values: dict[str, float]) -> Scenario:
    """The scenario with these crisis types' calibration multipliers."""
    crises = [c.model_copy(update={"calibration": round(values.get(c.id, c.calibration), 3)}) for c in scenario.crises]
    return scenario.model_copy(update={"crises": crises})


def fit(scenario: Scenario, rounds: int = 6, games: int = 150, workers: int = 1,
        report: Callable[[int, Shares, dict[str, float]], None] | None = None) -> dict[str, float]:
    """Multipliers that bring each targeted type's damaging share near its ``damaging``: each
    round measures the shares and moves every multiplier in log space, by the gap in log-odds
    (at most a factor of 1.6 a round, between 0.2 and 8 in all)."""
    values = {c.id: c.calibration for c in scenario.crises}
    targets = {c.id: c.damaging for c in scenario.crises if c.damaging is not None}
    best: dict[str, tuple[float, float]] = {}  # per type: (distance to target, multiplier)
    for r in range(rounds):
        # a fresh set of seeds each round, so the fit does not learn one set's luck
        shares = damaging_shares(with_calibration(scenario, values), games, seed=1 + r * games, workers=workers)
        if report:
            report(r, shares, values)
        for cid, target in targets.items():
            d, n = shares.get(cid, (0, 0))
            if n < 5:
                continue
            gap = abs(d / n - target)
            if cid not in best or gap < best[cid][0]:
                best[cid] = (gap, values[cid])
            # smaller steps as the rounds go: some types turn from rarely to often damaging
            # within a narrow band of threat, and a fixed step oscillates across it
            step = 0.35 / (1 + r / 2) * (_logit(target) - _logit(d / n))
            values[cid] = min(8.0, max(0.2, values[cid] * math.exp(max(-0.47, min(0.47, step)))))
    # each type keeps the multiplier that came closest to its target in any round
    values.update({cid: v for cid, (_, v) in best.items()})
    return {k: round(v, 3) for k, v in values.items()}
